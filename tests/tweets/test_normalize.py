"""Tweet text as the extractors read it: hashtags, handles, names and their spellings."""
from __future__ import annotations

import pytest

from pressroom.tweets.normalize import clean, dedup_key, fold, names, split_camel
from pressroom.tweets.spellings import Spellings


@pytest.mark.parametrize("tag, expected", [
    ("AdrienBrody", "Adrien Brody"),
    ("GoldenGlobes2025", "Golden Globes 2025"),
    ("TheBrutalist", "The Brutalist"),
    ("BestActor", "Best Actor"),
    ("goldenglobes", "goldenglobes"),  # one case: nothing tells where the words part
    ("SNL", "SNL"),
    ("HBOMax", "HBO Max"),
])
def test_camel_case_hashtags_are_spelled_out(tag, expected):
    assert split_camel(tag) == expected


@pytest.mark.parametrize("text, expected", [
    ("Congrats #AdrienBrody! http://t.co/abc123", "Congrats | Adrien Brody | !"),
    ("Tom &amp; Jerry win", "Tom & Jerry win"),
    ("so   many\n spaces", "so many spaces"),
    ("@NikkiGlaser hosting #GoldenGlobes", "@NikkiGlaser hosting | Golden Globes |"),
])
def test_clean(text, expected):
    assert clean(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Congrats Adrien Brody on winning Best Actor for The Brutalist!", ["Adrien Brody", "The Brutalist"]),
    ("ADRIEN BRODY WINS BEST ACTOR", ["Adrien Brody"]),
    ("Nikki Glaser's monologue, wow", ["Nikki Glaser"]),
    ("Guillermo del Toro and Tilda Fenn", ["Guillermo del Toro", "Tilda Fenn"]),  # a particle inside, 'and' between
    ("Kiss the Sky lost to El Mal", ["Kiss the Sky", "El Mal"]),
    ("Inside Out 2 and A Complete Unknown", ["Inside Out 2", "A Complete Unknown"]),
    ("The Brutalist's Adrien Brody wins", ["The Brutalist", "Adrien Brody"]),
    ("Nikki Glaser (@NikkiGlaser) hosts", ["Nikki Glaser", "@NikkiGlaser"]),
    ("OMG Wow Yes", []),  # capitalised, but no names
    ("lowercase adrien brody is invisible here", []),
])
def test_names(text, expected):
    assert [r.name for r in names(clean(text))] == expected


def test_names_point_into_the_cleaned_text():
    text = clean("wow | Best Actor | goes to Zoë Saldaña (@zoesaldana)")
    for run in names(text):
        assert text[run.start:run.end] == run.name


@pytest.mark.parametrize("a, b", [
    ("Zoë Saldaña", "zoe saldana"),
    ("D'Arcy", "darcy"),
    ("Shōgun", "shogun"),
])
def test_fold(a, b):
    assert fold(a) == b


def test_a_retweet_cut_short_has_the_original_key():
    original = ("Adrien Brody wins best performance by a male actor in a motion picture - drama "
                "for The Brutalist #GoldenGlobes http://t.co/x1")
    cut = "Adrien Brody wins best performance by a male actor in a motion picture - drama for The Bru…"
    assert dedup_key(original) == dedup_key(cut)
    assert dedup_key("Nikki Glaser hosts!") == dedup_key("nikki glaser hosts")
    assert dedup_key("Nikki Glaser hosts") != dedup_key("Nikki Glaser roasts")


# ------------------------------------------------------------------ spellings (invented names)

WEIGHTS = {
    "Wendeline Marsh": 10, "Wendelin Marsh": 2, "WENDELINE MARSH": 1, "Marsh": 4,
    "Honestly Wendeline Marsh": 1, "@WendelineMarsh": 2,
    "Ottoline Ferrante": 6, "@ottolineferrante": 3, "@TheOttolineFerrante": 1,
    "Basile Quarrington": 5, "@bq_real": 2,
    "@PelletierJune": 2,
    "@lowercasehandle": 4,
    "Salt Orchard": 2, "The Salt Orchard": 6,
    "Jules Ambry": 3, "Jules Ambrose": 3,  # two people, not a misspelling
    "Jules": 2,  # a first name two people share: left alone
}


@pytest.fixture(scope="module")
def spell():
    return Spellings(WEIGHTS, {("@bq_real", "Basile Quarrington"): 1})


@pytest.mark.parametrize("raw, name", [
    ("Wendelin Marsh", "Wendeline Marsh"),      # a misspelling
    ("WENDELINE MARSH", "Wendeline Marsh"),
    ("Marsh", "Wendeline Marsh"),               # a surname only one name has
    ("Honestly Wendeline Marsh", "Wendeline Marsh"),
    ("@WendelineMarsh", "Wendeline Marsh"),     # a handle spelled as the name
    ("@ottolineferrante", "Ottoline Ferrante"),
    ("@TheOttolineFerrante", "Ottoline Ferrante"),
    ("@bq_real", "Basile Quarrington"),         # the stream pairs them: "Basile Quarrington (@bq_real)"
    ("@PelletierJune", "Pelletier June"),       # the stream capitalises the words
    ("@lowercasehandle", "@lowercasehandle"),   # nothing tells: left a handle
    ("Salt Orchard", "The Salt Orchard"),
    ("Jules Ambry", "Jules Ambry"),
    ("Jules Ambrose", "Jules Ambrose"),
    ("Jules", "Jules"),
])
def test_spellings_pool(spell, raw, name):
    assert spell(raw) == name


# ------------------------------------------------------------------ any text at all

from hypothesis import given, settings, strategies as st  # noqa: E402

from pressroom.tweets.aggregate import Tallies  # noqa: E402

_TWEETISH = st.lists(st.sampled_from([
    "Best Actor", "best actress in a drama", "wins", "goes to", "#GoldenGlobes", "#AdrienBrody", "@NikkiGlaser",
    "Nikki Glaser", "The Brutalist", "for", "presenting", "host", "?", "!", "...", ":", "-", "RT @x:", "&amp;",
    "http://t.co/x", "😂", "明日", "über", "ÉMILIA PÉREZ", "(", ")", ",", "and", "will win", "\n",
]), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _TWEETISH))
def test_any_text_is_read_without_error(text):
    tallies = Tallies(ceremony="golden_globes", year=2025)
    tallies.add(text, 1_736_125_200_000)
    for run in names(clean(text)):
        assert run.name.strip() and clean(text)[run.start:run.end]
