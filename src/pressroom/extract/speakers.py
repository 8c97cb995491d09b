"""Who said each quote.

Attribution is tried in the order a reader uses it:
1. after the quote, in the same sentence: `," Firth said`, `," said Bale`,
   `" – Name`, `," the actor said`, `," Brie.` (live-blog shorthand);
2. before it: `Clooney said, "`, `she added: "`, `Gervais to Depp: "`,
   `Her speech ended with this line: "`;
3. the sentence the quote sits in: `Arquette thanked her "visionary" director`
   (the subject of the speaking verb above the quote);
4. the previous quote of the paragraph, when nobody else took the floor;
5. the person in focus (the subject of recent sentences), as for a quote in a
   paragraph about one person.
An attribution that names no one ("wrote an X user", "critics called it")
gives no speaker: we do not guess.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp.lexicon import lexicon
from ..resolve import (
    NAME_TOKEN,
    NOT_NAMES,
    PARTICLES,
    SUFFIXES,
    known_first_name,
    Mention,
    People,
    choose_antecedent,
    clean_name,
    first_name_gender,
    looks_like_name,
    span_salience,
    token_salience,
)
from .quotes import Candidate

FIRST_SECOND = {"i", "me", "my", "we", "us", "our", "you", "your", "myself", "ourselves"}
_TIMESTAMP = re.compile(r"^\s*\[?\(?(\d{1,2})[:.](\d{2})\s*([ap]\.?\s?m\.?)?", re.I)
_DASHES = {"\u2014", "\u2013", "-", "--", "\u2015"}


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    start: int | None  # the mention that decided it
    end: int | None
    cue: str  # after, before, colon, dash, embedded, previous, focus, list, none


@dataclass
class _Expr:
    """What an attribution slot holds: a mention, a name, nobody, or the focus."""

    kind: str  # "mention", "none", "focus"
    mention: Mention | None = None


class Speakers:
    """Attributes every quote of one parsed document."""

    def __init__(self, doc: Doc, quotes: list[Candidate], titles: list[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.title_spans = list(titles)
        self.text = doc.text
        self.quotes = quotes
        self.lex = lexicon()
        self.people = People()
        self._inside = [(q.start, q.end) for q in quotes]
        self._inside_starts = [s for s, _ in self._inside]
        self._tok_starts = [t.idx for t in doc]
        self._reading_order()
        self._collect_mentions()

    # -- layout -------------------------------------------------------------
    def _reading_order(self) -> None:
        """Paragraph numbers in reading order: a live blog written newest
        first is read oldest first, so that "he" finds its antecedent."""
        text = self.text
        paras, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                paras.append((pos, pos + len(line)))
            pos += len(line) + 1
        self._para_starts = [s for s, _ in paras]
        times = [(i, _minutes(text[s:e])) for i, (s, e) in enumerate(paras)]
        stamped = [(i, t) for i, t in times if t is not None]
        order = list(range(len(paras)))
        if len(stamped) >= 3:
            descending = sum(1 for (_, a), (_, b) in zip(stamped, stamped[1:]) if b < a)
            if descending > (len(stamped) - 1) / 2:
                first = stamped[0][0]
                blocks, current = [], []
                for i in range(first, len(paras)):
                    if times[i][1] is not None and current:
                        blocks.append(current)
                        current = []
                    current.append(i)
                blocks.append(current)
                order = list(range(first)) + [i for block in reversed(blocks) for i in block]
        self._para_rank = {p: r for r, p in enumerate(order)}
        sents = list(self.doc.sents)
        keyed = sorted(range(len(sents)), key=lambda k: (self._para_rank.get(self.para_of(sents[k].start_char), 0), sents[k].start_char))
        self._sent_rank = {sents[k].start_char: r for r, k in enumerate(keyed)}
        self._sents = sents
        self._sent_starts = [s.start_char for s in sents]

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self._para_starts, char) - 1)

    def rank(self, char: int) -> int:
        return self._para_rank.get(self.para_of(char), 0) * 10_000_000 + char

    def sentence_rank(self, char: int) -> int:
        k = max(0, bisect_right(self._sent_starts, char) - 1)
        return self._sent_rank[self._sent_starts[k]]

    def inside_quote(self, start: int, end: int) -> bool:
        k = bisect_right(self._inside_starts, start) - 1
        return k >= 0 and self._inside[k][0] <= start and end <= self._inside[k][1]

    # -- mentions -----------------------------------------------------------
    def _collect_mentions(self) -> None:
        doc, people, lex = self.doc, self.people, self.lex
        titles = self._titles()
        runs = [r for r in self._name_runs() if _norm(r.text) not in titles]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not self.inside_quote(ent.start_char, ent.end_char):
                name = _trim_name(ent)
                if name and _norm(name) not in titles and _norm(ent.text) not in titles:
                    people.add(name)
        places = {i for e in doc.ents if e.label_ in ("GPE", "FAC", "LOC") for i in range(e.start, e.end)}
        runs = [_trim_run(r) for r in runs]
        for run in runs:
            if run.text.isupper() or run.start in places or len(run) < 2:
                continue
            if known_first_name(run[0].text) or _initialled(run):
                people.add(run.text)
        self._appositive_aliases(runs)
        mentions: list[Mention] = []
        taken: set[int] = set()
        for run in runs:
            name = people.lookup(run.text)
            if name is None and len(run) == 1 and run[0].pos_ != "PROPN":
                continue
            if name is None:
                continue
            mentions.append(self._mention(run.start_char, run.end_char, "name", run.text, span_salience(run), person=name))
            taken.update(range(run.start, run.end))
            self._note_roles(run, name)
        for tok in doc:
            if tok.i in taken or self.inside_quote(tok.idx, tok.idx + len(tok)):
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in lex.pronouns:
                m = self._mention(tok.idx, tok.idx + len(tok), "pronoun", tok.text, token_salience(tok))
                m.gender = lex.pronouns[low]
                mentions.append(m)
            elif tok.pos_ == "NOUN" and self._role_noun(tok) is not None:
                m = self._mention(tok.idx, tok.idx + len(tok), "nominal", tok.text, token_salience(tok))
                m.role = self._role_noun(tok) or ""
                m.gender = lex.role_nouns.get(m.role, "")
                mentions.append(m)
        mentions.sort(key=lambda m: m.rank)
        self.mentions = mentions
        self._mention_starts = sorted((m.start, k) for k, m in enumerate(mentions))
        self._gender_evidence()

    def _appositive_aliases(self, runs: list[Span]) -> None:
        """`Name, the erstwhile Joey from ...`: a single name in apposition is an alias."""
        by_token = {i: run for run in runs for i in range(run.start, run.end)}
        for run in runs:
            if len(run) != 1 or run.root.dep_ != "appos" or run[0].ent_type_ != "PERSON":
                continue  # "Name, the erstwhile Joey", not "Name, Atlanta" (a show, a place)
            h = run.root.head
            while h.i not in by_token and h.dep_ == "appos" and h.head is not h:
                h = h.head  # "Name, the erstwhile Joey": Joey hangs on "erstwhile"
            head = by_token.get(h.i)
            if head is None or head is run:
                continue
            full = self.people.lookup(head.text)
            if full is not None and len(full.split()) > 1:
                self.people.alias(run.text, full)

    def _titles(self) -> set[str]:
        """Names of works: quoted titles and "the HBO drama X"."""
        out = {_norm(self.text[s:e]) for s, e in self.title_spans}
        for run in self._name_runs():
            prev = self.doc[run.start - 1] if run.start else None
            if prev is not None and prev.lower_ in WORK_NOUNS:
                out.add(_norm(run.text))
        out.discard("")
        return out

    def _name_runs(self) -> list[Span]:
        """Maximal runs of capitalised name-like tokens outside quotes."""
        if hasattr(self, "_runs"):
            return self._runs
        doc, runs, i = self.doc, [], 0
        while i < len(doc):
            if not self._name_token(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < len(doc):
                if self._name_token(doc[j]):
                    j += 1
                elif j + 1 < len(doc) and (self._name_token(doc[j + 1]) or (
                    doc[j].text == "-" and doc[j + 1].is_alpha and doc[j + 1].is_lower and len(doc[j + 1]) <= 4
                )) and (
                    doc[j].lower_ in PARTICLES
                    or (doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_)
                ):
                    j += 2  # "De la Hoya", "Taylor-Johnson", "Joon-ho"
                else:
                    break
            runs.append(doc[i:j])
            i = j
        self._runs = runs
        return runs

    def _name_token(self, t: Token) -> bool:
        text = t.text
        if not NAME_TOKEN.match(text) or t.lower_ in NOT_NAMES or t.lower_ in self.lex.role_nouns:
            return False
        if t.pos_ in ("PRON", "DET", "CCONJ", "SCONJ", "ADP", "AUX", "PART", "INTJ", "NUM"):
            return False
        return not self.inside_quote(t.idx, t.idx + len(t))

    def _mention(self, start: int, end: int, kind: str, text: str, salience: float, person: str | None = None) -> Mention:
        return Mention(
            start=start, end=end, kind=kind, text=text, rank=self.rank(start), sentence=self.sentence_rank(start),
            paragraph=self._para_rank.get(self.para_of(start), 0), salience=salience, person=person,
            resolved=person is not None,
        )

    def _role_noun(self, tok: Token) -> str | None:
        """The role of a definite noun phrase that can stand for a person: "the actress"."""
        role = tok.lower_ if tok.lower_ in self.lex.role_nouns else tok.lemma_.lower()
        if role not in self.lex.role_nouns or tok.tag_ in ("NNS", "NNPS"):
            return None
        if tok.dep_ == "compound" or any(c.pos_ == "PROPN" and c.dep_ in ("appos", "flat") for c in tok.children):
            return None  # "producer Scott Rudin": the name is the mention
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        if tok.head.lemma_ == "be" and tok.dep_ == "nsubj":
            return None  # "the winner is X" points forward, at X
        return role if dets and dets[0] in ("the", "this", "that") else None

    def _note_roles(self, ent: Span, name: str) -> None:
        person = self.people.persons.get(name)
        if person is None:
            return
        lex = self.lex
        window = [t for t in self.doc[max(0, ent.start - 3) : ent.start]]
        after = self.doc[ent.end : ent.end + 4]
        if len(after) >= 3 and after[0].text == ",":
            window += [t for t in after[1:4]]
        for t in window:
            low = t.lower_
            if low in lex.role_nouns:
                person.roles.add(low)
                g = lex.role_nouns[low]
                person.gender_score += 2.0 if g == "m" else -2.0 if g == "f" else 0.0
            elif low.rstrip(".") in lex.person_titles or low in lex.person_titles:
                g = lex.person_titles.get(low, lex.person_titles.get(low.rstrip("."), ""))
                person.gender_score += 3.0 if g == "m" else -3.0 if g == "f" else 0.0

    def _gender_evidence(self) -> None:
        """Pronouns said of a person in sentences about them alone, then first names."""
        by_sentence: dict[int, list[Mention]] = {}
        for m in self.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for ms in by_sentence.values():
            names = {m.person for m in ms if m.kind == "name"}
            if len(names) != 1:
                continue
            person = self.people.persons.get(next(iter(names)) or "")
            if person is None:
                continue
            first = min(m.start for m in ms if m.kind == "name")
            for m in ms:
                if m.kind == "pronoun" and m.start > first and m.gender in ("m", "f"):
                    person.gender_score += 1.0 if m.gender == "m" else -1.0
        for person in self.people.persons.values():
            words = person.name.split()
            if len(words) > 1 or person.gender_score == 0:
                g = first_name_gender(words[0])
                person.gender_score += 0.75 if g == "m" else -0.75 if g == "f" else 0.0

    def mention_in(self, start: int, end: int) -> Mention | None:
        """The mention covering ``start``, else the first one starting before ``end``."""
        k = bisect_left(self._mention_starts, (start, -1))
        if k > 0:
            prev = self.mentions[self._mention_starts[k - 1][1]]
            if prev.start < start < prev.end:
                return prev
        if k < len(self._mention_starts) and self._mention_starts[k][0] < end:
            return self.mentions[self._mention_starts[k][1]]
        return None

    # -- resolution ---------------------------------------------------------
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
        self._known: list[tuple[str, float, int, int, str, int]] = []  # person, salience, sentence, paragraph, gender, rank
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

    def _resolve(self, m: Mention) -> str | None:
        if m.kind == "pronoun" and m.gender == "p":
            return None
        cands = [c[:5] for c in self._known[-80:] if c[5] < m.rank]
        local = self._local_subject(m)
        if local is not None:
            cands = [c for c in cands if c[0] != local]
        return choose_antecedent(cands, sentence=m.sentence, paragraph=m.paragraph, gender=m.gender)

    def _local_subject(self, m: Mention) -> str | None:
        """The subject of the clause a non-reflexive object sits in: "Bale praised the
        host" cannot mean Bale himself, nor can "him" in "Bale praised him"."""
        if m.text.lower().endswith("self") or m.text.lower().endswith("selves"):
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        tok = span.root
        if tok.dep_ not in ("dobj", "pobj", "dative", "iobj"):
            return None
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("who", "that", "which"):
            subj = verb.head if verb.dep_ == "relcl" else subj
        if subj is None:
            return None
        sm = self.mention_in(subj.idx, subj.idx + len(subj))
        return sm.person if sm is not None and sm.resolved else None

    def _focus(self, at: int) -> str | None:
        rank = self.rank(at)
        cands = [c[:5] for c in self._known[-80:] if c[5] < rank]
        return choose_antecedent(
            cands, sentence=self.sentence_rank(at), paragraph=self._para_rank.get(self.para_of(at), 0), gender=""
        )

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
        for m in self.mentions:
            if gap_start <= m.start < gap_end and m.kind == "name" and m.salience >= 2 and m.person != done[k - 1].speaker:
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

    def _tokens(self, start: int, end: int) -> list[Token]:
        a = bisect_left(self._tok_starts, start)
        b = bisect_left(self._tok_starts, end)
        return [t for t in self.doc[a:b] if not t.is_space]

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
            return None  # `"...done." Gordon added, "...` introduces the next quote
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
            return None  # a new sentence about something else: `"..." Dallas, he said, was...`
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
                return head  # `," Brie.` `," Jennifer to David.` `," Winter believes`
        return None

    def _before(self, k: int, q: Candidate) -> _Expr | None:
        text = self.text
        line_start = text.rfind("\n", 0, q.open_at) + 1
        start = line_start
        for p in reversed(self.quotes[:k]):
            pend = (p.close_at if p.close_at is not None else p.end) + 1
            said = text[p.start : p.end].strip()
            if pend > start and pend <= q.open_at and (len(said.split()) > 3 or said[-1:] in ".!?"):
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
        outside_words = [t for t in sent if t.is_alpha and not (q.open_at <= t.idx <= (q.close_at or q.end))]
        if not outside_words:
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
            # the one nearest before the verb when the parse gives two ("Mega-director ... Spielberg got")
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
            # a compound name inside the phrase: "the "Sweeney Todd" producer Richard D. Zanuck"
            for c in tok.subtree:
                m = self.mention_in(c.idx, c.idx + len(c))
                if m is not None and m.kind == "name":
                    return _Expr("mention", m)
            if generic and dets and dets[0] in ("the", "this", "that"):
                return _Expr("focus", self._mention(tok.idx, tok.idx + len(tok), "nominal", tok.text, 1.0))
            return _Expr("none") if generic else None
        return None

    def _name_span(self, tok: Token) -> Span:
        i, j = tok.i, tok.i + 1
        while i > 0 and self.doc[i - 1].pos_ == "PROPN" and self.doc[i - 1].dep_ in ("compound", "flat"):
            i -= 1
        while j < len(self.doc) and self.doc[j].pos_ == "PROPN" and tok.dep_ in ("compound", "flat"):
            j += 1
        return self.doc[i:j]

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

    def _adhoc(self, raw: str, start: int, end: int) -> Mention | None:
        """A name in an attribution slot that NER missed: "said Bale"."""
        name = clean_name(raw)
        if not looks_like_name(name):
            return None
        person = self.people.lookup(name) or self.people.add(name)
        if person is None:
            return None
        return self._mention(start, end, "name", raw, 3.0, person=person)

    def _topic_line(self, before: str) -> bool:
        """`On winning — "` in a roundup: the line names a topic, not a speaker."""
        head = before.strip().lower()
        if not head or head[-1] not in ":\u2014\u2013-":
            return False
        return any(head.startswith(p + " ") for p in self.lex.topic_prefixes)


