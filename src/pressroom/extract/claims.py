"""The claim an awards reader fills in, and the few text helpers every reader shares.

A claim starts from one category mention in the text ("best actress in a
drama"); the readers of winners lists, running text, nominees and presenters
fill in its winner, work, nominees and presenters. ``Awards`` turns the
claims into ``Award`` records once every reader has had its turn.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..knowledge import categories as cats
from ..records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..nlp.lexicon import Lexicon
    from ..resolve import People
    from .speakers import Speakers
    from .works import Title, Works


@dataclass
class _Claim:
    mention: cats.CategoryMention
    winner: str | None = None
    winner_at: tuple[int, int] | None = None
    work: str | None = None
    work_at: tuple[int, int] | None = None
    nominees: list[Mention] = field(default_factory=list)
    presenters: list[Mention] = field(default_factory=list)
    confidence: float = 0.0
    kind: str = "title"  # what wins: "person" or "title"


class _Reader:
    """What each reader of a document's awards works on (``Awards.__init__`` sets it)."""

    ctx: Speakers
    doc: Doc
    text: str
    people: People
    ceremony: str
    year: int | None
    lex: Lexicon
    works: Works
    mentions: list[cats.CategoryMention]
    _ceremony_words: re.Pattern[str]
    _sent_starts: list[int]
    _named_works: list[Title]


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _first_of(text: str, start: int, end: int, seps: tuple[str, ...]) -> int:
    best = end
    for sep in seps:
        i = text.find(sep, start, end)
        if 0 <= i < best:
            best = i
    return best
