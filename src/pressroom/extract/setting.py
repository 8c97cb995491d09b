"""Where a quote was said, when the text tells: backstage, onstage, red carpet, interview."""
from __future__ import annotations

import re
from functools import lru_cache

from ..nlp.lexicon import lexicon

# nearer cues decide first; within one stretch of text the more specific setting wins
_PRIORITY = ("red-carpet", "backstage", "interview", "onstage")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    cues = lexicon().settings
    return [(s, re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues[s]) + r")\b", re.I)) for s in _PRIORITY]


def setting_of(*contexts: str) -> str:
    """The setting named by the first context (nearest first) that names one, else "unknown"."""
    for text in contexts:
        if not text:
            continue
        for setting, pattern in _patterns():
            if pattern.search(text):
                return setting
    return "unknown"
