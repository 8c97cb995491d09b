"""Many documents -> one record per ceremony and year, with confidence and sources.

Each document votes for the winner it states for a category; votes for the
same winner under different spellings ("Night Trains", "Mr. Okafor")
are pooled. The winner is the best-supported candidate; the others are kept
with their support, so a disagreement stays visible. A document that does
not say its year joins the ceremony whose winners it repeats.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from .records import Award, DocumentResult


def norm(text: str | None) -> str:
    """Lowercase, no accents, no punctuation, no leading "the"."""
    if not text:
        return ""
    return _norm(text)


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower().replace("&", " and ")
    t = re.sub(r"[\u2018\u2019\u02bc']", "", t)
    t = " ".join(re.sub(r"[^\w\s]", " ", t).split())
    return t[4:] if t.startswith("the ") else t


def same_entity(a: str, b: str) -> bool:
    """Two spellings of one winner: equal, nearly equal, a short form, or a surname."""
    x, y = norm(a), norm(b)
    if not x or not y:
        return False
    if x == y or SequenceMatcher(None, x, y).ratio() >= 0.9:
        return True
    short, long = sorted((x, y), key=len)
    if long.startswith(short + " ") or long.endswith(" " + short):
        return True
    ta, tb = x.split(), y.split()
    if len(ta) >= 2 and len(tb) >= 2 and ta[0] == tb[0] and ta[-1] == tb[-1]:
        return True
    # "Mr. Okafor" and "Tom Okafor": an honorific and the surname
    sa, sb = _bare(ta), _bare(tb)
    return (len(sa) == 1 and len(tb) >= 2 and sa[0] == tb[-1] and len(sa) < len(ta)) or (
        len(sb) == 1 and len(ta) >= 2 and sb[0] == ta[-1] and len(sb) < len(tb))


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}


def _bare(words: list[str]) -> list[str]:
    return [w for w in words if w not in _HONORIFICS]


@dataclass(frozen=True, slots=True)
class Candidate:
    winner: str
    work: str | None
    support: int
    documents: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class FusedAward:
    award: str
    winner: str
    work: str | None
    confidence: float
    documents: tuple[str, ...]
    candidates: tuple[Candidate, ...]  # every winner any document gave, best supported first
    nominees: tuple[str, ...] = ()
    presenters: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CeremonyRecord:
    name: str
    year: int
    key: str | None
    hosts: tuple[tuple[str, int], ...]  # (name, number of documents that say so)
    awards: tuple[FusedAward, ...]
    documents: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "year": self.year,
            "hosts": [{"name": n, "support": s} for n, s in self.hosts],
            "documents": list(self.documents),
            "award_data": {
                a.award: {
                    "winner": a.winner,
                    "work": a.work,
                    "confidence": round(a.confidence, 3),
                    "documents": list(a.documents),
                    "nominees": list(a.nominees),
                    "presenters": list(a.presenters),
                    "candidates": [
                        {"winner": c.winner, "work": c.work, "support": c.support, "documents": list(c.documents)}
                        for c in a.candidates
                    ],
                }
                for a in self.awards
            },
        }


def resolve_across(results: list[DocumentResult]) -> list[DocumentResult]:
    """Settle the categories a document left open with what the others say.

    A document that says "X won best actor" without saying film or television
    leaves two readings; when another document of the same ceremony and year
    gives X one of them, the first takes it (at a lower confidence).
    """
    settler = Settler()
    for r in results:
        settler.note(r)
    return [settler.settle(r) for r in results]


class Settler:
    """``resolve_across`` in two passes over a stream: ``note`` every document,
    then ``settle`` each. Holds one entry per distinct saying, not documents."""

    def __init__(self) -> None:
        self._said: dict[tuple, dict[tuple[str, str, str], Award]] = defaultdict(dict)

    def note(self, r: DocumentResult) -> None:
        if r.ceremony is None:
            return
        for a in r.awards:
            if a.award and a.family and a.winner:
                said = self._said[(r.ceremony.name, r.ceremony.year)]
                said.pop((a.family, a.award, a.winner), None)  # each saying once, at its last place
                said[(a.family, a.award, a.winner)] = a

    def settle(self, r: DocumentResult) -> DocumentResult:
        """``r`` with its open categories settled; ``r`` itself when none is open."""
        if r.ceremony is None or not any(not a.award and a.winner and a.candidates for a in r.awards):
            return r
        known = self._said.get((r.ceremony.name, r.ceremony.year), {}).values()
        awards = []
        for a in r.awards:
            if not a.award and a.winner and a.candidates:
                fits = {k.family: k.award for k in known if k.family in a.candidates and same_entity(k.winner, a.winner)}
                if len(fits) == 1:
                    family, award = next(iter(fits.items()))
                    a = replace(a, award=award, family=family, confidence=round(a.confidence * 0.8, 3))
            awards.append(a)
        return replace(r, awards=tuple(awards))


def fuse(results: Iterable[DocumentResult]) -> list[CeremonyRecord]:
    """One record per (ceremony, year) over all the documents given."""
    fusion = Fusion()
    for r in results:
        fusion.add(r)
    return fusion.records()


class Fusion:
    """``fuse`` over a stream: ``add`` documents in order, then ask for ``records``.

    What it holds grows with the distinct facts and the documents' ids, not
    with the documents, except those that do not say their year: they wait
    for the end, when they join the group whose winners they repeat.
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[str, int], _Group] = {}
        self._undated: list[DocumentResult] = []

    def add(self, r: DocumentResult) -> None:
        if r.ceremony is None or not r.ceremony.name:
            return
        if r.ceremony.year is None:
            self._undated.append(r)
            return
        key = (r.ceremony.name, r.ceremony.year)
        if key not in self._groups:
            self._groups[key] = _Group()
        self._groups[key].add(r)

    def records(self) -> list[CeremonyRecord]:
        for r in self._undated:
            home = _year_by_winners(r, self._groups)
            if home is not None:
                self._groups[home].add(r)
        self._undated = []
        return [g.record(name, year) for (name, year), g in sorted(self._groups.items(), key=lambda kv: kv[0][1])]


