"""Benchmark: event summaries on ViMs (dev half), the ViMs protocol, baselines in the same run.

    PYTHONPATH=src python bench/summaries.py [--folds 5] [--boot 1000] [--write] [--out bench/results/summaries.md]

Protocol (../shared/data/README.md): one summary per cluster, cut at round(mean reference
length) tokens; tokens = syllables after NFC + lower-casing, split on whitespace and
punctuation, diacritics kept (our own ROUGE, `sukien.summarise.rouge`; rouge-score's default
tokenizer would drop every Vietnamese letter). ROUGE-1/2/L F1 against each reference,
averaged over references, then clusters. The summary text is cut at the budget, so the last
sentence of a system may be truncated (the library itself returns whole sentences).

Systems:
- sukien (nested CV): the library pipeline (learned bigram weights, greedy coverage
  selection); for each cluster the bigram-weight model is trained on the other folds (K-fold
  over clusters) and the selection parameters (length exponent, weight threshold) are chosen
  by an inner CV on those folds only; the model size (stumps, rate) is the one in
  concept_model.json (chosen by K-fold CV in train.py). These are the numbers to quote.
- sukien (shipped model): the shipped concept_model.json, trained on all 150 dev clusters:
  in-sample, shown only to check the shipped path matches the CV one.
- LEAD (round-robin over articles), LexRank, MMR-centroid: baselines, same sentences.
- human: each reference against the other references of its cluster (cut at the budget).
- greedy oracle: greedy maximisation of ROUGE-2 against the references (an upper bound).
Also: bootstrap 95% interval over clusters, near-duplicate sentence pairs (syllable-bigram
cosine > 0.7) per 20 summaries, and the time to summarise a 50-article event.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import scipy.sparse as sp

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sukien.model import Article  # noqa: E402
from sukien.summarise import summarize  # noqa: E402
from sukien.summarise import rouge  # noqa: E402
from sukien.summarise.data import load_vims, shared_dir  # noqa: E402
from sukien.summarise.concepts import CoverageParams, default_concept_model  # noqa: E402
from sukien.summarise.train import ClusterData, nested_cross_validation, prepare, summary_indices  # noqa: E402
from sukien.text.sentences import split_spans  # noqa: E402

NEAR_DUPLICATE = 0.7


# ---------------------------------------------------------------- baselines

def plain_sentences(cluster) -> list[tuple[int, int, str]]:
    """(article, position, text) of every sentence, no filtering (what the baselines see)."""
    out = []
    for a, article in enumerate(cluster.articles):
        text = article.text
        for i, (s, e) in enumerate(split_spans(text)):
            if len(rouge.tokens(text[s:e])) >= 3:
                out.append((a, i, text[s:e]))
    return out


def tfidf_rows(texts: list[str]) -> sp.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, t in enumerate(texts):
        for tok in rouge.tokens(t):
            rows.append(r)
            cols.append(vocab.setdefault(tok, len(vocab)))
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), max(len(vocab), 1)))
    df = np.asarray((m > 0).sum(axis=0)).ravel()
    m = sp.csr_matrix(m @ sp.diags(np.log((1 + len(texts)) / (1 + df)) + 1))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.csr_matrix(sp.diags(1 / norms) @ m)


def fill(order: list[int], texts: list[str], budget: int, sim: np.ndarray | None = None,
         max_sim: float = 1.01) -> list[int]:
    chosen, total = [], 0
    for i in order:
        if total >= budget:
            break
        if sim is not None and chosen and sim[i, chosen].max() > max_sim:
            continue
        chosen.append(i)
        total += len(rouge.tokens(texts[i]))
    return chosen


def lead_round_robin(sents, budget: int) -> list[str]:
    order = sorted(range(len(sents)), key=lambda i: (sents[i][1], sents[i][0]))
    texts = [s[2] for s in sents]
    return [texts[i] for i in fill(order, texts, budget)]


def lexrank(sents, budget: int, damping: float = 0.85) -> list[str]:
    """Continuous LexRank (Erkan & Radev 2004: PageRank over cosine-weighted edges), then the
    best-ranked sentences that are not near-copies (cosine <= 0.5) of those already taken."""
    texts = [s[2] for s in sents]
    m = tfidf_rows(texts)
    sim = (m @ m.T).toarray()
    adj = sim / np.maximum(sim.sum(axis=1, keepdims=True), 1e-9)
    n = len(texts)
    rank = np.full(n, 1 / n)
    for _ in range(50):
        rank = (1 - damping) / n + damping * adj.T @ rank
    order = list(np.argsort(-rank, kind="stable"))
    return [texts[i] for i in fill(order, texts, budget, sim, max_sim=0.5)]


def mmr_centroid(sents, budget: int, lam: float = 0.7) -> list[str]:
    texts = [s[2] for s in sents]
    m = tfidf_rows(texts)
    centroid = np.asarray(m.sum(axis=0)).ravel()
    relevance = m @ (centroid / max(np.linalg.norm(centroid), 1e-9))
    sim = (m @ m.T).toarray()
    chosen, total = [], 0
    available = np.ones(len(texts), dtype=bool)
    max_sim = np.zeros(len(texts))
    while total < budget and available.any():
        score = np.where(available, lam * relevance - (1 - lam) * max_sim, -np.inf)
        best = int(np.argmax(score))
        chosen.append(best)
        available[best] = False
        max_sim = np.maximum(max_sim, sim[best])
        total += len(rouge.tokens(texts[best]))
    return [texts[i] for i in chosen]


def greedy_oracle(sents, references: list[list[str]], budget: int) -> list[str]:
    texts = [s[2] for s in sents]
    toks = [rouge.tokens(t) for t in texts]
    chosen: list[int] = []
    current: list[str] = []
    best_score = 0.0
    while sum(len(toks[i]) for i in chosen) < budget:
        best = None
        for i in range(len(texts)):
            if i in chosen:
                continue
            trial = rouge.truncate(current + toks[i], budget)
            score = np.mean([rouge.rouge_n(trial, r, 2)[2] for r in references])
            if best is None or score > best[1]:
                best = (i, score)
        if best is None or best[1] <= best_score:
            break
        chosen.append(best[0])
        current += toks[best[0]]
        best_score = best[1]
    return [texts[i] for i in chosen]


# ---------------------------------------------------------------- measures

def evaluate(sentences: list[str], references: list[list[str]], budget: int) -> dict[str, float]:
    toks = rouge.truncate([t for s in sentences for t in rouge.tokens(s)], budget)
    return rouge.score(toks, references)


def near_duplicate_pairs(sentences: list[str]) -> int:
    if len(sentences) < 2:
        return 0
    vocab: dict = {}
    rows, cols = [], []
    for r, s in enumerate(sentences):
        t = rouge.tokens(s)
        for b in zip(t, t[1:]):
            rows.append(r)
            cols.append(vocab.setdefault(b, len(vocab)))
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sentences), max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    m = sp.diags(1 / norms) @ m
    sim = (m @ m.T).toarray()
    return int((np.triu(sim, k=1) > NEAR_DUPLICATE).sum())


def bootstrap(values: np.ndarray, n_boot: int, seed: int = 7) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def human_vs_human(references: list[list[str]], budget: int) -> dict[str, float] | None:
    if len(references) < 2:
        return None
    rows = [rouge.score(rouge.truncate(r, budget), references[:i] + references[i + 1:])
            for i, r in enumerate(references)]
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


# ---------------------------------------------------------------- speed

def fifty_article_event(shared: Path, clusters) -> list[Article]:
    """The articles of the largest ViMs clusters, topped up with vietnews articles, to 50."""
    articles = [a for c in sorted(clusters, key=lambda c: -len(c.articles))[:3] for a in c.articles]
    path = shared / "data" / "vietnews-val.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if len(articles) >= 50:
                break
            d = json.loads(line)
            articles.append(Article(id=d["id"], title=d.get("title", ""), lead=d.get("lead", ""),
                                    body=[p for p in d.get("body", "").split("\n") if p.strip()]))
    return articles[:50]


def time_event(articles: list[Article], repeats: int = 20) -> tuple[float, float, int]:
    summarize(articles, max_tokens=120)  # warm caches (model, IDF)
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        summarize(articles, max_tokens=120)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    n_sentences = sum(len(split_spans(a.text)) for a in articles)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, n_sentences


def small_events(shared: Path, clusters, n_single: int = 300) -> list[list[Article]]:
    """What most events of a large store look like: single articles (vietnews-val) and pairs
    (the first two articles of every ViMs cluster)."""
    events = [c.articles[:2] for c in clusters]
    with gzip.open(shared / "data" / "vietnews-val.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if len(events) >= len(clusters) + n_single:
                break
            d = json.loads(line)
            events.append([Article(id=d["id"], title=d.get("title", ""), lead=d.get("lead", ""),
                                   body=[p for p in d.get("body", "").split("\n") if p.strip()])])
    return events


def time_small_events(events: list[list[Article]], rounds: int = 3) -> tuple[float, float, float]:
    """Mean ms per event (best of `rounds`) for single-article events, pairs, and all of them."""
    best: dict[int, float] = {}
    for _ in range(rounds):
        spent = {1: 0.0, 2: 0.0}
        for articles in events:
            t = time.process_time()
            summarize(articles, max_tokens=120)
            spent[min(len(articles), 2)] += time.process_time() - t
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    counts = {k: sum(min(len(e), 2) == k for e in events) for k in (1, 2)}
    return (1000 * best[1] / max(counts[1], 1), 1000 * best[2] / max(counts[2], 1),
            1000 * (best[1] + best[2]) / max(len(events), 1))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


# ---------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--boot", type=int, default=1000)
    parser.add_argument("--no-oracle", action="store_true")
    parser.add_argument("--write", action="store_true", help="write the table to --out (default: print only)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "summaries.md")
    args = parser.parse_args()
    shared = shared_dir(REPO)
    if shared is None or not (shared / "data" / "vims-dev").is_dir():
        print("SKIP: shared data not found (set SUKIEN_SHARED)")
        return
    started = time.time()
    clusters = load_vims(shared / "data" / "vims-dev")
    data: list[ClusterData] = [prepare(c) for c in clusters]
    model = default_concept_model()
    meta = model.meta if model else {}
    params = CoverageParams(**meta.get("selection", {}))
    model_params = meta.get("model_params", {"n_trees": 300, "rate": 0.1})
    held_out = nested_cross_validation(data, args.folds, model_params)

    systems: dict[str, list[dict[str, float]]] = {}
    duplicates: dict[str, int] = {}

    def record(name: str, sentences: list[str], d: ClusterData) -> None:
        systems.setdefault(name, []).append(evaluate(sentences, d.references, d.budget))
        duplicates[name] = duplicates.get(name, 0) + near_duplicate_pairs(sentences)

    humans = []
    for cluster, d, (s, fold_params) in zip(clusters, data, held_out):
        record(f"sukien (nested {args.folds}-fold CV)",
               [d.candidates[i].text for i in summary_indices(d, s, fold_params)], d)
        shipped = summarize(cluster.articles, max_tokens=d.budget, allow_overflow=True)
        record("sukien (shipped model, in-sample)", [x.text for x in shipped], d)
        sents = plain_sentences(cluster)
        record("LEAD round-robin", lead_round_robin(sents, d.budget), d)
        record("LexRank", lexrank(sents, d.budget), d)
        record("MMR-centroid", mmr_centroid(sents, d.budget), d)
        if not args.no_oracle:
            record("greedy oracle", greedy_oracle(sents, d.references, d.budget), d)
        h = human_vs_human(d.references, d.budget)
        if h:
            humans.append(h)
    systems["human vs human"] = humans

    wall, cpu, n_sentences = time_event(fifty_article_event(shared, clusters))
    small = small_events(shared, clusters)
    single_ms, pair_ms, small_ms = time_small_events(small)
    reference = {"LEAD round-robin": "0.312", "LexRank": "0.362", "MMR-centroid": "0.369",
                 "human vs human": "0.374", "greedy oracle": "0.663"}
    lines = [
        f"# Event summaries: ViMs dev (150 clusters), ViMs protocol",
        "",
        f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Machine: {machine()}.",
        f"Command: `PYTHONPATH=src python bench/summaries.py --folds {args.folds} --write` "
        f"({time.time() - started:.0f} s). Budget: round(mean reference length) syllables per cluster "
        f"(mean {np.mean([d.budget for d in data]):.0f}); ROUGE F1, diacritics kept, averaged over references "
        f"then clusters; 95% bootstrap interval over clusters ({args.boot} resamples).",
        f"sukien: bigram-weight model {model_params} (concept_model.json, chosen by {meta.get('cv_folds', args.folds)}-fold CV); "
        f"selection chosen per outer fold by inner CV: "
        f"{sorted({str(p.__dict__) for _, p in held_out})}; shipped selection {params.__dict__}.",
        "",
        "| system | R1-F | R2-F | R2-F 95% CI | RL-F | near-dup pairs / 20 summaries | published R2-F |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, rows in systems.items():
        r1 = np.array([r["rouge1"] for r in rows])
        r2 = np.array([r["rouge2"] for r in rows])
        rl = np.array([r["rougeL"] for r in rows])
        low, high = bootstrap(r2, args.boot)
        dup = f"{20 * duplicates[name] / len(rows):.2f}" if name in duplicates else "-"
        lines.append(f"| {name} | {r1.mean():.4f} | {r2.mean():.4f} | [{low:.4f}, {high:.4f}] | {rl.mean():.4f} "
                     f"| {dup} | {reference.get(name, '-')} |")
    lines += [
        "",
        f"Speed: a 50-article event ({n_sentences} sentences; the 3 largest ViMs clusters topped up with "
        f"vietnews-val articles), `summarize(articles, max_tokens=120)`: median {wall:.1f} ms wall, "
        f"{cpu:.1f} ms CPU over 20 runs (target < 100 ms).",
        f"Small events ({len(small)}: {sum(len(e) == 1 for e in small)} single vietnews-val articles, "
        f"{sum(len(e) == 2 for e in small)} pairs from ViMs clusters): mean {single_ms:.2f} ms CPU per "
        f"single-article event, {pair_ms:.2f} ms per pair, {small_ms:.2f} ms overall (best of 3 rounds).",
        "Targets on unseen clusters: R2-F >= 0.42, R1-F >= 0.58, <= 1 near-duplicate pair per 20 summaries.",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
