"""The CS337 Golden Globes autograder's metric, for any answers.

Northwestern's CS337 (EECS 337) Project 1 scores a system's hosts, award names,
nominees, presenters and winners against the course's ``gg{year}answers.json``
with two numbers per field: *spelling* (how closely the names that match an
answer are spelled) and *completeness* (how well the set of matched names
covers the answers). This module re-implements that metric as the public
``autograder.py`` (Version 0.6/0.7) defines it; we read it in
10cirenehc/NU_cs337_project1/autograder.py and barrieca/NLP-gg2020/autograder.py,
and the course's award-name keys in barrieca/NLP-gg2020/gg_api.py (Version
0.35). The course's constants (award names per year, thresholds, its
person-to-work map) live in ``data/cs337_awards.json``.

Where the autograder is non-deterministic (it walks Python sets, whose order
changes from run to run, so ties can go either way) this module walks names in
the order they are given; everything else, quirks included, is reproduced.
"""
from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping, Sequence

from rich.table import Table

from .errors import InputError

__all__ = [
    "FIELDS",
    "completeness",
    "course_years",
    "edit_distance",
    "norm_text",
    "official_awards",
    "report",
    "score_answers",
    "similarity",
    "translate",
]

FIELDS = ("hosts", "awards", "nominees", "presenters", "winner")
LISTED = ("hosts", "awards")  # scored as one list each; the others once per award


@lru_cache(maxsize=1)
def _course() -> dict:
    text = resources.files("pressroom").joinpath("data/cs337_awards.json").read_text("utf-8")
    return json.loads(text)


def _metric() -> dict:
    return _course()["metric"]


def course_years() -> list[int]:
    """The ceremony years the course gives official award names for."""
    return sorted(int(y) for y in _course()["years"])


def official_awards(year: int | str) -> list[str]:
    """The course's award-name keys for a year (OFFICIAL_AWARDS_1315 or _1819).

    Raises InputError for a year the course does not cover.
    """
    course = _course()
    group = course["years"].get(str(year).strip())
    if group is None:
        known = ", ".join(str(y) for y in course_years())
        raise InputError(str(year), f"the CS337 course gives award names for {known} only")
    return list(course["official_awards"][group])


# -- the autograder's building blocks ---------------------------------------

def norm_text(text: str) -> str:
    """Lowercase, keeping only letters, digits and whitespace (the autograder's norm_text)."""
    return "".join(c.lower() for c in text if c.isalnum() or c.isspace())


def similarity(result: str, answer: str) -> float:
    """Word-level match of two normalized names, 0..1 (the autograder's ``text``).

    One inside the other (as characters) scores the shorter word count over the
    longer; otherwise the longest common run of words over the longer count, and
    when that run is over 0.3, all common runs of at least two words instead.
    """
    r_words, a_words = result.split(), answer.split()
    longer = max(len(r_words), len(a_words))
    if longer == 0:
        return 0.0
    if result in answer or answer in result:
        return min(len(r_words), len(a_words)) / longer
    matcher = difflib.SequenceMatcher(None, r_words, a_words)
    longest = matcher.find_longest_match(0, len(r_words), 0, len(a_words)).size / longer
    if longest <= _metric()["longest_share"]:
        return longest
    blocks = sum(b.size for b in matcher.get_matching_blocks() if b.size >= _metric()["block_min"])
    return blocks / longer


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions, substitutions cost 1 each."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _spelling(result: str, answer: str, weight: float, earlier: float | None) -> float:
    """1 - edit distance over the longer length, averaged with an earlier score of the same answer."""
    change = weight * (1 - edit_distance(result, answer) / max(len(result), len(answer)))
    return change if earlier is None else (earlier + change) / 2


def translate(results: Sequence[str], answers: Sequence[str], *,
              work_aliases: Mapping[str, str] | None = None) -> tuple[float, dict[str, str]]:
    """Match results to answers (the autograder's calc_translation).

    Returns the spelling score, the mean over the credited answers, and the
    translation {result as given: answer it is credited to}. A result whose
    normalized text equals an answer's scores 1; any other takes the most
    similar answer (similarity at least the threshold) of which it is the most
    similar result, scored by edit distance. A result near no answer but near a
    name of ``work_aliases`` (default: the course's map) is credited, at half
    weight, to the work of the map's last entry, as the published autograder does.
    """
    m = _metric()
    aliases = m["work_aliases"] if work_aliases is None else work_aliases
    # Later spellings of one normalized name replace earlier ones, as in the autograder.
    given = {norm_text(r): r for r in results}
    wanted = {norm_text(a): a for a in answers}
    translation = {given[n]: wanted[n] for n in given if n in wanted}
    scores = {wanted[n]: 1.0 for n in given if n in wanted}
    pending = [n for n in given if n not in wanted]
    sim = {(r, a): similarity(r, a) for r in pending for a in wanted}

    for r in pending:
        for a in sorted(wanted, key=lambda a: sim[r, a], reverse=True):
            if sim[r, a] < m["match_threshold"]:
                _credit_work(r, given[r], aliases, translation, scores)
                break
            # The answer goes to its most similar pending result (first one on a tie).
            if max(pending, key=lambda x: sim[x, a]) == r:
                translation[given[r]] = wanted[a]
                # The autograder looks the earlier score up under the normalized answer.
                scores[wanted[a]] = _spelling(r, a, 1.0, scores.get(a))
                break
    spelling = sum(scores.values()) / len(scores) if scores else 0.0
    return spelling, translation


