"""Web benchmark: search latency and page render times on a store of vietnews-val + ViMs dev.

Builds (once, cached under /tmp) a store of all 22,642 vietnews-val articles plus the 984 ViMs
dev articles with the real pipeline, then measures over the read-only web app:
- search latency (`sukien.store.queries.search`, the query behind /search and /api/search) for
  200 realistic Vietnamese queries, half typed with accents and half without, p50/p95;
- the same queries through the store's first-version `Store.search` (the peer: ranking only, no
  snippets), p50/p95;
- page render times through FastAPI's TestClient: index, event page, search page, p50/p95.

    python bench/web.py [--store /tmp/sukien-web-bench.db] [--rebuild]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from _data import iter_vietnews, load_vims, require_shared

from sukien.pipeline import Pipeline
from sukien.store import Store

DEFAULT_STORE = Path("/tmp/sukien-web-bench.db")


def build_store(path: Path, shared: Path) -> None:
    """All vietnews-val articles then all ViMs dev articles, through the real pipeline."""
    corpus = path.with_suffix(".jsonl")
    with open(corpus, "w", encoding="utf-8") as out:
        for record in iter_vietnews(shared):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for cluster in load_vims(shared):
            for article in cluster["articles"]:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path)
    started = time.perf_counter()
    report = Pipeline(store).run([corpus])
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    print(f"built {path}: {report.added} articles, {report.events} events in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


if __name__ == "__main__" and "--build-only" in sys.argv:
    build_store(DEFAULT_STORE, require_shared())
