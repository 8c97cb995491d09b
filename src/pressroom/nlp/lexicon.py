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
    win_verbs: frozenset[str]
    win_nouns: frozenset[str]
    prediction_heads: frozenset[str]
    beat_verbs: frozenset[str]
    presenter_verbs: frozenset[str]
    host_nouns: frozenset[str]
    work_nouns: frozenset[str]


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
        win_verbs=frozenset(raw["win_verbs"]),
        win_nouns=frozenset(raw["win_nouns"]),
        prediction_heads=frozenset(raw["prediction_heads"]),
        beat_verbs=frozenset(raw["beat_verbs"]),
        presenter_verbs=frozenset(raw["presenter_verbs"]),
        host_nouns=frozenset(raw["host_nouns"]),
        work_nouns=frozenset(raw["work_nouns"]),
    )
