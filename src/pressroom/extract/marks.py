"""Find quoted stretches of text by their quotation marks, before any NLP.

Real coverage mixes straight and curly marks, closes a curly opening with a
straight mark, drops a mark, and breaks a quote over paragraphs. The scanner
decides per mark whether it can open or close from the characters around it
(as Markdown decides emphasis), then pairs marks line by line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

DOUBLE = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02'
SINGLE = "'\u2018\u2019\u201a\u201b\u2039\u203a\u2032"
OPEN_PREFERRED = "\u201c\u201e\u00ab\u2018\u201a\u2039"
CLOSE_PREFERRED = "\u201d\u00bb\u2019\u203a\u2032\u2033"
_OPEN_AFTER = " \t\n([{\u2014\u2013-/:;,\u2026>*_|" + DOUBLE + SINGLE
_CLOSE_BEFORE = " \t\n.,;:!?)]}\u2014\u2013-\u2026/*_|" + DOUBLE + SINGLE
_GUILLEMETS_CLOSE = "\u00bb\u203a"


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted stretch: ``[start, end)`` is the inside, without the marks.

    ``open_at`` and ``close_at`` are the offsets of the marks (``close_at`` is
    None when the stretch runs to the end of its paragraph unclosed);
    ``family`` is "double" or "single".
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    family: str


@dataclass(frozen=True, slots=True)
class _Mark:
    at: int
    family: str
    can_open: bool
    can_close: bool


def _classify(text: str, i: int, line_start: int, line_end: int) -> _Mark:
    ch = text[i]
    family = "double" if ch in DOUBLE else "single"
    prev = text[i - 1] if i > line_start else "\n"
    nxt = text[i + 1] if i + 1 < line_end else "\n"
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_AFTER)
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_BEFORE)
    if family == "single":
        # an apostrophe: inside a word (don't), or eliding a decade ('90s) or a word start ('em)
        if prev.isalnum() and nxt.isalnum():
            return _Mark(i, family, False, False)
        if nxt.isdigit() and _decade(text, i + 1):
            return _Mark(i, family, False, False)
        left = left and not prev.isalnum()
    if left and right:  # squeezed between other marks or punctuation
        left, right = ch in OPEN_PREFERRED or ch not in CLOSE_PREFERRED, ch in CLOSE_PREFERRED or ch not in OPEN_PREFERRED
    if ch in _GUILLEMETS_CLOSE and prev.isspace() and (nxt.isspace() or nxt in _CLOSE_BEFORE):
        left, right = False, True  # French spacing, « mots », closes: `télévision », a dit`
    return _Mark(i, family, left, right)


def _decade(text: str, j: int) -> bool:
    k = j
    while k < len(text) and text[k].isdigit():
        k += 1
    return k - j in (2, 4) and (k >= len(text) or text[k] in "s\u2019' ,.-")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield start, end
        if end >= len(text):
            return
        start = end + 1


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    return [_classify(text, i, start, end) for i in range(start, end) if text[i] in DOUBLE or text[i] in SINGLE]


def find_quoted(text: str) -> list[Quoted]:
    """Every top-level quoted stretch of ``text``, in order.

    Quotes within a quote belong to the outer one and are not listed. A double
    quote left open at a paragraph's end continues when the next paragraph
    opens with a mark (the newspaper style for a quote over paragraphs), or,
    across a single line break, when the next line closes it (hard-wrapped
    text); otherwise it ends with its paragraph. An unclosed single-quoted
    stretch is taken for apostrophes and dropped, unless the text ends in it.
    """
    found: list[Quoted] = []
    carry: tuple[int, int] | None = None  # (open_at, start) of a double quote running on
    lines = list(_lines(text))
    for n, (ls, le) in enumerate(lines):
        marks = _marks(text, ls, le)
        k = 0
        state: tuple[str, int] | None = None  # (family, open mark offset)
        depth = 0
        if carry is not None:
            first = _first_mark(marks)
            if first is not None and first.family == "double" and first.can_open and not text[ls:first.at].strip():
                k = marks.index(first) + 1  # a continuation paragraph re-opens the quote
            state, depth = ("double", carry[0]), 0
            carry_start = carry[1]
            carry = None
        else:
            carry_start = None
        while k < len(marks):
            m = marks[k]
            k += 1
            if state is None:
                if m.family == "double":
                    if m.can_open and (not m.can_close or _has_later_close(marks, k)):
                        state, depth = ("double", m.at), 0
                    elif not m.can_open and not m.can_close and (
                        _next_double_closes(marks, k) or _spaced_pair(text, m, marks, k)
                    ):
                        state, depth = ("double", m.at), 0
                elif m.can_open:
                    state = ("single", m.at)
                continue
            family, opened = state
            if family == "double":
                if m.family != "double":
                    continue
                if m.can_open and not m.can_close:
                    depth += 1  # a quote (or title) inside the quote, in the same marks
                    continue
                if depth:
                    depth -= 1
                    continue
                start = carry_start if carry_start is not None else opened + 1
                found.append(Quoted(start, m.at, opened if carry_start is None else carry_start - 1, m.at, "double"))
                state, carry_start = None, None
            elif m.family == "single" and m.can_close:
                found.append(Quoted(opened + 1, m.at, opened, m.at, "single"))
                state = None
            elif m.family == "double" and m.can_close and not m.can_open:
                found.append(Quoted(opened + 1, m.at, opened, m.at, "single"))  # closed with the other mark
                state = None
            elif m.family == "double" and m.can_open:
                state, depth = ("double", m.at), 0  # the single mark was an apostrophe after all
        # end of line
        if state is None:
            continue
        family, opened = state
        start = carry_start if carry_start is not None else opened + 1
        if family == "double":
            nxt = lines[n + 1] if n + 1 < len(lines) else None
            if nxt is not None and _runs_on(text, le, nxt, marks):
                carry = (opened if carry_start is None else carry_start - 1, start)
                continue
            end = _rstrip(text, start, le)
            if end > start:
                found.append(Quoted(start, end, opened if carry_start is None else carry_start - 1, None, "double"))
        elif le >= len(text.rstrip()):  # text truncated inside a single-quoted stretch
            end = _rstrip(text, start, le)
            if end > start:
                found.append(Quoted(start, end, opened, None, "single"))
    return [q for q in map(lambda q: _trim(text, q), found) if _enough(text, q)]


def _trim(text: str, q: Quoted) -> Quoted:
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quoted(start, end, q.open_at, q.close_at, q.family)


def _enough(text: str, q: Quoted) -> bool:
    """At least two letters (three between single marks: rock 'n' roll)."""
    letters = sum(c.isalnum() for c in text[q.start : q.end])
    return letters >= (3 if q.family == "single" else 2)


def _first_mark(marks: list[_Mark]) -> _Mark | None:
    return marks[0] if marks else None


def _after(marks: list[_Mark], k: int) -> Iterator[_Mark]:
    """The marks from the ``k``-th on, without copying the list (one line may hold thousands)."""
    return (marks[j] for j in range(k, len(marks)))


def _next_double_closes(marks: list[_Mark], k: int) -> bool:
    for m in _after(marks, k):
        if m.family == "double":
            return m.can_close and not m.can_open
    return False


def _spaced_pair(text: str, m: _Mark, marks: list[_Mark], k: int) -> bool:
    """`“ words ”`: two marks spaced on both sides still pair when they face each other."""
    if text[m.at] in CLOSE_PREFERRED:
        return False
    nxt = next((x for x in _after(marks, k) if x.family == "double"), None)
    return nxt is not None and not nxt.can_open and not nxt.can_close and text[nxt.at] not in OPEN_PREFERRED


def _has_later_close(marks: list[_Mark], k: int) -> bool:
    return any(m.family == "double" and m.can_close for m in _after(marks, k))


def _runs_on(text: str, line_end: int, nxt: tuple[int, int], marks: list[_Mark]) -> bool:
    """Does a double quote open at ``line_end`` continue on the next line?"""
    ns, ne = nxt
    body = text[ns:ne].lstrip()
    if body[:1] and body[0] in DOUBLE:
        return True  # the paragraph re-opens the quote: one quote over paragraphs
    if not text[ns:ne].strip():
        # a blank line: look past it for a continuation paragraph
        j = ne + 1
        while j < len(text) and text[j] in " \t\n":
            j += 1
        return j < len(text) and text[j] in DOUBLE and j + 1 < len(text) and not text[j + 1].isspace()
    # a hard line wrap: the next line closes the quote before it opens any
    for m in _marks(text, ns, ne):
        if m.family == "double":
            return m.can_close and not m.can_open
    return False


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
