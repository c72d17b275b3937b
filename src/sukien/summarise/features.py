"""Sentence features for the learned scorer, computed for a whole event at once.

All cluster-level statistics are sums over the stored entries of the event's sparse
sentence x term matrices, computed on their CSR arrays with numpy (`np.bincount` adds in
entry order, as scipy's products do, so the values are those of the sparse products to the
last bit): most events have two or three articles, and scipy's per-call overhead cost more
than the arithmetic. An event of 50 articles and ~850 sentences costs about 20 ms.

The features describe what makes a sentence summary-worthy in a multi-document setting:
where it sits in its article, how long it is, how central its words are (TF-IDF centroid,
background IDF shipped in `idf.json.gz`), how many *other* articles say the same thing
(cross-document support over syllable bigrams), how close it is to the headlines, and
surface cues (numbers, names, quotes, openers).
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

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


class Entries(NamedTuple):
    """CSR arrays of a sentence x term matrix, with the row of every stored entry."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    rows: np.ndarray
    shape: tuple[int, int]

    def csr(self, data: np.ndarray | None = None) -> sp.csr_matrix:
        return sp.csr_matrix((self.data if data is None else data, self.indices, self.indptr), shape=self.shape)


PAIRS_MAX = 2_000_000  # sentence pairs sharing a bigram up to which the similarity is summed in numpy


@dataclass
class EventMatrices:
    """Sparse views of an event's usable sentences, shared by features and selection.

    The matrices are built from their CSR arrays directly (numpy), and the features are
    computed on those arrays: an event has a few articles and a few dozen sentences, so scipy's
    per-call overhead would outweigh the arithmetic. Every sum runs over the stored entries in
    the order scipy's own products would add them, so the values are the same to the last bit.
    The scipy matrices are built only when asked for.
    """

    uni_entries: Entries  # sentence x syllable, TF-IDF, rows L2-normalised
    bi_entries: Entries  # sentence x syllable bigram, counts, rows L2-normalised
    article: np.ndarray  # article index of each sentence
    n_articles: int
    uni_vocab: dict[str, int]
    idf_vector: np.ndarray  # background IDF of every uni_vocab column
    bigram_codes: np.ndarray  # code (first id * n_uni + second id) of every bigram column
    title_ids: list[list[int]]  # uni_vocab id of every headline syllable, per article (-1: unknown)
    title_bigram_counts: np.ndarray  # in how many headlines each bigram column occurs

    @cached_property
    def uni(self) -> sp.csr_matrix:
        return self.uni_entries.csr()

    @cached_property
    def bi(self) -> sp.csr_matrix:
        return self.bi_entries.csr()

    @cached_property
    def bi_binary(self) -> sp.csr_matrix:
        """Sentence x bigram presence."""
        return self.bi_entries.csr(np.ones(len(self.bi_entries.data)))

    @cached_property
    def by_bigram(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The bigram x sentence transpose's layout: (entry of `bi_entries` at each of its
        positions (by bigram, sentences ascending), start of each bigram, entries per bigram)."""
        indices = self.bi_entries.indices
        counts = np.bincount(indices, minlength=self.bi_entries.shape[1])
        return np.argsort(indices, kind="stable"), np.cumsum(counts) - counts, counts

    def bigram_similarity(self) -> np.ndarray:
        """Dense sentence x sentence syllable-bigram cosine."""
        order, starts, counts = self.by_bigram
        per_entry = counts[self.bi_entries.indices]  # sentences sharing the entry's bigram (itself too)
        if int(per_entry.sum()) > PAIRS_MAX:
            return self.bigram_similarity_sparse().toarray()
        return _pair_sums(self.bi_entries, order, starts, per_entry)

    def bigram_similarity_sparse(self) -> sp.csr_matrix:
        return sp.csr_matrix(self.bi @ self.bi.T)


def _pair_sums(entries: Entries, order: np.ndarray, starts: np.ndarray, per_entry: np.ndarray) -> np.ndarray:
    """Dense rows x rows products `m @ m.T` of the CSR matrix `entries`, summed as scipy's
    sparse product does: for each row, over its entries in column order, so bit for bit the same.
    `order`, `starts`: its entries grouped by column, rows ascending, and where each column starts."""
    n = entries.shape[0]
    entry = np.repeat(np.arange(len(per_entry)), per_entry)
    first_pair = np.cumsum(per_entry) - per_entry
    partner = order[np.repeat(starts[entries.indices] - first_pair, per_entry) + np.arange(len(entry))]
    rows = entries.rows
    return np.bincount(rows[entry] * n + rows[partner], weights=entries.data[entry] * entries.data[partner],
                       minlength=n * n).reshape(n, n)


def _csr_of_pairs(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> tuple[np.ndarray, ...]:
    """(counts, indices, indptr, entry rows) of the (row, col) pairs, repeated pairs counted:
    the canonical CSR arrays scipy builds from them (columns sorted within each row)."""
    codes, counts = np.unique(rows * n_cols + cols, return_counts=True)
    entry_rows = codes // n_cols
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(entry_rows, minlength=n_rows), out=indptr[1:])
    return counts.astype(np.float64), codes % n_cols, indptr, entry_rows


def _l2_normalised(data: np.ndarray, entry_rows: np.ndarray, n_rows: int) -> np.ndarray:
    """Entry values with every row scaled to unit length (empty rows stay empty)."""
    norms = np.sqrt(np.bincount(entry_rows, weights=np.square(data), minlength=n_rows))
    norms[norms == 0] = 1.0
    return data * (1.0 / norms)[entry_rows]


def sum_by_row(entry_rows: np.ndarray, values: np.ndarray, n_rows: int) -> np.ndarray:
    """Per-row sums of one value per stored entry, added in entry order (as scipy's products do)."""
    return np.bincount(entry_rows, weights=values, minlength=n_rows)


def rows_of_entries(m: sp.csr_matrix) -> np.ndarray:
    """Row index of every stored entry of `m`."""
    return np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))


