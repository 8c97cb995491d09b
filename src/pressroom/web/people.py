"""The people list and one person's page: wins, nominations, presentations, quotes."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request

from ..store import PersonFacts, Store
from .common import not_found, open_store, page, plain


def _facts(store: Store, name: str) -> PersonFacts:
    facts = store.person(name)
    known = {n.casefold() for n, _ in store.people()}
    if name.casefold() not in known and not any(facts[k] for k in ("quotes", "wins", "nominations", "presentations", "hosting")):
        raise not_found(f"person {name!r}")
    return facts


def people(request: Request):
    with open_store(request) as store:
        return page(request, "people.html", people=store.people())


def person(request: Request, name: str):
    with open_store(request) as store:
        facts = _facts(store, name)
    return page(request, "person.html", facts=facts)


def api_people(request: Request) -> list[dict[str, Any]]:
    """Everyone stored, most quoted first."""
    with open_store(request) as store:
        return [{"name": name, "quotes": n, "url": f"/people/{quote(name)}"} for name, n in store.people()]


def api_person(request: Request, name: str) -> dict[str, Any]:
    """Everything stored about one person (name matched whole, ignoring case)."""
    with open_store(request) as store:
        return plain(dict(_facts(store, name)))
