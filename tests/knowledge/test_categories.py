"""The category layer: finding category phrases in text, reading them, picking one family."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressroom.knowledge import categories, load_ceremony
from pressroom.knowledge.categories import (
    CategoryMention,
    family_attributes,
    find_category_mentions,
    official_name,
    resolve,
)


# Sentences the phrase is dropped into: running text, a presenter's line, a winners-list heading.
FRAMES = ("She won {} on Sunday night.", "And the Globe for {} went to a newcomer.", "{}:\n")


@pytest.fixture(scope="module")
def gg() -> dict:
    return load_ceremony("golden_globes")


@pytest.fixture(params=["with variants", "words only"])
def reader(request, monkeypatch):
    """Run a test twice: as shipped, and with the knowledge file's variants switched off."""
    if request.param == "words only":
        monkeypatch.setattr(categories, "_variant_index", lambda ceremony: {})
    return request.param




def only_mention(text: str, year: int) -> CategoryMention:
    mentions = find_category_mentions(text, year=year)
    assert len(mentions) == 1, mentions
    return mentions[0]


def written(phrase: str) -> str:
    """The words a mention should cover: the phrase without a leading article."""
    return re.sub(r"(?i)^the\s+", "", phrase)


# ------------------------------------------------------------------ phrases with one reading

UNAMBIGUOUS = [
    ("Best Actress In A Motion Picture – Drama", 2012, "film.actress.lead.drama"),
    ("best actress in a TV comedy", 2012, "tv.actress.lead.comedy"),
    ("best TV drama", 2012, "tv.series.drama"),
    ("best drama series", 2019, "tv.series.drama"),
    ("best comedy series", 2019, "tv.series.comedy"),
    ("Best Picture Drama", 2012, "film.picture.drama"),
    ("best motion picture drama", 2024, "film.picture.drama"),
    ("the top prize for drama film", 2012, "film.picture.drama"),
    ("actor in a comedy series", 2012, "tv.actor.lead.comedy"),
    ("actor in a TV musical or comedy", 2012, "tv.actor.lead.comedy"),
    ("best foreign film", 2012, "film.foreign"),
    ("Foreign Language", 2012, "film.foreign"),
    ("Best Motion Picture, Foreign Language", 2019, "film.foreign"),
    ("Best Non-English Language Film", 2023, "film.foreign"),
    ("Animated Film", 2012, "film.animated"),
    ("best animated feature", 2019, "film.animated"),
    ("Original Score", 2012, "film.score"),
    ("best original song", 2012, "film.song"),
    ("Screenplay", 2012, "film.screenplay"),
    ("best director", 2012, "film.director"),
    ("Director, Motion Picture", 2012, "film.director"),
    ("the Cecil B. DeMille Award", 2012, "honorary.demille"),
    ("the Cecil Demille award", 2020, "honorary.demille"),
    ("Lifetime Achievement", 2012, "honorary.demille"),
    ("the Carol Burnett Award", 2020, "honorary.carol_burnett"),
    ("best mini-series or TV film", 2012, "miniseries.title"),
    ("best TV mini series or TV movie", 2012, "miniseries.title"),
    ("Best Television Limited Series or Motion Picture Made for Television", 2019, "miniseries.title"),
    ("Best Limited Series or TV Film", 2021, "miniseries.title"),
    ("Best Actress in a Limited Series", 2019, "miniseries.actress.lead"),
    ("supporting actress in a TV drama", 2012, "tv.actress.supporting"),
    ("supporting actress in a TV drama", 2023, "tv.actress.supporting"),
    ("supporting actress in a limited series", 2012, "tv.actress.supporting"),
    ("supporting actress in a limited series", 2023, "miniseries.actress.supporting"),
    ("Best Supporting Performance by an Actress in a Motion Picture, Drama, Musical or Comedy", 2012,
     "film.actress.supporting"),
    ("Best Performance by a Male Actor in a Supporting Role in Any Motion Picture", 2024, "film.actor.supporting"),
    ("best performance in stand-up comedy", 2024, "tv.standup"),
    ("cinematic and box office achievement", 2024, "film.box_office"),
    ("best female actor in a limited series", 2024, "miniseries.actress.lead"),
    ("supporting female actor on television", 2024, "tv.actress.supporting"),
    ("best male actor in a TV drama", 2025, "tv.actor.lead.drama"),
    ("best motion picture - musical", 1960, "film.picture.musical"),
    ("best actress in a comedy or musical film", 2012, "film.actress.lead.comedy"),
    ("the Cecil B. DeMille Award for Lifetime Achievement", 2012, "honorary.demille"),
    ("Lifetime Achievement in television", 2020, "honorary.carol_burnett"),
]


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("phrase, year, family", UNAMBIGUOUS)
def test_phrase_means_one_family(phrase, year, family, frame, reader):
    text = frame.format(phrase)
    mention = only_mention(text, year)
    assert mention.text == written(phrase)
    assert text[mention.start:mention.end] == mention.text
    assert resolve(mention, year=year, context=text) == family


