"""What every page module shares: the store of a request, templates, errors."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from ..store import Store

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))  # autoescapes .html


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """A store for this request: sqlite connections belong to one thread, so one per request."""
    with Store(request.app.state.db_path) as store:
        yield store


def page(request: Request, template: str, **context: Any):
    """Render one HTML page."""
    return templates.TemplateResponse(request, template, context)


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
        return name or None, int(year)
    except ValueError:
        raise bad_request(f"ceremony {value!r}: expected NAME or NAME|YEAR, with YEAR a number") from None
