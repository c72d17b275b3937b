"""Sentence features for the learned scorer, computed for a whole event at once.

All cluster-level statistics are sparse-matrix products (scipy), so an event of 50 articles
and ~850 sentences costs about 20 ms. The features describe what makes a sentence
summary-worthy in a multi-document setting: where it sits in its article, how long it is,
how central its words are (TF-IDF centroid, background IDF shipped in `idf.json.gz`), how
many *other* articles say the same thing (cross-document support over syllable bigrams),
how close it is to the headlines, and surface cues (numbers, names, quotes, openers).
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from sukien.model import Article
from sukien.summarise.candidates import WORD, Candidate
from sukien.text import match_key

_IDF_PATH = Path(__file__).with_name("idf.json.gz")

FEATURE_NAMES = [
    "pos_index", "pos_rel", "is_first", "inv_pos", "paragraph", "n_tokens", "log_len",
    "centroid_uni", "centroid_bi", "af_uni_mean", "af_uni_idf_mean", "af_bi_mean", "af_bi_sum",
    "support_max", "support_mean", "support_n03", "support_n05", "title_own", "title_all",
    "lexrank", "digit_frac", "caps_frac", "has_quote", "starts_quote", "dangling",
    "log_articles", "log_article_sents", "idf_mean", "question",
    "rank_centroid_uni", "rank_af_bi_mean", "rank_support_mean", "rank_lexrank", "rank_title_all",
    "lead_bi_any", "lead_bi_mean", "af_bi_content_mean",
    "title_bi", "article_centrality", "rel_af_bi_mean", "rel_support_mean", "rel_centroid_bi",
]


@lru_cache(maxsize=1)
def background_idf() -> tuple[dict[str, float], float]:
    """Syllable IDF from a news corpus (see DATA_CARD.md); unseen syllables get the maximum."""
    if not _IDF_PATH.exists():
        return {}, 1.0
    with gzip.open(_IDF_PATH, "rt", encoding="utf-8") as f:
        payload = json.load(f)
    return payload["idf"], float(payload["default"])


@dataclass
class EventMatrices:
    """Sparse views of an event's usable sentences, shared by features and selection."""

    uni: sp.csr_matrix  # sentence x syllable, TF-IDF, rows L2-normalised
    bi: sp.csr_matrix  # sentence x syllable bigram, counts, rows L2-normalised
    bi_binary: sp.csr_matrix  # sentence x bigram presence
    article: np.ndarray  # article index of each sentence
    n_articles: int
    uni_vocab: dict[str, int]
    idf_vector: np.ndarray  # background IDF of every uni_vocab column
    bigram_codes: np.ndarray  # code (first id * n_uni + second id) of every bigram column

    def bigram_similarity(self) -> np.ndarray:
        """Dense sentence x sentence syllable-bigram cosine."""
        return self.bigram_similarity_sparse().toarray()

    def bigram_similarity_sparse(self) -> sp.csr_matrix:
        return sp.csr_matrix(self.bi @ self.bi.T)


def _csr(rows: list[list[int]], n_cols: int, weights: list[list[float]] | None = None) -> sp.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    if weights is None:
        data = np.ones(len(indices), dtype=np.float64)
    else:
        data = np.fromiter((w for r in weights for w in r), dtype=np.float64, count=int(indptr[-1]))
    m = sp.csr_matrix((data, indices, indptr), shape=(len(rows), max(n_cols, 1)))
    m.sum_duplicates()
    return m


# Events are small (most have a few articles and a few dozen sentences), so scipy's per-call
# overhead outweighs the arithmetic: rows are scaled and summed on the CSR arrays directly
# instead of through diagonal-matrix products.

def _entry_rows(m: sp.csr_matrix) -> np.ndarray:
    """Row index of every stored entry of `m`."""
    return np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))


def _row_sums(m: sp.csr_matrix, values: np.ndarray | None = None) -> np.ndarray:
    """Per-row sums of `values` (one per stored entry; default: the entries themselves)."""
    return np.bincount(_entry_rows(m), weights=m.data if values is None else values, minlength=m.shape[0])


