"""One name for all the spellings a stream uses: 'Adrian Brody', 'Brody', 'ADRIEN BRODY',
'#AdrienBrody' and '@AdrienBrody' are all Adrien Brody.

Spellings are pooled in this order, each lighter spelling joining a heavier one:
accents and case (``fold``); a handle with the name the stream pairs it with ("Nikki
Glaser (@NikkiGlaser)") or spells it as ('@nikkiglaser' = 'Nikki Glaser'); a title with
and without "The"; a misspelling (same number of words, one word the same, the others
close); a run with extra words around a known name ('Honestly Adrien Brody'); a lone
surname or first name that only one known name has ('Brody').
"""
from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher
from typing import Iterable, Mapping

from .normalize import fold, split_camel, squash

__all__ = ["Spellings"]

_HANDLE_AFFIXES = ("the", "real", "its", "official", "iam", "im", "hq", "tv", "fans", "daily")
CLOSE = 0.75  # word similarity of a misspelling ('adrian' / 'adrien' = 0.83)


class Spellings:
    """Built from names with their weights (how often the stream says them) and the
    (@handle, name) pairs it gives; ``spellings(raw)`` is the name a raw spelling stands for."""

    def __init__(self, weights: Mapping[str, float], handle_pairs: Mapping[tuple[str, str], float] = {}):
        self._raw: dict[str, dict[str, float]] = defaultdict(dict)  # key -> raw spelling -> weight
        for raw, w in weights.items():
            self._raw[self.key(raw)][raw] = self._raw[self.key(raw)].get(raw, 0.0) + w
        self.weight = {k: sum(v.values()) for k, v in self._raw.items()}
        self._parent: dict[str, str] = {}
        self._display: dict[str, str] = {}
        keys = sorted(self.weight, key=lambda k: (-self.weight[k], k))
        names = [k for k in keys if not k.startswith("@")]
        self._join_handles([k for k in keys if k.startswith("@")], handle_pairs)
        self._join_articles(names)
        self._join_misspellings(names)
        self._join_longer_runs(names)
        self._join_single_words(names)

    @staticmethod
    def key(raw: str) -> str:
        return "@" + raw[1:].lower() if raw.startswith("@") else fold(raw)

    def root(self, key: str) -> str:
        while key in self._parent:
            key = self._parent[key]
        return key

    def __call__(self, raw: str) -> str:
        """The display name of a raw spelling: the most used spelling of its pooled name."""
        root = self.root(self.key(raw))
        if root not in self._display:
            spellings = self._raw.get(root)
            self._display[root] = (max(spellings.items(), key=lambda kv: (kv[1], _accents(kv[0]), kv[0]))[0]
                                   if spellings else raw)
        return self._display[root]

    def pool(self, tally: Iterable[tuple[str, float]]) -> dict[str, float]:
        """A tally of raw spellings as a tally of names."""
        out: dict[str, float] = {}
        for raw, w in tally:
            name = self(raw)
            out[name] = out.get(name, 0.0) + w
        return out

    def _join(self, light: str, heavy: str) -> None:
        light, heavy = self.root(light), self.root(heavy)
        if light != heavy:
            self._parent[light] = heavy
            self.weight[heavy] = self.weight.get(heavy, 0.0) + self.weight.get(light, 0.0)

    def _join_handles(self, handles: list[str], pairs: Mapping[tuple[str, str], float]) -> None:
        paired: dict[str, tuple[float, str]] = {}
        for (handle, name), w in pairs.items():
            key = "@" + handle[1:].lower()
            if w > paired.get(key, (0.0, ""))[0]:
                paired[key] = (w, name)
        by_squash = {squash(k): k for k in self.weight if not k.startswith("@") and " " in k}
        for handle in handles:
            if handle in paired:
                target = self.key(paired[handle][1])
                self._raw.setdefault(target, {paired[handle][1]: 0.0})
                self.weight.setdefault(target, 0.0)
                self._join(handle, target)
                continue
            bare = handle[1:]
            for affix in ("",) + _HANDLE_AFFIXES:
                for form in (bare.removeprefix(affix), bare.removesuffix(affix).rstrip("0123456789_")):
                    if form in by_squash:
                        self._join(handle, by_squash[form])
                        break
                else:
                    continue
                break
            else:  # '@NikkiGlaser': the stream capitalises the words of the name
                raw = next(iter(self._raw[handle]))[1:]
                spaced = split_camel(raw)
                if spaced != raw and len(spaced.split()) >= 2 and all(w[:1].isupper() for w in spaced.split()):
                    target = fold(spaced)
                    self._raw.setdefault(target, {}).setdefault(spaced, 0.0)
                    self.weight.setdefault(target, 0.0)
                    self._join(handle, target)

    def _join_articles(self, keys: list[str]) -> None:
        """'salt orchard' and 'the salt orchard' are one title."""
        present = set(keys)
        for key in keys:
            if key.startswith("the ") and key[4:] in present:
                light, heavy = sorted((key, key[4:]), key=lambda k: self.weight[self.root(k)])
                self._join(light, heavy)

    def _join_misspellings(self, keys: list[str]) -> None:
        heavier: dict[tuple[int, int, str], list[str]] = defaultdict(list)
        for key in keys:  # heaviest first
            words = key.split()
            if len(words) < 2:
                continue
            for i, w in enumerate(words):
                for other in heavier.get((len(words), i, w), ()):
                    if self.root(other) != other or other == key:
                        continue
                    if _close(words, other.split(), i):
                        self._join(key, other)
                        break
                else:
                    continue
                break
            for i, w in enumerate(words):
                heavier[(len(words), i, w)].append(key)

    def _join_longer_runs(self, keys: list[str]) -> None:
        """'honestly adrien brody' -> 'adrien brody' when the shorter name is said more."""
        known = {k for k in keys if len(k.split()) >= 2}
        for key in keys:
            words = key.split()
            if len(words) < 3 or self.root(key) != key:
                continue
            for n in range(len(words) - 1, 1, -1):
                inner = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
                found = [k for k in inner if k in known and self.weight[self.root(k)] >= self.weight[key]]
                if len(found) == 1:
                    self._join(key, found[0])
                    break
                if found:
                    break

    def _join_single_words(self, keys: list[str]) -> None:
        """'brody' -> 'adrien brody', 'brutalist' -> 'the brutalist', when only one name fits."""
        holders: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            words = key.split()
            if 2 <= len(words) <= 4 and self.root(key) == key:
                holders[words[0]].append(key)
                if words[-1] != words[0]:
                    holders[words[-1]].append(key)
        for key in keys:
            if " " in key or self.root(key) != key or not holders.get(key):
                continue
            options = sorted(holders[key], key=lambda k: -self.weight[self.root(k)])
            total = sum(self.weight[self.root(k)] for k in options)
            top = options[0]
            if self.weight[self.root(top)] >= 0.8 * total:
                self._join(key, top)


def _close(a: list[str], b: list[str], same: int) -> bool:
    """Same number of words, word ``same`` equal, every other word a near spelling."""
    for i, (x, y) in enumerate(zip(a, b)):
        if i == same or x == y:
            continue
        if x[:1] != y[:1] or SequenceMatcher(None, x, y).ratio() < CLOSE:
            return False
    return a != b


def _accents(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)
