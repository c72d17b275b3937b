"""The HTML pages: content of every section, links between pages, filters, paging, errors."""

from __future__ import annotations

import re

from .conftest import SCRIPT


def test_index_lists_events_newest_first_with_details(client):
    html = client.get("/").text
    assert '<html lang="vi">' in html and 'name="viewport"' in html
    order = [html.index(f'href="/events/{e}"') for e in ("ev-dn", "ev-web-2", "ev-xss", "ev-web-1")]
    assert order == sorted(order)
    card = html[html.index('href="/events/ev-web-1"'):]
    card = card[:card.index("</article>")]
    assert "2 bài" in card and "VOV" in card and "VnExpress" in card
    assert "10/04/2024 – 11/04/2024" in card
    assert 'href="/entities/per-biden"' in card and 'href="/storylines/sl-web-1"' in card


def test_index_filters(client):
    by_outlet = client.get("/", params={"outlet": "VOV"}).text
    assert 'href="/events/ev-web-1"' in by_outlet and 'href="/events/ev-web-2"' in by_outlet
    assert 'href="/events/ev-dn"' not in by_outlet and "2 sự kiện" in by_outlet
    in_may = client.get("/", params={"from": "2024-05-01", "to": "2024-05-31"}).text
    assert 'href="/events/ev-web-2"' in in_may and 'href="/events/ev-web-1"' not in in_may
    by_entity = client.get("/", params={"entity": "per-kishida"}).text
    assert 'href="/events/ev-web-1"' in by_entity and 'href="/events/ev-web-2"' not in by_entity
    assert "Fumio Kishida" in by_entity
    empty_fields = client.get("/", params={"from": "", "to": "", "outlet": ""})
    assert empty_fields.status_code == 200


def test_index_paging(client):
    first = client.get("/", params={"per_page": 2}).text
    assert 'rel="next" href="?per_page=2&amp;page=2"' in first and "Trang 1 /" in first
    second = client.get("/", params={"per_page": 2, "page": 2}).text
    assert 'rel="prev"' in second
    assert set(re.findall(r'href="/events/([^"]+)"', first)).isdisjoint(re.findall(r'href="/events/([^"]+)"', second))


def test_event_page_sections(client, web_store):
    html = client.get("/events/ev-web-1").text
    s1, s2 = web_store["summary"]
    assert f'href="/articles/web-a1#s-{s1.start}"' in html and s1.text in html
    assert f'href="/articles/web-a2#s-{s2.start}"' in html
    assert "Dòng thời gian" in html and "10/04/2024" in html and "Thượng đỉnh" in html
    assert 'href="/entities/per-biden"' in html and "Joe Biden" in html
    assert 'href="/articles/web-a1/raw"' in html and 'href="https://vov.vn/the-gioi/thuong-dinh-my-nhat.vov"' in html
    assert "VnExpress" in html and "11/04/2024 08:30" in html
    assert 'href="/storylines/sl-web-1"' in html


def test_cited_sentence_is_an_anchor_on_the_article_page(client, web_store):
    s1 = web_store["summary"][0]
    html = client.get("/articles/web-a1").text
    match = re.search(rf'<span id="s-{s1.start}" class="s cited">(.*?)</span>', html)
    assert match and re.sub(r"<[^>]+>", "", match.group(1)) == s1.text
    assert 'href="/entities/per-kishida"' in html  # mentions link to entity pages
    assert 'href="/events/ev-web-1"' in html


def test_article_page_highlights_the_search_words(client):
    html = client.get("/articles/web-a2", params={"q": "hoa binh"}).text
    assert "<mark>hoà</mark>" in html and "<mark>bình</mark>" in html


def test_pipeline_events_render(client, web_store):
    listing = client.get("/api/events", params={"per_page": 100}).json()
    assert listing["total"] >= 10
    for event in listing["events"]:
        response = client.get(f"/events/{event['id']}")
        assert response.status_code == 200
        for article_id in client.get(f"/api/events/{event['id']}").json()["article_ids"]:
            assert client.get(f"/articles/{article_id}").status_code == 200


def test_entity_page(client):
    html = client.get("/entities/per-biden").text
    assert "Joe Biden" in html and "Tổng thống Biden" in html and "Người" in html
    assert html.count('<rect class="bar"') >= 2  # 10/04 .. 02/05 by day
    assert 'href="/events/ev-web-1"' in html and 'href="/events/ev-web-2"' in html
    assert 'href="/?entity=per-biden"' in html


def test_storyline_page(client):
    html = client.get("/storylines/sl-web-1").text
    assert "Quan hệ Mỹ - Nhật 2024" in html
    assert html.count('<circle class="dot"') == 2
    assert html.index('href="/events/ev-web-1"') < html.index('href="/events/ev-web-2"')
    assert "02/05/2024" in html


def test_search_page_paging(client):
    html = client.get("/search", params={"q": "nhat", "per_page": 1}).text
    assert 'rel="next" href="?q=nhat&amp;per_page=1&amp;page=2"' in html


def test_missing_things_are_friendly_404_pages(client):
    for url in ("/events/khong-co", "/articles/khong-co", "/entities/khong-co", "/storylines/khong-co",
                "/articles/khong-co/raw", "/trang/khong/co"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"].startswith("text/html")
        assert "Không tìm thấy" in response.text and 'href="/"' in response.text


def test_bad_parameters_are_422_pages(client):
    for params in ({"from": "2024-13-45"}, {"from": "hôm qua"}, {"page": "0"}, {"per_page": "500"}):
        response = client.get("/", params=params)
        assert response.status_code == 422, params
        assert "Yêu cầu không hợp lệ" in response.text
    assert client.get("/search", params={"q": "x" * 201}).status_code == 422


def test_escaped_title_in_page_title(client):
    html = client.get("/events/ev-xss").text
    assert "<title>Sự kiện &lt;script&gt;" in html and SCRIPT not in html


def test_head_and_other_methods(client):
    assert client.head("/").status_code == 200
    assert client.head("/events/ev-web-1").status_code == 200
    post = client.post("/")
    assert post.status_code == 405 and "Phương thức không được hỗ trợ" in post.text
    assert client.post("/api/events").json() == {"status": 405, "detail": "Method Not Allowed"}
