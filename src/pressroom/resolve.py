"""People within one document: who is named, and what "she", "Okafor" or "the
actor" refers to at a given point.

The registry gathers the names the document gives (spaCy's PERSON entities,
plus name-shaped entities of other labels that match a person), groups the
short forms under the fullest form ("Okafor" and "Mr. Okafor" under "Tom
Okafor"), and guesses each person's gender from the document's own words
(actress, Mr., the pronouns used of them) before a first-name list.

Mentions (names, pronouns, "the actress") are then resolved in reading
order, each against the ones before it: a pronoun goes to the most salient
compatible person, subjects of recent sentences first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .nlp.lexicon import lexicon

NAME_TOKEN = re.compile(r"^[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019.\-]*$|^[A-Z]\.$")
SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
PARTICLES = {"de", "del", "della", "van", "von", "der", "da", "di", "le", "la", "du", "bin", "al", "el", "o'"}
NOT_NAMES = {
    "golden", "globe", "globes", "oscar", "oscars", "emmy", "emmys", "best", "the", "and", "hollywood",
    "academy", "award", "awards", "tv", "hbo", "netflix", "cbs", "nbc", "abc", "fox", "amazon", "hulu",
    "disney", "god", "i", "we", "you", "mr", "ms", "mrs", "backstage", "drama", "comedy", "musical",
    "actor", "actress", "picture", "series", "film", "motion", "supporting", "performance", "director",
    "screenplay", "score", "song", "winner", "winners", "nominee", "nominees", "ceremony", "live", "blog",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "et", "pt", "pst", "est", "gmt", "am", "pm", "a.m.", "p.m.", "press", "foreign", "association", "hfpa",
}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


@lru_cache(maxsize=4096)
def first_name_gender(first: str) -> str:
    """'m', 'f' or '' from a first-name list (the weakest evidence we use)."""
    from gender_guesser.detector import Detector

    g = _detector().get_gender(first)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g, "")


@lru_cache(maxsize=1)
def _detector():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def known_first_name(first: str) -> bool:
    """Is this word a first name somebody has (whatever the gender)?"""
    return _detector().get_gender(first.strip(".")) != "unknown"


def clean_name(text: str) -> str:
    """Drop a possessive, titles, brackets and stray punctuation from a name."""
    t = text.strip().strip("\"'\u201c\u201d\u2018\u2019()[],:;")
    t = re.sub(r"(?:['\u2019]s|['\u2019])$", "", t).strip()
    words = t.split()
    titles = lexicon().person_titles
    while words and words[0].lower().rstrip(".") + ("." if words[0].endswith(".") else "") in titles:
        words = words[1:]
    while words and (words[0].lower().rstrip(".") in titles or words[0].lower() in lexicon().role_nouns):
        words = words[1:]
    return " ".join(words)


def looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    if any(w.lower() in NOT_NAMES for w in words):
        return False
    return all(NAME_TOKEN.match(w) or w.lower() in PARTICLES or w.lower() in SUFFIXES for w in words) and bool(
        NAME_TOKEN.match(words[0])
    )


def surname(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in SUFFIXES]
    return words[-1].lower() if words else ""


@dataclass
class Person:
    name: str  # the fullest form the document gives
    variants: set[str] = field(default_factory=set)
    gender_score: float = 0.0
    roles: set[str] = field(default_factory=set)

    @property
    def gender(self) -> str:
        if self.gender_score >= 0.5:
            return "m"
        if self.gender_score <= -0.5:
            return "f"
        return ""


@dataclass
class Mention:
    """A reference to a person: a name, a pronoun or a role noun phrase."""

    start: int
    end: int
    kind: str  # "name", "pronoun", "nominal"
    text: str
    rank: int  # position in reading order
    sentence: int  # sentence number in reading order
    paragraph: int
    salience: float  # 3: subject of a main clause, 2: subject, 1: other
    gender: str = ""  # from the pronoun or role noun: "m", "f", "p" or ""
    role: str = ""
    person: str | None = None  # resolved full name
    resolved: bool = False


class People:
    """The people of one document and the mentions that refer to them."""

    def __init__(self) -> None:
        self.persons: dict[str, Person] = {}
        self._by_surname: dict[str, list[str]] = {}
        self._by_first: dict[str, list[str]] = {}

    # -- registry ---------------------------------------------------------
    def add(self, raw: str) -> str | None:
        """Register a name as the document gives it; return its full form."""
        name = clean_name(raw)
        if not name or not looks_like_name(name):
            return None
        known = self.lookup(name)
        if known is not None:
            person = self.persons[known]
            person.variants.add(name)
            if len(name.split()) > len(known.split()) and name.split()[-1] == known.split()[-1]:
                self._rename(known, name)  # "Okafor" seen first, "Tom Okafor" later
                return name
            return known
        self.persons[name] = Person(name=name, variants={name})
        self._index(name)
        return name

    def alias(self, alias: str, full: str) -> None:
        """Make ``alias`` another name of ``full`` ("the erstwhile Marlowe")."""
        alias = clean_name(alias)
        if not alias or full not in self.persons or alias == full:
            return
        if alias in self.persons and len(self.persons[alias].variants) == 1:
            del self.persons[alias]
            for table in (self._by_surname, self._by_first):
                for names in table.values():
                    if alias in names:
                        names.remove(alias)
        self.persons[full].variants.add(alias)

    def _index(self, name: str) -> None:
        words = name.split()
        self._by_surname.setdefault(surname(name), []).append(name)
        if len(words) > 1:
            self._by_first.setdefault(words[0].lower(), []).append(name)

    def _rename(self, old: str, new: str) -> None:
        person = self.persons.pop(old)
        person.name = new
        person.variants.add(new)
        self.persons[new] = person
        for table in (self._by_surname, self._by_first):
            for names in table.values():
                if old in names:
                    names.remove(old)
        self._index(new)

    def lookup(self, name: str, *, near: int | None = None, mentions: list[Mention] | None = None) -> str | None:
        """The registered full name that ``name`` (full, surname or first name) means."""
        name = clean_name(name)
        if not name:
            return None
        if name in self.persons:
            return name
        for full, person in self.persons.items():
            if name in person.variants:
                return full
        words = name.split()
        if len(words) > 1:
            # "Tom Okafor" against a registered "Okafor"; "Martin Alvarez" against "Martin Alvarez Jr."
            candidates = [n for n in self._by_surname.get(surname(name), []) if len(n.split()) == 1]
            if candidates:
                return candidates[0]
            longer = [n for n in self.persons if n.startswith(name + " ") and n.split()[-1].lower() in SUFFIXES]
            if longer:
                return longer[0]
            ending = [n for n in self.persons if n.endswith(" " + name)]  # "De Souza" for "Marco De Souza"
            return ending[0] if len(ending) == 1 else None
        key = words[0].lower()
        by_surname = [n for n in self._by_surname.get(key, []) if len(n.split()) > 1]
        if by_surname:
            return self._nearest(by_surname, near, mentions)
        by_first = self._by_first.get(key, [])
        if len(by_first) == 1:
            return by_first[0]
        if len(key) >= 3:
            # a short form of a first name: "Max" for Maximilian
            pref = [n for ws, ns in self._by_first.items() if ws.startswith(key) and ws != key for n in ns]
            if len(pref) == 1:
                return pref[0]
        return None

    def _nearest(self, names: list[str], near: int | None, mentions: list[Mention] | None) -> str:
        if len(names) == 1 or near is None or not mentions:
            return names[0]
        best, best_rank = names[0], -1
        for m in mentions:
            if m.kind == "name" and m.person in names and m.rank < near and m.rank > best_rank:
                best, best_rank = m.person, m.rank
        return best

    def is_person(self, text: str) -> bool:
        """Is this exact text a name the document gives a person (not just a surname match)?"""
        name = clean_name(text)
        if name in self.persons or any(name in p.variants for p in self.persons.values()):
            return True
        return len(name.split()) == 1 and self.lookup(name) is not None  # "Corbet" after "Brady Corbet"

    def gender(self, name: str | None) -> str:
        person = self.persons.get(name or "")
        return person.gender if person else ""


def token_salience(tok: Token) -> float:
    """3 for the subject of a sentence's main verb, 2 for another subject, 1 else."""
    if tok.dep_ in SUBJECT_DEPS:
        head = tok.head
        if head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"):
            return 3.0
        return 2.0
    if tok.dep_ == "conj" and tok.head.dep_ in SUBJECT_DEPS:
        return 2.0
    if tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS:
        return 2.5
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ == "go":
        return 3.0  # "the award goes to X": the winner takes the floor
    if tok.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ == "winner" for c in tok.head.children):
        return 3.0  # "and the winner is X"
    if tok.dep_ in ("poss",):
        return 1.2
    return 1.0


def span_salience(span: Span) -> float:
    return max(token_salience(t) for t in span)


def compatible(mention_gender: str, person_gender: str) -> bool:
    if mention_gender in ("", "p"):
        return mention_gender == ""
    return person_gender in ("", mention_gender)


def choose_antecedent(
    candidates: list[tuple[str, float, int, int, str]],
    *,
    sentence: int,
    paragraph: int,
    gender: str,
) -> str | None:
    """Pick the most salient compatible person.

    ``candidates`` are ``(person, salience, sentence, paragraph, person_gender)``
    of earlier mentions. Salience fades with distance in sentences and
    paragraphs; a gender that is unknown costs a little, a wrong one excludes.
    """
    best, best_score = None, float("-inf")
    for order, (person, sal, sent, para, pgender) in enumerate(candidates):
        if gender in ("m", "f") and pgender not in ("", gender):
            continue
        d_sent = sentence - sent
        d_para = paragraph - para
        if d_para > 3 or d_sent > 12:
            continue
        score = sal - 0.8 * d_sent - 1.5 * d_para
        if gender in ("m", "f") and pgender == "":
            score -= 0.75
        score += order * 1e-6  # later wins a tie
        if score > best_score:
            best, best_score = person, score
    return best
