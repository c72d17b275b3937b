"""The small-event fast paths (dense LexRank, article frequencies on entry arrays) give exactly
what the sparse matrix products give, on a real Vietnamese two-article event."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from sukien.summarise.candidates import build_candidates
from sukien.summarise.features import _lexrank, article_frequency, build_matrices
import sukien.summarise.features as features


@pytest.fixture
def event(seed_2plus2, seed_summit):
    articles = [seed_2plus2, seed_summit]
    candidates = [c for c in build_candidates(articles) if c.usable]
    return candidates, build_matrices(candidates, len(articles))


def _frequency_by_product(binary: sp.csr_matrix, article: np.ndarray, weights: np.ndarray) -> np.ndarray:
    membership = sp.csr_matrix((weights, (article, np.arange(len(article)))), shape=(article.max() + 1, len(article)))
    per_article = membership @ binary
    per_article.data[:] = 1.0
    per_article.eliminate_zeros()
    return np.asarray(per_article.sum(axis=0)).ravel()


@pytest.mark.parametrize("dense_max", [features.DENSE_FREQUENCY_MAX, 0])  # flags, then sorted pairs
def test_article_frequency_matches_the_membership_product(event, monkeypatch, dense_max):
    monkeypatch.setattr(features, "DENSE_FREQUENCY_MAX", dense_max)
    candidates, m = event
    index = np.array([c.index for c in candidates])
    assert len(set(m.article)) == 2
    for binary in (m.bi_binary, sp.csr_matrix((np.ones(m.uni.nnz), m.uni.indices, m.uni.indptr), shape=m.uni.shape)):
        df = article_frequency(binary, m.article)
        assert np.array_equal(df, _frequency_by_product(binary, m.article, np.ones(len(candidates))))
        assert df.max() == 2  # some terms are in both articles
        leads = article_frequency(binary, m.article, index <= 1)
        assert np.array_equal(leads, _frequency_by_product(binary, m.article, (index <= 1).astype(float)))
        assert 0 < leads.sum() < df.sum()


def test_dense_lexrank_equals_the_sparse_one_exactly(event):
    _, m = event
    sim = m.bigram_similarity_sparse()
    sparse_rank = _lexrank(sim)
    dense_rank = _lexrank(sim, dense_sim=sim.toarray())
    assert np.array_equal(dense_rank, sparse_rank)
    assert dense_rank.std() > 0  # a real graph, not a uniform rank
