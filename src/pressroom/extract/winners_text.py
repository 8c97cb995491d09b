"""Winners told in running text: a category tied to its winner by a verb or a noun.

Verbs: "X won best Y for Z", "Y goes to X", "X took home the Globe for Y",
"X was named Y", "X beat out A, B and C to win Y", "her performance won her
best actress". Nouns: "X, a Golden Globe winner for Y", "his win for Y",
"another win for X - best director". A roundup heading ("Name, best actress
for Work:") gives its name the award. Predictions ("should win"), negations
and past wins ("won a Globe in 1988") are not awards.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .claims import _Claim, _Reader, _line_end

_YEAR = re.compile(r"^(19|20)\d\d$")


class WinnersText(_Reader):
    """Reads the winner of a claim from the sentence that names its category."""

    def _from_sentence(self, claim: _Claim) -> bool:
        m = claim.mention
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        sent = span.sent
        root = span.root
        verb, path = _governor(root)
        found = None
        if verb is not None and not self._hedged(verb):
            found = self._winner_of_verb(claim, verb, span)
        if found is None:
            found = self._winner_of_noun(claim, span)
        if found is None:
            found = self._named_before(claim)
        if found is None:
            return False
        claim.winner, claim.winner_at = found
        claim.confidence = 0.8
        if claim.kind == "person" and claim.work is None:
            work = self._work_in(sent, claim)
            if work is not None:
                claim.work, claim.work_at = work.text, (work.start, work.end)
        return True

    def _winner_of_verb(self, claim: _Claim, verb: Token, span: Span) -> tuple[str, tuple[int, int]] | None:
        lemma = verb.lemma_.lower()
        lex = self.lex
        in_subject = any(t.dep_ in ("nsubj", "nsubjpass") and span.start >= t.left_edge.i and span.end <= t.right_edge.i + 1
                         for t in verb.children)
        if lemma == "go":
            to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if to is None:
                return None
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            return self._entity(claim, obj) if obj is not None else None
        if in_subject:
            return None
        if lemma in ("name", "award", "honor", "honour", "give", "present", "crown", "choose", "select", "declare", "vote"):
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return self._entity(claim, subj) if subj is not None else None
        if lemma not in lex.win_verbs and lemma not in lex.beat_verbs:
            return None
        if claim.kind == "title" and re.match(r"\s+for\s", self.text[claim.mention.end : claim.mention.end + 6]):
            named = self._title_after(claim, span)  # "best original song for 'T'", "best limited series for 'T'"
            if named is not None:
                return named
        head = verb
        if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in lex.beat_verbs:
            head = verb.head  # "beat out A and B to win Y": the winner is the subject of "beat"
        dative = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
        if dative is not None and claim.kind == "person":
            found = self._entity(claim, dative)  # "her performance won her best actress"
            if found is not None:
                return found
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj = max(subjects, key=lambda c: (c.i < head.i, c.i)) if subjects else None  # the nearest before
        if subj is not None and subj.lower_ in ("which", "that", "who") and head.dep_ == "relcl":
            subj = head.head  # "Night Train, which also took best screenplay"
        if subj is None:
            subj = self._adjacent_subject(head)  # "..., and co-star Y picked up B": Y missed by the parse
        if subj is None and head.dep_ == "conj":
            subj = self._subject_between(head)
        if subj is None:
            subj = self.ctx._subject_of(head)
        if subj is None and verb.tag_ == "VBG":
            root = verb.sent.root  # "after winning best actress, she said"
            subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i]
            subj = max(subjects, key=lambda c: c.i) if subjects else self.ctx._subject_of(root)
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if subj is None and poss is not None:
            subj = poss  # "Meridian's taking best picture"
        if subj is None:
            return None
        if claim.kind == "person" and not self._is_person_token(subj):
            # "'Night Train' earned a best director trophy for Maria Lindqvist"
            person = self._for_person(claim, span)
            if person is not None:
                title = self.works.overlapping(subj.left_edge.idx, subj.right_edge.idx + 1)
                if title is None and subj.lower_ in self.lex.work_nouns:
                    title = self._last_title_before(subj.idx)
                if title is not None:
                    claim.work, claim.work_at = title.text, (title.start, title.end)
                return person
        found = self._entity(claim, subj)
        if found is None and claim.kind == "title":
            # "Whitfield takes the prize for best animated feature, 'Paper Kites'": the work is named after
            found = self._title_after(claim, span)
        if found is None and claim.kind == "title" and self._is_person_token(subj):
            person = self.ctx.mention_in(subj.idx, subj.idx + len(subj)).person
            work = self._known_work(person)  # "he won best screenplay": the screenplay of his film
            if work is not None:
                found = work.text, (work.start, work.end)
        return found

    def _adjacent_subject(self, verb: Token) -> Token | None:
        """A name or title standing right before a verb the parse left without subject."""
        i = verb.i - 1
        while i >= 0 and (self.doc[i].pos_ in ("ADV", "AUX", "PART") and self.doc[i].lower_ not in ("to",)
                          or self.doc[i].text in "\"\u201d'\u2019"):
            i -= 1
        if i < 0 or verb.i - i > 4:
            return None
        t = self.doc[i]
        m = self.ctx.mention_in(t.idx, t.idx + len(t))
        if m is not None and m.kind == "name" and m.start <= t.idx < m.end:
            return t
        if self.works.overlapping(t.idx, t.idx + len(t)) is not None:
            return t
        return None

    def _subject_between(self, verb: Token) -> Token | None:
        """The last name or title between a coordinated verb and the verb before it."""
        first = verb.head
        for t in reversed(self.doc[first.i + 1 : verb.i]):
            if t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("compound",):
                if self.ctx.mention_in(t.idx, t.idx + len(t)) or self.works.overlapping(t.idx, t.idx + len(t)):
                    return t
            if t.lower_ in ("and", "while", ",") and t.i < verb.i - 1:
                continue
        return None

    def _for_person(self, claim: _Claim, span: Span) -> tuple[str, tuple[int, int]] | None:
        m = re.match(r"[\s\w-]{0,20}?\bfor\s+", self.text[claim.mention.end :])
        if m is None or "respectively" in m.group(0):
            return self._respectively(claim, span)
        pos = claim.mention.end + m.end()
        # "for Maria Lindqvist", "for its star, Danish actor Tom Okafor"
        stop = min(len(self.text), pos + 50)
        for x in self.ctx.mentions:
            if pos <= x.start < stop and x.kind == "name" and x.person:
                if re.search(r"[.;:]|\band\b", self.text[pos : x.start]) or re.search(r"\bthe\s*$", self.text[pos : x.start], re.I):
                    return None  # "for The Lamplighter" names a work
                return x.person, (x.start, x.end)
        return None

    def _respectively(self, claim: _Claim, span: Span) -> tuple[str, tuple[int, int]] | None:
        """ "Best A and Best B Globes respectively for X and Y": pair them in order."""
        sent = span.sent
        text = self.text[claim.mention.end : sent.end_char]
        m = re.search(r"\brespectively\s+for\s+", text)
        if m is None:
            return None
        pos = claim.mention.end + m.end()
        group = [c for c in self.mentions if sent.start_char <= c.start < pos and self.text[c.end : pos].count(",") <= 1]
        names = [x for x in self.ctx.mentions if pos <= x.start < sent.end_char and x.kind == "name"]
        index = next((i for i, c in enumerate(group) if c.start == claim.mention.start), None)
        if index is None or len(group) != len(names) or index >= len(names):
            return None
        return names[index].person, (names[index].start, names[index].end)

    def _title_after(self, claim: _Claim, span: Span) -> tuple[str, tuple[int, int]] | None:
        """The work named right after the category: `best song for X's "T"`, `best film, "T"`."""
        gap = re.match(r"[\s,:\u2013\u2014-]*(?:for\s+)?(?:[\w.]+['\u2019]s\s+)?", self.text[claim.mention.end :])
        pos = claim.mention.end + (gap.end() if gap else 0)
        title = self.works.at(pos)
        if title is not None and not self.people.is_person(title.text):
            return title.text, (title.start, title.end)
        anaphor = re.match(r"(?:the|this|that|his|her|their|its)\s+(same\s+)?(\w+)", self.text[pos : pos + 30], re.I)
        if anaphor and anaphor.group(2).lower() in self.lex.work_nouns:
            # "for the same film": the work the text keeps coming back to; "for the film": the last one
            title = self._main_title_before(pos) if anaphor.group(1) else self._last_title_before(pos, window=600)
            if title is not None:
                return title.text, (title.start, title.end)
        return None

    def _named_before(self, claim: _Claim) -> tuple[str, tuple[int, int]] | None:
        """The roundup heading "Name, best actress for Work, on ...:" or "Name, Category, Work:":
        a category in apposition right after a line's opening name is that person's award."""
        if claim.kind != "person":
            return None
        text, m = self.text, claim.mention
        line_start = text.rfind("\n", 0, m.start) + 1
        head = text[line_start : m.start]
        match = re.fullmatch(
            r"[ \t\u2022*-]*(?P<name>[^,(\n]{3,60}?)\s*(?:,|\((?:[^,()\n]{0,40},)?|(?=\s*$))\s*(?:accepting\s+)?", head)
        if match is None:
            return None
        found = self.ctx.mention_in(line_start + match.start("name"), line_start + match.end("name"))
        if found is None or found.kind != "name" or not found.person:
            return None
        if found.end < line_start + match.end("name") - 1:
            return None  # the name must fill the head: "Name, <category>"
        rest_end = _line_end(text, m.end)
        tail = re.match(r"\s*(?:,\s*|\s+for\s+)", text[m.end : rest_end])
        if tail is not None:
            work = self.works.at(m.end + tail.end())
            after_for = "for" in tail.group(0)  # "best actress for X": X is her work, whatever it looks like
            if work is not None and (after_for or not self.people.is_person(work.text)) and work.end <= rest_end:
                claim.work, claim.work_at = work.text, (work.start, work.end)
        return found.person, (found.start, found.end)

    def _winner_of_noun(self, claim: _Claim, span: Span) -> tuple[str, tuple[int, int]] | None:
        """ "X, a Golden Globe winner for Y", "Y winner X", "his win for Y", "Winner No. 7: 'T' for Y"."""
        t = span.root
        for _ in range(4):
            if t.lower_ in ("win", "wins", "victory", "victories", "triumph") and t.pos_ == "NOUN":
                poss = next((c for c in t.children if c.dep_ == "poss"), None)
                if poss is not None and not self._hedged_noun(t):
                    return self._entity(claim, poss)
                verb, _ = _governor(t)  # "X was the favorite ... with wins for Y"
                if poss is None and verb is not None and t.head.lower_ == "with" and not self._hedged(verb):
                    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None:
                        return self._entity(claim, subj)
            nominal = self.ctx.mention_in(t.idx, t.idx + len(t)) if t.lower_ in ("winner", "honoree", "recipient") else None
            if nominal is not None and nominal.kind == "nominal" and nominal.person and claim.kind == "person":
                return nominal.person, (nominal.start, nominal.end)
            if t.lower_ in ("winner", "recipient", "honoree") and t.pos_ == "NOUN":
                if t.dep_ == "appos" or t.dep_ == "attr":
                    return self._entity(claim, t.head)
                if t.dep_ == "compound":
                    return self._entity(claim, t.head)
                named = next((c for c in t.children if c.dep_ == "appos"), None)
                if named is not None:
                    return self._entity(claim, named)
            if t.head is t:
                break
            t = t.head
        # "announced X as the winner of Y"
        for w in span.sent:
            if w.lower_ == "winner" and w.head.lower_ == "as" and w.i < span.start:
                verb = w.head.head
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb.pos_ == "VERB" else None
                if obj is not None:
                    found = self._entity(claim, obj)
                    if found is not None:
                        return found
        # "another win for X - best director"
        sent = span.sent
        for w in sent:
            if w.lower_ in ("win", "victory") and w.pos_ == "NOUN" and w.i < span.start:
                gap = [x for x in self.ctx.mentions if w.idx < x.start < claim.mention.start and x.kind == "name"]
                if len(gap) == 1 and not re.search(r"[.;]|\b(?:and|but|while)\b", self.text[gap[0].end : claim.mention.start]):
                    return gap[0].person, (gap[0].start, gap[0].end)
            if w.lower_ in ("win", "victory") and w.pos_ == "NOUN":
                for prep in (c for c in w.children if c.dep_ == "prep" and c.lower_ == "for"):
                    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    between = self.doc[min(obj.i, span.start) : max(obj.i, span.start)] if obj is not None else []
                    if any(t.pos_ == "VERB" for t in between) or len(between) > 8:
                        continue  # "a win for streaming in a year that saw X taking best picture": another clause
                    if obj is not None and not (span.start <= obj.i < span.end):
                        found = self._entity(claim, obj)
                        if found is not None:
                            return found
        # "T for Y" where a line or sentence announces a win
        m = claim.mention
        before = self.text[max(0, m.start - 6) : m.start].lower()
        if before.rstrip().endswith("for"):
            sent = span.sent
            if any(w.lemma_.lower() in ("winner", "win", "trophy", "goes") for w in sent):
                prev = self.doc.char_span(max(sent.start_char, m.start - 200), m.start - 4, alignment_mode="contract")
                if prev is not None and len(prev):
                    for tok in reversed(list(prev)):
                        if tok.is_punct or tok.is_space:
                            continue
                        return self._entity(claim, tok)
        return None

    def _hedged_noun(self, noun: Token) -> bool:
        return any(c.lower_ in ("first", "previous", "last", "past", "possible", "potential") for c in noun.children)

    def _hedged(self, verb: Token) -> bool:
        """A prediction, a wish, a negation or a past win, not this night's award."""
        lex = self.lex
        for c in verb.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ == "aux" and c.lemma_.lower() in (lex.prediction_heads - {"would"}) | {"will"}:
                return True
            if c.dep_ == "prep" and c.lower_ == "in":
                for g in c.children:
                    if _YEAR.match(g.text) and self.year and int(g.text) != self.year:
                        return True
        head = verb.head
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and head.lemma_.lower() in lex.prediction_heads:
            return True
        if verb.dep_ == "xcomp" and head.lemma_.lower() == "go" and head.tag_ == "VBG":
            return True  # "was going to win"
        return False

    def _entity(self, claim: _Claim, tok: Token | None) -> tuple[str, tuple[int, int]] | None:
        """The person or title a token stands for, as the category needs."""
        if tok is None:
            return None
        ctx = self.ctx
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        if claim.kind == "title":
            title = self.works.overlapping(tok.idx, tok.idx + len(tok)) or self.works.overlapping(lo, hi)
            if title is None and (tok.lower_ in self.lex.work_nouns or tok.lower_ == "it"):
                title = self._last_title_before(tok.idx)  # "the film", "Northlight's epic", "it"
            if title is None and tok.pos_ in ("PROPN", "NOUN"):
                title = self.works.covering(tok.idx, tok.sent.start_char, hi)
                if title is not None and (self.people.is_person(title.text) or title.text.isdigit()):
                    title = None
            return (title.text, (title.start, title.end)) if title else None
        m = ctx.mention_in(tok.idx, tok.idx + len(tok))
        if m is None:
            for t in tok.subtree:
                m = ctx.mention_in(t.idx, t.idx + len(t))
                if m is not None and m.kind == "name":
                    break
        if m is not None and m.person:
            return m.person, (m.start, m.end)
        if tok.pos_ == "PROPN":
            name = self.people.lookup(tok.text)
            if name:
                return name, (tok.idx, tok.idx + len(tok))
            run = next((r for r in ctx._name_runs() if r.start <= tok.i < r.end), None) or ctx._name_span(tok)
            # "X won best supporting actor": X is a person, named or not by NER
            single_ok = len(run) == 1 and tok.dep_ in ("nsubj", "nsubjpass") and not any(
                c.lower_ == "the" for c in tok.children) and self.text[tok.idx + len(tok) : tok.idx + len(tok) + 1] != "-"
            if not self.works.overlapping(run.start_char, run.end_char) and (len(run) >= 2 or single_ok):
                name = self.people.add(run.text)
                if name:
                    return name, (run.start_char, run.end_char)
        return None


def _governor(tok: Token) -> tuple[Token | None, list[Token]]:
    """The verb a category phrase hangs on: "won [the Globe for [best actor]]",
    "got four Globes, [including [best drama]]"."""
    path = []
    t = tok
    for _ in range(7):
        path.append(t)
        if t.pos_ in ("VERB", "AUX") and t is not tok:
            if t.lemma_.lower() in ("include", "includ") and t.head is not t and t.head.pos_ in ("NOUN", "NUM", "PROPN"):
                t = t.head  # the awards it includes hang on the verb that won them
                continue
            return t, path
        if t.head is t:
            return (t, path) if t.pos_ in ("VERB", "AUX") else (None, path)
        if t.dep_ in ("conj",) and t.head.pos_ in ("VERB", "AUX"):
            return t.head, path
        t = t.head
    return None, path
