"""SVG chart geometry: bucket sizes, bar heights, lanes that keep event dots apart."""

from __future__ import annotations

from sukien.web import charts


def test_parse_day_accepts_iso_and_timex_prefixes():
    assert charts.parse_day("2024-04-10T09:00:00+07:00").isoformat() == "2024-04-10"
    assert charts.parse_day("2024-04").isoformat() == "2024-04-01"
    assert charts.parse_day("2024").isoformat() == "2024-01-01"
    for value in (None, "", "XXXX-04-10", "PRESENT_REF", "2024-W15", "2024-02-30"):
        assert charts.parse_day(value) is None, value


def test_bars_by_day_fill_the_gaps():
    chart = charts.mention_bars([{"date": "2024-04-10", "mentions": 4}, {"date": "2024-04-13", "mentions": 2}])
    assert chart["unit"] == "day"
    assert [b["label"] for b in chart["bars"]] == ["10/04", "11/04", "12/04", "13/04"]
    assert [b["value"] for b in chart["bars"]] == [4, 0, 0, 2]
    tallest, half = chart["bars"][0], chart["bars"][3]
    assert abs(half["h"] * 2 - tallest["h"]) < 0.2 and tallest["y"] + tallest["h"] == chart["bottom"]


def test_bars_switch_to_months_and_years_for_long_spans():
    months = charts.mention_bars([{"date": "2023-01-05", "mentions": 1}, {"date": "2023-06-20", "mentions": 3},
                                  {"date": "2023-06-21", "mentions": 1}])
    assert months["unit"] == "month" and len(months["bars"]) == 6 and months["bars"][-1]["value"] == 4
    years = charts.mention_bars([{"date": "2010-01-01", "mentions": 1}, {"date": "2024-01-01", "mentions": 1}])
    assert years["unit"] == "year" and len(years["bars"]) == 15
    assert len(years["ticks"]) <= 8
    assert charts.mention_bars([{"date": "không rõ", "mentions": 3}]) is None


def test_event_timeline_orders_and_separates_dots():
    events = [{"id": "a", "date": "2024-04-10", "article_count": 9}, {"id": "b", "first_published": "2024-04-10T10:00"},
              {"id": "c", "date": "2024-06-01"}, {"id": "d"}]
    chart = charts.event_timeline(events)
    dots = {d["id"]: d for d in chart["dots"]}
    assert set(dots) == {"a", "b", "c"}  # no date at all: left off the chart
    assert dots["a"]["x"] == dots["b"]["x"] == chart["left"] and dots["c"]["x"] == chart["right"]
    assert dots["a"]["lane"] != dots["b"]["lane"]  # same day: stacked, not drawn on top of each other
    assert dots["a"]["r"] > dots["c"]["r"]  # bigger events, bigger dots
    assert [dots[k]["number"] for k in "abc"] == [1, 2, 3]
    assert charts.event_timeline([{"id": "x"}]) is None
