"""Reading order of a summary: by article (earliest published first), then position in the article.

The choice of sentences itself is `concepts.select_by_coverage`.
"""

from __future__ import annotations

from sukien.summarise.candidates import Candidate


def coherent_order(chosen: list[int], candidates: list[Candidate], article_rank: list[int]) -> list[int]:
    """Chosen sentences by article (earliest published first), then position in the article."""
    return sorted(chosen, key=lambda i: (article_rank[candidates[i].article], candidates[i].index))
