"""Summarise stage: extractive multi-document summaries with sentence -> source attribution.

First version: sentences ranked by cosine similarity of their syllable counts to the event's
centroid, skipping near-repeats, in source order. The summaries issue replaces it.
"""

from __future__ import annotations

from collections import Counter
from math import sqrt

from sukien.model import Article, SummarySentence
from sukien.text import syllables
from sukien.text.sentences import split_spans


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    norm = sqrt(sum(v * v for v in a.values())) * sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def summarize(articles: list[Article], max_tokens: int | None = 120, max_sentences: int | None = None) -> list[SummarySentence]:
    candidates = []
    for order, article in enumerate(articles):
        text = article.text
        for position, (start, end) in enumerate(split_spans(text)):
            words = syllables(text[start:end])
            if len(words) >= 6:
                candidates.append((order, position, article.id, start, end, text[start:end], Counter(words)))
    if not candidates:
        return []
    centroid = sum((c[6] for c in candidates), Counter())
    ranked = sorted(candidates, key=lambda c: (-_cosine(c[6], centroid), c[0], c[1]))
    chosen, used = [], 0
    for c in ranked:
        size = sum(c[6].values())
        if max_tokens is not None and used + size > max_tokens and chosen:
            continue
        if max_sentences is not None and len(chosen) >= max_sentences:
            break
        if any(_cosine(c[6], o[6]) > 0.6 for o in chosen):
            continue
        chosen.append(c)
        used += size
    chosen.sort(key=lambda c: (c[0], c[1]))
    return [SummarySentence(text=c[5], article_id=c[2], start=c[3], end=c[4]) for c in chosen]