def build_matrices(candidates: list[Candidate], n_articles: int, titles: list[str] | None = None) -> EventMatrices:
    """The event's matrices, from each sentence's syllables (`Candidate.keys`) and, when
    given, the headline of every article (in article order)."""
    idf, default_idf = background_idf()
    uni_vocab: dict[str, int] = {}  # ids in order of first appearance
    flat = np.array([uni_vocab.setdefault(t, len(uni_vocab)) for c in candidates for t in c.keys], dtype=np.int64)
    lengths = np.fromiter((len(c.keys) for c in candidates), dtype=np.int64, count=len(candidates))
    row_of = np.repeat(np.arange(len(candidates)), lengths)
    n_rows, n_uni = len(candidates), max(len(uni_vocab), 1)
    vocab_idf = np.full(n_uni, default_idf)
    vocab_idf[:len(uni_vocab)] = np.fromiter(map(idf.get, uni_vocab, repeat(default_idf)), dtype=np.float64,
                                             count=len(uni_vocab))
    counts, uni_indices, uni_indptr, uni_rows = _csr_of_pairs(row_of, flat, n_rows, n_uni)
    uni_data = _l2_normalised(counts * vocab_idf[uni_indices], uni_rows, n_rows)
    # syllable bigrams: consecutive ids within one sentence, coded as one integer
    same_sentence = row_of[1:] == row_of[:-1]
    codes = flat[:-1][same_sentence] * n_uni + flat[1:][same_sentence]
    bigram_codes, bigram_ids = np.unique(codes, return_inverse=True)
    n_bi = int(bigram_ids.max()) + 1 if len(bigram_ids) else 1
    counts, bi_indices, bi_indptr, bi_rows = _csr_of_pairs(row_of[:-1][same_sentence], bigram_ids, n_rows, n_bi)
    title_ids = [[uni_vocab.get(t, -1) for t in title_keys(title)] for title in titles or []]
    return EventMatrices(
        uni_entries=Entries(uni_data, uni_indices, uni_indptr, uni_rows, (n_rows, n_uni)),
        bi_entries=Entries(_l2_normalised(counts, bi_rows, n_rows), bi_indices, bi_indptr, bi_rows, (n_rows, n_bi)),
        article=np.array([c.article for c in candidates], dtype=np.int64),
        n_articles=n_articles,
        uni_vocab=uni_vocab,
        idf_vector=vocab_idf,
        bigram_codes=bigram_codes,
        title_ids=title_ids,
        title_bigram_counts=title_bigram_counts(title_ids, bigram_codes, n_uni),
    )


def headline_ids(articles: list[Article], uni_vocab: dict[str, int]) -> list[list[int]]:
    """uni_vocab id of every headline syllable, per article (-1: in no sentence)."""
    return [[uni_vocab.get(t, -1) for t in title_keys(article.title)] for article in articles]


def title_bigram_counts(title_ids: list[list[int]], bigram_codes: np.ndarray, n_uni: int) -> np.ndarray:
    """In how many headlines each bigram column occurs."""
    counts = np.zeros(len(bigram_codes))
    for ids in title_ids:
        codes = {a * n_uni + b for a, b in zip(ids, ids[1:]) if a >= 0 and b >= 0}
        if codes:
            counts[matching_columns(bigram_codes, codes)] += 1
    return counts


