"""Who won what: winners with their work, nominees and presenters.

Two layouts carry awards. Winners lists put a category at the head of a line
and its winner after a separator or on the next line ("Best Actor, Drama:
Name, 'Work'"; a nominee list with a WINNER mark). Running text ties a
category to a winner through a verb ("X won best Y for Z", "Y goes to X",
"X took home the Globe for Y", "X was named Y", "X beat out A, B and C to win
Y") or a noun ("X, a Golden Globe winner for Y"). Predictions ("should
win"), negations and past wins ("won a Globe in 1995") are not awards.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..knowledge import categories as cats
from ..knowledge import load_ceremony
from ..nlp.lexicon import lexicon
from ..records import Award, Mention
from .speakers import Speakers
from ..resolve import known_first_name
from .presenters import add_announced_winners, add_presenters
from .works import Title, Works

_YEAR = re.compile(r"^(19|20)\d\d$")
_LIST_HEAD = re.compile(r"^[ \t\u2022*\-\d.)]*$")
_WINNER_MARK = re.compile(r"[\u2013\u2014\-(\[]\s*(?:winner|won)\s*[)\]]?\s*$|\((?:winner|won)\)", re.I)
_SEP = ":\u2013\u2014-,"
_WORK_FRAMES = {"performance", "role", "roles", "portrayal", "turn", "playing", "work", "star", "starring", "as",
                "helming", "direction", "directing", "writing", "script"}
_CATEGORY_WORD = re.compile(r"^(?:best|golden|globe|the golden)\b", re.I)


@dataclass
class _Claim:
    mention: cats.CategoryMention
    winner: str | None = None
    winner_at: tuple[int, int] | None = None
    work: str | None = None
    work_at: tuple[int, int] | None = None
    nominees: list[Mention] = field(default_factory=list)
    presenters: list[Mention] = field(default_factory=list)
    confidence: float = 0.0
    kind: str = "title"  # what wins: "person" or "title"


class Awards:
    """The awards of one document, read with the people of its Speakers pass."""

    def __init__(self, ctx: Speakers, *, ceremony: str = "golden_globes", year: int | None = None) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text
        self.people = ctx.people
        self.ceremony = ceremony
        self.year = year
        self.lex = lexicon()
        self.works = Works(self.text, ctx.title_spans)
        self.mentions = cats.find_category_mentions(self.text, ceremony=ceremony, year=year)
        names = load_ceremony(ceremony)
        words = [names.get("ceremony", "")] + list(names.get("aliases", ()))
        self._ceremony_words = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words if w) + r")\b", re.I)
        self._sent_starts = [sent.start_char for sent in self.doc.sents]
        self._named_works = self._index_works()

    # -- the pass ---------------------------------------------------------------
    def extract(self) -> list[Award]:
        claims: list[_Claim] = []
        for m in self.mentions:
            claim = _Claim(m, kind=self._winner_kind(m))
            if not (self._from_list(claim) or self._from_sentence(claim)):
                self._nominee_or_presenter_only(claim)
            claims.append(claim)
        add_announced_winners(self, claims)
        add_presenters(self, claims)
        self._nominations(claims)
        self._beaten_later(claims)
        self._losers(claims)
        kept = [c for c in claims if c.winner or c.nominees or c.presenters]
        return self._resolve(kept)

    def _winner_kind(self, m: cats.CategoryMention) -> str:
        return "person" if m.role in ("actor", "actress", "honorary") or _is_director(m) else "title"

    # -- winners lists ----------------------------------------------------------
    def _from_list(self, claim: _Claim) -> bool:
        text, m = self.text, claim.mention
        line_start = text.rfind("\n", 0, m.start) + 1
        if not _LIST_HEAD.match(text[line_start : m.start]):
            return False
        line_end = _line_end(text, m.end)
        rest_at = m.end
        while rest_at < line_end and (text[rest_at] in _SEP or text[rest_at].isspace()):
            rest_at += 1
        if rest_at < line_end:
            if not (set(text[m.end : rest_at]) & set(_SEP)):
                return False  # the category runs on into a sentence: not a list line
            return self._list_entry(claim, rest_at, line_end, single=True)
        # the category alone on its line: its winner (or nominees) on the lines below
        lines = []
        pos = line_end + 1
        while pos < len(text) and len(lines) < 12:
            end = _line_end(text, pos)
            line = text[pos:end]
            if line.strip():
                if self._is_category_line(pos, end):
                    break
                lines.append((pos, end))
            elif lines:
                break
            pos = end + 1
        if not lines:
            return False
        marked = [(s, e) for s, e in lines if _WINNER_MARK.search(text[s:e])]
        if len(lines) == 1 or marked:
            win = marked[0] if marked else lines[0]
            ok = self._list_entry(claim, win[0], win[1], single=True)
            for s, e in lines:
                if (s, e) != win:
                    entry = self._entry_name(claim, s, e)
                    if entry is not None:
                        claim.nominees.append(entry)
            return ok
        for s, e in lines:
            entry = self._entry_name(claim, s, e)
            if entry is not None:
                claim.nominees.append(entry)
        return False

    def _is_category_line(self, start: int, end: int) -> bool:
        for m in self.mentions:
            if start <= m.start < end and _LIST_HEAD.match(self.text[start : m.start]):
                return True
        return False

    def _list_entry(self, claim: _Claim, start: int, end: int, *, single: bool) -> bool:
        text = self.text
        if _cut_off(text, end):
            return False  # the text stops in the middle of this line: its name may be cut
        end = _WINNER_MARK.sub("", text[start:end]).rstrip()
        end = start + len(end)
        if claim.kind == "person":
            name_end = _first_of(text, start, end, (",", " for ", " (", " \u2013 ", " \u2014 ", " - ", ":"))
            name = self._person(start, name_end)
            if name is None:
                return False
            claim.winner, claim.winner_at = name
            work = self._work_after(name_end, end)
            if work is not None:
                claim.work, claim.work_at = work.text, (work.start, work.end)
        else:
            title = self._title_entry(start, end)
            if title is None:
                return False
            claim.winner, claim.winner_at = title.text, (title.start, title.end)
        claim.confidence = 0.9
        return True

    def _title_entry(self, start: int, end: int) -> Title | None:
        """The work a list line gives: its quoted title, else the title after the
        people ("Name and Name, Title", "Name for Title"), else the line's head."""
        quoted = self.works.quoted_between(start, end + 1)
        if quoted:
            return quoted[0]
        text = self.text
        cut = _first_of(text, start, end, (" for ", ", ", " – ", " — ", " - "))
        head = text[start:cut].strip()
        if cut < end and text.startswith(", ", cut) and self._says_where(cut + 2, end):
            title = self.works.at(start, commas=False)  # "Title, France", "Title, Netflix"
            if title is not None and title.end <= cut:
                return title
        if cut < end and self._names_people(head):
            pos = cut + (5 if text.startswith(" for ", cut) else 2)
            title = self.works.at(pos)
            if title is not None and title.end <= end:
                return title
        title = self.works.at(start, commas=False)
        return title if title is not None and title.end <= end else None

    def _says_where(self, start: int, end: int) -> bool:
        """A country, a network or a studio: what follows a title in a winners list."""
        return any(e.label_ in ("GPE", "ORG", "NORP", "LOC") and e.start_char < end and start < e.end_char
                   and e.start_char >= start - 1 for e in self.doc.ents)

    def _names_people(self, head: str) -> bool:
        parts = [p.strip() for p in re.split(r"\s*(?:,|&|\band\b)\s*", head) if p.strip()]
        return bool(parts) and all(
            self.people.is_person(p) or (len(p.split()) >= 2 and known_first_name(p.split()[0]))
            for p in parts
        )

    def _entry_name(self, claim: _Claim, start: int, end: int) -> Mention | None:
        text = self.text
        if claim.kind == "person":
            name_end = _first_of(text, start, end, (",", " for ", " (", " \u2013 ", " \u2014 ", " - "))
            found = self._person(start, name_end)
            return Mention(found[0], *found[1]) if found else None
        title = self.works.at(start)
        return Mention(title.text, title.start, title.end) if title and title.end <= end else None

    def _work_after(self, pos: int, end: int) -> Title | None:
        text = self.text
        while pos < end and (text[pos] in ",(:\u2013\u2014-" or text[pos].isspace() or text[pos : pos + 4] == "for "):
            pos += 4 if text[pos : pos + 4] == "for " else 1
        title = self.works.at(pos)
        return title if title is not None and title.end <= end + 1 else None

    # -- running text -----------------------------------------------------------
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
            subj = head.head  # "Birdman, which also garnered best screenplay"
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
            subj = poss  # "Avatar's taking best picture"
        if subj is None:
            return None
        if claim.kind == "person" and not self._is_person_token(subj):
            # "'Oppenheimer' scored a best director trophy for Christopher Nolan"
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
            # "Spielberg scores the award for best animated feature film, 'Tintin'": the work is named after
            found = self._title_after(claim, span)
        if found is None and claim.kind == "title" and self._is_person_token(subj):
            person = self.ctx.mention_in(subj.idx, subj.idx + len(subj)).person
            work = self._known_work(person)  # "he won best screenplay": the screenplay of his film
            if work is not None:
                found = work.text, (work.start, work.end)
        return found

    def _names_something_else(self, t: Title, *, orgs: bool = True) -> bool:
        """A person, a place, a date or an organisation rather than a work (NER
        often calls a title an organisation: ``orgs=False`` trusts the context)."""
        if any(m.kind == "name" and m.start < t.end and t.start < m.end for m in self.ctx.mentions):
            return True
        span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return True
        if self._ceremony_words.search(t.text):
            return True  # "The 2024 Golden Globes"
        labels = {"GPE", "LOC", "DATE", "TIME", "PERSON", "NORP", "FAC", "CARDINAL", "ORDINAL"} | ({"ORG"} if orgs else set())
        covered = sum(min(e.end_char, t.end) - max(e.start_char, t.start) for e in span.ents if e.label_ in labels)
        if covered >= 0.6 * (t.end - t.start):  # "Beverly Hills, California"
            return True
        return t.text[:1].isdigit() and not t.text.split()[0].isdigit()

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

    def _is_person_token(self, tok: Token) -> bool:
        m = self.ctx.mention_in(tok.idx, tok.idx + len(tok))
        return m is not None and m.person is not None

    def _for_person(self, claim: _Claim, span: Span) -> tuple[str, tuple[int, int]] | None:
        m = re.match(r"[\s\w-]{0,20}?\bfor\s+", self.text[claim.mention.end :])
        if m is None or "respectively" in m.group(0):
            return self._respectively(claim, span)
        pos = claim.mention.end + m.end()
        # "for Christopher Nolan", "for its star, Irish actor Colin Farrell"
        stop = min(len(self.text), pos + 50)
        for x in self.ctx.mentions:
            if pos <= x.start < stop and x.kind == "name" and x.person:
                if re.search(r"[.;:]|\band\b", self.text[pos : x.start]) or re.search(r"\bthe\s*$", self.text[pos : x.start], re.I):
                    return None  # "for The Farewell" names a work
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
        """ "X, a Golden Globe winner for Y", "Y winner X", "his win for Y", "Winner No. 3: 'T' for Y"."""
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
                        continue  # "a win for 3-D in light of X taking best picture": another clause
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
                title = self._last_title_before(tok.idx)  # "the film", "Universal's epic", "it"
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

    def _last_title_before(self, pos: int, *, window: int = 320) -> Title | None:
        """The work "the film" refers to: the one work named in this sentence or the
        one before; else the one named in the paragraph or the last few sentences.
        When two are named there, nobody can tell which."""
        k = max(0, bisect_right(self._sent_starts, pos) - 1)
        floor = self._sent_starts[max(0, k - 1)]
        for lo in (floor, None):
            if lo is None:
                para = self.text.rfind("\n", 0, pos) + 1
                lo = pos - max(window, min(pos - para, 1200))
            near = {_fold(t.text): t for t in self._named_works if t.end <= pos and t.start >= lo}
            distinct = [t for k_, t in near.items()
                        if not any(k_ != o and (o.startswith(k_) or k_.startswith(o)) for o in near if len(o) > len(k_))]
            if len(distinct) == 1:
                return distinct[0]
            if distinct:
                return None
        return None

    def _fullest_title(self, title: str) -> str:
        """A title as the document gives it in full: "Three Billboards" -> "Three Billboards Outside Ebbing, Missouri"."""
        key = _fold(title)
        if len(key.split()) < 2:
            return title  # "Up" is not short for "Up in the Air"
        longer = [t.text for t in self._named_works if _fold(t.text).startswith(key + " ")
                  and _fold(t.text)[len(key) + 1 :][:1].isalpha() and t.text[len(title):].strip(" ,")[:1].isupper()]
        return max(longer, key=len) if longer else title

    def _main_title_before(self, pos: int) -> Title | None:
        counts: dict[str, list[Title]] = {}
        for t in self._named_works:
            if t.end <= pos:
                counts.setdefault(_fold(t.text), []).append(t)
        if not counts:
            return None
        ranked = sorted(counts.values(), key=len, reverse=True)
        if len(ranked) > 1 and len(ranked[0]) == len(ranked[1]):
            return None
        return ranked[0][-1]

    def _index_works(self) -> list[Title]:
        """Works named outside quotes: quoted titles, and title-case runs after
        "for", "on", "in", "from" or before a role noun, that are not people."""
        found = {(t.start, t.end): t for t in (self.works.overlapping(s, e) for s, e in self.works.quoted) if t}
        for tok in self.doc:
            if tok.lower_ in ("'s", "\u2019s") and tok.i > 0 and self.doc[tok.i - 1].pos_ == "PROPN":
                start = self.doc[tok.i - 1]
                owned = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
                if owned is not None and owned.lower_ in self.lex.work_nouns:
                    continue  # "Universal's epic", "FX's show": the owner of a work, not the work
                t = self.works.covering(start.idx, start.sent.start_char, tok.idx)
                if t is not None and t.end > tok.idx and t.start < tok.idx:
                    t = Title(self.text[t.start : tok.idx], t.start, tok.idx, False)  # "The Big Bang Theory's Jim Parsons"
                if t is not None and t.end <= tok.idx and not self._names_something_else(t, orgs=False) and not self.people.lookup(t.text):
                    found.setdefault((t.start, t.end), t)
            if tok.lower_ in self.lex.work_nouns and tok.i + 1 < len(self.doc) and tok.pos_ == "NOUN":
                nxt = self.doc[tok.i + 1]  # "the film 1917", "the HBO drama Boardwalk Empire"
                if nxt.is_digit and len(nxt) == 4:
                    found.setdefault((nxt.idx, nxt.idx + 4), Title(nxt.text, nxt.idx, nxt.idx + 4, False))
                elif nxt.is_title or nxt.text[:1] in "\"\u201c'\u2018":
                    t = self.works.at(nxt.idx)
                    if t is not None and not self.people.is_person(t.text) and not self.ctx.inside_quote(t.start, t.end):
                        found.setdefault((t.start, t.end), t)
            if tok.lemma_.lower() in self.lex.win_verbs and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ == "PROPN" and not self._is_person_token(subj):
                    t = self.works.covering(subj.idx, subj.sent.start_char, subj.idx + len(subj))
                    if t is not None and not self.people.is_person(t.text) and not self._names_something_else(t, orgs=False):
                        found.setdefault((t.start, t.end), t)
            if tok.lower_ in ("director", "star", "co-star", "creator", "producer", "actor", "actress") and tok.i > 0:
                j = tok.i - 1
                while j > 0 and self.doc[j].lower_ in ("lead", "leading", "supporting", "co", "-", "series", "title"):
                    j -= 1
                prev = self.doc[j]  # "Parasite director Bong Joon-ho", "The Fighter co-star", "Boardwalk Empire lead actor"
                if prev.pos_ == "PROPN" and not self._is_person_token(prev) and not self.ctx.inside_quote(prev.idx, prev.idx + 1):
                    t = self.works.covering(prev.idx, prev.sent.start_char, prev.idx + len(prev))
                    if t is not None and t.end <= tok.idx and not self.people.is_person(t.text) and not self._names_something_else(t, orgs=False):
                        found.setdefault((t.start, t.end), t)
            if tok.lower_ in ("for", "on", "in", "from") and tok.i + 1 < len(self.doc):
                nxt = self.doc[tok.i + 1]
                if nxt.is_title or nxt.is_digit:
                    t = self.works.at(nxt.idx)
                    if t is None or self.people.is_person(t.text) or self.ctx.inside_quote(t.start, t.end):
                        continue
                    if _CATEGORY_WORD.match(t.text) or self._names_something_else(t, orgs=False):
                        continue
                    found.setdefault((t.start, t.end), t)
        return sorted(found.values(), key=lambda t: t.start)

    def _person(self, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        raw = self.text[start:end].strip()
        m = self.ctx.mention_in(start, end)
        if m is not None and m.kind == "name" and m.person:
            return m.person, (m.start, m.end)
        name = self.people.lookup(raw) or self.people.add(raw)
        if name is None:
            return None
        s = start + (len(self.text[start:end]) - len(self.text[start:end].lstrip()))
        return name, (s, s + len(raw))

    def _work_in(self, sent: Span, claim: _Claim) -> Title | None:
        """The work a person won for: in brackets after the name; after "for", "in"
        or "on" (a title that looks like a name counts when it follows the category or
        "performance", "role", "playing"); before a role noun or the name ("The
        Fighter co-star X", "The Big Bang Theory's X"); the one title the sentence
        quotes; else what the document says elsewhere of that person's work."""
        text = self.text
        if claim.winner_at:
            bracket = re.match(r"\s*\(\s*", text[claim.winner_at[1] : claim.winner_at[1] + 6])
            if bracket:  # "Nicole Kidman ("Being the Ricardos") won ..."
                title = self.works.at(claim.winner_at[1] + bracket.end())
                if title is not None and not self.people.is_person(title.text):
                    return title
        anchor = claim.winner_at[0] if claim.winner_at else claim.mention.start
        found = []
        for tok in sent:
            if tok.lower_ in ("for", "in", "on", "of") and tok.i + 1 < sent.end:
                nxt = self.doc[tok.i + 1]
                if nxt.tag_ == "VBG" and tok.i + 2 < sent.end:
                    nxt = self.doc[tok.i + 2]  # "for helming 'The Power of the Dog'"
                title = self.works.at(nxt.idx)
                if title is None and nxt.lower_ in ("the", "this", "that", "his", "her", "their") and tok.i + 2 < sent.end \
                        and self.doc[tok.i + 2].lower_ in self.lex.work_nouns:
                    title = self._last_title_before(nxt.idx)  # "for his role in the film"
                if title is None or title.start < sent.start_char and not title.end <= nxt.idx or title.end > sent.end_char + 1:
                    continue
                if tok.lower_ == "of" and not any(t.lower_ in _WORK_FRAMES for t in self.doc[max(sent.start, tok.i - 3) : tok.i]):
                    continue
                if _overlaps_mention(claim.mention, title) or (claim.winner_at and title.start <= claim.winner_at[0] < title.end):
                    continue
                framed = tok.idx - claim.mention.end in range(0, 3) or any(
                    t.lower_ in _WORK_FRAMES for t in self.doc[max(sent.start, tok.i - 6) : tok.i]) or (
                    claim.winner_at is not None and tok.idx - claim.winner_at[1] in range(0, 3))
                if not framed and (self.people.is_person(title.text) or
                                   (not title.quoted and self._names_something_else(title, orgs=False))):
                    continue
                found.append(title)
        if found:  # the one nearest the winner, after it first: "A's role in X won him ..., while B's in Y won her ..."
            return min(found, key=lambda t: t.start - anchor if t.start >= anchor else 2 * (anchor - t.start))
        if claim.winner_at:
            before = self._work_before(claim.winner_at[0], sent.start_char)
            if before is not None:
                return before
        quoted = [t for t in self.works.quoted_between(sent.start_char, sent.end_char + 1)
                  if not _overlaps_mention(claim.mention, t) and not self.people.is_person(t.text)
                  and not (claim.winner_at and t.start <= claim.winner_at[0] < t.end) and -150 <= t.start - anchor <= 60]
        if len({_fold(t.text) for t in quoted}) == 1:
            return quoted[0]
        return self._known_work(claim.winner) if claim.winner else None

    def _work_before(self, pos: int, floor: int) -> Title | None:
        """ "The King's Speech actor X", "The Big Bang Theory's X", "“Succession” star X"."""
        head = self.text[floor:pos]
        m = re.search(r"(?:['\u2019]s|\s+(?:lead\s+|supporting\s+|co-?)?(?:star|actor|actress|creator|director|producer|writer))\s+(?:and\s+[\w\s-]+?\s+)?$", head)
        if m is None:
            return None
        end = floor + m.start()
        for t in reversed(self._named_works):
            if t.end in (end, end - 1) and t.start >= floor:
                return t
        return None

    def _known_work(self, person: str) -> Title | None:
        """What the document says elsewhere of a person's work, when it says one thing."""
        works = {}
        for m in self.ctx.mentions:
            if m.kind != "name" or m.person != person:
                continue
            t = self._work_before(m.start, self.text.rfind("\n", 0, m.start) + 1)
            if t is None:
                star = re.match(r",\s+(?:the\s+)?(?:star|creator|director)\s+of\s+", self.text[m.end : m.end + 30])
                t = self.works.at(m.end + star.end()) if star else None
            if t is None:
                own = re.match(r"['\u2019]s?\s+(?:[\w-]+\s+){0,3}?(?:film|movie|drama|series|show|comedy|thriller|musical)\s+",
                               self.text[m.end : m.end + 60])
                at = m.end + own.end() if own else None  # "Sam Mendes' WWI film 1917"
                year = re.match(r"\d{4}\b", self.text[at : at + 5]) if at is not None else None
                t = Title(year.group(0), at, at + 4, False) if year else (self.works.at(at) if at is not None else None)
                if t is not None and (self.people.is_person(t.text) or len(t.text.split()) > 6):
                    t = None
            if t is None and re.match(r"['\u2019]s\s", self.text[m.end : m.end + 3]):
                lead = re.search(r",\s*$", self.text[max(0, m.start - 3) : m.start])  # "Title, Person's film"
                if lead:
                    t = next((w for w in reversed(self._named_works) if m.start - 4 <= w.end <= m.start), None)
            if t is not None:
                works[_fold(t.text)] = t
        return next(iter(works.values())) if len(works) == 1 else None

    # -- nominees and presenters ------------------------------------------------------
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
        (the parser often takes a title like "Call Me By Your Name" for a verb)."""
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

    # -- categories --------------------------------------------------------------
    def _resolve(self, claims: list[_Claim]) -> list[Award]:
        """Name each claim's category for the year: its own words and sentence first,
        then what the document tells of its work (a film? a show?), the same winner
        elsewhere in the document, and the categories already given to others."""
        fams: list[str | None] = [self._family(c, set(), near=True) for c in claims]
        for _ in range(2):
            taken = {f for f, c in zip(fams, claims) if f and c.winner}
            media = self._work_media(claims, fams)
            for k, c in enumerate(claims):
                if fams[k] is not None:
                    continue
                fams[k] = (self._by_winner(c, claims, fams) or self._by_medium(c, media)
                           or self._family(c, taken if c.winner else set(), near=False))
        out = []
        for c in claims:
            if c.kind == "title" and c.winner:
                c.winner = self._fullest_title(c.winner)
            if c.work:
                c.work = self._fullest_title(c.work)
        for c, fam in zip(claims, fams):
            official = cats.official_name(fam, ceremony=self.ceremony, year=self.year) if fam else None
            out.append(Award(
                award=official, winner=c.winner, start=c.mention.start, end=c.mention.end, work=c.work,
                mention=c.mention.text, family=fam, candidates=tuple(c.mention.candidates),
                winner_at=c.winner_at, work_at=c.work_at, nominees=tuple(_unique(c.nominees)),
                presenters=tuple(_unique(c.presenters)),
                confidence=c.confidence if official else c.confidence / 2,
            ))
        return _merge(out)

    def _family(self, c: _Claim, taken: set[str], *, near: bool) -> str | None:
        m = c.mention
        if near:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            context = span.sent.text if span is not None else ""
            line_start = self.text.rfind("\n", 0, m.start) + 1
            if _LIST_HEAD.match(self.text[line_start : m.start]):
                context = self.text[line_start : _line_end(self.text, m.end)] + " " + self._section_heading(line_start)
        else:
            para_start = self.text.rfind("\n", 0, m.start) + 1
            context = self.text[para_start : _line_end(self.text, m.end)]
            if c.work:
                context += " " + self._work_context(c.work)
        return cats.resolve(m, ceremony=self.ceremony, year=self.year, context=context, taken=taken)

    def _section_heading(self, pos: int) -> str:
        """The heading a winners list sits under ("Motion picture winners", "TELEVISION")."""
        text, seen = self.text, 0
        while pos > 0 and seen < 40:
            start = text.rfind("\n", 0, pos - 1) + 1
            line = text[start : pos - 1].strip()
            pos, seen = start, seen + 1
            if not line:
                continue
            words = line.split()
            if len(words) <= 6 and not any(start <= m.start < start + len(line) + 1 for m in self.mentions) and (
                line.isupper() or line.endswith(":") or re.search(r"\b(?:winners|nominees|categories)\b", line, re.I)
            ):
                return line
        return ""

    def _work_media(self, claims: list[_Claim], fams: list[str | None]) -> dict[str, str]:
        """A work that won a film award is a film; one that won a series award, a show."""
        media: dict[str, str] = {}
        for c, fam in zip(claims, fams):
            options = [fam] if fam else list(c.mention.candidates)
            kinds = {cats.family_attributes(f, self.ceremony).get("medium") for f in options}
            if len(kinds) != 1:
                continue  # the medium is known when every reading agrees ("best picture": a film)
            medium = kinds.pop()
            work = c.winner if c.kind == "title" else c.work
            if work and medium:
                media.setdefault(_fold(work), medium)
        return media

    def _by_medium(self, c: _Claim, media: dict[str, str]) -> str | None:
        work = c.winner if c.kind == "title" else c.work
        if not work:
            return None
        medium = next((m for w, m in media.items() if w == _fold(work) or w.startswith(_fold(work) + " ")), None)
        if medium is None:
            return None
        fitting = [f for f in c.mention.candidates if cats.family_attributes(f, self.ceremony).get("medium") == medium]
        return fitting[0] if len(fitting) == 1 else None

    def _by_winner(self, c: _Claim, claims: list[_Claim], fams: list[str | None]) -> str | None:
        """The same winner told again in other words: take the category already settled."""
        if not c.winner:
            return None
        from ..fuse import same_entity

        settled = {f for o, f in zip(claims, fams) if f and o.winner and same_entity(o.winner, c.winner)}
        fitting = settled & set(c.mention.candidates)
        return next(iter(fitting)) if len(fitting) == 1 else None

    def _work_context(self, work: str) -> str:
        """The sentences that name a work tell whether it is a film or a show."""
        out = []
        for sent in self.doc.sents:
            if work in sent.text:
                out.append(sent.text)
        return " ".join(out)[:2000]


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


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


def _crosses_paragraph(text: str, start: int, end: int) -> bool:
    return "\n" in text[start:end].strip()


def _cut_off(text: str, end: int) -> bool:
    """The line ends where the whole text ends, mid-word: a snippet cut short."""
    rest = text[end:].strip()
    return not rest and bool(text.rstrip()) and text.rstrip()[-1].isalnum() and not text.endswith("\n")


def _is_director(m: cats.CategoryMention) -> bool:
    return any(f.endswith(".director") or f == "film.director" for f in m.candidates)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _first_of(text: str, start: int, end: int, seps: tuple[str, ...]) -> int:
    best = end
    for sep in seps:
        i = text.find(sep, start, end)
        if 0 <= i < best:
            best = i
    return best


def _overlaps_mention(m: cats.CategoryMention, t: Title) -> bool:
    return t.start < m.end and m.start < t.end


def _unique(items: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for it in items:
        key = it.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def _merge(awards: list[Award]) -> list[Award]:
    """One entry per (category, winner): the same win told twice is one award,
    under the fuller spelling ("Sweeney Todd" and its full title)."""
    from ..fuse import same_entity

    out: list[Award] = []
    for a in awards:
        k = next((i for i, o in enumerate(out) if (o.award or o.mention.lower()) == (a.award or a.mention.lower())
                  and ((not o.winner and not a.winner) or (o.winner and a.winner and same_entity(o.winner, a.winner)))),
                 None)
        if k is not None:
            prev = out[k]
            if a.winner and prev.winner and len(a.winner) > len(prev.winner):
                prev = Award(**{**_fields(prev), "winner": a.winner, "winner_at": a.winner_at})
            nominees = tuple(_unique(list(prev.nominees) + list(a.nominees)))
            presenters = tuple(_unique(list(prev.presenters) + list(a.presenters)))
            out[k] = Award(**{**_fields(prev), "nominees": nominees, "presenters": presenters,
                              "work": prev.work or a.work, "work_at": prev.work_at or a.work_at,
                              "confidence": max(prev.confidence, a.confidence)})
        else:
            out.append(a)
    return out


def _fields(a: Award) -> dict:
    return {f: getattr(a, f) for f in Award.__slots__}
