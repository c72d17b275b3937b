"""Vietnamese datelines -> aware datetimes.

Sites print publication times in many shapes: "Chủ Nhật, 12/07/2020 10:29 (GMT+7)",
"17:42 Ngày 04/06/2018", "Thứ hai, 3/4/2024 - 09:15", "12:30 PM 05/06/2024",
"Thứ Tư, ngày 10 tháng 4 năm 2024", ISO 8601, and broken ones where the year runs into the time
("12/07/202010:29"). Instead of one regex per shape we find the parts independently: a date
(day/month/year, always day first as Vietnamese sites write it), then a time in what is left of
the string (so a year glued to a time splits cleanly), then a half-day marker (AM/PM, SA/CH,
sáng/chiều/tối) and a zone (GMT+7, UTC+07:00, +0700). No zone means Asia/Ho_Chi_Minh.

A time with no date ("9:19 CH", a live-blog stamp) gives None: there is no day to anchor it.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import regex

from sukien.text import fold_accents

try:
    VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
except Exception:  # no tz database: Vietnam has kept UTC+7 since 1975
    VIETNAM = timezone(timedelta(hours=7), "ICT")

_ISO = regex.compile(r"\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?")
_NUMERIC_DATE = regex.compile(r"(?<!\d)(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2}(?!\d|:))")
_ISO_DATE = regex.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# "ngày 10 tháng 4 năm 2024", "10 tháng 4, 2024" (matched on accent-folded, lower-cased text)
_WORDED_DATE = regex.compile(r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,|nam)?\s*(\d{4})")
# "24 Tháng Ba, 2024", "ngày 5 tháng Giêng năm 2024" (months written as words)
_MONTH_WORDS = {
    "muoi mot": 11, "muoi hai": 12, "mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "chap": 12,
}
_WORDED_MONTH_DATE = regex.compile(
    r"(?<!\d)(\d{1,2})\s+thang\s+(" + "|".join(_MONTH_WORDS) + r")\s*(?:,|nam)?\s*(\d{4})"
)
_TIME = regex.compile(
    r"(?<![\d/.:-])(\d{1,2})\s?(?::|h|g|gio)\s?(\d{2})(?::(\d{2}))?(?!\d)(?:\s*(am|pm|sa|ch|sang|chieu|toi|trua|dem))?"
)
_ZONE = regex.compile(r"(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(?<=\d)\s?([+-])(\d{2}):?(\d{2})\b")

_AFTERNOON = {"pm", "ch", "chieu", "toi", "dem"}


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _valid(year: int, month: int, day: int) -> bool:
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _find_date(folded: str) -> tuple[tuple[int, int, int], tuple[int, int]] | None:
    """((year, month, day), span) of the first valid date in accent-folded lower-case text."""
    found = []
    for m in _NUMERIC_DATE.finditer(folded):
        day, month, year = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        if _valid(year, month, day):
            found.append((m.start(), (year, month, day), m.span()))
            break
    for m in _ISO_DATE.finditer(folded):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(year, month, day):
            found.append((m.start(), (year, month, day), m.span()))
            break
    for m in _WORDED_DATE.finditer(folded):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(year, month, day):
            found.append((m.start(), (year, month, day), m.span()))
            break
    for m in _WORDED_MONTH_DATE.finditer(folded):
        day, month, year = int(m.group(1)), _MONTH_WORDS[" ".join(m.group(2).split())], int(m.group(3))
        if _valid(year, month, day):
            found.append((m.start(), (year, month, day), m.span()))
            break
    if not found:
        return None
    _, ymd, span = min(found)
    return ymd, span


def _find_time(folded: str) -> tuple[int, int, int] | None:
    for m in _TIME.finditer(folded):
        hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        marker = m.group(4)
        if marker in _AFTERNOON and hour < 12:
            hour += 12
        elif marker in ("am", "sa", "sang") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return hour, minute, second
    return None


def _find_zone(folded: str) -> timezone | ZoneInfo:
    m = _ZONE.search(folded)
    if not m:
        return VIETNAM
    sign, hours, minutes = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset > timedelta(hours=14):
        return VIETNAM
    return timezone(-offset if sign == "-" else offset)


def _parse_iso(text: str) -> datetime | None:
    m = _ISO.search(text)
    if not m:
        return None
    try:
        value = datetime.fromisoformat(m.group(0).replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=VIETNAM)


def parse_dateline(s: str) -> datetime | None:
    """The publication time a Vietnamese dateline states, or None when it states no date."""
    if not s or not isinstance(s, str):
        return None
    s = s[:300]
    iso = _parse_iso(s)
    if iso is not None:
        return iso
    folded = fold_accents(s).lower()
    found = _find_date(folded)
    if found is None:
        return None
    (year, month, day), (start, end) = found
    rest = folded[:start] + " " * (end - start) + folded[end:]
    hour, minute, second = _find_time(rest) or (0, 0, 0)
    return datetime(year, month, day, hour, minute, second, tzinfo=_find_zone(rest))
