"""What every page module shares: the store of a request, templates, errors."""
from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from ..store import Store
from .cache import MISSING

_T = TypeVar("_T")

YEARS = range(1, 10_000)  # a ceremony's year; SQLite cannot even bind much larger numbers
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))  # autoescapes .html


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """A store for this request, every read in one snapshot: a page never mixes the states
    before and after another process's commit. A connection serves one request at a
    time, lent by the app's pool."""
    with request.app.state.stores.store() as store, store.snapshot():
        yield store


async def cached(request: Request, key: Hashable, compute: Callable[[], _T]) -> _T:
    """The app's kept value for ``key``, else ``compute()``'s, computed in a worker thread
    (it reads the store) and kept until the store changes."""
    cache = request.app.state.cache
    _, value = cache.lookup(key)
    if value is MISSING:
        value = await run_in_threadpool(cache.get, key, compute)
    return value


def page(request: Request, template: str, **context: Any):
    """Render one HTML page."""
    return templates.TemplateResponse(request, template, context)


def json_bytes(value: Any) -> bytes:
    """``value`` (JSON-ready: see ``plain``) as compact UTF-8 JSON."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def json_response(value: Any) -> Response:
    """A JSON answer, serialized here rather than by FastAPI's slower generic encoder.

    ``value`` is JSON-ready, or bytes ``json_bytes`` made earlier."""
    body = value if isinstance(value, bytes) else json_bytes(value)
    return Response(body, media_type="application/json")


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} not found")


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def plain(value: Any) -> Any:
    """Dataclasses, tuples and dicts of them as JSON-ready values."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def parse_ceremony(value: str | None) -> tuple[str | None, int | None]:
    """``"Golden Globe Awards|2025"`` (or a bare name) -> ``(name, year)``; 400 on a bad year."""
    if not value:
        return None, None
    name, sep, year = value.rpartition("|")
    if not sep:
        return value, None
    try:
        number = int(year)
    except ValueError:
        raise bad_request(f"ceremony {value!r}: expected NAME or NAME|YEAR, with YEAR a number") from None
    if number not in YEARS:
        raise bad_request(f"ceremony {value!r}: year {number} is not between {YEARS.start} and {YEARS.stop - 1}")
    return name or None, number
