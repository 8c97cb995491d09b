"""Gated parsing: the full pipeline only where a fact can be.

Most of a quote roundup is the quotes themselves, and nothing inside a quote
is a mention, a category or a winner (see ``extract.mentions``): what the
extractors need from a quote is its place in the sentence that introduces
it. So the sentences wholly inside a quote, and the paragraphs with nothing
a fact is made of (no quote, no capitalised name, no number, no award or
reporting word, no pronoun), are only tokenised; the rest is parsed in
pieces cut at those sentence starts. Pieces longer than a parser should see
at once are cut at line, sentence or word boundaries, so a text of any length
parses.

``parse(nlp, text, spans)`` returns one Doc over exactly ``text``: parsed
tokens carry the whole pipeline's annotation; unparsed ones only their text,
a sentence start where a cheap rule puts one, and a flat tree.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import lexicon

MIN_COLD = 40  # characters: a shorter unparsed stretch saves less than it costs
MAX_PIECE = 100_000  # characters given to the pipeline at once
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_SENTENCE_BREAK = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_BREAKS = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"), re.compile(r"\s+"))
_EXTRA_CUES = ("best", "award", "awards", "category", "honor", "honour", "trophy", "prize",
               "globe", "globes", "ceremony", "night", "winner", "winners", "nominee", "nominees",
               "nominated", "nomination", "present", "presented", "presenter", "presenters",
               "host", "hosted", "hosting", "hosts", "speech", "stage", "backstage", "carpet")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Words that can carry a fact with no capital letter near them."""
    lex = lexicon()
    words: set[str] = set(_EXTRA_CUES)
    for group in (lex.reporting_verbs, lex.pronouns, lex.role_nouns, lex.person_titles, lex.win_verbs,
                  lex.win_nouns, lex.beat_verbs, lex.presenter_verbs, lex.host_nouns, lex.work_nouns):
        words.update(w.lower() for w in group if " " not in w)
    return frozenset(words)


def _has_cue(words: Iterable[str]) -> bool:
    cues = _cue_words()
    for w in words:
        w = w.lower()
        if w in cues:
            return True
        for ending in ("s", "es", "d", "ed", "ing"):  # said, wins, hosted, presenting
            if w.endswith(ending) and (w[: -len(ending)] in cues or w[: -len(ending)] + "e" in cues):
                return True
    return False


def _paragraph_is_cold(text: str, start: int, end: int) -> bool:
    """Nothing a fact is made of: no digit, no quote mark, no capital but at a
    sentence start, no award or reporting word, no pronoun."""
    part = text[start:end]
    if any(ch.isdigit() or ch in "\"\u201c\u201d\u00ab\u00bb\u201e'\u2018\u2019:" for ch in part):
        return False
    sentence_start = True
    words = []
    for m in _WORD.finditer(part):
        word = m.group()
        if word[0].isupper() and not sentence_start:
            return False
        words.append(word)
        tail = part[m.end() : m.end() + 2]
        sentence_start = bool(tail) and tail[0] in ".!?"
    return not _has_cue(words)