# ------------------------------------------------------------------ phrases that need context

AMBIGUOUS = [
    ("Actor, Drama", 2012, ("film.actor.lead.drama", "tv.actor.lead.drama")),
    ("Best Actor-Drama", 2012, ("film.actor.lead.drama", "tv.actor.lead.drama")),
    ("Best Actress-Musical or Comedy", 2019, ("film.actress.lead.comedy", "tv.actress.lead.comedy")),
    ("best actor in a comedy or musical", 2012, ("film.actor.lead.comedy", "tv.actor.lead.comedy")),
    ("best supporting actress trophy", 2012, ("film.actress.supporting", "tv.actress.supporting")),
    ("supporting actress in a drama", 2012, ("film.actress.supporting", "tv.actress.supporting")),
    ("best drama", 2012, ("film.picture.drama", "tv.series.drama")),
    ("drama actress", 2012, ("film.actress.lead.drama", "tv.actress.lead.drama")),
    ("comedy actor", 2012, ("film.actor.lead.comedy", "tv.actor.lead.comedy")),
    ("actor in a drama", 2012, ("film.actor.lead.drama", "tv.actor.lead.drama")),
    ("best actress in the drama category", 2012, ("film.actress.lead.drama", "tv.actress.lead.drama")),
    ("best supporting actor", 2012, ("film.actor.supporting", "tv.actor.supporting")),
    ("best supporting actor", 2023,
     ("film.actor.supporting", "tv.actor.supporting", "miniseries.actor.supporting")),
    ("Lifetime Achievement", 2020, ("honorary.demille", "honorary.carol_burnett")),
]


@pytest.mark.parametrize("phrase, year, expected", AMBIGUOUS)
def test_ambiguous_phrase_lists_its_candidates_and_does_not_guess(phrase, year, expected, reader):
    mention = only_mention(FRAMES[0].format(phrase), year)
    assert mention.text == written(phrase)
    assert set(mention.candidates) == set(expected)
    assert mention.candidates[0] == expected[0]  # the film reading first, as the year's list
    assert resolve(mention, year=year, context="She won it on Sunday night.") is None


IN_CONTEXT = [
    ("actor in a drama", 2012, "He took home the Globe for actor in a drama for the film, a box office hit.",
     "film.actor.lead.drama"),
    ("actor in a drama", 2012, "He took home the Globe for actor in a drama for the HBO series.",
     "tv.actor.lead.drama"),
    ("best drama", 2012, "The show, in its second season on Showtime, won best drama.", "tv.series.drama"),
    ("best drama", 2012, "The studio's film won best drama.", "film.picture.drama"),
    ("drama actress", 2019, "The drama actress award went to the star of the Netflix series.",
     "tv.actress.lead.drama"),
    ("comedy actor", 2019, "The comedy actor prize went to the lead of the movie.", "film.actor.lead.comedy"),
    ("best supporting actor", 2012, "He won best supporting actor for the miniseries.", "tv.actor.supporting"),
    ("best supporting actor", 2023, "He won best supporting actor for the Netflix limited series.",
     "miniseries.actor.supporting"),
    ("best supporting actor", 2023, "He won best supporting actor for the Netflix series.",
     "tv.actor.supporting"),
    ("best supporting actor", 2023, "He won best supporting actor for the film.", "film.actor.supporting"),
    ("supporting actress in a drama", 2012, "The episode that won her supporting actress in a drama aired on NBC.",
     "tv.actress.supporting"),
    ("Lifetime Achievement", 2020, "She was honoured for Lifetime Achievement in television.",
     "honorary.carol_burnett"),
    ("Lifetime Achievement", 2020, "He was honoured for Lifetime Achievement in film.", "honorary.demille"),
]


