"""Award categories in running text: find the phrases, read what they say, pick the family.

A category phrase is read word by word, not looked up whole: the words of
``data/categories.json`` say what an award is for (role, level, medium, genre,
kind), and the families of the ceremony's year whose attributes fit are its
candidates. The knowledge file's ``variants`` and ``ambiguous_variants`` take
precedence for the idioms they list. ``resolve`` then narrows the candidates
with the surrounding words and the awards already given, or returns None.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

from . import load_ceremony

__all__ = ["CategoryMention", "family_attributes", "find_category_mentions", "official_name", "resolve"]

_TOKEN = re.compile(r"[^\W\d_]+|&")
# between two words of one phrase: spaces and at most two of - – — , : / ( )
_GAP = re.compile(r"[ \t\u00a0]*(?:[-\u2013\u2014,:/()][ \t\u00a0]*){0,2}")
_SEPARATOR = re.compile(r"[-\u2013\u2014,:/(]")


@dataclass(frozen=True, slots=True)
class CategoryMention:
    start: int
    end: int
    text: str
    candidates: tuple[str, ...]
    medium: str | None
    role: str | None


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = resources.files("pressroom").joinpath("data/categories.json").read_text("utf-8")
    return json.loads(raw)


def _norm(text: str) -> str:
    """Lowercase, '&' -> 'and', no apostrophes, other punctuation -> space (as the eval's norm)."""
    text = re.sub(r"[\u2018\u2019\u02bc']", "", text.lower().replace("&", " and "))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@lru_cache(maxsize=None)
def _variant_index(ceremony: str) -> dict[str, tuple[str, ...]]:
    data = load_ceremony(ceremony)
    index = {_norm(p): (fam,) for fam, phrases in data.get("variants", {}).items() for p in phrases}
    index.update({_norm(p): tuple(fams) for p, fams in data.get("ambiguous_variants", {}).items()})
    return index


def _year_entry(data: dict, year: int | None) -> dict:
    """The year's entry; the nearest known year's when the year is None or not in the file."""
    years = data["years"]
    if year is not None and str(year) in years:
        return years[str(year)]
    target = max(map(int, years)) if year is None else year
    return years[str(min(map(int, years), key=lambda y: (abs(y - target), -y)))]


def _families_in_order(data: dict, year: int | None) -> list[str]:
    if year is not None:
        return list(_year_entry(data, year)["categories"])
    latest = list(_year_entry(data, None)["categories"])
    return latest + [f for f in data["families"] if f not in latest]


def family_attributes(family: str, ceremony: str = "golden_globes") -> dict:
    """The attributes of a family (medium, role, level, genre, kind, label) as a new dict.

    Raises KeyError for a family the ceremony does not have.
    """
    families = load_ceremony(ceremony)["families"]
    if family not in families:
        raise KeyError(f"unknown category family {family!r} for {ceremony!r}")
    return dict(families[family])


def official_name(family: str, *, ceremony: str = "golden_globes", year: int | None) -> str | None:
    """That year's official name of a family; the nearest year's when the year lacks it or is None.

    None when the family is never awarded.
    """
    years = load_ceremony(ceremony)["years"]
    if year is not None and family in years.get(str(year), {}).get("categories", {}):
        return years[str(year)]["categories"][family]
    having = [int(y) for y, entry in years.items() if family in entry["categories"]]
    if not having:
        return None
    target = max(having) if year is None else year
    return years[str(min(having, key=lambda y: (abs(y - target), -y)))]["categories"][family]


# ------------------------------------------------------------------ reading the words

@dataclass
class _Unit:
    start: int  # character offsets of the unit's words
    end: int
    words: str
    feats: dict
    gap: str = ""  # the text between the previous unit and this one

    @property
    def glue(self) -> bool:
        return not self.feats


@dataclass
class _Reading:
    """What a phrase says about the award."""
    frames: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    kinds: list[str] = field(default_factory=list)
    level: str | None = None
    genres: set[str] = field(default_factory=set)
    media: set[str] = field(default_factory=set)
    award: bool = False
    strong: bool = False
    needs: set[str] = field(default_factory=set)
    separated_medium: bool = False

    @property
    def content(self) -> bool:
        return bool(self.roles or self.kinds or self.genres or self.media or self.level == "supporting")


def _units(text: str) -> list[list[_Unit]]:
    """Maximal runs of category words (glue allowed) joined only by spaces and part separators."""
    words = _words()
    units, glue = words["units"], set(words["glue"])
    longest, firsts = _unit_shape()
    tokens = list(_TOKEN.finditer(text))
    lowers = [t.group().lower() for t in tokens]
    joins: dict[int, bool] = {}

    def joined(k: int) -> bool:  # tokens k and k + 1
        if k not in joins:
            joins[k] = _joined(text, tokens[k], tokens[k + 1])
        return joins[k]

    runs: list[list[_Unit]] = []
    run: list[_Unit] = []
    i = 0
    while i < len(tokens):
        unit = None
        if lowers[i] in firsts:  # most words start no unit: no need to try every length
            for n in range(min(longest, len(tokens) - i), 0, -1):
                if not all(joined(k) for k in range(i, i + n - 1)):
                    continue
                key = " ".join(lowers[i:i + n])
                if key in units or (n == 1 and key in glue):
                    unit = _Unit(tokens[i].start(), tokens[i + n - 1].end(), key, units.get(key, {}))
                    break
        if unit is None:
            if run:
                runs.append(run)
            run, i = [], i + 1
            continue
        if run and not joined(i - 1):
            runs.append(run)
            run = []
        if run:
            unit.gap = text[run[-1].end:unit.start]
        run.append(unit)
        i += len(unit.words.split())
    if run:
        runs.append(run)
    return runs


@lru_cache(maxsize=1)
def _unit_shape() -> tuple[int, frozenset[str]]:
    """The most words in a unit, and the words a unit (or glue) can start with."""
    words = _words()
    units = words["units"]
    firsts = {p.split()[0] for p in units if p.split()} | set(words["glue"])
    return max(len(p.split()) for p in units), frozenset(firsts)


def _joined(text: str, a: re.Match, b: re.Match) -> bool:
    gap = text[a.end():b.start()]
    if len(a.group()) == 1 and a.group() != "&" and re.fullmatch(r"\.[ \t]*", gap):
        return True  # an initial: "Cecil B. DeMille"
    return bool(gap) and _GAP.fullmatch(gap) is not None


def _segments(run: list[_Unit]) -> list[list[_Unit]]:
    """Split a run where a second award begins ("best actor and best actress")."""
    segments, current = [], []
    for unit in run:
        f = unit.feats
        seen = _read(current)
        new_best = f.get("frame") == "best" and seen.content
        clash = (f.get("role") or f.get("kind")) and (seen.roles or seen.kinds) and not _compatible(seen, f)
        after_title = f.get("kind") and seen.genres and not seen.kinds  # "motion picture drama, director"
        if new_best or clash or after_title:
            cut = len(current)
            if clash and not new_best:  # "... and comedy actress": the qualifiers go with the new award
                while cut and not current[cut - 1].glue and not current[cut - 1].feats.keys() & {"role", "kind"}:
                    cut -= 1
            segments.append(current[:cut])
            current = current[cut:]
        current.append(unit)
    segments.append(current)
    return [s for s in map(_trim, segments) if s]


def _compatible(seen: _Reading, feats: dict) -> bool:
    """Two award words of one award: "Cecil B. DeMille Award for Lifetime Achievement"."""
    kinds = set(seen.kinds) | ({feats["kind"]} if "kind" in feats else set())
    honorary = {"lifetime", "demille", "carol_burnett"}
    return not seen.roles and "role" not in feats and (len(kinds) == 1 or kinds <= honorary)


def _merged(segments: list[list[_Unit]], text: str) -> list[list[_Unit]]:
    """Join "best actress" + "in the" + "drama category" into one phrase."""
    out: list[list[_Unit]] = []
    for segment in segments:
        r = _read(segment)
        if (out and r.award and not (r.roles or r.kinds or r.frames)
                and re.fullmatch(r"\s+in\s+the\s+", text[out[-1][-1].end:segment[0].start], re.IGNORECASE)):
            out[-1] = out[-1] + segment
        else:
            out.append(segment)
    return out


def _trim(segment: list[_Unit]) -> list[_Unit]:
    while segment and (segment[0].glue or segment[0].feats.get("award")):
        segment = segment[1:]
    while segment and segment[-1].glue:
        segment = segment[:-1]
    return segment


def _read(segment: list[_Unit]) -> _Reading:
    r = _Reading()
    media: list[str | None] = [u.feats.get("medium") for u in segment]
    for i, unit in enumerate(segment):
        f = unit.feats
        if f.get("absorbs_film"):  # "motion picture made for television", "made for tv movie"
            for j in (i - 1, i + 1):
                if 0 <= j < len(segment) and media[j] == "film":
                    media[j] = "miniseries"
        if f.get("adjective") and i + 1 < len(segment) and media[i + 1] == "miniseries":
            media[i] = None  # "television limited series", "tv mini-series"
    for i, unit in enumerate(segment):
        f = unit.feats
        if "frame" in f:
            r.frames.add(f["frame"])
        if "role" in f:
            r.roles.add(f["role"])
        if "kind" in f:
            r.kinds.append(f["kind"])
        if "level" in f:
            r.level = f["level"]
        if "genre" in f:
            r.genres.add(f["genre"])
        if media[i]:
            r.media.add(media[i])
        r.award |= bool(f.get("award"))
        r.strong |= bool(f.get("strong"))
        if "needs" in f:
            r.needs.add(f["needs"])
        if f.get("kind") and i + 1 < len(segment) and media[i + 1] and _SEPARATOR.search(segment[i + 1].gap):
            r.separated_medium = True  # "Director, Motion Picture"
    return r


def _is_mention(r: _Reading, before: str, phrase: str, ceremony: str, heading: bool) -> bool:
    """Does the phrase say what an award is for, rather than just name a genre or a job?"""
    words = _words()
    if heading and (r.roles or r.kinds):
        return True  # a winners list: "Director: ...", "• Song: ..."
    best = "best" in r.frames or ("top" in r.frames and r.award)
    if before in words["possessives"] and not (r.strong or r.award or r.roles or (best and r.kinds)):
        return False  # "her best performance in a drama", "his stand-up", but "earned her best actress"
    if r.strong or (r.award and r.content):
        return True
    if best and (r.roles or r.kinds or r.genres or r.level):
        return True
    known = len(phrase.split()) > 1 and phrase in _variant_index(ceremony)
    if known and r.award:
        return True  # "the top prize"
    if before in words["determiners"]:
        return False  # "an actress who", "a comedy series about", "the best film of the year"
    if (best and r.media) or known:
        return True
    if r.kinds:
        needs = r.needs
        return not ("never" in needs or ("medium" in needs and not r.media)
                    or ("separated_medium" in needs and not r.separated_medium))
    if r.roles:
        return bool(r.level or r.genres or r.media)
    return bool(r.media and r.genres)


def _heading(text: str, start: int, end: int) -> bool:
    """Does the phrase open a line (or follow a bullet) and end with a colon?"""
    before = text[:start].rstrip(" \t")
    return (not before or before[-1] in "\n\u2022\u00b7*>") and re.match(r"[ \t]*:", text[end:]) is not None


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 40):start])
    return m.group(1).lower() if m else ""


