"""End-to-end ViMs dev protocol through the real pipeline.

Pools the 984 articles of the 150 ViMs dev clusters, runs them through `sukien run`'s pipeline
into a fresh store, and scores (1) the events against the gold clusters (B-cubed, ARI) and
(2) for each gold cluster, the summary of the event holding most of its articles, re-made at
the protocol's budget (round(mean reference length) syllables), with ROUGE-1/2/L F1.

    python bench/vims.py [--clusters N]
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from _data import load_vims, require_shared
from _metrics import adjusted_rand, bcubed, rouge_scores, rouge_tokens

from sukien.pipeline import Pipeline
from sukien.store import Store
from sukien.summarise import summarize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=150, help="use the first N clusters")
    args = parser.parse_args()
    clusters = load_vims(require_shared())[: args.clusters]
    gold = {a["id"]: c["cluster"] for c in clusters for a in c["articles"]}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "vims.jsonl"
        corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for c in clusters for a in c["articles"]),
                          encoding="utf-8")
        store = Store(Path(tmp) / "vims.db")
        started = time.perf_counter()
        report = Pipeline(store).run([corpus])
        elapsed = time.perf_counter() - started
        articles = {a.id: a for a in store.iter_articles()}
        predicted = {i: a.event_id for i, a in articles.items()}
        p, r, f = bcubed(predicted, gold)
        ari = adjusted_rand(predicted, gold)
        totals = Counter()
        for cluster in clusters:
            ids = [a["id"] for a in cluster["articles"]]
            event_id = Counter(predicted[i] for i in ids).most_common(1)[0][0]
            members = [articles[i] for i in sorted(predicted) if predicted[i] == event_id]
            budget = round(sum(len(rouge_tokens(s)) for s in cluster["summaries"]) / len(cluster["summaries"]))
            summary = " ".join(s.text for s in summarize(members, max_tokens=budget, allow_overflow=True))
            for key, value in rouge_scores(summary, cluster["summaries"], budget).items():
                totals[key] += value
    n = len(clusters)
    print(f"# ViMs dev end to end — {date.today()} — {platform.machine()}, {__import__('os').cpu_count()} cores")
    print(f"articles: {len(gold)}  gold clusters: {n}  events: {report.events}  pipeline wall time: {elapsed:.1f} s")
    print("| measure | value |\n|---|---|")
    print(f"| B-cubed precision | {p:.3f} |\n| B-cubed recall | {r:.3f} |\n| B-cubed F1 | {f:.3f} |\n| ARI | {ari:.3f} |")
    for key in ("R1", "R2", "RL"):
        print(f"| ROUGE-{key[1:]} F1 (event summary at budget) | {totals[key] / n:.3f} |")


if __name__ == "__main__":
    main()
