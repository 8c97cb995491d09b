"""State that stays the same size however long the stream: top-K tallies and a seen-filter.

A ``TopK`` keeps counts for at most ``2 * limit`` keys: past that it drops all but the
``limit`` heaviest (so a key that only ever gets one vote in a million tweets is
forgotten, and memory does not grow with the stream). ``Seen`` is a Bloom filter of
fixed size: it tells a text seen before, with a small false-positive rate.
"""
from __future__ import annotations

from hashlib import blake2b
from heapq import nlargest
from typing import Callable, Hashable, Iterable

__all__ = ["Seen", "TopK", "TopKMap"]


class TopK(dict):
    """A tally of at most ``2 * limit`` keys; ``add`` trims it back to the ``limit`` heaviest."""

    __slots__ = ("limit", "on_drop")

    def __init__(self, limit: int = 1000, on_drop: Callable[[Iterable[Hashable]], None] | None = None):
        super().__init__()
        self.limit = limit
        self.on_drop = on_drop

    def add(self, key: Hashable, weight: float = 1.0) -> None:
        self[key] = self.get(key, 0.0) + weight
        if len(self) > 2 * self.limit:
            self.trim()

    def trim(self) -> None:
        keep = set(nlargest(self.limit, self, key=self.__getitem__))
        dropped = [k for k in self if k not in keep]
        for k in dropped:
            del self[k]
        if self.on_drop:
            self.on_drop(dropped)

    def top(self, n: int | None = None) -> list[tuple[Hashable, float]]:
        """The heaviest keys with their counts, heaviest first (ties by key, for determinism)."""
        items = sorted(self.items(), key=lambda kv: (-kv[1], str(kv[0])))
        return items if n is None else items[:n]


class TopKMap(dict):
    """key -> TopK of at most ``inner`` entries each, for at most ``2 * outer`` keys (the
    ones with the most weight survive a trim)."""

    __slots__ = ("inner", "outer", "_weight")

    def __init__(self, inner: int = 100, outer: int = 1000):
        super().__init__()
        self.inner, self.outer = inner, outer
        self._weight: dict[Hashable, float] = {}

    def add(self, key: Hashable, item: Hashable, weight: float = 1.0) -> None:
        tally = self.get(key)
        if tally is None:
            if len(self) >= 2 * self.outer:
                self.trim()
            tally = self[key] = TopK(self.inner)
        tally.add(item, weight)
        self._weight[key] = self._weight.get(key, 0.0) + weight

    def trim(self) -> None:
        keep = set(nlargest(self.outer, self, key=self._weight.__getitem__))
        for k in [k for k in self if k not in keep]:
            del self[k]
            del self._weight[k]


class Seen:
    """A Bloom filter over strings: ``seen(text)`` is True when the text was added before
    (false positives about 0.1% at a million texts with the default 4 MiB)."""

    __slots__ = ("_bits", "_mask")

    def __init__(self, bits_log2: int = 25):
        self._bits = bytearray(1 << (bits_log2 - 3))
        self._mask = (1 << bits_log2) - 1

    def seen(self, text: str) -> bool:
        """Whether ``text`` was seen; adds it."""
        h = int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")
        bits, mask, found = self._bits, self._mask, True
        for shift in (0, 21, 42):
            i = ((h >> shift) ^ (h * 0x9E3779B1 >> (shift + 3))) & mask
            byte, bit = i >> 3, 1 << (i & 7)
            if not bits[byte] & bit:
                found = False
                bits[byte] |= bit
        return found