# ------------------------------------------------------------------ families that fit

def _genre_fits(family_genre: str, genres: set[str]) -> bool:
    if "drama" in genres:
        return family_genre == ("drama" if genres == {"drama"} else "any")
    if family_genre == "musical":
        return genres == {"musical"}
    return family_genre == "comedy"


def _fits(r: _Reading, data: dict, order: list[str]) -> list[str]:
    attrs = data["families"]
    if r.kinds:
        named = set(r.kinds) - {"lifetime"} or {"lifetime"}  # "DeMille award for lifetime achievement"
        kinds = {k for kind in named for k in _words()["kinds"][kind]["family_kinds"]}
        found = [f for f in order if attrs[f]["kind"] in kinds]
        return [f for f in found if attrs[f]["medium"] in r.media] or found
    if r.roles or "performance" in r.frames or r.level:
        level = r.level or "lead"
        found = [f for f in order if attrs[f]["kind"] == "performance" and attrs[f]["level"] == level
                 and (not r.roles or attrs[f]["role"] in r.roles)]
    elif r.media or r.genres:
        title_kinds = _words()["title_kinds"]
        found = [f for f in order if attrs[f]["role"] == "title" and attrs[f]["kind"] in title_kinds]
    else:
        return []
    if r.media:
        found = [f for f in found if attrs[f]["medium"] in r.media or _covers(attrs, f, r.media, order)]
    if r.genres:
        exact = [f for f in found if _genre_fits(attrs[f]["genre"], r.genres)]
        strict = [f for f in exact if attrs[f]["genre"] in r.genres]  # "musical" in the years it had its own
        # supporting awards take every genre; limited series are never called drama or comedy
        found = strict or exact or [f for f in found if attrs[f]["genre"] == "any"
                                    and (attrs[f]["medium"] != "miniseries" or "miniseries" in r.media)]
    return found


