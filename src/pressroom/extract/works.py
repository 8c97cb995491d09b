"""Titles of works (films, shows, songs) as a document names them.

A title is a quoted stretch read as a title, or a run of title-case words in a
place where a work is named: after "for", "in", "on", "from", in brackets
after a name, before a role noun ("The Paper Lanterns co-star"), or after a line's
separator in a winners list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.lexicon import lexicon
from .marks import DOUBLE, SINGLE

_MINOR = r"(?:of|the|a|an|and|in|on|for|to|with|from|by|at|or|&|vs\.?|de|la|le|du|del|da|di|y|en|is|no|not)"
_CAP = r"(?:(?:[A-Z]\.){1,3}|[A-Z0-9\u00c0-\u00de][\w'\u2019&!\-]*(?:\.(?=[\w,]))?[\w'\u2019&!\-]*|\d[\w'\u2019\-]*)"
TITLE_CASE = re.compile(
    rf"{_CAP}(?:(?:[ \t]+|:[ \t]|,[ \t](?=[A-Z][a-z]+(?:[,.;:)]|$)))(?:{_MINOR}[ \t]+)*{_CAP})*",
    re.M,
)
TITLE_CASE_NO_COMMA = re.compile(rf"{_CAP}(?:(?:[ \t]+|:[ \t])(?:{_MINOR}[ \t]+)*{_CAP})*")
_OPENERS = DOUBLE + SINGLE
_NOT_START = {"the", "a", "an", "and", "or", "but", "he", "she", "it", "they", "his", "her", "their", "its", "best",
              "this", "that", "these", "those", "i", "we", "you", "mr", "mrs", "ms", "dr", "sunday", "monday",
              "saturday", "january", "february", "march", "december", "golden", "globe", "globes", "oscar", "oscars"}


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    start: int
    end: int
    quoted: bool


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _OPENERS or text[start].isspace()):
        start += 1
    while True:
        while end > start and (text[end - 1] in _OPENERS or text[end - 1] in " \t,.;:" or text[end - 1].isspace()):
            end -= 1
        if end - start > 2 and text[end - 2 : end].lower() in ("'s", "\u2019s"):
            end -= 2  # "The Glass Orchard's success": the title, not its possessive
            continue
        return start, end


class Works:
    """The titles a document names, looked up by position."""

    def __init__(self, text: str, quoted_titles: list[tuple[int, int]]) -> None:
        self.text = text
        self.quoted = sorted(quoted_titles)

    def quoted_at(self, pos: int, *, slack: int = 3) -> Title | None:
        """A quoted title whose opening mark is at ``pos`` (give or take spaces)."""
        for s, e in self.quoted:
            if pos <= s <= pos + slack + 1:
                a, b = _strip(self.text, s, e)
                return Title(self.text[a:b], a, b, True)
            if s > pos + slack + 1:
                break
        return None

    def at(self, pos: int, *, commas: bool = True) -> Title | None:
        """The title that starts at ``pos``: quoted, or a title-case run (which may
        run over a comma, "Millbrook, Oregon", unless ``commas`` is false, as in lists)."""
        text = self.text
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        q = self.quoted_at(pos)
        if q is not None:
            return q
        owner = re.match(r"[A-Z][\w.&-]*['\u2019]s\s+(?=[\"\u201c'\u2018])", text[pos : pos + 40])
        if owner:  # "Showtime's "Quarters"": the network, then the quoted title
            q = self.quoted_at(pos + owner.end())
            if q is not None:
                return q
        m = (TITLE_CASE if commas else TITLE_CASE_NO_COMMA).match(text, pos)
        if not m:
            return None
        if re.fullmatch(r"[A-Z]{2,6}['\u2019]s", m.group(0)):  # "HBO's (not exactly cheerful) 'Lowtide'"
            for s_, _e in self.quoted:
                if m.end() <= s_ <= m.end() + 40:
                    return self.quoted_at(s_)
            return None
        s, e = _strip(text, m.start(), m.end())
        lead = re.match(r"['\u2019]?\d0s(?:-\w+)?\s+", text[s:e])
        if lead:  # "'60s-era Under the Pier": the decade describes, the title follows
            s += lead.end()
        owner = re.match(r"(?:[A-Z][\w.&-]*\s){0,2}?[\w.&-]+['\u2019]s\s+(?=(?:The|A|An)\s)|[A-Z]{2,6}['\u2019]s\s+", text[s:e])
        if owner and owner.end() < e - s:  # "Netflix's The Lamplighter", "HBO's House of Salt": the owner, then the title
            s += owner.end()
        year = re.match(r"(?:19|20)\d\d\s+(?=\S)", text[s:e])
        if year:  # "in 1987 for Lowtide": a year, then the title
            return None
        words = text[s:e].split()
        # drop trailing minor words ("Night Train and" -> "Night Train")
        while words and re.fullmatch(_MINOR, words[-1]):
            words.pop()
        if not words:
            return None
        if len(words) == 1 and words[0].lower().strip(".,") in _NOT_START:
            return None
        if words[0].lower() in ("best",):
            return None
        e = s + len(" ".join(words)) if text[s : s + len(" ".join(words))] == " ".join(words) else e
        return Title(text[s:e], s, e, False)

    def covering(self, pos: int, lo: int, hi: int) -> Title | None:
        """The title-case run around ``pos`` that starts at or after ``lo`` ("UNDER THE PIER")."""
        for m in TITLE_CASE.finditer(self.text, lo, hi):
            if m.start() <= pos < m.end():
                return self.at(m.start())  # the run, less a decade or an owner before it
        return None

    def overlapping(self, start: int, end: int) -> Title | None:
        for s, e in self.quoted:
            if s < end and start < e:
                a, b = _strip(self.text, s, e)
                return Title(self.text[a:b], a, b, True)
        return None

    def quoted_between(self, start: int, end: int) -> list[Title]:
        out = []
        for s, e in self.quoted:
            if start <= s and e <= end:
                a, b = _strip(self.text, s, e)
                out.append(Title(self.text[a:b], a, b, True))
        return out


def is_work_noun(word: str) -> bool:
    return word.lower() in lexicon().work_nouns
