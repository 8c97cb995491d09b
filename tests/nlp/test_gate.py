"""Gated parsing: which stretches skip the parser, that the Doc still covers the
text exactly, and that the facts read from a gated parse are the full parse's."""
from __future__ import annotations

import pytest

from pressroom.documents import read_text
from pressroom.extract.quotes import find_candidates
from pressroom.nlp.gate import MIN_COLD, cold_spans, parse, pieces, plan
from pressroom.pipeline import extract_document, extract_documents

ROUNDUP = (
    "Backstage at the 2025 Golden Globes\n\n"
    "Talia Brennock won Best Actress in a Motion Picture - Drama for \"The Salt Road\".\n\n"
    "\"We shot the last scene in one take because the boat was sinking. Nobody on the crew "
    "would get back in the water after that day. I still dream about the cold,\" Brennock said backstage.\n\n"
    "\"I called my mother from the parking lot. She had already heard it on the radio and was "
    "more excited about the dress than the award.\"\n\n"
    "the evening went on and the room grew quiet as the lights dimmed for the next segment began\n\n"
    "Dorian Vasque, who presented the award, said: \"She earned every minute of it. The whole room knew it.\"\n"
)


def _quotes(text: str) -> list[tuple[int, int]]:
    candidates, _ = find_candidates(text)
    return [(c.start, c.end) for c in candidates]


def test_inner_quote_sentences_and_empty_paragraphs_are_cold():
    cold = cold_spans(ROUNDUP, _quotes(ROUNDUP))
    cold_text = "".join(ROUNDUP[s:e] for s, e in cold)
    assert "We shot the last scene" in cold_text  # a quote's own sentence, no attribution in it
    assert "I called my mother" in cold_text and "more excited about the dress" in cold_text
    assert "the room grew quiet" in cold_text  # nothing a fact is made of
    for kept in ("Brennock said backstage", "Talia Brennock won", "Dorian Vasque, who presented",
                 "The whole room knew it", "I still dream about the cold"):
        assert kept not in cold_text, kept
    assert all(e - s >= MIN_COLD for s, e in cold)


@pytest.mark.parametrize("text", [ROUNDUP, "", "   \n\n", "one line", "\"Quote only.\"", "x " * 60_000])
def test_pieces_cover_the_text_in_order(text):
    cut = pieces(text, cold_spans(text, _quotes(text)), max_piece=5_000)
    assert "".join(text[s:e] for s, e, _ in cut) == text
    assert all(a[1] == b[0] for a, b in zip(cut, cut[1:]))
    assert all(e - s <= 5_000 for s, e, _ in cut)


def test_gated_doc_covers_the_text_and_parses_the_hot_pieces(nlp):
    doc = parse(nlp, ROUNDUP, _quotes(ROUNDUP))
    assert doc.text == ROUNDUP
    said = next(t for t in doc if t.text == "said" and doc[t.i - 1].text == "Brennock")
    assert said.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in said.children)
    unparsed = next(t for t in doc if t.text == "boat")
    assert unparsed.pos_ == "" and unparsed.ent_type_ == ""
    assert all(len(list(s)) for s in doc.sents)


def test_long_text_is_parsed_in_pieces(nlp, monkeypatch):
    import pressroom.nlp.gate as gate

    monkeypatch.setattr(nlp, "max_length", 30_000)  # spaCy refuses longer texts
    monkeypatch.setattr(gate, "MAX_PIECE", 20_000)
    text = "Mara Quill thanked the crew. " * 2_500 + "x" * 25_000 + " end"  # and one 25,000-letter word
    assert len(text) > nlp.max_length
    doc = parse(nlp, text, [])
    assert doc.text == text and doc[0].ent_type_ == "PERSON"
    assert any(t.text == "end" for t in doc[-2:])


def test_gated_and_full_parse_give_the_same_facts(nlp):
    gated = extract_document(read_text(ROUNDUP, id="r"), nlp)
    full = extract_document(read_text(ROUNDUP, id="r"), nlp, gate=False)
    assert gated.to_json() == full.to_json()
    assert {q.speaker for q in gated.quotes} == {"Talia Brennock", "Dorian Vasque"}


def test_a_batch_gives_what_one_by_one_gives_and_keeps_failures_apart(nlp, monkeypatch):
    docs = [read_text(t, id=f"d{i}") for i, t in enumerate([ROUNDUP, "Short note.", ROUNDUP[:300]])]
    one = [extract_document(d, nlp).to_json() for d in docs]
    batch = extract_documents(docs, nlp)
    assert [d.id for d, _ in batch] == ["d0", "d1", "d2"]
    assert [r.to_json() for _, r in batch] == one

    import pressroom.pipeline as pipeline

    real = pipeline._finish

    def broken(document, prepared, doc):
        if document.id == "d1":
            raise RuntimeError("boom")
        return real(document, prepared, doc)

    monkeypatch.setattr(pipeline, "_finish", broken)
    out = extract_documents(docs, nlp)
    assert isinstance(out[1][1], RuntimeError)
    assert [r.to_json() for i, (_, r) in enumerate(out) if i != 1] == [one[0], one[2]]


def test_plan_without_gate_is_one_piece():
    assert plan(ROUNDUP, _quotes(ROUNDUP), gate=False) == [(0, len(ROUNDUP), True)]
