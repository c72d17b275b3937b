"""Benchmark of event grouping (issue 4): pooled ViMs dev, the haystack, and a scaling curve.

Protocols of shared/data/README.md:
  (1) pooled: the 984 ViMs dev articles (150 gold clusters) in one fixed-seed shuffled stream;
      B-cubed precision / recall / F1 and ARI.
  (2) haystack: the ViMs articles shuffled (fixed seed) among the 22,642 vietnews-val articles,
      each distractor its own gold singleton. B-cubed is computed over the ViMs articles; a
      distractor in a ViMs article's predicted cluster counts against its precision.
      Intrusion rate = share of distractors placed in a predicted cluster that holds any ViMs
      article; we also report the share of ViMs gold clusters whose articles receive at least
      one distractor.
Clusters 001-075 were used to choose thresholds ("tune"); 076-150 are reported apart
("held-out") as a check against over-tuning. The reference point is a single-pass
leader-follower TF-IDF (syllable uni+bigrams, max_df 0.2, threshold tuned on the tune half),
run in the same script. The scaling curve streams vietnews-val articles; sizes above 22,642
are built by resampling vietnews articles with a small random edit (labelled "resampled").

Usage: python bench/events.py [--quick] [--skip-baseline] [--skip-scaling]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import resource
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sukien.group import EventGrouper, GroupConfig  # noqa: E402
from sukien.model import Article  # noqa: E402
from sukien.text import normalize, syllables  # noqa: E402

SEED = 13


def shared_dir() -> Path | None:
    for cand in (os.environ.get("SUKIEN_SHARED"), ROOT / ".." / "shared", "/work/shared"):
        if cand and Path(cand, "data").is_dir():
            return Path(cand)
    return None


def load_vims(shared: Path) -> tuple[list[Article], dict[str, str]]:
    """ViMs dev articles (title = first non-empty line) and gold cluster per article id."""
    articles, gold = [], {}
    for cdir in sorted((shared / "data/vims-dev/data").glob("Cluster_*")):
        for f in sorted(cdir.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0):
            lines = [ln.strip() for ln in normalize(f.read_bytes().decode("utf-8", "replace")).split("\n")]
            lines = [ln for ln in lines if ln]
            if not lines:
                continue
            aid = f"vims-{cdir.name[-3:]}-{f.stem}"
            articles.append(Article(id=aid, title=lines[0], body=lines[1:], outlet=None))
            gold[aid] = cdir.name
    return articles, gold


def load_vietnews(shared: Path) -> list[Article]:
    out = []
    with gzip.open(shared / "data/vietnews-val.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out.append(Article(id=d["id"], title=normalize(d.get("title", "")), lead=normalize(d.get("lead", "")),
                               body=[normalize(p) for p in d.get("body", "").split("\n") if p.strip()]))
    return out


# ---------------------------------------------------------------------------- metrics
def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed over the items of `gold`; predicted clusters include every item of `pred`."""
    from collections import Counter, defaultdict

    pred_size = Counter(pred.values())
    gold_size = Counter(gold.values())
    both = Counter((pred[a], gold[a]) for a in gold)
    p = r = 0.0
    for a in gold:
        inter = both[(pred[a], gold[a])]
        p += inter / pred_size[pred[a]]
        r += inter / gold_size[gold[a]]
    p /= len(gold)
    r /= len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def ari(pred: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    return float(adjusted_rand_score([gold[a] for a in ids], [pred[a] for a in ids]))


def intrusion(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """(share of distractors in a cluster holding a ViMs article, share of gold clusters intruded)."""
    vims_clusters = {pred[a] for a in gold}
    distractors = [a for a in pred if a not in gold]
    intruders = [a for a in distractors if pred[a] in vims_clusters]
    intruded_pred = {pred[a] for a in intruders}
    intruded_gold = {gold[a] for a in gold if pred[a] in intruded_pred}
    return len(intruders) / max(1, len(distractors)), len(intruded_gold) / max(1, len(set(gold.values())))


def split_gold(gold: dict[str, str], half: str) -> dict[str, str]:
    lo, hi = (1, 75) if half == "tune" else (76, 150)
    return {a: c for a, c in gold.items() if lo <= int(c[-3:]) <= hi}


def copy_articles(articles: list[Article]) -> list[Article]:
    return [Article(id=a.id, title=a.title, lead=a.lead, body=list(a.body), published=a.published) for a in articles]


# ---------------------------------------------------------------------------- runs
def run_grouper(articles: list[Article], config: GroupConfig | None = None, batch: int | None = None):
    grouper = EventGrouper(config)
    arts = copy_articles(articles)
    t0 = time.perf_counter()
    step = batch or len(arts)
    for s in range(0, len(arts), step):
        grouper.add(arts[s : s + step])
    elapsed = time.perf_counter() - t0
    return grouper.assignments(), elapsed, grouper


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