def matching_columns(sorted_codes: np.ndarray, codes: set[int]) -> np.ndarray:
    """Column indices of `codes` that occur in `sorted_codes`."""
    wanted = np.fromiter(codes, dtype=np.int64, count=len(codes))
    where = np.searchsorted(sorted_codes, wanted)
    inside = where < len(sorted_codes)
    where, wanted = where[inside], wanted[inside]
    return where[sorted_codes[where] == wanted]


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
    given). `binary` stores no zeros."""
    return article_frequency_of_entries(binary.indices, rows_of_entries(binary), binary.shape[1], article, selected)


def article_frequency_of_entries(columns: np.ndarray, rows: np.ndarray, n_cols: int, article: np.ndarray,
                       selected: np.ndarray | None = None) -> np.ndarray:
    """`article_frequency` on the entry arrays (column and row of every stored entry): a
    membership-matrix product per call cost more in scipy's overhead than in arithmetic."""
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


def _row_mean_over_terms(entry_rows: np.ndarray, terms_per_row: np.ndarray,
                         values_per_entry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum and mean over each row's distinct terms of a per-entry value."""
    sums = sum_by_row(entry_rows, values_per_entry, len(terms_per_row))
    return sums, sums / np.maximum(terms_per_row, 1.0)


def _article_vectors(data: np.ndarray, indices: np.ndarray, entry_rows: np.ndarray, article: np.ndarray,
                     n_articles: int, n_cols: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article, column, value) entries of the sum of each article's sentence rows, L2-normalised:
    what `membership @ rows` gives, stored in scipy's order (each article's columns in reverse
    order of first appearance), which fixes the order of the norm's sum."""
    pairs = article[entry_rows] * n_cols + indices
    keys, first, inverse = np.unique(pairs, return_index=True, return_inverse=True)
    sums = np.bincount(inverse, weights=data)  # each sentence's entry added in sentence order
    order = np.lexsort((-first, keys // n_cols))
    owner, columns, sums = keys[order] // n_cols, keys[order] % n_cols, sums[order]
    return owner, columns, _l2_normalised(sums, owner, n_articles)


def _title_matrix(title_ids: list[list[int]], idf_vector: np.ndarray, n_cols: int) -> tuple[np.ndarray, ...] | None:
    """Headline x syllable TF-IDF, rows L2-normalised, as sorted (code, value) entries with code
    article * n_cols + column; None when no headline syllable occurs in a sentence."""
    owner = np.fromiter((a for a, ids in enumerate(title_ids) for i in ids if i >= 0), dtype=np.int64)
    columns = np.fromiter((i for ids in title_ids for i in ids if i >= 0), dtype=np.int64, count=len(owner))
    if not len(owner):
        return None
    codes, inverse = np.unique(owner * n_cols + columns, return_inverse=True)
    weights = np.bincount(inverse, weights=idf_vector[columns])  # a repeated syllable adds its idf again
    return codes, _l2_normalised(weights, codes // n_cols, len(title_ids))


def _title_similarities(m: EventMatrices, n: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Cosine of every sentence with its own article's headline, and with the headlines' centroid."""
    uni = m.uni_entries
    n_uni = uni.shape[1]
    titles = _title_matrix(m.title_ids, m.idf_vector, n_uni)
    if titles is None:
        return None
    codes, values = titles
    wanted = m.article[uni.rows] * n_uni + uni.indices
    where = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
    own_title = np.where(codes[where] == wanted, values[where], 0.0)  # zeros add nothing to a sum
    own = sum_by_row(uni.rows, uni.data * own_title, n)
    title_centroid = np.bincount(codes % n_uni, weights=values, minlength=n_uni)
    norm = _norm(title_centroid)
    centroid = sum_by_row(uni.rows, uni.data * title_centroid[uni.indices], n) / norm if norm else 0.0
    return own, centroid


DENSE_LEXRANK_MAX = 500  # sentences up to which dense steps are cheaper than sparse calls


def _lexrank(sim: sp.csr_matrix | None, threshold: float = 0.1, damping: float = 0.85, iterations: int = 30,
             dense_sim: np.ndarray | None = None) -> np.ndarray:
    """LexRank (PageRank over the thresholded cosine graph). With `dense_sim` (the same matrix,
    dense) a small graph is built densely: the same transition values, no sparse calls; a
    large one needs `sim` (sparse), or builds it from `dense_sim`."""
    n = sim.shape[0] if sim is not None else dense_sim.shape[0]
    if n == 0:
        return np.zeros(0)
    if dense_sim is not None and n <= DENSE_LEXRANK_MAX:
        return _dense_lexrank(dense_sim, threshold, damping, iterations)
    adj = sp.csr_matrix(dense_sim) if sim is None else sim.copy()
    adj.data = (adj.data > threshold).astype(np.float64)
    adj.eliminate_zeros()
    degree = sum_by_row(rows_of_entries(adj), adj.data, n)
    degree[degree == 0] = 1.0
    scaled = adj.data * (1.0 / degree)[rows_of_entries(adj)]
    transition = sp.csr_matrix((scaled, adj.indices, adj.indptr), shape=adj.shape)
    transition_t = sp.csr_matrix(transition.T)
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
        m = build_matrices(candidates, n_articles, [article.title for article in articles])
    if sim_bi is None:
        sim_bi = m.bigram_similarity()
    X = np.zeros((n, len(FEATURE_NAMES)))
    if n == 0:
        return X, m, sim_bi
    col = {name: i for i, name in enumerate(FEATURE_NAMES)}
    art = m.article
    total_sents = np.array([max(1, a_len) for a_len in _article_sentence_counts(candidates, n_articles)])
    uni, bi = m.uni_entries, m.bi_entries
    uni_rows, bi_rows, bi_indices = uni.rows, bi.rows, bi.indices
    uni_terms = np.diff(uni.indptr).astype(np.float64)  # distinct syllables of each sentence
    bi_terms = np.diff(bi.indptr).astype(np.float64)

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
    for name, mat, rows in (("centroid_uni", uni, uni_rows), ("centroid_bi", bi, bi_rows)):
        owner, columns, values = _article_vectors(mat.data, mat.indices, rows, art, n_articles, mat.shape[1])
        centroid = np.bincount(columns, weights=values, minlength=mat.shape[1])
        norm = _norm(centroid)
        X[:, col[name]] = sum_by_row(rows, mat.data * centroid[mat.indices], n) / norm if norm else 0.0
        if name == "centroid_uni" and norm:
            per_article = sum_by_row(owner, values * centroid[columns], n_articles)
            X[:, col["article_centrality"]] = per_article[art] / norm

    others = max(n_articles - 1, 1)
    af_uni = article_frequency_of_entries(uni.indices, uni_rows, uni.shape[1], art)
    entry_af = (af_uni[uni.indices] - 1.0) / others
    _, X[:, col["af_uni_mean"]] = _row_mean_over_terms(uni_rows, uni_terms, entry_af)
    # TF-IDF weights of the row (before normalisation they were idf; ratios are what matter)
    wsum = sum_by_row(uni_rows, entry_af * uni.data, n)
    totals = sum_by_row(uni_rows, uni.data, n)
    X[:, col["af_uni_idf_mean"]] = wsum / np.maximum(totals, 1e-9)

    af_bi = article_frequency_of_entries(bi_indices, bi_rows, bi.shape[1], art)
    entry_bi = (af_bi[bi_indices] - 1.0) / others
    X[:, col["af_bi_sum"]], X[:, col["af_bi_mean"]] = _row_mean_over_terms(bi_rows, bi_terms, entry_bi)
    n_uni = len(m.idf_vector)
    content = np.minimum(m.idf_vector[m.bigram_codes // n_uni], m.idf_vector[m.bigram_codes % n_uni])
    entry_content = content[bi_indices]
    weighted_af, _ = _row_mean_over_terms(bi_rows, bi_terms, entry_bi * entry_content)
    content_total, _ = _row_mean_over_terms(bi_rows, bi_terms, entry_content)
    X[:, col["af_bi_content_mean"]] = weighted_af / np.maximum(content_total, 1e-9)

    # bigrams of the leads (first two sentences) of the other articles
    lead = (index <= 1).astype(np.float64)
    lead_af = article_frequency_of_entries(bi_indices, bi_rows, bi.shape[1], art, index <= 1)
    entry_lead = np.maximum(lead_af[bi_indices] - lead[bi_rows], 0.0)
    _, X[:, col["lead_bi_any"]] = _row_mean_over_terms(bi_rows, bi_terms, (entry_lead > 0).astype(np.float64))
    _, X[:, col["lead_bi_mean"]] = _row_mean_over_terms(bi_rows, bi_terms, entry_lead / others)

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

    titles = _title_similarities(m, n)
    if titles is not None:
        X[:, col["title_own"]], X[:, col["title_all"]] = titles

    X[:, col["lexrank"]] = _lexrank(m.bigram_similarity_sparse() if n > DENSE_LEXRANK_MAX else None, dense_sim=sim_bi)
    X[:, col["title_bi"]] = _row_mean_over_terms(bi_rows, bi_terms,
                                                 (m.title_bigram_counts > 0)[bi_indices].astype(np.float64))[1]

    digit, caps, quote, starts_quote, question = _surface(candidates)
    X[:, col["digit_frac"]] = digit
    X[:, col["caps_frac"]] = caps
    X[:, col["has_quote"]] = quote
    X[:, col["starts_quote"]] = starts_quote
    X[:, col["question"]] = question
    X[:, col["dangling"]] = [c.dangling for c in candidates]
    X[:, col["log_articles"]] = math.log(n_articles)
    X[:, col["log_article_sents"]] = np.log(total_sents[art])
    raw_idf = sum_by_row(uni_rows, m.idf_vector[uni.indices], n)
    X[:, col["idf_mean"]] = raw_idf / np.maximum(uni_terms, 1)

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