@pytest.mark.parametrize("phrase, year, context, family", IN_CONTEXT)
def test_context_decides(phrase, year, context, family):
    mention = next(m for m in find_category_mentions(context, year=year) if m.text.lower().startswith(
        written(phrase).lower()))
    assert resolve(mention, year=year, context=context) == family


def test_resolve_takes_plain_candidates():
    candidates = ["film.actor.lead.drama", "tv.actor.lead.drama"]
    assert resolve(candidates, year=2012, context="the AMC series") == "tv.actor.lead.drama"
    assert resolve(candidates, year=2012, context="a tense night") is None
    assert resolve(["honorary.carol_burnett"], year=2012) is None  # not awarded that year
    assert resolve([], year=2012) is None


# ------------------------------------------------------------------ elimination

@pytest.mark.parametrize("phrase, year, taken, family", [
    ("actress in a drama", 2012, {"tv.actress.lead.drama"}, "film.actress.lead.drama"),
    ("actress in a drama", 2012, {"film.actress.lead.drama"}, "tv.actress.lead.drama"),
    ("best supporting actor", 2012, {"film.actor.supporting"}, "tv.actor.supporting"),
    ("best drama", 2019, {"tv.series.drama"}, "film.picture.drama"),
    ("comedy actor", 2024, {"film.actor.lead.comedy", "film.actress.lead.comedy"}, "tv.actor.lead.comedy"),
    ("best supporting actor", 2023, {"film.actor.supporting", "tv.actor.supporting"},
     "miniseries.actor.supporting"),
])
def test_taken_families_are_ruled_out(phrase, year, taken, family):
    mention = only_mention(FRAMES[0].format(phrase), year)
    assert resolve(mention, year=year, taken=taken) == family


def test_elimination_and_cues_together():
    mention = only_mention("He won best supporting actor.", 2023)
    context = "He won best supporting actor for the limited series."
    assert resolve(mention, year=2023, context=context) == "miniseries.actor.supporting"
    # the limited-series award is gone and the series award does not cover limited series in 2023
    assert resolve(mention, year=2023, context=context, taken={"miniseries.actor.supporting"}) is None
    assert resolve(only_mention("He won best supporting actor.", 2012), year=2012, context=context) == (
        "tv.actor.supporting")


def test_elimination_never_overrides_the_words():
    mention = only_mention("She won best director.", 2012)
    assert resolve(mention, year=2012, taken={"film.director"}) == "film.director"
    mention = only_mention("She won best supporting actor.", 2023)
    assert resolve(mention, year=2023, taken={"film.actor.supporting"}) is None  # tv or limited: undecided


# ------------------------------------------------------------------ what the words say

@pytest.mark.parametrize("phrase, medium, role", [
    ("best actress in a TV comedy", "television", "actress"),
    ("Best Performance by a Male Actor in a Supporting Role in Any Motion Picture", "film", "actor"),
    ("Best Actress in a Limited Series", "miniseries", "actress"),
    ("best motion picture drama", "film", "title"),
    ("best drama", None, "title"),
    ("drama actress", None, "actress"),
    ("best original song", None, "song"),
    ("Director, Motion Picture", "film", "person"),
    ("the Carol Burnett Award", None, "honorary"),
    ("best performance by an actor in a supporting role in a series, mini-series or motion picture made for "
     "television", "television", "actor"),
])
def test_medium_and_role_come_from_the_words(phrase, medium, role):
    mention = only_mention(FRAMES[0].format(phrase), 2012)
    assert (mention.medium, mention.role) == (medium, role)