def _column_sums(m: sp.csr_matrix) -> np.ndarray:
    return np.bincount(m.indices, weights=m.data, minlength=m.shape[1])


def _scale_rows(m: sp.csr_matrix, factors: np.ndarray) -> sp.csr_matrix:
    return sp.csr_matrix((m.data * np.repeat(factors, np.diff(m.indptr)), m.indices, m.indptr), shape=m.shape)


def _scale_columns(m: sp.csr_matrix, factors: np.ndarray) -> sp.csr_matrix:
    return sp.csr_matrix((m.data * factors[m.indices], m.indices, m.indptr), shape=m.shape)


def _l2_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    m = sp.csr_matrix(m)
    norms = np.sqrt(_row_sums(m, np.square(m.data)))
    norms[norms == 0] = 1.0
    return _scale_rows(m, 1.0 / norms)


def _ids(items: list[list], vocab: dict) -> list[list[int]]:
    return [[vocab.setdefault(t, len(vocab)) for t in row] for row in items]


def build_matrices(candidates: list[Candidate], n_articles: int) -> EventMatrices:
    idf, default_idf = background_idf()
    all_keys = list(chain.from_iterable(c.keys for c in candidates))
    uni_vocab = {t: i for i, t in enumerate(dict.fromkeys(all_keys))}
    flat = np.fromiter(map(uni_vocab.__getitem__, all_keys), dtype=np.int64, count=len(all_keys))
    lengths = np.fromiter((len(c.keys) for c in candidates), dtype=np.int64, count=len(candidates))
    row_of = np.repeat(np.arange(len(candidates)), lengths)
    n_rows, n_uni = len(candidates), max(len(uni_vocab), 1)
    vocab_idf = np.full(n_uni, default_idf)
    for term, i in uni_vocab.items():
        vocab_idf[i] = idf.get(term, default_idf)
    uni_counts = sp.csr_matrix((np.ones(len(flat)), (row_of, flat)), shape=(n_rows, n_uni))
    uni = _l2_rows(_scale_columns(uni_counts, vocab_idf))
    # syllable bigrams: consecutive ids within one sentence, coded as one integer
    same_sentence = row_of[1:] == row_of[:-1]
    codes = flat[:-1][same_sentence] * n_uni + flat[1:][same_sentence]
    bigram_codes, bigram_ids = np.unique(codes, return_inverse=True)
    n_bi = int(bigram_ids.max()) + 1 if len(bigram_ids) else 1
    bi_counts = sp.csr_matrix((np.ones(len(codes)), (row_of[:-1][same_sentence], bigram_ids)), shape=(n_rows, n_bi))
    bi_binary = bi_counts.copy()
    bi_binary.data[:] = 1.0
    return EventMatrices(
        uni=uni,
        bi=_l2_rows(bi_counts),
        bi_binary=bi_binary,
        article=np.array([c.article for c in candidates], dtype=np.int64),
        n_articles=n_articles,
        uni_vocab=uni_vocab,
        idf_vector=vocab_idf,
        bigram_codes=bigram_codes,
    )


def _norm(v: np.ndarray) -> float:
    return float(np.sqrt(np.square(v).sum()))  # no BLAS call: these vectors are small


def _percentile(x: np.ndarray) -> np.ndarray:
    if len(x) <= 1:
        return np.ones_like(x)
    order = np.argsort(np.argsort(x, kind="stable"), kind="stable")
    return order / (len(x) - 1)


DENSE_FREQUENCY_MAX = 4_000_000  # article x term flags up to which counting is dense


