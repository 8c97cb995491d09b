"""Bad input: every file of a hostile corpus gives a clear error naming it, or a sane result.

The corpus (tests/badinput/make_corpus.py) is written once per session: it
holds a 100 MB article. The real command runs over the whole folder and over
every file given by name; the Python API runs over the folder. Each entry is
then checked against what make_corpus says it should give, and the batch must
carry on past every bad one.

These runs pass ``--max-size 4`` so that the single 5 MB line is refused by
size too: spaCy reads some 30 KB a second, and minutes of NLP have no place
here. The 5 MB line gets tests of its own at the end.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from badinput.make_corpus import LINE_BYTES, PARAGRAPH, VANISHING, Expectation, make_corpus, unbalanced_text
from pressroom.documents import read_bytes, read_path
from pressroom.errors import InputError

LIMIT_MB = 4
LIMIT = LIMIT_MB * 1_000_000
RUN_TIMEOUT = 120


@dataclass(frozen=True)
class Run:
    """What one extraction said, by the path each file was given as."""

    folder: Path
    code: int | None  # None for the Python API
    documents: dict[str, dict]  # path -> {"quotes": [(text, speaker)], "text", "title", "people"}
    failures: dict[str, list[str]]  # path -> its error messages
    stderr: str = ""


# --- running pressroom ------------------------------------------------------------------


def pressroom(*args: object, input: bytes | None = None, timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pressroom", *map(str, args)], input=input,
                          capture_output=True, timeout=timeout, env=_env())


def _env() -> dict[str, str]:
    return {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}


def _from_cli(folder: Path, code: int, stdout: str, stderr: str) -> Run:
    data = json.loads(stdout)
    documents = {
        d["path"]: {"quotes": [(q["text"], q["speaker"]) for q in d["quotes"]], "title": d["title"],
                    "people": d["people"], "text": None}
        for d in data["documents"]
    }
    failures: dict[str, list[str]] = {}
    for f in data["failures"]:
        failures.setdefault(f["source"], []).append(f["error"])
    return Run(folder, code, documents, failures, stderr)


def _cli_run(folder: Path, tmp: Path, paths: list[str], *, vanish: str | None = None) -> Run:
    """Run ``pressroom extract PATHS`` into a fresh store; remove ``vanish`` once the first document is stored."""
    db, out, err = tmp / "store.db", tmp / "out.json", tmp / "err.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pressroom", "extract", *paths, "--format", "json",
             "--db", str(db), "--max-size", str(LIMIT_MB)],
            stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, env=_env(),
        )
        try:
            if vanish is not None:
                _wait_for_first_document(db, proc)
                os.remove(vanish)  # the folder was listed before the first document was read
            code = proc.wait(timeout=RUN_TIMEOUT)
        finally:
            if proc.poll() is None:
                proc.kill()
    return _from_cli(folder, code, out.read_text("utf-8"), err.read_text("utf-8"))


def _wait_for_first_document(db: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        assert proc.poll() is None, "pressroom ended before the file could vanish"
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM documents").fetchone()[0]:
                    return
        except sqlite3.Error:
            pass  # not created yet
        time.sleep(0.01)
    pytest.fail("no document was stored in time")


# --- the corpus and the runs over it --------------------------------------------------------


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Iterator[tuple[Path, dict[str, Expectation]]]:
    folder = tmp_path_factory.mktemp("badinput") / "corpus"
    expectations = make_corpus(folder)
    yield folder, expectations
    (folder / "locked.txt").chmod(0o644)  # so the temporary folder can be cleaned up


def _restore_vanishing(folder: Path) -> None:
    (folder / "vanishing.txt").write_text(VANISHING, encoding="utf-8")


@pytest.fixture(scope="module")
def folder_run(corpus, tmp_path_factory) -> Run:
    folder, _ = corpus
    try:
        return _cli_run(folder, tmp_path_factory.mktemp("folder-run"), [str(folder)],
                        vanish=str(folder / "vanishing.txt"))
    finally:
        _restore_vanishing(folder)


@pytest.fixture(scope="module")
def files_run(corpus, tmp_path_factory) -> Run:
    """Every entry given as a path of its own (the vanishing one is tested in the folder run)."""
    folder, expectations = corpus
    paths = [str(folder / name) for name, e in expectations.items() if _given_alone(e)]
    return _cli_run(folder, tmp_path_factory.mktemp("files-run"), paths)


@pytest.fixture(scope="module")
def api_run(corpus) -> Run:
    import pressroom

    folder, _ = corpus
    vanishing = folder / "vanishing.txt"

    def remove_once(done: int, name: str) -> None:
        if vanishing.exists():
            vanishing.unlink()  # the folder is listed; this file is not read yet

    try:
        result = pressroom.extract([folder], max_bytes=LIMIT, progress=remove_once)
    finally:
        _restore_vanishing(folder)
    documents = {
        d.document.path: {"quotes": [(q.text, q.speaker) for q in d.quotes], "title": d.document.title,
                          "people": list(d.people), "text": d.document.text, "result": d}
        for d in result.documents
    }
    failures: dict[str, list[str]] = {}
    for f in result.failures:
        failures.setdefault(f.source, []).append(f.error)
    return Run(folder, None, documents, failures)


def _given_alone(e: Expectation) -> bool:
    return e.outcome in ("document", "failure", "skip") or (e.outcome == "unlisted" and bool(e.problem))


def _under_limit(name: str, e: Expectation, folder: Path) -> Expectation:
    """What the entry gives with ``--max-size LIMIT_MB``: files over it are refused first."""
    path = folder / name
    if path.is_file() and not path.is_symlink() and path.stat().st_size > LIMIT:
        size = path.stat().st_size / 1_000_000
        return Expectation("failure", problem=re.escape(f"file is {size:.1f} MB, over the {LIMIT_MB} MB limit (--max-size)"))
    return e


def _expectations() -> dict[str, Expectation]:
    """The expectations, for the test ids: from a throwaway corpus of small files, as collection must be cheap."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        expectations = make_corpus(Path(tmp) / "corpus", huge_bytes=10, line_bytes=10)
        (Path(tmp) / "corpus" / "locked.txt").chmod(0o644)
    return expectations