def _covers(attrs: dict, family: str, media: set[str], order: list[str]) -> bool:
    """A television supporting award covers limited series in the years without their own one."""
    a = attrs[family]
    if a["medium"] != "television" or a["level"] != "supporting" or "miniseries" not in media:
        return False
    return not any(attrs[f]["medium"] == "miniseries" and attrs[f]["level"] == "supporting"
                   and attrs[f]["role"] == a["role"] for f in order)


def _candidates(r: _Reading, phrases: tuple[str, ...], data: dict, ceremony: str,
                year: int | None) -> tuple[str, ...]:
    """The knowledge file's reading of the phrase (or of it without "award") if it has one, else ours."""
    order = _families_in_order(data, year)
    index = _variant_index(ceremony)
    known = set(order)
    for phrase in phrases:
        if phrase in index and (hit := tuple(f for f in index[phrase] if f in known)):
            return hit
    return tuple(_fits(r, data, order))


def _medium(r: _Reading) -> str | None:
    if len(r.media) == 1:
        return next(iter(r.media))
    return "television" if r.media == {"television", "miniseries"} else None


def _role(r: _Reading) -> str | None:
    if len(r.roles) == 1:
        return next(iter(r.roles))
    if r.kinds:
        return _words()["kinds"][r.kinds[0]]["role"]
    return None if r.roles or "performance" in r.frames or r.level else "title"