def _credit_work(r: str, original: str, aliases: Mapping[str, str],
                 translation: dict[str, str], scores: dict[str, float]) -> None:
    best = 0.0
    for name in aliases:
        best = max(best, similarity(r, name))
    if aliases and best > _metric()["match_threshold"]:
        # The published code credits the last entry's work whichever entry matched.
        name, work = list(aliases.items())[-1]
        translation[original] = work
        scores[work] = _spelling(r, name, _metric()["work_aliases_weight"], scores.get(work))


def completeness(results: Sequence[str], answers: Sequence[str]) -> float:
    """Overlap of (translated) results and answers (the autograder's calc_score).

    Intersection over union, times 1.0 when they are the same set, 0.95 when
    every result is an answer but answers are missing, 0.9 when every answer is
    found among extra results, 0.85 for a partial overlap.
    """
    factor = _metric()["completeness_factor"]
    got = set(results)
    hit = got.intersection(answers)
    union = got.union(answers)
    if not union or not hit:
        return 0.0
    if len(got) == len(answers) and len(hit) == len(answers):
        m = factor["exact"]
    elif len(hit) == len(got):
        m = factor["missing_answers"]
    elif len(hit) == len(answers):
        m = factor["extra_results"]
    else:
        m = factor["overlap"]
    return len(hit) / len(union) * m


# -- scoring a whole answers file -------------------------------------------

def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)]


def _field(results: list[str], answers: list[str], *, complete: bool = True) -> tuple[float, float]:
    spelling, translation = translate(results, answers)
    if not complete:
        return spelling, 0.0
    return spelling, completeness([translation.get(r, r) for r in results], answers)


def score_answers(answers: dict, truth: dict, *, year: int | None = None) -> dict:
    """Score answers against the truth with the CS337 autograder's metric.

    Both are dicts in the shape of the course's ``gg{year}answers.json``:
    ``{"hosts": [...], "award_data": {award: {"nominees": [...], "presenters":
    [...], "winner": "..."}}}``; ``answers`` may add ``"awards"``, the award
    names a system found. Structured fields are averaged over the truth's
    awards (the autograder's 26; 25 for nominees, which leave out the cecil b.
    demille award); an award the answers lack counts as empty.

    Returns ``{"year", "scores": {field: {"spelling", "completeness"}},
    "missing_fields", "missing_awards", "extra_awards"}``; winner has spelling
    only, as in the autograder, and a field the answers do not give at all has
    ``None`` scores and is listed in ``missing_fields``.

    Raises InputError when the truth lacks ``hosts`` or ``award_data``.
    """
    if not isinstance(truth.get("award_data"), dict) or "hosts" not in truth:
        raise InputError("truth", "expected the course's answers shape: 'hosts' and 'award_data'")
    truth_awards: dict = truth["award_data"]
    given_awards = answers.get("award_data")
    given_awards = given_awards if isinstance(given_awards, dict) else {}
    excluded = set(_metric()["nominees_exclude"])

    scores: dict[str, dict[str, float | None]] = {}
    missing_fields = []
    for field in FIELDS:
        if field in LISTED:
            present = field in answers
        else:
            present = any(isinstance(e, dict) and field in e for e in given_awards.values())
        if not present:
            missing_fields.append(field)
            scores[field] = {"spelling": None} if field == "winner" else {"spelling": None, "completeness": None}
            continue
        if field == "hosts":
            s, c = _field(_names(answers["hosts"]), _names(truth["hosts"]))
        elif field == "awards":
            s, c = _field(_names(answers["awards"]), list(truth_awards))
        else:
            awards = [a for a in truth_awards if not (field == "nominees" and a in excluded)]
            s = c = 0.0
            for award in awards:
                entry = given_awards.get(award)
                result = _names(entry.get(field)) if isinstance(entry, dict) else []
                want = _names(truth_awards[award].get(field))
                s_award, c_award = _field(result, want, complete=field != "winner")
                s, c = s + s_award, c + c_award
            s, c = (s / len(awards), c / len(awards)) if awards else (0.0, 0.0)
        scores[field] = {"spelling": s} if field == "winner" else {"spelling": s, "completeness": c}

    return {
        "year": year,
        "scores": scores,
        "missing_fields": missing_fields,
        "missing_awards": [a for a in truth_awards if a not in given_awards] if given_awards else [],
        "extra_awards": [a for a in given_awards if a not in truth_awards],
    }


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def report(result: dict) -> Table:
    """A rich table of a ``score_answers`` result: one row per field, spelling and completeness."""
    year = result.get("year")
    table = Table(title=f"CS337 autograder metric{f' ({year})' if year else ''}", title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("spelling", justify="right")
    table.add_column("completeness", justify="right")

    def cell(value: float | None) -> str:
        return "-" if value is None else f"{value:.4f}"

    for field, values in result["scores"].items():
        done = values.get("completeness", "n/a")
        table.add_row(field, cell(values["spelling"]), done if isinstance(done, str) else cell(done))
    notes = []
    if result.get("missing_fields"):
        notes.append("not given: " + ", ".join(result["missing_fields"]))
    if result.get("missing_awards"):
        notes.append(f"{_count(result['missing_awards'], 'award')} of the truth missing from the answers (scored empty)")
    if result.get("extra_awards"):
        notes.append(f"{_count(result['extra_awards'], 'answer award')} not in the truth (ignored)")
    if notes:
        table.caption = "; ".join(notes)
        table.caption_justify = "left"
    return table
