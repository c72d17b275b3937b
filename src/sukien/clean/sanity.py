"""Does the dateline fit the text? Warnings when it cannot be right.

Two generic checks, both cheap regex passes over the text:

1. A relative day pinned to a date: "Hôm qua (11/1)", "sáng nay (3/4)", "ngày mai (12/5)".
   The dateline's day plus the offset (qua -1, nay 0, mai +1) must fall within a day of it.
2. An explicit month or year spoken of as past but later than the dateline: "kể từ khi nhậm
   chức vào tháng 10 năm 2021" in a story dated July 2020. The nearest tense cue before the date
   in its clause decides past ("kể từ", "hồi", "đã", "vừa qua") or future ("sẽ", "dự kiến",
   "đến", "mục tiêu"); only past references are checked, since stories often plan ahead.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import regex

_RELATIVE_DAY = regex.compile(
    r"\b(hôm\s+qua|hôm\s+nay|(?:sáng|trưa|chiều|tối|đêm|rạng\s+sáng)\s+(?:nay|qua|mai)|ngày\s+mai|đêm\s+qua)"
    r"\s*\(\s*(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\s*\)",
    regex.IGNORECASE,
)
_OFFSETS = {"qua": -1, "nay": 0, "mai": 1}

# "tháng 10 năm 2021", "tháng 10/2021", "10/2021", "năm 2021", "12/1/2023"
_DATED = regex.compile(
    r"(?:(?:ngày\s+)?(?P<d>\d{1,2})/(?P<dm>\d{1,2})/(?P<dy>\d{4}))"
    r"|(?:tháng\s+(?P<m>\d{1,2})(?:\s*/\s*|\s+năm\s+)(?P<my>\d{4}))"
    r"|(?:(?<![\d/])(?P<m2>\d{1,2})/(?P<my2>\d{4}))"
    r"|(?:năm\s+(?P<y>(?:19|20)\d{2}))(?!\s*[-–]\s*\d)",
    regex.IGNORECASE,
)
_PAST = regex.compile(
    r"kể\s+từ|từ\s+khi|hồi|vừa\s+qua|trước\s+đó|đã|năm\s+ngoái|vào\s+hồi|diễn\s+ra\s+vào|xảy\s+ra|từng|nhậm\s+chức",
    regex.IGNORECASE,
)
_FUTURE = regex.compile(
    r"sẽ|dự\s+kiến|dự\s+báo|kế\s+hoạch|mục\s+tiêu|đến|tới|hướng\s+tới|nhằm|kỳ\s+vọng|giai\s+đoạn|lộ\s+trình"
    r"|tầm\s+nhìn|chậm\s+nhất|hạn|trước\s+năm|trước\s+tháng|từ\s+nay|đặt|phấn\s+đấu|chuẩn\s+bị|sắp",
    regex.IGNORECASE,
)
_CLAUSE_START = regex.compile(r"[.;!?\n]")


def _relative_day_warnings(published: date, text: str) -> list[str]:
    warnings = []
    for m in _RELATIVE_DAY.finditer(text):
        phrase, day, month = m.group(1), int(m.group(2)), int(m.group(3))
        offset = _OFFSETS[phrase.split()[-1].lower()]
        expected = published + timedelta(days=offset)
        fits = any(
            (d.day, d.month) == (day, month) for d in (expected - timedelta(days=1), expected, expected + timedelta(days=1))
        )
        if not fits:
            warnings.append(
                f"dateline {published:%d/%m/%Y} contradicts the text: '{m.group(0)}' puts the story on "
                f"{day:02d}/{month:02d} (±1 day), not on {expected:%d/%m}"
            )
    return warnings


def _reference_start(m: regex.Match) -> date | None:
    try:
        if m.group("dy"):
            return date(int(m.group("dy")), int(m.group("dm")), int(m.group("d")))
        if m.group("my"):
            return date(int(m.group("my")), int(m.group("m")), 1)
        if m.group("my2"):
            return date(int(m.group("my2")), int(m.group("m2")), 1)
        return date(int(m.group("y")), 1, 1)
    except ValueError:
        return None


def _tense(text: str, start: int) -> str | None:
    """'past', 'future' or None from the nearest tense cue before `start` in its clause."""
    clause_from = max(0, start - 160)
    for cut in _CLAUSE_START.finditer(text, clause_from, start):
        clause_from = cut.end()
    window = text[clause_from:start]
    last_past = max((m.end() for m in _PAST.finditer(window)), default=-1)
    last_future = max((m.end() for m in _FUTURE.finditer(window)), default=-1)
    if last_past < 0 and last_future < 0:
        return None
    return "past" if last_past > last_future else "future"


def _past_reference_warnings(published: date, text: str) -> list[str]:
    for m in _DATED.finditer(text):
        start = _reference_start(m)
        if start is None or start <= published:
            continue
        if _tense(text, m.start()) == "past":
            clause_from = max(0, m.start() - 60)
            quote = text[clause_from : m.end()].split("\n")[-1].strip()
            return [
                f"dateline {published:%d/%m/%Y} contradicts the text: it speaks of '{m.group(0)}' as past "
                f"(\"…{quote}\"), later than the dateline"
            ]
    return []


def dateline_warnings(published: datetime | None, text: str) -> list[str]:
    """Reasons the dateline `published` cannot be right for `text` (empty when it fits)."""
    if published is None or not text:
        return []
    day = published.date()
    return _relative_day_warnings(day, text) + _past_reference_warnings(day, text)
