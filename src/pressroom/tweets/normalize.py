"""Tweet text as the extractors read it: cleaned, hashtags spelled out, names found.

``clean`` strips URLs and entities and spells out hashtags ("#AdrienBrody" -> "Adrien
Brody", fenced with " | " so it never runs into the next name); @handles stay as they
are. ``names`` finds the capitalised runs that may name a person or a work, and
``fold`` gives every spelling of a name one key.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import NAME_PARTICLES, NOT_PERSON_START, STOP_WORDS

__all__ = ["NameRun", "clean", "dedup_key", "fold", "is_person_like", "lower", "names", "split_camel",
           "squash"]

_URL = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+|\bwww\.\S+")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"[A-Z\u00c0-\u00de]+(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])|[A-Z\u00c0-\u00de]?"
                    r"[a-z\u00df-\u00ff\u0100-\u024f]+|[A-Z\u00c0-\u00de]+|\d+")
_SPACES = re.compile(r"\s+")
_KEY_DROP = re.compile(r"[\W_]+")
# a capitalised word (an initial "J." too), or a lowercase particle between two of them
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017e"
_NAME_RUN = re.compile(
    rf"(?<![\w@#'’])(?:[{_UPPER}]\.|[{_UPPER}][\w\-]*(?:['’](?![sS]\b)\w+)?)"
    rf"(?:(?:[ \t]+(?:{'|'.join(sorted(NAME_PARTICLES, key=len, reverse=True))})){{0,2}}[ \t]+"
    rf"(?:[{_UPPER}]\.|[{_UPPER}][\w\-]*(?:['’](?![sS]\b)\w+)?|\d{{1,2}}\b))*")
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")


@lru_cache(maxsize=4096)
def split_camel(tag: str) -> str:
    """'AdrienBrody' -> 'Adrien Brody', 'GoldenGlobes2025' -> 'Golden Globes 2025'; a tag in
    one case ('goldenglobes', 'SNL') is left whole."""
    if tag.islower() or tag.isupper() or tag.isdigit():
        return tag
    return " ".join(_CAMEL.findall(tag)) or tag


def _hashtag(m: re.Match) -> str:
    return f" | {split_camel(m.group(1))} | "


def clean(text: str) -> str:
    """The text an extractor reads: no URLs, entities decoded, hashtags spelled out."""
    if "&" in text:
        text = html.unescape(text)
    if "http" in text or "www." in text or "pic.twitter" in text:
        text = _URL.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(_hashtag, text)
    return _SPACES.sub(" ", text).strip()


def lower(text: str) -> str:
    """``text.lower()`` keeping every offset: the few letters that lowercase to two ('İ')
    are left as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def dedup_key(text: str) -> str:
    """One key for a text, its retweets (even cut short with '…') and its duplicates."""
    if "http" in text:
        text = _URL.sub(" ", text)
    key = _KEY_DROP.sub(" ", text.lower()).strip()
    return key[:80]


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lowercase, no accents or punctuation: 'Zoë Saldaña' -> 'zoe saldana'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def squash(name: str) -> str:
    """A name as a handle would spell it: 'Nikki Glaser' -> 'nikkiglaser'."""
    return fold(name).replace(" ", "")


def is_person_like(name: str) -> bool:
    """Two to four words, not opening with an article and without digits: may be a person."""
    if name.startswith("@"):
        return True
    words = name.split()
    return (2 <= len(words) <= 4 and words[0].lower() not in NOT_PERSON_START
            and not any(c.isdigit() for c in name))


@dataclass(frozen=True, slots=True)
class NameRun:
    """A name or title candidate at [start, end) of the cleaned text; handles keep their '@'."""

    start: int
    end: int
    name: str


def names(text: str) -> list[NameRun]:
    """Name and title candidates in a cleaned text, in order: capitalised runs with stop
    words cut away ('Congrats Adrien Brody' -> 'Adrien Brody'), and @handles."""
    found: list[NameRun] = []
    for m in _NAME_RUN.finditer(text):
        found.extend(_split_run(text, m.start(), m.group()))
    if "@" in text:
        found.extend(NameRun(m.start(), m.end(), "@" + m.group(1)) for m in _HANDLE.finditer(text))
        found.sort(key=lambda r: r.start)
    return found


def _split_run(text: str, start: int, run: str) -> list[NameRun]:
    """Cut a capitalised run at its stop words; keep the parts of one to five words."""
    out: list[NameRun] = []
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", run)]
    part: list[tuple[int, str]] = []
    for offset, word in words + [(len(run), "")]:
        low = word.lower()
        if word and (word.islower() and part or low not in STOP_WORDS
                     and not (word.isupper() and len(word) > 1 and low in _SHOUTED)):
            part.append((offset, word))
            continue
        while part and part[-1][1].lower() in NAME_PARTICLES:
            part.pop()
        while part and part[0][1].lower() in NAME_PARTICLES - NOT_PERSON_START:
            part.pop(0)
        if len(part) == 1 and part[0][1].lower() in NOT_PERSON_START:
            part = []
        if part and len(part) <= 5 and not (len(part) == 1 and len(part[0][1]) < 3):
            s, e = part[0][0], part[-1][0] + len(part[-1][1])
            out.append(NameRun(start + s, start + e, _display(run[s:e])))
        # a title may open with an article: "The Brutalist", "A Complete Unknown"
        part = [(offset, word)] if low in NOT_PERSON_START and word[:1].isupper() else []
    return out


_SHOUTED = frozenset("omg lol wtf yes no wow rt tv usa".split())


def _display(name: str) -> str:
    """'ADRIEN BRODY' -> 'Adrien Brody'; other spellings are kept as written."""
    if name.isupper() and len(name) > 4:
        return " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name
