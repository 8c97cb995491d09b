"""Nominees: the people and works a category's winner beat, or who lost it.

"X beat A, B and C", "won best drama over A, B, and C", "a race between A and
B for C", "X, up for best actor", "X is nominated for C", "best actor nominee
X", "fellow nominee X"; "X didn't win C" and "X was also a contender in the
category"; "Her film beat the likes of A and B" in a sentence after the award.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..records import Mention
from .claims import _Claim, _Reader, _first_of, _fold, _line_end
from .winners_text import _governor


class Nominees(_Reader):
    """Adds the nominees of each claim."""

    def _nominees_in(self, claim: _Claim, sent: Span, verb: Token | None) -> None:
        lex = self.lex
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma in lex.beat_verbs and tok.pos_ == "VERB":
                objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
                objs += [g for c in tok.children if c.dep_ in ("prt", "prep") for g in c.children if g.dep_ in ("pobj", "dobj")]
                for o in objs:
                    self._add_list(claim, o)
            if tok.lower_ == "over" and tok.dep_ == "prep" and tok.idx > claim.mention.start and (
                tok.head.lemma_.lower() in lex.win_verbs or any(t.lemma_.lower() in lex.win_verbs for t in sent)
                or claim.winner is not None or any(t.lower_ == "winner" for t in sent)
            ):
                for o in tok.children:
                    if o.dep_ == "pobj":
                        self._add_list(claim, o)
                colon = self.text.find(":", tok.idx, sent.end_char)
                if colon > 0:
                    self._add_names_between(claim, colon + 1, sent.end_char)
            if lemma == "nominee" and tok.i + 1 < len(self.doc):
                m = self.ctx.mention_in(tok.idx + len(tok), tok.idx + len(tok) + 40)
                if m is not None and m.kind == "name" and m.person and m.person != claim.winner:
                    if "fellow" in (c.lower_ for c in tok.children) or tok.dep_ == "compound":
                        claim.nominees.append(Mention(m.person, m.start, m.end))

    def _add_list(self, claim: _Claim, head: Token) -> None:
        members = [head] + [c for c in head.subtree if c.dep_ == "conj"]
        for t in members:
            if claim.kind == "title":
                title = self.works.overlapping(t.idx, t.idx + len(t)) or self.works.at(t.left_edge.idx, commas=False)
                if title is not None and title.text != claim.winner and not self.people.is_person(title.text):
                    claim.nominees.append(Mention(title.text, title.start, title.end))
            else:
                found = self._entity(claim, t)
                if found is not None and found[0] != claim.winner:
                    claim.nominees.append(Mention(found[0], *found[1]))

    def _add_names_between(self, claim: _Claim, start: int, end: int) -> None:
        for m in self.ctx.mentions:
            if start <= m.start < end and m.kind == "name" and m.person and m.person != claim.winner:
                bracketed = self.text.rfind("(", start, m.start) > self.text.rfind(")", start, m.start)
                if claim.kind == "person" and not bracketed:
                    claim.nominees.append(Mention(m.person, m.start, m.end))
        if claim.kind == "title":
            pos = start
            while pos < end:
                title = self.works.at(pos)
                if title is None or title.end > end + 1:
                    break
                if title.text != claim.winner:
                    claim.nominees.append(Mention(title.text, title.start, title.end))
                pos = title.end + 1
                while pos < end and self.text[pos] in " ,;" or self.text[pos : pos + 4] == "and ":
                    pos += 4 if self.text[pos : pos + 4] == "and " else 1

    def _losers(self, claims: list[_Claim]) -> None:
        """ "X didn't win C" and "X was also a contender in the category": nominees who lost."""
        for c in claims:
            span = self.doc.char_span(c.mention.start, c.mention.end, alignment_mode="expand")
            if span is None:
                continue
            verb, _ = _governor(span.root)
            if verb is not None and verb.lemma_.lower() == "win" and any(ch.dep_ == "neg" for ch in verb.children):
                subj = self.ctx._subject_of(verb)
                found = self._entity(c, subj) if subj is not None else None
                if found is None and subj is not None and subj.lower_ == "it":
                    title = self._last_title_before(subj.idx)
                    found = (title.text, (title.start, title.end)) if title else None
                if found is not None and found[0] != c.winner:
                    c.nominees.append(Mention(found[0], *found[1]))
        for sent in self.doc.sents:
            if not re.search(r"\b(?:contender|nominee|also-ran)s?\s+in\s+(?:the|that|this)\s+category\b", sent.text, re.I):
                continue
            before = [c for c in claims if c.mention.end <= sent.start_char
                      and not _crosses_paragraph(self.text, c.mention.end, sent.start_char)]
            subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass")), None)
            if before and subj is not None:
                found = self._entity(before[-1], subj)
                if found is not None and found[0] != before[-1].winner:
                    before[-1].nominees.append(Mention(found[0], *found[1]))

    def _over_list(self, claim: _Claim) -> None:
        """ "won best drama over A, B, and C": the list after "over", read from the text
        (the parser often takes a title like "Call Me Tomorrow" for a verb)."""
        text, m = self.text, claim.mention
        over = re.match(r"\s+over\s+(?:(?:formidable|stiff|tough|strong)\s+competition\s*:\s*)?", text[m.end : m.end + 60])
        if over is None or not claim.winner:
            return
        pos, end = m.end + over.end(), text.find(".", m.end + over.end())
        end = len(text) if end < 0 else end
        line_end = _line_end(text, pos)
        end = min(end if not re.match(r"\w", text[end + 1 : end + 2] or " ") else line_end, line_end)
        while pos < end:
            item_end = _first_of(text, pos, end, (", ", " and ", " (", ";"))
            if claim.kind == "title":
                t = self.works.at(pos, commas=False)
                if t is not None and t.end <= item_end + 1 and _fold(t.text) != _fold(claim.winner):
                    claim.nominees.append(Mention(t.text, t.start, t.end))
            else:
                x = self.ctx.mention_in(pos, pos + 3)
                if x is not None and x.kind == "name" and x.person and x.person != claim.winner:
                    claim.nominees.append(Mention(x.person, x.start, x.end))
            if text.startswith(" (", item_end):
                item_end = text.find(")", item_end)
                if item_end < 0:
                    break
                item_end += 1
            nxt = re.match(r"\s*(?:,\s*)?(?:and\s+)?", text[item_end:end])
            if nxt is None or nxt.end() == 0:
                break
            pos = item_end + nxt.end()

    def _beaten_later(self, claims: list[_Claim]) -> None:
        """ "Her film beat the likes of A and B": a sentence that names no category beats
        the nominees of the award its paragraph has just told."""
        for sent in self.doc.sents:
            if any(sent.start_char <= c.mention.start < sent.end_char for c in claims):
                continue
            beat = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in self.lex.beat_verbs]
            if not beat:
                continue
            before = [c for c in claims if c.winner and c.mention.end <= sent.start_char
                      and not _crosses_paragraph(self.text, c.mention.end, sent.start_char)]
            if before:
                self._nominees_in(before[-1], sent, None)

    def _nominations(self, claims: list[_Claim]) -> None:
        """ "X, up for best actor", "X is nominated for C", "a race between A and B for C"."""
        for c in claims:
            span = self.doc.char_span(c.mention.start, c.mention.end, alignment_mode="expand")
            if span is None:
                continue
            self._nominees_in(c, span.sent, None)
            self._over_list(c)
            root = span.root
            while root.dep_ == "conj" and root.head is not root:
                root = root.head  # "up for best actor ... and best director"
            head = root.head
            if head.lower_ == "for" and head.head.lower_ in ("up", "nominated", "nominee", "nomination", "nominations", "contention", "running"):
                target = head.head
                if target.lower_ == "up":
                    target = target.head  # "X, up for best actor": "up" hangs on X
                elif target.pos_ == "VERB" or target.lower_ == "nominated":
                    target = self.ctx._subject_of(target) or target.head
                found = self._entity(c, target)
                if found is not None and found[0] != c.winner:
                    c.nominees.append(Mention(found[0], *found[1]))
            if head.lower_ == "over" or any(t.lower_ == "between" for t in span.sent):
                for t in span.sent:
                    if t.lower_ == "between" and t.dep_ == "prep":
                        for o in t.children:
                            if o.dep_ == "pobj":
                                self._add_list(c, o)

    def _nominee_or_presenter_only(self, claim: _Claim) -> None:
        """A category named with nominees ("best actor nominee X") and no winner."""
        m = claim.mention
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return
        after = self.doc[span.end : span.end + 2]
        if len(after) and after[0].lemma_.lower() == "nominee":
            found = self.ctx.mention_in(after[0].idx + len(after[0]), after[0].idx + len(after[0]) + 40)
            if found is not None and found.kind == "name" and found.person:
                claim.nominees.append(Mention(found.person, found.start, found.end))


def _crosses_paragraph(text: str, start: int, end: int) -> bool:
    return "\n" in text[start:end].strip()