_EXPECTED = _expectations()
ALL_NAMES = sorted(_EXPECTED)


# --- the checks ---------------------------------------------------------------------------


def check(run: Run, name: str, e: Expectation, *, listed: bool) -> None:
    """One entry's outcome in a run: a sane document, or exactly one clear failure naming it."""
    path = str(run.folder / name)
    if e.outcome == "skip":
        pytest.skip(e.reason)
    if e.outcome == "vanishes":
        e = Expectation("failure", problem=e.problem)
    if e.outcome == "unlisted":
        if listed:
            assert path not in run.documents and path not in run.failures, f"{name} should not be read in a folder"
            return
        e = Expectation("failure", problem=e.problem)
    e = _under_limit(name, e, run.folder)
    if e.outcome == "failure":
        assert path not in run.documents, f"{name} was read as a document"
        errors = run.failures.get(path, [])
        assert len(errors) == 1, f"{name}: expected one failure, got {errors}"
        assert re.search(e.problem, errors[0]), f"{name}: {errors[0]!r} does not say {e.problem!r}"
        if run.code is not None:  # the command prints one line naming the file and the problem
            assert f"error: {path}: {errors[0]}" in run.stderr.splitlines()
        return
    assert path not in run.failures, f"{name} failed: {run.failures.get(path)}"
    assert path in run.documents, f"{name} is missing from the documents"
    doc = run.documents[path]
    for words, speaker in e.quotes:
        said = [(text, who) for text, who in doc["quotes"] if words in text]
        assert said, f"{name}: no quote holds {words!r}; quotes: {doc['quotes'][:5]}"
        if speaker is not None:
            assert speaker in [who for _, who in said], f"{name}: {words!r} is not attributed to {speaker}: {said}"
    for bad in e.absent:
        seen = [doc["title"], *doc["people"], *(t for t, _ in doc["quotes"]), *(w or "" for _, w in doc["quotes"])]
        if doc["text"] is not None:
            seen.append(doc["text"])
        assert not any(bad in s for s in seen), f"{name}: {bad!r} leaked into the result"


