"""Experiment (issue 4): can a pair scorer built from several cues beat the single TF-IDF cosine?

Not shipped (see bench/results/events.md, "tried, not kept"); kept so the numbers can be
re-run. It reproduces `EventGrouper.recheck()` offline: the same candidate pairs, the same
time / reported-day factors and the same average link, over pooled ViMs and the haystack,
with the pair similarity replaced by

  - `cosine`: the shipped rule (the body TF-IDF cosine), as a check that the harness matches;
  - `logreg`: P(same event) from a logistic regression over cues of a pair (body cosine,
    title-only cosine, number-key cosine, name-key cosine, and two products), trained ONLY on
    pairs touching a ViMs 001-075 article (pooled tune pairs, and haystack pairs of a tune
    article with a distractor); the average-link threshold over probabilities is swept;
  - `cosine+num`: cosine + b * number-key cosine (figures such as "12 người", "3,5 tỷ" in
    title + lead, hashed, binary, L2-normalised rows), b swept.

Tune = clusters 001-075, held-out = 076-150, as in bench/events.py.
Usage: python bench/train_group.py   (about 2 minutes; run with nice -n 10)
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import regex
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize as l2_rows

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import events as B  # noqa: E402
from sukien.group import EventGrouper, GroupConfig  # noqa: E402
from sukien.group.features import _MASK, N_FEATURES, FeatureConfig, Featurizer, _hashes, article_fields  # noqa: E402
from sukien.group.linkage import average_link  # noqa: E402
from sukien.group.rowstore import rowwise_dot  # noqa: E402
from sukien.model import Article  # noqa: E402

NUMBER = regex.compile(r"\d+(?:[.,]\d+)*(?:\s+\p{L}+)?")  # a figure and the word after it


def number_rows(articles: list[Article]) -> sp.csr_matrix:
    cols = []
    for a in articles:
        title, lead, _ = article_fields(a)
        found = NUMBER.findall((title + "\n" + lead).lower())
        cols.append(np.unique((_hashes(["#" + x for x in found]) & _MASK).astype(np.int32)) if found
                    else np.zeros(0, np.int32))
    indptr = np.r_[0, np.cumsum([len(c) for c in cols])]
    M = sp.csr_matrix((np.ones(indptr[-1], np.float32), np.concatenate(cols), indptr), shape=(len(cols), N_FEATURES))
    return l2_rows(M)


def title_rows(articles: list[Article], idf: np.ndarray) -> sp.csr_matrix:
    fz = Featurizer(idf, FeatureConfig(name_weight=0.0, entity_weight=0.0))
    return fz.transform([Article(id=a.id, title=article_fields(a)[0]) for a in articles])


def pair_table(stream: list[Article], gold: dict[str, str]) -> dict:
    """Group the stream as bench/events.py does, then list recheck()'s candidate pairs with their cues."""
    B.times_opening(stream)
    g = EventGrouper(GroupConfig())
    arts = B.copy_articles(stream)
    for s in range(0, len(arts), 1000):
        g.add(arts[s : s + 1000])
    qi, qj = g._candidate_pairs(g._retrieval, g._retrieval, False, g._row_days, g._row_days, g._retrieval.T.tocsr())
    keep = qi != qj
    qi, qj = qi[keep], qj[keep]
    by_id = {a.id: a for a in stream}
    rows = [by_id[a] for a in g._row_article]
    T, N, K = title_rows(rows, g._idf), number_rows(rows), l2_rows(g._row_keys)
    factor = g._time_factor(g._row_days[qi], g._row_days[qj], g._row_days[qj])
    factor *= g._reported_factor(g._row_ryears[qi], g._row_rdays[qi], g._row_ryears[qj], g._row_rdays[qj])
    labels = np.array([gold.get(a, "distractor:" + a) for a in g._row_article])
    half = np.array([0 if not l.startswith("Cluster") else (1 if int(l[-3:]) <= 75 else 2) for l in labels])
    return dict(n=len(rows), qi=qi, qj=qj, factor=factor, cos=rowwise_dot(g._rows[qi], g._rows[qj]),
                title=rowwise_dot(T[qi], T[qj]), num=rowwise_dot(N[qi], N[qj]), key=rowwise_dot(K[qi], K[qj]),
                same=(labels[qi] == labels[qj]).astype(int), half_i=half[qi], half_j=half[qj],
                row_article=g._row_article, duplicate_of=g._duplicate_of)


def cues(D: dict) -> np.ndarray:
    c = D["cos"] * D["factor"]
    return np.c_[c, D["title"], D["num"], D["key"], c * D["title"], c * c]


def tune_pairs(D: dict) -> np.ndarray:
    """Pairs touching a tune article and no held-out article."""
    hi, hj = D["half_i"], D["half_j"]
    return ((hi == 1) | (hj == 1)) & (hi != 2) & (hj != 2)


def cluster(D: dict, sims: np.ndarray, threshold: float) -> dict[str, str]:
    labels = average_link(D["n"], D["qi"], D["qj"], sims, np.ones(D["n"]), threshold)
    row = {a: str(l) for a, l in zip(D["row_article"], labels)}
    return {**row, **{a: row[o] for a, o in D["duplicate_of"].items()}}


def scores(pred: dict[str, str], gold: dict[str, str]) -> list[float]:
    return [B.bcubed(pred, B.split_gold(gold, h))[2] for h in ("tune", "held-out")] + [B.bcubed(pred, gold)[2]]


def main() -> None:
    shared = B.shared_dir()
    if shared is None:
        print("shared data not found; nothing to do")
        return
    pooled_stream, gold = B.pooled_stream(shared)
    P = pair_table(pooled_stream, gold)
    H = pair_table(B.haystack_stream(shared)[0], gold)
    train = [tune_pairs(P), tune_pairs(H)]
    model = LogisticRegression(C=1.0, max_iter=2000).fit(
        np.r_[cues(P)[train[0]], cues(H)[train[1]]], np.r_[P["same"][train[0]], H["same"][train[1]]])
    print("logreg on", int(train[0].sum() + train[1].sum()), "tune pairs; coef (cos, title, num, key, cos*title, cos^2)",
          np.round(model.coef_[0], 2), "intercept", round(float(model.intercept_[0]), 2))

    def similarity(D: dict, method: str, b: float) -> np.ndarray:
        if method == "logreg":
            p = model.predict_proba(cues(D))[:, 1]
            return np.where(D["cos"] * D["factor"] > 0, p, 0.0)
        return (D["cos"] + b * D["num"]) * D["factor"]

    runs = [("cosine", 0.0, t) for t in (0.12, 0.13)]
    runs += [("cosine+num", b, t) for b in (0.1, 0.2, 0.3) for t in (0.12, 0.13, 0.14)]
    runs += [("logreg", 0.0, t) for t in (0.2, 0.25, 0.3, 0.4)]
    print("| scorer | thr | pooled tune | pooled held-out | pooled | haystack tune | haystack held-out | haystack | intrusion |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for method, b, thr in runs:
        pooled = scores(cluster(P, similarity(P, method, b), thr), gold)
        pred = cluster(H, similarity(H, method, b), thr)
        hay = scores(pred, gold)
        name = method if method != "cosine+num" else f"cosine + {b} num"
        print(f"| {name} | {thr} | " + " | ".join(f"{x:.4f}" for x in pooled + hay)
              + f" | {100 * B.intrusion(pred, gold)[0]:.3f}% |", flush=True)


if __name__ == "__main__":
    main()
