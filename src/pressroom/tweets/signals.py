"""What one tweet says: who it claims won, was nominated, presented or hosted, and where.

A tweet is read clause by clause. Each cue ("wins", "goes to", "presenting", "host")
claims the nearest name on its side; the claim goes to the nearest category phrase of
the clause. A clause that predicts, hopes or asks ("will win", "better win", "...?")
claims no winner: its names count as nominees at most. Nothing here decides an
answer; ``aggregate`` sums these signals over the stream.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .lexicon import CUES, NOT_HOST
from .mentions import Category, categories_in
from .normalize import NameRun, names

__all__ = ["Signals", "read_signals", "CategoryKey"]

CategoryKey = str | tuple[str, ...]  # a family, or the families an undecided phrase could mean

_CUE = re.compile(r"(?<![\w@#])(?:" + "|".join(re.escape(c) for c in sorted(CUES, key=len, reverse=True))
                  + r")(?![\w])")
_CLAUSE_END = re.compile(r"(?:(?<!\.)\.(?!\.)|[!?;]+|\n)(?=\s)")
_PREFILTER = re.compile(r"best|actor|actress|direct|screenplay|score|song|series|picture|film|movie|drama|"
                        r"comed|musical|animat|foreign|support|limited|demille|burnett|\btv\b|televis|"
                        r"box office|stand.?up|cinematic|english")
_WORK_BEFORE = re.compile(r"(?:\bfor|\bfrom|\bfor (?:her|his|their) (?:role|turn|work|performance) in|"
                          r"\bfor playing in)\s+(?:the film |the show |the series |the movie )?$")
_NOT_WORK_VERB = frozenset("rooting pulling vote voting root hope hoping praying pray cheering happy "
                           "thrilled excited so congrats congratulations thanks thank proud".split())
_HEADING = re.compile(r"[ \t]*(?:[:\u2013\u2014]|-(?=\s))[ \t]*(?=[A-Z\u00c0-\u00de@])")
_PAIRED = re.compile(r"[\s()\-\u2013:,]*")
_LIST_GAP = re.compile(r"\s*(?:,|&|\band\b|\+|/)\s*(?:and\s+)?")
MAX_GAP = 60  # characters between a cue and the name it claims (category phrases not counted)


@dataclass(slots=True)
class Signals:
    """The claims of one tweet; names as written (spellings are pooled later)."""

    names: list[str] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    wins: list[tuple[CategoryKey, str]] = field(default_factory=list)
    loose_wins: list[str] = field(default_factory=list)  # a win claim with no category said
    nominees: list[tuple[CategoryKey, str]] = field(default_factory=list)
    predicted: list[tuple[CategoryKey, str]] = field(default_factory=list)
    presenters: list[tuple[CategoryKey | None, str]] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    works: list[str] = field(default_factory=list)
    handles: list[tuple[str, str]] = field(default_factory=list)  # (@handle, name) said side by side
    work_of: list[tuple[str, str]] = field(default_factory=list)  # (name, what they won or are up for)


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    before: str | None
    after: str | None


def read_signals(text: str, low: str, *, ceremony: str, year: int | None) -> Signals:
    """The claims of a cleaned tweet ``text``; ``low`` is ``lower(text)``, of the same length."""
    out = Signals()
    cats = categories_in(low, ceremony=ceremony, year=year) if _PREFILTER.search(low) else []
    out.categories = cats
    runs = names(text)
    if cats:
        runs = [r for r in runs if not any(c.start < r.end and r.start < c.end for c in cats)]
    out.names = [r.name for r in runs]
    if len(runs) > 1:
        out.handles = _handle_pairs(text, runs)
    cues = [_Cue(m.start(), m.end(), *CUES[m.group()]) for m in _CUE.finditer(low)]
    if not runs or not (cues or cats):
        return out
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    clause_of = lambda pos: bisect_right(ends, pos)  # noqa: E731
    run_clause = [clause_of(r.start) for r in runs]
    work = [_is_work(low, r) for r in runs]
    out.works = [r.name for r, w in zip(runs, work) if w]
    predicted = {clause_of(c.start) for c in cues if c.before == "predict"}
    predicted |= {i for i, end in enumerate(ends) if text[end - 1] == "?"}
    for cat in cats:  # "Best Director: Brady Corbet" says who won as plainly as a verb
        if m := _HEADING.match(text, cat.end):
            cues.append(_Cue(cat.end, m.end(), None, "win"))
    done: set[tuple[str, int]] = set()
    for cue in cues:
        k = clause_of(cue.start)
        for kind, claimed in _claims(text, cue, runs, run_clause, k, cats, work):
            for i in claimed:
                if (kind, i) not in done:
                    done.add((kind, i))
                    _emit(out, kind, runs[i], k in predicted, _category_for(runs[i], k, cats, clause_of),
                          _work_after(runs, run_clause, work, i), low, ends, k)
    return out


def _claims(text: str, cue: _Cue, runs: list[NameRun], run_clause: list[int], k: int, cats: list[Category],
            work: list[bool]) -> list[tuple[str, list[int]]]:
    """(kind, indexes of the runs the cue claims) for each side of the cue."""
    before = [i for i, r in enumerate(runs) if run_clause[i] == k and r.end <= cue.start and not work[i]]
    after = [i for i, r in enumerate(runs) if run_clause[i] == k and r.start >= cue.end and not work[i]]
    near_before = before[-1] if before and _gap(runs[before[-1]].end, cue.start, cats) <= MAX_GAP else None
    near_after = after[0] if after and _gap(cue.end, runs[after[0]].start, cats) <= MAX_GAP else None
    if cue.before and cue.before == cue.after:  # either side: the nearer name (and its list)
        if near_before is None and near_after is None:
            return []
        if near_after is None or (near_before is not None and _gap(runs[near_before].end, cue.start, cats)
                                  <= _gap(cue.end, runs[near_after].start, cats)):
            return [(cue.before, _listed(text, runs, before, near_before, backwards=True))]
        return [(cue.after, _listed(text, runs, after, near_after))]
    claims = []
    if cue.before and near_before is not None:
        many = cue.before in ("present", "nominee")
        claims.append((cue.before, _listed(text, runs, before, near_before, backwards=True) if many else [near_before]))
    if cue.after and near_after is not None:
        many = cue.after in ("present", "nominee")
        claims.append((cue.after, _listed(text, runs, after, near_after) if many else [near_after]))
    return claims


def _listed(text: str, runs: list[NameRun], side: list[int], first: int, backwards: bool = False) -> list[int]:
    """The claimed run and the ones listed with it: "A, B and C are nominated"."""
    out = [first]
    order = side[::-1] if backwards else side
    position = order.index(first)
    for i in order[position + 1:]:
        a, b = (runs[i], runs[out[-1]]) if backwards else (runs[out[-1]], runs[i])
        if len(out) >= 6 or not _LIST_GAP.fullmatch(text, a.end, b.start):
            break
        out.append(i)
    return out


def _gap(start: int, end: int, cats: list[Category]) -> int:
    """Characters from start to end, not counting category phrases."""
    gap = end - start
    for c in cats:
        if start <= c.start and c.end <= end:
            gap -= c.end - c.start
    return gap


def _category_for(run: NameRun, k: int, cats: list[Category], clause_of) -> Category | None:
    """The nearest category phrase of the run's clause; the tweet's only one otherwise."""
    mine = [c for c in cats if clause_of(c.start) == k]
    if mine:
        return min(mine, key=lambda c: c.start - run.end if c.start >= run.end else run.start - c.end)
    return cats[0] if len(cats) == 1 else None


def _is_work(low: str, run: NameRun) -> bool:
    """Is the run what someone won for: "... for The Brutalist"?"""
    m = _WORK_BEFORE.search(low, max(0, run.start - 40), run.start)
    if not m:
        return False
    word = re.search(r"(\w+)\s+$", low[max(0, m.start() - 20):m.start()])
    return not (word and word.group(1) in _NOT_WORK_VERB)


def _work_after(runs: list[NameRun], run_clause: list[int], work: list[bool], i: int) -> str | None:
    for j in range(i + 1, len(runs)):
        if run_clause[j] != run_clause[i]:
            break
        if work[j]:
            return runs[j].name
    return None


def _emit(out: Signals, kind: str, run: NameRun, predicted: bool, cat: Category | None,
          work: str | None, low: str, ends: list[int], k: int) -> None:
    key = None if cat is None else (cat.family or cat.candidates)
    name = run.name
    if work and kind in ("win", "nominee", "predict"):
        out.work_of.append((name, work))
    if kind == "host":
        clause = low[ends[k - 1] if k else 0: ends[k] if k < len(ends) else len(low)]
        if not predicted and not any(w in clause for w in NOT_HOST):
            out.hosts.append(name)
    elif kind == "present":
        out.presenters.append((key, name))
    elif kind == "predict":
        if key is not None:
            out.predicted.append((key, name))
    elif key is None:
        if kind == "win" and not predicted:
            out.loose_wins.append(name)
    elif predicted and kind in ("win", "nominee"):
        out.predicted.append((key, name))
    elif kind == "win":
        out.wins.append((key, name))
    elif kind == "nominee":
        out.nominees.append((key, name))


def _handle_pairs(text: str, runs: list[NameRun]) -> list[tuple[str, str]]:
    """"Nikki Glaser (@NikkiGlaser)", "@NikkiGlaser (Nikki Glaser)": a handle and a name side by side."""
    pairs = []
    for a, b in zip(runs, runs[1:]):
        if a.name.startswith("@") == b.name.startswith("@"):
            continue
        if _PAIRED.fullmatch(text, a.end, b.start) is None:
            continue
        handle, name = (a.name, b.name) if a.name.startswith("@") else (b.name, a.name)
        pairs.append((handle.lower(), name))
    return pairs
