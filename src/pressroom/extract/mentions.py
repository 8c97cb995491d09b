"""The people of one parsed document and every mention of them.

``DocumentPeople`` reads the document once, before any quote is attributed:
- the name runs (capitalised name-like tokens outside quotes) and PERSON
  entities that make the registry of people (``resolve.People``), leaving out
  the names of works ("the HBO drama X", titles in quotes);
- the mentions in reading order: names, pronouns, and role nouns standing for
  a person ("the actress");
- each person's gender evidence: role nouns and titles beside the name, the
  pronouns said of them, then a first-name list.
It then resolves a pronoun or role noun against the people known before it
(``_known``, filled in reading order by ``Speakers.attribute``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from ..nlp.lexicon import lexicon
from ..resolve import (
    NAME_TOKEN,
    NOT_NAMES,
    PARTICLES,
    Mention,
    People,
    choose_antecedent,
    clean_name,
    first_name_gender,
    known_first_name,
    looks_like_name,
    span_salience,
    token_salience,
)
from .layout import DocumentLayout

WORK_NOUNS = {"drama", "series", "show", "film", "movie", "telepic", "sitcom", "miniseries", "documentary",
              "comedy", "thriller", "biopic", "musical", "miniseries", "series'", "hit", "blockbuster", "epic"}


class DocumentPeople(DocumentLayout):
    """The people, mentions and gender evidence of one parsed document.

    ``quoted`` holds the ``(start, end)`` spans of its quotes, sorted by start
    (nothing inside a quote is a mention); ``titles`` the spans of quoted titles
    of works.
    """

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]], titles: Sequence[tuple[int, int]] = ()) -> None:
        super().__init__(doc, quoted)
        self.title_spans = list(titles)
        self.lex = lexicon()
        self.people = People()
        # person, salience, sentence, paragraph, gender, rank: filled by Speakers.attribute
        self._known: list[tuple[str, float, int, int, str, int]] = []
        self._collect_mentions()

    # -- mentions -----------------------------------------------------------
    def _collect_mentions(self) -> None:
        """Register the people named, then list every mention in reading order."""
        doc, people, lex = self.doc, self.people, self.lex
        titles = self._titles()
        runs = [r for r in self._name_runs() if _norm(r.text) not in titles]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not self.inside_quote(ent.start_char, ent.end_char):
                name = _trim_name(ent)
                if name and _norm(name) not in titles and _norm(ent.text) not in titles:
                    people.add(name)
        places = {i for e in doc.ents if e.label_ in ("GPE", "FAC", "LOC") for i in range(e.start, e.end)}
        runs = [_trim_run(r) for r in runs]
        for run in runs:
            if run.text.isupper() or run.start in places or len(run) < 2:
                continue
            if known_first_name(run[0].text) or _initialled(run):
                people.add(run.text)
        self._appositive_aliases(runs)
        mentions: list[Mention] = []
        taken: set[int] = set()
        for run in runs:
            name = people.lookup(run.text)
            if name is None and len(run) == 1 and run[0].pos_ != "PROPN":
                continue
            if name is None:
                continue
            mentions.append(self._mention(run.start_char, run.end_char, "name", run.text, span_salience(run), person=name))
            taken.update(range(run.start, run.end))
            self._note_roles(run, name)
        for tok in doc:
            if tok.i in taken or self.inside_quote(tok.idx, tok.idx + len(tok)):
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in lex.pronouns:
                m = self._mention(tok.idx, tok.idx + len(tok), "pronoun", tok.text, token_salience(tok))
                m.gender = lex.pronouns[low]
                mentions.append(m)
            elif tok.pos_ == "NOUN" and self._role_noun(tok) is not None:
                m = self._mention(tok.idx, tok.idx + len(tok), "nominal", tok.text, token_salience(tok))
                m.role = self._role_noun(tok) or ""
                m.gender = lex.role_nouns.get(m.role, "")
                mentions.append(m)
        mentions.sort(key=lambda m: m.rank)
        self.mentions = mentions
        self._mention_starts = sorted((m.start, k) for k, m in enumerate(mentions))
        self._gender_evidence()

    def _appositive_aliases(self, runs: list[Span]) -> None:
        """`Name, the erstwhile Marlowe from ...`: a single name in apposition is an alias."""
        by_token = {i: run for run in runs for i in range(run.start, run.end)}
        for run in runs:
            if len(run) != 1 or run.root.dep_ != "appos" or run[0].ent_type_ != "PERSON":
                continue  # "Name, the erstwhile Marlowe", not "Name, Tacoma" (a show, a place)
            h = run.root.head
            while h.i not in by_token and h.dep_ == "appos" and h.head is not h:
                h = h.head  # "Name, the erstwhile Marlowe": Marlowe hangs on "erstwhile"
            head = by_token.get(h.i)
            if head is None or head is run:
                continue
            full = self.people.lookup(head.text)
            if full is not None and len(full.split()) > 1:
                self.people.alias(run.text, full)

    def _titles(self) -> set[str]:
        """Names of works: quoted titles and "the HBO drama X"."""
        out = {_norm(self.text[s:e]) for s, e in self.title_spans}
        for run in self._name_runs():
            prev = self.doc[run.start - 1] if run.start else None
            if prev is not None and prev.lower_ in WORK_NOUNS:
                out.add(_norm(run.text))
        out.discard("")
        return out

    def _name_runs(self) -> list[Span]:
        """Maximal runs of capitalised name-like tokens outside quotes."""
        if hasattr(self, "_runs"):
            return self._runs
        doc, runs, i = self.doc, [], 0
        while i < len(doc):
            if not self._name_token(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < len(doc):
                if self._name_token(doc[j]):
                    j += 1
                elif j + 1 < len(doc) and (self._name_token(doc[j + 1]) or (
                    doc[j].text == "-" and doc[j + 1].is_alpha and doc[j + 1].is_lower and len(doc[j + 1]) <= 4
                )) and (
                    doc[j].lower_ in PARTICLES
                    or (doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_)
                ):
                    j += 2  # "De la Hoya", "Whitfield-Okafor", "Seo-yeon"
                else:
                    break
            runs.append(doc[i:j])
            i = j
        self._runs = runs
        return runs

    def _name_token(self, t: Token) -> bool:
        text = t.text
        if not NAME_TOKEN.match(text) or t.lower_ in NOT_NAMES or t.lower_ in self.lex.role_nouns:
            return False
        if t.lower_.endswith("s") and t.lower_[:-1] in self.lex.role_nouns:
            return False  # "Hosts Ana Reyes and ...", "Presenters X and Y"
        if t.pos_ in ("PRON", "DET", "CCONJ", "SCONJ", "ADP", "AUX", "PART", "INTJ", "NUM"):
            return False
        return not self.inside_quote(t.idx, t.idx + len(t))

    def _mention(self, start: int, end: int, kind: str, text: str, salience: float, person: str | None = None) -> Mention:
        """A mention at ``start:end``, placed in reading order."""
        return Mention(
            start=start, end=end, kind=kind, text=text, rank=self.rank(start), sentence=self.sentence_rank(start),
            paragraph=self._para_rank.get(self.para_of(start), 0), salience=salience, person=person,
            resolved=person is not None,
        )

    def _role_noun(self, tok: Token) -> str | None:
        """The role of a definite noun phrase that can stand for a person: "the actress"."""
        role = tok.lower_ if tok.lower_ in self.lex.role_nouns else tok.lemma_.lower()
        if role not in self.lex.role_nouns or tok.tag_ in ("NNS", "NNPS"):
            return None
        if tok.dep_ == "compound" or any(c.pos_ == "PROPN" and c.dep_ in ("appos", "flat") for c in tok.children):
            return None  # "producer Dana Whitfield": the name is the mention
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        if tok.head.lemma_ == "be" and tok.dep_ == "nsubj":
            return None  # "the winner is X" points forward, at X
        return role if dets and dets[0] in ("the", "this", "that") else None

    def _note_roles(self, ent: Span, name: str) -> None:
        person = self.people.persons.get(name)
        if person is None:
            return
        lex = self.lex
        window = [t for t in self.doc[max(0, ent.start - 3) : ent.start]]
        after = self.doc[ent.end : ent.end + 4]
        if len(after) >= 3 and after[0].text == ",":
            window += [t for t in after[1:4]]
        for t in window:
            low = t.lower_
            if low in lex.role_nouns:
                person.roles.add(low)
                g = lex.role_nouns[low]
                person.gender_score += 2.0 if g == "m" else -2.0 if g == "f" else 0.0
            elif low.rstrip(".") in lex.person_titles or low in lex.person_titles:
                g = lex.person_titles.get(low, lex.person_titles.get(low.rstrip("."), ""))
                person.gender_score += 3.0 if g == "m" else -3.0 if g == "f" else 0.0

    def _gender_evidence(self) -> None:
        """Pronouns said of a person in sentences about them alone, then first names."""
        by_sentence: dict[int, list[Mention]] = {}
        for m in self.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for ms in by_sentence.values():
            names = {m.person for m in ms if m.kind == "name"}
            if len(names) != 1:
                continue
            person = self.people.persons.get(next(iter(names)) or "")
            if person is None:
                continue
            first = min(m.start for m in ms if m.kind == "name")
            for m in ms:
                if m.kind == "pronoun" and m.start > first and m.gender in ("m", "f"):
                    person.gender_score += 1.0 if m.gender == "m" else -1.0
        for person in self.people.persons.values():
            words = person.name.split()
            if len(words) > 1 or person.gender_score == 0:
                g = first_name_gender(words[0])
                person.gender_score += 0.75 if g == "m" else -0.75 if g == "f" else 0.0

    def mentions_starting(self, start: int, end: int) -> Iterator[Mention]:
        """The mentions that start in ``[start, end)``, in text order."""
        k = bisect_left(self._mention_starts, (start, -1))
        while k < len(self._mention_starts) and self._mention_starts[k][0] < end:
            yield self.mentions[self._mention_starts[k][1]]
            k += 1

    def mention_in(self, start: int, end: int) -> Mention | None:
        """The mention covering ``start``, else the first one starting before ``end``."""
        k = bisect_left(self._mention_starts, (start, -1))
        if k > 0:
            prev = self.mentions[self._mention_starts[k - 1][1]]
            if prev.start < start < prev.end:
                return prev
        if k < len(self._mention_starts) and self._mention_starts[k][0] < end:
            return self.mentions[self._mention_starts[k][1]]
        return None

    # -- what a mention refers to ---------------------------------------------
    def _resolve(self, m: Mention) -> str | None:
        """The person a pronoun or role noun stands for, among those known before it."""
        if m.kind == "pronoun" and m.gender == "p":
            return None
        cands = [c[:5] for c in self._known[-80:] if c[5] < m.rank]
        local = self._local_subject(m)
        if local is not None:
            cands = [c for c in cands if c[0] != local]
        return choose_antecedent(cands, sentence=m.sentence, paragraph=m.paragraph, gender=m.gender)

    def _local_subject(self, m: Mention) -> str | None:
        """The subject of the clause a non-reflexive object sits in: "Okafor praised the
        host" cannot mean Okafor himself, nor can "him" in "Okafor praised him"."""
        if m.text.lower().endswith("self") or m.text.lower().endswith("selves"):
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        tok = span.root
        if tok.dep_ not in ("dobj", "pobj", "dative", "iobj"):
            return None
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("who", "that", "which"):
            subj = verb.head if verb.dep_ == "relcl" else subj
        if subj is None:
            return None
        sm = self.mention_in(subj.idx, subj.idx + len(subj))
        return sm.person if sm is not None and sm.resolved else None

    def _focus(self, at: int) -> str | None:
        """The person in focus at ``at``: the most salient one known before it."""
        rank = self.rank(at)
        cands = [c[:5] for c in self._known[-80:] if c[5] < rank]
        return choose_antecedent(
            cands, sentence=self.sentence_rank(at), paragraph=self._para_rank.get(self.para_of(at), 0), gender=""
        )

    # -- names in attribution slots -------------------------------------------
    def _name_span(self, tok: Token) -> Span:
        """The proper-noun compound around ``tok``: "Dana K. Whitfield"."""
        i, j = tok.i, tok.i + 1
        while i > 0 and self.doc[i - 1].pos_ == "PROPN" and self.doc[i - 1].dep_ in ("compound", "flat"):
            i -= 1
        while j < len(self.doc) and self.doc[j].pos_ == "PROPN" and tok.dep_ in ("compound", "flat"):
            j += 1
        return self.doc[i:j]

    def _adhoc(self, raw: str, start: int, end: int) -> Mention | None:
        """A name in an attribution slot that NER missed: "said Lindqvist"."""
        name = clean_name(raw)
        if not looks_like_name(name):
            return None
        person = self.people.lookup(name) or self.people.add(name)
        if person is None:
            return None
        return self._mention(start, end, "name", raw, 3.0, person=person)


def _norm(text: str) -> str:
    """Lower case, punctuation to spaces, whitespace collapsed: how titles compare."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _trim_run(run: Span) -> Span:
    """ "Biggest Dana Whitfield", "Comedian Maria Lindqvist", "Add Tom Okafor": a run of three or
    more that does not open with a first name starts at the first one it has."""
    if len(run) >= 3 and not known_first_name(run[0].text):
        for k in (1, 2):
            if k < len(run) - 1 and known_first_name(run[k].text) and run[k].ent_type_ == "PERSON":
                return run[k:]
    if len(run) >= 2 and run[0].pos_ == "ADJ" and known_first_name(run[1].text):
        return run[1:]
    return run

def _initialled(run: Span) -> bool:
    """"First M. Last": a middle initial marks a personal name."""
    words = run.text.split()
    return len(words) == 3 and re.fullmatch(r"[A-Z]\.", words[1]) is not None


def _trim_name(ent: Span) -> str:
    """A PERSON entity without what NER glued on: "Tom Okafor Best Performance"."""
    words = []
    for t in ent:
        if t.lower_ in NOT_NAMES or t.lower_ in ("'s", "\u2019s"):
            if words:
                break
            continue
        words.append(t.text)
    return clean_name(" ".join(words))
