"""The CS337 autograder's metric (pressroom.cs337) and ``pressroom eval --cs337``.

Expected numbers are worked out by hand from the public autograder.py's
definitions: norm_text, text (word-level similarity), spell_check (edit
distance), calc_translation and calc_score. All names are invented.
"""
from __future__ import annotations

import copy
import json

import pytest
import typer
from typer.testing import CliRunner

from pressroom import cs337
from pressroom.cli_eval import eval_command
from pressroom.errors import InputError

DRAMA = "best motion picture - drama"
DIRECTOR = "best director - motion picture"
DEMILLE = "cecil b. demille award"

TRUTH = {
    "hosts": ["ada quill", "bo reyes"],
    "award_data": {
        DEMILLE: {"nominees": [], "presenters": ["cy north"], "winner": "dora vance"},
        DRAMA: {"nominees": ["salt harbor", "blue meridian", "the long field"],
                "presenters": ["eli stone"], "winner": "salt harbor"},
        DIRECTOR: {"nominees": ["fay lin", "gus oro"], "presenters": ["hal ives", "ivy kent"],
                   "winner": "fay lin"},
    },
}


def perfect() -> dict:
    answers = copy.deepcopy(TRUTH)
    answers["awards"] = list(TRUTH["award_data"])
    return answers


# -- building blocks ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ada Quill", "ada quill"),
    ("Ada Quill!", "ada quill"),
    ("best motion picture - drama", "best motion picture  drama"),  # the space stays
    ("Zoë O'Hara", "zoë ohara"),
])
def test_norm_text(text, expected):
    assert cs337.norm_text(text) == expected


@pytest.mark.parametrize("result, answer, expected", [
    ("jo smith", "jo smith", 1.0),
    ("smith", "jo smith", 0.5),                    # inside the other: 1 word of 2
    ("ann", "joanna smith", 0.5),                  # inside as characters counts too
    ("salt harbor", "the salt harbor", 2 / 3),
    ("jo smyth", "jo smith", 0.0),                 # longest run 1/2 > 0.3, no run of 2 words
    ("best motion picture drama", "best motion picture comedy or musical", 3 / 6),
    ("mary ann lee", "mary lee", 0.0),
    ("ada quill", "bo reyes", 0.0),
    ("", "", 0.0),
])
def test_similarity(result, answer, expected):
    assert cs337.similarity(result, answer) == pytest.approx(expected)


@pytest.mark.parametrize("a, b, expected", [
    ("kitten", "sitting", 3), ("", "abc", 3), ("fay lin", "fay lins", 1), ("same", "same", 0),
])
def test_edit_distance(a, b, expected):
    assert cs337.edit_distance(a, b) == expected


@pytest.mark.parametrize("results, answers, spelling, translation", [
    (["Jo Smith"], ["jo smith"], 1.0, {"Jo Smith": "jo smith"}),
    (["greta holms"], ["greta holm"], 1 - 1 / 11, {"greta holms": "greta holm"}),
    (["salt harbor"], ["the salt harbor"], 1 - 4 / 15, {"salt harbor": "the salt harbor"}),
    (["jo smyth"], ["jo smith"], 0.0, {}),          # too far: no credit at all
    ([], ["jo smith"], 0.0, {}),
    # a second, partial copy of a found answer halves toward its own spelling
    (["tina vale", "tina"], ["tina vale"], (1 + (1 - 5 / 9)) / 2, {"tina vale": "tina vale", "tina": "tina vale"}),
    # two near copies: the first most similar takes the answer, the other gets nothing
    (["greta holms", "greta holmes"], ["greta holm"], 1 - 1 / 11, {"greta holms": "greta holm"}),
])
def test_translate(results, answers, spelling, translation):
    got_spelling, got_translation = cs337.translate(results, answers)
    assert got_spelling == pytest.approx(spelling)
    assert got_translation == translation


