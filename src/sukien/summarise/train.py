"""Train the sentence scorer on ViMs clusters (dev tool; needs the shared data, not used at run time).

    PYTHONPATH=src python -m sukien.summarise.train [--folds 5] [--write]

1. Background syllable IDF from vietnews-val (22,642 articles) -> `idf.json.gz`.
2. For every ViMs cluster: candidate sentences (the library's own splitting and filtering),
   their features, and targets = each sentence's ROUGE-2 precision against the human
   summaries (share of its syllable bigrams found in a reference, averaged over references).
3. A gradient-boosted regression forest (small, shallow trees) learns the target. Every
   hyper-parameter (trees, depth, learning rate, redundancy weight, length exponent,
   redundancy threshold) is chosen by K-fold cross-validation *over clusters*: the selection
   step is run on held-out clusters and scored by ROUGE-2 F1 under the ViMs budget.
4. With --write, the model refit on all clusters with the chosen hyper-parameters is
   exported as plain JSON (`model.json`: trees as arrays), with the CV numbers in it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import time
from collections import Counter
from dataclasses import dataclass
from itertools import product
from pathlib import Path

import numpy as np

from sukien.summarise import rouge
from sukien.summarise.candidates import Candidate, build_candidates
from sukien.summarise.data import Cluster, load_vims, shared_dir
from sukien.summarise.features import FEATURE_NAMES, compute_features
from sukien.summarise.scorer import TreeScorer
from sukien.summarise.select import SelectionParams, coherent_order, select

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


def build_idf(vietnews: Path, out: Path = HERE / "idf.json.gz", min_df: int = 3) -> None:
    """Syllable document frequencies over vietnews-val -> smoothed IDF table."""
    from sukien.summarise.candidates import WORD
    from sukien.text import match_key

    df: Counter = Counter()
    n_docs = 0
    with gzip.open(vietnews, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = " ".join([doc.get("title", ""), doc.get("lead", ""), doc.get("body", "")])
            df.update(set(WORD.findall(match_key(text))))
            n_docs += 1
    idf = {t: round(math.log((n_docs + 1) / (c + 1)) + 1, 3) for t, c in df.items() if c >= min_df}
    default = round(math.log((n_docs + 1) / (min_df + 1)) + 1, 3)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump({"source": "vietnews-val.jsonl.gz", "n_docs": n_docs, "min_df": min_df,
                   "default": default, "idf": idf}, f, ensure_ascii=False, separators=(",", ":"))


@dataclass
class ClusterData:
    name: str
    candidates: list[Candidate]  # usable candidates only
    X: np.ndarray
    sim: np.ndarray  # bigram cosine among candidates
    precision: np.ndarray  # target: ROUGE-2 precision against the references
    references: list[list[str]]
    budget: int


def sentence_targets(candidates: list[Candidate], references: list[list[str]]) -> np.ndarray:
    ref_bigrams = [rouge.ngrams(r, 2) for r in references]
    out = np.zeros(len(candidates))
    for i, c in enumerate(candidates):
        bigrams = rouge.ngrams(rouge.tokens(c.text), 2)
        total = sum(bigrams.values())
        if not total or not ref_bigrams:
            continue
        out[i] = sum(sum((bigrams & r).values()) / total for r in ref_bigrams) / len(ref_bigrams)
    return out


def budget_of(references: list[list[str]]) -> int:
    return int(round(sum(len(r) for r in references) / max(len(references), 1)))


def prepare(cluster: Cluster) -> ClusterData:
    usable = [c for c in build_candidates(cluster.articles) if c.usable]
    X, _, sim = compute_features(usable, cluster.articles)
    refs = [rouge.tokens(r) for r in cluster.references]
    return ClusterData(cluster.name, usable, X, sim, sentence_targets(usable, refs), refs, budget_of(refs))


def summary_indices(data: ClusterData, scores: np.ndarray, params: SelectionParams) -> list[int]:
    """What `summarize(..., allow_overflow=True)` returns for the cluster, as candidate indices."""
    chosen = select(data.candidates, scores, data.sim, data.budget, params, overflow=True)
    n_articles = max((c.article for c in data.candidates), default=0) + 1
    return coherent_order(chosen, data.candidates, list(range(n_articles)))


def evaluate_selection(data: ClusterData, scores: np.ndarray, params: SelectionParams) -> dict[str, float]:
    chosen = summary_indices(data, scores, params)
    toks = rouge.truncate([t for i in chosen for t in rouge.tokens(data.candidates[i].text)], data.budget)
    return rouge.score(toks, data.references)


def fit_trees(X: np.ndarray, y: np.ndarray, n_trees: int, depth: int, rate: float, seed: int = 0) -> TreeScorer:
    from sklearn.ensemble import GradientBoostingRegressor

    model = GradientBoostingRegressor(n_estimators=n_trees, max_depth=depth, learning_rate=rate,
                                      subsample=0.8, min_samples_leaf=20, random_state=seed)
    model.fit(X, y)
    return TreeScorer.from_sklearn(model, FEATURE_NAMES)


MODEL_GRID = [
    {"n_trees": n, "depth": d, "rate": r} for n, d, r in [(150, 3, 0.05), (300, 3, 0.05), (200, 4, 0.05)]
]
SELECT_GRID = [
    SelectionParams(redundancy=lam, length_exponent=alpha, max_similarity=tau)
    for lam, alpha, tau in product((0.5, 1.0, 1.5, 2.0), (0.0, 0.15, 0.3), (0.4, 0.6))
]


def folds_of(n: int, k: int, seed: int = 13) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [np.sort(order[i::k]) for i in range(k)]


def cross_validated_scores(data: list[ClusterData], k: int, model_params: dict) -> list[np.ndarray]:
    """Scores for every cluster from a model trained on the other folds."""
    out: list[np.ndarray | None] = [None] * len(data)
    for test in folds_of(len(data), k):
        held = set(test.tolist())
        X = np.vstack([d.X for i, d in enumerate(data) if i not in held])
        y = np.concatenate([d.precision for i, d in enumerate(data) if i not in held])
        scorer = fit_trees(X, y, **model_params)
        for i in test:
            out[i] = scorer.predict(data[i].X)
    return out  # type: ignore[return-value]


def nested_cross_validation(data: list[ClusterData], k: int, model_params: dict,
                            grid: list[SelectionParams] | None = None) -> list[tuple[np.ndarray, SelectionParams]]:
    """Honest held-out scores: for every outer fold, the selection parameters are chosen by an
    inner K-1-fold CV on the training clusters only, then the model is fit on all of them."""
    grid = grid or SELECT_GRID
    out: list[tuple[np.ndarray, SelectionParams] | None] = [None] * len(data)
    for test in folds_of(len(data), k):
        held = set(test.tolist())
        train = [d for i, d in enumerate(data) if i not in held]
        inner_scores = cross_validated_scores(train, k - 1, model_params)
        best = max(grid, key=lambda p: np.mean([evaluate_selection(d, s, p)["rouge2"]
                                                for d, s in zip(train, inner_scores)]))
        scorer = fit_trees(np.vstack([d.X for d in train]), np.concatenate([d.precision for d in train]),
                           **model_params)
        for i in test:
            out[i] = (scorer.predict(data[i].X), best)
    return out  # type: ignore[return-value]


def mean_scores(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: float(np.mean([r[key] for r in rows])) for key in rows[0]}


def nested_choice(data: list[ClusterData], k: int) -> tuple[dict, SelectionParams, dict[str, float]]:
    """Pick model and selection hyper-parameters by K-fold CV over clusters."""
    best = None
    for model_params in MODEL_GRID:
        t = time.time()
        scores = cross_validated_scores(data, k, model_params)
        for params in SELECT_GRID:
            result = mean_scores([evaluate_selection(d, s, params) for d, s in zip(data, scores)])
            if best is None or result["rouge2"] > best[2]["rouge2"]:
                best = (model_params, params, result)
        print(f"  model {model_params}: best so far R2 {best[2]['rouge2']:.4f} ({time.time() - t:.0f}s)", flush=True)
    return best  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="refit on all clusters and write model.json")
    parser.add_argument("--idf", action="store_true", help="rebuild idf.json.gz from vietnews-val")
    args = parser.parse_args()
    shared = shared_dir(REPO)
    if shared is None:
        raise SystemExit("shared data not found (set SUKIEN_SHARED)")
    if args.idf or not (HERE / "idf.json.gz").exists():
        build_idf(shared / "data" / "vietnews-val.jsonl.gz")
    clusters = load_vims(shared / "data" / "vims-dev")
    data = [prepare(c) for c in clusters]
    model_params, params, result = nested_choice(data, args.folds)
    print(f"chosen by {args.folds}-fold CV: {model_params} {params}")
    print("cross-validated: " + " ".join(f"{k} {v:.4f}" for k, v in result.items()))
    if args.write:
        X = np.vstack([d.X for d in data])
        y = np.concatenate([d.precision for d in data])
        scorer = fit_trees(X, y, **model_params)
        scorer.meta = {
            "trained_on": f"ViMs dev clusters 001-150 ({len(data)} clusters, {len(y)} sentences)",
            "target": "ROUGE-2 precision of the sentence against the human summaries",
            "cv_folds": args.folds,
            "cv_result": {k: round(v, 4) for k, v in result.items()},
            "model_params": model_params,
            "selection": params.__dict__,
        }
        scorer.save(HERE / "model.json")
        print(f"wrote {HERE / 'model.json'}")


if __name__ == "__main__":
    main()
