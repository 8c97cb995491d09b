"""Properties that hold for any input: readers, the quote finder, speakers, whole documents, categories.

Hypothesis writes the inputs: bytes in any encoding, any unicode text, and
texts built from the pieces awards coverage is made of (quote marks, names,
reporting verbs, pronouns, category phrases, timestamps, line breaks) mixed
with random characters. Nothing may raise but pressroom's own errors, and
every offset must point into the text it came from. Every name here is
invented. ``@example`` keeps each input that once broke a property.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from pressroom.documents import read_bytes, read_text
from pressroom.errors import InputError
from pressroom.extract.marks import DOUBLE, SINGLE, find_quoted
from pressroom.extract.quotes import find_candidates
from pressroom.knowledge import ceremonies
from pressroom.knowledge.categories import (
    family_attributes,
    find_category_mentions,
    official_name,
    resolve,
)
from pressroom.records import SETTINGS
from pressroom.resolve import People, choose_antecedent, clean_name, looks_like_name, surname

QUICK = settings(max_examples=200, deadline=None)
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MARKS = DOUBLE + SINGLE

# --- a grammar of awards coverage --------------------------------------------------------

NAMES = ["Marisol Quenby", "Quenby", "Tobiah Renwick", "Renwick", "Dr. Ilse Varga-Holm", "Varga-Holm",
         "Ana\u00efs Dunmore", "Yusuf Adeyemi-Strand", "Odile Ferrante-Nakamura", "Mr. Benedek Sarlo",
         "Perpetua Holloway Jr.", "de la Vega"]
VERBS = ["said", "says", "added", "told reporters", "quipped", "laughed", "joked", "asked", "wrote", "explained",
         "said backstage", "said on the red carpet", "said on stage", "according to"]
PRONOUNS = ["she", "he", "they", "her", "his", "I", "we", "you", "it", "the actress", "the director", "the host"]
CATEGORIES = ["best actress in a drama", "Best Motion Picture \u2013 Musical or Comedy", "supporting actor",
              "the Cecil B. DeMille Award", "best TV series, drama", "Best Director", "best screenplay",
              "Actor, Limited Series", "best animated feature", "best original song", "best picture",
              "Best Performance by an Actress in a Television Series \u2013 Drama"]
CUES = ["goes to", "won", "wins", "took home", "presented by", "Nominees:", "Winner:", "and the winner is",
        "hosted by", "hosts", "beat out", "for", "in", "\u2014", ":", "-", ",", ".", "!", "?", "(", ")"]
STAMPS = ["9:42 p.m. ET:", "[10.05pm]", "8:01pm -", "11:59 PM:", "00:15:"]
BREAKS = ["\n", "\n\n", "\r\n", "\n\u2022 ", "\n- ", "\n> ", "\t", "\u2028", "\f"]
WORDS = ["the", "crowd", "backstage", "night", "film", "\u201cThe Lantern Orchard\u201d", "'90s", "don't",
         "rock 'n' roll", "Golden Globes", "2031", "on Sunday", "thanked", "her mother", "\u00a0", "\u200f"]

piece = st.one_of(
    st.sampled_from(list(MARKS)), st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(PRONOUNS),
    st.sampled_from(CATEGORIES), st.sampled_from(CUES), st.sampled_from(STAMPS), st.sampled_from(BREAKS),
    st.sampled_from(WORDS), st.text(max_size=4),
)
coverage = st.lists(st.tuples(piece, st.sampled_from(["", " ", " ", "  "])), max_size=60).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)

def _sentence(template: str) -> st.SearchStrategy[str]:
    """A sentence of coverage: ``template`` with each {slot} filled from its strategy."""
    slots = {
        "open": st.sampled_from(list(DOUBLE + SINGLE)), "close": st.sampled_from(list(DOUBLE + SINGLE)),
        "name": st.sampled_from(NAMES), "verb": st.sampled_from(VERBS), "pronoun": st.sampled_from(PRONOUNS),
        "category": st.sampled_from(CATEGORIES), "cue": st.sampled_from(CUES), "stamp": st.sampled_from(STAMPS),
        "words": st.lists(st.one_of(st.sampled_from(WORDS + PRONOUNS), st.text(max_size=3)), min_size=1,
                          max_size=12).map(" ".join),
    }
    names = [part.split("}")[0] for part in template.split("{")[1:]]
    return st.tuples(*(slots[n] for n in names)).map(
        lambda values: template.format_map(_Fill(zip(names, values))))


class _Fill(dict):
    """Fills repeated slots ({name} ... {name}) one value each, in order."""

    def __init__(self, pairs) -> None:
        super().__init__()
        self._queue: dict[str, list[str]] = {}
        for key, value in pairs:
            self._queue.setdefault(key, []).append(value)

    def __missing__(self, key: str) -> str:
        return self._queue[key].pop(0)


SENTENCES = [
    "{open}{words},{close} {name} {verb}.", "{open}{words}{close} {pronoun} {verb}.",
    "{name} {verb}, {open}{words}.{close}", "{pronoun} {verb}: {open}{words}{close}",
    "{open}{words},{close} {verb} {name}, {open}{words}.{close}", "{name} ({words}): {words}",
    "{words} — {name}", "{category}: {name}", "{category} {cue} {name} for {open}{words}{close}",
    "{name} won {category}.", "{name} {cue} {category}, beating {name} and {name}.",
    "Presenters {name} and {name} gave {category} to {name}.", "{stamp} {name} wins {category}!",
    "{stamp} {open}{words}{close} {pronoun} {verb}.", "Hosts {name} and {name} opened the show.",
    "Nominees for {category}: {name}, {name}, {name}", "{words}",
]
article = st.lists(
    st.tuples(st.one_of(*map(_sentence, SENTENCES)), st.sampled_from([" ", " ", "\n", "\n\n", "\n\n", *BREAKS])),
    min_size=1, max_size=12,
).map(lambda parts: "".join(p + sep for p, sep in parts))

# Invented articles in the layouts coverage comes in, cut and spliced by hypothesis.
ARTICLES = [
    "Quenby and Renwick share the night at the 2031 Golden Globes\n\n"
    "Marisol Quenby won best actress in a motion picture \u2013 drama for \u201cThe Lantern Orchard\u201d, "
    "beating Ana\u00efs Dunmore and Odile Ferrante-Nakamura. \u201cI wrote half of this speech in the car,\u201d "
    "Quenby said backstage. \u201cThe other half, my daughter wrote.\u201d\n\n"
    "Tobiah Renwick took home best supporting actor. He thanked his crew: \"We built it out of nothing.\"\n\n"
    "Presenters Yusuf Adeyemi-Strand and Perpetua Holloway gave best director to Ilse Varga-Holm, who "
    "called the evening \u2018a fever dream.\u2019 The hosts, Benedek Sarlo and Odile Ferrante-Nakamura, "
    "opened with a song.\n",
    "IN THEIR OWN WORDS\n\n"
    "Marisol Quenby (backstage, best actress): I kept thinking about the first day on set and how cold it was.\n\n"
    "Tobiah Renwick (on stage, best supporting actor): My mother told me to keep it short, so I will.\n\n"
    "We made this film with friends and borrowed lights. \u2014 Ilse Varga-Holm, on stage, best director\n\n"
    "Nobody expected a film about a lighthouse to do this well. \u2014 Yusuf Adeyemi-Strand, backstage\n",
    "Winners\n\nBest Motion Picture \u2013 Drama: The Lantern Orchard\nBest Director: Ilse Varga-Holm, "
    "\u201cGlass Pavilion\u201d\nBest Actress in a Motion Picture \u2013 Drama: Marisol Quenby\n"
    "Best Supporting Actor: Tobiah Renwick\nCecil B. DeMille Award: Odile Ferrante-Nakamura\n\n"
    "Nominees for best original song: \u201cTin Bells\u201d, \u201cSaltwater Hymns\u201d, \u201cRiver Late\u201d\n",
    "LIVE: Golden Globes 2031\n\n8:01 p.m. ET: Hosts Benedek Sarlo and Perpetua Holloway take the stage.\n\n"
    "8:14 p.m. ET: Tobiah Renwick wins best supporting actor! \"I did not prepare anything,\" he says.\n\n"
    "[9.31pm] Marisol Quenby takes home best actress in a drama. She thanks her daughter.\n\n"
    "11:58 PM: \u201cGood night, everyone,\u201d Sarlo says, and the band plays them off.\n",
]
_INSERTS = st.one_of(st.sampled_from(list(MARKS) + BREAKS + NAMES + PRONOUNS + CUES + STAMPS), st.text(max_size=3))
_EDIT = st.tuples(st.floats(0, 1), st.integers(0, 40), _INSERTS)  # where, how many characters to cut, what to put


def _spliced(base: str, edits: list[tuple[float, int, str]]) -> str:
    for where, cut, insert in edits:
        at = int(where * len(base))
        base = base[:at] + insert + base[at + cut:]
    return base


spliced = st.builds(_spliced, st.sampled_from(ARTICLES), st.lists(_EDIT, max_size=8))
any_text = st.one_of(spliced, article, coverage, st.text(max_size=300))


# --- readers ------------------------------------------------------------------------------


@QUICK
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(["txt", "html", "md", "htm", ""]))
@example(data=b"\xff\xfe\x00\xd8", suffix="txt")  # a byte-order mark, then a lone surrogate
@example(data="caf\u00e9 \u201cau lait\u201d".encode()[:-1], suffix="txt")  # UTF-8 cut in its last character
def test_any_bytes_read_or_raise_input_error(data, suffix):
    try:
        doc = read_bytes(data, id="x", path=f"x.{suffix}" if suffix else "x")
    except InputError as exc:
        assert exc.source == (f"x.{suffix}" if suffix else "x") and exc.problem
        return
    assert doc.text.strip() and "\r" not in doc.text


TAGS = ["<p>", "</p>", "<div class='x'>", "</div>", "<script>", "</script>", "<style>", "<br>", "<!--", "-->",
        "<html>", "<!DOCTYPE html>", "<title>", "</title>", "&amp;", "&#0;", "&#x1F600;", "&nbsp;", "<a href='javascript:x'>",
        "</a>", "<template>", "<![CDATA[", "]]>", "# ", "**", "_", "`", "[", "](", ")", "> ", "- ", "```", "\\"]
markup = st.lists(st.one_of(st.sampled_from(TAGS), any_text), max_size=20).map("".join)


@QUICK
@given(text=markup, suffix=st.sampled_from(["html", "md", "txt"]))
def test_any_markup_reads_or_raises_input_error(text, suffix):
    try:
        doc = read_bytes(text.encode("utf-8", "surrogatepass"), id="x", path=f"x.{suffix}")
    except InputError as exc:
        assert exc.problem
        return
    assert doc.text.strip() and "\r" not in doc.text and len(doc.title) <= 200


def _plain(text: str) -> bool:
    """Text the reader keeps as written: not HTML, not blank, no NULs or other control characters."""
    head = text.lstrip()[:64].lower()
    return (bool(text.strip()) and not head.startswith(("<!doctype html", "<html")) and not text.startswith("\ufeff")
            and all(c in "\n\t\f\r" or not (c < " " or "\x7f" <= c < "\xa0") for c in text))


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@QUICK
@given(text=unicode_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_round_trips(text, encoding):
    assume(_plain(text))
    doc = read_bytes(text.encode(encoding), id="x", path="x.txt")
    assert doc.text == _newlines(text)


ascii_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("\n\t"), max_size=300)


@QUICK
@given(text=ascii_text, encoding=st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_bom_round_trips(text, encoding):
    assume(_plain(text) and len(text.strip()) >= 2)
    doc = read_bytes(text.encode(encoding), id="x", path="x.txt")
    assert (doc.text, doc.encoding) == (text, encoding)


western_word = st.from_regex(r"[A-Za-z]{1,8}(\u00e9|\u00ef|\u00e8|\u2019)?[a-z]{1,5}", fullmatch=True)
western = st.lists(
    st.one_of(western_word, western_word.map(lambda w: f"\u201c{w}\u201d"), st.sampled_from([".", ",", "\n"])),
    min_size=1, max_size=40,
).map(" ".join)


@QUICK
@given(text=western)
def test_cp1252_western_text_round_trips(text):
    assume(text.strip())
    doc = read_bytes(text.encode("cp1252"), id="x", path="x.txt")
    assert doc.text == text


@QUICK
@given(text=any_text)
def test_read_text_keeps_the_text(text):
    try:
        doc = read_text(text, id="x")
    except InputError:
        assert not text.strip()
        return
    assert doc.text == _newlines(text)


# --- the quote finder -----------------------------------------------------------------------


@QUICK
@given(text=any_text)
@example(text="\u00ab Je garde ce prix \u00bb, a dit Ma\u00eblys Corbin-Lefort.")
def test_quoted_stretches_sit_inside_their_marks(text):
    for q in find_quoted(text):
        assert 0 <= q.open_at < q.start <= q.end <= len(text)
        assert text[q.open_at] in MARKS
        if q.close_at is not None:
            assert q.end <= q.close_at < len(text) and text[q.close_at] in MARKS
        assert text[q.start : q.end] == text[q.start : q.end].strip()


@QUICK
@given(text=any_text)
def test_candidates_point_into_the_text(text):
    candidates, titles = find_candidates(text)
    assert [c.start for c in candidates] == sorted(c.start for c in candidates)
    for c in candidates:
        assert 0 <= c.start <= c.end <= len(text)
        assert 0 <= c.open_at <= c.start
        assert c.close_at is None or c.end <= c.close_at < len(text)
        if c.speaker_text is not None:
            assert text[c.speaker_start : c.speaker_end] == c.speaker_text
    for start, end in titles:
        assert 0 <= start <= end <= len(text)


# --- speaker resolution ------------------------------------------------------------------------


@QUICK
@given(names=st.lists(st.one_of(st.sampled_from(NAMES), st.text(max_size=30)), max_size=12),
       asked=st.one_of(st.sampled_from(NAMES), st.text(max_size=30)))
def test_people_registry_answers_with_registered_names(names, asked):
    people = People()
    for raw in names:
        clean_name(raw)
        looks_like_name(raw)
        surname(raw)
        full = people.add(raw)
        assert full is None or full in people.persons
    found = people.lookup(asked)
    assert found is None or found in people.persons
    people.is_person(asked)
    people.gender(found)


candidate = st.tuples(st.sampled_from(NAMES), st.floats(0, 3), st.integers(0, 40), st.integers(0, 10),
                      st.sampled_from(["", "m", "f"]))


@QUICK
@given(candidates=st.lists(candidate, max_size=8), sentence=st.integers(0, 40), paragraph=st.integers(0, 10),
       gender=st.sampled_from(["", "m", "f", "p"]))
def test_antecedent_is_one_of_the_candidates(candidates, sentence, paragraph, gender):
    chosen = choose_antecedent(candidates, sentence=sentence, paragraph=paragraph, gender=gender)
    assert chosen is None or chosen in [c[0] for c in candidates]


# --- the whole per-document extraction ---------------------------------------------------------


def _inside(text: str, start: int | None, end: int | None) -> bool:
    return 0 <= start <= end <= len(text)


@SLOW
@given(text=any_text, year=st.sampled_from([None, 2031]))
# the first quote's speaker named inside the second, which carried that mention over as its own
@example(text='"!a0""n:A00 I', year=None)
def test_every_offset_of_a_document_points_into_its_text(nlp, text, year):
    from pressroom.pipeline import extract_document

    assume(text.strip())
    document = read_text(text, id="t")
    text = document.text
    result = extract_document(document, nlp, ceremony="golden globes" if year else None, year=year)
    quotes = sorted(result.quotes, key=lambda q: q.start)
    for q, after in zip(quotes, quotes[1:]):
        assert q.end <= after.start, "quotes overlap"
    for q in result.quotes:
        assert _inside(text, q.start, q.end) and q.text == text[q.start : q.end]
        assert (q.speaker_start is None) == (q.speaker_end is None)
        if q.speaker_start is not None:  # the mention that decided it, outside the said words
            assert _inside(text, q.speaker_start, q.speaker_end)
            assert q.speaker_end <= q.start or q.speaker_start >= q.end
        assert q.speaker is None or q.speaker in result.people
        assert q.setting in SETTINGS and 0 <= q.confidence <= 1
    for a in result.awards:
        assert _inside(text, a.start, a.end) and a.mention == text[a.start : a.end]
        for at in (a.winner_at, a.work_at):
            assert at is None or _inside(text, *at)
        for m in (*a.nominees, *a.presenters):
            assert _inside(text, m.start, m.end)
    for h in result.hosts:
        assert _inside(text, h.start, h.end)
    for e in result.timeline:
        assert _inside(text, e.start, e.end) and e.text in " ".join(text[e.start : e.end].split())
    assert all(name.strip() for name in result.people)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=any_text, second=any_text)
def test_extraction_keeps_no_state_between_documents(nlp, first, second):
    from pressroom.pipeline import extract_document

    assume(first.strip() and second.strip())
    one, two = read_text(first, id="one"), read_text(second, id="two")
    before = extract_document(one, nlp)
    extract_document(two, nlp)
    assert extract_document(one, nlp) == before


# --- categories ----------------------------------------------------------------------------------


@QUICK
@given(text=any_text, ceremony=st.sampled_from(ceremonies()), year=st.one_of(st.none(), st.integers(1900, 2100)),
       context=any_text)
def test_category_mentions_and_their_resolution(text, ceremony, year, context):
    for m in find_category_mentions(text, ceremony=ceremony, year=year):
        assert _inside(text, m.start, m.end) and m.text == text[m.start : m.end]
        family = resolve(m, ceremony=ceremony, year=year, context=context)
        assert family is None or family in m.candidates
        for candidate in m.candidates:
            family_attributes(candidate, ceremony)
            official_name(candidate, ceremony=ceremony, year=year)


@QUICK
@given(words=st.lists(st.text(max_size=20), max_size=5), year=st.one_of(st.none(), st.integers(1900, 2100)),
       context=st.text(max_size=100))
def test_resolve_takes_any_strings(words, year, context):
    family = resolve(words, year=year, context=context, taken=words[:1])
    assert family is None or family in words


@QUICK
@given(family=st.text(max_size=40), year=st.one_of(st.none(), st.integers(1900, 2100)))
def test_any_family_name_is_answered_or_a_key_error(family, year):
    try:
        family_attributes(family)
    except KeyError:
        pass
    name = official_name(family, year=year)
    assert name is None or isinstance(name, str)
