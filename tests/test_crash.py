"""Crash safety: a store survives a killed writer, and readers never see half a document.

Real processes: `python -m pressroom extract` over a folder of small invented
documents, killed with SIGKILL while it writes; `pressroom serve` answering
while another process extracts into the same file. After a kill the file must
open, pass `PRAGMA integrity_check`, hold only whole documents (each with every
quote, award and host a fresh extraction of that file finds) and no orphan
rows, and a second run must finish the batch without duplicating anything.
"""
from __future__ import annotations

import json
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

import pressroom
from pressroom.records import Document, DocumentResult
from pressroom.store import Store

NOTE = DocumentResult(Document(id="note", text="Petra Lindqvist waved.", path="/notes/note.txt"))
N_DOCUMENTS = 120
WRITTEN_WHILE_READ = 60  # enough for many reads mid-run; the readers slow the writer down
FIRST = ["Marisol", "Tobiah", "Ulla", "Caspian", "Odile", "Bram", "Ines", "Lorcan", "Petra", "Quill"]
LAST = ["Quenby", "Farrowdale", "Mirecourt", "Holloway", "Strandquist", "Vexley", "Ambrecht",
        "Kettering", "Lindqvist", "Thornbury"]

# Child rows whose parent must exist: (table, column, parent table). A row left
# behind by a torn write would show here.
LINKS = [
    ("quotes", "document_id", "documents"),
    ("quotes", "person_id", "people"),
    ("hosts", "document_id", "documents"),
    ("awards", "document_id", "documents"),
    ("award_people", "award_id", "awards"),
    ("document_people", "document_id", "documents"),
    ("document_people", "person_id", "people"),
    ("timeline", "document_id", "documents"),
    ("timeline_people", "event_id", "timeline"),
]


def _coverage(i: int) -> str:
    """One short invented article: a host, two winners, three quotes."""
    winner = f"{FIRST[i % 10]} {LAST[i * 3 % 10]}"
    actress = f"{FIRST[(i + 4) % 10]} {LAST[(i * 7 + 1) % 10]}"
    host = f"{FIRST[(i + 7) % 10]} {LAST[(i + 2) % 10]}"
    return f"""Golden Globes 2025: night {i} for {winner}

{host} hosted the 82nd Golden Globes on Sunday night.

{winner} won Best Director for "The Lantern Year {i}".

"I owe this to a very patient editor, number {i}," {winner} said backstage.

{actress} won Best Actress in a Motion Picture - Drama for "Salt Meadow {i}".

"My mother told me to wear comfortable shoes, and she was right again," {actress} told reporters.

"Nobody expected the goat to steal scene {i}," {host} joked onstage.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("coverage")
    for i in range(N_DOCUMENTS):
        (folder / f"night-{i:03d}.txt").write_text(_coverage(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def fresh(folder) -> dict[str, dict[str, int]]:
    """What extracting each file on its own finds, by path: the counts a stored copy must have."""
    result = pressroom.extract(sorted(folder.glob("*.txt")))
    assert result.ok, result.failures
    return {r.document.path: _counts(r) for r in result.documents}


def _counts(result) -> dict[str, int]:
    return {
        "quotes": len(result.quotes),
        "awards": len(result.awards),
        "hosts": len(result.hosts),
        "people": len(result.people),
        "named": sum(len(a.nominees) + len(a.presenters) for a in result.awards),
        "timeline": len(result.timeline),
    }


def _extract(*paths: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "pressroom", "extract", *map(str, paths), "--db", str(db), "-f", "jsonl"]


def _stored(db: Path) -> int:
    """Documents committed so far, read through a read-only connection (0 before the schema)."""
    if not db.exists():
        return 0
    try:
        raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return raw.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            raw.close()
    except sqlite3.DatabaseError:  # no table yet, or the file is being created
        return 0


def _kill_midway(cmd: list[str], db: Path, *, at_least: int, env: dict | None = None) -> int:
    """Start ``cmd``, SIGKILL it once ``at_least`` documents are stored; the count then."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 25
    try:
        while _stored(db) < at_least:
            if proc.poll() is not None:
                pytest.fail(f"extract ended (exit {proc.returncode}) before {at_least} documents "
                            f"were stored: {proc.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"fewer than {at_least} documents stored after 25 s")
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return _stored(db)


def _check_sound(db: Path, fresh: dict[str, dict[str, int]]) -> int:
    """The file opens, is intact, has no orphan rows, and every stored document is whole."""
    with Store(db) as store:
        assert store.integrity_ok()
        stored = store.documents()
        for d in stored:
            result = store.document(d.path)
            assert _counts(result) == fresh[d.path], f"{d.path} is stored incomplete"
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, column, parent in LINKS:
            orphans = raw.execute(
                f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL"
                f" AND {column} NOT IN (SELECT id FROM {parent})").fetchone()[0]
            assert orphans == 0, f"{orphans} rows of {table} point at no {parent}"
        # the search index holds exactly the stored quotes
        assert raw.execute("SELECT count(*) FROM quotes_fts").fetchone() == raw.execute(
            "SELECT count(*) FROM quotes").fetchone()
        assert raw.execute("SELECT count(*) FROM quotes_fts WHERE rowid NOT IN"
                           " (SELECT id FROM quotes)").fetchone() == (0,)
        raw.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    finally:
        raw.close()
    return len(stored)


def _check_no_duplicates(db: Path, fresh: dict[str, dict[str, int]]) -> None:
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("SELECT count(*), count(DISTINCT path) FROM documents").fetchone() == (
            len(fresh), len(fresh))
        assert raw.execute('SELECT count(*) FROM (SELECT 1 FROM quotes GROUP BY document_id, start,'
                           ' "end" HAVING count(*) > 1)').fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM quotes").fetchone() == (
            sum(c["quotes"] for c in fresh.values()),)
        assert raw.execute("SELECT count(*) - count(DISTINCT lower(name)) FROM people").fetchone() == (0,)
    finally:
        raw.close()


