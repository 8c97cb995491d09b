"""The development corpus, scored by the project's yardstick (../shared/eval/score.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import pressroom

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"
SCORE = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> dict:
    if not (DEV.is_dir() and SCORE.is_file()):
        pytest.skip(f"the shared dev corpus is not at {SHARED} (it sits beside the checkout in CI)")
    result = pressroom.extract(sorted(str(p) for p in DEV.glob("*.txt")))
    assert not result.failures, result.failures
    pred = tmp_path_factory.mktemp("corpus") / "pred.json"
    pred.write_text(json.dumps(result.to_json()), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORE), "--pred", str(pred), "--gold", str(DEV),
         "--official", str(SHARED / "corpus" / "official"), "--json"],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    "field, floor",
    [("detect_f1", 0.95), ("speaker_acc", 0.93), ("attributed_r", 0.90)],
)
def test_quotes_meet_the_bar(summary: dict, field: str, floor: float) -> None:
    assert summary["quotes"][field] >= floor, summary["quotes"]


@pytest.mark.parametrize(
    "field, floor",
    [("winners", 0.90), ("works", 0.85), ("nominees", 0.75), ("presenters", 0.66), ("hosts", 1.0)],
)
def test_awards_meet_the_bar(summary: dict, field: str, floor: float) -> None:
    assert summary[field]["f1"] >= floor, summary[field]


def test_every_fused_winner_is_right(summary: dict) -> None:
    ceremonies = summary["ceremonies"]
    assert ceremonies, "no fused ceremony matched an official result"
    for year, c in ceremonies.items():
        assert c["right"] == c["answered"], (year, c)


def test_every_document_is_scored(summary: dict) -> None:
    assert summary["documents"]["missing_from_prediction"] == []
