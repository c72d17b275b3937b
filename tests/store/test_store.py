import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from sukien.model import Article, Entity, EntityMention, Event, SummarySentence, TimeMention
from sukien.store import Store
from sukien.store.schema import MIGRATIONS

VN = timezone(timedelta(hours=7))


def article(article_id: str, title: str, body: str) -> Article:
    return Article(id=article_id, title=title, body=[body], published=datetime(2024, 4, 10, 9, tzinfo=VN))


def test_store_is_wal_and_versioned(tmp_path):
    store = Store(tmp_path / "s.db")
    assert store.version == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingest_is_idempotent_and_round_trips(tmp_path):
    store = Store(tmp_path / "s.db")
    a = article("a1", "Thủ tướng Nhật Bản thăm Mỹ", "Ông Kishida tới Washington.")
    a.times = [TimeMention(0, 4, "10/4", "DATE", "2024-04-10")]
    a.mentions = [EntityMention(4, 11, "Kishida", "PER", "p1")]
    a.entities = [Entity("p1", "Fumio Kishida", "PER", ["Kishida"])]
    with store.transaction():
        assert store.add_articles([a]) == 1
    with store.transaction():
        assert store.add_articles([a]) == 0
    assert store.count_articles() == 1
    back = store.get_article("a1")
    assert back.title == a.title and back.body == a.body and back.published == a.published
    assert back.times[0].value == "2024-04-10"
    assert back.entities[0].name == "Fumio Kishida"


def test_failed_transaction_keeps_what_was_stored(tmp_path):
    store = Store(tmp_path / "s.db")
    with store.transaction():
        store.add_articles([article("a1", "Giá vàng tăng", "Giá vàng SJC tăng mạnh.")])
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_articles([article("a2", "Giá xăng giảm", "Giá xăng giảm 500 đồng.")])
            raise RuntimeError("crash mid-batch")
    assert store.known_ids(["a1", "a2"]) == {"a1"}


def test_events_summaries_and_search(tmp_path):
    store = Store(tmp_path / "s.db")
    a = article("a1", "Hòa bình ở Nhật Bản", "Hội nghị bàn về hoà bình khu vực.")
    a.event_id = "e1"
    with store.transaction():
        store.add_articles([a])
        store.save_events([Event(id="e1", article_ids=["a1"], title=a.title)])
    assert store.stale_event_ids() == ["e1"]
    event = store.get_event("e1")
    event.summary = [SummarySentence("Hội nghị bàn về hoà bình khu vực.", "a1", 20, 53)]
    with store.transaction():
        store.save_event_details(event, {})
    assert store.stale_event_ids() == []
    assert store.get_event("e1").summary[0].article_id == "a1"
    for query in ("nhat ban", "Nhật bản", "hoà bình", "hòa binh"):
        assert [r["id"] for r in store.search(query)] == ["a1"], query
    assert store.search("Hàn Quốc") == []


def test_search_finds_each_article_of_later_batches_under_its_own_id(tmp_path):
    # the search index is keyed by the articles' rowids, looked up after each batch's insert
    store = Store(tmp_path / "s.db")
    batches = [[article("a1", "Giá vàng tăng mạnh", "Giá vàng SJC tăng 500.000 đồng.")],
               [article("a1", "Giá vàng tăng mạnh", "Giá vàng SJC tăng 500.000 đồng."),  # already stored
                article("a2", "Bão số 3 đổ bộ Quảng Ninh", "Cơn bão gây mưa lớn ở Hạ Long."),
                article("a3", "Đội tuyển Việt Nam thắng Thái Lan", "Trận đấu diễn ra tại Mỹ Đình.")],
               [article("a4", "Hà Nội cấm xe máy", "Thành phố công bố lộ trình dừng xe máy ở nội đô.")]]
    for batch in batches:
        with store.transaction():
            store.add_articles(batch)
    for query, expected in (("vang sjc", "a1"), ("Hạ Long", "a2"), ("Mỹ Đình", "a3"), ("xe may noi do", "a4")):
        assert [r["id"] for r in store.search(query)] == [expected], query


