"""Who handed out an award, and the winners a live blog announces without
naming the category again.

Presenters: "X presented C", "C presented by X", "X and Y now present C",
"X stepped up to the podium to present C", "X comes out to present it", "X introduced
him for C", "was given the award by X", "Presenter X ... announced T as the
winner of C", "X and Y's presentation of C".

Announcements: "And the winner is ... X" or "the Golden Globe goes to X" in an
entry whose category was named just before.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..records import Mention

if TYPE_CHECKING:
    from .awards import Awards
    from .claims import _Claim

_WINNER_IS = re.compile(r"\b(?:and\s+)?the\s+winner\s+is\b[\s.\u2026:!-]*", re.I)
_STAMP = re.compile(r"^\s*[\[(]?\d{1,2}[:.]\d{2}")


def add_presenters(aw: "Awards", claims: list["_Claim"]) -> None:
    """Attach presenters to the claims of the categories they presented."""
    lex, doc = aw.lex, aw.doc
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lex.presenter_verbs and not aw.ctx.inside_quote(tok.idx, tok.idx + 1):
            claim = _claim_of_recipient(aw, claims, tok) or _claim_for(aw, claims, tok)
            if claim is None:
                continue
            people = _presenting_people(aw, tok)
            for m in people:
                if m.person and m.person != claim.winner:
                    claim.presenters.append(Mention(m.person, m.start, m.end))
            if lemma == "introduce" and claim.kind == "person" and not claim.winner:
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                found = aw._entity(claim, obj) if obj is not None else None
                if found is not None:  # "Y introduced him for the lifetime award": he is its winner
                    claim.winner, claim.winner_at = found
                    claim.confidence = max(claim.confidence, 0.7)
        elif tok.lower_ in ("presenter", "presenters") and tok.dep_ == "compound":
            claim = _claim_for(aw, claims, tok)
            m = aw.ctx.mention_in(tok.head.idx, tok.head.idx + len(tok.head))
            if claim is not None and claim.winner and m is not None and m.person:
                claim.presenters.append(Mention(m.person, m.start, m.end))
        elif tok.lower_ == "presentation" and tok.pos_ == "NOUN":
            claim = _claim_for(aw, claims, tok)
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if claim is not None and poss is not None:
                if poss.lower_ == "their":  # "A and B ... with their presentation of C"
                    verb = poss.head
                    while verb.pos_ != "VERB" and verb.head is not verb:
                        verb = verb.head
                    subj = aw.ctx._subject_of(verb) if verb.pos_ == "VERB" else None
                    people = _group(aw, subj) if subj is not None else []
                else:
                    people = _group(aw, poss)
                for m in people:
                    claim.presenters.append(Mention(m.person, m.start, m.end))


def _claim_of_recipient(aw: "Awards", claims: list["_Claim"], verb: Token) -> "_Claim | None":
    """ "X, who was given the award by Y": the award X won."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head
    m = aw.ctx.mention_in(subj.idx, subj.idx + len(subj))
    if m is None or not m.person:
        return None
    won = [c for c in claims if c.winner == m.person and c.mention.start < verb.idx]
    return won[-1] if won else None


def _claim_for(aw: "Awards", claims: list["_Claim"], tok: Token) -> "_Claim | None":
    """The category a presenting word is about: one named in its sentence after
    it, or the one named just before (for "to present it")."""
    sent = tok.sent
    inside = [c for c in claims if sent.start_char <= c.mention.start < sent.end_char]
    after = [c for c in inside if c.mention.start >= tok.idx]
    if after:
        return after[0]
    if inside:
        return inside[-1]
    if any(c.lower_ in ("it", "award", "trophy", "globe", "prize", "honor", "hardware") for c in tok.subtree):
        before = [c for c in claims if c.mention.end <= sent.start_char and sent.start_char - c.mention.end < 400]
        return before[-1] if before else None
    return None


def _presenting_people(aw: "Awards", verb: Token) -> list:
    """Subject of "present", or the agent of "presented by" / "given ... by"."""
    ctx = aw.ctx
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        return _group(aw, obj) if obj is not None else []
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    subj = ctx._subject_of(verb)
    if subj is None:
        return []
    if subj.lower_ in ("they", "who"):
        head = verb.head if subj.lower_ == "they" else subj.head
        s2 = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None) if head is not verb else None
        if s2 is not None:
            subj = s2
    return _group(aw, subj)


def _group(aw: "Awards", tok: Token) -> list:
    """The people a noun phrase names, with its coordinated members ("X and Y")."""
    out = []
    for t in [tok] + [c for c in tok.subtree if c.dep_ == "conj"]:
        m = aw.ctx.mention_in(t.idx, t.idx + len(t))
        if m is not None and m.person and m.person not in [o.person for o in out]:
            if not (m.kind == "pronoun" and m.gender == "p"):
                out.append(m)
    return out


def add_announced_winners(aw: "Awards", claims: list["_Claim"]) -> None:
    """ "And the winner is ... X", "the Golden Globe goes to X": the category named just before."""
    text, doc = aw.text, aw.doc
    for match in _WINNER_IS.finditer(text):
        pos = match.end()
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        _announce(aw, claims, match.start(), pos)
    for tok in doc:
        if tok.lemma_.lower() == "go" and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if subj is None or to is None or subj.lower_ not in ("globe", "award", "trophy", "prize", "it", "honor"):
                continue
            if any(c.mention.start >= tok.sent.start_char and c.mention.end <= tok.sent.end_char for c in claims):
                continue  # the sentence names its category: read there
            obj = next((g for g in to.children if g.dep_ == "pobj"), None)
            if obj is not None:
                _announce(aw, claims, tok.sent.start_char, obj.left_edge.idx, for_work=_for_title(aw, tok))


def _announce(aw: "Awards", claims: list["_Claim"], at: int, pos: int, for_work=None) -> None:
    before = [c for c in claims if c.mention.end <= at and not _crosses_entry(aw.text, c.mention.end, at)]
    if not before:
        return
    claim = before[-1]
    if claim.winner:
        return
    if claim.kind == "person":
        m = aw.ctx.mention_in(pos, pos + 3)
        if m is None or m.kind != "name" or not m.person:
            return
        claim.winner, claim.winner_at = m.person, (m.start, m.end)
        work = for_work or aw._work_after(m.end, _line_end(aw.text, m.end))
        if work is not None:
            claim.work, claim.work_at = work.text, (work.start, work.end)
    else:
        title = aw.works.at(pos)
        if title is None or aw.people.is_person(title.text):
            return
        claim.winner, claim.winner_at = title.text, (title.start, title.end)
    claim.confidence = max(claim.confidence, 0.75)


def _for_title(aw: "Awards", verb: Token):
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return aw.works.overlapping(obj.idx, obj.idx + len(obj)) or aw.works.at(obj.left_edge.idx)
    return None


def _crosses_entry(text: str, start: int, end: int) -> bool:
    """Another live-blog entry (a timestamped line) or more than three lines lie between."""
    between = text[start:end]
    lines = between.split("\n")
    if len([ln for ln in lines[1:] if ln.strip()]) > 3:
        return True
    return any(_STAMP.match(ln) for ln in lines[1:])


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
