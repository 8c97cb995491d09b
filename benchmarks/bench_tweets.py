"""Benchmark the tweet path: a million synthetic tweets through ``pressroom.tweets``.

Not a test: it prints throughput (tweets/s) and peak memory (the process's maximum
resident set size, from ``resource.getrusage``) for the first 100,000 tweets, the first
half and the whole stream, each run in a fresh process, so the peaks can be compared:
when the memory does not grow with the stream, they level off. The stream is written by
``tweets_generate.py`` to a temporary file the first time (about 200 MB for a million).

    .venv/bin/python benchmarks/bench_tweets.py [--count 1000000] [--path FILE]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import tweets_generate  # noqa: E402

TARGET_SECONDS = 120  # for a million tweets on a 2-core machine


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def run(path: Path, limit: int, seed: int) -> dict:
    """Analyse the first ``limit`` tweets of ``path`` in this process; the numbers as a dict."""
    from pressroom.tweets import analyze, read_tweets

    baseline = _peak_mb()
    start = time.perf_counter()
    errors: list = []
    result = analyze(islice(read_tweets(path, errors=errors), limit), year=2025,
                     awards=tweets_generate.CATEGORIES)
    seconds = time.perf_counter() - start
    truth = tweets_generate.ceremony(random.Random(seed))["awards"]
    right = sum(result.winners.get(a["category"]) == a["winner"] for a in truth)
    return {"tweets": result.counts["read"], "unique": result.counts["unique"], "seconds": round(seconds, 2),
            "tweets_per_s": round(result.counts["read"] / seconds), "peak_rss_mb": round(_peak_mb(), 1),
            "rss_after_import_mb": round(baseline, 1), "winners_right": f"{right}/{len(truth)}",
            "hosts": result.hosts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--path", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = args.path or Path(tempfile.gettempdir()) / f"pressroom-tweets-{args.count}-seed{args.seed}.jsonl"
    if args.child is not None:
        print(json.dumps(run(path, args.child, args.seed)))
        return 0
    if not path.exists():
        print(f"writing {args.count:,} synthetic tweets to {path} ...", flush=True)
        t = time.perf_counter()
        tweets_generate.write(args.count, path, seed=args.seed)
        print(f"  written in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    rows = []
    for limit in sorted({min(100_000, args.count), args.count // 2, args.count}):
        out = subprocess.run([sys.executable, __file__, "--path", str(path), "--seed", str(args.seed),
                              "--count", str(args.count), "--child", str(limit)],
                             check=True, capture_output=True, text=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    for r in rows:
        print(f"{r['tweets']:>9,} tweets ({r['unique']:,} unique): {r['seconds']:7.1f} s, "
              f"{r['tweets_per_s']:>7,} tweets/s, peak RSS {r['peak_rss_mb']:.0f} MB "
              f"(after import {r['rss_after_import_mb']:.0f} MB), winners right {r['winners_right']}")
    print("(winners right: of the synthetic ceremony's 25 awards; a prefix of the stream covers that share "
          "of the night)")
    if len(rows) > 1:
        small, big = rows[0], rows[-1]
        print(f"peak RSS growth from {small['tweets']:,} to {big['tweets']:,} tweets: "
              f"{big['peak_rss_mb'] - small['peak_rss_mb']:+.0f} MB")
        verdict = "within" if big["seconds"] <= TARGET_SECONDS else "OVER"
        print(f"{big['tweets']:,} tweets in {big['seconds']:.1f} s: {verdict} the {TARGET_SECONDS} s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