def test_folder_run_exits_1_and_names_each_failure_once(folder_run):
    assert folder_run.code == 1, folder_run.stderr
    assert "Traceback" not in folder_run.stderr
    error_lines = [line for line in folder_run.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == sum(len(errors) for errors in folder_run.failures.values())


@pytest.mark.parametrize("name", ALL_NAMES)
def test_folder_run(folder_run, corpus, name):
    check(folder_run, name, corpus[1][name], listed=True)


def test_folder_links_are_followed_once(folder_run):
    """A folder reached again through a link is not read again: each file gives one result."""
    read = [*folder_run.documents, *folder_run.failures]
    assert not [p for p in read if "/again/" in p or "/up/" in p]
    assert len({os.path.realpath(p) for p in read}) == len(read)


@pytest.mark.parametrize("name", [n for n in ALL_NAMES if _given_alone(_EXPECTED[n])])
def test_each_file_given_by_name(files_run, corpus, name):
    check(files_run, name, corpus[1][name], listed=False)


def test_files_run_exits_1(files_run):
    assert files_run.code == 1 and "Traceback" not in files_run.stderr


@pytest.mark.parametrize("name", ALL_NAMES)
def test_python_api(api_run, corpus, name):
    check(api_run, name, corpus[1][name], listed=True)


def test_python_api_offsets_point_into_each_text(api_run):
    assert api_run.documents
    for path, doc in api_run.documents.items():
        result, text = doc["result"], doc["text"]
        for q in result.quotes:
            assert q.text == text[q.start : q.end], path
            if q.speaker_start is not None:
                assert 0 <= q.speaker_start <= q.speaker_end <= len(text), path


# --- the size limit ---------------------------------------------------------------------------


def test_huge_file_is_refused_by_the_default_limit(corpus):
    folder, _ = corpus
    huge = folder / "huge.txt"
    run = pressroom("extract", huge, "--no-store", "--format", "json")
    assert run.returncode == 1
    assert f"error: {huge}: file is 100.0 MB, over the 20 MB limit (--max-size)" in run.stderr.decode().splitlines()
    assert json.loads(run.stdout)["failures"] == [
        {"source": str(huge), "error": "file is 100.0 MB, over the 20 MB limit (--max-size)"}]


def test_huge_file_is_refused_before_it_is_opened(corpus, monkeypatch):
    folder, _ = corpus

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", never)
    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(InputError, match=r"file is 100\.0 MB, over the 20 MB limit"):
        read_path(folder / "huge.txt")


def test_max_size_is_configurable(corpus):
    folder, _ = corpus
    small = folder / "english.txt"
    refused = pressroom("extract", small, "--no-store", "--max-size", "0.0001")
    assert refused.returncode == 1
    assert "over the 0.0001 MB limit (--max-size)" in refused.stderr.decode()
    unlimited = pressroom("extract", small, "--no-store", "--max-size", "0", "--format", "json")
    assert unlimited.returncode == 0, unlimited.stderr
    assert json.loads(unlimited.stdout)["documents"][0]["path"] == str(small)


def test_max_size_must_not_be_negative(corpus):
    run = pressroom("extract", corpus[0] / "english.txt", "--no-store", "--max-size", "-1")
    assert run.returncode == 2


def test_unknown_ceremony_is_a_usage_error(corpus):
    run = pressroom("extract", corpus[0] / "english.txt", "--no-store", "--ceremony", "Lantern Awards")
    assert run.returncode == 2
    [line] = run.stderr.decode().splitlines()
    assert line.startswith("error: --ceremony: unknown ceremony 'Lantern Awards'; known: ")


def test_standard_input_over_the_limit_is_refused():
    run = pressroom("extract", "-", "--no-store", "--max-size", "0.001", input=PARAGRAPH.encode() * 20)
    assert run.returncode == 1
    assert "error: stdin: over the 0.001 MB limit (--max-size)" in run.stderr.decode().splitlines()


# --- tweet files: the good lines are kept, the bad ones reported ------------------------------


@pytest.mark.parametrize("name", sorted(name for name, e in _EXPECTED.items() if e.tweets))
def test_tweets_keep_the_good_lines_and_name_the_bad(corpus, name):
    folder, expectations = corpus
    e = expectations[name]
    run = pressroom("tweets", folder / name, "--json", "--year", "2031")
    assert run.returncode == 0, run.stderr.decode()
    data = json.loads(run.stdout)
    assert data["counts"]["read"] == e.tweets
    assert all(err.startswith(f"{folder / name}: line ") for err in data["errors"]), data["errors"]
    assert [int(re.match(r".*?: line (\d+)", err).group(1)) for err in data["errors"]] == list(e.bad_lines)
    skipped = [line for line in run.stderr.decode().splitlines() if line.startswith("skipped:")]
    assert len(skipped) == len(e.bad_lines)


# --- the single 5 MB line --------------------------------------------------------------------


def test_five_megabyte_line_is_read_whole_and_its_quotes_found(corpus):
    from pressroom.pipeline import find_candidates

    doc = read_path(corpus[0] / "one-line.txt")
    assert len(doc.text) == LINE_BYTES and "\n" not in doc.text
    started = time.monotonic()
    candidates, _ = find_candidates(doc.text)
    assert time.monotonic() - started < 20, "the quote finder is not linear on one long line"
    assert len(candidates) == doc.text.count("Castellane said")  # one quote per paragraph
    assert all(doc.text[c.start : c.end].startswith("I have been to eleven") for c in candidates)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("\"a\" \u201c b \u201d " * 64_000, id="dense-quotation-marks"),
        pytest.param("-\"-" * 200_000 + ' "a', id="squeezed-marks"),
    ],
)
def test_quote_finder_is_linear_on_a_long_line(line):
    from pressroom.pipeline import find_candidates

    started = time.monotonic()
    find_candidates(line)
    assert time.monotonic() - started < 10  # once quadratic: minutes