def test_categories_not_awarded_that_year_have_no_candidates():
    assert only_mention("She won the Cecil B. DeMille Award.", 2024).candidates == ()
    assert only_mention("the Carol Burnett Award", 2012).candidates == ()
    assert only_mention("cinematic and box office achievement", 2019).candidates == ()
    assert only_mention("best performance in stand-up comedy", 2023).candidates == ()


def test_year_none_considers_every_family():
    mention = only_mention("He won the Carol Burnett Award.", None)
    assert mention.candidates == ("honorary.carol_burnett",)
    assert "miniseries.actor.supporting" in only_mention("best supporting actor", None).candidates


@pytest.mark.parametrize("year", [1990, 1999, 2005, 2012, 2016, 2017, 2019, 2020, 2023, 2024, 2025])
def test_every_official_name_is_read_back_to_its_family(gg, year, reader):
    for family, name in gg["years"][str(year)]["categories"].items():
        mention = only_mention(name, year)
        assert (mention.text, mention.candidates) == (name, (family,)), name


# ------------------------------------------------------------------ prose that is not a category

@pytest.mark.parametrize("text", [
    "The drama, which stars a veteran, opened to strong reviews.",
    "It is a comedy about two friends on a road trip.",
    "The actor said he was thrilled to be there.",
    "She thanked the director of the film.",
    "The film director spoke to reporters afterwards.",
    "She is an actress who loves the stage.",
    "Her best performance in a drama came early.",
    "It was the best film of the year, critics said.",
    "He played a TV actor in the film.",
    "The series, which airs on HBO, returns next year.",
    "He wrote the screenplay himself.",
    "It is an animated film about toys.",
    "She sang the song at the end of the show.",
    "The score was tied at halftime.",
    "It was a stand-up comedy special, taped live.",
    "A comedy series about a family was renewed.",
    "The performance by an actress in the film was praised.",
])
def test_ordinary_sentences_have_no_mention(text):
    assert find_category_mentions(text, year=2012) == []


# ------------------------------------------------------------------ offsets and lists

def test_offsets_point_into_the_text():
    text = ("Winners:\nBest Actor, Drama: a first-time nominee\n"
            "Best Actress \u2013 Musical or Comedy: a veteran\n"
            "The night ended with best director and best original song, then the Cecil B. DeMille Award.")
    mentions = find_category_mentions(text, year=2012)
    assert [m.text for m in mentions] == ["Best Actor, Drama", "Best Actress \u2013 Musical or Comedy",
                                          "best director", "best original song", "Cecil B. DeMille Award"]
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert mentions[0].start == text.index("Best Actor")
    assert mentions[-1].end == text.index(" Award.") + len(" Award")
    assert [m.candidates for m in mentions[2:]] == [("film.director",), ("film.song",), ("honorary.demille",)]


def test_one_run_of_words_can_hold_several_categories():
    text = "They won best actor and best actress, and later actor in a drama and comedy actress."
    assert [m.text for m in find_category_mentions(text, year=2012)] == [
        "best actor", "best actress", "actor in a drama", "comedy actress"]


def test_parentheses_and_list_headings():
    text = "Best Actor in a Motion Picture (Drama): a veteran\n\u2022 Director: a first-timer"
    mentions = find_category_mentions(text, year=2012)
    assert [(m.text, m.candidates) for m in mentions] == [
        ("Best Actor in a Motion Picture (Drama", ("film.actor.lead.drama",)),
        ("Director", ("film.director",))]


def test_a_new_line_ends_a_category():
    text = "Best Television Series - Drama\nBest Motion Picture - Drama"
    mentions = find_category_mentions(text, year=2012)
    assert [(m.text, m.candidates) for m in mentions] == [
        ("Best Television Series - Drama", ("tv.series.drama",)),
        ("Best Motion Picture - Drama", ("film.picture.drama",))]


# ------------------------------------------------------------------ names by year

