"""Plain records that every stage passes along.

Records hold strings and character offsets, never spaCy objects: they pickle
across processes, go straight into SQLite and compare cleanly in tests.
Offsets are always ``[start, end)`` into the ``Document.text`` they came from.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SETTINGS = ("backstage", "onstage", "red-carpet", "interview", "unknown")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document as pressroom reads it.

    ``id`` is the file name without its extension (or a caller-given id for
    raw text); ``text`` is the decoded body that every offset points into.
    """

    id: str
    text: str
    path: str | None = None
    title: str = ""
    format: str = "text"  # text | html | markdown
    encoding: str = "utf-8"
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A person or work named in a document: the full name, and where it is said."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: the said words without their marks, and who said them.

    ``speaker`` is a full name as the document gives it, or ``None`` when a
    careful reader could not tell. ``speaker_start``/``speaker_end`` point at
    the mention that decided it (a pronoun, a surname, a full name), when any.
    """

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the reporting word or layout that tied speaker and quote
    setting: str = "unknown"
    confidence: float = 0.0
    time: str | None = None  # "22:57": the live-blog entry it was told in


@dataclass(frozen=True, slots=True)
class Ceremony:
    name: str
    year: int | None = None
    key: str | None = None  # the knowledge file: "golden_globes"
    edition: int | None = None


@dataclass(frozen=True, slots=True)
class Host:
    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Award:
    """One award of the ceremony as a document states it.

    ``award`` is that year's official category name, or None when the
    document's wording could not be resolved to one category (then
    ``candidates`` lists the categories it could be). ``winner`` is None for a
    category the document names nominees or presenters of but no winner.
    ``start``/``end`` point at the category as the document words it.
    """

    award: str | None
    winner: str | None
    start: int
    end: int
    work: str | None = None
    mention: str = ""
    family: str | None = None  # the knowledge family key: "film.actor.lead.drama"
    candidates: tuple[str, ...] = ()
    winner_at: tuple[int, int] | None = None
    work_at: tuple[int, int] | None = None
    nominees: tuple[Mention, ...] = ()
    presenters: tuple[Mention, ...] = ()
    confidence: float = 0.0
    time: str | None = None  # "22:57": the live-blog entry it was told in


@dataclass(frozen=True, slots=True)
class Event:
    """One timestamped live-blog entry: when, what kind of moment, who, which award.

    ``time`` is the 24-hour clock ("22:57") as the blog gives it, in ``zone``
    when the blog names one; ``stamp`` is the timestamp as written.
    """

    time: str | None
    stamp: str
    kind: str  # win, presentation, speech, quote, monologue, red-carpet, other
    text: str
    start: int
    end: int
    zone: str | None = None
    people: tuple[str, ...] = ()
    award: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything extracted from one document."""

    document: Document
    quotes: tuple[Quote, ...] = ()
    people: tuple[str, ...] = ()
    ceremony: Ceremony | None = None
    hosts: tuple[Host, ...] = ()
    awards: tuple[Award, ...] = ()
    timeline: tuple[Event, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The document's entry in the output JSON (see the README's JSON section)."""
        doc = self.document
        return {
            "id": doc.id,
            "path": doc.path,
            "title": doc.title,
            "sha256": doc.sha256,
            "ceremony": asdict(self.ceremony) if self.ceremony else None,
            "hosts": [asdict(h) for h in self.hosts],
            "awards": [_award_json(a) for a in self.awards if a.award],
            "unresolved_awards": [_award_json(a) for a in self.awards if not a.award],
            "people": list(self.people),
            "quotes": [asdict(q) for q in self.quotes],
            "timeline": [asdict(e) for e in self.timeline],
        }


def _award_json(a: Award) -> dict[str, Any]:
    out = asdict(a)
    out["candidates"] = list(a.candidates)
    return out


@dataclass(frozen=True, slots=True)
class Failure:
    """A source that could not be read or extracted, and why."""

    source: str
    error: str


@dataclass(slots=True)
class Result:
    """What ``pressroom.extract`` returns: per-document results and failures."""

    documents: list[DocumentResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    ceremonies: list[Any] = field(default_factory=list)  # fuse.CeremonyRecord, one per ceremony and year
    counts: dict[str, int] = field(default_factory=dict)  # documents, quotes, awards extracted (kept or not)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def quotes(self) -> list[Quote]:
        return [q for d in self.documents for q in d.quotes]

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [d.to_json() for d in self.documents],
            "ceremonies": [c.to_json() for c in self.ceremonies],
            "failures": [asdict(f) for f in self.failures],
        }
