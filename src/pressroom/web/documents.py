"""The documents list and one document's page: its text with every extracted fact
highlighted at its offsets (quotes, speakers, hosts, categories, winners, works,
nominees, presenters, timeline entries)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Request

from ..records import DocumentResult
from ..store import Store
from .common import not_found, open_store, page, plain


@dataclass(frozen=True, slots=True)
class Fact:
    """One highlight: a kind of fact ("quote", "winner"...), where it is, what it says."""

    kind: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same facts (none for plain text)."""

    text: str
    start: int
    facts: tuple[Fact, ...]


def facts(result: DocumentResult) -> list[Fact]:
    """Every fact of a document that points into its text."""
    out = []
    for q in result.quotes:
        out.append(Fact("quote", q.start, q.end, f"quote by {q.speaker or 'unknown speaker'}"))
        if q.speaker_start is not None and q.speaker_end is not None:
            out.append(Fact("speaker", q.speaker_start, q.speaker_end, f"speaker: {q.speaker}"))
    for h in result.hosts:
        out.append(Fact("host", h.start, h.end, f"host: {h.name}"))
    for a in result.awards:
        name = a.award or "unresolved: " + " / ".join(a.candidates)
        out.append(Fact("category", a.start, a.end, f"category: {name}"))
        if a.winner_at:
            out.append(Fact("winner", *a.winner_at, f"winner of {name}: {a.winner}"))
        if a.work_at:
            out.append(Fact("work", *a.work_at, f"work: {a.work}"))
        out += [Fact("nominee", m.start, m.end, f"nominee for {name}: {m.name}") for m in a.nominees]
        out += [Fact("presenter", m.start, m.end, f"presenter of {name}: {m.name}") for m in a.presenters]
    for e in result.timeline:
        out.append(Fact("event", e.start, e.end, f"{e.stamp} {e.kind}"))
    n = len(result.document.text)
    return [f for f in out if 0 <= f.start < f.end <= n]


def segments(text: str, found: list[Fact]) -> list[Segment]:
    """Cut ``text`` at every fact's edges; each piece carries the facts covering it."""
    cuts = sorted({0, len(text), *(f.start for f in found), *(f.end for f in found)})
    return [
        Segment(text[a:b], a, tuple(f for f in found if f.start <= a and b <= f.end))
        for a, b in zip(cuts, cuts[1:])
    ]


def _result(store: Store, doc_id: str) -> DocumentResult:
    result = store.document(doc_id)
    if result is None:
        raise not_found(f"document {doc_id!r}")
    return result


def documents(request: Request):
    with open_store(request) as store:
        return page(request, "documents.html", documents=store.documents())


def document(request: Request, doc_id: str):
    with open_store(request) as store:
        result = _result(store, doc_id)
    found = facts(result)
    kinds = sorted({f.kind for f in found})
    return page(request, "document.html", result=result, pieces=segments(result.document.text, found),
                kinds=kinds)


def api_documents(request: Request) -> list[dict[str, Any]]:
    """Every stored document: id, path, title, number of quotes, ceremony."""
    with open_store(request) as store:
        return [{**plain(d), "url": f"/documents/{quote(d.doc_id)}"} for d in store.documents()]


def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document's text and facts (as in `pressroom extract --format json`), and the highlights."""
    with open_store(request) as store:
        result = _result(store, doc_id)
    return {**result.to_json(), "text": result.document.text, "facts": plain(facts(result))}