def test_sync_membership_moves_articles_and_reports_the_events_affected(tmp_path):
    store = Store(tmp_path / "s.db")
    articles = [article("a1", "Giá vàng tăng mạnh", "Giá vàng SJC tăng."),
                article("a2", "Giá vàng SJC lập đỉnh", "Vàng SJC lên 80 triệu đồng."),
                article("a3", "Bão số 3 đổ bộ", "Cơn bão vào Quảng Ninh."),
                article("a4", "Bão số 3 gây mưa lớn", "Mưa lớn ở Hạ Long.")]
    for a, event_id in zip(articles, ["e1", "e1", "e2", "e3"]):
        a.event_id = event_id
    with store.transaction():
        store.add_articles(articles)
        store.save_events([Event(id="e1", article_ids=["a1", "a2"]), Event(id="e2", article_ids=["a3"]),
                           Event(id="e3", article_ids=["a4"])])
        store.conn.execute("UPDATE events SET storyline_id='s1' WHERE id='e3'")
        # the re-check moved a3 into e3; a1 and a2 stay, a4 is not in the map
        affected = store.sync_membership({"a1": "e1", "a2": "e1", "a3": "e3"})
    assert affected == {"e2", "e3"}
    stored = dict(store.conn.execute("SELECT id, event_id FROM articles").fetchall())
    assert stored == {"a1": "e1", "a2": "e1", "a3": "e3", "a4": "e3"}
    assert store.conn.execute("SELECT storyline_id FROM articles WHERE id='a3'").fetchone()[0] == "s1"


def test_readonly_store_refuses_writes(tmp_path):
    Store(tmp_path / "s.db").close()
    readonly = Store(tmp_path / "s.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        readonly.conn.execute("INSERT INTO storylines (id, title) VALUES ('s', 't')")


def test_entity_aliases_accumulate_and_events_load_by_id(tmp_path):
    store = Store(tmp_path / "s.db")
    first = article("a1", "Ông Kishida thăm Mỹ", "Ông Kishida tới Washington.")
    first.entities = [Entity("p1", "Kishida", "PER", ["Kishida"])]
    second = article("a2", "Thủ tướng Fumio Kishida phát biểu", "Thủ tướng Fumio Kishida phát biểu trước Quốc hội Mỹ.")
    second.entities = [Entity("p1", "Fumio Kishida", "PER", ["Fumio Kishida", "Kishida"])]
    first.event_id, second.event_id = "e1", "e2"
    with store.transaction():
        store.add_articles([first])
        store.add_articles([second])
        store.save_events([Event(id="e1", article_ids=["a1"], title=first.title),
                           Event(id="e2", article_ids=["a2"], title=second.title)])
    assert store.get_entity("p1").aliases == ["Kishida", "Fumio Kishida"]
    assert [e.id for e in store.get_events(["e2", "missing", "e1"])] == ["e2", "e1"]
    assert store.get_events(["e2"])[0].article_ids == ["a2"]


def test_arrival_order_reads_use_an_index_not_a_table_scan(tmp_path):
    # every batch reads the next seq, and a resumed run the articles after the watermark: a scan
    # of the whole table per batch made ingest slow down as the store grew
    store = Store(tmp_path / "s.db")
    plans = [" ".join(str(r[3]) for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))
             for sql, args in (("SELECT COALESCE(MAX(seq), 0) FROM articles", ()),
                               ("SELECT * FROM articles WHERE seq > ? ORDER BY seq", (0,)))]
    assert all("articles_seq" in plan for plan in plans), plans


def test_a_batch_names_each_entity_once_with_every_alias_in_first_seen_order(tmp_path):
    from sukien.store.rows import article_rows

    first = article("a1", "Ông Kishida thăm Mỹ", "Ông Kishida tới Washington.")
    first.entities = [Entity("p1", "Kishida", "PER", ["Kishida"]), Entity("l1", "Mỹ", "LOC", ["Mỹ"])]
    second = article("a2", "Thủ tướng Fumio Kishida phát biểu", "Thủ tướng Fumio Kishida phát biểu trước Quốc hội Hoa Kỳ.")
    second.entities = [Entity("p1", "Fumio Kishida", "PER", ["Fumio Kishida", "Kishida"]),
                       Entity("l1", "Hoa Kỳ", "LOC", ["Hoa Kỳ"])]
    rows = article_rows([first, second])
    assert rows.entities == [("p1", "Kishida", "PER", ("Kishida", "Fumio Kishida")),
                             ("l1", "Mỹ", "LOC", ("Mỹ", "Hoa Kỳ"))]
    store = Store(tmp_path / "s.db")
    with store.transaction():
        assert store.add_article_rows(rows, {}) == 2
    assert store.get_entity("l1").aliases == ["Mỹ", "Hoa Kỳ"]


