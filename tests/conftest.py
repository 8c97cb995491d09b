"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from collections.abc import Callable

import pytest

import pressroom.nlp
from pressroom.documents import read_text
from pressroom.records import DocumentResult


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline pressroom uses, loaded once for the whole session."""
    return pressroom.nlp.load()


@pytest.fixture(scope="session")
def extract(nlp) -> Callable[[str], DocumentResult]:
    """Run the per-document extraction on a raw text: ``extract(text) -> DocumentResult``."""
    # imported here: importing pressroom.extract.* rebinds the name pressroom.extract
    # (the public function) to the subpackage, so collection should not do it
    from pressroom.pipeline import extract_document

    def run(text: str) -> DocumentResult:
        return extract_document(read_text(text, id="t"), nlp)

    return run


@pytest.fixture(scope="session")
def extract_at(nlp) -> Callable[..., DocumentResult]:
    """Extraction with the ceremony and year given, as ``--ceremony``/``--year`` give them:
    ``extract_at(text, ceremony="golden globes", year=2025) -> DocumentResult``."""
    from pressroom.pipeline import extract_document

    def run(text: str, *, ceremony: str = "golden globes", year: int = 2025) -> DocumentResult:
        return extract_document(read_text(text, id="t"), nlp, ceremony=ceremony, year=year)

    return run
