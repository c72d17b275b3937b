"""Corpus scale: the full pipeline on 5k, 20k, 50k and 150k articles, per stage, with memory.

Corpora come from the shared data: the 22,642 vietnews-val articles and the 984 ViMs dev
articles (23,626 unique texts). Sizes above that are built from RE-DATED COPIES: copy k of an
article gets the id `copyK-<id>` and a publication time k × 45 days later, as if the same
kinds of stories came back in a later season; every article also gets a publication time
spread over 30 days (ViMs and vietnews carry none). Sizes at or below 23,626 use originals only.

Each size runs in its own process (so peak RSS is its own) through `sukien run`'s pipeline
into a fresh store, with the chosen executor. The peer reference, in the same run, is
underthesea's `word_tokenize` alone on the first 2,000 articles.

    python bench/scale.py [--sizes 5000,20000,50000,150000] [--executor dask-local --workers 2]
    python bench/scale.py --sizes 50000 --compare-workers      # Dask 1 worker vs 2 workers
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from _data import iter_vietnews, load_vims, require_shared

VIETNAM = timezone(timedelta(hours=7))
START = datetime(2024, 1, 1, 6, 0, tzinfo=VIETNAM)


def originals(shared: Path) -> list[dict]:
    records = [{"id": f"vn-{r['id']}" if "id" in r else None, "title": r["title"], "lead": r.get("lead", ""),
                "body": r["body"]} for r in iter_vietnews(shared)]
    records += [a for c in load_vims(shared) for a in c["articles"]]
    rng = random.Random(7)
    rng.shuffle(records)
    for i, r in enumerate(records):
        r["id"] = r["id"] or f"vn-{i}"
        r["published"] = (START + timedelta(minutes=rng.randrange(30 * 24 * 60))).isoformat()
    return records


def write_corpus(shared: Path, size: int, path: Path) -> None:
    base = originals(shared)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(size):
            copy, record = divmod(n, len(base))
            r = dict(base[record])
            if copy:
                r["id"] = f"copy{copy}-{r['id']}"
                r["published"] = (datetime.fromisoformat(r["published"]) + timedelta(days=45 * copy)).isoformat()
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


class TreeMemory:
    """Samples the RSS of this process and its children (Dask workers) to find the peak total."""

    def __init__(self, interval: float = 0.5):
        import threading

        import psutil

        self.process, self.peak, self.interval = psutil.Process(), 0, interval
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        while not self.stopped.wait(self.interval):
            total = 0
            for p in [self.process, *self.process.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)

    def stop(self) -> float:
        self.stopped.set()
        self.thread.join()
        return self.peak / 2**20


def run_one(corpus: Path, executor: str, workers: int) -> dict:
    """One size in this process: returns the measurements as a dict."""
    from sukien.executors import make_executor
    from sukien.pipeline import Pipeline
    from sukien.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.db"
        memory = TreeMemory()
        runner = make_executor(executor, workers=workers)
        try:
            store = Store(db)
            pipeline = Pipeline(store, executor=runner, batch_size=1000)
            started = time.perf_counter()
            report = pipeline.run([corpus])
            wall = time.perf_counter() - started
            store.close()
        finally:
            runner.close()
        size = sum(f.stat().st_size for f in Path(tmp).glob("scale.db*"))
    return {"articles": report.added, "events": report.events, "wall": wall, "stages": dict(pipeline.seconds),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "peak_total_mb": memory.stop(),
            "store_mb": size / 1e6}


def measure(corpus: Path, executor: str, workers: int) -> dict:
    command = [sys.executable, __file__, "--one", str(corpus), "--executor", executor, "--workers", str(workers)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _spin(seconds: float) -> int:
    """Pure-Python busy work for `seconds` of wall time; returns how much was done."""
    started, done = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        for i in range(10_000):
            done += i & 1
    return done


def parallel_ceiling(seconds: float = 4.0) -> float:
    """How much more two processes get done than one on this machine right now: the best
    speedup any 2-worker run can reach here (2.0 on two idle, independent cores)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        one = pool.submit(_spin, seconds).result()
        two = sum(f.result() for f in [pool.submit(_spin, seconds), pool.submit(_spin, seconds)])
    return two / one


def peer_word_tokenize(shared: Path, n: int = 2000) -> float:
    """Seconds underthesea's word_tokenize alone takes on the first n vietnews articles."""
    from underthesea import word_tokenize

    texts = ["\n".join([r["title"], r.get("lead", ""), r["body"]]) for r in iter_vietnews(shared, n)]
    started = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,20000,50000,150000")
    parser.add_argument("--executor", default="dask-local", help="local, dask-local")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--compare-workers", action="store_true", help="Dask LocalCluster with 1 and with 2 workers")
    parser.add_argument("--no-peer", action="store_true", help="skip the underthesea reference")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.executor, args.workers)))
        return
    shared = require_shared()
    print(f"# Scale — {date.today()} — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    if not args.no_peer:
        seconds = peer_word_tokenize(shared)
        print(f"peer: underthesea word_tokenize alone on 2,000 articles: {seconds:.1f} s = {2000 / seconds:.0f} articles/s")
    print(f"machine: two busy processes do {parallel_ceiling():.2f}x the work of one (the ceiling for 2 workers)")
    print(f"executor: {args.executor} ({args.workers} workers); sizes above 23,626 include re-dated copies\n")
    print("| articles | events | wall s | articles/s | ms/article | peak RSS MB driver / all processes | store MB | stage seconds |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            write_corpus(shared, size, corpus)
            configs = [(args.executor, args.workers)]
            if args.compare_workers:
                configs = [("dask-local", 1), ("dask-local", 2)]
            for executor, workers in configs:
                m = measure(corpus, executor, workers)
                stages = ", ".join(f"{k} {v:.0f}" for k, v in m["stages"].items())
                label = f"{m['articles']}" + (f" ({executor}, {workers}w)" if args.compare_workers else "")
                print(f"| {label} | {m['events']} | {m['wall']:.0f} | {m['articles'] / m['wall']:.0f} | "
                      f"{1000 * m['wall'] / m['articles']:.2f} | {m['peak_rss_mb']:.0f} / {m['peak_total_mb']:.0f} | {m['store_mb']:.0f} | {stages} |",
                      flush=True)


if __name__ == "__main__":
    main()
