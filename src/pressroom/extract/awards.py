"""Who won what: winners with their work, nominees and presenters.

``Awards`` runs the pass over one document: a claim for each category the
text names, filled in by the readers of each layout and phrasing, then each
claim's category named for the ceremony and year, and the same win told
twice merged into one award. The readers:

- winners_list: a category at the head of a line, its winner after a
  separator or on the lines below ("Best Actor, Drama: Name, 'Work'");
- winners_text: running text, a category tied to its winner by a verb or a
  noun ("X won best Y for Z", "Y goes to X", "X, a Golden Globe winner for Y");
- work_links: the works the document names, and the work each winner won for;
- nominees: the people and works a winner beat, or who lost;
- presenters: who handed out an award, and winners announced without their
  category ("And the winner is ...").
"""
from __future__ import annotations

import re

from ..knowledge import categories as cats
from ..knowledge import load_ceremony
from ..nlp.lexicon import lexicon
from ..records import Award, Mention
from .claims import _Claim, _fold, _line_end
from .nominees import Nominees
from .presenters import add_announced_winners, add_presenters
from .speakers import Speakers
from .winners_list import _LIST_HEAD, WinnersList
from .winners_text import WinnersText
from .work_links import WorkLinks
from .works import Works


class Awards(WinnersList, WinnersText, Nominees, WorkLinks):
    """The awards of one document, read with the people of its Speakers pass."""

    def __init__(self, ctx: Speakers, *, ceremony: str = "golden_globes", year: int | None = None) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text
        self.people = ctx.people
        self.ceremony = ceremony
        self.year = year
        self.lex = lexicon()
        self.works = Works(self.text, ctx.title_spans)
        self.mentions = cats.find_category_mentions(self.text, ceremony=ceremony, year=year)
        names = load_ceremony(ceremony)
        words = [names.get("ceremony", "")] + list(names.get("aliases", ()))
        self._ceremony_words = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words if w) + r")\b", re.I)
        self._sent_starts = [sent.start_char for sent in self.doc.sents]
        self._named_works = self._index_works()

    # -- the pass ---------------------------------------------------------------
    def extract(self) -> list[Award]:
        claims: list[_Claim] = []
        for m in self.mentions:
            claim = _Claim(m, kind=self._winner_kind(m))
            if not (self._from_list(claim) or self._from_sentence(claim)):
                self._nominee_or_presenter_only(claim)
            claims.append(claim)
        add_announced_winners(self, claims)
        add_presenters(self, claims)
        self._nominations(claims)
        self._beaten_later(claims)
        self._losers(claims)
        kept = [c for c in claims if c.winner or c.nominees or c.presenters]
        return self._resolve(kept)

    def _winner_kind(self, m: cats.CategoryMention) -> str:
        return "person" if m.role in ("actor", "actress", "honorary") or _is_director(m) else "title"

    # -- categories --------------------------------------------------------------
    def _resolve(self, claims: list[_Claim]) -> list[Award]:
        """Name each claim's category for the year: its own words and sentence first,
        then what the document tells of its work (a film? a show?), the same winner
        elsewhere in the document, and the categories already given to others."""
        fams: list[str | None] = [self._family(c, set(), near=True) for c in claims]
        for _ in range(2):
            taken = {f for f, c in zip(fams, claims) if f and c.winner}
            media = self._work_media(claims, fams)
            for k, c in enumerate(claims):
                if fams[k] is not None:
                    continue
                fams[k] = (self._by_winner(c, claims, fams) or self._by_medium(c, media)
                           or self._family(c, taken if c.winner else set(), near=False))
        out = []
        for c in claims:
            if c.kind == "title" and c.winner:
                c.winner = self._fullest_title(c.winner)
            if c.work:
                c.work = self._fullest_title(c.work)
        for c, fam in zip(claims, fams):
            official = cats.official_name(fam, ceremony=self.ceremony, year=self.year) if fam else None
            out.append(Award(
                award=official, winner=c.winner, start=c.mention.start, end=c.mention.end, work=c.work,
                mention=c.mention.text, family=fam, candidates=tuple(c.mention.candidates),
                winner_at=c.winner_at, work_at=c.work_at, nominees=tuple(_unique(c.nominees)),
                presenters=tuple(_unique(c.presenters)),
                confidence=c.confidence if official else c.confidence / 2,
            ))
        return _merge(out)

    def _family(self, c: _Claim, taken: set[str], *, near: bool) -> str | None:
        m = c.mention
        if near:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            context = span.sent.text if span is not None else ""
            line_start = self.text.rfind("\n", 0, m.start) + 1
            if _LIST_HEAD.match(self.text[line_start : m.start]):
                context = self.text[line_start : _line_end(self.text, m.end)] + " " + self._section_heading(line_start)
        else:
            para_start = self.text.rfind("\n", 0, m.start) + 1
            context = self.text[para_start : _line_end(self.text, m.end)]
            if c.work:
                context += " " + self._work_context(c.work)
        return cats.resolve(m, ceremony=self.ceremony, year=self.year, context=context, taken=taken)

    def _work_media(self, claims: list[_Claim], fams: list[str | None]) -> dict[str, str]:
        """A work that won a film award is a film; one that won a series award, a show."""
        media: dict[str, str] = {}
        for c, fam in zip(claims, fams):
            options = [fam] if fam else list(c.mention.candidates)
            kinds = {cats.family_attributes(f, self.ceremony).get("medium") for f in options}
            if len(kinds) != 1:
                continue  # the medium is known when every reading agrees ("best picture": a film)
            medium = kinds.pop()
            work = c.winner if c.kind == "title" else c.work
            if work and medium:
                media.setdefault(_fold(work), medium)
        return media

    def _by_medium(self, c: _Claim, media: dict[str, str]) -> str | None:
        work = c.winner if c.kind == "title" else c.work
        if not work:
            return None
        medium = next((m for w, m in media.items() if w == _fold(work) or w.startswith(_fold(work) + " ")), None)
        if medium is None:
            return None
        fitting = [f for f in c.mention.candidates if cats.family_attributes(f, self.ceremony).get("medium") == medium]
        return fitting[0] if len(fitting) == 1 else None

    def _by_winner(self, c: _Claim, claims: list[_Claim], fams: list[str | None]) -> str | None:
        """The same winner told again in other words: take the category already settled."""
        if not c.winner:
            return None
        from ..fuse import same_entity

        settled = {f for o, f in zip(claims, fams) if f and o.winner and same_entity(o.winner, c.winner)}
        fitting = settled & set(c.mention.candidates)
        return next(iter(fitting)) if len(fitting) == 1 else None

    def _work_context(self, work: str) -> str:
        """The sentences that name a work tell whether it is a film or a show."""
        out = []
        for sent in self.doc.sents:
            if work in sent.text:
                out.append(sent.text)
        return " ".join(out)[:2000]


