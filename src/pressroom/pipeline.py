"""One document in, one DocumentResult out: the per-document function every
engine runs."""
from __future__ import annotations

from spacy.language import Language

from .extract.awards import Awards
from .extract.ceremony import detect_ceremony
from .extract.hosts import find_hosts
from .extract.quotes import Candidate, find_candidates
from .extract.setting import setting_of
from .extract.speakers import Attribution, Speakers
from .extract.timeline import build_timeline
from .records import Ceremony, Document, DocumentResult, Quote

DEFAULT_CEREMONY = "golden_globes"
_CONFIDENCE = {"after": 0.95, "before": 0.9, "dash": 0.95, "list": 0.95, "colon": 0.85,
               "embedded": 0.75, "previous": 0.8, "focus": 0.55, "none": 0.3}


def extract_document(
    document: Document, nlp: Language, *, ceremony: str | None = None, year: int | None = None
) -> DocumentResult:
    """Extract the facts of one document with the given spaCy pipeline.

    ``ceremony`` (a knowledge file stem or alias) and ``year`` override what
    the document itself says.
    """
    text = document.text
    guess = detect_ceremony(text, title=document.title, path=document.path, ceremony=ceremony, year=year)
    candidates, titles = find_candidates(text)
    doc = nlp(text)
    speakers = Speakers(doc, candidates, titles)
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
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line_end = len(text) if line_end < 0 else line_end
    close = cand.close_at if cand.close_at is not None else cand.end
    near = text[max(line_start, cand.open_at - 80) : cand.open_at] + " " + text[close + 1 : min(line_end, close + 80)]
    if att.start is not None:
        near = text[max(0, att.start - 40) : (att.end or att.start) + 60] + " " + near
    return setting_of(near, text[line_start:line_end], text[:200])
