"""An additive model of step functions, stored as JSON and evaluated with numpy.

The bigram-weight model (`concept_model.json`, trained by `train.py`) is a boosted ensemble
of decision stumps (scikit-learn's HistGradientBoostingRegressor with `max_depth=1`). A sum of
stumps is a sum of one step function per feature, so it is compiled into, for every feature,
the sorted split thresholds and the summed contribution of each interval between them.
Scoring is then one `searchsorted` and one table look-up per feature: a 50-article event has
about 12,000 bigrams, and walking hundreds of trees for each of them would cost more than the
whole summary may. No pickle is ever loaded.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


class StepScorer:
    def __init__(self, features: list[str], base: float, steps: list[dict], meta: dict | None = None):
        """`steps[f]`: {"thresholds": sorted t_1..t_k, "values": k + 1 contributions}; a value
        x of feature f falls in interval i = number of thresholds strictly below x (x <= t_i+1)."""
        self.features = features
        self.base = base
        self.steps = steps
        self.meta = meta or {}
        self._thresholds = [np.asarray(s["thresholds"], dtype=np.float64) for s in steps]
        self._values = [np.asarray(s["values"], dtype=np.float64) for s in steps]

    @classmethod
    def from_sklearn_stumps(cls, model, features: list[str]) -> "StepScorer":
        """From a HistGradientBoostingRegressor with max_depth=1 (numeric features, no missing
        values): its leaf values already include the learning rate; `x <= threshold` goes left."""
        base = float(np.ravel(model._baseline_prediction)[0])
        splits: list[list[tuple[float, float, float]]] = [[] for _ in features]
        for (predictor,) in model._predictors:
            nodes = predictor.nodes
            root = nodes[0]
            if root["is_leaf"]:
                base += float(root["value"])
                continue
            if len(nodes) != 3:
                raise ValueError("only stumps (max_depth=1) can be compiled into step functions")
            left, right = nodes[int(root["left"])], nodes[int(root["right"])]
            splits[int(root["feature_idx"])].append((float(root["num_threshold"]), float(left["value"]),
                                                      float(right["value"])))
        steps = []
        for feature_splits in splits:
            thresholds = sorted({t for t, _, _ in feature_splits})
            values = np.zeros(len(thresholds) + 1)
            for t, left, right in feature_splits:
                s = thresholds.index(t)
                values[: s + 1] += left  # intervals at or below t
                values[s + 1:] += right
            steps.append({"thresholds": thresholds, "values": [round(float(v), 7) for v in values]})
        return cls(features, base, steps)

    def predict(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        out = np.full(X.shape[0], self.base)
        for f, (thresholds, values) in enumerate(zip(self._thresholds, self._values)):
            if len(thresholds):
                out += values[np.searchsorted(thresholds, X[:, f], side="left")]
            elif len(values):
                out += values[0]
        return out

    def to_json(self) -> dict:
        return {"type": "additive_step_functions", "features": self.features, "base": self.base,
                "meta": self.meta, "steps": self.steps}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "StepScorer":
        payload = json.loads(path.read_text(encoding="utf-8"))
        return cls(payload["features"], payload["base"], payload["steps"], payload.get("meta"))
