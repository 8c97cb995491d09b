"""The app factory and the routes table: every page and API endpoint in one place."""
from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, NamedTuple

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import PressroomError
from ..store import Store
from . import ceremonies, documents, people, quotes, upload
from .cache import CachedAnswers, StoreCache, StorePool, answer_cache
from .common import templates
from .headers import SecurityHeaders

_CSS = (Path(__file__).parent / "static" / "style.css").read_text(encoding="utf-8")


def stylesheet() -> Response:
    # read once at import: no request path ever reaches the filesystem
    return Response(_CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


class Route(NamedTuple):
    path: str
    endpoint: Callable[..., Any]
    methods: tuple[str, ...] = ("GET",)
    api: bool = False  # JSON, and described by the OpenAPI schema
    cached: bool = True  # the answer depends on the store only: kept until the store changes


ROUTES: tuple[Route, ...] = (
    Route("/", ceremonies.index),
    Route("/ceremonies/{name:path}/{year}", ceremonies.ceremony),
    Route("/people", people.people),
    Route("/people/{name:path}", people.person),
    Route("/quotes", quotes.quotes),
    Route("/documents", documents.documents),
    Route("/documents/{doc_id}", documents.document),
    Route("/upload", upload.form, cached=False),
    Route("/upload", upload.submit, ("POST",), cached=False),
    Route("/jobs/{job_id}", upload.job_page, cached=False),
    Route("/static/style.css", stylesheet),
    Route("/api/stats", ceremonies.api_stats, api=True),
    Route("/api/ceremonies", ceremonies.api_ceremonies, api=True),
    Route("/api/ceremonies/{name:path}/{year}", ceremonies.api_ceremony, api=True),
    Route("/api/people", people.api_people, api=True),
    Route("/api/people/{name:path}", people.api_person, api=True),
    Route("/api/quotes", quotes.api_quotes, api=True),
    Route("/api/documents", documents.api_documents, api=True),
    Route("/api/documents/{doc_id}", documents.api_document, api=True),
    Route("/api/upload", upload.api_upload, ("POST",), api=True, cached=False),
    Route("/api/jobs/{job_id}", upload.api_job, api=True, cached=False),
)


def create_app(db_path: str | Path) -> FastAPI:
    """The pressroom web app over the store at ``db_path`` (created empty if missing).

    Raises StoreError when the file is not a usable pressroom store.
    """
    db_path = str(db_path)
    Store(db_path).close()  # create or migrate now, so a bad file fails at start, not per page

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.jobs.close()
        app.state.cache.close()
        app.state.answers.close()
        app.state.stores.close()

    app = FastAPI(title="pressroom", version=__version__, lifespan=lifespan,
                  description="Awards-night coverage as a sourced record: ceremonies, people, quotes, documents.")
    app.state.db_path = db_path
    app.state.jobs = upload.Jobs(db_path)
    app.state.cache = StoreCache(db_path)
    app.state.answers = answer_cache(db_path)
    app.state.stores = StorePool(db_path)
    for route in ROUTES:
        app.add_api_route(route.path, route.endpoint, methods=list(route.methods),
                          include_in_schema=route.api,
                          response_class=JSONResponse if route.api else HTMLResponse,
                          name=f"{route.endpoint.__module__.rsplit('.', 1)[-1]}.{route.endpoint.__name__}")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(PressroomError, _pressroom_error)
    app.add_middleware(CachedAnswers, cache=app.state.answers,
                       endpoints=[r.endpoint for r in ROUTES if r.cached and "GET" in r.methods])
    app.add_middleware(SecurityHeaders)  # outermost: on kept answers too
    return app


SERVE_DB_ENV = "PRESSROOM_SERVE_DB"


def app_from_environment() -> FastAPI:
    """The app over the store named by ``$PRESSROOM_SERVE_DB``: what each worker process
    of ``pressroom serve --workers N`` runs."""
    return create_app(os.environ[SERVE_DB_ENV])


def _error(request: Request, status: int, message: str) -> Response:
    """JSON under /api/, an HTML page elsewhere."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    return _error(request, exc.status_code, str(exc.detail))


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
    return _error(request, 400, problems or "invalid request")


async def _pressroom_error(request: Request, exc: PressroomError) -> Response:
    return _error(request, 503, str(exc))
