"""Benchmark extraction against its floor, the spaCy parse, on one and two cores and Dask.

Not a test: it prints figures. The dev corpus (../shared/corpus/dev, or
``--corpus``) is replicated to ``--docs`` documents (2,000 by default) in a
temporary folder; on those same texts:

- bare spaCy: ``nlp.pipe`` of the same model with its full pipeline, as shipped;
- pressroom extract, 1 process (model loaded before the clock starts);
- pressroom extract, 2 processes (``workers=2``; the fork server that loads the model
  once is started before the clock, the workers forked from it are timed);
- pressroom extract, Dask engine with 2 workers (the LocalCluster's start and its
  workers' model loads are timed);

each pressroom run writes a fresh SQLite store and keeps no document in memory
(``keep=False``, as ``--format summary``), the way a big corpus is run.

The speed of a shared machine drifts (here, the same pure-Python loop takes
from 1.9 to 3.4 s from one second to the next), so the four are not run one
after the other: the documents are cut into ``--rounds`` slices (4 by default)
and each slice goes through all four in turn, the order rotating from round to
round; each total is the sum over the rounds. A pool or cluster is started
afresh in each round, and its start is counted. Then peak
memory (resident set size) at ``--small`` (100) and ``--large`` (10,000) documents,
each in a fresh process with two local workers: the main process (reader, store
writer, fusion) and the largest worker are reported apart.

    .venv/bin/python benchmarks/bench_extract.py [--docs 2000] [--small 100] [--large 10000]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from rich.console import Console

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "corpus" / "dev"
console = Console(stderr=True)  # progress
out = Console()  # the figures

BARS = {  # issue 6's targets
    "1 process / bare spaCy": 1.0,
    "2 processes / 1 process": 1.7,
    "Dask, 2 workers / 1 process": 1.6,
    "peak RSS large / small": 1.2,
}


def replicate(corpus: Path, n: int, folder: Path) -> tuple[list[Path], int]:
    """``n`` copies of the corpus's texts, cycled, in ``folder``; the paths and their word count."""
    sources = sorted(corpus.glob("*.txt"))
    if not sources:
        raise SystemExit(f"no .txt documents in {corpus}")
    folder.mkdir(parents=True, exist_ok=True)
    paths, words = [], 0
    for i, source in enumerate(islice(cycle(sources), n)):
        path = folder / f"{i:06d}_{source.name}"
        text = source.read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        words += len(text.split())
    return paths, words


def bare_spacy(nlp, paths: list[Path]) -> float:
    """Seconds for the model's full pipeline over the texts (the model is loaded first)."""
    texts = [p.read_text(encoding="utf-8") for p in paths]
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def pressroom_run(paths: list[Path], store: Path, **options) -> float:
    """Seconds for ``pressroom.extract`` over the files into a fresh store."""
    import pressroom

    start = time.perf_counter()
    result = pressroom.extract(paths, store=store, keep=False, **options)
    seconds = time.perf_counter() - start
    if result.failures:
        raise SystemExit(f"{len(result.failures)} documents failed: {result.failures[:3]}")
    return seconds


