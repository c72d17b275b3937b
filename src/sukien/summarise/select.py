"""Greedy sentence selection under a length budget, with redundancy control and ordering.

At each step the selector takes the eligible sentence with the best
`score * length**length_exponent * (1 - redundancy * max_similarity_to_selected)`
(a multiplicative MMR). A sentence is eligible when it fits the budget, is not a near-copy
of a selected sentence (syllable-bigram cosine below `max_similarity`: the same fact told by
ten outlets is said once), and, when it opens with a back-reference ("Ông này", "Trong khi
đó"), only once the sentence before it in its article is selected.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sukien.summarise.candidates import Candidate


@dataclass
class SelectionParams:
    redundancy: float = 0.3
    length_exponent: float = 0.3
    max_similarity: float = 0.5


def select(candidates: list[Candidate], scores: np.ndarray, sim: np.ndarray, max_tokens: int | None,
           params: SelectionParams, overflow: bool = False, max_sentences: int | None = None) -> list[int]:
    """Indices of the chosen candidates, in the order they were chosen.

    With `overflow` the last sentence may run past `max_tokens` (a benchmark that cuts the
    text at the budget); without it every chosen sentence fits.
    """
    n = len(candidates)
    if n == 0 or (max_tokens is not None and max_tokens <= 0) or (max_sentences is not None and max_sentences <= 0):
        return []
    lengths = np.array([c.n_tokens for c in candidates], dtype=np.float64)
    base = np.maximum(np.asarray(scores, dtype=np.float64), 1e-6) * lengths ** params.length_exponent
    dangling = np.array([c.dangling for c in candidates])
    key_of = {(c.article, c.index): i for i, c in enumerate(candidates)}
    predecessor = np.array([key_of.get((c.article, c.index - 1), -1) for c in candidates])
    available = np.ones(n, dtype=bool)
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
        selected = ~available
        eligible &= ~dangling | ((predecessor >= 0) & selected[np.maximum(predecessor, 0)])
        if not eligible.any():
            break
        gain = np.where(eligible, base * (1.0 - params.redundancy * max_sim), -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        available[best] = False
        total += lengths[best]
        max_sim = np.maximum(max_sim, sim[best])
    return chosen


def coherent_order(chosen: list[int], candidates: list[Candidate], article_rank: list[int]) -> list[int]:
    """Chosen sentences by article (earliest published first), then position in the article."""
    return sorted(chosen, key=lambda i: (article_rank[candidates[i].article], candidates[i].index))