# -- the store's settings ---------------------------------------------------------------

def test_store_is_wal_with_a_busy_timeout(tmp_path):
    db = tmp_path / "press.db"
    with Store(db):
        pass
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # kept in the file
    finally:
        raw.close()
    with Store(db) as store:
        assert store._conn.execute("PRAGMA busy_timeout").fetchone() == (5000,)


def test_a_writer_waits_for_the_lock_instead_of_failing(tmp_path):
    db = tmp_path / "press.db"
    Store(db).close()
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(5)
        time.sleep(0.3)
        holder.execute("COMMIT")
        holder.close()

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    locked.wait(5)
    started = time.monotonic()
    release.set()
    with Store(db) as store:
        store.save(NOTE)  # waits for the lock (up to 5 s) rather than failing at once
        assert store.stats()["documents"] == 1
    assert time.monotonic() - started >= 0.25
    thread.join()


def test_opening_and_reading_never_wait_for_a_writer(tmp_path):
    db = tmp_path / "press.db"
    Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO people (name) VALUES ('Odile Farrowdale')")
    try:
        started = time.monotonic()
        with Store(db) as store:
            assert store.stats()["people"] == 0  # the uncommitted row is not seen
            assert store.people() == []
        assert time.monotonic() - started < 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_data_version_moves_when_another_connection_commits(tmp_path):
    db = tmp_path / "press.db"
    with Store(db) as watcher, Store(db) as writer:
        before = watcher.data_version()
        assert watcher.data_version() == before
        writer.save(NOTE)
        assert watcher.data_version() != before


def test_a_snapshot_sees_one_state(tmp_path, folder):
    db = tmp_path / "press.db"
    first, second = sorted(folder.glob("*.txt"))[:2]
    pressroom.extract([first], store=db)
    with Store(db) as reader:
        with reader.snapshot():
            assert len(reader.documents()) == 1
            pressroom.extract([second], store=db)  # another connection commits meanwhile
            assert len(reader.documents()) == 1 and reader.stats()["documents"] == 1
            assert len(reader.results()) == 1  # a nested snapshot keeps the same state
        assert reader.stats()["documents"] == 2


# -- a killed writer --------------------------------------------------------------------

