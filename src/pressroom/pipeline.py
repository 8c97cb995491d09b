"""Documents in, DocumentResults out: the function every engine runs.

A batch is read in three steps: what the raw text says (ceremony, quote
marks, which pieces need a parse), one pass of the spaCy pipeline over the
pieces of the whole batch, then what the parse says (speakers, awards, hosts,
timeline).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .extract.awards import Awards
from .extract.ceremony import CeremonyGuess, detect_ceremony
from .extract.hosts import find_hosts
from .extract.quotes import Candidate, find_candidates
from .extract.setting import setting_of
from .extract.speakers import Attribution, Speakers
from .extract.timeline import build_timeline
from .nlp.gate import MAX_PIECE, parse_many, plan
from .records import Ceremony, Document, DocumentResult, Quote

DEFAULT_CEREMONY = "golden_globes"
_LINE_REACH = 2000  # characters of a quote's line read for its setting (lines can be megabytes)
_CONFIDENCE = {"after": 0.95, "before": 0.9, "dash": 0.95, "list": 0.95, "colon": 0.85,
               "embedded": 0.75, "previous": 0.8, "focus": 0.55, "none": 0.3}


def extract_document(
    document: Document, nlp: Language, *, ceremony: str | None = None, year: int | None = None,
    gate: bool = True,
) -> DocumentResult:
    """Extract the facts of one document with the given spaCy pipeline.

    ``ceremony`` (a knowledge file stem or alias) and ``year`` override what
    the document itself says. ``gate=False`` parses every sentence, even those
    wholly inside a quote (see ``nlp.gate``).
    """
    [(_, outcome)] = extract_documents([document], nlp, ceremony=ceremony, year=year, gate=gate)
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def extract_documents(
    documents: Sequence[Document], nlp: Language, *, ceremony: str | None = None, year: int | None = None,
    gate: bool = True,
) -> list[tuple[Document, DocumentResult | Exception]]:
    """Extract a batch of documents, parsing their pieces together.

    Each document comes back with its result, or with the exception that
    stopped it: one bad document never costs the others theirs.
    """
    ready: list[tuple[Document, _Prepared]] = []
    out: dict[int, DocumentResult | Exception] = {}
    max_piece = min(MAX_PIECE, nlp.max_length)
    for i, document in enumerate(documents):
        try:
            ready.append((document, _prepare(document, ceremony=ceremony, year=year, gate=gate, max_piece=max_piece)))
        except Exception as exc:  # noqa: BLE001 - reported with the document
            out[i] = exc
    try:
        docs = list(parse_many(nlp, [(d.text, p.plan) for d, p in ready]))
    except Exception:  # one text broke the batch's parse: parse them one by one
        docs = []
        for d, p in ready:
            try:
                docs.append(next(parse_many(nlp, [(d.text, p.plan)])))
            except Exception as exc:  # noqa: BLE001
                docs.append(exc)
    finished = iter(zip(ready, docs))
    for i, document in enumerate(documents):
        if i in out:
            continue
        (_, prepared), doc = next(finished)
        if isinstance(doc, Exception):
            out[i] = doc
            continue
        try:
            out[i] = _finish(document, prepared, doc)
        except Exception as exc:  # noqa: BLE001
            out[i] = exc
    return [(d, out[i]) for i, d in enumerate(documents)]


@dataclass(frozen=True, slots=True)
class _Prepared:
    guess: CeremonyGuess
    candidates: list[Candidate]
    titles: list[tuple[int, int]]
    plan: list[tuple[int, int, bool]]


def _prepare(document: Document, *, ceremony: str | None, year: int | None, gate: bool, max_piece: int) -> _Prepared:
    """Everything read from the raw text before the parse."""
    text = document.text
    guess = detect_ceremony(text, title=document.title, path=document.path, ceremony=ceremony, year=year)
    candidates, titles = find_candidates(text)
    quotes = [(c.start, c.end) for c in candidates]
    return _Prepared(guess, candidates, titles, plan(text, quotes, gate=gate, max_piece=max_piece))


def _finish(document: Document, prepared: _Prepared, doc: Doc) -> DocumentResult:
    """Everything read from the parse."""
    text = document.text
    guess, candidates = prepared.guess, prepared.candidates
    speakers = Speakers(doc, candidates, prepared.titles)
    attributions = speakers.attribute()
    quotes = tuple(_quote(text, c, a) for c, a in zip(candidates, attributions))
    hosts = tuple(find_hosts(speakers, year=guess.year))
    awards = tuple(Awards(speakers, ceremony=guess.key or DEFAULT_CEREMONY, year=guess.year).extract())
    names = [(m.start, m.end, m.person) for m in speakers.mentions if m.kind == "name" and m.person]
    timeline, quotes, awards = build_timeline(text, quotes, awards, names)
    found = Ceremony(guess.name, guess.year, guess.key, guess.edition) if guess.name else None
    return DocumentResult(
        document=document, quotes=quotes, people=tuple(sorted(speakers.people.persons)),
        ceremony=found, hosts=hosts, awards=awards, timeline=timeline,
    )


def _quote(text: str, cand: Candidate, att: Attribution) -> Quote:
    return Quote(
        text=text[cand.start : cand.end], start=cand.start, end=cand.end, speaker=att.speaker,
        speaker_start=att.start, speaker_end=att.end, cue=att.cue, setting=_setting(text, cand, att),
        confidence=_CONFIDENCE.get(att.cue, 0.5) if att.speaker else 0.0,
    )


def _setting(text: str, cand: Candidate, att: Attribution) -> str:
    # the quote's line, but no more than _LINE_REACH characters either side of it
    low = max(0, cand.start - _LINE_REACH)
    line_start = max(text.rfind("\n", low, cand.start) + 1, low)
    high = min(len(text), cand.end + _LINE_REACH)
    line_end = text.find("\n", cand.end, high)
    line_end = high if line_end < 0 else line_end
    close = cand.close_at if cand.close_at is not None else cand.end
    near = text[max(line_start, cand.open_at - 80) : cand.open_at] + " " + text[close + 1 : min(line_end, close + 80)]
    if att.start is not None:
        near = text[max(0, att.start - 40) : (att.end or att.start) + 60] + " " + near
    return setting_of(near, text[line_start:line_end], text[:200])
