"""The JSON tree export matches scikit-learn; the shipped model loads; ViMs end to end (when present)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sukien.summarise import summarize
from sukien.summarise.features import FEATURE_NAMES
from sukien.summarise.rouge import tokens
from sukien.summarise.scorer import MODEL_PATH, TreeScorer, default_scorer

REPO = Path(__file__).resolve().parents[2]


def test_tree_export_reproduces_sklearn(tmp_path):
    from sklearn.ensemble import GradientBoostingRegressor

    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 5))
    y = X[:, 0] * 2 - np.abs(X[:, 1]) + rng.normal(scale=0.1, size=400)
    model = GradientBoostingRegressor(n_estimators=30, max_depth=3, learning_rate=0.1, random_state=0).fit(X, y)
    scorer = TreeScorer.from_sklearn(model, [f"f{i}" for i in range(5)])
    scorer.save(tmp_path / "m.json")
    loaded = TreeScorer.load(tmp_path / "m.json")
    X_test = rng.normal(size=(100, 5))
    assert np.allclose(loaded.predict(X_test), model.predict(X_test), atol=1e-5)


def test_shipped_model_matches_the_features():
    scorer = default_scorer()
    assert scorer is not None, f"{MODEL_PATH} missing"
    assert scorer.features == FEATURE_NAMES
    assert MODEL_PATH.stat().st_size < 5_000_000
    assert {"redundancy", "length_exponent", "max_similarity"} <= set(scorer.meta["selection"])


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