def article_frequency(binary: sp.csr_matrix, article: np.ndarray, selected: np.ndarray | None = None) -> np.ndarray:
    """How many articles contain each column term (counting only the `selected` rows, when
    given). `binary` stores no zeros. Counted on the entry arrays: a membership-matrix product
    per call cost more in scipy's overhead than in arithmetic on these small matrices."""
    n_cols = binary.shape[1]
    rows, columns = _entry_rows(binary), binary.indices
    if selected is not None:
        keep = selected[rows]
        rows, columns = rows[keep], columns[keep]
    n_articles = int(article.max()) + 1 if len(article) else 1
    if n_articles * n_cols <= DENSE_FREQUENCY_MAX:  # article x term flags: no sort needed
        seen = np.zeros((n_articles, n_cols), dtype=bool)
        seen[article[rows], columns] = True
        return np.count_nonzero(seen, axis=0).astype(np.float64)
    pairs = np.unique(article[rows] * n_cols + columns)  # distinct (article, term)
    return np.bincount(pairs % n_cols, minlength=n_cols).astype(np.float64)


def _row_mean_over_terms(binary: sp.csr_matrix, values_per_entry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum and mean over each row's distinct terms of a per-entry value."""
    sums = _row_sums(binary, values_per_entry)
    counts = np.diff(binary.indptr).astype(np.float64)
    return sums, sums / np.maximum(counts, 1.0)


DENSE_LEXRANK_MAX = 500  # sentences up to which dense steps are cheaper than sparse calls


def _lexrank(sim: sp.csr_matrix, threshold: float = 0.1, damping: float = 0.85, iterations: int = 30,
             dense_sim: np.ndarray | None = None) -> np.ndarray:
    """LexRank (PageRank over the thresholded cosine graph). With `dense_sim` (the same matrix,
    dense) a small graph is built densely: the same transition values, no sparse calls."""
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    if dense_sim is not None and n <= DENSE_LEXRANK_MAX:
        return _dense_lexrank(dense_sim, threshold, damping, iterations)
    adj = sim.copy()
    adj.data = (adj.data > threshold).astype(np.float64)
    adj.eliminate_zeros()
    degree = _row_sums(adj)
    degree[degree == 0] = 1.0
    transition_t = sp.csr_matrix(_scale_rows(adj, 1.0 / degree).T)
    if n <= DENSE_LEXRANK_MAX:
        transition_t = transition_t.toarray()
    return _power_steps(transition_t, damping, iterations)


def _dense_lexrank(sim: np.ndarray, threshold: float, damping: float, iterations: int) -> np.ndarray:
    adj = (sim > threshold).astype(np.float64)
    degree = adj.sum(axis=1)  # whole numbers: exact in any order
    degree[degree == 0] = 1.0
    transition_t = np.ascontiguousarray((adj * (1.0 / degree)[:, None]).T)
    return _power_steps(transition_t, damping, iterations)


def _power_steps(transition_t, damping: float, iterations: int) -> np.ndarray:
    n = transition_t.shape[0]
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * (transition_t @ rank)
    return rank * n


def compute_features(candidates: list[Candidate], articles: list[Article], m: EventMatrices | None = None,
                     sim_bi: np.ndarray | None = None) -> tuple[np.ndarray, EventMatrices, np.ndarray]:
    """Feature matrix (n x len(FEATURE_NAMES)), the event matrices and the bigram similarity.

    `candidates` must come grouped by article in article order, as `build_candidates` gives them.
    """
    n = len(candidates)
    n_articles = max(len(articles), 1)
    if m is None:
        m = build_matrices(candidates, n_articles)
    sim_bi_sparse = None
    if sim_bi is None:
        sim_bi_sparse = m.bigram_similarity_sparse()
        sim_bi = sim_bi_sparse.toarray()
    X = np.zeros((n, len(FEATURE_NAMES)))
    if n == 0:
        return X, m, sim_bi
    col = {name: i for i, name in enumerate(FEATURE_NAMES)}
    art = m.article
    membership = sp.csr_matrix((np.ones(n), (art, np.arange(n))), shape=(n_articles, n))
    total_sents = np.array([max(1, a_len) for a_len in _article_sentence_counts(candidates, n_articles)])

    index = np.array([c.index for c in candidates], dtype=np.float64)
    X[:, col["pos_index"]] = np.minimum(index, 30)
    X[:, col["pos_rel"]] = index / total_sents[art]
    X[:, col["is_first"]] = index == 0
    X[:, col["inv_pos"]] = 1.0 / (index + 1)
    X[:, col["paragraph"]] = np.minimum([c.paragraph for c in candidates], 30)
    n_tok = np.array([c.n_tokens for c in candidates], dtype=np.float64)
    X[:, col["n_tokens"]] = n_tok
    X[:, col["log_len"]] = np.log1p(n_tok)

    # centroids: mean of per-article vectors, so long articles do not dominate
    for name, mat in (("centroid_uni", m.uni), ("centroid_bi", m.bi)):
        per_article = _l2_rows(sp.csr_matrix(membership @ mat))
        centroid = _column_sums(per_article)
        norm = _norm(centroid)
        X[:, col[name]] = (mat @ centroid) / norm if norm else 0.0
        if name == "centroid_uni" and norm:
            X[:, col["article_centrality"]] = (per_article @ centroid)[art] / norm

    others = max(n_articles - 1, 1)
    uni_binary = m.uni.copy()
    uni_binary.data[:] = 1.0
    af_uni = article_frequency(uni_binary, art)
    entry_af = (af_uni[uni_binary.indices] - 1.0) / others
    _, X[:, col["af_uni_mean"]] = _row_mean_over_terms(uni_binary, entry_af)
    # TF-IDF weights of the row (before normalisation they were idf; ratios are what matter)
    weights = m.uni.data
    wsum = _row_sums(uni_binary, entry_af * weights)
    totals = _row_sums(m.uni)
    X[:, col["af_uni_idf_mean"]] = wsum / np.maximum(totals, 1e-9)

    af_bi = article_frequency(m.bi_binary, art)
    entry_bi = (af_bi[m.bi_binary.indices] - 1.0) / others
    X[:, col["af_bi_sum"]], X[:, col["af_bi_mean"]] = _row_mean_over_terms(m.bi_binary, entry_bi)
    n_uni = len(m.idf_vector)
    content = np.minimum(m.idf_vector[m.bigram_codes // n_uni], m.idf_vector[m.bigram_codes % n_uni])
    entry_content = content[m.bi_binary.indices]
    weighted_af, _ = _row_mean_over_terms(m.bi_binary, entry_bi * entry_content)
    content_total, _ = _row_mean_over_terms(m.bi_binary, entry_content)
    X[:, col["af_bi_content_mean"]] = weighted_af / np.maximum(content_total, 1e-9)

    # bigrams of the leads (first two sentences) of the other articles
    lead = (index <= 1).astype(np.float64)
    lead_af = article_frequency(m.bi_binary, art, index <= 1)
    entry_lead = lead_af[m.bi_binary.indices] - np.repeat(lead, np.diff(m.bi_binary.indptr))
    entry_lead = np.maximum(entry_lead, 0.0)
    _, X[:, col["lead_bi_any"]] = _row_mean_over_terms(m.bi_binary, (entry_lead > 0).astype(np.float64))
    _, X[:, col["lead_bi_mean"]] = _row_mean_over_terms(m.bi_binary, entry_lead / others)

    # cross-document support: best match in every other article
    # candidates come grouped by article, in article order
    starts = np.flatnonzero(np.r_[True, art[1:] != art[:-1]])
    best_per_article = np.maximum.reduceat(sim_bi, starts, axis=1)
    own_column = np.searchsorted(art[starts], art)
    best_per_article[np.arange(n), own_column] = 0.0
    X[:, col["support_max"]] = best_per_article.max(axis=1)
    X[:, col["support_mean"]] = best_per_article.sum(axis=1) / others
    X[:, col["support_n03"]] = (best_per_article > 0.3).sum(axis=1) / others
    X[:, col["support_n05"]] = (best_per_article > 0.5).sum(axis=1) / others

    titles = _title_vectors(articles, m)
    if titles is not None:
        own = _row_sums(sp.csr_matrix(m.uni.multiply(titles[art])))  # each sentence against its own headline
        X[:, col["title_own"]] = own
        title_centroid = _column_sums(titles)
        norm = _norm(title_centroid)
        X[:, col["title_all"]] = (m.uni @ title_centroid) / norm if norm else 0.0

    X[:, col["lexrank"]] = _lexrank(m.bigram_similarity_sparse() if sim_bi_sparse is None else sim_bi_sparse,
                                    dense_sim=sim_bi)
    X[:, col["title_bi"]] = _title_bigram_share(articles, m)

    digit, caps, quote, starts_quote, question = _surface(candidates)
    X[:, col["digit_frac"]] = digit
    X[:, col["caps_frac"]] = caps
    X[:, col["has_quote"]] = quote
    X[:, col["starts_quote"]] = starts_quote
    X[:, col["question"]] = question
    X[:, col["dangling"]] = [c.dangling for c in candidates]
    X[:, col["log_articles"]] = math.log(n_articles)
    X[:, col["log_article_sents"]] = np.log(total_sents[art])
    raw_idf = _row_sums(uni_binary, m.idf_vector[uni_binary.indices])
    X[:, col["idf_mean"]] = raw_idf / np.maximum(np.diff(uni_binary.indptr), 1)

    for name in ("centroid_uni", "af_bi_mean", "support_mean", "lexrank", "title_all"):
        X[:, col["rank_" + name]] = _percentile(X[:, col[name]])
    for name in ("af_bi_mean", "support_mean", "centroid_bi"):
        top = X[:, col[name]].max()
        X[:, col["rel_" + name]] = X[:, col[name]] / top if top > 0 else 0.0
    return X, m, sim_bi


def _article_sentence_counts(candidates: list[Candidate], n_articles: int) -> list[int]:
    counts = [0] * n_articles
    for c in candidates:
        counts[c.article] = max(counts[c.article], c.index + 1)
    return counts


def _title_vectors(articles: list[Article], m: EventMatrices) -> sp.csr_matrix | None:
    vocab = m.uni_vocab
    rows, weights = [], []
    idf_vector = m.idf_vector
    for article in articles:
        ids = [vocab[t] for t in title_keys(article.title) if t in vocab]
        rows.append(ids)
        weights.append([idf_vector[i] for i in ids])
    if not any(rows):
        return None
    return _l2_rows(_csr(rows, m.uni.shape[1], weights))


def _title_bigram_share(articles: list[Article], m: EventMatrices) -> np.ndarray:
    """Share of each sentence's distinct bigrams that occur in some headline of the event."""
    n_uni = len(m.idf_vector)
    codes = set()
    for article in articles:
        ids = [m.uni_vocab.get(t, -1) for t in title_keys(article.title)]
        codes.update(a * n_uni + b for a, b in zip(ids, ids[1:]) if a >= 0 and b >= 0)
    in_title = np.isin(m.bigram_codes, np.fromiter(codes, dtype=np.int64, count=len(codes)))
    _, share = _row_mean_over_terms(m.bi_binary, in_title[m.bi_binary.indices].astype(np.float64))
    return share


def title_keys(title: str) -> list[str]:
    return WORD.findall(match_key(title or ""))


def _surface(candidates: list[Candidate]) -> tuple[np.ndarray, ...]:
    """Share of number tokens and of capitalised words (names), quotes, questions."""
    n = len(candidates)
    words = np.array([max(len(c.keys), 1) for c in candidates], dtype=np.float64)
    digit = np.array([c.n_numbers for c in candidates], dtype=np.float64) / words
    # the first word is capitalised anyway
    caps = np.maximum(np.array([c.n_capitalised for c in candidates], dtype=np.float64) - 1, 0) / np.maximum(words - 1, 1)
    quote, starts_quote, question = np.zeros(n), np.zeros(n), np.zeros(n)
    for i, c in enumerate(candidates):
        quote[i] = '"' in c.text or "“" in c.text or "”" in c.text
        starts_quote[i] = c.text[:1] in "\"“‘'"
        question[i] = c.text.rstrip(" \"”’)").endswith("?")
    return digit, caps, quote, starts_quote, question