def test_translate_work_aliases_credit_the_last_entry_as_published():
    aliases = {"ida marsh": "blue meridian", "rowan pike": "salt harbor"}
    spelling, translation = cs337.translate(["rowan pike"], ["salt harbor"], work_aliases=aliases)
    assert translation == {"rowan pike": "salt harbor"} and spelling == pytest.approx(0.5)
    # the published code credits the last entry's work even when another entry matched
    spelling, translation = cs337.translate(["ida marsh"], ["blue meridian"], work_aliases=aliases)
    assert translation == {"ida marsh": "salt harbor"}
    assert spelling == pytest.approx(0.5 * (1 - cs337.edit_distance("ida marsh", "rowan pike") / 10))


@pytest.mark.parametrize("results, answers, expected", [
    (["a", "b"], ["b", "a"], 1.0),
    (["a", "b"], ["a", "b", "c", "d"], 0.95 * 2 / 4),        # answers missing
    (["a", "b", "c", "d", "x"], ["a", "b", "c", "d"], 0.9 * 4 / 5),  # extra results
    (["a", "x"], ["a", "b"], 0.85 * 1 / 3),                  # partial overlap
    (["x"], ["a"], 0.0),
    ([], ["a"], 0.0),
    ([], [], 0.0),
])
def test_completeness(results, answers, expected):
    assert cs337.completeness(results, answers) == pytest.approx(expected)


# -- whole answers ------------------------------------------------------------

def test_perfect_answers_score_one_everywhere():
    result = cs337.score_answers(perfect(), TRUTH, year=2013)
    assert result["year"] == 2013
    assert result["scores"] == {
        "hosts": {"spelling": 1.0, "completeness": 1.0},
        "awards": {"spelling": 1.0, "completeness": 1.0},
        "nominees": {"spelling": 1.0, "completeness": 1.0},
        "presenters": {"spelling": 1.0, "completeness": 1.0},
        "winner": {"spelling": 1.0},  # the autograder drops winner completeness
    }
    assert result["missing_fields"] == result["missing_awards"] == result["extra_awards"] == []


def test_case_and_punctuation_do_not_count():
    answers = perfect()
    answers["hosts"] = ["Ada Quill!", "BO REYES"]
    assert cs337.score_answers(answers, TRUTH)["scores"]["hosts"] == {"spelling": 1.0, "completeness": 1.0}


def test_misspelled_winner_lowers_spelling_only():
    answers = perfect()
    answers["award_data"][DIRECTOR]["winner"] = "fay lins"
    scores = cs337.score_answers(answers, TRUTH)["scores"]
    assert scores["winner"] == {"spelling": pytest.approx((1 + 1 + (1 - 1 / 8)) / 3)}


def test_misspelled_nominee_lowers_spelling_not_completeness():
    answers = perfect()
    answers["award_data"][DIRECTOR]["nominees"] = ["fay lins", "gus oro"]
    scores = cs337.score_answers(answers, TRUTH)["scores"]["nominees"]
    # two awards scored (the cecil b. demille award has no nominees to score)
    assert scores["spelling"] == pytest.approx((1 + (1 - 1 / 8 + 1) / 2) / 2)
    assert scores["completeness"] == pytest.approx(1.0)


def test_missing_nominees_lower_completeness_only():
    answers = perfect()
    answers["award_data"][DRAMA]["nominees"] = ["salt harbor"]
    scores = cs337.score_answers(answers, TRUTH)["scores"]["nominees"]
    assert scores["spelling"] == pytest.approx(1.0)
    assert scores["completeness"] == pytest.approx((0.95 * 1 / 3 + 1) / 2)


def test_hosts_and_awards_are_single_lists():
    answers = perfect()
    answers["hosts"] = ["ada quill"]
    answers["awards"] = [DEMILLE, DIRECTOR]
    scores = cs337.score_answers(answers, TRUTH)["scores"]
    assert scores["hosts"] == {"spelling": 1.0, "completeness": pytest.approx(0.95 / 2)}
    assert scores["awards"] == {"spelling": 1.0, "completeness": pytest.approx(0.95 * 2 / 3)}


