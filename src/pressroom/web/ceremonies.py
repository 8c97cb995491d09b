"""The ceremonies list and one ceremony's page: the fused winners board, hosts, timeline."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request

from ..fuse import CeremonyRecord, fuse, resolve_across
from ..store import Store, StoredEvent
from .common import not_found, open_store, page, plain


def _listing(store: Store) -> list[dict[str, Any]]:
    return [
        {"name": name, "year": year, "documents": n,
         "url": f"/ceremonies/{quote(name)}/{year}" if year is not None else None}
        for name, year, n in store.ceremonies()
    ]


def _board(store: Store, name: str, year: int) -> tuple[CeremonyRecord, list[StoredEvent]]:
    """The fused record of one ceremony and its timeline; 404 when nothing is stored."""
    results = [r for r in store.results(ceremony=name, year=year) if r.ceremony and r.ceremony.name == name]
    records = [r for r in fuse(resolve_across(results)) if r.name == name and r.year == year]
    if not records:
        raise not_found(f"ceremony {name!r} {year}")
    timeline = [e for e in store.timeline(ceremony=name, year=year) if e.ceremony and e.ceremony.name == name]
    return records[0], timeline


def index(request: Request):
    with open_store(request) as store:
        return page(request, "ceremonies.html", ceremonies=_listing(store), stats=store.stats())


def ceremony(request: Request, name: str, year: int):
    with open_store(request) as store:
        record, timeline = _board(store, name, year)
    return page(request, "ceremony.html", record=record, timeline=timeline)


def api_ceremonies(request: Request) -> list[dict[str, Any]]:
    """Every stored ceremony: name, year, number of documents, and its page."""
    with open_store(request) as store:
        return _listing(store)


def api_ceremony(request: Request, name: str, year: int) -> dict[str, Any]:
    """One ceremony fused over its documents (as `pressroom show --json`), with its timeline."""
    with open_store(request) as store:
        record, timeline = _board(store, name, year)
    return {**record.to_json(), "timeline": plain(timeline)}


def api_stats(request: Request) -> dict[str, int]:
    """How many documents, quotes and people the store holds."""
    with open_store(request) as store:
        return store.stats()
