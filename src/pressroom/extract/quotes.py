"""Which quoted stretches are direct quotes, and the quotes that come without
marks in the list layouts of quote roundups.

A quoted stretch is not a quote when it names a work ("The Silent Harbor",
"Lowtide."), is a word merely named ("calls it her 'party voice'"), or is
a fragment cut off by the end of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.lexicon import lexicon
from ..resolve import known_first_name, looks_like_name
from .marks import DOUBLE, SINGLE, Quoted, find_quoted

_WORD = re.compile(r"[\w\u00c0-\u024f][\w\u00c0-\u024f'\u2019\-.&]*")
_SENTENCE_END = ".!?"
_DASHES = "\u2014\u2013-"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of said words: a quoted stretch, or a list-layout line.

    ``speaker_text`` is set for list layouts, where the line names its speaker.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    layout: str  # "marks" or "list"
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


def is_title(text: str, document: str, q: Quoted) -> bool:
    """A title of a work, a name or a heading, rather than said words."""
    body = text.strip()
    core = body.rstrip(",.;:").strip()
    words = _WORD.findall(core)
    if not words:
        return True
    minor = lexicon().title_minor_words
    titled = all(w[0].isupper() or w[0].isdigit() or (i and w.lower() in minor) for i, w in enumerate(words))
    if not titled or len(words) > 14:
        return False
    if body[-1:] in _SENTENCE_END and len(words) <= 6 and _stands_alone(document, q):
        return False  # "No." or "Thanks!" said as a whole sentence
    if body[-1:] == "," and len(words) <= 2 and not core.isupper() and _stands_alone(document, q) and _said_after(document, q):
        return False  # `"No," she said.`
    return True


_SAID = re.compile(
    r"^[\s,]*(?:\S+\s+){0,3}?(?:said|says|asked|asks|added|adds|replied|replies|answered|answers|joked|jokes|told|"
    r"tells|quipped|quips|laughed|laughs|shouted|shouts|wrote|writes|explained|explains|admitted|admits|"
    r"insisted|insists|noted|notes|responded|responds)\b", re.I)


def _said_after(document: str, q: Quoted) -> bool:
    after = (q.close_at if q.close_at is not None else q.end) + 1
    return bool(_SAID.match(document[after : after + 40]))


def _stands_alone(document: str, q: Quoted) -> bool:
    i = q.open_at - 1
    while i >= 0 and document[i] in " \t":
        i -= 1
    return i < 0 or document[i] in "\n?!" or (document[i] == "." and not document[i - 1 : i + 1].isupper())


_NAMING_VERB = re.compile(
    r"\b(?:dub|dubs|dubbed|dubbing|nickname|nicknames|nicknamed|label|labels|labeled|labelled|brand|brands|"
    r"branded|christen|christened)\s+(?:[\w'\u2019-]+\s+){0,3}$")


def is_named_word(document: str, q: Quoted) -> bool:
    """A word only named or a nickname: "the word 'host'", "calls it her 'party voice'"."""
    before = document[max(0, q.open_at - 60) : q.open_at].lower()
    before = re.sub(r"[\s,]+$", "", before)
    cues = lexicon().naming_cues
    if any(before.endswith(cue) for cue in cues):
        return True
    bare = re.sub(r"\b(his|her|their|its|a|an|the|my|our|your)$", "", before).rstrip()
    if any(bare.endswith(cue) for cue in cues):
        return True
    return bool(_NAMING_VERB.search(before + " "))


def is_cut_fragment(document: str, q: Quoted) -> bool:
    """An unclosed stretch the text ends in, too short to carry words: 'I wa'."""
    if q.close_at is not None or document[q.end :].strip():
        return False
    return len(_WORD.findall(document[q.start : q.end])) < 3


def marked_quotes(document: str) -> tuple[list[Candidate], list[tuple[int, int]]]:
    out, titles = [], []
    for q in find_quoted(document):
        said = document[q.start : q.end]
        if is_title(said, document, q):
            titles.append((q.start, q.end))
            continue
        if is_named_word(document, q) or is_cut_fragment(document, q):
            continue
        out.append(Candidate(q.start, q.end, q.open_at, q.close_at, "marks"))
    return out, titles


# -- list layouts without marks ------------------------------------------------
_NAME_COLON = re.compile(
    r"^[ \t\u2022*\-]*(?P<name>[A-Z][^\n:()]{1,60}?)\s*(?:\((?P<ctx>[^)\n]{1,160})\))?\s*:\s+(?P<said>\S[^\n]*)$",
    re.M,
)
_TRAILING_NAME = re.compile(
    r"^[ \t\u2022*]*(?P<said>[^\n]{12,}?)\s+[\u2014\u2013-]{1,2}\s*(?P<name>[A-Z][\w.'\u2019\- ]{2,60}?)(?:,[^\n]*)?\s*$",
    re.M,
)


def list_quotes(document: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Quotes of roundups without marks: "Name (context): text" and "text – Name".

    Only lines that hold no marked quote count, the name must look like a
    person's (with a first name), and the said words must read as a sentence (several words), so
    that winners lists ("Best Director: Name") are not taken for quotes.
    """
    colon = _layout(_NAME_COLON, document, taken)
    dashed = _layout(_TRAILING_NAME, document, taken + [(c.start, c.end) for c in colon])
    return colon + dashed


def _layout(pattern: re.Pattern[str], document: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """The lines of one layout; none unless it repeats (once is a sentence with a colon or a dash)."""
    found = []
    for m in pattern.finditer(document):
        if _overlaps(m.start(), m.end(), taken):
            continue
        name, said = m.group("name").strip(), m.group("said").strip()
        if _full_name(name) and _reads_as_speech(said):
            s, n = m.start("said"), m.start("name")
            found.append(Candidate(s, s + len(said), s, None, "list", name, n, n + len(name)))
    return found if len(found) >= 2 else []


def _full_name(name: str) -> bool:
    return looks_like_name(name) and len(name.split()) >= 2 and known_first_name(name.split()[0])


def _reads_as_speech(said: str) -> bool:
    words = _WORD.findall(said)
    if len(words) < 5:
        return False
    lowered = sum(1 for w in words if w[0].islower())
    return lowered >= len(words) / 3 and not any(c in SINGLE[:1] for c in said[:1])


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_candidates(document: str) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """All direct-quote candidates of a document in text order, and the
    quoted stretches taken for titles of works."""
    marked, titles = marked_quotes(document)
    listed = list_quotes(document, [(c.open_at, (c.close_at or c.end) + 1) for c in marked])
    return sorted(marked + listed, key=lambda c: c.start), titles
