"""Load-test the web app: many concurrent clients against a real ``pressroom serve``.

Not a test. It builds a store (from ../shared/corpus/dev beside the checkout when
present, else examples/), starts ``pressroom serve`` on a free loopback port in a
subprocess, then runs ``--clients`` concurrent clients for ``--seconds``, each on its
own keep-alive connection, sending its next request as soon as the last one answers.
They cycle through a ceremony page, the quote search page (words taken from stored
quotes), and the JSON API of both. It prints requests/s, p50/p99 latency per route and
overall (after a short warm-up), errors (any answer but 200, a failed connection or a
request over 10 s, warm-up included), and the CPU each side used, so a client that
cannot keep up shows. The server is killed at the end; the exit code is 0 when the run
met the target (no error, p99 under 200 ms).

    .venv/bin/python benchmarks/load_web.py [--seconds 60] [--clients 50] [--workers 1] [--cold]

The client is a small HTTP/1.1 client on asyncio streams (a general client such as
httpx costs more CPU per request than the server on a 2-core machine).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
EXAMPLES = ROOT / "examples"
HOST = "127.0.0.1"  # loopback only
MAX_SECONDS = 600
MAX_CLIENTS = 500
TIMEOUT = 10.0  # seconds for one request before it counts as an error
TARGET_P99_MS = 200


def _corpus() -> list[Path]:
    if DEV.is_dir() and any(DEV.glob("*.txt")):
        return sorted(DEV.glob("*.txt"))
    return sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.name != "README.md")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def build_store(db: Path) -> None:
    """Extract the corpus into ``db``."""
    import pressroom

    paths = _corpus()
    result = pressroom.extract(paths, store=db)
    print(f"store: {len(result.documents)} documents, {len(result.quotes)} quotes, "
          f"{len(result.failures)} failed, from {paths[0].parent}", file=sys.stderr)


def plan_of(db: Path) -> tuple[str, list[str]]:
    """The ceremony page to hit (2012's Golden Globes when stored) and 40 words to search."""
    from pressroom.store import Store

    with Store(db) as store:
        ceremonies = [(n, y) for n, y, _ in store.ceremonies() if y is not None]
        words = Counter(w.casefold() for q in store.quotes(limit=100_000)
                        for w in re.findall(r"[A-Za-z]{5,}", q.text))
    if not ceremonies:
        raise SystemExit(f"{db} holds no dated ceremony to load")
    name, year = ("Golden Globe Awards", 2012) if ("Golden Globe Awards", 2012) in ceremonies else ceremonies[0]
    return f"{quote(name)}/{year}", [w for w, _ in words.most_common(40)] or ["night"]


def routes(ceremony: str, words: list[str]) -> dict[str, list[str]]:
    """Route name -> the request paths a client cycles through for it."""
    return {
        "ceremony page": [f"/ceremonies/{ceremony}"],
        "quote search": [f"/quotes?q={quote(w)}" for w in words],
        "api ceremony": [f"/api/ceremonies/{ceremony}"],
        "api quotes": [f"/api/quotes?q={quote(w)}" for w in words],
    }


class Connection:
    """One keep-alive HTTP/1.1 connection: ``await get(path) -> (status, body)``."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n\r\n".encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
        headers = {k.strip().lower(): v.strip() for k, v in headers.items()}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunks()
        else:
            raise ValueError(f"{path}: an answer without a length")
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def _chunks(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await self.reader.readexactly(size + 2))
            if size == 0:
                return b"".join(parts)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


async def client(n: int, port: int, plan: list[tuple[str, str]], until: float, warm_until: float,
                 latencies: dict[str, list[float]], errors: Counter, cold: bool = False) -> None:
    """Send requests in ``plan`` order (from an offset of its own) until ``until``;
    ``cold``: each with a query string of its own, so no answer is served from a cache."""
    conn = Connection(port)
    i = n * 7
    try:
        while (now := time.perf_counter()) < until:
            route, path = plan[i % len(plan)]
            i += 1
            if cold:
                path += f"{'&' if '?' in path else '?'}cold={n}.{i}"
            try:
                status, _ = await asyncio.wait_for(conn.get(path), TIMEOUT)
                problem = None if status == 200 else f"HTTP {status}"
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
                problem = type(exc).__name__
                await conn.close()
            if problem:  # counted in the warm-up too
                errors[route, problem] += 1
            elif now >= warm_until:
                latencies[route].append(time.perf_counter() - now)
    finally:
        await conn.close()


async def load(port: int, paths: dict[str, list[str]], *, clients: int, seconds: float,
               warmup: float, cold: bool = False) -> tuple[dict[str, list[float]], Counter, float]:
    plan = [(route, p) for k in range(max(len(v) for v in paths.values()))
            for route, v in paths.items() for p in (v[k % len(v)],)]
    random.Random(7).shuffle(plan)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: Counter = Counter()
    start = time.perf_counter()
    warm_until = start + warmup
    until = warm_until + seconds
    await asyncio.gather(*(client(n, port, plan, until, warm_until, latencies, errors, cold)
                           for n in range(clients)))
    return latencies, errors, time.perf_counter() - warm_until


def _cpu_seconds(pid: int) -> float:
    """CPU seconds of ``pid`` and the processes under it (the server's workers)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        times[child] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    tree, todo = {pid}, [pid]
    while todo:
        parent = todo.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in tree:
                tree.add(child)
                todo.append(child)
    return sum(times.get(p, 0.0) for p in tree)


def _ms(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))] * 1000


