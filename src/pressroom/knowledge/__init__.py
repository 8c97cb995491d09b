"""Awards-ceremony knowledge kept as data: one JSON file per ceremony (see README.md here).

``load_ceremony("golden globes")`` returns the parsed file (editions, dates, each year's
official category names, category families with their attributes, and the wording people
use for each family). The returned dict is cached and shared: treat it as read-only.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

__all__ = ["ceremonies", "load_ceremony"]


def _key(name: str) -> str:
    """Fold a ceremony name or file stem: 'The Golden-Globes' -> 'golden globes'."""
    text = re.sub(r"[\s_\-]+", " ", name.strip().lower())
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=1)
def _stems() -> tuple[str, ...]:
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name[: -len(".json")] for f in files if f.name.endswith(".json")))


def ceremonies() -> list[str]:
    """File stems of the known ceremonies, e.g. ['academy_awards', 'golden_globes', ...]."""
    return list(_stems())


@lru_cache(maxsize=None)
def _load(stem: str) -> dict:
    text = resources.files(__name__).joinpath(f"{stem}.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    index: dict[str, str] = {}
    for stem in _stems():
        data = _load(stem)
        for name in (stem, data.get("ceremony", ""), *data.get("aliases", ())):
            if name:
                index.setdefault(_key(name), stem)
    return index


def load_ceremony(name: str) -> dict:
    """The knowledge file of a ceremony, by file stem ('golden_globes') or alias ('Globes').

    Raises KeyError for an unknown name.
    """
    stem = _names().get(_key(name))
    if stem is None:
        raise KeyError(f"unknown ceremony {name!r}; known: {', '.join(ceremonies())}")
    return _load(stem)
