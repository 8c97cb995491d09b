"""What the app keeps between requests: open store connections, and values and whole
answers computed from the store, kept until the store changes.

One connection, used under a lock, watches SQLite's ``PRAGMA data_version``: any
commit by another connection (an upload job, a ``pressroom extract`` in another
process) moves it, and everything computed before is dropped, so a new upload
shows on the next request.
"""
from __future__ import annotations

import asyncio
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeVar

from ..store import Store

_T = TypeVar("_T")
MISSING: Any = object()


class StoreCache:
    """``cache.get(key, compute)``: ``compute()``'s value, reused while the store is unchanged.

    Values weigh ``weigh(value)`` (1 each by default); at most ``size`` in all are
    kept, the least recently used dropped first, and a value heavier than ``size``
    is not kept. ``compute`` runs outside the lock and may raise; nothing is kept then.
    """

    def __init__(self, db_path: str, *, size: int = 64, weigh: Callable[[Any], int] = lambda _: 1) -> None:
        self._watch = Store(db_path, any_thread=True)
        self._lock = threading.Lock()
        self._size = size
        self._weigh = weigh
        self._weight = 0
        self._version: int | None = None
        self._values: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._computing: dict[Hashable, threading.Lock] = {}

    def lookup(self, key: Hashable) -> tuple[int, Any]:
        """``(version, value)``: the store's version now and the value kept for ``key``
        (``MISSING`` if none); give that version to ``keep`` with what you compute."""
        with self._lock:
            version = self._watch.data_version()
            if version != self._version:
                self._values.clear()
                self._weight = 0
                self._version = version
                return version, MISSING
            if key not in self._values:
                return version, MISSING
            self._values.move_to_end(key)
            return version, self._values[key][0]

    def keep(self, version: int, key: Hashable, value: Any) -> None:
        """Keep ``value``, read from the store at ``version``, unless the store moved since."""
        weight = self._weigh(value)
        if weight > self._size:
            return
        with self._lock:
            if self._version != version:
                return
            if key in self._values:
                self._weight -= self._values.pop(key)[1]
            self._values[key] = (value, weight)
            self._weight += weight
            while self._weight > self._size:
                self._weight -= self._values.popitem(last=False)[1][1]

    def get(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """The value kept for ``key``, else ``compute()``'s, kept. Threads asking for the
        same key meanwhile wait for that one computation rather than repeat it."""
        version, value = self.lookup(key)
        if value is not MISSING:
            return value
        with self._lock:
            turn = self._computing.setdefault(key, threading.Lock())
        with turn:
            version, value = self.lookup(key)  # computed while this thread waited?
            if value is MISSING:
                # Read after the version: the value is at least as new as the state it is kept for.
                value = compute()
                self.keep(version, key, value)
        with self._lock:
            if self._computing.get(key) is turn and not turn.locked():
                del self._computing[key]
        return value

    def close(self) -> None:
        with self._lock:
            self._values.clear()
            self._watch.close()


class StorePool:
    """Open read connections to the store, lent to one request at a time.

    Opening a SQLite connection (and checking the schema) costs more than most
    pages' queries, so connections are kept: at most ``keep`` idle ones.
    """

    def __init__(self, db_path: str, *, keep: int = 16) -> None:
        self.db_path = db_path
        self._keep = keep
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def store(self) -> Iterator[Store]:
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = Store(self.db_path, any_thread=True)
        try:
            yield store
        finally:
            with self._lock:
                back = not self._closed and not store.in_transaction and len(self._idle) < self._keep
                if back:
                    self._idle.append(store)
            if not back:
                store.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


class Answer(NamedTuple):
    """A whole 200 answer: its headers (an ETag among them) and body."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class CachedAnswers:
    """ASGI middleware: GET answers of the read-only endpoints, sent again until the store changes.

    A page is rendered once per state of the store; a request that finds it kept
    never reaches the router or a worker thread. Answers carry an ETag, and
    ``If-None-Match`` with it gets a 304. While one request computes an answer,
    the others asking for the same one wait for it instead of computing it too.
    Only 200 answers of ``endpoints`` are kept, in ``cache`` (see ``answer_cache``).
    """

    def __init__(self, app: Any, *, cache: StoreCache, endpoints: Iterable[Callable[..., Any]]) -> None:
        self.app = app
        self.endpoints = frozenset(endpoints)
        self.cache = cache
        self._pending: dict[Hashable, asyncio.Future[None]] = {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        version, answer = self.cache.lookup(key)
        while answer is MISSING and key in self._pending:
            await asyncio.shield(self._pending[key])
            version, answer = self.cache.lookup(key)
            if answer is MISSING:  # not kept (not a 200, or the store moved): compute our own
                break
        if answer is not MISSING:
            await self._send(scope, send, answer)
            return
        waiting = self._pending.setdefault(key, asyncio.get_running_loop().create_future())
        try:
            await self._compute(scope, receive, send, key, version)
        finally:
            if self._pending.get(key) is waiting:
                del self._pending[key]
            if not waiting.done():
                waiting.set_result(None)

    async def _compute(self, scope: dict[str, Any], receive: Any, send: Any, key: Hashable, version: int) -> None:
        messages: list[dict[str, Any]] = []

        async def record(message: dict[str, Any]) -> None:
            messages.append(message)

        await self.app(scope, receive, record)
        start = next((m for m in messages if m["type"] == "http.response.start"), None)
        if start is None or start["status"] != 200 or scope.get("endpoint") not in self.endpoints:
            for message in messages:
                await send(message)
            return
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode("ascii") + b'"'
        headers = [(k, v) for k, v in start.get("headers", ()) if k.lower() not in (b"etag", b"content-length")]
        headers += [(b"etag", etag), (b"content-length", str(len(body)).encode("ascii"))]
        answer = Answer(headers, body, etag)
        self.cache.keep(version, key, answer)
        await self._send(scope, send, answer)

    @staticmethod
    async def _send(scope: dict[str, Any], send: Any, answer: Answer) -> None:
        asked = next((v for k, v in scope.get("headers", ()) if k == b"if-none-match"), None)
        if asked is not None and answer.etag in (t.strip() for t in asked.split(b",")):
            headers = [(k, v) for k, v in answer.headers if k not in (b"content-length", b"content-type")]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": list(answer.headers)})
        await send({"type": "http.response.body", "body": answer.body})


def answer_cache(db_path: str, *, size: int = 64 * 1024 * 1024) -> StoreCache:
    """A cache for ``CachedAnswers``: at most ``size`` bytes of answers."""
    return StoreCache(db_path, size=size, weigh=lambda a: len(a.body) + sum(len(k) + len(v) for k, v in a.headers))
