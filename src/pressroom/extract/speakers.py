"""Who said each quote.

Attribution is tried in the order a reader uses it:
1. after the quote, in the same sentence: `," Okafor said`, `," said Lindqvist`,
   `" – Name`, `," the actor said`, `," Okafor.` (live-blog shorthand);
2. before it: `Whitfield said, "`, `she added: "`, `Lindqvist to Okafor: "`,
   `Her speech ended with this line: "`;
3. the sentence the quote sits in: `Okafor thanked her "fearless" director`
   (the subject of the speaking verb above the quote);
4. the previous quote of the paragraph, when nobody else took the floor;
5. the person in focus (the subject of recent sentences), as for a quote in a
   paragraph about one person.
An attribution that names no one ("wrote an X user", "critics called it")
gives no speaker: we do not guess.

``Speakers`` builds on ``DocumentPeople`` (mentions.py: the people and
mentions of the document, and what a pronoun refers to), itself built on
``DocumentLayout`` (layout.py: paragraphs and reading order). This module
finds where each quote's speaker is written and decides who it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..resolve import Mention
from .mentions import DocumentPeople
from .quotes import Candidate

FIRST_SECOND = {"i", "me", "my", "we", "us", "our", "you", "your", "myself", "ourselves"}
_DASHES = {"\u2014", "\u2013", "-", "--", "\u2015"}
DOUBLE_MARKS = set('"\u201c\u201d\u201e\u201f\u00ab\u00bb')


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    start: int | None  # the mention that decided it
    end: int | None
    cue: str  # after, before, colon, dash, embedded, previous, focus, list, none


@dataclass
class _Expr:
    """What an attribution slot holds: a mention, a name, nobody, or the focus."""

    kind: str  # "mention", "none", "focus", "topic"
    mention: Mention | None = None


class Speakers(DocumentPeople):
    """Attributes every quote of one parsed document."""

    def __init__(self, doc: Doc, quotes: list[Candidate], titles: list[tuple[int, int]] = ()) -> None:
        self.quotes = quotes
        super().__init__(doc, [(q.start, q.end) for q in quotes], titles)

    # -- deciding who spoke ----------------------------------------------------
    def attribute(self) -> list[Attribution]:
        """The speaker of every quote, in the order of ``quotes``."""
        plans = [self._plan(k, q) for k, q in enumerate(self.quotes)]
        events: list[tuple[int, int, int]] = [(m.rank, 0, k) for k, m in enumerate(self.mentions)]
        for k, (q, (expr, cue)) in enumerate(zip(self.quotes, plans)):
            end = q.close_at if q.close_at is not None else q.end
            if expr is not None and expr.mention is not None:
                end = max(end, expr.mention.end)
            events.append((self.rank(end), 1, k))
        events.sort()
        self._known = []  # person, salience, sentence, paragraph, gender, rank
        results: dict[int, Attribution] = {}
        for _, kind, k in events:
            if kind == 0:
                m = self.mentions[k]
                if not m.resolved:
                    m.person = self._resolve(m)
                    m.resolved = True
                if m.person:
                    self._known.append((m.person, m.salience, m.sentence, m.paragraph, self.people.gender(m.person), m.rank))
            else:
                att = self._decide(k, *plans[k], results)
                results[k] = att
                if att.speaker:
                    q = self.quotes[k]
                    self._known.append(
                        (att.speaker, 3.0, self.sentence_rank(q.start), self._para_rank.get(self.para_of(q.start), 0),
                         self.people.gender(att.speaker), self.rank(q.start))
                    )
        return [results[k] for k in range(len(self.quotes))]
    def _decide(self, k: int, expr: _Expr | None, cue: str, done: dict[int, Attribution]) -> Attribution:
        q = self.quotes[k]
        if expr is not None:
            if expr.kind == "none":
                return Attribution(None, None, None, cue)
            if expr.kind == "focus" and expr.mention is not None:
                return Attribution(self._focus(expr.mention.start), None, None, "focus")
            if expr.kind == "mention" and expr.mention is not None:
                m = expr.mention
                if not m.resolved:
                    m.person = self._resolve(m)
                    m.resolved = True
                return Attribution(m.person, m.start, m.end, cue)
            if expr.kind == "topic":
                para = self._para_starts[self.para_of(q.start)]
                return Attribution(self._focus(para), None, None, "focus")
            return Attribution(self._focus(q.open_at), None, None, "focus")
        prev = self._previous_in_paragraph(k, done)
        if prev is not None:
            if prev.start is not None and prev.end is not None and prev.start < q.end and prev.end > q.start:
                # the mention that named the previous speaker lies in this quote's words:
                # the speaker carries over, that mention is not where this quote says so
                return Attribution(prev.speaker, None, None, "previous")
            return Attribution(prev.speaker, prev.start, prev.end, "previous")
        return Attribution(self._focus(q.open_at), None, None, "focus")

    def _previous_in_paragraph(self, k: int, done: dict[int, Attribution]) -> Attribution | None:
        if k == 0 or k - 1 not in done:
            return None
        q, p = self.quotes[k], self.quotes[k - 1]
        if self.para_of(p.start) != self.para_of(q.start) or done[k - 1].speaker is None:
            return None
        gap_end = q.open_at
        gap_start = (p.close_at if p.close_at is not None else p.end) + 1
        for m in self.mentions_starting(gap_start, gap_end):
            if m.kind == "name" and m.salience >= 2 and m.person != done[k - 1].speaker:
                return None  # somebody else took the floor in between
        return done[k - 1]

    # -- where the speaker is written ----------------------------------------
    def _plan(self, k: int, q: Candidate) -> tuple[_Expr | None, str]:
        if q.layout == "list" and q.speaker_text:
            m = self.mention_in(q.speaker_start or 0, q.speaker_end or 0) or self._adhoc(
                q.speaker_text, q.speaker_start or 0, q.speaker_end or 0
            )
            return (_Expr("mention", m) if m else None), "list"
        for finder, cue in ((self._after, "after"), (self._before, "before"), (self._embedded, "embedded")):
            expr = finder(k, q)
            if expr is not None:
                return expr, cue
        return None, "none"

    def _after(self, k: int, q: Candidate) -> _Expr | None:
        if q.close_at is None:
            return None
        start = q.close_at + 1
        line_end = self.text.find("\n", start)
        line_end = len(self.text) if line_end < 0 else line_end
        nxt = self.quotes[k + 1].open_at if k + 1 < len(self.quotes) else len(self.text)
        limit = min(line_end, nxt)
        toks = self._tokens(start, limit)
        window: list[Token] = []
        ended = False
        for t in toks:
            if t.text in (".", "!", "?") and window:
                ended = True
                break
            window.append(t)
            if len(window) >= 16:
                break
        runs_into_next = not ended and limit == nxt and nxt < line_end
        said = self.text[q.start : q.end].rstrip()
        if runs_into_next and said[-1:] in ".!?":
            return None  # `"...done." Okafor added, "...` introduces the next quote
        lead = 0
        dash = False
        while lead < len(window) and (window[lead].is_punct or window[lead].text in _DASHES):
            dash = dash or window[lead].text in _DASHES
            if window[lead].text in DOUBLE_MARKS:
                break
            lead += 1
        rest = window[lead:]
        if not rest:
            return None
        if rest[0].lower_ == "as" and len(rest) > 1:
            rest = rest[1:]
        if len(rest) > 2 and rest[0].lower_ == "according" and rest[1].lower_ == "to":
            return self._expr_in(rest[2:], stop_at_comma=True)
        if dash:
            return self._expr_in(rest[:8], stop_at_comma=True)
        verb = next((i for i, t in enumerate(rest[:9]) if self._reporting(t)), None)
        if verb is not None and said[-1:] in ".!?" and any(t.is_punct for t in rest[:verb]):
            return None  # a new sentence about something else: `"..." Tacoma, he said, was...`
        if verb is not None:
            v = rest[verb]
            subj = self._subject_of(v)
            if subj is not None and start <= subj.idx < limit:
                return self._expr_for_token(subj)
            if verb == 0:
                return self._expr_in(rest[1:], stop_at_comma=True)
            return self._expr_in(rest[:verb])
        head = self._expr_in(rest[:6], anchored=True) if said[-1:] in ",\u2014-" else None
        if head is not None and head.mention is not None:
            after = [t for t in rest if t.idx >= head.mention.end]
            if not after or after[0].pos_ in ("VERB", "AUX") or after[0].is_punct or after[0].lower_ == "to":
                return head  # `," Okafor.` `," Maria to Tom.` `," Lindqvist believes`
        return None

    def _before(self, k: int, q: Candidate) -> _Expr | None:
        text = self.text
        line_start = text.rfind("\n", 0, q.open_at) + 1
        start = line_start
        for j in range(k - 1, -1, -1):
            p = self.quotes[j]
            pend = (p.close_at if p.close_at is not None else p.end) + 1
            if pend <= start:
                break  # quotes come in text order: the earlier ones end before this line too
            said = text[p.start : p.end].strip()
            if pend <= q.open_at and (len(said.split()) > 3 or said[-1:] in ".!?"):
                start = pend  # a short phrase in quotes inside the clause does not end it
                break
        toks = self._tokens(start, q.open_at)
        # the clause: from the last sentence end before the quote
        for i in range(len(toks) - 2, -1, -1):
            if toks[i].text in (".", "!", "?") and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
                toks = toks[i + 1 :]
                break
        if not toks:
            return None
        last = toks[-1]
        if self._topic_line(text[line_start : q.open_at]):
            return _Expr("topic")
        if last.text == ":" or (last.text in _DASHES and len(toks) > 1):
            return self._colon_expr(toks[:-1])
        tail = toks[-8:]
        verb = None
        for i in range(len(tail) - 1, -1, -1):
            if self._reporting(tail[i]):
                verb = tail[i]
                break
        if verb is None:
            return None
        after_verb = [t for t in tail if t.i > verb.i]
        if len(after_verb) > 6 or any(t.text in DOUBLE_MARKS for t in after_verb):
            return None
        if after_verb and not (after_verb[-1].is_punct or after_verb[-1].lower_ in ("that", "saying", "by")) and last.text != ",":
            if after_verb[-1].pos_ not in ("ADV", "ADP", "SCONJ"):
                return None
        subj = self._subject_of(verb)
        if subj is not None:
            return self._expr_for_token(subj)
        return self._nearest_before(toks, verb)

    def _colon_expr(self, clause: list[Token]) -> _Expr | None:
        for i in range(len(clause) - 1, -1, -1):
            if clause[i].text in (":", ";"):
                clause = clause[i + 1 :]
                break
        if not clause:
            return None
        verbs = sorted(
            (t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "ccomp")),
            key=lambda t: t.dep_ != "ROOT",
        )
        for v in verbs:
            subj = self._subject_of(v)
            if subj is not None and subj.lower_ not in FIRST_SECOND and clause[0].i <= subj.i <= clause[-1].i:
                expr = self._expr_for_token(subj, generic=False)
                if expr is not None and expr.kind == "mention":
                    return expr
        expr = self._expr_in(clause)
        return expr if expr is not None and expr.kind == "mention" else None

    def _embedded(self, k: int, q: Candidate) -> _Expr | None:
        inner = self._tokens(q.start, q.end)
        if not inner:
            return None
        lo, hi = inner[0].i, inner[-1].i
        anchor = next((t.head for t in inner if not lo <= t.head.i <= hi), None)
        if anchor is None:
            return None
        sent = anchor.sent
        # any() stops at the first word: a sentence can be a whole unpunctuated line
        if not any(t.is_alpha and not (q.open_at <= t.idx <= (q.close_at or q.end)) for t in sent):
            return None
        a = anchor
        for _ in range(10):
            if a.pos_ in ("VERB", "AUX") and self._reporting(a, loose=True):
                subj = self._subject_of(a)
                if subj is not None and not lo <= subj.i <= hi:
                    return self._expr_for_token(subj, generic=False) or _Expr("none")
            if a.head is a:
                break
            a = a.head
        root = sent.root
        subj = self._subject_of(root)
        if subj is not None and not lo <= subj.i <= hi and subj.lower_ not in FIRST_SECOND:
            expr = self._expr_for_token(subj, generic=False)
            if expr is not None and (expr.kind == "mention" or subj.lower_ in ("they", "them")):
                return expr
        return None

    # -- small helpers ------------------------------------------------------
    def _reporting(self, t: Token, loose: bool = False) -> bool:
        lemma = t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX"):
            # "He quips," tagged as a plural noun: a reporting verb in the third person
            prev = t.nbor(-1) if t.i > 0 else None
            if not (t.pos_ in ("NOUN", "PROPN") and t.lower_.endswith("s") and prev is not None
                    and prev.pos_ in ("PRON", "PROPN") and prev.dep_ in ("nsubj", "compound")):
                return False
            lemma = t.lower_[:-2] if t.lower_.endswith("es") and t.lower_[:-2] in self.lex.reporting_verbs else t.lower_[:-1]
        if lemma in ("think", "feel", "hope", "believe", "guess", "read", "start", "begin", "continue", "put"):
            return not loose and lemma not in ("read", "put")
        return lemma in self.lex.reporting_verbs

    def _subject_of(self, v: Token) -> Token | None:
        for _ in range(4):
            subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            # the one nearest before the verb when the parse gives two ("Mega-producer ... Whitfield got")
            subj = max(subjects, key=lambda c: (c.i < v.i, c.i if c.i < v.i else -c.i)) if subjects else None
            if subj is not None:
                if subj.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                    return v.head
                return subj
            if v.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp") and v.head is not v:
                v = v.head
                if v.dep_ == "prep":
                    v = v.head
                continue
            return None
        return None

    def _expr_for_token(self, tok: Token, generic: bool = True) -> _Expr | None:
        m = self.mention_in(tok.idx, tok.idx + len(tok))
        if m is not None:
            return _Expr("mention", m)
        if tok.pos_ == "PROPN":
            span = self._name_span(tok)
            m = self._adhoc(span.text, span.start_char, span.end_char)
            if m is not None:
                return _Expr("mention", m)
        low = tok.lower_
        if low in FIRST_SECOND:
            return None
        if tok.pos_ == "PRON":
            return _Expr("none") if low in ("they", "them", "someone", "somebody", "one", "everyone", "nobody") else None
        if tok.pos_ in ("NOUN", "PROPN"):
            dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
            if tok.tag_ in ("NNS", "NNPS") or (dets and dets[0] in ("a", "an", "some", "another", "one", "every", "each")):
                return _Expr("none")
            # a compound name inside the phrase: "the "Night Train" producer Dana K. Whitfield"
            for c in tok.subtree:
                m = self.mention_in(c.idx, c.idx + len(c))
                if m is not None and m.kind == "name":
                    return _Expr("mention", m)
            if generic and dets and dets[0] in ("the", "this", "that"):
                return _Expr("focus", self._mention(tok.idx, tok.idx + len(tok), "nominal", tok.text, 1.0))
            return _Expr("none") if generic else None
        return None

    def _expr_in(self, toks: list[Token], *, stop_at_comma: bool = False, anchored: bool = False) -> _Expr | None:
        if not toks:
            return None
        if stop_at_comma:
            cut = next((i for i, t in enumerate(toks) if t.text in (",", ";", "(")), len(toks))
            toks = toks[:cut] or toks[:1]
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        m = self.mention_in(lo, hi)
        if m is not None and (not anchored or m.start == lo):
            return _Expr("mention", m)
        if anchored and toks[0].pos_ not in ("PROPN",):
            return None
        run: list[Token] = []
        for t in toks:
            if t.pos_ == "PROPN" or (run and t.text in (".",) and len(run[-1].text) == 1):
                run.append(t)
            elif run:
                break
            elif anchored:
                return None
        if run:
            m = self._adhoc(self.text[run[0].idx : run[-1].idx + len(run[-1])], run[0].idx, run[-1].idx + len(run[-1]))
            if m is not None:
                return _Expr("mention", m)
        for t in toks:
            if t.dep_ in ("nsubj", "nsubjpass") or t.pos_ in ("NOUN",):
                return self._expr_for_token(t)
        return None

    def _nearest_before(self, toks: list[Token], verb: Token) -> _Expr | None:
        best = None
        for t in toks:
            if t.i >= verb.i:
                break
            m = self.mention_in(t.idx, t.idx + len(t))
            if m is not None and m.kind != "pronoun" or (m is not None and m.gender != "p"):
                best = m
        return _Expr("mention", best) if best is not None else None

    def _topic_line(self, before: str) -> bool:
        """`On winning — "` in a roundup: the line names a topic, not a speaker."""
        head = before.strip().lower()
        if not head or head[-1] not in ":\u2014\u2013-":
            return False
        return any(head.startswith(p + " ") for p in self.lex.topic_prefixes)
