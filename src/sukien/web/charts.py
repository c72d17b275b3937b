"""Geometry for the server-rendered SVG charts: mention bars and a storyline's event timeline.

Functions return plain numbers and strings; the templates draw them (and escape every label).
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

WIDTH = 720


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO timestamp or a TIMEX3 value (YYYY, YYYY-MM, YYYY-MM-DD)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) >= 3 and len(parts[0]) == 4:
            return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2 and len(parts[0]) == 4:
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


def _bucket(day: date, unit: str) -> str:
    if unit == "day":
        return day.isoformat()
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def _label(key: str, unit: str) -> str:
    if unit == "day":
        y, m, d = key.split("-")
        return f"{d}/{m}"
    if unit == "month":
        y, m = key.split("-")
        return f"{m}/{y}"
    return key


def _keys_between(first: date, last: date, unit: str) -> list[str]:
    keys, day = [], first
    if unit == "day":
        while day <= last:
            keys.append(day.isoformat())
            day = date.fromordinal(day.toordinal() + 1)
        return keys
    if unit == "month":
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            keys.append(f"{y}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return keys
    return [str(y) for y in range(first.year, last.year + 1)]


def mention_bars(points: list[dict], height: int = 160) -> dict | None:
    """Bars of mentions per day, month or year (whichever keeps the chart readable)."""
    days = [(parse_day(p["date"]), p["mentions"]) for p in points]
    days = [(d, n) for d, n in days if d]
    if not days:
        return None
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    span = (last - first).days
    unit = "day" if span <= 62 else "month" if span <= 3 * 366 else "year"
    counts = Counter()
    for d, n in days:
        counts[_bucket(d, unit)] += n
    keys = _keys_between(first, last, unit)
    top = max(counts.values())
    plot_h, left, bottom = height - 34, 34, height - 20
    slot = (WIDTH - left - 8) / len(keys)
    bars = []
    for i, key in enumerate(keys):
        n = counts.get(key, 0)
        h = round(plot_h * n / top, 1) if top else 0
        bars.append({"x": round(left + i * slot + slot * 0.1, 1), "w": round(max(slot * 0.8, 1), 1),
                     "y": round(bottom - h, 1), "h": h, "value": n, "label": _label(key, unit)})
    every = max(1, math.ceil(len(keys) / 8))
    ticks = [{"x": round(b["x"] + b["w"] / 2, 1), "label": b["label"]} for i, b in enumerate(bars) if i % every == 0]
    return {"width": WIDTH, "height": height, "bars": bars, "ticks": ticks, "top": top, "bottom": bottom,
            "left": left, "unit": unit}


def event_timeline(events: list[dict], lane_height: int = 34) -> dict | None:
    """Events placed on a time axis by their date (or first publication), in non-overlapping lanes."""
    placed = []
    for number, event in enumerate(events, start=1):
        day = parse_day(event.get("date")) or parse_day(event.get("first_published"))
        if day:
            placed.append((day, number, event))
    if not placed:
        return None
    first, last = min(p[0] for p in placed), max(p[0] for p in placed)
    span = max((last - first).days, 1)
    left, right = 40, WIDTH - 40
    lanes_end: list[float] = []
    dots = []
    for day, number, event in sorted(placed, key=lambda p: (p[0], p[1])):
        x = left + (right - left) * ((day - first).days / span) if last != first else (left + right) / 2
        radius = min(6 + 2.5 * math.sqrt(max(event.get("article_count", 1), 1)), 18)
        lane = next((i for i, end in enumerate(lanes_end) if x - radius > end + 4), len(lanes_end))
        if lane == len(lanes_end):
            lanes_end.append(x + radius)
        else:
            lanes_end[lane] = x + radius
        dots.append({"x": round(x, 1), "lane": lane, "r": round(radius, 1), "number": number,
                     "id": event["id"], "title": event.get("title", ""), "day": day.strftime("%d/%m/%Y")})
    axis_y = 24 + lane_height * len(lanes_end)
    for dot in dots:
        dot["y"] = axis_y - 18 - lane_height * dot["lane"]
    ticks = [{"x": left, "label": first.strftime("%d/%m/%Y")}]
    if last != first:
        ticks.append({"x": right, "label": last.strftime("%d/%m/%Y")})
    return {"width": WIDTH, "height": axis_y + 26, "axis_y": axis_y, "left": left, "right": right,
            "dots": dots, "ticks": ticks}
