"""Adding documents: a form to paste text or upload files, and the jobs that extract them.

An upload is saved under a server-owned temporary folder (never a path the
request names), then ``pressroom.api.extract`` runs in one worker thread and
writes to the store; the job's page shows its progress, and every other page
reads the new facts from the store on its next request. A job's state lives in
the store too (its ``jobs`` table), so that when the server runs several worker
processes any of them answers for a job another one runs.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import UploadFile

from .. import api
from ..store import Store, StoredJob
from .common import not_found, page

MAX_UPLOAD = 5 * 1024 * 1024  # bytes per request
MAX_FILES = 20
PROGRESS_EVERY = 0.5  # seconds between two writes of a running job's progress
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class Jobs:
    """The server's extraction jobs, run one at a time per server process (one model,
    one writer), their state kept in the store so that every worker process of the
    server answers for every job."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.root = Path(tempfile.mkdtemp(prefix="pressroom-uploads-"))
        self._store = Store(db_path, any_thread=True)
        self._lock = threading.Lock()  # one thread at a time on self._store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressroom-extract")

    def get(self, job_id: str) -> StoredJob | None:
        """The job's state; one whose server process is gone is reported failed."""
        with self._lock:
            job = self._store.job(job_id)
        if job is not None and job.state in ("queued", "running") and not _alive(job.owner):
            job = replace(job, state="failed", failures=(*job.failures, {
                "source": "extraction", "problem": "the server process running it stopped before it finished"}))
        return job

    def _save(self, job: StoredJob) -> StoredJob:
        with self._lock:
            self._store.save_job(job)
        return job

    def submit(self, texts: dict[str, str], files: list[tuple[str, bytes]]) -> StoredJob:
        job = StoredJob(uuid.uuid4().hex, "queued", 0, total=len(texts) + len(files), owner=os.getpid())
        folder = self.root / job.id
        folder.mkdir()
        paths = []
        for i, (name, data) in enumerate(files, 1):
            path = folder / f"{i}" / (_SAFE_NAME.sub("-", Path(name).name).strip(".-") or "upload.txt")
            path.parent.mkdir()
            path.write_bytes(data)
            paths.append(path)
        self._save(job)
        self._pool.submit(self._run, job, paths, texts, folder)
        return job

    def _run(self, job: StoredJob, paths: list[Path], texts: dict[str, str], folder: Path) -> None:
        job = self._save(replace(job, state="running"))
        shown = time.monotonic()

        def progress(done: int, name: str) -> None:
            nonlocal job, shown
            if time.monotonic() - shown >= PROGRESS_EVERY:  # each write moves every page cache
                job = self._save(replace(job, done=done))
                shown = time.monotonic()

        try:
            result = api.extract(paths, texts=texts, store=self.db_path, progress=progress)
            self._save(replace(
                job, state="done", done=job.total,
                failures=tuple({"source": Path(f.source).name, "problem": f.error} for f in result.failures),
                documents=tuple(r.document.id for r in result.documents)))
        except Exception as exc:  # no model, a broken store: the job says so rather than hang
            problem = {"source": "extraction", "problem": f"{type(exc).__name__}: {exc}"}
            try:
                self._save(replace(job, state="failed", failures=(*job.failures, problem)))
            except Exception:  # noqa: BLE001 - the store itself is gone; get() reports the job failed
                pass
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.root, ignore_errors=True)
        with self._lock:
            self._store.close()


def _alive(pid: int | None) -> bool:
    """Whether the process ``pid`` (a server process on this machine) still runs."""
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def job_json(job: StoredJob) -> dict[str, Any]:
    return {"id": job.id, "state": job.state, "done": job.done, "total": job.total,
            "failures": list(job.failures), "documents": list(job.documents),
            "url": f"/jobs/{job.id}", "api": f"/api/jobs/{job.id}"}


async def _body(request: Request) -> Request:
    """The request with its body read, at most ``MAX_UPLOAD`` bytes of it: 413 past that,
    whether or not the client said the length first (a chunked body does not)."""
    declared = request.headers.get("content-length")
    if declared is not None and not declared.strip().isdigit():
        raise HTTPException(status_code=400, detail=f"Content-Length {declared[:40]!r} is not a number")
    if int(declared or 0) > MAX_UPLOAD:
        raise _too_large()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_UPLOAD:
            raise _too_large()
        chunks.append(chunk)
    body = b"".join(chunks)

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, replay)


async def _read(request: Request) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """The pasted text and the files of an upload form; 413 past the size limit, 400 when
    empty or malformed."""
    form = await (await _body(request)).form(max_files=MAX_FILES, max_part_size=MAX_UPLOAD)
    texts: dict[str, str] = {}
    files: list[tuple[str, bytes]] = []
    size = 0
    pasted = form.get("text")
    if isinstance(pasted, str) and pasted.strip():
        title = form.get("title")
        slug = _SAFE_NAME.sub("-", title).strip(".-") if isinstance(title, str) else ""
        # a pasted text is stored by its content; its id tells pastes apart in links
        texts[f"{slug or 'pasted'}-{hashlib.sha256(pasted.encode('utf-8')).hexdigest()[:8]}"] = pasted
        size += len(pasted.encode("utf-8"))
    for item in form.getlist("files"):
        if isinstance(item, UploadFile) and item.filename:
            data = await item.read()
            size += len(data)
            if size > MAX_UPLOAD:
                raise _too_large()
            if data:
                files.append((item.filename, data))
    if size > MAX_UPLOAD:
        raise _too_large()
    if not texts and not files:
        raise HTTPException(status_code=400, detail="nothing to add: paste a text or choose files")
    return texts, files


def _too_large() -> HTTPException:
    return HTTPException(status_code=413, detail=f"upload larger than {MAX_UPLOAD // (1024 * 1024)} MB")


def _job(request: Request, job_id: str) -> StoredJob:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise not_found(f"job {job_id!r}")
    return job


def form(request: Request):
    return page(request, "upload.html", max_mb=MAX_UPLOAD // (1024 * 1024))


async def submit(request: Request):
    texts, files = await _read(request)
    job = request.app.state.jobs.submit(texts, files)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def job_page(request: Request, job_id: str):
    return page(request, "job.html", job=_job(request, job_id))


async def api_upload(request: Request) -> dict[str, Any]:
    """Add documents (multipart form: `text`, optional `title`, `files`); extraction runs
    in the background: follow the job's `url` under /api/jobs/. 413 past 5 MB."""
    texts, files = await _read(request)
    return job_json(request.app.state.jobs.submit(texts, files))


def api_job(request: Request, job_id: str) -> dict[str, Any]:
    """An extraction job's state: done of total documents, failures, documents stored."""
    return job_json(_job(request, job_id))