def report(latencies: dict[str, list[float]], errors: Counter, seconds: float) -> bool:
    """Print the table; whether the run met the target (no error, p99 under 200 ms)."""
    print(f"{'route':<16}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}")
    every: list[float] = []
    for route in sorted(latencies.keys() | {r for r, _ in errors}):
        values = latencies.get(route, [])
        every += values
        failed = sum(n for (r, _), n in errors.items() if r == route)
        print(f"{route:<16}{len(values):>10}{len(values) / seconds:>9.1f}{_ms(values, 50):>9.1f}"
              f"{_ms(values, 99):>9.1f}{_ms(values, 100):>9.1f}{failed:>8}")
    failed = sum(errors.values())
    print(f"{'all':<16}{len(every):>10}{len(every) / seconds:>9.1f}{_ms(every, 50):>9.1f}"
          f"{_ms(every, 99):>9.1f}{_ms(every, 100):>9.1f}{failed:>8}")
    for (route, problem), n in sorted(errors.items()):
        print(f"  error: {route}: {problem} x{n}")
    if every:
        print(f"mean latency {statistics.fmean(every) * 1000:.1f} ms")
    return failed == 0 and bool(every) and _ms(every, 99) < TARGET_P99_MS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help=f"measured run (at most {MAX_SECONDS})")
    parser.add_argument("--clients", type=int, default=50, help=f"concurrent clients (at most {MAX_CLIENTS})")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of requests not counted first")
    parser.add_argument("--db", type=Path, default=None, help="serve this store instead of building one")
    parser.add_argument("--workers", type=int, default=1, help="server processes (pressroom serve --workers)")
    parser.add_argument("--cold", action="store_true",
                        help="give every request a query string of its own: no answer comes from the server's cache")
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= MAX_SECONDS or not 0 < args.clients <= MAX_CLIENTS or args.warmup < 0:
        parser.error(f"--seconds must be in (0, {MAX_SECONDS}], --clients in [1, {MAX_CLIENTS}]")

    workdir = Path(tempfile.mkdtemp(prefix="pressroom-load-"))
    server = None
    try:
        db = args.db or workdir / "pressroom.db"
        if args.db is None:
            build_store(db)
        ceremony, words = plan_of(db)
        port = _free_port()
        log = open(workdir / "serve.log", "w+")
        server = subprocess.Popen(
            [sys.executable, "-m", "pressroom", "serve", "--db", str(db), "--host", HOST, "--port", str(port),
             "--workers", str(args.workers)],
            stdout=log, stderr=subprocess.STDOUT,
        )
        _wait_until_up(port, server, log)
        paths = routes(ceremony, words)
        print(f"serving {db} on http://{HOST}:{port}/; {args.clients} clients for {args.seconds:g} s "
              f"(+{args.warmup:g} s warm-up) over {sum(map(len, paths.values()))} paths", file=sys.stderr)
        server_cpu, client_cpu = _cpu_seconds(server.pid), time.process_time()
        latencies, errors, seconds = asyncio.run(
            load(port, paths, clients=args.clients, seconds=args.seconds, warmup=args.warmup, cold=args.cold))
        server_cpu = _cpu_seconds(server.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
        ok = report(latencies, errors, seconds)
        wall = seconds + args.warmup
        print(f"cpu: server {server_cpu / wall:.0%} of a core, client {client_cpu / wall:.0%} "
              f"(on {os.cpu_count()} cores)")
        print(f"target (no error, p99 < {TARGET_P99_MS} ms): {'met' if ok else 'NOT met'}")
        return 0 if ok else 1
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_until_up(port: int, server: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/api/stats", timeout=5):
                return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise SystemExit(f"pressroom serve did not start: {log.read()}")
            time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main())