@dataclass
class _Votes:
    spellings: dict[str, int] = field(default_factory=dict)  # spelling -> times given, in first-given order
    works: dict[str, int] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    confidence: float = 0.0


class _Group:
    """One ceremony and year as its documents arrive: votes, people and hosts by category."""

    def __init__(self) -> None:
        self.pairs: set[tuple[str, str]] = set()  # (category, winner) as the documents say them
        self.winners: dict[str, set[str]] = defaultdict(set)
        self.by_award: dict[str, list[_Votes]] = defaultdict(list)
        self.nominees: dict[str, dict[str, str]] = defaultdict(dict)
        self.presenters: dict[str, dict[str, str]] = defaultdict(dict)
        self.display: dict[str, str] = {}
        self.hosts: dict[str, set[str]] = defaultdict(set)
        self.host_names: dict[str, str] = {}
        self.documents: list[str] = []
        self.key: str | None = None

    def add(self, d: DocumentResult) -> None:
        for pair in _pairs(d):
            self.pairs.add(pair)
            self.winners[pair[0]].add(pair[1])
        doc_id = d.document.id
        self.documents.append(doc_id)
        if self.key is None and d.ceremony and d.ceremony.key:
            self.key = d.ceremony.key
        for h in d.hosts:
            self.hosts[norm(h.name)].add(doc_id)
            self.host_names.setdefault(norm(h.name), h.name)
        for a in d.awards:
            if not a.award:
                continue
            k = _key(a.award)
            self.display.setdefault(k, a.award)
            for n in a.nominees:
                self.nominees[k].setdefault(norm(n.name), n.name)
            for p in a.presenters:
                self.presenters[k].setdefault(norm(p.name), p.name)
            if not a.winner:
                continue
            votes = self.by_award[k]
            slot = next((v for v in votes if any(same_entity(a.winner, s) for s in v.spellings)), None)
            if slot is None:
                slot = _Votes()
                votes.append(slot)
            slot.spellings[a.winner] = slot.spellings.get(a.winner, 0) + 1
            if a.work:
                slot.works[a.work] = slot.works.get(a.work, 0) + 1
            slot.documents.add(doc_id)
            slot.confidence = max(slot.confidence, a.confidence)

    def record(self, name: str, year: int) -> CeremonyRecord:
        awards = []
        for k, votes in self.by_award.items():
            total = sum(len(v.documents) for v in votes)
            ranked = sorted(votes, key=lambda v: (len(v.documents), v.confidence), reverse=True)
            cands = tuple(
                Candidate(_spelling(v.spellings), _spelling(v.works) if v.works else None, len(v.documents),
                          tuple(sorted(v.documents)), v.confidence)
                for v in ranked
            )
            top = cands[0]
            winner_key = norm(top.winner)
            noms = tuple(n for key, n in self.nominees[k].items() if key != winner_key and not same_entity(n, top.winner))
            confidence = (top.support / total) * top.confidence
            awards.append(FusedAward(self.display[k], top.winner, top.work, confidence, top.documents, cands, noms,
                                     tuple(self.presenters[k].values())))
        hosts = tuple(sorted(((self.host_names[k], len(v)) for k, v in self.hosts.items()), key=lambda x: (-x[1], x[0])))
        return CeremonyRecord(name, year, self.key, hosts, tuple(awards), tuple(sorted(self.documents)))


def _pairs(r: DocumentResult) -> set[tuple[str, str]]:
    return {(_key(a.award), norm(a.winner)) for a in r.awards if a.award and a.winner}


def _year_by_winners(r: DocumentResult, groups: dict[tuple[str, int], _Group]) -> tuple[str, int] | None:
    """The dated group whose winners this document repeats (two at least, none contradicted)."""
    mine = _pairs(r)
    best, best_hits = None, 1
    for key, theirs in groups.items():
        if key[0] != r.ceremony.name:
            continue
        hits = len(mine & theirs.pairs)
        clashes = sum(1 for cat, w in mine if theirs.winners.get(cat) and w not in theirs.winners[cat])
        if hits > best_hits and clashes < hits:
            best, best_hits = key, hits
    return best


def _key(award: str) -> str:
    return norm(award).replace("mini series", "miniseries").replace("limited series", "miniseries")


def _spelling(counts: dict[str, int]) -> str:
    """The fullest of the most used spellings, a full name before "Mr. Surname"."""
    return max(counts, key=lambda n: (not set(norm(n).split()) & _HONORIFICS, counts[n], len(n)))
