"""Which ceremony a document covers, and the year it was held, from the document's own clues.

The name is decided by weighted alias mentions (title and opening count more), the year
by the strongest clues first: an edition ordinal beside the name ("the 69th Golden
Globes"), a year beside the name ("Golden Globes 2019"), a full date or dateline, a year
in the title, a year in the path; bare years count only when nothing else speaks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from statistics import median_low

from ..knowledge import ceremonies, load_ceremony

__all__ = ["CeremonyGuess", "detect_ceremony"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
ORDINAL = r"(?P<ordinal>\d{1,3})(?:st|nd|rd|th)"
ANNUAL = r"(?:annual\s+)?"
YEAR = r"(?P<year>(?:19|20)\d{2})"
# a year after these words dates something else: "won a Globe in 1988", "since 1984"
NOT_CEREMONY_BEFORE = ("in", "since", "from", "until", "till", "through", "before", "after",
                       "born", "circa", "during", "of", "by", "b.")
# a year before these nouns (one word may sit between) names a work: "the 1998 cult film"
NOT_CEREMONY_NOUNS = ("film", "movie", "picture", "series", "season", "show", "album", "novel",
                      "book", "song", "play", "musical", "documentary", "release")
ORGANISER_SUFFIXES = ("association",)  # "Hollywood Foreign Press" is the organiser too
STOPWORDS = ("of", "and", "the", "for", "&")

# how much each kind of clue weighs when the year is voted, and how sure it makes us
TIER_WEIGHT = {"edition": 10.0, "name-year": 8.0, "date": 6.0, "title-year": 4.0,
               "path-year": 3.0, "bare-year": 1.0}
TIER_CONFIDENCE = {"edition": 0.95, "name-year": 0.95, "date": 0.9, "title-year": 0.8,
                   "path-year": 0.6, "bare-year": 0.3}
TITLE_WEIGHT, LEAD_WEIGHT = 3.0, 2.0
KNOWN_YEAR_BONUS = 1.25  # a year the ceremony is known to have been held beats one it is not
LEAD_CHARS = 500  # the headline and first paragraph of a plain-text document
FAR_FROM_CEREMONY_DAYS = 120  # a date further than this from any ceremony counts half
DEFAULT_CEREMONY_DAY = (1, 15)  # when no ceremony is named: January/February -> that year, late months -> next


@dataclass(frozen=True, slots=True)
class CeremonyGuess:
    """The ceremony a document covers, as far as its text tells.

    ``evidence`` holds ``(start, end, what)``: offsets into the text, except when ``what``
    starts with ``title`` or ``path``, where they point into the title or the path.
    """

    key: str | None
    name: str | None
    year: int | None  # the calendar year the ceremony was held
    edition: int | None
    confidence: float
    evidence: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Clue:
    label: int  # the ceremony's own year label (a knowledge-file key); differs from the held year once
    kind: str
    weight: float
    start: int
    end: int
    what: str


@dataclass(frozen=True, slots=True)
class _Ceremony:
    key: str
    name: str
    mention: re.Pattern[str]
    ordinal: re.Pattern[str]  # "the 69th annual Golden Globes"
    named_years: tuple[re.Pattern[str], ...]  # "2019 Golden Globes", "Golden Globes 2019", "#GoldenGlobes2019"
    held: dict[int, int]  # label -> calendar year held
    editions: dict[int, int]  # label -> edition
    dates: dict[int, date]  # label -> date held, when known
    typical_day: tuple[int, int]


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


def _organiser_names(organiser: str) -> list[str]:
    names = [n.strip() for n in re.split(r"[()]", organiser) if n.strip()]
    out = []
    for name in names:
        words = name.split()
        out.append(name)
        if words[-1] in ORGANISER_SUFFIXES:
            out.append(" ".join(words[:-1]))
        initials = "".join(w[0] for w in words if w not in STOPWORDS)
        if len(initials) >= 3:
            out.append(initials)
    return out


@lru_cache(maxsize=1)
def _known() -> dict[str, _Ceremony]:
    known = {}
    for stem in ceremonies():
        data = load_ceremony(stem)
        names = [data["ceremony"].lower(), *data.get("aliases", ())]
        organisers = _organiser_names(data.get("organiser", ""))
        tags = [re.escape(t) for t in data.get("hashtags", ())]
        patterns = [re.escape(p).replace(r"\{year\}", r"(?P<year>\d{4})").replace(r"\{yy\}", r"(?P<yy>\d{2})")
                    for p in data.get("hashtag_patterns", ())]
        plain = [re.sub(r"\(\?P<\w+>", "(?:", p) for p in patterns]
        mention = re.compile(r"(?<![\w#])(?:" + "|".join(
            [*plain, *tags, _alternation(names + organisers)]) + r")(?!\w)", re.I)
        years = {int(k): v for k, v in data["years"].items()}
        dates = {k: date.fromisoformat(v["date"]) for k, v in years.items() if v.get("date")}
        day = median_low([(d.month, d.day) for d in dates.values()]) if dates else DEFAULT_CEREMONY_DAY
        alias = _alternation(names)
        named_years = (rf"(?<![\d/.-]){YEAR}\s+{ANNUAL}(?:{alias})\b",
                       rf"\b(?:{alias})(?:\s+awards)?\s*(?:[:,\u2013\u2014-]\s*)?{YEAR}(?![\d\u2013-])",
                       *(rf"(?<![\w#]){p}(?!\w)" for p in patterns))
        known[stem] = _Ceremony(
            key=stem, name=data["ceremony"], mention=mention,
            ordinal=re.compile(rf"\b{ORDINAL}\s+{ANNUAL}(?:{alias})\b", re.I),
            named_years=tuple(re.compile(p, re.I) for p in named_years),
            held={k: v.get("held_in", k) for k, v in years.items()},
            editions={k: v["edition"] for k, v in years.items()},
            dates=dates, typical_day=day,
        )
    return known


def detect_ceremony(text: str, *, title: str = "", path: str | None = None,
                    ceremony: str | None = None, year: int | None = None) -> CeremonyGuess:
    """Guess the ceremony a document covers and the calendar year it was held.

    ``ceremony`` (a knowledge-file stem or alias) and ``year`` (the year held) override
    what the text says; each overridden part counts as certain. Returns ``key``/``year``
    ``None`` when the text does not tell. Raises KeyError for an unknown ``ceremony``.
    """
    evidence: list[tuple[int, int, str]] = []
    if ceremony is not None:
        info, name_conf = _known()[load_ceremony(ceremony)["key"]], 1.0
    else:
        info, name_conf, evidence = _name(text, title)
    if year is not None:
        label, held, year_conf = (_label_for_held(info, year) if info else year), year, 1.0
    else:
        label, year_conf, clues = _year(info, text, title, path)
        evidence += [(c.start, c.end, c.what) for c in clues]
        held = (info.held.get(label, label) if info else label) if label is not None else None
    edition = _edition(info, label) if info and label is not None else None
    confidence = name_conf * (year_conf if held is not None else 0.5) if info else 0.0
    return CeremonyGuess(key=info.key if info else None, name=info.name if info else None, year=held,
                         edition=edition, confidence=round(confidence, 3), evidence=tuple(evidence))


def _sources(text: str, title: str):
    """(source, string, weight at offset) for the title and the text."""
    yield "title", title, lambda _: TITLE_WEIGHT
    yield "text", text, lambda at: LEAD_WEIGHT if at < LEAD_CHARS else 1.0


def _name(text: str, title: str) -> tuple[_Ceremony | None, float, list[tuple[int, int, str]]]:
    scores: dict[str, float] = {}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for source, string, weight in _sources(text, title):
        for info in _known().values():
            for m in info.mention.finditer(string):
                scores[info.key] = scores.get(info.key, 0.0) + weight(m.start())
                prefix = "title " if source == "title" else ""
                spans.setdefault(info.key, []).append((m.start(), m.end(), f"{prefix}mention {info.key}"))
    if not scores:
        return None, 0.0, []
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, 0.0, []  # two ceremonies weigh the same: do not pick one
    key, best = ranked[0]
    share = best / sum(scores.values())
    return _known()[key], share * min(1.0, best / 3.0), spans[key]


def _year(info: _Ceremony | None, text: str, title: str, path: str | None):
    clues: list[_Clue] = []
    for source, string, weight in _sources(text, title):
        prefix = "title " if source == "title" else ""
        if info:
            clues += _named_years(info, string, weight, prefix)
        clues += _dates(info, string, weight, prefix)
        if source == "title":
            clues += _bare_years(string, weight, "title-year", prefix)
    clues = [c for c in clues if not _inside_stronger(c, clues)]
    clues += _path_years(info, path or "")
    if not clues:
        clues = _bare_years(text, lambda at: LEAD_WEIGHT if at < LEAD_CHARS else 1.0, "bare-year", "")
        if info:  # a bare year counts only when the ceremony was held that year
            clues = [c for c in clues if c.label in info.editions]
    if not clues:
        return None, 0.0, []
    scores: dict[int, float] = {}
    for c in clues:
        bonus = KNOWN_YEAR_BONUS if info and c.label in info.editions else 1.0
        scores[c.label] = scores.get(c.label, 0.0) + c.weight * bonus
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, 0.0, []  # two years weigh the same: do not pick one
    label, best = ranked[0]
    chosen = [c for c in clues if c.label == label]
    strongest = max(TIER_CONFIDENCE[c.kind] for c in chosen)
    return label, strongest * best / sum(scores.values()), chosen


def _inside_stronger(clue: _Clue, clues: list[_Clue]) -> bool:
    """A title year that is part of "Golden Globes 2019" or a date is that clue, not another one."""
    source = clue.what.startswith("title")
    return clue.kind == "title-year" and any(
        c is not clue and c.what.startswith("title") == source and c.start <= clue.start and clue.end <= c.end
        for c in clues)


def _named_years(info: _Ceremony, string: str, weight, prefix: str) -> list[_Clue]:
    out = []
    for m in info.ordinal.finditer(string):
        label = _label_for_edition(info, int(m["ordinal"]))
        if label is not None:
            out.append(_Clue(label, "edition", TIER_WEIGHT["edition"] * weight(m.start()),
                             m.start(), m.end(), f"{prefix}edition {m['ordinal']}"))
    for pattern in info.named_years:
        for m in pattern.finditer(string):
            groups = m.groupdict()
            label = int(groups["year"]) if groups.get("year") else 2000 + int(groups["yy"])
            out.append(_Clue(label, "name-year", TIER_WEIGHT["name-year"] * weight(m.start()),
                             m.start(), m.end(), f"{prefix}name-year {label}"))
    return out


_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
DATE_PATTERNS = tuple(re.compile(p, re.I) for p in (
    rf"\b{_MONTH}\s+{_DAY},?\s+{YEAR}\b",  # January 7, 2019 / Jan. 14, 2008 / January 9th, 2022
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{YEAR}\b",  # 7 January 2019
    r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?![\d/])",  # 1/05/2019 (US order)
    r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])",  # 2019-01-06
))


def _dates(info: _Ceremony | None, string: str, weight, prefix: str) -> list[_Clue]:
    out = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(string):
            month = m["month"]
            month = int(month) if month.isdigit() else MONTHS[month.lower()]
            try:
                day = date(int(m["year"]), month, int(m["day"]))
            except ValueError:
                continue
            label, far = _label_for_date(info, day)
            w = TIER_WEIGHT["date"] * weight(m.start()) * (0.5 if far else 1.0)
            out.append(_Clue(label, "date", w, m.start(), m.end(), f"{prefix}date {day.isoformat()}"))
    return out


_EXCLUDED = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(w) for w in NOT_CEREMONY_BEFORE) + r")\W{0,2}\s*(?:the\s+)?)$", re.I)
_WORK_AFTER = re.compile(
    r"^(?:'s|\u2019s|\s*[\u2013/-]\s*\d|\s+(?:[\w-]+\s+)?(?:" + "|".join(NOT_CEREMONY_NOUNS) + r")s?\b)", re.I)


def _bare_years(string: str, weight, kind: str, prefix: str) -> list[_Clue]:
    out = []
    for m in re.finditer(rf"(?<![\w/.\u2013-]){YEAR}(?![\w/])", string):
        before, after = string[max(0, m.start() - 20):m.start()], string[m.end():m.end() + 30]
        if _EXCLUDED.search(before) or _WORK_AFTER.match(after) or before.endswith("("):
            continue
        label = int(m["year"])
        out.append(_Clue(label, kind, TIER_WEIGHT[kind] * weight(m.start()), m.start(), m.end(),
                         f"{prefix}{kind} {label}"))
    return out


# a year standing alone in a path part ("2011_hitfix-...", "/2018/01/"), not inside a hash
PATH_YEAR = re.compile(r"(?<![A-Za-z0-9])(?P<year>(?:19|20)\d{2})(?:[/_-](?P<month>\d{2})(?=/))?(?![A-Za-z0-9])")


def _path_years(info: _Ceremony | None, path: str) -> list[_Clue]:
    out = []
    for m in PATH_YEAR.finditer(path):
        label, what = int(m["year"]), f"path-year {m['year']}"
        if m["month"] and 1 <= int(m["month"]) <= 12:  # a URL's /2011/12/ dates the article
            label, _ = _label_for_date(info, date(label, int(m["month"]), 15))
        out.append(_Clue(label, "path-year", TIER_WEIGHT["path-year"], m.start(), m.end(), what))
    return out


def _ceremony_date(info: _Ceremony | None, label: int) -> date:
    if info and label in info.dates:
        return info.dates[label]
    month, day = info.typical_day if info else DEFAULT_CEREMONY_DAY
    return date(label, month, day)


def _label_for_date(info: _Ceremony | None, day: date) -> tuple[int, bool]:
    """The ceremony nearest the date (nominations come before it, coverage after)."""
    labels = range(day.year - 2, day.year + 2)
    gaps = {y: abs((_ceremony_date(info, y) - day).days) for y in labels}
    label = min(labels, key=gaps.__getitem__)
    return label, gaps[label] > FAR_FROM_CEREMONY_DAYS


def _label_for_edition(info: _Ceremony, edition: int) -> int | None:
    for label, ed in info.editions.items():
        if ed == edition:
            return label
    first, last = min(info.editions), max(info.editions)
    if edition > info.editions[last]:  # editions are consecutive: extend past the file's end
        return last + edition - info.editions[last]
    if 0 < edition < info.editions[first]:
        return first - (info.editions[first] - edition)
    return None


def _edition(info: _Ceremony, label: int) -> int | None:
    if label in info.editions:
        return info.editions[label]
    nearest = min(info.editions, key=lambda y: abs(y - label))  # editions are consecutive
    edition = info.editions[nearest] + label - nearest
    return edition if edition > 0 else None


def _label_for_held(info: _Ceremony, year: int) -> int:
    """The year label of the ceremony held in ``year`` (its own label first)."""
    if info.held.get(year, year) == year:
        return year
    return next((label for label, held in info.held.items() if held == year), year)
