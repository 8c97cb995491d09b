"""The CS337 course interface (pressroom.gg_api): shapes, award keys, caching, main().

The tweet engine is stubbed: these tests are about the course's contract, not
about reading tweets. All names are invented.
"""
from __future__ import annotations

import json
import sys
import types

import pytest

from pressroom import cs337, gg_api
from pressroom.errors import InputError

DRAMA = "best motion picture - drama"
DEMILLE = "cecil b. demille award"


class Analysis(types.SimpleNamespace):
    """What the stub engine returns: the fields of pressroom.tweets.TweetAnalysis."""


def fake_analysis(year: int) -> Analysis:
    return Analysis(
        hosts=["Ada Quill", "Bo Reyes"],
        award_names=["best drama film", "best director"],
        winners={DRAMA: "Salt Harbor", "not an official award": "Nobody"},
        nominees={DRAMA: ["Salt Harbor", "Blue Meridian"]},
        presenters={DRAMA: ["Eli Stone"], DEMILLE: ["Cy North"]},
        red_carpet={}, sentiment={}, counts={"tweets": 3, "year": year},
    )


@pytest.fixture
def engine(monkeypatch, tmp_path):
    """Stub ``pressroom.tweets.analyze`` and point the tweets folder at tmp_path."""
    calls = []

    def analyze(tweets_path, *, year, ceremony="golden_globes", awards=None):
        calls.append({"path": tweets_path, "year": year, "ceremony": ceremony, "awards": awards})
        return fake_analysis(year)

    try:
        import pressroom.tweets as tweets
    except ImportError:  # the engine is not there yet: stand a module in for it
        tweets = types.ModuleType("pressroom.tweets")
        monkeypatch.setitem(sys.modules, "pressroom.tweets", tweets)
    monkeypatch.setattr(tweets, "analyze", analyze, raising=False)
    monkeypatch.setattr(gg_api, "_analyses", {})
    monkeypatch.setenv(gg_api.TWEETS_DIR_ENV, str(tmp_path))
    for year in (2013, 2018):
        (tmp_path / f"gg{year}.json").write_text("[]", encoding="utf-8")
    return calls


@pytest.mark.parametrize("year", [2013, "2013", 2018, "2019 "])
def test_award_names_are_the_course_keys(year):
    assert gg_api.award_names(year) == cs337.official_awards(int(str(year)))


def test_award_names_beyond_the_course_come_from_knowledge():
    names = gg_api.award_names(2025)
    assert DRAMA in names and len(names) == len(set(names))


@pytest.mark.parametrize("year", [1800, "next year"])
def test_award_names_unknown_year(year):
    with pytest.raises(InputError):
        gg_api.award_names(year)


def test_shapes_follow_the_course(engine):
    keys = cs337.official_awards(2013)
    hosts, awards = gg_api.get_hosts(2013), gg_api.get_awards(2013)
    nominees, winners, presenters = gg_api.get_nominees(2013), gg_api.get_winner(2013), gg_api.get_presenters(2013)

    assert hosts == ["Ada Quill", "Bo Reyes"]
    assert awards == ["best drama film", "best director"]  # found names, not the keys
    for answer in (nominees, winners, presenters):
        assert list(answer) == keys  # every official key, and only those
    assert winners[DRAMA] == "Salt Harbor" and winners[DEMILLE] == ""
    assert all(isinstance(w, str) for w in winners.values())
    assert nominees[DRAMA] == ["Salt Harbor", "Blue Meridian"] and nominees[DEMILLE] == []
    assert presenters[DEMILLE] == ["Cy North"]
    assert all(isinstance(v, list) for v in (*nominees.values(), *presenters.values()))


def test_year_2018_uses_the_1819_keys(engine):
    assert list(gg_api.get_winner("2018")) == cs337.official_awards(2018)
    assert engine[0]["awards"] == cs337.official_awards(2018)


def test_one_stream_read_per_year(engine, tmp_path):
    for year in (2013, "2013"):  # the autograder passes strings
        gg_api.get_hosts(year), gg_api.get_awards(year), gg_api.get_nominees(year)
        gg_api.get_winner(year), gg_api.get_presenters(year)
    gg_api.get_hosts(2018)
    assert [c["year"] for c in engine] == [2013, 2018]
    first = engine[0]
    assert first["path"] == tmp_path / "gg2013.json"
    assert first["ceremony"] == "golden_globes" and first["awards"] == cs337.official_awards(2013)


def test_answers_can_be_changed_by_the_caller(engine):
    # the autograder deletes the cecil b. demille award from what it is given
    nominees = gg_api.get_nominees(2013)
    del nominees[DEMILLE]
    gg_api.get_nominees(2013)[DRAMA].append("Extra")
    assert DEMILLE in gg_api.get_nominees(2013)
    assert gg_api.get_nominees(2013)[DRAMA] == ["Salt Harbor", "Blue Meridian"]


def test_missing_tweets_file_is_named(engine):
    with pytest.raises(InputError, match="gg2015.json"):
        gg_api.get_hosts(2015)
    assert engine == []


def test_tweets_from_the_working_directory(engine, monkeypatch, tmp_path):
    monkeypatch.delenv(gg_api.TWEETS_DIR_ENV)
    monkeypatch.chdir(tmp_path)
    assert gg_api.tweets_path(2013) == tmp_path / "gg2013.json"
    assert gg_api.available_years() == [2013, 2018]


def test_pre_ceremony_needs_no_tweets(engine):
    assert gg_api.pre_ceremony() is None
    assert engine == []


def test_main_writes_answers_the_metric_can_score(engine, monkeypatch, tmp_path, capsys):
    (tmp_path / "gg2013answers.json").write_text("{}", encoding="utf-8")  # the truth: not a tweets file
    monkeypatch.chdir(tmp_path)
    assert gg_api.main() is None

    assert [c["year"] for c in engine] == [2013, 2018]
    written = json.loads((tmp_path / "gg2013results.json").read_text(encoding="utf-8"))
    assert set(written) == {"hosts", "awards", "award_data"}
    assert list(written["award_data"]) == cs337.official_awards(2013)
    assert written["award_data"][DRAMA] == {
        "nominees": ["Salt Harbor", "Blue Meridian"], "presenters": ["Eli Stone"], "winner": "Salt Harbor"}
    assert (tmp_path / "gg2018results.json").is_file()
    assert json.loads((tmp_path / "gg2013answers.json").read_text()) == {}  # the truth is untouched

    printed = capsys.readouterr().out
    assert "Golden Globes 2013" in printed and "Ada Quill" in printed and "Salt Harbor" in printed

    truth = {"hosts": ["ada quill", "bo reyes"],
             "award_data": {a: {"nominees": [], "presenters": [], "winner": ""} for a in cs337.official_awards(2013)}}
    truth["award_data"][DRAMA] = {"nominees": ["salt harbor", "blue meridian"], "presenters": ["eli stone"],
                                  "winner": "salt harbor"}
    scores = cs337.score_answers(written, truth, year=2013)["scores"]
    assert scores["hosts"] == {"spelling": 1.0, "completeness": 1.0}


def test_main_without_tweets_says_where_it_looked(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(gg_api.TWEETS_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(gg_api, "_analyses", {})
    gg_api.main()
    assert str(tmp_path) in capsys.readouterr().out
