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
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from dataclasses import replace

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


@dataclass
class _Votes:
    spellings: list[str] = field(default_factory=list)
    works: list[str] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    confidence: float = 0.0


def resolve_across(results: list[DocumentResult]) -> list[DocumentResult]:
    """Settle the categories a document left open with what the others say.

    A document that says "X won best actor" without saying film or television
    leaves two readings; when another document of the same ceremony and year
    gives X one of them, the first takes it (at a lower confidence).
    """
    settled: dict[tuple, dict[tuple[str, str, str], Award]] = defaultdict(dict)
    for r in results:
        if r.ceremony is None:
            continue
        for a in r.awards:
            if a.award and a.family and a.winner:
                said = settled[(r.ceremony.name, r.ceremony.year)]
                said.pop((a.family, a.award, a.winner), None)  # each saying once, at its last place
                said[(a.family, a.award, a.winner)] = a
    out = []
    for r in results:
        if r.ceremony is None or not any(not a.award and a.winner and a.candidates for a in r.awards):
            out.append(r)
            continue
        known = settled.get((r.ceremony.name, r.ceremony.year), {}).values()
        awards = []
        for a in r.awards:
            if not a.award and a.winner and a.candidates:
                fits = {k.family: k.award for k in known if k.family in a.candidates and same_entity(k.winner, a.winner)}
                if len(fits) == 1:
                    family, award = next(iter(fits.items()))
                    a = replace(a, award=award, family=family, confidence=round(a.confidence * 0.8, 3))
            awards.append(a)
        out.append(replace(r, awards=tuple(awards)))
    return out


def fuse(results: list[DocumentResult]) -> list[CeremonyRecord]:
    """One record per (ceremony, year) over all the documents given."""
    groups: dict[tuple[str, int], list[DocumentResult]] = defaultdict(list)
    undated: list[DocumentResult] = []
    for r in results:
        if r.ceremony is None or not r.ceremony.name:
            continue
        if r.ceremony.year is None:
            undated.append(r)
        else:
            groups[(r.ceremony.name, r.ceremony.year)].append(r)
    said = {key: _Said(docs) for key, docs in groups.items()}  # kept up to date as documents join
    for r in undated:
        home = _year_by_winners(r, said)
        if home is not None:
            groups[home].append(r)
            said[home].add(r)
    return [_fuse_group(name, year, docs) for (name, year), docs in sorted(groups.items(), key=lambda kv: kv[0][1])]


class _Said:
    """What a group's documents say: (category, winner) pairs, and winners by category."""

    def __init__(self, docs: list[DocumentResult]) -> None:
        self.pairs: set[tuple[str, str]] = set()
        self.winners: dict[str, set[str]] = defaultdict(set)
        for d in docs:
            self.add(d)

    def add(self, doc: DocumentResult) -> None:
        for pair in _pairs(doc):
            self.pairs.add(pair)
            self.winners[pair[0]].add(pair[1])


def _pairs(r: DocumentResult) -> set[tuple[str, str]]:
    return {(_key(a.award), norm(a.winner)) for a in r.awards if a.award and a.winner}


def _year_by_winners(r: DocumentResult, groups: dict[tuple[str, int], _Said]) -> tuple[str, int] | None:
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


def _fuse_group(name: str, year: int, docs: list[DocumentResult]) -> CeremonyRecord:
    by_award: dict[str, list[_Votes]] = defaultdict(list)
    nominees: dict[str, dict[str, str]] = defaultdict(dict)
    presenters: dict[str, dict[str, str]] = defaultdict(dict)
    display: dict[str, str] = {}
    hosts: dict[str, set[str]] = defaultdict(set)
    host_names: dict[str, str] = {}
    for d in docs:
        doc_id = d.document.id
        for h in d.hosts:
            hosts[norm(h.name)].add(doc_id)
            host_names.setdefault(norm(h.name), h.name)
        for a in d.awards:
            if not a.award:
                continue
            k = _key(a.award)
            display.setdefault(k, a.award)
            for n in a.nominees:
                nominees[k].setdefault(norm(n.name), n.name)
            for p in a.presenters:
                presenters[k].setdefault(norm(p.name), p.name)
            if not a.winner:
                continue
            votes = by_award[k]
            slot = next((v for v in votes if any(same_entity(a.winner, s) for s in v.spellings)), None)
            if slot is None:
                slot = _Votes()
                votes.append(slot)
            slot.spellings.append(a.winner)
            if a.work:
                slot.works.append(a.work)
            slot.documents.add(doc_id)
            slot.confidence = max(slot.confidence, a.confidence)
    awards = []
    for k, votes in by_award.items():
        total = sum(len(v.documents) for v in votes)
        ranked = sorted(votes, key=lambda v: (len(v.documents), v.confidence), reverse=True)
        cands = tuple(
            Candidate(_spelling(v.spellings), _spelling(v.works) if v.works else None, len(v.documents),
                      tuple(sorted(v.documents)), v.confidence)
            for v in ranked
        )
        top = cands[0]
        winner_key = norm(top.winner)
        noms = tuple(n for key, n in nominees[k].items() if key != winner_key and not same_entity(n, top.winner))
        confidence = (top.support / total) * top.confidence
        awards.append(FusedAward(display[k], top.winner, top.work, confidence, top.documents, cands, noms,
                                 tuple(presenters[k].values())))
    host_list = tuple(sorted(((host_names[k], len(v)) for k, v in hosts.items()), key=lambda x: (-x[1], x[0])))
    key = next((d.ceremony.key for d in docs if d.ceremony and d.ceremony.key), None)
    return CeremonyRecord(name, year, key, host_list, tuple(awards), tuple(sorted(d.document.id for d in docs)))


def _spelling(names: list[str]) -> str:
    """The fullest of the most used spellings, a full name before "Mr. Surname"."""
    counts: dict[str, int] = defaultdict(int)
    for n in names:
        counts[n] += 1
    return max(counts, key=lambda n: (not set(norm(n).split()) & _HONORIFICS, counts[n], len(n)))
