"""`pressroom serve --workers N`: several server processes over one store. An upload
job's state lives in the store, so any process answers for a job another one runs,
and every process's caches see the new facts."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

import pressroom
from pressroom.store import Store, StoredJob
from pressroom.web.upload import Jobs

FIRST = """Harbour Film Prize 2025

"The tide brought us here," said Odile Marchbank backstage.
"""
UPLOAD = """Late notes from the Harbour Film Prize

"I still cannot find my car keys," said Benedek Sorrel on the red carpet.
"""


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "pressroom.db"
    assert pressroom.extract(texts={"first": FIRST}, store=path).ok
    return path


def _wait(jobs: Jobs, job_id: str, seconds: float = 120) -> StoredJob:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = jobs.get(job_id)
        assert job is not None
        if job.state in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not finished after {seconds} s")


def test_a_job_run_by_one_process_is_known_to_another(db):
    running, other = Jobs(str(db)), Jobs(str(db))
    try:
        job = running.submit({"late": UPLOAD}, [])
        seen = other.get(job.id)
        assert seen is not None and seen.total == 1 and seen.owner == os.getpid()
        done = _wait(other, job.id)
        assert done.state == "done" and done.done == 1 and done.failures == ()
        assert done.documents and done == running.get(job.id)
        assert other.get("0" * 32) is None
    finally:
        running.close()
        other.close()
    with Store(db) as store:
        assert [q.speaker for q in store.quotes(search="keys")] == ["Benedek Sorrel"]


def test_a_job_whose_server_process_died_reads_failed(db):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with Store(db) as store:
        store.save_job(StoredJob("a" * 32, "running", 3, 10, owner=gone.pid))
        store.save_job(StoredJob("b" * 32, "done", 10, 10, documents=("x",), owner=gone.pid))
    jobs = Jobs(str(db))
    try:
        orphan = jobs.get("a" * 32)
        assert orphan.state == "failed" and orphan.done == 3
        assert "stopped before it finished" in orphan.failures[-1]["problem"]
        assert jobs.get("b" * 32).state == "done"  # a finished job stays as it was
    finally:
        jobs.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        if any(line.split() == ["PPid:", str(pid)] for line in lines):
            found.append(int(status.parent.name))
    return found


def test_serve_with_two_processes_shares_jobs_and_fresh_answers(db, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200 and len(_children(proc.pid)) >= 2:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"pressroom serve --workers 2 did not start: {log.read()}")
            time.sleep(0.2)
        workers = [c for c in _children(proc.pid) if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        assert len(workers) == 2, workers
        # every request on a new connection: the kernel spreads them over both processes
        assert {httpx.get(f"{base}/api/quotes?q=keys").json() == [] for _ in range(10)} == {True}
        job = httpx.post(f"{base}/api/upload", files={"files": ("late.txt", UPLOAD.encode())}).json()
        deadline = time.monotonic() + 120
        while True:
            answer = httpx.get(f"{base}{job['api']}")
            assert answer.status_code == 200, answer.text  # whichever process answers knows the job
            state = answer.json()
            if state["state"] in ("done", "failed") or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert state["state"] == "done" and state["failures"] == []
        for _ in range(10):  # no process answers from a cache older than the upload
            assert [q["speaker"] for q in httpx.get(f"{base}/api/quotes?q=keys").json()] == ["Benedek Sorrel"]
            assert httpx.get(f"{base}/jobs/{job['id']}").status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