def test_missing_award_counts_as_empty_and_is_listed():
    answers = perfect()
    del answers["award_data"][DIRECTOR]
    answers["award_data"]["best picture of the year"] = {"winner": "salt harbor"}
    result = cs337.score_answers(answers, TRUTH)
    assert result["missing_awards"] == [DIRECTOR]
    assert result["extra_awards"] == ["best picture of the year"]
    assert result["scores"]["winner"]["spelling"] == pytest.approx(2 / 3)
    assert result["scores"]["presenters"]["completeness"] == pytest.approx(2 / 3)


def test_field_not_given_is_none_not_zero():
    answers = perfect()
    del answers["awards"]
    for entry in answers["award_data"].values():
        del entry["presenters"]
    result = cs337.score_answers(answers, TRUTH)
    assert result["missing_fields"] == ["awards", "presenters"]
    assert result["scores"]["awards"] == {"spelling": None, "completeness": None}
    assert result["scores"]["presenters"] == {"spelling": None, "completeness": None}
    assert result["scores"]["hosts"]["spelling"] == 1.0


def test_truth_must_have_the_course_shape():
    with pytest.raises(InputError, match="award_data"):
        cs337.score_answers(perfect(), {"hosts": []})


@pytest.mark.parametrize("year, first, last", [
    (2013, DEMILLE, "best performance by an actor in a supporting role in a series, "
                    "mini-series or motion picture made for television"),
    ("2015", DEMILLE, "best performance by an actor in a supporting role in a series, "
                      "mini-series or motion picture made for television"),
    (2018, "best motion picture - drama", DEMILLE),
    (2019, "best motion picture - drama", DEMILLE),
])
def test_official_awards(year, first, last):
    names = cs337.official_awards(year)
    assert len(names) == 26 and len(set(names)) == 26
    assert names[0] == first and names[-1] == last


def test_official_awards_unknown_year():
    with pytest.raises(InputError, match="2013, 2015, 2018, 2019"):
        cs337.official_awards(2014)


def test_report_is_a_table_of_fields():
    from rich.console import Console

    answers = perfect()
    del answers["awards"]
    console = Console(record=True, width=120)
    console.print(cs337.report(cs337.score_answers(answers, TRUTH, year=2013)))
    text = console.export_text()
    assert "CS337 autograder metric (2013)" in text
    for field in cs337.FIELDS:
        assert field in text
    assert "1.0000" in text and "n/a" in text and "not given: awards" in text


# -- the command --------------------------------------------------------------

def eval_app() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)  # a group, so the command is called by name as in cli.py
    app.command("eval")(eval_command)
    return app


def write(path, data) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_eval_finds_the_truth_beside_the_answers(tmp_path):
    write(tmp_path / "gg2013answers.json", TRUTH)
    answers = write(tmp_path / "gg2013results.json", perfect())
    result = CliRunner().invoke(eval_app(), ["eval", "--cs337", answers])
    assert result.exit_code == 0, result.output
    assert "CS337 autograder metric (2013)" in result.output and "1.0000" in result.output


def test_eval_json_with_explicit_truth(tmp_path):
    truth = write(tmp_path / "truth.json", TRUTH)
    answers = perfect()
    answers["award_data"][DRAMA]["nominees"] = ["salt harbor"]
    path = write(tmp_path / "mine.json", answers)
    result = CliRunner().invoke(eval_app(), ["eval", "--cs337", path, "--truth", truth, "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["scores"]
    assert scores["nominees"]["completeness"] == pytest.approx((0.95 / 3 + 1) / 2)


@pytest.mark.parametrize("args, message", [
    (["mine.json"], "--cs337"),
    (["--cs337", "mine.json"], "give --year or --truth"),
    (["--cs337", "mine.json", "--year", "2015"], "no truth file"),
    (["--cs337", "gg2013answers.json"], "itself the course's truth"),
    (["--cs337", "mine.json", "--truth", "broken.json"], "cannot read the truth as JSON"),
])
def test_eval_usage_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "mine.json", perfect())
    write(tmp_path / "gg2013answers.json", TRUTH)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(eval_app(), ["eval", *args])
    assert result.exit_code == 2
    assert message in result.output
