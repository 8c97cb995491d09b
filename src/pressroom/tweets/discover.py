"""Award names from the stream alone: the "best ..." phrases people keep writing.

No knowledge file is read. Every "best ..." phrase of a tweet is cut at the first word
that cannot be part of an award name ("goes", "to", a name), and each of its prefixes is
counted (bounded), more when the tweet says someone won. An award name is a prefix that
its own extensions do not explain ("best actor" is explained by "best actor drama" and
"best actor comedy"; "best director" is not), with spellings ("drama actor" style
variants excepted) pooled by their words.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable

from .bounded import Seen, TopK
from .lexicon import CEREMONY_WORDS, PHRASE_BRIDGES, PHRASE_NOT_AWARD, PHRASE_STOP
from .normalize import clean, dedup_key, lower
from .reader import Tweet

__all__ = ["AwardPhrases", "discover_awards"]

_TOKEN = re.compile(r"[a-z][a-z'’]*(?:-[a-z]+)*|[\-\u2013\u2014:,&/]|\|")
_BEST = re.compile(r"\bbest\b")
_NAMED_AWARD = re.compile(r"((?:[A-Z][\w\.]*\.?\s){1,4})Award\b")
_WIN = re.compile(r"\b(?:wins?|won|goes to|went to|winner|congrats|congratulations|takes home|accepts|"
                  r"nominated|nominees|presenting|presents)\b")
_GLUE_END = frozenset("in a an by or of and - , any on the for made at to".split())
MAX_WORDS = 18
EXTENSION_SHARE = 0.6  # a phrase whose extensions carry this share of its count is explained by them


class AwardPhrases:
    """A bounded tally of award-name candidates, fed one cleaned tweet at a time."""

    def __init__(self, limit: int = 10_000):
        self.prefixes = TopK(limit)

    def add(self, text: str, low: str) -> None:
        if "best" not in low and "Award" not in text:
            return
        weight = 1.0 if _WIN.search(low) else 0.3
        for m in _BEST.finditer(low):
            for prefix in _prefixes(_phrase(low, m.start())):
                self.prefixes.add(prefix, weight)
        for m in _NAMED_AWARD.finditer(text):
            name = " ".join(m.group(1).lower().split() + ["award"])
            if not any(w in name for w in CEREMONY_WORDS):
                self.prefixes.add(name, weight)

    def names(self, top: int = 30, min_count: float = 2.0) -> list[str]:
        counts = {p: c for p, c in self.prefixes.items() if c >= min_count}
        ordered = sorted(counts)
        kept = {p: c for p, c in counts.items()
                if max((counts[q] for q in _extensions(ordered, p)), default=0.0) < EXTENSION_SHARE * c}
        ordered = sorted(kept)
        for p in sorted(kept, key=lambda p: (-len(p), p)):  # longest first: tails settle before heads
            longer = [q for q in _extensions(ordered, p) if q in kept]
            if len(longer) >= 2:
                del kept[p]  # a generic head ("best actor") of two awards
            elif longer and kept[longer[0]] >= 0.2 * kept[p]:
                kept[longer[0]] += kept.pop(p)  # one award, said short and long
            elif longer:
                del kept[longer[0]]  # a stray tail ("best director - brady")
        pooled: dict[frozenset, tuple[float, str, float]] = {}
        for p, c in kept.items():
            key = frozenset(w for w in p.split() if w not in ("-", ",", "a", "an", "the", "in", "by"))
            total, best, best_count = pooled.get(key, (0.0, p, -1.0))
            pooled[key] = (total + c, p if c > best_count else best, max(c, best_count))
        ranked = sorted(pooled.values(), key=lambda t: (-t[0], t[1]))
        return [name for _, name, _ in ranked[:top]]


def _phrase(low: str, start: int) -> list[str]:
    words: list[str] = []
    for m in _TOKEN.finditer(low, start, min(len(low), start + 160)):
        w = m.group()
        if w in "\u2013\u2014:/":
            w = "-"
        elif w == "&":
            w = "and"
        if w == "|" or (w == "best" and words) or (w == "-" and words and words[-1] in ("-", ",")):
            break
        if (w in PHRASE_STOP and not (words and (words[-1], w) in PHRASE_BRIDGES)) or len(words) >= MAX_WORDS:
            break
        if len(words) == 1 and w in PHRASE_NOT_AWARD:
            return []
        words.append(w)
    return words


def _prefixes(words: list[str]) -> list[str]:
    out = []
    for k in range(2, len(words) + 1):
        if words[k - 1] not in _GLUE_END:
            out.append(" ".join(words[:k]).replace(" ,", ","))
    return out


def _extensions(ordered: list[str], p: str) -> list[str]:
    """The phrases of a sorted list that extend ``p`` by more words ("p ...", "p, ...")."""
    out = []
    for head in (p + " ", p + ","):
        i = bisect_left(ordered, head)
        while i < len(ordered) and ordered[i].startswith(head):
            out.append(ordered[i])
            i += 1
    return out


def discover_awards(tweets: Iterable[Tweet], *, top: int = 30) -> list[str]:
    """The award names a stream uses, most talked-about first, found without any knowledge
    file: lowercase phrases such as "best motion picture - drama" or "cecil b. demille award"."""
    phrases, seen = AwardPhrases(), Seen(22)
    for tweet in tweets:
        text = tweet.retweet_of or tweet.text
        if seen.seen(dedup_key(text)):
            continue
        cleaned = clean(text)
        phrases.add(cleaned, lower(cleaned))
    return phrases.names(top)