def _is_director(m: cats.CategoryMention) -> bool:
    return any(f.endswith(".director") or f == "film.director" for f in m.candidates)


def _unique(items: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for it in items:
        key = it.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def _merge(awards: list[Award]) -> list[Award]:
    """One entry per (category, winner): the same win told twice is one award,
    under the fuller spelling ("Night Train" and its full title)."""
    from ..fuse import same_entity

    out: list[Award] = []
    for a in awards:
        k = next((i for i, o in enumerate(out) if (o.award or o.mention.lower()) == (a.award or a.mention.lower())
                  and ((not o.winner and not a.winner) or (o.winner and a.winner and same_entity(o.winner, a.winner)))),
                 None)
        if k is not None:
            prev = out[k]
            if a.winner and prev.winner and len(a.winner) > len(prev.winner):
                prev = Award(**{**_fields(prev), "winner": a.winner, "winner_at": a.winner_at})
            nominees = tuple(_unique(list(prev.nominees) + list(a.nominees)))
            presenters = tuple(_unique(list(prev.presenters) + list(a.presenters)))
            out[k] = Award(**{**_fields(prev), "nominees": nominees, "presenters": presenters,
                              "work": prev.work or a.work, "work_at": prev.work_at or a.work_at,
                              "confidence": max(prev.confidence, a.confidence)})
        else:
            out.append(a)
    return out


def _fields(a: Award) -> dict:
    return {f: getattr(a, f) for f in Award.__slots__}
