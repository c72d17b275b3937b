"""The JSON tree export matches scikit-learn; the shipped model loads; ViMs end to end (when present)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sukien.summarise import summarize
from sukien.summarise.concepts import CONCEPT_FEATURES, CONCEPT_MODEL_PATH, default_concept_model
from sukien.summarise.rouge import tokens
from sukien.summarise.scorer import StepScorer

REPO = Path(__file__).resolve().parents[2]


def test_step_functions_reproduce_sklearn_stumps(tmp_path):
    from sklearn.ensemble import HistGradientBoostingRegressor

    rng = np.random.default_rng(1)
    X = rng.normal(size=(2000, 4))
    X[:, 3] = rng.integers(0, 2, size=2000)  # a binary feature, as in_title or has_digit
    y = X[:, 0] * 2 - np.abs(X[:, 1]) + X[:, 3] + rng.normal(scale=0.1, size=2000)
    model = HistGradientBoostingRegressor(max_iter=60, max_depth=1, learning_rate=0.2, random_state=0).fit(X, y)
    scorer = StepScorer.from_sklearn_stumps(model, [f"f{i}" for i in range(4)])
    scorer.save(tmp_path / "m.json")
    loaded = StepScorer.load(tmp_path / "m.json")
    X_test = np.vstack([rng.normal(size=(300, 4)), X[:50]])  # training points sit on bin edges
    X_test[:300, 3] = rng.integers(0, 2, size=300)
    assert np.allclose(loaded.predict(X_test), model.predict(X_test), atol=1e-5)
    with pytest.raises(ValueError):
        StepScorer.from_sklearn_stumps(HistGradientBoostingRegressor(max_iter=5, max_depth=3).fit(X, y), list("abcd"))


def test_shipped_concept_model_matches_the_features():
    model = default_concept_model()
    assert model is not None, f"{CONCEPT_MODEL_PATH} missing or trained on other features"
    assert model.features == CONCEPT_FEATURES
    assert CONCEPT_MODEL_PATH.stat().st_size < 5_000_000
    assert {"length_exponent", "weight_threshold", "max_similarity"} <= set(model.meta["selection"])


def _vims_root() -> Path | None:
    from sukien.summarise.data import shared_dir

    shared = shared_dir(REPO)
    root = shared / "data" / "vims-dev" if shared else None
    return root if root and root.is_dir() else None


@pytest.mark.skipif(_vims_root() is None, reason="shared ViMs data not available")
def test_vims_clusters_end_to_end():
    from sukien.summarise.data import load_vims

    clusters = load_vims(_vims_root())[:12]
    for cluster in clusters:
        by_id = {a.id: a for a in cluster.articles}
        assert len(cluster.references) >= 2
        assert not any(r.startswith("Cluster") or "=" in r.split("\n")[0] for r in cluster.references)
        summary = summarize(cluster.articles, max_tokens=200)
        assert summary
        assert sum(len(tokens(s.text)) for s in summary) <= 200
        for s in summary:
            assert by_id[s.article_id].text[s.start:s.end] == s.text
        # the same fact is said once: no near-duplicate pair (syllable-bigram cosine > 0.7)
        bigram_sets = [set(zip(tokens(s.text), tokens(s.text)[1:])) for s in summary]
        for i in range(len(bigram_sets)):
            for j in range(i + 1, len(bigram_sets)):
                a, b = bigram_sets[i], bigram_sets[j]
                assert len(a & b) / max(np.sqrt(len(a) * len(b)), 1) <= 0.7