@pytest.mark.parametrize("family, year, name", [
    ("film.actor.lead.drama", 2012, "best performance by an actor in a motion picture - drama"),
    ("film.actor.lead.drama", 2019, "best performance by an actor in a motion picture - drama"),
    ("film.actor.lead.drama", 2024, "best performance by a male actor in a motion picture - drama"),
    ("film.actress.supporting", 2012, "best performance by an actress in a supporting role in a motion picture"),
    ("film.actress.supporting", 2019, "best performance by an actress in a supporting role in any motion picture"),
    ("film.actress.supporting", 2024,
     "best performance by a female actor in a supporting role in any motion picture"),
    ("film.foreign", 2012, "best foreign language film"),
    ("film.foreign", 2019, "best motion picture - foreign language"),
    ("film.foreign", 2024, "best motion picture - non-english language"),
    ("miniseries.title", 2012, "best mini-series or motion picture made for television"),
    ("miniseries.title", 2019, "best television limited series or motion picture made for television"),
    ("tv.actor.supporting", 2012,
     "best performance by an actor in a supporting role in a series, mini-series or motion picture made for "
     "television"),
    ("tv.actor.supporting", 2024, "best performance by a male actor in a supporting role on television"),
    ("film.picture.comedy", 2012, "best motion picture - comedy or musical"),
    ("film.picture.comedy", 2019, "best motion picture - musical or comedy"),
    ("honorary.demille", 2012, "cecil b. demille award"),
])
def test_official_name_by_year(gg, family, year, name, award_key):
    assert official_name(family, year=year) == name == gg["years"][str(year)]["categories"][family]
    # the eval reads every year's name as the same award
    assert award_key(name, year) == award_key(official_name(family, year=2012), 2012)


def test_official_name_of_a_year_without_the_award_is_the_nearest_years():
    assert official_name("film.box_office", year=2012) == "cinematic and box office achievement"
    assert official_name("honorary.demille", year=2024) == "cecil b. demille award"
    assert official_name("miniseries.actor.supporting", year=2012) == official_name(
        "miniseries.actor.supporting", year=2023)
    assert official_name("film.foreign", year=None) == "best motion picture - non-english language"
    assert official_name("no.such.family", year=2012) is None


@pytest.mark.parametrize("context, gold", [
    ("She took home the Globe for drama actress for the Showtime series.",
     "best performance by an actress in a television series - drama"),
    ("She won best actress in a comedy or musical for the film.",
     "best performance by an actress in a motion picture - comedy or musical"),
    ("The HBO show won best drama series.", "best television series - drama"),
    ("He won supporting actor in a drama for the movie.",
     "best performance by an actor in a supporting role in a motion picture"),
    ("The film won the Globe for best foreign film.", "best foreign language film"),
    ("He accepted the Cecil DeMille award.", "cecil b. demille award"),
])
def test_resolved_names_score_as_the_gold(context, gold, award_key):
    mention = find_category_mentions(context, year=2012)[0]
    family = resolve(mention, year=2012, context=context)
    assert award_key(official_name(family, year=2012), 2012) == award_key(gold, 2012)


def test_family_attributes():
    attrs = family_attributes("tv.actress.supporting")
    assert (attrs["medium"], attrs["role"], attrs["level"], attrs["genre"]) == (
        "television", "actress", "supporting", "any")
    attrs["medium"] = "film"  # a copy: the knowledge file is untouched
    assert family_attributes("tv.actress.supporting")["medium"] == "television"
    with pytest.raises(KeyError, match="no.such.family"):
        family_attributes("no.such.family")


def test_the_word_lists_are_data(gg):
    """Every word the reader knows says something it can use; cue groups are all scored."""
    words = categories._words()
    media, roles = {"film", "television", "miniseries"}, {"actor", "actress"}
    for phrase, feats in words["units"].items():
        assert phrase == " ".join(re.findall(r"[a-z]+", phrase)), phrase  # as the tokens read
        assert feats.get("medium", "film") in media and feats.get("role", "actor") in roles, phrase
        assert feats.get("kind", "director") in words["kinds"], phrase
    family_kinds = {a["kind"] for a in gg["families"].values()}
    for kind in words["kinds"].values():
        assert family_kinds & set(kind["family_kinds"])
    scored = {g for groups in words["cue_groups_by_medium"].values() for g in groups}
    assert scored | {"drama", "comedy", "neutral"} == set(words["cues"])
