"""Where the per-document work runs: this process, a pool of processes, or a
Dask cluster. Every engine runs the same function on the same batches and
hands the results back in input order, so the output does not depend on it.

``run(batches, ...)`` takes an iterable of document batches and yields, for
each batch in order, ``(document, result_or_problem)`` pairs. Only a bounded
number of batches is in flight at once, so a corpus of any size streams
through in constant memory.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any

from .errors import ModelError, PressroomError
from .records import Document, DocumentResult

ENGINES = ("local", "dask")
IN_FLIGHT = 4  # batches per worker submitted ahead: enough that a slow batch at the head leaves no worker idle
Outcome = DocumentResult | str  # a result, or why the document failed

# How the LocalCluster's processes run. A batch holds a worker's GIL for
# seconds, and every wake-up of the worker's event loop takes the GIL from it:
# so no statistical profiler (it samples the task's stack every 10 ms), event
# loop health checks and memory checks less often, and no allocator trimming
# (MALLOC_TRIM_THRESHOLD_, which slows spaCy's many small allocations). Measured
# on 270 documents with two workers: 9% more words per second than Dask's
# defaults. A cluster given by --scheduler keeps its own settings.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What every batch is extracted with."""

    model: str | None = None
    ceremony: str | None = None
    year: int | None = None
    gate: bool = True


def extract_batch(documents: list[Document], settings: Settings) -> list[Outcome]:
    """The unit of work: one batch through the pipeline, in whatever process runs it.

    Results come back without their documents' text (the caller has it);
    a document that fails comes back as the message saying why. Raises
    ModelError when the model cannot be loaded here.
    """
    from . import nlp as nlp_loader
    from .pipeline import extract_documents

    nlp = nlp_loader.load(settings.model)
    out: list[Outcome] = []
    for document, outcome in extract_documents(
        documents, nlp, ceremony=settings.ceremony, year=settings.year, gate=settings.gate
    ):
        if isinstance(outcome, PressroomError):
            out.append(str(outcome))
        elif isinstance(outcome, Exception):
            out.append(f"extraction failed: {type(outcome).__name__}: {outcome}")
        else:
            out.append(replace(outcome, document=replace(document, text="")))
    return out


def _rejoin(batch: list[Document], outcomes: list[Outcome]) -> list[tuple[Document, Outcome]]:
    return [(d, o if isinstance(o, str) else replace(o, document=d)) for d, o in zip(batch, outcomes)]


def run(
    batches: Iterable[list[Document]],
    settings: Settings = Settings(),
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[list[tuple[Document, Outcome]]]:
    """Extract ``batches`` on ``engine`` ("local" or "dask") with ``workers``
    processes (Dask: workers of a LocalCluster, unless ``scheduler`` names
    the address of a running one). Raises ValueError for an unknown engine
    or a worker count below 1, ModelError when the model cannot be loaded."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    if engine == "dask":
        return _dask(batches, settings, workers, scheduler)
    if scheduler:
        raise ValueError("--scheduler needs the dask engine")
    if workers == 1:
        return (_rejoin(b, extract_batch(b, settings)) for b in batches)
    return _pool(batches, settings, workers)


def _in_order(
    batches: Iterable[list[Document]], submit, limit: int, result
) -> Iterator[list[tuple[Document, Outcome]]]:
    """Submit batches, at most ``limit`` in flight, and yield them in order."""
    pending: deque[tuple[list[Document], Any]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        while len(pending) >= limit:
            batch, future = pending.popleft()
            yield _rejoin(batch, result(batch, future))
    while pending:
        batch, future = pending.popleft()
        yield _rejoin(batch, result(batch, future))


def _context(*preload: str) -> multiprocessing.context.BaseContext:
    """Workers forked from a fork server that has already loaded the default
    model (safe beside threads, and a new pool starts in a fraction of a
    second once the server runs); spawned processes where there is no fork server.

    The fork server is one per process, started by the first pool (or Dask
    LocalCluster) that needs it, with the ``preload`` modules imported too."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*preload, "pressroom.nlp.preload"])  # no effect once the server runs
    return context


def _pool(batches: Iterable[list[Document]], settings: Settings, workers: int) -> Iterator[list[tuple[Document, Outcome]]]:
    """A pool of processes, each with the model loaded once (see ``_context``).

    When a worker dies (killed, out of memory), the batch it held fails and
    the pool is started again for the batches still waiting.
    """
    from .nlp import resolve_model

    # the model is chosen here: the fork server's environment may be older than this process's
    settings = replace(settings, model=settings.model or resolve_model()[0])
    context = _context()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    pending: deque[tuple[list[Document], Future]] = deque()

    def restart() -> None:
        nonlocal pool
        pool.shutdown(wait=False, cancel_futures=True)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        for i, (batch, _) in enumerate(pending):  # their futures died with the pool
            pending[i] = (batch, pool.submit(extract_batch, batch, settings))

    def take() -> list[tuple[Document, Outcome]]:
        batch, future = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            restart()
            outcomes = ["extraction failed: the worker process died"] * len(batch)
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. a result that would not pickle
            outcomes = [f"extraction failed: {type(exc).__name__}: {exc}"] * len(batch)
        return _rejoin(batch, outcomes)

    try:
        for batch in batches:
            try:
                pending.append((batch, pool.submit(extract_batch, batch, settings)))
            except BrokenProcessPool:
                restart()
                pending.append((batch, pool.submit(extract_batch, batch, settings)))
            while len(pending) >= IN_FLIGHT * workers:
                yield take()
        while pending:
            yield take()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _dask(
    batches: Iterable[list[Document]], settings: Settings, workers: int, scheduler: str | None
) -> Iterator[list[tuple[Document, Outcome]]]:
    """Batches as Dask tasks: on a LocalCluster of ``workers`` processes, or on the cluster at ``scheduler``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a dependency
        raise PressroomError(f"the dask engine needs dask[distributed]: {exc}") from exc

    import dask

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout=30)
    else:
        config = dict(LOCAL_CLUSTER_CONFIG)
        if _context("distributed").get_start_method() == "forkserver":
            # workers forked from the fork server (model and Dask already imported there),
            # not spawned: the cluster's workers start in a second instead of several
            from multiprocessing import forkserver

            forkserver.ensure_running()  # with pressroom's preload, not only Dask's
            config["distributed.worker.multiprocessing-method"] = "forkserver"
        with dask.config.set(config):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=50)
        client = Client(cluster)
    limit = IN_FLIGHT * max(workers, len(client.scheduler_info().get("workers", {})) or workers)

    def submit(batch: list[Document]):
        return client.submit(extract_batch, batch, settings, pure=False)

    def result(batch: list[Document], future) -> list[Outcome]:
        try:
            return future.result()
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - a worker lost, a task that would not run
            return [f"extraction failed on the cluster: {type(exc).__name__}: {exc}"] * len(batch)

    try:
        yield from _in_order(batches, submit, limit, result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of at most ``size`` items, in order."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
