"""A store built by the real pipeline from examples/, plus rows added through the Store API.

The added rows give the pages something in every section (entities with mentions, timelines,
a storyline, outlets and dates for the filters) and carry the XSS payloads the safety tests use.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from sukien.model import Article, Entity, EntityMention, Event, Storyline, SummarySentence, TimelineEntry
from sukien.pipeline import Pipeline
from sukien.store import Store

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
VN = timezone(timedelta(hours=7))

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def _mention(article: Article, text: str, entity: Entity) -> EntityMention:
    start = article.text.index(text)
    return EntityMention(start, start + len(text), text, entity.type, entity.id)


def _sentence(article: Article, text: str) -> SummarySentence:
    start = article.text.index(text)
    return SummarySentence(text, article.id, start, start + len(text))


def add_web_rows(store: Store) -> dict:
    """Articles, entities, events, a storyline; returns the ids and spans tests refer to."""
    biden = Entity("per-biden", "Joe Biden", "PER", ["Joe Biden", "Biden", "Tổng thống Biden"])
    kishida = Entity("per-kishida", "Fumio Kishida", "PER", ["Fumio Kishida", "Kishida"])
    evil = Entity("org-xss", f"Nhóm {SCRIPT}", "ORG", [f"Nhóm {SCRIPT}", IMG])
    a1 = Article(
        id="web-a1", title="Thượng đỉnh Mỹ - Nhật Bản tại Washington", outlet="VOV",
        lead="Tổng thống Biden đón Thủ tướng Kishida tại Nhà Trắng ngày 10/4.",
        body=["Hai nhà lãnh đạo cam kết gìn giữ hòa bình và ổn định ở khu vực.",
              "Nhật Bản sẽ tăng chi tiêu quốc phòng, ông Kishida cho biết."],
        url="https://vov.vn/the-gioi/thuong-dinh-my-nhat.vov", published=datetime(2024, 4, 10, 9, 0, tzinfo=VN),
        raw="Tổng thống Biden đón Thủ tướng Kishida\n<b>raw page</b>",
    )
    a2 = Article(
        id="web-a2", title="Mỹ và Nhật nâng cấp liên minh", outlet="VnExpress",
        lead="Ông Biden và ông Kishida công bố hơn 70 thỏa thuận hợp tác.",
        body=["Hai nước nhấn mạnh vai trò của liên minh đối với hoà bình ở châu Á."],
        published=datetime(2024, 4, 11, 8, 30, tzinfo=VN),
    )
    a3 = Article(
        id="web-a3", title="Hội nghị ba bên Mỹ - Nhật - Philippines", outlet="VOV",
        lead="Lãnh đạo ba nước họp tại Washington sau thượng đỉnh Mỹ - Nhật.",
        body=["Tổng thống Biden chủ trì cuộc gặp, bàn về an ninh Biển Đông."],
        published=datetime(2024, 5, 2, 15, 0, tzinfo=VN),
    )
    a4 = Article(
        id="web-dn-title", title="Đà Nẵng đăng cai lễ hội pháo hoa quốc tế", outlet="Tuổi Trẻ",
        lead="Lễ hội kéo dài một tháng.", body=["Nhiều đội đến từ châu Âu tham dự."],
        published=datetime(2024, 6, 1, 7, 0, tzinfo=VN),
    )
    a5 = Article(
        id="web-dn-body", title="Du lịch miền Trung hồi phục", outlet="Tuổi Trẻ",
        lead="Lượng khách tăng mạnh ở nhiều tỉnh.",
        body=["Các tỉnh ven biển như Quảng Nam, Huế và cả thành phố Đà Nẵng đón nhiều khách quốc tế hơn năm trước, "
              "trong khi các điểm đến khác cũng ghi nhận tăng trưởng."],
        published=datetime(2024, 6, 2, 7, 0, tzinfo=VN),
    )
    xss = Article(
        id="web-xss", title=f"Tin độc {SCRIPT} {IMG}", outlet=f"Báo {IMG}",
        lead=f"Đoạn mở đầu có mã độc {SCRIPT} giữa câu.",
        body=[f"Thân bài có thẻ {IMG} và {SCRIPT} lần nữa."],
        url="javascript:alert(1)", published=datetime(2024, 4, 12, 10, 0, tzinfo=VN),
        raw=f"<html><body>{SCRIPT}{IMG}</body></html>",
    )
    for article, names in ((a1, [("Biden", biden), ("Kishida", kishida)]), (a2, [("Biden", biden), ("Kishida", kishida)]),
                           (a3, [("Biden", biden)]), (xss, [])):
        article.mentions = [_mention(article, text, entity) for text, entity in names]
        article.entities = sorted({m.entity_id: e for (_, e), m in zip(names, article.mentions)}.values(), key=lambda e: e.id)
    xss.mentions = [EntityMention(0, 3, "Tin", "ORG", evil.id)]
    xss.entities = [evil]

    s1 = _sentence(a1, "Hai nhà lãnh đạo cam kết gìn giữ hòa bình và ổn định ở khu vực.")
    s2 = _sentence(a2, "Ông Biden và ông Kishida công bố hơn 70 thỏa thuận hợp tác.")
    ev1 = Event(id="ev-web-1", article_ids=["web-a1", "web-a2"], title="Thượng đỉnh Mỹ - Nhật Bản 2024",
                summary=[s1, s2], date="2024-04-10",
                first_published=a1.published, last_published=a2.published,
                timeline=[TimelineEntry("2024-04-10", a1.lead, "web-a1", 0, len(a1.lead), "ev-web-1", "Thượng đỉnh")])
    ev2 = Event(id="ev-web-2", article_ids=["web-a3"], title="Hội nghị ba bên Mỹ - Nhật - Philippines",
                summary=[_sentence(a3, a3.lead)], date="2024-05-02",
                first_published=a3.published, last_published=a3.published)
    ev_xss = Event(id="ev-xss", article_ids=["web-xss"], title=f"Sự kiện {SCRIPT}",
                   summary=[_sentence(xss, xss.lead)], first_published=xss.published, last_published=xss.published,
                   timeline=[TimelineEntry("2024-04-12", xss.lead, "web-xss", 0, len(xss.lead), "ev-xss", IMG)])
    ev_dn = Event(id="ev-dn", article_ids=["web-dn-title", "web-dn-body"], title="Đà Nẵng",
                  first_published=a4.published, last_published=a5.published)
    events = [ev1, ev2, ev_xss, ev_dn]
    articles = [a1, a2, a3, a4, a5, xss]
    for event in events:
        for article in articles:
            if article.id in event.article_ids:
                article.event_id = event.id

    storyline = Storyline("sl-web-1", ["ev-web-1", "ev-web-2"], "Quan hệ Mỹ - Nhật 2024", [
        TimelineEntry("2024-04-10", a1.lead, "web-a1", 0, len(a1.lead), "ev-web-1", ""),
        TimelineEntry("2024-05-02", a3.lead, "web-a3", 0, len(a3.lead), "ev-web-2", ""),
    ])
    with store.transaction():
        store.add_articles(articles)
        store.set_groups(articles)
        store.save_events(events)
        for event in events:
            counts: dict[str, int] = {}
            for article in articles:
                if article.id in event.article_ids:
                    for m in article.mentions:
                        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
            store.save_event_details(event, counts)
        store.save_storylines([storyline])
    return {"summary": [s1, s2], "articles": {a.id: a for a in articles}}


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> dict:
    """{'path': the store file, ...add_web_rows ids}: pipeline output from examples/ plus test rows."""
    path = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(path)
    Pipeline(store).run([EXAMPLES / "seeds", EXAMPLES / "vims-sample.jsonl"])
    added = add_web_rows(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return {"path": path, **added}


@pytest.fixture(scope="session")
def client(web_store):
    from fastapi.testclient import TestClient

    from sukien.web import create_app

    with TestClient(create_app(web_store["path"])) as test_client:
        yield test_client
