"""TimesStage: fill `Article.times` for a batch of articles.

The reference time of each article comes from `anchor.reference_time`, with as siblings the
other articles of the batch that share its `event_id` (when it is set; before grouping an
article has no siblings) and the user's `--ref` as the last resort.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime

from sukien.model import Article
from sukien.times import find_normalized
from sukien.times.anchor import reference_time


class TimesStage:
    """Tags the temporal expressions of each article (offsets into `Article.text`)."""

    def __init__(self, user_ref: datetime | None = None):
        self.user_ref = user_ref

    def run(self, articles: Iterable[Article], user_ref: datetime | None = None) -> Iterator[Article]:
        batch = list(articles)
        user_ref = user_ref if user_ref is not None else self.user_ref
        by_event: dict[str, list[Article]] = defaultdict(list)
        for article in batch:
            if article.event_id:
                by_event[article.event_id].append(article)
        for article in batch:
            siblings = by_event.get(article.event_id, []) if article.event_id else []
            ref, _source = reference_time(article, siblings, user_ref)
            article.times = find_normalized(article.text, ref)
            yield article