WORK_NOUNS = {"drama", "series", "show", "film", "movie", "telepic", "sitcom", "miniseries", "documentary",
              "comedy", "thriller", "biopic", "musical", "miniseries", "series'", "hit", "blockbuster", "epic"}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _trim_run(run: Span) -> Span:
    """ "Biggest Ricky Gervais", "Comedian Jo Koy": a run starts at its first-name-like word."""
    from ..resolve import known_first_name as known

    for k in range(min(2, len(run) - 2) + 1):
        if run[k].pos_ != "ADJ" and (k == 0 or known(run[k].text)):
            return run[k:] if k else run
        if k + 1 < len(run) and known(run[k + 1].text) and run[k].pos_ in ("ADJ", "NOUN", "PROPN", "VERB"):
            if len(run) - (k + 1) >= 2:
                return run[k + 1 :]
    return run


def _initialled(run: Span) -> bool:
    """"First M. Last": a middle initial marks a personal name."""
    words = run.text.split()
    return len(words) == 3 and re.fullmatch(r"[A-Z]\.", words[1]) is not None


def _trim_name(ent: Span) -> str:
    """A PERSON entity without what NER glued on: "Kevin Costner Best Performance"."""
    words = []
    for t in ent:
        if t.lower_ in NOT_NAMES or t.lower_ in ("'s", "\u2019s"):
            if words:
                break
            continue
        words.append(t.text)
    return clean_name(" ".join(words))


DOUBLE_MARKS = set('"\u201c\u201d\u201e\u201f\u00ab\u00bb')


def _minutes(line: str) -> int | None:
    m = _TIMESTAMP.match(line)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        return None
    ampm = (m.group(3) or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    return h * 60 + mi
