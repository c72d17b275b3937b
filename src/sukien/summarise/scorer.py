"""The learned sentence scorer: a small gradient-boosted tree ensemble stored as JSON.

Trained by `train.py` (scikit-learn's GradientBoostingRegressor) and exported as arrays of
node features, thresholds, children and leaf values, so scoring needs numpy only and no
pickle is ever loaded. All trees are walked at once, level by level.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("model.json")


class TreeScorer:
    def __init__(self, features: list[str], base: float, rate: float, trees: list[dict], meta: dict | None = None):
        self.features = features
        self.base = base
        self.rate = rate
        self.trees = trees
        self.meta = meta or {}
        width = max((len(t["value"]) for t in trees), default=1)
        shape = (len(trees), width)
        self._feature = np.zeros(shape, dtype=np.int64)
        self._threshold = np.zeros(shape)
        self._left = np.full(shape, -1, dtype=np.int64)
        self._right = np.full(shape, -1, dtype=np.int64)
        self._value = np.zeros(shape)
        for i, t in enumerate(trees):
            k = len(t["value"])
            self._feature[i, :k] = t["feature"]
            self._threshold[i, :k] = t["threshold"]
            self._left[i, :k] = t["left"]
            self._right[i, :k] = t["right"]
            self._value[i, :k] = t["value"]
        self._depth = max((t.get("depth", 0) for t in trees), default=0)

    @classmethod
    def from_sklearn(cls, model, features: list[str]) -> "TreeScorer":
        trees = []
        for estimator in model.estimators_[:, 0]:
            tree = estimator.tree_
            trees.append({
                "feature": [int(f) if f >= 0 else 0 for f in tree.feature],
                "threshold": [round(float(x), 6) for x in tree.threshold],
                "left": [int(x) for x in tree.children_left],
                "right": [int(x) for x in tree.children_right],
                "value": [round(float(v), 7) for v in tree.value[:, 0, 0]],
                "depth": int(tree.max_depth),
            })
        base = float(np.ravel(model.init_.constant_)[0])
        return cls(features, base, float(model.learning_rate), trees)

    def predict(self, X: np.ndarray) -> np.ndarray:
        n = X.shape[0]
        if n == 0 or not self.trees:
            return np.full(n, self.base)
        rows = np.arange(n)[None, :]
        trees = np.arange(len(self.trees))[:, None]
        node = np.zeros((len(self.trees), n), dtype=np.int64)
        for _ in range(self._depth):
            left = self._left[trees, node]
            leaf = left < 0
            goes_left = X[rows, self._feature[trees, node]] <= self._threshold[trees, node]
            node = np.where(leaf, node, np.where(goes_left, left, self._right[trees, node]))
        return self.base + self.rate * self._value[trees, node].sum(axis=0)

    def to_json(self) -> dict:
        return {"type": "gradient_boosted_trees", "features": self.features, "base": self.base,
                "rate": self.rate, "meta": self.meta, "trees": self.trees}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "TreeScorer":
        payload = json.loads(path.read_text(encoding="utf-8"))
        return cls(payload["features"], payload["base"], payload["rate"], payload["trees"], payload.get("meta"))


@lru_cache(maxsize=1)
def default_scorer() -> TreeScorer | None:
    """The shipped model, or None when it is missing (a heuristic score is used then)."""
    try:
        return TreeScorer.load(MODEL_PATH)
    except (OSError, ValueError, KeyError):
        return None
