"""Concepts of an event (syllable bigrams), their learned weights, and coverage-based selection.

Multi-document news summaries say what many outlets say. Following Gillick & Favre (2009) and
Li, Qian & Liu (2013, supervised bigram weights), the summary is the set of sentences that
covers the most *weight* of distinct syllable bigrams within the budget: a bigram counts once
however many chosen sentences contain it, so the same fact told ten ways is said once.

A bigram's weight is the predicted share of human summaries that contain it, from a small
tree ensemble (`concept_model.json`, trained by `train.py`) over event-level features: in how
many articles it occurs, whether it is in a headline or a lead, how early it first appears,
its background IDF, and the strongest sentence-level signals (centrality, cross-document
support, position) of the sentences that hold it. Everything is computed on the entry arrays
of `features.EventMatrices`, so a 50-article event stays well under 100 ms.

Selection is greedy (budgeted submodular maximisation, Lin & Bilmes 2010): repeatedly take the
eligible sentence with the largest `uncovered weight / length**length_exponent`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from sukien.model import Article
from sukien.summarise.candidates import Candidate
from sukien.summarise.features import (FEATURE_NAMES, EventMatrices, rows_of_entries, sum_by_row,
                                       article_frequency_of_entries, headline_ids, matching_columns,
                                       title_bigram_counts)
from sukien.summarise.scorer import StepScorer

CONCEPT_MODEL_PATH = Path(__file__).with_name("concept_model.json")
log = logging.getLogger(__name__)

# sentence features whose maximum and mean over the sentences holding a bigram describe it
SENTENCE_SIGNALS = ["inv_pos", "centroid_bi", "support_mean", "af_bi_mean", "title_all", "lexrank", "centroid_uni"]

CONCEPT_FEATURES = [
    "df", "df_frac", "log_articles", "n_sentences", "sentence_frac", "in_title", "title_frac",
    "in_lead", "lead_frac", "first_pos", "mean_pos", "idf_first", "idf_second", "idf_min", "idf_max",
    "has_digit",
] + [f"max_{s}" for s in SENTENCE_SIGNALS] + [f"mean_{s}" for s in SENTENCE_SIGNALS]

MAX_POSITION = 50


@dataclass
class CoverageParams:
    """Greedy coverage: gain = sum of max(weight - weight_threshold, 0) over uncovered bigrams,
    divided by length**length_exponent; a sentence whose bigram cosine with a chosen one
    reaches max_similarity is never taken (a hard guard against near-copies)."""

    length_exponent: float = 0.9
    weight_threshold: float = 0.1
    max_similarity: float = 0.5


def concept_features(candidates: list[Candidate], articles: list[Article], m: EventMatrices,
                     X: np.ndarray) -> tuple[np.ndarray, sp.csr_matrix]:
    """Feature matrix (bigram x CONCEPT_FEATURES) and the sentence x bigram presence matrix."""
    presence = m.bi_binary
    n, n_bigrams = presence.shape
    F = np.zeros((n_bigrams, len(CONCEPT_FEATURES)))
    if n == 0 or presence.nnz == 0:
        return F, presence
    col = {name: i for i, name in enumerate(CONCEPT_FEATURES)}
    n_articles = max(m.n_articles, 1)
    # bigram x sentence: entries by bigram, sentences ascending; every bigram is in a sentence
    by_bigram, rows_start, counts = m.by_bigram
    sentence_of = m.bi_entries.rows[by_bigram]
    n_sentences = counts.astype(np.float64)
    index = np.array([c.index for c in candidates], dtype=np.float64)

    df = article_frequency_of_entries(m.bi_entries.indices, m.bi_entries.rows, n_bigrams, m.article)
    F[:, col["df"]] = df
    F[:, col["df_frac"]] = df / n_articles
    F[:, col["log_articles"]] = np.log(n_articles)
    F[:, col["n_sentences"]] = n_sentences
    F[:, col["sentence_frac"]] = n_sentences / n
    leads = article_frequency_of_entries(m.bi_entries.indices, m.bi_entries.rows, n_bigrams, m.article,
                                         index == 0)
    F[:, col["in_lead"]] = leads > 0
    F[:, col["lead_frac"]] = leads / n_articles

    title_counts = m.title_bigram_counts
    if len(m.title_ids) != len(articles):  # matrices built without the headlines
        title_counts = title_bigram_counts(headline_ids(articles, m.uni_vocab), m.bigram_codes, len(m.idf_vector))
    F[:, col["in_title"]] = title_counts > 0
    F[:, col["title_frac"]] = title_counts / n_articles

    position = np.minimum(index, MAX_POSITION)[sentence_of]
    F[:, col["first_pos"]] = np.minimum.reduceat(position, rows_start)
    F[:, col["mean_pos"]] = np.add.reduceat(position, rows_start) / n_sentences

    n_uni = len(m.idf_vector)
    first, second = m.bigram_codes // n_uni, m.bigram_codes % n_uni
    idf_first, idf_second = m.idf_vector[first], m.idf_vector[second]
    F[:, col["idf_first"]] = idf_first
    F[:, col["idf_second"]] = idf_second
    F[:, col["idf_min"]] = np.minimum(idf_first, idf_second)
    F[:, col["idf_max"]] = np.maximum(idf_first, idf_second)
    digit_term = _digit_terms(m)
    F[:, col["has_digit"]] = digit_term[first] | digit_term[second]

    sentence_col = [FEATURE_NAMES.index(s) for s in SENTENCE_SIGNALS]
    signals = X[:, sentence_col][sentence_of]
    for k, name in enumerate(SENTENCE_SIGNALS):
        F[:, col["max_" + name]] = np.maximum.reduceat(signals[:, k], rows_start)
        F[:, col["mean_" + name]] = np.add.reduceat(signals[:, k], rows_start) / n_sentences
    return F, presence


def _digit_terms(m: EventMatrices) -> np.ndarray:
    flags = np.zeros(len(m.idf_vector), dtype=bool)
    flags[:len(m.uni_vocab)] = np.fromiter((term[:1].isdigit() for term in m.uni_vocab), dtype=bool,
                                           count=len(m.uni_vocab))  # ids are in insertion order
    return flags


def heuristic_weights(F: np.ndarray) -> np.ndarray:
    """Without a trained model: the share of the *other* articles that repeat the bigram."""
    col = {name: i for i, name in enumerate(CONCEPT_FEATURES)}
    n_articles = np.exp(F[:, col["log_articles"]])
    return np.clip((F[:, col["df"]] - 1.0) / np.maximum(n_articles - 1.0, 1.0), 0.0, 1.0)


@lru_cache(maxsize=1)
def default_concept_model() -> StepScorer | None:
    """The shipped bigram-weight model, or None (with one warning) when it is missing or stale."""
    try:
        model = StepScorer.load(CONCEPT_MODEL_PATH)
    except (OSError, ValueError, KeyError):
        model = None
    if model is None or model.features != CONCEPT_FEATURES:
        log.warning("%s missing or trained on other features; weighting bigrams by article frequency",
                    CONCEPT_MODEL_PATH.name)
        return None
    return model


def select_by_coverage(candidates: list[Candidate], presence: sp.csr_matrix, weights: np.ndarray,
                       sim: np.ndarray, max_tokens: int | None, params: CoverageParams,
                       overflow: bool = False, max_sentences: int | None = None) -> list[int]:
    """Indices of the chosen candidates, in the order they were chosen.

    Eligible: fits the budget (unless `overflow`, which lets the last sentence run past it),
    not a near-copy of a chosen sentence (bigram cosine `sim` below `max_similarity`), and,
    for a sentence that opens with a back-reference ("Ông này", "Trong khi đó"), only once
    the sentence before it in its article is chosen. Stops when nothing eligible adds weight.
    """
    n = len(candidates)
    if n == 0 or (max_tokens is not None and max_tokens <= 0) or (max_sentences is not None and max_sentences <= 0):
        return []
    lengths = np.array([max(c.n_tokens, 1) for c in candidates], dtype=np.float64)
    divisor = lengths ** params.length_exponent
    value = np.maximum(np.asarray(weights, dtype=np.float64) - params.weight_threshold, 0.0)
    dangling = np.array([c.dangling for c in candidates])
    key_of = {(c.article, c.index): i for i, c in enumerate(candidates)}
    predecessor = np.array([key_of.get((c.article, c.index - 1), -1) for c in candidates])
    available = np.ones(n, dtype=bool)
    rows = rows_of_entries(presence)  # `presence @ value` as a bincount: the same sums, no scipy call
    max_sim = np.zeros(n)
    chosen: list[int] = []
    total = 0.0
    while True:
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        if max_tokens is not None and total >= max_tokens:
            break
        eligible = available & (max_sim < params.max_similarity)
        if max_tokens is not None and not overflow:
            eligible &= total + lengths <= max_tokens
        eligible &= ~dangling | ((predecessor >= 0) & ~available[np.maximum(predecessor, 0)])
        if not eligible.any():
            break
        gain = np.where(eligible, sum_by_row(rows, presence.data * value[presence.indices], n) / divisor, -np.inf)
        best = int(np.argmax(gain))
        if gain[best] <= 0:
            break
        chosen.append(best)
        available[best] = False
        total += lengths[best]
        max_sim = np.maximum(max_sim, sim[best])
        value[presence.indices[presence.indptr[best]:presence.indptr[best + 1]]] = 0.0
    return chosen
