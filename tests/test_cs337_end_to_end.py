"""The CS337 path end to end on a hand-written stream whose truth is known:
gg_api answers it, and `pressroom eval --cs337` scores the answers."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressroom import gg_api
from pressroom.cli import app

DATA = Path(__file__).parent / "data" / "tweets"
STREAM = DATA / "stream-fictional-2042.jsonl"
TRUTH = DATA / "truth-fictional-2042.json"
YEAR = 2042


@pytest.fixture()
def course_dir(tmp_path, monkeypatch):
    shutil.copy(STREAM, tmp_path / f"gg{YEAR}.json")
    monkeypatch.setenv("PRESSROOM_TWEETS_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    gg_api._cache_clear() if hasattr(gg_api, "_cache_clear") else None
    return tmp_path


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads(TRUTH.read_text(encoding="utf-8"))


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


def test_hosts_are_right(course_dir, truth):
    assert sorted(map(_fold, gg_api.get_hosts(YEAR))) == sorted(map(_fold, truth["hosts"]))


def test_winners_are_right(course_dir, truth):
    winners = gg_api.get_winner(YEAR)
    for award, winner in truth["winners"].items():
        assert _fold(winners[award]) == _fold(winner), award


def test_presenters_are_right(course_dir, truth):
    presenters = gg_api.get_presenters(YEAR)
    for award, names in truth["presenters"].items():
        assert sorted(map(_fold, presenters[award])) == sorted(map(_fold, names)), award


def test_eval_scores_the_answers_with_the_course_metric(course_dir, truth):
    gg_api.main()
    answers = course_dir / f"gg{YEAR}results.json"
    assert answers.exists()
    awards = set(truth["winners"]) | set(truth["presenters"]) | set(truth["nominees"])
    course_truth = {
        "hosts": [h.lower() for h in truth["hosts"]],
        "award_data": {
            a: {"winner": truth["winners"].get(a, "").lower(),
                "nominees": [n.lower() for n in truth["nominees"].get(a, [])],
                "presenters": [p.lower() for p in truth["presenters"].get(a, [])]}
            for a in awards
        },
    }
    truth_file = course_dir / f"gg{YEAR}answers.json"
    truth_file.write_text(json.dumps(course_truth), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--cs337", str(answers), "--truth", str(truth_file), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["scores"]
    assert scores["hosts"] == {"spelling": 1.0, "completeness": 1.0}
    assert scores["winner"]["spelling"] >= 0.99
    assert scores["presenters"]["spelling"] >= 0.99
    assert scores["presenters"]["completeness"] >= 0.9
