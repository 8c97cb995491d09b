"""The works a document names, and the work each winner won for.

The index: quoted titles, and title-case runs after "for", "on", "in", "from",
before a role noun ("Meridian director X") or a possessive ("The Night
Shift's X") that name no person, place or date. "The film" and "it" point
back to the one work named nearby; a short title stands for the fullest one
the document gives. A person's work: in brackets after the name, after
"for"/"in"/"on" in the sentence, before the name, the one title the sentence
quotes, else what the document says of that person elsewhere.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Span, Token

from ..knowledge import categories as cats
from .claims import _Claim, _Reader, _fold
from .works import Title

_WORK_FRAMES = {"performance", "role", "roles", "portrayal", "turn", "playing", "work", "star", "starring", "as",
                "helming", "direction", "directing", "writing", "script"}
_CATEGORY_WORD = re.compile(r"^(?:best|golden|globe|the golden)\b", re.I)


class WorkLinks(_Reader):
    """Indexes the document's works and links winners to theirs."""

    # -- the document's works -----------------------------------------------------
    def _index_works(self) -> list[Title]:
        """Works named outside quotes: quoted titles, and title-case runs after
        "for", "on", "in", "from" or before a role noun, that are not people."""
        found = {(t.start, t.end): t for t in (self.works.overlapping(s, e) for s, e in self.works.quoted) if t}
        for tok in self.doc:
            if tok.lower_ in ("'s", "\u2019s") and tok.i > 0 and self.doc[tok.i - 1].pos_ == "PROPN":
                start = self.doc[tok.i - 1]
                owned = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
                if owned is not None and owned.lower_ in self.lex.work_nouns:
                    continue  # "Northlight's epic", "FX's show": the owner of a work, not the work
                t = self.works.covering(start.idx, start.sent.start_char, tok.idx)
                if t is not None and t.end > tok.idx and t.start < tok.idx:
                    t = Title(self.text[t.start : tok.idx], t.start, tok.idx, False)  # "The Night Shift's Tom Okafor"
                if t is not None and t.end <= tok.idx and not self._names_something_else(t, orgs=False) and not self.people.lookup(t.text):
                    found.setdefault((t.start, t.end), t)
            if tok.lower_ in self.lex.work_nouns and tok.i + 1 < len(self.doc) and tok.pos_ == "NOUN":
                nxt = self.doc[tok.i + 1]  # "the film 1999", "the HBO drama Salt Harbor"
                if nxt.is_digit and len(nxt) == 4:
                    found.setdefault((nxt.idx, nxt.idx + 4), Title(nxt.text, nxt.idx, nxt.idx + 4, False))
                elif nxt.is_title or nxt.text[:1] in "\"\u201c'\u2018":
                    t = self.works.at(nxt.idx)
                    if t is not None and not self.people.is_person(t.text) and not self.ctx.inside_quote(t.start, t.end):
                        found.setdefault((t.start, t.end), t)
            if tok.lemma_.lower() in self.lex.win_verbs and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ == "PROPN" and not self._is_person_token(subj):
                    t = self.works.covering(subj.idx, subj.sent.start_char, subj.idx + len(subj))
                    if t is not None and not self.people.is_person(t.text) and not self._names_something_else(t, orgs=False):
                        found.setdefault((t.start, t.end), t)
            if tok.lower_ in ("director", "star", "co-star", "creator", "producer", "actor", "actress") and tok.i > 0:
                j = tok.i - 1
                while j > 0 and self.doc[j].lower_ in ("lead", "leading", "supporting", "co", "-", "series", "title"):
                    j -= 1
                prev = self.doc[j]  # "Meridian director Park Seo-yeon", "The Paper Lanterns co-star", "Salt Harbor lead actor"
                if prev.pos_ == "PROPN" and not self._is_person_token(prev) and not self.ctx.inside_quote(prev.idx, prev.idx + 1):
                    t = self.works.covering(prev.idx, prev.sent.start_char, prev.idx + len(prev))
                    if t is not None and t.end <= tok.idx and not self.people.is_person(t.text) and not self._names_something_else(t, orgs=False):
                        found.setdefault((t.start, t.end), t)
            if tok.lower_ in ("for", "on", "in", "from") and tok.i + 1 < len(self.doc):
                nxt = self.doc[tok.i + 1]
                if nxt.is_title or nxt.is_digit:
                    t = self.works.at(nxt.idx)
                    if t is None or self.people.is_person(t.text) or self.ctx.inside_quote(t.start, t.end):
                        continue
                    if _CATEGORY_WORD.match(t.text) or self._names_something_else(t, orgs=False):
                        continue
                    found.setdefault((t.start, t.end), t)
        return sorted(found.values(), key=lambda t: t.start)

    def _names_something_else(self, t: Title, *, orgs: bool = True) -> bool:
        """A person, a place, a date or an organisation rather than a work (NER
        often calls a title an organisation: ``orgs=False`` trusts the context)."""
        if any(m.kind == "name" and m.start < t.end and t.start < m.end for m in self.ctx.mentions):
            return True
        span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return True
        if self._ceremony_words.search(t.text):
            return True  # "The 2019 Golden Globes"
        labels = {"GPE", "LOC", "DATE", "TIME", "PERSON", "NORP", "FAC", "CARDINAL", "ORDINAL"} | ({"ORG"} if orgs else set())
        covered = sum(min(e.end_char, t.end) - max(e.start_char, t.start) for e in span.ents if e.label_ in labels)
        if covered >= 0.6 * (t.end - t.start):  # "Millbrook, Oregon"
            return True
        return t.text[:1].isdigit() and not t.text.split()[0].isdigit()

    def _is_person_token(self, tok: Token) -> bool:
        m = self.ctx.mention_in(tok.idx, tok.idx + len(tok))
        return m is not None and m.person is not None

    def _last_title_before(self, pos: int, *, window: int = 320) -> Title | None:
        """The work "the film" refers to: the one work named in this sentence or the
        one before; else the one named in the paragraph or the last few sentences.
        When two are named there, nobody can tell which."""
        k = max(0, bisect_right(self._sent_starts, pos) - 1)
        floor = self._sent_starts[max(0, k - 1)]
        for lo in (floor, None):
            if lo is None:
                para = self.text.rfind("\n", 0, pos) + 1
                lo = pos - max(window, min(pos - para, 1200))
            near = {_fold(t.text): t for t in self._named_works if t.end <= pos and t.start >= lo}
            distinct = [t for k_, t in near.items()
                        if not any(k_ != o and (o.startswith(k_) or k_.startswith(o)) for o in near if len(o) > len(k_))]
            if len(distinct) == 1:
                return distinct[0]
            if distinct:
                return None
        return None

    def _fullest_title(self, title: str) -> str:
        """A title as the document gives it in full: "Four Lanterns" -> "Four Lanterns Outside Millbrook, Oregon"."""
        key = _fold(title)
        if len(key.split()) < 2:
            return title  # "Night" is not short for "Night Train"
        longer = [t.text for t in self._named_works if _fold(t.text).startswith(key + " ")
                  and _fold(t.text)[len(key) + 1 :][:1].isalpha() and t.text[len(title):].strip(" ,")[:1].isupper()]
        return max(longer, key=len) if longer else title

    def _main_title_before(self, pos: int) -> Title | None:
        counts: dict[str, list[Title]] = {}
        for t in self._named_works:
            if t.end <= pos:
                counts.setdefault(_fold(t.text), []).append(t)
        if not counts:
            return None
        ranked = sorted(counts.values(), key=len, reverse=True)
        if len(ranked) > 1 and len(ranked[0]) == len(ranked[1]):
            return None
        return ranked[0][-1]

    # -- the work a winner won for ------------------------------------------------
    def _work_in(self, sent: Span, claim: _Claim) -> Title | None:
        """The work a person won for: in brackets after the name; after "for", "in"
        or "on" (a title that looks like a name counts when it follows the category or
        "performance", "role", "playing"); before a role noun or the name ("The
        Paper Lanterns co-star X", "The Night Shift's X"); the one title the sentence
        quotes; else what the document says elsewhere of that person's work."""
        text = self.text
        if claim.winner_at:
            bracket = re.match(r"\s*\(\s*", text[claim.winner_at[1] : claim.winner_at[1] + 6])
            if bracket:  # "Maria Lindqvist ("The Glass Orchard") won ..."
                title = self.works.at(claim.winner_at[1] + bracket.end())
                if title is not None and not self.people.is_person(title.text):
                    return title
        anchor = claim.winner_at[0] if claim.winner_at else claim.mention.start
        found = []
        for tok in sent:
            if tok.lower_ in ("for", "in", "on", "of") and tok.i + 1 < sent.end:
                nxt = self.doc[tok.i + 1]
                if nxt.tag_ == "VBG" and tok.i + 2 < sent.end:
                    nxt = self.doc[tok.i + 2]  # "for helming 'The Bright Hour'"
                title = self.works.at(nxt.idx)
                if title is None and nxt.lower_ in ("the", "this", "that", "his", "her", "their") and tok.i + 2 < sent.end \
                        and self.doc[tok.i + 2].lower_ in self.lex.work_nouns:
                    title = self._last_title_before(nxt.idx)  # "for his role in the film"
                if title is None or title.start < sent.start_char and not title.end <= nxt.idx or title.end > sent.end_char + 1:
                    continue
                if tok.lower_ == "of" and not any(t.lower_ in _WORK_FRAMES for t in self.doc[max(sent.start, tok.i - 3) : tok.i]):
                    continue
                if _overlaps_mention(claim.mention, title) or (claim.winner_at and title.start <= claim.winner_at[0] < title.end):
                    continue
                framed = tok.idx - claim.mention.end in range(0, 3) or any(
                    t.lower_ in _WORK_FRAMES for t in self.doc[max(sent.start, tok.i - 6) : tok.i]) or (
                    claim.winner_at is not None and tok.idx - claim.winner_at[1] in range(0, 3))
                if not framed and (self.people.is_person(title.text) or
                                   (not title.quoted and self._names_something_else(title, orgs=False))):
                    continue
                found.append(title)
        if found:  # the one nearest the winner, after it first: "A's role in X won him ..., while B's in Y won her ..."
            return min(found, key=lambda t: t.start - anchor if t.start >= anchor else 2 * (anchor - t.start))
        if claim.winner_at:
            before = self._work_before(claim.winner_at[0], sent.start_char)
            if before is not None:
                return before
        quoted = [t for t in self.works.quoted_between(sent.start_char, sent.end_char + 1)
                  if not _overlaps_mention(claim.mention, t) and not self.people.is_person(t.text)
                  and not (claim.winner_at and t.start <= claim.winner_at[0] < t.end) and -150 <= t.start - anchor <= 60]
        if len({_fold(t.text) for t in quoted}) == 1:
            return quoted[0]
        return self._known_work(claim.winner) if claim.winner else None

    def _work_before(self, pos: int, floor: int) -> Title | None:
        """ "The Baker's Daughter actor X", "The Night Shift's X", "“Lowtide” star X"."""
        head = self.text[floor:pos]
        m = re.search(r"(?:['\u2019]s|\s+(?:lead\s+|supporting\s+|co-?)?(?:star|actor|actress|creator|director|producer|writer))\s+(?:and\s+[\w\s-]+?\s+)?$", head)
        if m is None:
            return None
        end = floor + m.start()
        for t in reversed(self._named_works):
            if t.end in (end, end - 1) and t.start >= floor:
                return t
        return None

    def _known_work(self, person: str) -> Title | None:
        """What the document says elsewhere of a person's work, when it says one thing."""
        works = {}
        for m in self.ctx.mentions:
            if m.kind != "name" or m.person != person:
                continue
            t = self._work_before(m.start, self.text.rfind("\n", 0, m.start) + 1)
            if t is None:
                star = re.match(r",\s+(?:the\s+)?(?:star|creator|director)\s+of\s+", self.text[m.end : m.end + 30])
                t = self.works.at(m.end + star.end()) if star else None
            if t is None:
                own = re.match(r"['\u2019]s?\s+(?:[\w-]+\s+){0,3}?(?:film|movie|drama|series|show|comedy|thriller|musical)\s+",
                               self.text[m.end : m.end + 60])
                at = m.end + own.end() if own else None  # "Marcus Brandis' WWI film 1999"
                year = re.match(r"\d{4}\b", self.text[at : at + 5]) if at is not None else None
                t = Title(year.group(0), at, at + 4, False) if year else (self.works.at(at) if at is not None else None)
                if t is not None and (self.people.is_person(t.text) or len(t.text.split()) > 6):
                    t = None
            if t is None and re.match(r"['\u2019]s\s", self.text[m.end : m.end + 3]):
                lead = re.search(r",\s*$", self.text[max(0, m.start - 3) : m.start])  # "Title, Person's film"
                if lead:
                    t = next((w for w in reversed(self._named_works) if m.start - 4 <= w.end <= m.start), None)
            if t is not None:
                works[_fold(t.text)] = t
        return next(iter(works.values())) if len(works) == 1 else None


def _overlaps_mention(m: cats.CategoryMention, t: Title) -> bool:
    return t.start < m.end and m.start < t.end
