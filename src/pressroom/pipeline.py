"""One document in, one DocumentResult out: the per-document function every
engine runs."""
from __future__ import annotations

from spacy.language import Language

from .extract.quotes import find_candidates
from .extract.setting import setting_of
from .extract.speakers import Speakers
from .records import Document, DocumentResult, Quote

_CONFIDENCE = {"after": 0.95, "before": 0.9, "dash": 0.95, "list": 0.95, "colon": 0.85,
               "embedded": 0.75, "previous": 0.8, "focus": 0.55, "none": 0.3}


def extract_document(document: Document, nlp: Language) -> DocumentResult:
    """Extract the facts of one document with the given spaCy pipeline."""
    text = document.text
    candidates, titles = find_candidates(text)
    doc = nlp(text)
    speakers = Speakers(doc, candidates, titles)
    attributions = speakers.attribute()
    quotes = []
    for cand, att in zip(candidates, attributions):
        quotes.append(
            Quote(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                speaker=att.speaker,
                speaker_start=att.start,
                speaker_end=att.end,
                cue=att.cue,
                setting=_setting(text, cand, att),
                confidence=_CONFIDENCE.get(att.cue, 0.5) if att.speaker else 0.0,
            )
        )
    people = tuple(sorted(speakers.people.persons))
    return DocumentResult(document=document, quotes=tuple(quotes), people=people)


def _setting(text: str, cand, att) -> str:
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line_end = len(text) if line_end < 0 else line_end
    close = cand.close_at if cand.close_at is not None else cand.end
    near = text[max(line_start, cand.open_at - 80) : cand.open_at] + " " + text[close + 1 : min(line_end, close + 80)]
    if att.start is not None:
        near = text[max(0, att.start - 40) : att.end + 60] + " " + near
    return setting_of(near, text[line_start:line_end], text[:200])