def find_category_mentions(text: str, *, ceremony: str = "golden_globes",
                           year: int | None = None) -> list[CategoryMention]:
    """Category phrases in ``text`` ("best actor in a drama", "Actress, Drama", "the DeMille award").

    Each mention carries its offsets into ``text``, the words as written, the families it could
    mean in ``year`` (most likely first; every year's families when ``year`` is None), and the
    medium and role its words state. Raises KeyError for an unknown ceremony.
    """
    data = load_ceremony(ceremony)
    mentions = []
    for segment in _merged([s for run in _units(text) for s in _segments(run)], text):
        start, end = segment[0].start, segment[-1].end
        r = _read(segment)
        phrase = _norm(text[start:end])
        if _is_mention(r, _word_before(text, start), phrase, ceremony, _heading(text, start, end)):
            core = [u for u in segment if not u.feats.get("award")] or segment  # "supporting actress trophy"
            phrases = (phrase, _norm(text[start:core[-1].end]))
            candidates = _candidates(r, phrases, data, ceremony, year)
            mentions.append(CategoryMention(start, end, text[start:end], candidates, _medium(r), _role(r)))
    return mentions


# ------------------------------------------------------------------ choosing one family

@lru_cache(maxsize=1)
def _cue_pattern() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    groups_of: dict[str, tuple[str, ...]] = {}
    for group, cues in _words()["cues"].items():
        for cue in cues:
            groups_of[cue] = groups_of.get(cue, ()) + (group,)
    alternatives = "|".join(re.escape(c) for c in sorted(groups_of, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), groups_of


def _cue_counts(context: str) -> dict[str, int]:
    """How often each cue group occurs; longest cue first, so "limited series" is not "series"."""
    pattern, groups_of = _cue_pattern()
    counts: dict[str, int] = {}
    for m in pattern.finditer(context):
        for group in groups_of[m.group().lower()]:
            counts[group] = counts.get(group, 0) + 1
    return counts


def _best_by(candidates: list[str], score) -> list[str]:
    scores = {c: score(c) for c in candidates}
    top = max(scores.values())
    return [c for c in candidates if scores[c] == top] if top > 0 else candidates


def resolve(candidates_or_mention: CategoryMention | Iterable[str], *, ceremony: str = "golden_globes",
            year: int | None, context: str = "", taken: Iterable[str] = frozenset()) -> str | None:
    """The one family a category mention means, or None when the words and context do not decide.

    ``context`` is the sentence or paragraph around the mention (film / television / limited
    series / genre cues); ``taken`` holds families already given to someone else, which are
    ruled out while another candidate remains.
    """
    data = load_ceremony(ceremony)
    attrs = data["families"]
    if isinstance(candidates_or_mention, CategoryMention):
        mention = candidates_or_mention
        candidates = list(mention.candidates)
        context = context.replace(mention.text, " ", 1)
        stated = [c for c in candidates if attrs[c]["medium"] == mention.medium]
        candidates = stated or candidates
    else:
        candidates = [c for c in dict.fromkeys(candidates_or_mention) if c in attrs]
    awarded = list(_year_entry(data, year)["categories"]) if year is not None else candidates
    candidates = [c for c in candidates if c in awarded]
    # the 2023 split: limited series have their own supporting awards
    split = any(attrs[f]["medium"] == "miniseries" and attrs[f]["level"] == "supporting" for f in awarded)
    ruled_out = set(taken)
    candidates = [c for c in candidates if c not in ruled_out] or candidates
    if len(candidates) > 1:
        counts = _cue_counts(context)

        def medium_score(c: str) -> int:
            a = attrs[c]
            groups = set(_words()["cue_groups_by_medium"][a["medium"]])
            if a["medium"] == "television" and a["level"] == "supporting" and not split:
                groups.add("miniseries")  # one award covers series and limited series
            return sum(counts.get(g, 0) for g in groups)

        candidates = _best_by(candidates, medium_score)
        candidates = _best_by(candidates, lambda c: counts.get(attrs[c]["genre"], 0))
    return candidates[0] if len(candidates) == 1 else None
