"""Multi-document extractive summaries of an event, every sentence traceable to its source.

    from sukien.summarise import summarize
    sentences = summarize(articles, max_tokens=120)
    for s in sentences:
        assert articles_by_id[s.article_id].text[s.start:s.end] == s.text

Steps: split every article into sentences (`sukien.text.sentences`), drop what must never be
shown (captions, bylines, datelines, reader prompts, headings, fragments: `candidates.py`),
describe the sentences (`features.py`) and the event's syllable bigrams ("concepts": in how
many articles, headlines and leads they occur, how early, how central the sentences holding
them are), weight every bigram with a small learned model (`concepts.py`, `scorer.py`,
trained by `train.py` on ViMs with cross-validation), then pick greedily the sentences that
cover the most uncovered weight per syllable under the budget, skipping near-copies and
back-references whose antecedent is missing (`concepts.select_by_coverage`; a bigram counts
once, so what ten outlets say is said once), and order the result by article time, then
position in the article (`select.py`).

Budget: `max_tokens` counts syllable tokens as the ViMs protocol does (NFC, lower case, split
on whitespace and punctuation); `max_sentences` counts sentences; either or both. The
library always returns whole sentences that fit. Without any budget the display default
applies: DEFAULT_MAX_TOKENS (120 syllables, about 4 news sentences) and DEFAULT_MAX_SENTENCES.
An event of more than MAX_ARTICLES articles is summarised from that many, spread over its time
span (`spread_over_time`), so memory and time stay bounded on any event.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Iterable, Iterator

import numpy as np
import scipy.sparse as sp

from sukien.model import Article, Event, SummarySentence
from sukien.summarise.candidates import Candidate, build_candidates
from sukien.summarise.concepts import (CoverageParams, concept_features, default_concept_model,
                                       heuristic_weights, select_by_coverage)
from sukien.summarise.features import compute_features
from sukien.summarise.select import coherent_order, lead_sentences

__all__ = ["summarize", "summarise", "summarise_event", "SummariseStage", "DEFAULT_MAX_TOKENS",
           "DEFAULT_MAX_SENTENCES"]

log = logging.getLogger(__name__)

DEFAULT_MAX_TOKENS = 120
DEFAULT_MAX_SENTENCES = 5
# A larger event is summarised from this many of its articles, spread evenly over its time
# span: the sentence-similarity matrix is dense (sentences²), and a few dozen outlets already
# show which facts everyone repeats.
MAX_ARTICLES = 100


def _article_rank(articles: list[Article]) -> list[int]:
    """Rank of each article: published time (undated last), then input order."""
    def key(i: int) -> tuple:
        published = articles[i].published
        if isinstance(published, datetime):
            if published.tzinfo is None:
                published = published.replace(tzinfo=timezone.utc)
            return (0, published.timestamp(), i)
        return (1, 0.0, i)

    order = sorted(range(len(articles)), key=key)
    rank = [0] * len(articles)
    for r, i in enumerate(order):
        rank[i] = r
    return rank


def score_concepts(candidates: list[Candidate], articles: list[Article]) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray, CoverageParams]:
    """Sentence x bigram presence, bigram weights, sentence similarity and selection parameters."""
    if len({c.article for c in candidates}) == 1:
        # only one article has usable sentences: nothing to cross-check, and news leads are the
        # best single-document summary, so each sentence "covers" only itself, weighted by its
        # position; one outlet does not repeat itself sentence by sentence, so no similarity
        # matrix is needed (a one-article event takes `lead_sentences` without scoring at all)
        n = len(candidates)
        lead = 1.0 / (1.0 + np.array([c.index for c in candidates], dtype=np.float64))
        return sp.identity(n, format="csr"), lead, np.zeros((n, n)), CoverageParams(length_exponent=0.0, weight_threshold=0.0)
    X, m, sim = compute_features(candidates, articles)
    F, presence = concept_features(candidates, articles, m, X)
    model = default_concept_model()
    if model is None:
        return presence, heuristic_weights(F), sim, CoverageParams()
    return presence, model.predict(F), sim, CoverageParams(**model.meta.get("selection", {}))


def _valid_articles(articles) -> list[Article]:
    if articles is None:
        return []
    if isinstance(articles, Article):
        articles = [articles]
    try:
        return [a for a in articles if isinstance(a, Article) and isinstance(a.id, str)]
    except TypeError:
        return []


def _positive_or_none(value) -> int | None:
    if value is None:
        return None
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return None


def spread_over_time(articles: list[Article], limit: int = MAX_ARTICLES) -> list[Article]:
    """At most `limit` articles, evenly spaced in publication order, kept in input order."""
    if len(articles) <= limit:
        return articles
    rank = _article_rank(articles)
    by_time = sorted(range(len(articles)), key=rank.__getitem__)
    picks = np.linspace(0, len(articles) - 1, limit).round().astype(int)
    return [articles[i] for i in sorted(by_time[p] for p in picks)]


def summarize(articles: list[Article], max_tokens: int | None = None, max_sentences: int | None = None,
              *, allow_overflow: bool = False) -> list[SummarySentence]:
    """Extractive summary of the articles of one event, in reading order.

    Each returned sentence satisfies `article.text[start:end] == text` for the article whose
    id is `article_id`. `allow_overflow` lets the last sentence run past `max_tokens`; it is
    meant for benchmarks that cut the summary text at the budget, never for display.
    """
    articles = spread_over_time(_valid_articles(articles))
    max_tokens, max_sentences = _positive_or_none(max_tokens), _positive_or_none(max_sentences)
    if max_tokens is None and max_sentences is None:
        max_tokens, max_sentences = DEFAULT_MAX_TOKENS, DEFAULT_MAX_SENTENCES
    if not articles:
        return []
    try:
        if len(articles) == 1:
            return [SummarySentence(text=c.text, article_id=c.article_id, start=c.start, end=c.end)
                    for c in lead_sentences(articles[0], max_tokens, max_sentences, overflow=allow_overflow)]
        candidates = [c for c in build_candidates(articles) if c.usable]
        if not candidates:
            return []
        presence, weights, sim, params = score_concepts(candidates, articles)
        chosen = select_by_coverage(candidates, presence, weights, sim, max_tokens, params,
                                    overflow=allow_overflow, max_sentences=max_sentences)
    except Exception:  # a summary must never take the pipeline down
        log.exception("summarisation failed; returning an empty summary")
        return []
    ordered = coherent_order(chosen, candidates, _article_rank(articles))
    return [SummarySentence(text=candidates[i].text, article_id=candidates[i].article_id,
                            start=candidates[i].start, end=candidates[i].end) for i in ordered]


summarise = summarize  # British spelling, as in the package name


def summarise_event(event: Event, articles: list[Article], max_tokens: int | None = DEFAULT_MAX_TOKENS,
                    max_sentences: int | None = DEFAULT_MAX_SENTENCES) -> list[SummarySentence]:
    """Summary of one event from its articles (those not in `event.article_ids` are ignored,
    unless the event lists none); duplicates (`duplicate_of` set) are left out."""
    articles = _valid_articles(articles)
    wanted = set(getattr(event, "article_ids", None) or [])
    members = [a for a in articles if (not wanted or a.id in wanted) and not a.duplicate_of]
    return summarize(members, max_tokens=max_tokens, max_sentences=max_sentences)


class SummariseStage:
    """Event-level pipeline stage: fills `event.summary` from the event's articles."""

    def __init__(self, max_tokens: int | None = DEFAULT_MAX_TOKENS, max_sentences: int | None = DEFAULT_MAX_SENTENCES):
        self.max_tokens = max_tokens
        self.max_sentences = max_sentences

    def summarise(self, event: Event, articles: list[Article]) -> Event:
        event.summary = summarise_event(event, articles, self.max_tokens, self.max_sentences)
        return event

    def run_events(self, events: Iterable[Event], articles: Iterable[Article]) -> Iterator[Event]:
        by_id = {a.id: a for a in _valid_articles(list(articles))}
        for event in events:
            members = [by_id[i] for i in event.article_ids if i in by_id]
            yield self.summarise(event, members)