def cold_spans(text: str, quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` that need no parse, as sorted ``(start, end)``.

    ``quotes`` are the (start, end) of the said words of every quote. A
    sentence of a quote is cold when no word outside the quote shares its
    sentence; a paragraph is cold when ``_paragraph_is_cold``.
    """
    cold: list[tuple[int, int]] = []
    for start, end in quotes:
        cuts = [start] + [m.end() for m in _SENTENCE_BREAK.finditer(text, start, end)] + [end]
        for i in range(len(cuts) - 1):
            lo, hi = cuts[i], cuts[i + 1]
            if i == 0 and _words_before(text, lo):
                continue  # `She said: "It ...`: the sentence holds its attribution
            if i == len(cuts) - 2 and _words_after(text, hi):
                continue  # `... it," she said.`
            cold.append((lo, hi))
    at = 0
    for line in text.splitlines(keepends=True):
        if _paragraph_is_cold(text, at, at + len(line)):
            cold.append((at, at + len(line)))
        at += len(line)
    return _merge(_snap(text, s, e) for s, e in cold)


def _words_before(text: str, at: int) -> bool:
    """Letters between the sentence start before ``at`` and ``at``."""
    i = at - 1
    while i >= 0 and text[i] not in ".!?\n":
        if text[i].isalpha():
            return True
        i -= 1
    return False


def _words_after(text: str, at: int) -> bool:
    """Letters between ``at`` and the end of its sentence (the closing mark and beyond)."""
    i, n = at, len(text)
    while i < n and text[i] not in ".!?\n":
        if text[i].isalpha():
            return True
        i += 1
    return False


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to cut points: a cut falls where whitespace ends (or at a text end).

    The start moves back over the quote marks and brackets before it; the end
    moves on over the rest of the sentence's marks and the whitespace after.
    """
    while start > 0 and not text[start - 1].isspace() and not text[start - 1].isalnum():
        start -= 1
    if start > 0 and not text[start - 1].isspace():
        return (0, 0)  # glued to a word before it: leave it in its sentence
    n = len(text)
    if end == n or (end > start and text[end - 1].isspace()):
        return start, end  # already where whitespace ends
    while end < n and not text[end].isspace() and not text[end].isalnum():
        end += 1
    if end < n and not text[end].isspace():
        return (0, 0)
    while end < n and text[end].isspace():
        end += 1
    return start, end


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if e - s >= MIN_COLD]


def pieces(text: str, cold: Sequence[tuple[int, int]], *, max_piece: int | None = None) -> list[tuple[int, int, bool]]:
    """``text`` cut into ``(start, end, parse)`` pieces that cover it in order,
    none longer than ``max_piece`` (default ``MAX_PIECE``)."""
    max_piece = max_piece or MAX_PIECE
    out: list[tuple[int, int, bool]] = []
    at = 0
    for s, e in cold:
        if s > at:
            out += [(a, b, True) for a, b in _split(text, at, s, max_piece)]
        out += [(a, b, False) for a, b in _split(text, s, e, max_piece)]
        at = e
    if at < len(text) or not out:
        out += [(a, b, True) for a, b in _split(text, at, len(text), max_piece)]
    return out


def _split(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """[start, end) in stretches of at most ``limit`` characters, cut at the last
    line break, else sentence end, else whitespace before the limit."""
    out = []
    while end - start > limit:
        cut = None
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(text, start + limit // 2, start + limit)]
            found = [c for c in found if c < end and not text[c].isspace()]
            if found:
                cut = found[-1]
                break
        if cut is None:
            cut = start + limit  # one word of `limit` characters: cut it
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def plan(text: str, quotes: Sequence[tuple[int, int]] = (), *, gate: bool = True,
         max_piece: int | None = None) -> list[tuple[int, int, bool]]:
    """How ``text`` will be parsed: ``(start, end, parse)`` pieces covering it."""
    return pieces(text, cold_spans(text, quotes) if gate else [], max_piece=max_piece)


def parse(nlp: Language, text: str, quotes: Sequence[tuple[int, int]] = (), *, gate: bool = True) -> Doc:
    """One Doc over ``text``: the full pipeline on the pieces that can hold a fact.

    With ``gate=False`` every piece is parsed (still in pieces when the text is
    longer than ``MAX_PIECE``).
    """
    cut = plan(text, quotes, gate=gate, max_piece=min(MAX_PIECE, nlp.max_length))
    return next(parse_many(nlp, [(text, cut)]))


def parse_many(
    nlp: Language, planned: Sequence[tuple[str, list[tuple[int, int, bool]]]], *, batch_size: int = 64
) -> Iterator[Doc]:
    """A Doc for each ``(text, plan)``, in order; the pieces of all the texts go
    through the pipeline together, in batches."""
    hot = nlp.pipe((text[s:e] for text, cut in planned for s, e, parse_it in cut if parse_it),
                   batch_size=batch_size)
    for text, cut in planned:
        docs = [next(hot) if parse_it else _unparsed(nlp, text[s:e]) for s, e, parse_it in cut]
        if len(docs) == 1:
            yield docs[0]
            continue
        doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
        if doc.text != text:  # cannot happen when pieces are cut at whitespace; never return a wrong Doc
            raise AssertionError("gated parse changed the text")
        yield doc


def _unparsed(nlp: Language, text: str) -> Doc:
    """Tokens only, with a sentence at each line and after each full stop."""
    tokens = nlp.make_doc(text)
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    heads: list[int] = []
    deps: list[str] = []
    root = 0
    for i, tok in enumerate(tokens):
        starts = i == 0 or (not tok.is_space and _ends_sentence(tokens[i - 1]))
        if starts:
            root = i
            heads.append(i)
            deps.append("ROOT")
        else:
            heads.append(root)
            deps.append("dep")
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)


def _ends_sentence(tok) -> bool:
    return "\n" in tok.text_with_ws or tok.text in (".", "!", "?", "\u2026")
