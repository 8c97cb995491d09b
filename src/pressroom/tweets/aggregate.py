"""One pass over the stream: every tweet's signals summed into bounded tallies.

Retweets and duplicates are collapsed first (a text counts once, however often it is
retweeted), so one viral joke or wrong guess is one vote. Everything kept is a ``TopK``
or a ``TopKMap``: the memory does not grow with the stream.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .bounded import Seen, TopK, TopKMap
from .discover import AwardPhrases
from .normalize import clean, dedup_key, lower
from .reader import Tweet
from .red_carpet import RedCarpet, Sentiment
from .signals import read_signals

__all__ = ["Tallies", "tally"]


@dataclass
class Tallies:
    """What the stream said, summed. Keys of the category maps are families, or tuples of
    the families an undecided phrase ("best actor drama") could mean."""

    ceremony: str
    year: int | None
    wins: TopKMap = field(default_factory=lambda: TopKMap(inner=200, outer=400))
    win_minutes: TopKMap = field(default_factory=lambda: TopKMap(inner=60, outer=5_000))  # (key, name) -> minute
    nominees: TopKMap = field(default_factory=lambda: TopKMap(inner=200, outer=400))
    predicted: TopKMap = field(default_factory=lambda: TopKMap(inner=200, outer=400))
    presenters: TopKMap = field(default_factory=lambda: TopKMap(inner=40, outer=3_000))  # minute -> (key, name)
    loose_wins: TopKMap = field(default_factory=lambda: TopKMap(inner=30, outer=3_000))  # minute -> name
    hosts: TopK = field(default_factory=lambda: TopK(500))
    works: TopK = field(default_factory=lambda: TopK(5_000))  # names said as what someone won for
    work_of: TopK = field(default_factory=lambda: TopK(5_000))  # (person, the work they are said with)
    handles: TopK = field(default_factory=lambda: TopK(5_000))  # (@handle, name)
    sentiment: Sentiment = field(default_factory=Sentiment)
    red_carpet: RedCarpet = field(default_factory=RedCarpet)
    phrases: AwardPhrases = field(default_factory=AwardPhrases)
    counts: dict = field(default_factory=lambda: {"read": 0, "unique": 0, "retweets": 0,
                                                  "retweets_collapsed": 0, "duplicates": 0})

    def add(self, text: str, timestamp_ms: int | None) -> None:
        """Sum the signals of one (unique) tweet text."""
        cleaned = clean(text)
        low = lower(cleaned)
        minute = timestamp_ms // 60_000 if timestamp_ms else None
        s = read_signals(cleaned, low, ceremony=self.ceremony, year=self.year)
        self.sentiment.add(low, s.names)
        self.red_carpet.add(cleaned, low, s.names)
        self.phrases.add(cleaned, low)
        for key, name in dict.fromkeys(s.wins):
            self.wins.add(key, name)
            if minute is not None:
                self.win_minutes.add((key, name), minute)
        for pair in dict.fromkeys(s.work_of):
            self.work_of.add(pair)
        for key, name in dict.fromkeys(s.nominees):
            self.nominees.add(key, name)
        for key, name in dict.fromkeys(s.predicted):
            self.predicted.add(key, name)
        for key, name in dict.fromkeys(s.presenters):
            self.presenters.add(minute, (key, name))
        for name in dict.fromkeys(s.loose_wins):
            self.loose_wins.add(minute, name)
        for name in dict.fromkeys(s.hosts):
            self.hosts.add(name)
        for name in dict.fromkeys(s.works):
            self.works.add(name)
        for pair in dict.fromkeys(s.handles):
            self.handles.add(pair)


def tally(tweets: Iterable[Tweet], *, ceremony: str = "golden_globes", year: int | None = None) -> Tallies:
    """Read the stream once into ``Tallies``, collapsing retweets and duplicates."""
    t = Tallies(ceremony=ceremony, year=year)
    seen = Seen()
    counts = t.counts
    for tweet in tweets:
        counts["read"] += 1
        text = tweet.retweet_of
        if text is not None:
            counts["retweets"] += 1
        else:
            text = tweet.text
        if seen.seen(dedup_key(text)):
            counts["retweets_collapsed" if tweet.retweet_of is not None else "duplicates"] += 1
            continue
        counts["unique"] += 1
        t.add(text, tweet.timestamp_ms)
    return t
