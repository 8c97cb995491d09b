"""The tweet path's one door: a stream of tweets in, the ceremony's record out."""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from itertools import chain, islice
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..knowledge import load_ceremony
from ..knowledge.categories import find_category_mentions, official_name, resolve
from .aggregate import tally
from .decide import decide, year_families
from .reader import Tweet, read_tweets

__all__ = ["TweetAnalysis", "analyze", "award_families", "detect_year"]

PEEK = 5000  # tweets read ahead to tell the year when it is not given


@dataclass
class TweetAnalysis:
    """What a stream of tweets says about one ceremony.

    ``winners`` hold only the awards the stream decides; ``nominees`` and ``presenters``
    hold every award key (lists, maybe empty). ``red_carpet`` has ``best_dressed``,
    ``worst_dressed``, ``designers`` and ``colours`` as ``[name, count]`` lists;
    ``sentiment`` maps each host and winner to ``{"positive", "negative", "score"}``
    (score in [-1, 1]); ``counts`` has ``read``, ``unique``, ``retweets``,
    ``retweets_collapsed``, ``duplicates`` and ``errors``.
    """

    hosts: list[str]
    award_names: list[str]
    winners: dict[str, str]
    nominees: dict[str, list[str]]
    presenters: dict[str, list[str]]
    red_carpet: dict
    sentiment: dict
    counts: dict
    year: int | None = None
    ceremony: str = "golden_globes"
    works: dict[str, str] = field(default_factory=dict)  # award -> what its person winner won for
    announced: dict[str, str] = field(default_factory=dict)  # award -> UTC minute its win burst began
    errors: list = field(default_factory=list, repr=False)  # InputErrors of skipped records

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["errors"] = [str(e) for e in self.errors]
        return out


def analyze(tweets: Iterable[Tweet] | str | Path, *, year: int | None = None, ceremony: str = "golden_globes",
            awards: list[str] | None = None) -> TweetAnalysis:
    """Read a stream of tweets once and return hosts, winners, nominees, presenters, the
    award names the stream uses, the red carpet and reactions.

    ``tweets`` is a path (JSON array or JSON lines, maybe gzipped; read as a stream) or
    an iterable of ``Tweet`` (or tweet dicts). ``year`` is the calendar year the ceremony
    was held (told from hashtags and timestamps when None). ``awards``, when given, are
    the keys of the answers (each read as a category of that year); else that year's
    official names are. Raises ``InputError`` for a path that cannot be opened and
    KeyError for an unknown ceremony.
    """
    key = load_ceremony(ceremony)["key"]
    errors: list = []
    stream: Iterator[Tweet] = read_tweets(tweets if isinstance(tweets, (str, Path)) else iter(tweets),
                                          errors=errors)
    if year is None:
        head = list(islice(stream, PEEK))
        year = detect_year(head, key)
        stream = chain(head, stream)
    t = tally(stream, ceremony=key, year=year)
    families = year_families(key, year)
    d = decide(t, families)
    names = award_families(awards, ceremony=key, year=year) if awards else \
        {f: official_name(f, ceremony=key, year=year) for f in families}
    names = {f: n for f, n in names.items() if n}
    return TweetAnalysis(
        hosts=d.hosts,
        award_names=t.phrases.names(30),
        winners={n: d.winners[f] for f, n in names.items() if f in d.winners},
        nominees={n: d.nominees.get(f, []) for f, n in names.items()},
        presenters={n: d.presenters.get(f, []) for f, n in names.items()},
        red_carpet=d.red_carpet,
        sentiment=d.sentiment,
        counts={**t.counts, "errors": len(errors)},
        year=year,
        ceremony=key,
        works={n: d.works[f] for f, n in names.items() if f in d.works},
        announced={n: _utc(d.announced[f]) for f, n in names.items() if f in d.announced},
        errors=errors,
    )


def _utc(minute: int) -> str:
    return datetime.fromtimestamp(minute * 60, tz=timezone.utc).strftime("%Y-%m-%dT%H:%MZ")


def award_families(awards: Iterable[str], *, ceremony: str = "golden_globes", year: int | None) -> dict[str, str]:
    """family -> the given award name that means it (the first one, when two do).

    Each name is read as a category phrase of the year; a name the reader cannot place
    goes to the official name of the year it is closest to in spelling (or nowhere).
    """
    official = {official_name(f, ceremony=ceremony, year=year): f for f in year_families(ceremony, year)}
    out: dict[str, str] = {}
    for award in awards:
        family = _family_of(award, ceremony, year, official)
        if family and family not in out:
            out[family] = award
    return out


def _family_of(award: str, ceremony: str, year: int | None, official: dict[str, str]) -> str | None:
    low = award.lower()
    if low in official:
        return official[low]
    mentions = find_category_mentions(low, ceremony=ceremony, year=year)
    if mentions:
        m = max(mentions, key=lambda m: m.end - m.start)
        family = m.candidates[0] if len(m.candidates) == 1 else resolve(m, ceremony=ceremony, year=year,
                                                                          context=low)
        if family in official.values():
            return family
    close = difflib.get_close_matches(low, list(official), n=1, cutoff=0.6)
    return official[close[0]] if close else None


def detect_year(tweets: list[Tweet], ceremony: str = "golden_globes") -> int | None:
    """The year a stream's ceremony was held: from year hashtags (#GoldenGlobes2025), else
    from the timestamps (the ceremony whose date is nearest, within a week)."""
    data = load_ceremony(ceremony)
    patterns = [re.escape(p).replace(r"\{year\}", r"(\d{4})").replace(r"\{yy\}", r"(\d{2})")
                for p in data.get("hashtag_patterns", [])]
    votes: Counter = Counter()
    if patterns:
        tag = re.compile(r"(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)
        for tweet in tweets:
            for m in tag.finditer(tweet.text):
                digits = next(g for g in m.groups() if g)
                votes[int(digits) if len(digits) == 4 else 2000 + int(digits)] += 1
    known = {int(y) for y in data["years"]}
    votes = Counter({y: n for y, n in votes.items() if y in known})
    if votes:
        return votes.most_common(1)[0][0]
    stamps = sorted(t.timestamp_ms for t in tweets if t.timestamp_ms)
    if not stamps:
        return None
    day = datetime.fromtimestamp(stamps[len(stamps) // 2] / 1000, tz=timezone.utc).date()
    dated = [(abs((date.fromisoformat(e["date"]) - day).days), int(y))
             for y, e in data["years"].items() if e.get("date")]
    near = min(dated, default=None)
    return near[1] if near and near[0] <= 7 else day.year
