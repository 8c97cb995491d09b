"""Where things sit in one parsed document: paragraphs, sentences and quotes,
in the order a reader takes them.

A live blog written newest first (timestamped paragraphs in descending time)
is read oldest first, so that "he" finds its antecedent; every other document
is read top to bottom. ``DocumentLayout`` answers position questions by
character offset: which paragraph, what reading rank, whether inside a quote.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

_TIMESTAMP = re.compile(r"^\s*\[?\(?(\d{1,2})[:.](\d{2})\s*([ap]\.?\s?m\.?)?", re.I)


class DocumentLayout:
    """Paragraphs, sentences and quoted stretches of one parsed document.

    ``quoted`` holds the ``(start, end)`` character spans of its quotes, sorted
    by start.
    """

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text
        self._inside = list(quoted)
        self._inside_starts = [s for s, _ in self._inside]
        self._tok_starts = [t.idx for t in doc]
        self._reading_order()

    def _reading_order(self) -> None:
        """Paragraph numbers in reading order: a live blog written newest
        first is read oldest first, so that "he" finds its antecedent."""
        text = self.text
        paras, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                paras.append((pos, pos + len(line)))
            pos += len(line) + 1
        self._para_starts = [s for s, _ in paras]
        times = [(i, _minutes(text[s:e])) for i, (s, e) in enumerate(paras)]
        stamped = [(i, t) for i, t in times if t is not None]
        order = list(range(len(paras)))
        if len(stamped) >= 3:
            descending = sum(1 for (_, a), (_, b) in zip(stamped, stamped[1:]) if b < a)
            if descending > (len(stamped) - 1) / 2:
                first = stamped[0][0]
                blocks, current = [], []
                for i in range(first, len(paras)):
                    if times[i][1] is not None and current:
                        blocks.append(current)
                        current = []
                    current.append(i)
                blocks.append(current)
                order = list(range(first)) + [i for block in reversed(blocks) for i in block]
        self._para_rank = {p: r for r, p in enumerate(order)}
        sents = list(self.doc.sents)
        keyed = sorted(range(len(sents)), key=lambda k: (self._para_rank.get(self.para_of(sents[k].start_char), 0), sents[k].start_char))
        self._sent_rank = {sents[k].start_char: r for r, k in enumerate(keyed)}
        self._sents = sents
        self._sent_starts = [s.start_char for s in sents]

    def para_of(self, char: int) -> int:
        """The number (in text order) of the paragraph holding ``char``."""
        return max(0, bisect_right(self._para_starts, char) - 1)

    def rank(self, char: int) -> int:
        """A sort key putting ``char`` in reading order."""
        return self._para_rank.get(self.para_of(char), 0) * 10_000_000 + char

    def sentence_rank(self, char: int) -> int:
        """The reading-order number of the sentence holding ``char``."""
        k = max(0, bisect_right(self._sent_starts, char) - 1)
        return self._sent_rank[self._sent_starts[k]]

    def inside_quote(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies within one quote."""
        k = bisect_right(self._inside_starts, start) - 1
        return k >= 0 and self._inside[k][0] <= start and end <= self._inside[k][1]

    def _tokens(self, start: int, end: int) -> list[Token]:
        """The non-space tokens starting in ``start:end``."""
        a = bisect_left(self._tok_starts, start)
        b = bisect_left(self._tok_starts, end)
        return [t for t in self.doc[a:b] if not t.is_space]


def _minutes(line: str) -> int | None:
    """Minutes since midnight of a line's leading timestamp ("9:52 p.m."), if any."""
    m = _TIMESTAMP.match(line)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        return None
    ampm = (m.group(3) or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    return h * 60 + mi
