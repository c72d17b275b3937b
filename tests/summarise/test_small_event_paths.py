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


def test_entry_arrays_are_scipys_canonical_csr(event):
    """The matrices are built from numpy-made CSR arrays: the layout scipy itself gives the
    (sentence, syllable) pairs, repeated pairs counted."""
    candidates, m = event
    rows = np.repeat(np.arange(len(candidates)), [len(c.keys) for c in candidates])
    cols = np.array([m.uni_vocab[t] for c in candidates for t in c.keys])
    counts = sp.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=m.uni.shape)
    assert np.array_equal(counts.indptr, m.uni.indptr) and np.array_equal(counts.indices, m.uni.indices)
    assert counts.data.max() > 1  # some syllable repeats within a sentence
    tfidf = counts.data * m.idf_vector[counts.indices]
    norms = np.sqrt(np.bincount(m.uni_entries.rows, weights=tfidf ** 2))
    assert np.array_equal(m.uni.data, tfidf * (1.0 / norms)[m.uni_entries.rows])
    assert np.array_equal(m.bi_binary.indices, m.bi.indices) and set(m.bi_binary.data) == {1.0}


@pytest.mark.parametrize("pairs_max", [features.PAIRS_MAX, 0])  # numpy pair sums, then scipy's product
def test_bigram_similarity_is_scipys_product_bit_for_bit(event, monkeypatch, pairs_max):
    monkeypatch.setattr(features, "PAIRS_MAX", pairs_max)
    _, m = event
    sim = m.bigram_similarity()
    assert np.array_equal(sim, (m.bi @ m.bi.T).toarray())
    off_diagonal = sim[~np.eye(len(sim), dtype=bool)]
    assert 0 < off_diagonal.max() < 1 and np.allclose(np.diag(sim), 1.0)


def test_article_vectors_are_the_membership_product_in_its_stored_order(event):
    candidates, m = event
    n = len(candidates)
    membership = sp.csr_matrix((np.ones(n), (m.article, np.arange(n))), shape=(m.n_articles, n))
    for mat, entries in ((m.uni, m.uni_entries), (m.bi, m.bi_entries)):
        product = sp.csr_matrix(membership @ mat)  # scipy stores each row's columns unsorted
        owner, columns, values = features._article_vectors(entries.data, entries.indices, entries.rows, m.article,
                                                           m.n_articles, mat.shape[1])
        product_rows = features.rows_of_entries(product)
        assert np.array_equal(owner, product_rows) and np.array_equal(columns, product.indices)
        norms = np.sqrt(np.bincount(product_rows, weights=product.data ** 2))
        assert np.array_equal(values, product.data * (1.0 / norms)[product_rows])


def test_title_similarities_equal_the_sparse_products(event, seed_2plus2, seed_summit):
    candidates, _ = event
    m = build_matrices(candidates, 2, [seed_2plus2.title, seed_summit.title])
    owner = [a for a, ids in enumerate(m.title_ids) for i in ids if i >= 0]
    cols = [i for ids in m.title_ids for i in ids if i >= 0]
    titles = sp.csr_matrix((m.idf_vector[cols], (owner, cols)), shape=(2, m.uni.shape[1]))
    titles_rows = features.rows_of_entries(titles)
    titles.data = titles.data * (1.0 / np.sqrt(np.bincount(titles_rows, weights=titles.data ** 2)))[titles_rows]
    own_products = sp.csr_matrix(m.uni.multiply(titles[m.article]))
    expected_own = np.bincount(features.rows_of_entries(own_products), weights=own_products.data,
                               minlength=len(candidates))
    centroid = np.asarray(titles.sum(axis=0)).ravel()
    expected_all = (m.uni @ centroid) / np.sqrt(np.square(centroid).sum())
    own, to_all = features._title_similarities(m, len(candidates))
    assert np.array_equal(own, expected_own) and np.array_equal(to_all, expected_all)
    assert own.max() > 0.3  # lead sentences share words with their headline
