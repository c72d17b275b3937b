"""Reported days as grouping evidence: read from the times stage's mentions in an article's
opening; clearly different days keep two otherwise similar reports apart; a `published`
date the clean stage flagged as contradicting the text is not used."""

from __future__ import annotations

import copy
import io
import json
import math
import zipfile
from datetime import datetime, timedelta, timezone

import numpy as np

from group_helpers import vims_articles
from sukien.group import EventGrouper, GroupConfig
from sukien.group.dates import date_conflicts, reported_dates
from sukien.model import Article, TimeMention
from sukien.times import find_normalized


def _with_times(article: Article) -> Article:
    article.times = find_normalized(article.text, None)
    return article


def test_reported_dates_read_from_opening():
    a = Article(id="a", lead="Hôm qua (11/1), hai bên họp. Năm 2023 là năm bản lề.", body=["Ngày 5/3/2021 có một sự kiện khác."])
    a.times = [
        TimeMention(0, 7, "Hôm qua", "DATE", "XXXX-01-11"),
        TimeMention(9, 13, "11/1", "DATE", "XXXX-01-11"),
        TimeMention(30, 38, "Năm 2023", "DATE", "2023"),  # a year alone is no day
        TimeMention(500, 508, "5/3/2021", "DATE", "2021-03-05"),  # beyond the opening
    ]
    years, days = reported_dates(a)
    assert days[0] == 11 and days[1] == 11 and math.isnan(days[2])
    assert np.isnan(years).all()
    # malformed times give no evidence, not an error
    b = Article(id="b", times=[TimeMention(0, 1, "x", "DATE", None)])  # type: ignore[arg-type]
    assert np.isnan(reported_dates(b)[1]).all()


def test_date_conflicts():
    nan = np.nan
    days_a = np.array([[11, nan, nan], [11, nan, nan], [11, nan, nan], [nan, nan, nan], [11, nan, nan]])
    days_b = np.array([[101, nan, nan], [12, nan, nan], [101, 11, nan], [101, nan, nan], [11, nan, nan]])
    years_a = np.array([[nan] * 3, [nan] * 3, [nan] * 3, [nan] * 3, [2023, nan, nan]])
    years_b = np.array([[nan] * 3, [nan] * 3, [nan] * 3, [nan] * 3, [2024, nan, nan]])
    conflict = date_conflicts(years_a, days_a, years_b, days_b, tolerance_days=2)
    # different days; one day apart; one shared day; one side silent; same day, other year
    assert conflict.tolist() == [True, False, False, False, True]


def _prepared_seeds() -> list[Article]:
    """The seed pages through the real per-article stages (clean, analyse, times, entities)."""
    from group_helpers import FIXTURES
    from sukien.pipeline import Pipeline
    from sukien.read import read_file

    articles = []
    for name in ("000_7547b9468bdb06db.txt", "003_26d975ab3c8963bb.txt"):
        articles.extend(read_file(FIXTURES / name, lambda error: None))
    prepared, _ = Pipeline(store=None).prepare.run_stages(articles)  # type: ignore[arg-type]  # stages only
    return sorted(prepared, key=lambda a: a.title != "Mỹ, Nhật công bố kế hoạch củng cố liên minh")


def test_seeds_apart_by_reported_days_alone():
    # seed 000's dateline contradicts its text and seed 003 has none: no usable `published`;
    # only the days their openings report ("Hôm qua (11/1)", "Ngày 10/4") separate them
    seeds = _prepared_seeds()
    # a threshold clearly below the seeds' cosine (~0.13), so only the days can keep them apart
    cfg = GroupConfig(threshold=0.10)
    assert [a.published is None or bool(a.warnings) for a in seeds] == [True, True]
    g = EventGrouper(cfg)
    g.add(copy.deepcopy(seeds))
    assert len(g.events()) == 2
    silent = copy.deepcopy(seeds)
    for a in silent:
        a.times = []
    g = EventGrouper(cfg)
    g.add(silent)
    assert len(g.events()) == 1, "without the reported days the two alliance stories look alike"
    # the same holds when they arrive in different runs, and after recheck()
    g = EventGrouper(cfg)
    g.add(copy.deepcopy(seeds[:1]))
    g = EventGrouper.from_state_bytes(g.state_bytes())
    g.add(copy.deepcopy(seeds[1:]))
    g.recheck()
    assert len(g.events()) == 2


def test_contradicted_published_is_ignored():
    articles, gold = vims_articles()
    a, b = [copy.deepcopy(x) for x in articles if gold[x.id] == "Cluster_082"][:2]
    day = datetime(2016, 5, 23, 12, tzinfo=timezone.utc)
    a.published, b.published = day, day + timedelta(days=60)
    b.warnings = ["dateline 22/07/2016 contradicts the text: ..."]
    g = EventGrouper()
    g.add([a, b])
    assert a.event_id == b.event_id
    assert g.events()[0].last_published == day  # the flagged date does not widen the event


def test_version_1_state_still_loads():
    articles, _ = vims_articles()
    g = EventGrouper()
    g.add(copy.deepcopy(articles[:10]))
    with zipfile.ZipFile(io.BytesIO(g.state_bytes())) as z:
        meta, arrays = json.loads(z.read("meta.json")), np.load(io.BytesIO(z.read("arrays.npz")))
        arrays = {k: arrays[k] for k in arrays.files if k not in ("row_ryears", "row_rdays")}
    meta["version"] = 1
    buf, out = io.BytesIO(), io.BytesIO()
    np.savez(buf, **arrays)
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("meta.json", json.dumps(meta))
        z.writestr("arrays.npz", buf.getvalue())
    h = EventGrouper.from_state_bytes(out.getvalue())
    assert [e.article_ids for e in h.events()] == [e.article_ids for e in g.events()]
    h.add(copy.deepcopy(articles[10:]))
    assert len(h.assignments()) == len(articles)