def test_events_load_for_describing_without_the_raw_record(tmp_path):
    store = Store(tmp_path / "s.db")
    a = article("a1", "Ông Kishida thăm Mỹ", "Ông Kishida tới Washington ngày 10/4.")
    a.raw = '{"title": "Ông Kishida thăm Mỹ", "body": "Ông Kishida tới Washington ngày 10/4."}'
    a.times = [TimeMention(30, 34, "10/4", "DATE", "2024-04-10")]
    a.event_id = "e1"
    with store.transaction():
        store.add_articles([a])
        store.save_events([Event(id="e1", article_ids=["a1"], title=a.title)])
    [(event, [loaded])] = store.events_with_articles(["e1"])
    assert event.article_ids == ["a1"] and loaded.raw is None
    assert loaded.text == a.text and loaded.times == a.times
    assert store.get_article("a1").raw == a.raw  # what is shown keeps it


def test_stored_events_travel_as_plain_rows_and_build_the_events_in_time_order(tmp_path):
    import pickle

    store = Store(tmp_path / "s.db")
    VN = timezone(timedelta(hours=7))
    later = article("a1", "Thủ tướng Kishida phát biểu trước Quốc hội Mỹ",
                    "Thủ tướng Fumio Kishida phát biểu trước Quốc hội Mỹ ngày 11/4.")
    earlier = article("a2", "Ông Kishida tới Washington", "Ông Kishida tới Washington ngày 8/4.")
    undated = article("a3", "Nhật - Mỹ nâng cấp liên minh", "Hai nước nâng cấp quan hệ đồng minh.")
    later.published, earlier.published, undated.published = datetime(2024, 4, 11, 9, tzinfo=VN), datetime(2024, 4, 8, 20, tzinfo=VN), None
    later.mentions = [EntityMention(49, 51, "Mỹ", "LOC", "l1"), EntityMention(10, 23, "Fumio Kishida", "PER", "p1")]
    later.entities = [Entity("l1", "Mỹ", "LOC", ["Mỹ"]), Entity("p1", "Fumio Kishida", "PER", ["Fumio Kishida", "Kishida"])]
    earlier.times = [TimeMention(31, 34, "8/4", "DATE", "2024-04-08")]
    other = article("b1", "Bão số 3 đổ bộ Quảng Ninh", "Bão số 3 đổ bộ Quảng Ninh chiều 7/9.")
    for a, e in ((later, "e1"), (earlier, "e1"), (undated, "e1"), (other, "e2")):
        a.event_id = e
    with store.transaction():
        store.add_articles([later, earlier, undated, other])
        store.save_events([Event(id="e1", article_ids=["a1", "a2", "a3"], title=later.title),
                           Event(id="e2", article_ids=["b1"], title=other.title)])
    rows = store.stored_events(["e2", "e1", "missing"])
    # only tuples, strings and numbers: what a Dask worker receives
    flat = [v for table in rows for row in table for v in row]
    assert all(v is None or isinstance(v, (str, int, float)) for v in flat)
    built = pickle.loads(pickle.dumps(rows)).build()
    assert [e.id for e, _ in built] == ["e2", "e1"]
    event, members = built[1]
    assert event.article_ids == ["a3", "a2", "a1"]  # undated first, then by publication time
    assert members[2].mentions == sorted(later.mentions, key=lambda m: m.start)  # in reading order
    assert members[2].entities == later.entities
    assert members[1].times == earlier.times and members[1].published == earlier.published
    assert members[2].text == later.text and members[2].raw is None
