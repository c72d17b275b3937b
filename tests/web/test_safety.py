"""Untrusted text renders as text; every response carries the security headers; ids are checked."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from .conftest import IMG, SCRIPT

PAGES = ["/", "/events/ev-xss", "/articles/web-xss", "/entities/org-xss", "/search?q=alert", "/search?q=onerror",
         "/storylines/sl-web-1", "/?outlet=" + IMG, "/nope", "/events/%3Cscript%3E", "/search?q=" + SCRIPT]


class ActiveContent(HTMLParser):
    """Collects script elements, event-handler attributes and javascript: links of a page."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.js_links, self.images = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs.get("src"))
        if tag == "img":
            self.images.append(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        self.js_links += [v for k, v in attrs.items() if k in ("href", "src", "action") and v and v.strip().lower().startswith("javascript:")]


@pytest.mark.parametrize("url", PAGES)
def test_payloads_render_as_text(client, url):
    response = client.get(url)
    parser = ActiveContent()
    parser.feed(response.text)
    assert parser.scripts == ["/static/app.js"]
    assert parser.handlers == [] and parser.js_links == [] and parser.images == []
    assert SCRIPT not in response.text and "<img" not in response.text


def test_payloads_are_visible_escaped(client):
    html = client.get("/articles/web-xss").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript' not in html  # the article's javascript: URL is not linked


def test_raw_page_is_plain_text(client):
    response = client.get("/articles/web-xss/raw")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert SCRIPT in response.text  # shown verbatim, as text


def test_api_returns_payloads_as_json_strings(client):
    response = client.get("/api/articles/web-xss")
    assert response.headers["content-type"] == "application/json"
    assert SCRIPT in response.json()["title"]


@pytest.mark.parametrize("url", ["/", "/events/ev-web-1", "/articles/web-a1", "/articles/web-a1/raw", "/search?q=a",
                                 "/api/events", "/api/search?q=a", "/openapi.json", "/static/style.css",
                                 "/static/app.js", "/nope", "/api/nope", "/api/events/%3Cx%3E", "/?page=0"])
def test_security_headers_on_every_response(client, url):
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_pages_use_no_inline_script_or_style(client):
    for url in ("/", "/events/ev-web-1", "/articles/web-a1", "/entities/per-biden", "/storylines/sl-web-1", "/search?q=biden"):
        html = client.get(url).text
        assert "<script>" not in html and " style=" not in html and "<style" not in html, url


@pytest.mark.parametrize("url", ["/events/a%2Fb", "/events/..%2F..%2Fetc", "/articles/%22%3E", "/entities/a%20b",
                                 "/storylines/" + "x" * 201])
def test_malformed_ids_are_404_pages(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert 'lang="vi"' in response.text and "Không tìm thấy" in response.text


@pytest.mark.parametrize("url", ["/api/events/a%20b", "/api/articles/%3Cscript%3E", "/api/entities/a'b", "/api/storylines/a;b"])
def test_malformed_ids_are_422_in_the_api(client, url):
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["errors"][0]["where"].startswith("path.")


def test_the_store_is_opened_read_only(client):
    import sqlite3

    with client.app.state.pool.store() as store:
        assert store.readonly
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute("DELETE FROM articles")


def test_host_header_is_checked_when_serving_localhost(web_store):
    from fastapi.testclient import TestClient

    from sukien.web.app import LOOPBACK_HOSTS, create_app

    app = create_app(web_store["path"], allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/events").status_code == 200
        assert local.get("/api/events", headers={"host": "localhost:8000"}).status_code == 200
        rebound = local.get("/api/events", headers={"host": "evil.example:8000"})
        assert rebound.status_code == 400
        assert rebound.headers["content-security-policy"].startswith("default-src 'self'")
