"""Reading order of a summary (by article, earliest published first, then position in the
article), and the lead of a one-article event.

The choice of sentences of a multi-article event is `concepts.select_by_coverage`.
"""

from __future__ import annotations

from sukien.model import Article
from sukien.summarise.candidates import Candidate, article_candidates


def coherent_order(chosen: list[int], candidates: list[Candidate], article_rank: list[int]) -> list[int]:
    """Chosen sentences by article (earliest published first), then position in the article."""
    return sorted(chosen, key=lambda i: (article_rank[candidates[i].article], candidates[i].index))


def lead_sentences(article: Article, max_tokens: int | None, max_sentences: int | None,
                   overflow: bool = False) -> list[Candidate]:
    """The summary of a one-article event: its lead, the first usable sentences in order.

    News leads are the best single-document summary, so nothing is scored: sentences are taken
    while they fit the budget, and the lead ends at the first usable sentence that no longer
    fits (a short sentence from deep in the article would read out of context); an opening
    sentence too long for the budget on its own is skipped. A back-reference ("Ông này ...")
    is taken only right after its predecessor. Candidates are built a paragraph at a time,
    so a long article costs no more than its opening.
    """
    chosen: list[Candidate] = []
    total = 0
    taken: set[int] = set()  # indices of the chosen sentences
    for paragraph in article_candidates(0, article):
        for c in paragraph:
            if max_sentences is not None and len(chosen) >= max_sentences:
                return chosen
            if max_tokens is not None and total >= max_tokens:
                return chosen
            if not c.usable or (c.dangling and c.index - 1 not in taken):
                continue
            if max_tokens is not None and not overflow and total + max(c.n_tokens, 1) > max_tokens:
                if chosen:
                    return chosen
                continue
            chosen.append(c)
            taken.add(c.index)
            total += max(c.n_tokens, 1)
    return chosen
