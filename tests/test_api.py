"""The Python API: ``extract`` over paths and texts, the Result and its JSON, the public names."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import pressroom
from pressroom import InputError, Result, Store
from pressroom import extract, extract_text

HARBOR = (
    "The Silent Harbor wins big\n\n"
    '"I never expected this," Maria Lindqvist said backstage after the ceremony.\n'
)
GALA = '"The crew deserves every bit of this," said Jonah Whitcombe on the red carpet.\n'

# The fields score.py reads (../shared/eval/CONTRACT.md); pressroom may add others.
CONTRACT_DOCUMENT_FIELDS = {"id", "path", "ceremony", "hosts", "awards", "quotes"}
CONTRACT_QUOTE_FIELDS = {"speaker", "text", "start", "end"}
CONTRACT_TOP_FIELDS = {"documents", "ceremonies"}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def speakers(result: Result) -> list[str | None]:
    return [q.speaker for q in result.quotes]


@pytest.fixture
def harbor(tmp_path: Path) -> Path:
    return write(tmp_path, "harbor.txt", HARBOR)


@pytest.fixture
def gala(tmp_path: Path) -> Path:
    return write(tmp_path, "gala.txt", GALA)


def test_extract_paths_into_a_store(harbor, gala, tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        result = extract([harbor, gala], store=store)
        assert store.stats()["documents"] == 2
    assert isinstance(result, Result)
    assert result.ok and result.failures == []
    assert [d.document.id for d in result.documents] == ["harbor", "gala"]
    assert speakers(result) == ["Maria Lindqvist", "Jonah Whitcombe"]


def test_store_given_as_a_path_string(harbor, gala, tmp_path):
    db = tmp_path / "s.db"
    extract([str(harbor), str(gala)], store=str(db))
    with Store(db) as store:
        assert sorted(d.doc_id for d in store.documents()) == ["gala", "harbor"]
        assert {q.speaker for q in store.quotes()} == {"Maria Lindqvist", "Jonah Whitcombe"}


def test_a_single_path_is_not_split_into_characters(harbor):
    result = extract(str(harbor))
    assert [d.document.id for d in result.documents] == ["harbor"]


def test_extract_texts():
    result = extract(texts={"harbor": HARBOR, "gala": GALA})
    assert [d.document.id for d in result.documents] == ["harbor", "gala"]
    assert speakers(result) == ["Maria Lindqvist", "Jonah Whitcombe"]
    for doc in result.documents:
        for q in doc.quotes:
            assert doc.document.text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "bad_name, bad_bytes",
    [
        ("binary.txt", b"abc\0\0def\0"),
        ("empty.txt", b""),
        ("undecodable.txt", b"\xff\xfe\x00\xd8"),
        ("missing.txt", None),
    ],
)
def test_a_failure_does_not_stop_the_batch(tmp_path, harbor, gala, bad_name, bad_bytes):
    bad = tmp_path / bad_name
    if bad_bytes is not None:
        bad.write_bytes(bad_bytes)
    db = tmp_path / "s.db"
    result = extract([harbor, bad, gala], store=db)
    assert not result.ok
    (failure,) = result.failures
    assert failure.source == str(bad) and failure.error
    assert [d.document.id for d in result.documents] == ["harbor", "gala"]
    with Store(db) as store:
        assert store.stats()["documents"] == 2


def test_an_empty_text_fails_alone():
    result = extract(texts={"blank": "  \n ", "gala": GALA})
    assert [f.source for f in result.failures] == ["blank"]
    assert [d.document.id for d in result.documents] == ["gala"]


def test_result_json_has_the_contract_fields(harbor):
    result = extract([harbor], texts={"gala": GALA})
    data = result.to_json()
    assert CONTRACT_TOP_FIELDS <= data.keys()
    assert isinstance(data["ceremonies"], list)
    assert [d["id"] for d in data["documents"]] == ["harbor", "gala"]
    assert [d["path"] for d in data["documents"]] == [str(harbor), None]
    for doc in data["documents"]:
        assert CONTRACT_DOCUMENT_FIELDS <= doc.keys()
        assert isinstance(doc["hosts"], list) and isinstance(doc["awards"], list)
        assert doc["quotes"]
        for quote in doc["quotes"]:
            assert CONTRACT_QUOTE_FIELDS <= quote.keys()


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_extract_text_of_nothing_raises_input_error(text):
    with pytest.raises(InputError, match="empty"):
        extract_text(text)


def test_extract_text():
    doc = extract_text(HARBOR, id="harbor")
    assert doc.document.id == "harbor"
    assert [q.speaker for q in doc.quotes] == ["Maria Lindqvist"]


@pytest.mark.parametrize("name", pressroom.__all__)
def test_public_names_import(name):
    assert getattr(importlib.import_module("pressroom"), name) is not None


def test_star_import_gives_every_public_name():
    namespace: dict[str, object] = {}
    exec("from pressroom import *", namespace)
    assert set(pressroom.__all__) <= namespace.keys()


def test_extract_is_not_shadowed_by_the_extract_package():
    extract(texts={"gala": GALA})  # imports pressroom.extract.* on the way
    assert pressroom.extract is pressroom.api.extract
