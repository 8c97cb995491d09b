"""The tweet path: a stream of awards-night tweets in, the ceremony's record out.

    from pressroom.tweets import analyze, read_tweets
    result = analyze("gg2013.json", year=2013)
    result.hosts, result.winners["best motion picture - drama"]

``read_tweets`` streams a JSON array or JSON lines file (gzipped too) without loading it;
``analyze`` reads it once into bounded tallies (votes per category, the minute each
award was announced) and decides hosts, winners, nominees, presenters, the award names
the stream uses, the red carpet and reactions; ``discover_awards`` finds award names
from the stream alone.

Modules, in the order the data flows: ``reader`` (files -> Tweet), ``normalize``
(hashtags, handles, names), ``mentions`` (category phrases), ``signals`` (one tweet's
claims), ``aggregate`` (the one pass), ``spellings`` and ``decide`` (answers),
``discover``, ``red_carpet``, ``analyze``.
"""
from __future__ import annotations

from .analyze import TweetAnalysis, analyze, award_families, detect_year
from .discover import discover_awards
from .reader import Tweet, read_tweets

__all__ = ["Tweet", "TweetAnalysis", "analyze", "award_families", "detect_year", "discover_awards",
           "read_tweets"]