def test_killed_extract_leaves_whole_documents_and_a_rerun_completes(tmp_path, folder, fresh):
    db = tmp_path / "press.db"
    stored = _kill_midway(_extract(folder, db=db), db, at_least=10)
    assert 10 <= stored < N_DOCUMENTS, "the kill did not land mid-batch"
    assert _check_sound(db, fresh) == stored

    # killed again later in a second run, which first replaces what the first one stored
    again = _kill_midway(_extract(folder, db=db), db, at_least=stored + 10)
    assert stored + 10 <= again < N_DOCUMENTS
    assert _check_sound(db, fresh) == again

    done = subprocess.run(_extract(folder, db=db), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(done.stdout.splitlines()) == N_DOCUMENTS
    assert _check_sound(db, fresh) == N_DOCUMENTS
    _check_no_duplicates(db, fresh)


# Kills the process from inside ``Store.save``, after some rows of the 6th document are
# written and before its transaction commits: the torn write a random kill may miss.
KILL_INSIDE_SAVE = """
import os, signal, sys
from pressroom.store import database
saves = 0
insert_awards = database.Store._insert_awards
def dying(self, document_id, awards):
    global saves
    saves += 1
    insert_awards(self, document_id, awards)
    if saves == 6:
        os.kill(os.getpid(), signal.SIGKILL)
database.Store._insert_awards = dying
sys.argv = ["pressroom", *sys.argv[1:]]
from pressroom.cli import main
main()
"""


def test_killed_inside_a_save_the_document_is_not_stored(tmp_path, folder, fresh):
    db = tmp_path / "press.db"
    cmd = [sys.executable, "-c", KILL_INSIDE_SAVE, *_extract(folder, db=db)[3:]]
    done = subprocess.run(cmd, capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]
    assert _check_sound(db, fresh) == 5  # the 6th was torn: rolled back whole
    with Store(db) as store:
        assert store.document(str(sorted(folder.glob("*.txt"))[5])) is None


# -- reading while another process writes ------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture
def server(tmp_path):
    """`pressroom serve` over an empty store; yields (base URL, store path)."""
    db = tmp_path / "press.db"
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "serve", "--db", str(db), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            _get(base + "/api/stats")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"pressroom serve did not start: {log.read()}")
            time.sleep(0.1)
    yield base, db
    proc.terminate()
    proc.wait(timeout=10)
    log.seek(0)
    assert "Traceback" not in log.read()
    log.close()


CEREMONY = "/ceremonies/" + quote("Golden Globe Awards") + "/2025"
FIRST_DOCUMENT = "/documents/night-000"
READS = ["/api/stats", "/", "/api/ceremonies", "/documents", "/people", "/quotes?q=goat",
         "/api/quotes?q=shoes", CEREMONY, "/api" + CEREMONY, FIRST_DOCUMENT, "/api" + FIRST_DOCUMENT]
# Pages of what the first stored document brings: 404 only before it is stored.
AFTER_FIRST = {CEREMONY, "/api" + CEREMONY, FIRST_DOCUMENT, "/api" + FIRST_DOCUMENT}


def test_the_web_app_reads_while_another_process_writes(server, folder, fresh):
    base, db = server
    written = sorted(folder.glob("*.txt"))[:WRITTEN_WHILE_READ]
    writer = subprocess.Popen(_extract(*written, db=db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    problems: list[str] = []
    seen: dict[str, list[tuple[int, int, int]]] = {}

    def reader(name: str) -> None:
        counts = seen.setdefault(name, [])
        last_round = False
        try:
            while not last_round:
                last_round = writer.poll() is not None
                stats = json.loads(_get(base + "/api/stats")[1])
                counts.append((stats["documents"], stats["quotes"], stats["people"]))
                for path in READS:
                    status, body = _get(base + path)
                    expected = (200, 404) if path in AFTER_FIRST and counts[-1][0] == 0 else (200,)
                    if status not in expected:
                        problems.append(f"{path}: HTTP {status}: {body[:300]!r}")
        except Exception as exc:  # a refused connection, a body that is not JSON
            problems.append(f"{name}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=reader, args=(f"reader-{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    writer.wait(timeout=60)
    assert writer.returncode == 0, writer.stderr.read().decode()[-2000:]
    writer.stderr.close()
    assert not problems, problems[:5]
    for name, counts in seen.items():
        assert len(counts) >= 2, f"{name} read only {len(counts)} times"
        assert all(a <= b for before, after in zip(counts, counts[1:]) for a, b in zip(before, after)), \
            f"{name} saw counts go down: {counts}"
        assert counts[-1][:2] == (len(written), sum(fresh[str(p)]["quotes"] for p in written))
    assert any(0 < c[0] < len(written) for counts in seen.values() for c in counts), \
        "no read landed while the extraction was under way"
    board = json.loads(_get(base + "/api" + CEREMONY)[1])
    assert len(board["documents"]) == len(written)  # the cached board followed the writer
