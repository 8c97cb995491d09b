"""The ceremony's host(s): "host Jo Smith", "hosts A and B", "A hosted the
show", "A returned to host", "A, the host", "in his first turn as host"."""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.lexicon import lexicon
from ..records import Host
from .speakers import Speakers

_PAST = {"last", "previous", "former", "past", "ex", "ex-", "one-time", "onetime", "earlier"}


def find_hosts(ctx: Speakers) -> list[Host]:
    """Hosts named in the document, each at its first mention, in text order."""
    doc, lex = ctx.doc, lexicon()
    found: dict[str, Host] = {}
    for tok in doc:
        low = tok.lower_
        if ctx.inside_quote(tok.idx, tok.idx + len(tok)):
            continue
        people: list[Token] = []
        if low in lex.host_nouns and tok.pos_ in ("NOUN", "PROPN"):
            if any(c.lower_ in _PAST for c in tok.children) or _past_in(tok):
                continue
            if tok.dep_ == "compound":  # "host Ricky Gervais", "Globes host Ricky Gervais"
                people.append(tok.head)
            elif tok.dep_ in ("appos", "attr") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
                people.append(_subject_side(tok))  # "Ricky Gervais, the host"; "in his first turn as host"
            people += [c for c in tok.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]
        elif tok.lemma_.lower() in ("host", "co-host", "cohost", "emcee") and tok.pos_ == "VERB":
            if any(c.dep_ == "neg" or c.lemma_.lower() in ("will", "would", "should", "could") for c in tok.children):
                continue
            subj = ctx._subject_of(tok)
            if subj is not None:
                people.append(subj)
        for p in people:
            if p is None:
                continue
            for member in [p] + [c for c in p.children if c.dep_ == "conj"]:
                m = ctx.mention_in(member.idx, member.idx + len(member))
                if m is None:
                    for t in member.subtree:
                        m = ctx.mention_in(t.idx, t.idx + len(t))
                        if m is not None:
                            break
                if m is not None and m.person and m.person not in found:
                    found[m.person] = Host(m.person, m.start, m.end)
    return sorted(found.values(), key=lambda h: h.start)


def _subject_side(tok: Token) -> Token:
    """For "his first turn as host", the person the possessive stands for."""
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


def _past_in(tok: Token) -> bool:
    """ "who hosted last year": a past host is not this ceremony's."""
    window = tok.doc[max(0, tok.i - 2) : tok.i + 4]
    return any(t.lower_ in ("last", "previous", "former") and t.i > tok.i for t in window) and any(
        t.lower_ == "year" for t in window
    )
