"""Train the bigram-weight model on ViMs clusters (dev tool; needs the shared data, not used at run time).

    PYTHONPATH=src python -m sukien.summarise.train [--folds 5] [--write] [--idf]

1. Background syllable IDF from vietnews-val (22,642 articles) -> `idf.json.gz`.
2. For every ViMs cluster: candidate sentences (the library's own splitting and filtering),
   their sentence features, the event's syllable bigrams ("concepts") with their features
   (`concepts.concept_features`), and targets = for each bigram, the share of the cluster's
   human summaries that contain it (tone-normalised syllables).
3. Boosted decision stumps (scikit-learn's HistGradientBoostingRegressor, max_depth=1)
   learn the target; they compile into one step function per feature (`scorer.py`), fast
   enough for events of thousands of bigrams. Every hyper-parameter (iterations, rate, and the
   selection's length exponent, weight threshold and near-duplicate guard) is chosen by
   K-fold cross-validation *over clusters*: greedy coverage selection is run on held-out
   clusters and scored by ROUGE-2 F1 under the ViMs budget.
4. With --write, the model refit on all clusters with the chosen hyper-parameters is
   exported as plain JSON (`concept_model.json`: step functions), with the CV numbers in it.
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
import scipy.sparse as sp

from sukien.summarise import rouge
from sukien.summarise.candidates import WORD, Candidate, build_candidates
from sukien.summarise.concepts import (CONCEPT_FEATURES, CONCEPT_MODEL_PATH, CoverageParams, concept_features,
                                       matching_columns, select_by_coverage)
from sukien.summarise.data import Cluster, load_vims, shared_dir
from sukien.summarise.features import EventMatrices, compute_features
from sukien.summarise.scorer import StepScorer
from sukien.summarise.select import coherent_order
from sukien.text import match_key

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


def build_idf(vietnews: Path, out: Path = HERE / "idf.json.gz", min_df: int = 3) -> None:
    """Syllable document frequencies over vietnews-val -> smoothed IDF table."""
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
    sim: np.ndarray  # bigram cosine among candidates
    presence: sp.csr_matrix  # sentence x bigram
    F: np.ndarray  # bigram features (CONCEPT_FEATURES)
    target: np.ndarray  # share of the human summaries containing each bigram
    references: list[list[str]]  # protocol tokens
    budget: int


def concept_targets(m: EventMatrices, references: list[str]) -> np.ndarray:
    """For each bigram column of the event, the share of the references that contain it."""
    out = np.zeros(len(m.bigram_codes))
    n_uni = len(m.idf_vector)
    for reference in references:
        ids = [m.uni_vocab.get(t, -1) for t in WORD.findall(match_key(reference))]
        codes = {a * n_uni + b for a, b in zip(ids, ids[1:]) if a >= 0 and b >= 0}
        if codes:
            out[matching_columns(m.bigram_codes, codes)] += 1.0
    return out / max(len(references), 1)


def budget_of(references: list[list[str]]) -> int:
    return int(round(sum(len(r) for r in references) / max(len(references), 1)))


def prepare(cluster: Cluster) -> ClusterData:
    usable = [c for c in build_candidates(cluster.articles) if c.usable]
    X, m, sim = compute_features(usable, cluster.articles)
    F, presence = concept_features(usable, cluster.articles, m, X)
    refs = [rouge.tokens(r) for r in cluster.references]
    return ClusterData(cluster.name, usable, sim, presence, F, concept_targets(m, cluster.references), refs,
                       budget_of(refs))


def summary_indices(data: ClusterData, weights: np.ndarray, params: CoverageParams) -> list[int]:
    """What `summarize(..., allow_overflow=True)` returns for the cluster, as candidate indices."""
    chosen = select_by_coverage(data.candidates, data.presence, weights, data.sim, data.budget, params,
                                overflow=True)
    n_articles = max((c.article for c in data.candidates), default=0) + 1
    return coherent_order(chosen, data.candidates, list(range(n_articles)))


def evaluate_selection(data: ClusterData, weights: np.ndarray, params: CoverageParams) -> dict[str, float]:
    chosen = summary_indices(data, weights, params)
    toks = rouge.truncate([t for i in chosen for t in rouge.tokens(data.candidates[i].text)], data.budget)
    return rouge.score(toks, data.references)


def fit_model(F: np.ndarray, y: np.ndarray, n_trees: int, rate: float, min_leaf: int = 50,
              seed: int = 0) -> StepScorer:
    from sklearn.ensemble import HistGradientBoostingRegressor

    model = HistGradientBoostingRegressor(max_iter=n_trees, max_depth=1, learning_rate=rate,
                                          min_samples_leaf=min_leaf, early_stopping=False, random_state=seed)
    model.fit(F, y)
    return StepScorer.from_sklearn_stumps(model, CONCEPT_FEATURES)


# stumps only: the model must compile into one step function per feature (see scorer.py);
# in 5-fold CV stumps matched depth-2 and depth-4 trees (R2 0.406 / 0.404 / 0.402)
MODEL_GRID = [{"n_trees": 300, "rate": 0.1}]
SELECT_GRID = [
    CoverageParams(length_exponent=alpha, weight_threshold=theta, max_similarity=0.5)
    for alpha, theta in product((0.7, 0.8, 0.9), (0.1, 0.15, 0.2))
]


def folds_of(n: int, k: int, seed: int = 13) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [np.sort(order[i::k]) for i in range(k)]


def _fit_on(data: list[ClusterData], model_params: dict) -> StepScorer:
    return fit_model(np.vstack([d.F for d in data]), np.concatenate([d.target for d in data]), **model_params)


def cross_validated_weights(data: list[ClusterData], k: int, model_params: dict) -> list[np.ndarray]:
    """Bigram weights for every cluster from a model trained on the other folds."""
    out: list[np.ndarray | None] = [None] * len(data)
    for test in folds_of(len(data), k):
        held = set(test.tolist())
        model = _fit_on([d for i, d in enumerate(data) if i not in held], model_params)
        for i in test:
            out[i] = model.predict(data[i].F)
    return out  # type: ignore[return-value]


def best_selection(data: list[ClusterData], weights: list[np.ndarray],
                   grid: list[CoverageParams]) -> tuple[CoverageParams, dict[str, float]]:
    scored = [(p, mean_scores([evaluate_selection(d, w, p) for d, w in zip(data, weights)])) for p in grid]
    return max(scored, key=lambda pair: pair[1]["rouge2"])


def nested_cross_validation(data: list[ClusterData], k: int, model_params: dict,
                            grid: list[CoverageParams] | None = None) -> list[tuple[np.ndarray, CoverageParams]]:
    """Honest held-out weights: for every outer fold, the selection parameters are chosen by an
    inner K-1-fold CV on the training clusters only, then the model is fit on all of them."""
    grid = grid or SELECT_GRID
    out: list[tuple[np.ndarray, CoverageParams] | None] = [None] * len(data)
    for test in folds_of(len(data), k):
        held = set(test.tolist())
        train = [d for i, d in enumerate(data) if i not in held]
        best, _ = best_selection(train, cross_validated_weights(train, k - 1, model_params), grid)
        model = _fit_on(train, model_params)
        for i in test:
            out[i] = (model.predict(data[i].F), best)
    return out  # type: ignore[return-value]


def mean_scores(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: float(np.mean([r[key] for r in rows])) for key in rows[0]}


def nested_choice(data: list[ClusterData], k: int) -> tuple[dict, CoverageParams, dict[str, float]]:
    """Pick model and selection hyper-parameters by K-fold CV over clusters."""
    best = None
    for model_params in MODEL_GRID:
        t = time.time()
        params, result = best_selection(data, cross_validated_weights(data, k, model_params), SELECT_GRID)
        if best is None or result["rouge2"] > best[2]["rouge2"]:
            best = (model_params, params, result)
        print(f"  model {model_params}: R2 {result['rouge2']:.4f} with {params} ({time.time() - t:.0f}s)", flush=True)
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
        scorer = _fit_on(data, model_params)
        scorer.meta = {
            "trained_on": f"ViMs dev clusters 001-150 ({len(data)} clusters, "
                          f"{sum(len(d.target) for d in data)} event bigrams)",
            "target": "share of the cluster's human summaries that contain the bigram",
            "cv_folds": args.folds,
            "cv_result": {k: round(v, 4) for k, v in result.items()},
            "model_params": model_params,
            "selection": params.__dict__,
        }
        scorer.save(CONCEPT_MODEL_PATH)
        print(f"wrote {CONCEPT_MODEL_PATH}")


if __name__ == "__main__":
    main()
