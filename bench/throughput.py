"""Throughput of the whole pipeline, per stage, on vietnews-val articles.

Writes the first N articles of vietnews-val.jsonl.gz to a JSONL file and runs `sukien run`'s
pipeline on it into a fresh store; prints seconds and articles/s for each stage, peak RSS and
the store's size.

    python bench/throughput.py [--articles 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from _data import iter_vietnews, require_shared

from sukien.pipeline import Pipeline
from sukien.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    shared = require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "vietnews.jsonl"
        with open(corpus, "w", encoding="utf-8") as out:
            for record in iter_vietnews(shared, args.articles):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        store = Store(Path(tmp) / "bench.db")
        pipeline = Pipeline(store)
        started = time.perf_counter()
        report = pipeline.run([corpus])
        wall = time.perf_counter() - started
        store.close()
        size = sum(f.stat().st_size for f in Path(tmp).glob("bench.db*"))
    n = report.added
    print(f"# Pipeline throughput — {date.today()} — {platform.machine()}, {os.cpu_count()} cores, one process")
    print(f"articles: {n}  events: {report.events}  wall: {wall:.1f} s  ({n / wall:.0f} articles/s end to end)")
    print("| stage | seconds | articles/s |\n|---|---|---|")
    for stage, seconds in pipeline.seconds.items():
        print(f"| {stage} | {seconds:.2f} | {n / seconds if seconds else float('inf'):.0f} |")
    read_seconds = wall - sum(pipeline.seconds.values())
    print(f"| read + bookkeeping | {read_seconds:.2f} | {n / read_seconds:.0f} |")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB  store: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
