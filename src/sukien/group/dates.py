"""Reported dates: the day an article says its happening took place, as grouping evidence.

`published` is often missing or wrong (a dateline that contradicts the text), but the opening
of a news report usually names the day: "Hôm qua (11/1), ..." or "Ngày 10/4 (theo giờ địa
phương), ...". The times stage has already tagged these (`Article.times`, TIMEX values such as
`XXXX-01-11` or `2024-04-10`); here the day-level DATE mentions of the opening are read back
as (year or NaN, day of year) pairs.

Two articles whose openings both name days, none of them within `tolerance_days` of the
other's (and, when both years are known, in the same year), very likely report different
happenings: their similarity is damped (`conflict_factor`). Agreement is not rewarded: in a
single news week most unrelated reports name the same few days.
"""

from __future__ import annotations

import numpy as np
import regex

from sukien.model import Article

MAX_DATES = 3  # reported days kept per article
OPENING_CHARS = 400  # the lead, roughly: where a report names its day
_DAY = regex.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")
_MONTH_START = np.cumsum([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def reported_dates(article: Article, opening_chars: int = OPENING_CHARS) -> tuple[np.ndarray, np.ndarray]:
    """(years, days of year) of the first `MAX_DATES` day-level DATE mentions in the opening;
    NaN-padded. A year the text does not give is NaN."""
    years = np.full(MAX_DATES, np.nan)
    days = np.full(MAX_DATES, np.nan)
    k = 0
    try:
        mentions = sorted(article.times or [], key=lambda t: t.start)
        for t in mentions:
            if k >= MAX_DATES or t.start >= opening_chars:
                break
            m = _DAY.match(t.value or "") if t.type == "DATE" else None
            if m is None:
                continue
            month, day = int(m.group(2)), int(m.group(3))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            years[k] = np.nan if m.group(1) == "XXXX" else float(m.group(1))
            days[k] = float(_MONTH_START[month - 1] + day)
            k += 1
    except (AttributeError, TypeError, ValueError):  # malformed times: no evidence
        pass
    return years, days


def batch_reported_dates(articles: list[Article]) -> tuple[np.ndarray, np.ndarray]:
    """Stacked `reported_dates` of many articles: two (n, MAX_DATES) arrays."""
    years = np.full((len(articles), MAX_DATES), np.nan)
    days = np.full((len(articles), MAX_DATES), np.nan)
    for i, article in enumerate(articles):
        years[i], days[i] = reported_dates(article)
    return years, days


def date_conflicts(
    years_a: np.ndarray, days_a: np.ndarray, years_b: np.ndarray, days_b: np.ndarray, tolerance_days: float
) -> np.ndarray:
    """Per pair (row k of a with row k of b): True when both name days and no two agree."""
    has_a = ~np.isnan(days_a).all(axis=1)
    has_b = ~np.isnan(days_b).all(axis=1)
    out = np.zeros(len(days_a), dtype=bool)
    both = np.flatnonzero(has_a & has_b)
    if len(both) == 0:
        return out
    da, db = days_a[both][:, :, None], days_b[both][:, None, :]
    ya, yb = years_a[both][:, :, None], years_b[both][:, None, :]
    gap = np.abs(da - db)
    gap = np.minimum(gap, 366.0 - gap)  # 31/12 and 1/1 are one day apart (years aside)
    same_year = np.isnan(ya) | np.isnan(yb) | (ya == yb)
    with np.errstate(invalid="ignore"):
        agree = (gap <= tolerance_days) & same_year
    out[both] = ~agree.any(axis=(1, 2))
    return out
