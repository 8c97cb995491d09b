"""The ceremony's host(s).

Named as such: "host Jo Smith", "hosts A and B", "A hosted the show", "A
returned to host", "A, the host", "in her first outing as host", "the Globes
host" (resolved like any role noun). Or shown at work: the person whose
opening monologue, first or parting words, or opening joke the text reports.
Past and future hosts ("who hosted last year", "will host") are not this
ceremony's.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..nlp.lexicon import lexicon
from ..records import Host
from .speakers import Speakers

_PAST = {"last", "previous", "former", "past", "ex", "ex-", "one-time", "onetime", "earlier", "future", "next"}
_JOINER = re.compile(r"^(?:,\s*|\s+and\s+|\s*&\s*|,\s*and\s+)$")
_HOST_WORK = {"monologue", "duologue", "opening"}
_HOST_WORDS = {"words", "remarks", "joke", "jokes", "quip", "quips"}
_ORDER = {"first", "parting", "opening", "last", "closing"}


def find_hosts(ctx: Speakers, *, year: int | None = None) -> list[Host]:
    """Hosts named in the document, each at its first mention, in text order.

    With the ceremony's ``year``, a host of another year ("hosted in 2019") is left out.
    """
    doc, lex = ctx.doc, lexicon()
    found: dict[str, Host] = {}

    def add(m) -> None:
        if m is None or not m.person or (m.kind == "pronoun" and m.gender == "p"):
            return
        found.setdefault(m.person, Host(m.person, m.start, m.end))

    for tok in doc:
        if ctx.inside_quote(tok.idx, tok.idx + len(tok)):
            continue
        low = tok.lower_
        misread = (tok.pos_ == "VERB" and tok.dep_ == "ROOT" and tok.lower_.endswith("s")
                   and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))  # ", hosts A and B traded barbs"
        if low in lex.host_nouns and (tok.pos_ in ("NOUN", "PROPN") or misread) and not _not_now(tok):
            named = _names_after(ctx, tok)
            for m in named:
                add(m)
            if named:
                continue
            if tok.dep_ in ("appos", "attr") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
                for m in _people_in(ctx, _subject_side(tok)):
                    add(m)
            elif tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                for m in _people_in(ctx, tok.head):
                    add(m)
            else:
                add(ctx.mention_in(tok.idx, tok.idx + len(tok)))  # "the Globes host": a resolved role noun
        elif tok.lemma_.lower() in ("host", "co-host", "cohost", "emcee") and tok.pos_ == "VERB":
            if _other_year(tok, year) or _not_now(tok) or any(c.dep_ == "neg" or c.lemma_.lower() in ("will", "would", "should", "could")
                                    for c in tok.children):
                continue
            subj = ctx._subject_of(tok)
            if subj is not None:
                for m in _people_in(ctx, subj):
                    add(m)
        elif low in _HOST_WORK | _HOST_WORDS and tok.pos_ == "NOUN":
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None and _shows_hosting(tok):
                add(ctx.mention_in(poss.idx, poss.idx + len(poss)))
            elif poss is None and low in _HOST_WORK | {"joke"}:
                verb = _opening_verb(tok)  # "X opens the show with a joke", "X starts with a ... joke"
                if verb is not None:
                    subj = ctx._subject_of(verb)
                    if subj is not None:
                        add(ctx.mention_in(subj.idx, subj.idx + len(subj)))
    return sorted(found.values(), key=lambda h: h.start)


def _opening_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(3):
        t = t.head
        if t.pos_ == "VERB":
            return t if t.lemma_.lower() in ("open", "start", "begin", "kick", "launch") else None
    return None


def _shows_hosting(tok: Token) -> bool:
    """ "X's opening monologue", "X's first words", "X's parting words"."""
    if tok.lower_ in _HOST_WORK:
        return True
    return any(c.lower_ in _ORDER for c in tok.children)


def _names_after(ctx: Speakers, tok: Token) -> list:
    """The names right after a host noun: "hosts Ana Reyes and Maria Lindqvist"."""
    out, pos = [], tok.idx + len(tok)
    while True:
        m = ctx.mention_in(pos, pos + 3)
        if m is None or m.kind != "name" or ctx.text[pos : m.start].strip(" ,"):
            return out
        out.append(m)
        rest = ctx.text[m.end : m.end + 8]
        j = re.match(r",\s*and\s+|\s+and\s+|\s*&\s*|,\s*", rest)
        if j is None:
            return out
        pos = m.end + j.end()


def _people_in(ctx: Speakers, tok: Token) -> list:
    """Every name in a noun phrase: "the queens of late night, A and B"."""
    out = []
    for t in tok.subtree:
        m = ctx.mention_in(t.idx, t.idx + len(t))
        if m is not None and m.kind == "name" and m not in out:
            out.append(m)
    if not out:
        m = ctx.mention_in(tok.idx, tok.idx + len(tok))
        if m is not None:
            out.append(m)
    return out


def _subject_side(tok: Token) -> Token:
    """For "her first outing as host", the person the possessive stands for."""
    t = tok
    for _ in range(4):
        if t.dep_ == "appos":
            return t.head
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if t.head is t:
            break
        t = t.head
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return tok.head


def _other_year(verb: Token, year: int | None) -> bool:
    """ "X hosted the ceremony in 2019", said of the 2025 one."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for obj in prep.children:
            if obj.dep_ == "pobj" and re.fullmatch(r"(?:19|20)\d\d", obj.text) and (year is None or int(obj.text) != year):
                return True
    return False


def _not_now(tok: Token) -> bool:
    """A past or future host: "who hosted last year", "former host", "next year's host"."""
    if any(c.lower_ in _PAST for c in tok.children):
        return True
    window = tok.doc[max(0, tok.i - 3) : tok.i + 5]
    return any(t.lower_ in ("last", "previous", "next") for t in window) and any(
        t.lower_ in ("year", "year's", "season") for t in window
    )