def test_speakers_are_linear_on_a_long_line(nlp):
    """Thousands of quotes in one unpunctuated line, which spaCy reads as one sentence."""
    from pressroom.extract.speakers import Speakers
    from pressroom.pipeline import find_candidates

    line = " ".join([unbalanced_text().split("\n")[0]] * 2)
    candidates, titles = find_candidates(line)
    doc = nlp(line)
    assert len(candidates) > 500
    started = time.monotonic()
    Speakers(doc, candidates, titles).attribute()
    assert time.monotonic() - started < 3  # under a second; once quadratic, 11 s


@pytest.mark.parametrize("line", ["*a " * 130_000, "_a_ *b " * 60_000, "~~a " * 100_000],
                         ids=["asterisks", "underscores", "tildes"])
def test_markdown_emphasis_is_linear_on_a_long_line(line):
    started = time.monotonic()
    doc = read_bytes(line.encode(), id="long", path="long.md")
    assert time.monotonic() - started < 10  # once quadratic: minutes
    assert doc.text.strip()


def test_line_over_spacy_max_length_is_extracted(nlp, monkeypatch):
    """The pipeline's limit lowered to 20,000 characters stands in for 1,000,000: the same path, in a second."""
    from pressroom.documents import read_text
    from pressroom.pipeline import extract_document

    monkeypatch.setattr(nlp, "max_length", 20_000)
    text = PARAGRAPH * (50_000 // len(PARAGRAPH))
    result = extract_document(read_text(text, id="one-line"), nlp)
    assert len(result.quotes) == text.count("Castellane said")
    for q in result.quotes:
        assert q.text == text[q.start : q.end]
        assert q.speaker == "Oona Castellane"


@pytest.mark.skipif(not os.environ.get("PRESSROOM_SLOW_TESTS"), reason="minutes of NLP: set PRESSROOM_SLOW_TESTS=1")
def test_five_megabyte_line_through_the_command(corpus):
    path = corpus[0] / "one-line.txt"
    run = pressroom("extract", path, "--no-store", "--format", "json", timeout=3600)
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    quotes = json.loads(run.stdout)["documents"][0]["quotes"]
    assert len(quotes) == path.read_text().count("Castellane said")
