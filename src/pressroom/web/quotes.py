"""Quote search: full text over the store's FTS5 index, by speaker and ceremony.

Each quote comes back in its sentence (cut from the stored text at the
nearest sentence marks, no NLP) with a link to its place in the source.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.responses import Response

from ..errors import StoreError
from ..store import Store, StoredQuote, fts_query
from .common import bad_request, json_response, open_store, page, parse_ceremony

MAX_QUERY = 200
MAX_LIMIT = 500
_STOPS = ".!?\n"
_REACH = 300  # at most this many characters of sentence either side of a quote


def _check(q: str | None, limit: int) -> None:
    """400 for a query the index cannot take, with a message saying why."""
    if limit < 1 or limit > MAX_LIMIT:
        raise bad_request(f"limit {limit}: expected 1 to {MAX_LIMIT}")
    if not q:
        return
    if len(q) > MAX_QUERY:
        raise bad_request(f"search of {len(q)} characters: at most {MAX_QUERY}")
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in q):
        raise bad_request("search contains control characters")
    if fts_query(q) is None:
        raise bad_request(f"search {q!r} has no words to look for (letters or digits)")


def _in_sentence(store: Store, quote: StoredQuote) -> tuple[str, str, str]:
    """(before, quote as written, after): the sentence around a quote's offsets, read
    from at most ``_REACH`` characters of the stored text either side."""
    low = max(0, quote.start - _REACH)
    text = store.span(quote.path, low, quote.end + _REACH) or ""
    qs, qe = quote.start - low, quote.end - low  # the quote's offsets in ``text``
    start = max(text.rfind(ch, 0, qs) for ch in _STOPS) + 1 if quote.start else 0
    ends = [i for i in (text.find(ch, qe) for ch in _STOPS) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return text[start:qs].lstrip(), text[qs:qe], text[qe:end].rstrip()


def search(store: Store, *, q: str | None, speaker: str | None, ceremony: str | None,
           limit: int) -> list[dict[str, Any]]:
    """Matching quotes as dicts, each with its sentence and source link."""
    _check(q, limit)
    name, year = parse_ceremony(ceremony)
    try:
        rows = store.quotes(search=q or None, speaker=speaker or None,
                            ceremony=name or None, year=year if name else None, limit=limit)
    except StoreError as exc:  # anything the FTS5 parser still refuses
        raise bad_request(f"search {q!r} cannot be read: {exc}") from None
    out = []
    for row in rows:
        before, said, after = _in_sentence(store, row)
        out.append({
            "text": row.text, "speaker": row.speaker, "setting": row.setting,
            "confidence": row.confidence, "document": row.doc_id, "title": row.title,
            "start": row.start, "end": row.end,
            "sentence": {"before": before, "quote": said, "after": after},
            "source": f"/documents/{quote(row.doc_id)}#at-{row.start}",
        })
    return out


def _options(store: Store) -> list[tuple[str, str]]:
    return [(f"{name}|{year}" if year is not None else name, f"{name} {year or ''}".strip())
            for name, year, _ in store.ceremonies()]


def quotes(request: Request, q: str | None = None, speaker: str | None = None,
           ceremony: str | None = None, limit: int = 100):
    with open_store(request) as store:
        options = _options(store)
        try:
            found = search(store, q=q, speaker=speaker, ceremony=ceremony, limit=limit)
            error = None
        except HTTPException as exc:  # a bad query is shown on the page, with its message
            found, error = [], exc.detail
    response = page(request, "quotes.html", quotes=found, q=q or "", speaker=speaker or "",
                    ceremony=ceremony or "", options=options, error=error)
    if error:
        response.status_code = 400
    return response


def api_quotes(request: Request, q: str | None = None, speaker: str | None = None,
               ceremony: str | None = None, limit: int = 100) -> Response:
    """Quotes by full text (`q`: all words must match, `word*` a prefix), speaker (part
    of the name) and ceremony (`NAME` or `NAME|YEAR`); 400 for a query the index cannot read."""
    with open_store(request) as store:
        return json_response(search(store, q=q, speaker=speaker, ceremony=ceremony, limit=limit))
