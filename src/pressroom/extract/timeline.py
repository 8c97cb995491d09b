"""The night as a live blog tells it: timestamped entries, in time order.

An entry starts at a timestamp at the head of a line ("9:42 p.m. ET:",
"8:01pm -", "21:45 GMT", "[9.31pm]", or "7:00 PM" alone on its line) and runs
to the next one. Each entry becomes an Event with its time, its kind (what
its facts say happened: a win, a presentation, a speech, a quote, the
monologue, the red carpet), the people it names and the award it tells of;
every quote and award inside an entry carries the entry's time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Award, Event, Quote

STAMP = re.compile(
    r"(?m)^[ \t]*(?P<open>[\[(])?(?P<h>\d{1,2})[:.](?P<m>\d{2})[ \t]*(?P<ampm>[aApP]\.?[ \t]?[mM]\.?)?"
    r"(?:[ \t]*(?P<zone>[A-Z]{2,4})\b)?(?P<close>[\])])?[ \t]*(?P<sep>[:\u2013\u2014-]|(?=\n)|$|(?=[A-Z\"\u201c]))"
)
_ZONES = {"ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "GMT", "BST", "UTC",
          "CET", "IST", "AEDT", "AEST"}
_MONOLOGUE = re.compile(r"\b(monologue|opening (?:number|remarks|joke)|first words|opens the show|takes the stage to welcome)\b", re.I)
_CARPET = re.compile(r"\b(red carpet|on the carpet|wearing|gown|dress(?:ed)?|tuxedo|suit is by|arrives?|arriving)\b", re.I)
_SPEECH = re.compile(r"\b(acceptance speech|accepting|thanked|thanks|speech)\b", re.I)
_PRESENT = re.compile(r"\b(present(?:s|ed|ing)?|hand(?:s|ed)? out|introduc(?:es|ed|ing))\b", re.I)


@dataclass(frozen=True, slots=True)
class Entry:
    start: int  # the timestamp's first character
    body: int  # where the entry's words begin
    end: int
    stamp: str
    minutes: int | None
    zone: str | None


def find_entries(text: str) -> list[Entry]:
    """The timestamped entries of a live blog; none when fewer than two stamps."""
    stamps = []
    for m in STAMP.finditer(text):
        h, mi = int(m.group("h")), int(m.group("m"))
        zone = m.group("zone")
        if h > 23 or mi > 59 or (zone and zone.upper() not in _ZONES and not m.group("ampm")):
            continue
        marked = m.group("ampm") or zone or m.group("close")
        if not m.group("sep") and not marked:
            continue  # "10.5 per cent" at a line's head is no stamp
        if not m.group("sep") and m.end() < len(text) and text[m.end()] not in "\n" and not text[m.end() - 1].isspace():
            continue  # "21:45 GMT The first envelope": a stamp needs a space before the words it heads
        stamps.append(m)
    if len(stamps) < 2:
        return []
    pm_blog = sum(1 for m in stamps if (m.group("ampm") or "").lower().startswith("p")) > len(stamps) / 2
    entries = []
    for k, m in enumerate(stamps):
        end = stamps[k + 1].start() if k + 1 < len(stamps) else len(text)
        h, mi = int(m.group("h")), int(m.group("m"))
        ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and h < 12 or (not ampm and pm_blog and 1 <= h < 12):
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        zone = m.group("zone") if m.group("zone") and m.group("zone").upper() in _ZONES else None
        entries.append(Entry(m.start(), m.end(), end, text[m.start() : m.end()].strip(" \t:-\u2013\u2014"), h * 60 + mi, zone))
    return entries


def build_timeline(
    text: str,
    quotes: tuple[Quote, ...],
    awards: tuple[Award, ...],
    names: list[tuple[int, int, str]],
) -> tuple[tuple[Event, ...], tuple[Quote, ...], tuple[Award, ...]]:
    """Events of the entries, in time order, and the quotes and awards with their times.

    ``names`` are ``(start, end, full name)`` of the people the document names.
    """
    entries = find_entries(text)
    if not entries:
        return (), quotes, awards
    events = []
    for e in entries:
        inside_q = [q for q in quotes if e.body <= q.start < e.end]
        inside_a = [a for a in awards if e.body <= a.start < e.end]
        people = []
        for s, _, name in names:
            if e.body <= s < e.end and name not in people and not any(q.start <= s < q.end for q in inside_q):
                people.append(name)
        words = text[e.body : e.end]
        award = next((a.award for a in inside_a if a.winner), None) or (inside_a[0].award if inside_a else None)
        events.append(Event(
            time=_clock(e.minutes), stamp=e.stamp, zone=e.zone, kind=_kind(words, inside_q, inside_a),
            text=" ".join(words.split())[:300], start=e.start, end=e.end, people=tuple(people), award=award,
        ))
    ordered = tuple(sorted(events, key=lambda ev: (_sort_minutes(ev, events), ev.start)))
    timed_q = tuple(_with_time(q, entries) for q in quotes)
    timed_a = tuple(_with_time(a, entries) for a in awards)
    return ordered, timed_q, timed_a


_WIN = re.compile(r"\b(?:wins?|won|goes to|go to|scores?|takes? home|took home|picks? up|picked up|nabs?|"
                  r"and the winner is)\b.{0,80}\b(?:best|award|globe|trophy|prize)\b|"
                  r"\b(?:best|award|globe|trophy|prize)\b.{0,40}\b(?:goes to|went to)\b", re.I | re.S)


def _kind(words: str, quotes: list[Quote], awards: list[Award]) -> str:
    if any(a.winner for a in awards) or _WIN.search(words):
        return "win"
    if _MONOLOGUE.search(words):
        return "monologue"
    if any(a.presenters for a in awards) or (awards and _PRESENT.search(words)):
        return "presentation"
    if quotes and (any(q.setting == "onstage" for q in quotes) or _SPEECH.search(words)):
        return "speech"
    if any(q.setting == "red-carpet" for q in quotes) or _CARPET.search(words):
        return "red-carpet"
    if quotes:
        return "quote"
    return "other"


def _clock(minutes: int | None) -> str | None:
    return None if minutes is None else f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def _sort_minutes(ev: Event, events: list[Event]) -> int:
    """Minutes into the night: past midnight counts after the evening before it."""
    if ev.time is None:
        return 10**6
    h, m = map(int, ev.time.split(":"))
    evening = any(int(o.time.split(":")[0]) >= 18 for o in events if o.time)
    return (h + 24 if evening and h < 6 else h) * 60 + m


def _with_time(fact, entries: list[Entry]):
    for e in entries:
        if e.body <= fact.start < e.end:
            return type(fact)(**{**{f: getattr(fact, f) for f in fact.__slots__}, "time": _clock(e.minutes)})
    return fact
