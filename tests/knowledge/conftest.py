"""Shared fixtures of the knowledge tests."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCORE_PY = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


@pytest.fixture(scope="session")
def award_key():
    """The eval's ``award_key``: what award a category name means, whatever the year's wording."""
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} not found: the eval folder is not next to the repository")
    spec = importlib.util.spec_from_file_location("_pressroom_eval_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.award_key
