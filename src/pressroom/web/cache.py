"""Values computed from the store (a fused ceremony, its JSON), kept until the store changes.

One connection, used under a lock, watches SQLite's ``PRAGMA data_version``: any
commit by another connection (an upload job, a ``pressroom extract`` in another
process) moves it, and everything computed before is dropped, so a new upload
shows on the next request.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..store import Store

_T = TypeVar("_T")


class StoreCache:
    """``cache.get(key, compute)``: ``compute()``'s value, reused while the store is unchanged.

    At most ``size`` values are kept, the least recently used dropped first.
    ``compute`` runs outside the lock and may raise; nothing is kept then.
    """

    def __init__(self, db_path: str, *, size: int = 64) -> None:
        self._watch = Store(db_path, any_thread=True)
        self._lock = threading.Lock()
        self._size = size
        self._version: int | None = None
        self._values: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        with self._lock:
            version = self._watch.data_version()
            if version != self._version:
                self._values.clear()
                self._version = version
            elif key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        # Read after the version: the value is at least as new as the state it is kept for.
        value = compute()
        with self._lock:
            if self._version == version:
                self._values[key] = value
                while len(self._values) > self._size:
                    self._values.popitem(last=False)
        return value

    def close(self) -> None:
        with self._lock:
            self._values.clear()
            self._watch.close()
