"""The engines: the same output whatever runs the work (this process, a process
pool, a Dask LocalCluster, a running Dask scheduler), and a run that keeps no
document in memory stores and fuses what a keeping run does."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import pressroom
from pressroom import engines
from pressroom.documents import read_text

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    """The dev corpus (every document) when it is beside the checkout, else the examples."""
    paths = sorted(DEV.glob("*.txt")) or sorted((ROOT / "examples").glob("*.txt"))
    return [str(p) for p in paths]


@pytest.fixture(scope="module")
def local_json(corpus) -> str:
    result = pressroom.extract(corpus)
    assert result.ok and result.documents
    return json.dumps(result.to_json(), sort_keys=True)


def test_two_local_processes_give_identical_json(corpus, local_json):
    result = pressroom.extract(corpus, workers=2, batch_size=3)
    assert json.dumps(result.to_json(), sort_keys=True) == local_json


def test_dask_local_cluster_gives_identical_json(corpus, local_json):
    result = pressroom.extract(corpus, engine="dask", workers=2, batch_size=4)
    assert json.dumps(result.to_json(), sort_keys=True) == local_json


def test_a_running_dask_scheduler_gives_identical_json(corpus, local_json):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = pressroom.extract(corpus[:6], engine="dask", scheduler=cluster.scheduler_address)
    expected = json.loads(json.dumps(pressroom.extract(corpus[:6]).to_json(), sort_keys=True))
    assert json.loads(json.dumps(result.to_json(), sort_keys=True)) == expected


def _dump(db: Path) -> list:
    with sqlite3.connect(db) as conn:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("quotes", "awards", "award_people", "hosts", "people", "document_people", "timeline")]


def test_keeping_nothing_stores_and_fuses_the_same(corpus, tmp_path):
    kept = pressroom.extract(corpus, store=tmp_path / "kept.db")
    lean = pressroom.extract(corpus, store=tmp_path / "lean.db", keep=False, workers=2)
    assert lean.documents == [] and lean.counts == kept.counts
    assert lean.counts["documents"] == len(kept.documents)
    assert [c.to_json() for c in lean.ceremonies] == [c.to_json() for c in kept.ceremonies]
    assert _dump(tmp_path / "lean.db") == _dump(tmp_path / "kept.db")


def test_failures_come_back_in_place_from_every_engine(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text('"The lights were far too bright," said Nell Ambrose backstage.\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    for options in ({}, {"workers": 2}):
        result = pressroom.extract([good, empty], **options)
        assert [d.document.path for d in result.documents] == [str(good)]
        assert [f.source for f in result.failures] == [str(empty)]


@pytest.mark.parametrize("options, message", [
    ({"engine": "spark"}, "unknown engine"),
    ({"workers": 0}, "workers must be 1 or more"),
    ({"scheduler": "tcp://127.0.0.1:1"}, "needs the dask engine"),
])
def test_bad_engine_options(options, message):
    with pytest.raises(ValueError, match=message):
        list(engines.run([[read_text("Some words.", id="a")]], **options))


def test_keep_false_needs_a_store():
    with pytest.raises(ValueError, match="needs a store"):
        pressroom.extract(texts=["Some words."], keep=False)


def test_batched():
    assert list(engines.batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(engines.batched([], 3)) == []


def test_cli_engine_options(tmp_path, corpus):
    db = tmp_path / "cli.db"
    out = subprocess.run(
        [sys.executable, "-m", "pressroom", "extract", *corpus[:4], "--db", str(db), "--workers", "2",
         "--batch-size", "1", "--format", "summary"],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "4 documents" in out.stderr
    bad = subprocess.run([sys.executable, "-m", "pressroom", "extract", corpus[0], "--no-store",
                          "--engine", "spark"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2


def _children(pid: int) -> list[int]:
    out = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            out.append(int(status.parent.name))
    return out


def _workers(pid: int) -> list[int]:
    """The pool's worker processes: forked by the fork server (a child of ``pid``), or spawned by ``pid``."""
    out = []
    for child in _children(pid):
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        if b"forkserver" in cmdline:
            out += _children(child)
        elif b"spawn_main" in cmdline:
            out.append(child)
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_a_killed_worker_costs_its_batch_only(tmp_path):
    import os
    import signal
    import threading

    n = 40
    for i in range(n):
        (tmp_path / f"doc{i:02d}.txt").write_text(
            f'"Night {i} was long and loud," said Orla Penhallow backstage. ' * 40, encoding="utf-8")
    started = threading.Event()
    outcome: dict = {}

    def progress(done: int, name: str) -> None:
        if done == 2:
            started.set()

    run = threading.Thread(target=lambda: outcome.update(
        result=pressroom.extract([tmp_path], workers=2, batch_size=1, progress=progress)))
    run.start()
    assert started.wait(180), "the workers never delivered"
    workers = _workers(os.getpid())
    assert workers, "no worker process found"
    os.kill(workers[0], signal.SIGKILL)
    run.join(300)
    result = outcome["result"]
    assert len(result.documents) + len(result.failures) == n
    assert 1 <= len(result.failures) <= 4, result.failures  # the batches that worker held
    assert all("worker process died" in f.error for f in result.failures)
