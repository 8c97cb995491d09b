"""pressroom's own spaCy components, registered with ``Language.factory``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

LINE_BREAKS = "pressroom_line_breaks"


@Language.factory(LINE_BREAKS)
def make_line_breaks(nlp: Language, name: str) -> "LineBreaks":
    return LineBreaks()


class LineBreaks:
    """Start a sentence after every line break.

    Headlines, list items, captions and live-blog entries end without a full
    stop; the parser must not run them into the next line.
    """

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if "\n" in tok.text_with_ws and (tok.is_space or tok.whitespace_ or tok.text.endswith("\n")):
                nxt = doc[tok.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
            elif tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc
