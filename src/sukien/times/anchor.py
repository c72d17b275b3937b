"""The reference time an article's relative dates are resolved against.

Order of trust: the article's own `published` time, unless the clean stage flagged its dateline
as contradicting the text (a warning that mentions both "dateline" and "contradict"); then the
other articles of the same event (the median of their trusted published times, when they lie
within a week of each other); then the time the user gave (`--ref`); else None, and the
tagger writes unknown years as X rather than invent them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sukien.model import Article

SIBLING_SPREAD = timedelta(days=7)


def is_trusted(article: Article) -> bool:
    """True when the article has a published time that nothing flags as wrong."""
    if not isinstance(getattr(article, "published", None), datetime):
        return False
    for warning in getattr(article, "warnings", None) or []:
        text = str(warning).lower()
        if "dateline" in text and "contradict" in text:
            return False
    return True


def _median_time(times: list[datetime]) -> datetime:
    ordered = sorted(times)
    return ordered[(len(ordered) - 1) // 2]


def sibling_time(article: Article, siblings: list[Article]) -> datetime | None:
    """The median trusted published time of the other articles, when they agree within a week."""
    times = []
    for other in siblings or []:
        if other is article or getattr(other, "id", None) == getattr(article, "id", None):
            continue
        if is_trusted(other):
            times.append(other.published)
    if not times:
        return None
    try:
        if max(times) - min(times) > SIBLING_SPREAD:
            return None
        return _median_time(times)
    except TypeError:  # naive and aware datetimes mixed
        return None


def reference_time(article: Article, siblings: list[Article] | None = None,
                   user_ref: datetime | None = None) -> tuple[datetime | None, str]:
    """(reference time, where it came from: "published", "siblings", "user" or "none")."""
    if is_trusted(article):
        return article.published, "published"
    from_siblings = sibling_time(article, siblings or [])
    if from_siblings is not None:
        return from_siblings, "siblings"
    if isinstance(user_ref, datetime):
        return user_ref, "user"
    return None, "none"
