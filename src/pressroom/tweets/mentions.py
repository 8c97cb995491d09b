"""Award categories in a tweet, through the knowledge's own reader, fast enough for a stream.

``knowledge.categories.find_category_mentions`` reads a phrase word by word (about 100 µs
a call); a stream says the same few hundred phrases over and over. So a cheap scan finds
the runs of category words, and each run is read once by the knowledge reader and
remembered (an LRU cache): a tweet costs a tokenisation and a few dictionary look-ups.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..knowledge.categories import CategoryMention, find_category_mentions, resolve

__all__ = ["Category", "categories_in"]

_TOKEN = re.compile(r"[^\W\d_]+|&")
# what may stand between two words of one phrase (as the knowledge reader allows)
_GAP = re.compile(r"[ \t\u00a0]*(?:[-\u2013\u2014,:/()][ \t\u00a0]*){0,2}")
_AWARD_ONLY = frozenset("best top award awards prize prizes trophy trophies globe globes gong statue "
                        "statues statuette honor honors honour honours category".split())


@dataclass(frozen=True, slots=True)
class Category:
    """A category phrase at [start, end) of the text: its family when the words decide,
    else None with the families it could mean (most likely first)."""

    start: int
    end: int
    family: str | None
    candidates: tuple[str, ...]


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    raw = json.loads(resources.files("pressroom").joinpath("data/categories.json").read_text("utf-8"))
    words = frozenset(w for unit in raw["units"] for w in unit.split())
    glue = frozenset(raw["glue"])
    before = frozenset(raw["determiners"]) | frozenset(raw["possessives"])
    return words, glue, words - _AWARD_ONLY - glue, before


@lru_cache(maxsize=100_000)
def _read_phrase(phrase: str, ceremony: str, year: int | None) -> tuple[tuple[int, CategoryMention], ...]:
    """The knowledge reader's mentions in a phrase, with how far the phrase's run starts in."""
    lead = phrase.find("\x00")
    shift = lead + 1 if lead >= 0 else 0
    text = phrase.replace("\x00", " ")
    return tuple((shift, m) for m in find_category_mentions(text, ceremony=ceremony, year=year))


def categories_in(low: str, *, ceremony: str, year: int | None) -> list[Category]:
    """Category phrases in a cleaned tweet, lowercased (offsets are the same in both)."""
    words, glue, content, _ = _vocabulary()
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(low)]
    found: list[Category] = []
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i][2] not in words or tokens[i][2] in glue:
            i += 1
            continue
        j, has_content = i, tokens[i][2] in content
        while j + 1 < n and (tokens[j + 1][2] in words or tokens[j + 1][2] in glue) \
                and _GAP.fullmatch(low, tokens[j][1], tokens[j + 1][0]):
            j += 1
            has_content = has_content or tokens[j][2] in content
        while tokens[j][2] in glue:  # "best actor for": the glue at the end is not the phrase's
            j -= 1
        if has_content:
            found.extend(_read_run(low, tokens, i, j, ceremony, year))
        i = j + 1
    return found


def _read_run(low: str, tokens: list, i: int, j: int, ceremony: str, year: int | None) -> list[Category]:
    start, end = tokens[i][0], tokens[j][1]
    phrase = low[start:end]
    prev = tokens[i - 1][2] if i else ""
    if prev in _vocabulary()[3]:
        phrase = f"{prev}\x00{phrase}"  # "her best performance": the reader needs the word before
    elif low[end:end + 1] == ":" and (i == 0 or low[:start].rstrip().endswith(("|", ".", "!"))):
        phrase += ":"  # a heading: "Director: Brady Corbet"
    out = []
    for shift, m in _read_phrase(phrase, ceremony, year):
        s, e = start + m.start - shift, start + m.end - shift
        if not m.candidates:
            continue
        family = m.candidates[0] if len(m.candidates) == 1 else None
        if family is None:
            family = _resolve(m.text, m.candidates, m.medium, m.role, _cue_words(low[:s] + " " + low[e:]),
                              ceremony, year)
        out.append(Category(s, e, family, m.candidates))
    return out


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    """The film / television / genre cue words the knowledge reader weighs, as one pattern."""
    raw = json.loads(resources.files("pressroom").joinpath("data/categories.json").read_text("utf-8"))
    cues = sorted({c for group in raw["cues"].values() for c in group}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, cues))})(?!\w)")


def _cue_words(context: str) -> str:
    """The cue words of a context, sorted: all ``resolve`` weighs of it, as a cache key."""
    return " ".join(sorted(_cue_pattern().findall(context)))


@lru_cache(maxsize=100_000)
def _resolve(text: str, candidates: tuple[str, ...], medium: str | None, role: str | None, cues: str,
             ceremony: str, year: int | None) -> str | None:
    """``resolve`` on a mention whose context is reduced to its cue words (so it can be cached)."""
    mention = CategoryMention(0, len(text), text, candidates, medium, role)
    return resolve(mention, ceremony=ceremony, year=year, context=cues)
