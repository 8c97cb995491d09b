"""Red carpet and reactions: who was best and worst dressed, which designers and colours
the stream talks about, and how it feels about each person it names.

Both tallies are fed one cleaned tweet at a time and stay bounded (``TopK``).
"""
from __future__ import annotations

import re

from .bounded import TopK
from .lexicon import (BEST_DRESSED, COLOURS, DESIGNER_CUES, DESIGNERS, FASHION_CONTEXT, NEGATIVE, NEGATORS,
                      POSITIVE, WORST_DRESSED)
from .normalize import is_person_like

__all__ = ["RedCarpet", "Sentiment"]


def _phrases(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w#])(?:{alternatives})(?!\w)")


_WORD = re.compile(r"[a-z][a-z'’\-]*")
_BEST = _phrases(BEST_DRESSED)
_WORST = _phrases(WORST_DRESSED)
_COLOUR = _phrases(COLOURS)
_COLOUR_SET = frozenset(COLOURS)
# "the red carpet" and "the Golden Globes" are no colours, nor is "The White Lotus"
_NOT_COLOUR = re.compile(r"\bred[ -]?carpet|\bgolden globes?\b|\bthe (?:white|black|green|pink|orange|red) "
                         r"(?:house|list|lotus|panther|mile|widow|swan|mirror|bear|robot|book)")
_DESIGNER = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(d) for d in sorted(DESIGNERS, key=len, reverse=True))
                       + r")(?!\w)", re.IGNORECASE)
_DESIGNER_CANON = {d.lower(): d for d in DESIGNERS}
_CUED = re.compile(r"(?:" + "|".join(re.escape(c) for c in sorted(DESIGNER_CUES, key=len, reverse=True))
                   + r")\s+((?:[A-Z\u00c0-\u00de][\w\-&]*\s?){1,3})")


class RedCarpet:
    """Best and worst dressed (names in fashion tweets by the verdict the tweet gives),
    designers (a list of houses, and capitalised names after "in custom", "designed by")
    and colours."""

    def __init__(self, limit: int = 500):
        self.best, self.worst = TopK(limit), TopK(limit)
        self.designers, self.colours = TopK(limit), TopK(200)

    def add(self, text: str, low: str, names: list[str]) -> None:
        words = set(_WORD.findall(low))
        if not (words & FASHION_CONTEXT or "red carpet" in low):
            return
        for colour in set(_COLOUR.findall(_NOT_COLOUR.sub(" ", low))):
            self.colours.add(colour)
        found = {_DESIGNER_CANON.get(m.group().lower(), m.group()) for m in _DESIGNER.finditer(text)}
        found |= {m.group(1).strip() for m in _CUED.finditer(text) if m.group(1).strip().lower() not in _COLOUR_SET}
        for designer in found:
            self.designers.add(designer)
        people = [n for n in dict.fromkeys(names) if is_person_like(n) and n not in found]
        if not people:
            return
        best, worst = len(_BEST.findall(low)), len(_WORST.findall(low))
        if best > worst:
            for n in people:
                self.best.add(n)
        elif worst > best:
            for n in people:
                self.worst.add(n)



class Sentiment:
    """Positive and negative tweets per name: a tweet's polarity is its count of positive
    words minus negative ones (a negator just before a word flips it)."""

    def __init__(self, limit: int = 5000):
        self.mentions = TopK(limit, on_drop=self._forget)
        self.positive: dict[str, int] = {}
        self.negative: dict[str, int] = {}

    def _forget(self, dropped) -> None:
        for name in dropped:
            self.positive.pop(name, None)
            self.negative.pop(name, None)

    @staticmethod
    def polarity(low: str) -> int:
        score, negate = 0, False
        for word in _WORD.findall(low):
            if word in POSITIVE:
                score += -1 if negate else 1
            elif word in NEGATIVE:
                score += 1 if negate else -1
            negate = word in NEGATORS
        return score

    def add(self, low: str, names: list[str]) -> None:
        if not names:
            return
        score = self.polarity(low)
        for name in set(names):
            self.mentions.add(name)
            if score > 0:
                self.positive[name] = self.positive.get(name, 0) + 1
            elif score < 0:
                self.negative[name] = self.negative.get(name, 0) + 1
