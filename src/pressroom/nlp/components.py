"""pressroom's own spaCy components, registered with ``Language.factory``."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# "9:42 p.m. ET:", "8:01pm -", "[9.31pm]" at the head of a live-blog line
TIMESTAMP = re.compile(
    r"(?m)^[ \t]*[\[(]?\d{1,2}[:.]\d{2}(?:[ \t]*[aApP]\.?[ \t]?[mM]\.?)?(?:[ \t]*[A-Z]{2,4}\b)?[\])]?[ \t]*[:\u2013\u2014-]?[ \t]*"
)

LINE_BREAKS = "pressroom_line_breaks"


@Language.factory(LINE_BREAKS)
def make_line_breaks(nlp: Language, name: str) -> "LineBreaks":
    return LineBreaks()


class LineBreaks:
    """Start a sentence after every line break and after a live-blog timestamp.

    Headlines, list items, captions and live-blog entries end without a full
    stop; the parser must not run them into the next line, nor read
    "9:42 p.m. ET:" as the subject of the entry.
    """

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if "\n" in tok.text_with_ws and (tok.is_space or tok.whitespace_ or tok.text.endswith("\n")):
                nxt = doc[tok.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
            elif tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        for m in TIMESTAMP.finditer(doc.text):
            if m.end() > m.start() and m.end() < len(doc.text):
                nxt = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
                if nxt is not None and nxt[0].idx >= m.end() - 1 and nxt[0].i > 0:
                    nxt[0].is_sent_start = True  # the entry's words are a sentence of their own
        return doc
