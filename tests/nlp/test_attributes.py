"""The table-lookup attribute ruler gives exactly the model's own ruler's annotation."""
from __future__ import annotations

import spacy

import pressroom.nlp
from pressroom.nlp.attributes import FAST_RULER, FastAttributeRuler

# Written for this test: the ruler's tag map, its lemma exceptions and its
# two-token patterns ("gonna", "ain't", "let's", "y'all", "there is").
TEXT = """Ysolde Harrowgate ain't gonna stop now, she said. "Let's go, y'all!"
There is a party at the Beverly Hilton, and there were three of them. I'd've gotta say
he wasn't sure: "C'mon, it's only 9:30 p.m. and we're gonna win," Pell Oakes laughed.
The 82nd Golden Globes honored 27 films; its hosts were funnier than theirs.
"""


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_same_annotation_as_the_models_ruler(nlp):
    assert FAST_RULER in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    name, _ = pressroom.nlp.resolve_model(None)
    model = spacy.load(name)
    model.add_pipe(pressroom.nlp.components.LINE_BREAKS, before="parser")
    texts = [TEXT, TEXT.lower(), TEXT.upper(), "  \n\t ", "ain't"]
    for ours, theirs in zip(nlp.pipe(texts), model.pipe(texts)):
        assert _annotations(ours) == _annotations(theirs)


def test_unreadable_patterns_leave_the_ruler_in_place(nlp):
    model = spacy.blank("en")
    ruler = model.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gala", "OP": "+"}]], {"POS": "NOUN"})
    assert FastAttributeRuler.from_ruler(ruler, model.vocab) is None
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    assert FastAttributeRuler.from_ruler(ruler2, model.vocab) is None
