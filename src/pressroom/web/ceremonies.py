"""The ceremonies list and one ceremony's page: the fused winners board, hosts, timeline.

Fusing a ceremony reads all its documents, so the board (and its page and JSON) is
kept in the app's ``StoreCache`` until the store changes; only computing it takes a
worker thread.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from ..fuse import CeremonyRecord, fuse, resolve_across
from ..store import Store, StoredEvent
from .common import YEARS, cached, json_bytes, json_response, not_found, open_store, page, plain


def _listing(store: Store) -> list[dict[str, Any]]:
    return [
        {"name": name, "year": year, "documents": n,
         "url": f"/ceremonies/{quote(name)}/{year}" if year is not None else None}
        for name, year, n in store.ceremonies()
    ]


def _board(store: Store, name: str, year: int) -> tuple[CeremonyRecord, list[StoredEvent]]:
    """The fused record of one ceremony and its timeline; 404 when nothing is stored."""
    if year not in YEARS:
        raise not_found(f"ceremony {name!r} {year}")
    results = [r for r in store.results(ceremony=name, year=year) if r.ceremony and r.ceremony.name == name]
    records = [r for r in fuse(resolve_across(results)) if r.name == name and r.year == year]
    if not records:
        raise not_found(f"ceremony {name!r} {year}")
    timeline = [e for e in store.timeline(ceremony=name, year=year) if e.ceremony and e.ceremony.name == name]
    return records[0], timeline


def _cached_board(request: Request, name: str, year: int) -> tuple[CeremonyRecord, list[StoredEvent]]:
    def compute() -> tuple[CeremonyRecord, list[StoredEvent]]:
        with open_store(request) as store:
            return _board(store, name, year)

    return request.app.state.cache.get(("board", name, year), compute)


def index(request: Request):
    with open_store(request) as store:
        return page(request, "ceremonies.html", ceremonies=_listing(store), stats=store.stats())


async def ceremony(request: Request, name: str, year: int):
    def compute() -> bytes:
        record, timeline = _cached_board(request, name, year)
        return bytes(page(request, "ceremony.html", record=record, timeline=timeline).body)

    return HTMLResponse(await cached(request, ("page", name, year), compute))


def api_ceremonies(request: Request) -> list[dict[str, Any]]:
    """Every stored ceremony: name, year, number of documents, and its page."""
    with open_store(request) as store:
        return _listing(store)


async def api_ceremony(request: Request, name: str, year: int) -> Response:
    """One ceremony fused over its documents (as `pressroom show --json`), with its timeline."""
    def compute() -> bytes:
        record, timeline = _cached_board(request, name, year)
        return json_bytes({**record.to_json(), "timeline": plain(timeline)})

    return json_response(await cached(request, ("api board", name, year), compute))


def api_stats(request: Request) -> dict[str, int]:
    """How many documents, quotes and people the store holds."""
    with open_store(request) as store:
        return store.stats()
