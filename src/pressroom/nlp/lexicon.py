"""The word lists of ``lexicon.json``, loaded once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    reporting_verbs: frozenset[str]
    colon_frame_words: frozenset[str]
    role_nouns: dict[str, str]  # noun -> "m", "f" or "" (no gender)
    person_titles: dict[str, str]
    pronouns: dict[str, str]  # pronoun -> "m", "f" or "p" (plural)
    naming_cues: tuple[str, ...]
    title_minor_words: frozenset[str]
    topic_prefixes: tuple[str, ...]
    settings: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("pressroom.nlp").joinpath("lexicon.json").read_text("utf-8"))
    return Lexicon(
        reporting_verbs=frozenset(raw["reporting_verbs"]),
        colon_frame_words=frozenset(raw["colon_frame_words"]),
        role_nouns=dict(raw["role_nouns"]),
        person_titles=dict(raw["person_titles"]),
        pronouns=dict(raw["pronouns"]),
        naming_cues=tuple(sorted(raw["naming_cues"], key=len, reverse=True)),
        title_minor_words=frozenset(raw["title_minor_words"]),
        topic_prefixes=tuple(sorted(raw["topic_prefixes"], key=len, reverse=True)),
        settings={k: tuple(v) for k, v in raw["settings"].items()},
    )
