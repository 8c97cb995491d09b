"""What the store's reads return besides pipeline records: frozen rows that
carry the document they came from, and the facts of one person."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from ..records import Ceremony, Mention


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """One quote as ``Store.quotes`` returns it, with the document it came from.

    ``path`` is the document's store key (its file path, or ``text:<sha256>``).
    """

    text: str
    speaker: str | None
    setting: str
    start: int
    end: int
    doc_id: str
    path: str
    title: str
    cue: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One line of ``Store.documents``: a saved document and how many quotes it has."""

    doc_id: str
    path: str
    title: str
    n_quotes: int
    ceremony: Ceremony | None


@dataclass(frozen=True, slots=True)
class StoredAward:
    """One award as ``Store.awards`` returns it, with the document that states it.

    ``award`` is None when the document's wording fit several categories
    (listed in ``candidates``); ``winner`` is None when it named no winner.
    ``start``/``end`` point at the category in the document's text.
    """

    award: str | None
    family: str | None
    winner: str | None
    work: str | None
    nominees: tuple[Mention, ...]
    presenters: tuple[Mention, ...]
    confidence: float
    doc_id: str
    path: str
    title: str
    start: int
    end: int
    ceremony: Ceremony | None
    candidates: tuple[str, ...] = ()
    mention: str = ""


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One timestamped live-blog entry as ``Store.timeline`` returns it, with its document.

    ``time`` is the 24-hour clock ("22:57") in the blog's own ``zone`` (None
    when the blog names none); ``stamp`` is the timestamp as written.
    ``start``/``end`` point at the whole entry in the document's text.
    """

    time: str | None
    stamp: str
    zone: str | None
    kind: str
    text: str
    people: tuple[str, ...]
    award: str | None
    doc_id: str
    path: str
    title: str
    start: int
    end: int
    ceremony: Ceremony | None


@dataclass(frozen=True, slots=True)
class StoredJob:
    """An upload job of ``pressroom serve``: how far its extraction got.

    ``state`` is queued, running, done or failed; ``failures`` are
    ``{"source", "problem"}`` dicts; ``documents`` the ids stored; ``owner``
    the id of the server process that runs it.
    """

    id: str
    state: str
    done: int
    total: int
    failures: tuple[dict[str, str], ...] = ()
    documents: tuple[str, ...] = ()
    owner: int | None = None


class PersonFacts(TypedDict):
    """What ``Store.person`` knows about one person, each list in store order."""

    name: str  # the stored spelling when the person is known, else the name asked for
    quotes: list[StoredQuote]
    wins: list[StoredAward]
    nominations: list[StoredAward]
    presentations: list[StoredAward]
    hosting: list[StoredDocument]