def _hwm_mb(pid: int | str = "self") -> float:
    """A process's peak resident set size in MB (0 when it is gone). (Not
    ``ru_maxrss``: on Linux that carries over from the parent through fork and exec.)"""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            ppid = next(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("PPid:"))
        except (OSError, StopIteration, ValueError):
            continue
        children.setdefault(ppid, []).append(int(status.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def rss_child(folder: str, store: str, workers: int) -> None:
    """In a fresh process: extract, then print the peak RSS of this process and of
    its largest descendant (a worker, or the fork server the workers come from),
    read from /proc every half second while they run."""
    import os
    import threading

    import pressroom

    peaks: dict[int, float] = {}
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.5):
            for pid in _descendants(os.getpid()):
                peaks[pid] = max(peaks.get(pid, 0.0), _hwm_mb(pid))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    result = pressroom.extract([folder], store=store, keep=False, workers=workers)
    done.set()
    watcher.join()
    print(json.dumps({
        "documents": result.counts["documents"],
        "main_mb": _hwm_mb(),
        "worker_mb": max(peaks.values(), default=0.0),
    }))


def peak_rss(corpus: Path, n: int, tmp: Path, workers: int) -> dict:
    folder = tmp / f"rss-{n}"
    replicate(corpus, n, folder)
    out = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(folder), str(tmp / f"rss-{n}.db"), str(workers)],
        check=True, capture_output=True, text=True,
    )
    shutil.rmtree(folder)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEV, help="folder of .txt documents to replicate")
    parser.add_argument("--docs", type=int, default=2000, help="documents for the throughput runs")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds the documents are cut into")
    parser.add_argument("--small", type=int, default=100, help="documents for the small memory run")
    parser.add_argument("--large", type=int, default=10_000, help="documents for the large memory run")
    parser.add_argument("--rss-workers", type=int, default=2, help="local workers in the memory runs")
    parser.add_argument("--no-rss", action="store_true", help="throughput only: skip the two memory runs")
    parser.add_argument("--rss-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        folder, store, workers = args.rss_child
        rss_child(folder, store, int(workers))
        return

    tmp = Path(tempfile.mkdtemp(prefix="pressroom-bench-"))
    try:
        folder = tmp / "corpus"
        paths, words = replicate(args.corpus, args.docs, folder)
        console.print(f"{len(paths):,} documents, {words:,} words (the corpus in {args.corpus}, replicated)")
        import spacy

        import pressroom.nlp

        bare = spacy.load(pressroom.nlp.resolve_model()[0])  # the shipped pipeline, as it ships
        for _ in bare.pipe([p.read_text(encoding="utf-8") for p in paths[:20]]):
            pass
        pressroom.nlp.load()  # loaded before the clock, as for bare spaCy
        # Likewise the fork server the process pool's workers are forked from: it loads the
        # model once, when the first pool of this process starts. Each round's pool (its
        # workers forked, started and fed) is still timed; the Dask cluster's start and its
        # workers' model loads are timed in every round.
        pressroom.extract(texts={"warm-up": "The night began."}, workers=2)
        runs = {
            "bare spaCy (full pipeline)": lambda part, r: bare_spacy(bare, part),
            "pressroom extract, 1 process": lambda part, r: pressroom_run(part, tmp / f"one-{r}.db"),
            "pressroom extract, 2 processes": lambda part, r: pressroom_run(part, tmp / f"two-{r}.db", workers=2),
            "pressroom extract, Dask 2 workers": lambda part, r: pressroom_run(
                part, tmp / f"dask-{r}.db", engine="dask", workers=2),
        }
        seconds = dict.fromkeys(runs, 0.0)
        per_round: list[dict[str, float]] = []
        names = list(runs)
        size = -(-len(paths) // args.rounds)
        for r in range(args.rounds):
            part = paths[r * size:(r + 1) * size]
            per_round.append({})
            for name in names[r % len(names):] + names[:r % len(names)]:
                with console.status(f"round {r + 1}/{args.rounds}: {name}, {len(part):,} documents"):
                    took = runs[name](part, r)
                seconds[name] += took
                per_round[-1][name] = took
                console.print(f"  round {r + 1}: {name:<34} {took:7.1f} s")
        rates: dict[str, float] = {}
        out.print(f"{len(paths):,} documents, {words:,} words, in {args.rounds} interleaved rounds")
        for name, total in seconds.items():
            rates[name] = words / total
            out.print(f"  {name:<34} {total:7.1f} s  {rates[name]:8,.0f} words/s")
        one_name = "pressroom extract, 1 process"
        for name in ("pressroom extract, 2 processes", "pressroom extract, Dask 2 workers"):
            spread = ", ".join(f"{t[one_name] / t[name]:.2f}" for t in per_round)
            out.print(f"  per round, {name.removeprefix('pressroom extract, ')} / 1 process: {spread}")
        one = rates[one_name]
        ratios = {
            "1 process / bare spaCy": one / rates["bare spaCy (full pipeline)"],
            "2 processes / 1 process": rates["pressroom extract, 2 processes"] / one,
            "Dask, 2 workers / 1 process": rates["pressroom extract, Dask 2 workers"] / one,
        }
        if not args.no_rss:
            with console.status(f"peak RSS at {args.small:,} documents"):
                small = peak_rss(args.corpus, args.small, tmp, args.rss_workers)
            with console.status(f"peak RSS at {args.large:,} documents (minutes)"):
                large = peak_rss(args.corpus, args.large, tmp, args.rss_workers)
            for label, m in ((args.small, small), (args.large, large)):
                out.print(f"  peak RSS at {label:>6,} documents: main {m['main_mb']:6.0f} MB, "
                          f"largest worker {m['worker_mb']:6.0f} MB ({m['documents']:,} stored)")
            ratios["peak RSS large / small"] = max(large["main_mb"] / small["main_mb"],
                                                   large["worker_mb"] / small["worker_mb"])
        out.print("ratios (target):")
        for name, value in ratios.items():
            bar = BARS[name]
            ok = value <= bar if name.startswith("peak") else value >= bar
            out.print(f"  {name:<30} {value:5.2f}  ({'<=' if name.startswith('peak') else '>='} {bar})"
                          f"  {'[green]met[/green]' if ok else '[red]NOT met[/red]'}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
