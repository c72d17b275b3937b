"""Headless Chromium clicks through the site: event -> article -> entity -> search.

Runs the app with uvicorn on a free localhost port over a store built by the pipeline from
examples/ (plus the first ViMs dev clusters when the shared data is present) and the test rows,
then drives Debian's /usr/bin/chromium with Playwright (no browser download). Screenshots go to
test-artifacts/screenshots/; with SUKIEN_DOCS_SCREENSHOT=1 the event page is also saved to
docs/screenshots/event.png for the README.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO, SCRIPT, add_web_rows
from sukien.text import search_key

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)"),
]


def _shared() -> Path | None:
    for candidate in (os.environ.get("SUKIEN_SHARED"), REPO.parent / "shared", Path("/work/shared")):
        if candidate and (Path(candidate) / "data" / "vims-dev" / "data").is_dir():
            return Path(candidate)
    return None


def _vims_dev_jsonl(shared: Path, target: Path, clusters: int = 30) -> Path:
    """The first ViMs dev clusters as JSONL (title = first non-empty line, body = the rest)."""
    from sukien.text import normalize

    root = shared / "data" / "vims-dev" / "data"
    folders = sorted(root.iterdir(), key=lambda p: int(re.sub(r"\D", "", p.name) or 0))[:clusters]
    with open(target, "w", encoding="utf-8") as out:
        for folder in folders:
            for f in sorted(folder.glob("*.txt")):
                lines = [line.strip() for line in normalize(f.read_bytes().decode("utf-8", "replace")).split("\n")]
                lines = [line for line in lines if line]
                if lines:
                    record = {"id": f"vims-dev-{folder.name}-{f.stem}", "title": lines[0], "body": lines[1:]}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from sukien.pipeline import Pipeline
    from sukien.store import Store
    from sukien.web.app import LOOPBACK_HOSTS, create_app

    folder = tmp_path_factory.mktemp("browser")
    inputs = [EXAMPLES / "seeds", EXAMPLES / "vims-sample.jsonl"]
    shared = _shared()
    if shared:
        inputs.append(_vims_dev_jsonl(shared, folder / "vims-dev.jsonl"))
    store = Store(folder / "browser.db")
    Pipeline(store).run(inputs)
    add_web_rows(store)
    store.close()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(folder / "browser.db", allowed_hosts=LOOPBACK_HOSTS)  # as `serve` runs it
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uvicorn_server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    tab.problems = []  # console errors (CSP violations included), page errors, dialogs
    tab.on("console", lambda m: tab.problems.append(f"console: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"pageerror: {e}"))

    def on_dialog(dialog):
        tab.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    context.close()


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_click_through_event_article_entity_search(server, page):
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("article.event-card").count() >= 5
    shot(page, "01-index")

    page.get_by_role("link", name="Thượng đỉnh Mỹ - Nhật Bản 2024").click()
    page.wait_for_url(re.compile(r"/events/ev-web-1$"))
    assert page.locator("#summary a.sentence").count() == 2
    assert page.locator("#timeline li").count() == 1
    assert page.locator("#entities a.chip").count() == 2
    assert page.locator("#articles li").count() == 2
    shot(page, "02-event")
    if os.environ.get("SUKIEN_DOCS_SCREENSHOT"):
        (REPO / "docs" / "screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(REPO / "docs" / "screenshots" / "event.png"), full_page=True)

    sentence = page.locator("#summary a.sentence").first
    sentence_text = sentence.inner_text()
    sentence.click()
    page.wait_for_url(re.compile(r"/articles/web-a1#s-\d+$"))
    anchor = page.evaluate("location.hash.slice(1)")
    target = page.locator(f"[id='{anchor}']")
    assert target.inner_text() == sentence_text
    assert target.is_visible()
    page.wait_for_timeout(1800)  # let the flash animation end
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "03-article")

    page.locator("a.mention", has_text="Kishida").first.click()
    page.wait_for_url(re.compile(r"/entities/per-kishida$"))
    assert page.locator("h1").inner_text().startswith("Fumio Kishida")
    assert page.locator("svg.bars rect.bar").count() >= 1
    shot(page, "04-entity")

    page.locator("header input[name=q]").fill("nhat ban")
    page.locator("header input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=nhat\+ban$"))
    assert page.locator("li.result").count() >= 3
    assert page.locator("li.result mark").count() >= 2
    marked = {m.lower() for m in page.locator("li.result mark").all_inner_texts()}
    assert {search_key(m) for m in marked} == {"nhat", "ban"} and "nhật" in marked  # accents as written
    shot(page, "05-search")

    page.locator("li.result a.title").first.click()
    page.wait_for_url(re.compile(r"/articles/.+\?q=nhat%20ban$"))
    assert page.locator(".text mark").count() >= 1
    assert page.problems == []


def test_storyline_chart_links_to_events(server, page):
    page.goto(server + "/storylines/sl-web-1")
    assert page.locator("svg.storyline circle.dot").count() == 2
    shot(page, "06-storyline")
    page.locator("svg.storyline a").nth(1).click()
    page.wait_for_url(re.compile(r"/events/ev-web-2$"))
    assert page.problems == []


def test_outlet_filter_submits_clean_urls(server, page):
    page.goto(server + "/")
    page.locator("select[name=outlet]").select_option("VOV")
    page.wait_for_url(re.compile(r"/\?outlet=VOV$"))  # submitted by app.js, empty dates left out
    assert page.locator("article.event-card").count() == 2
    assert page.problems == []


def test_untrusted_text_stays_text(server, page):
    page.goto(server + "/articles/web-xss")
    assert SCRIPT in page.locator("h1").inner_text()
    assert page.locator("img").count() == 0
    page.goto(server + "/events/ev-xss")
    page.goto(server + "/search?q=alert")
    page.wait_for_timeout(300)
    shot(page, "07-xss-search")
    assert page.problems == []  # no alert() dialog, no CSP violation, no script error


def test_readable_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    tab = context.new_page()
    for path, name in (("/", "08-phone-index"), ("/events/ev-web-1", "09-phone-event"), ("/search?q=hoa+binh", "10-phone-search")):
        tab.goto(server + path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        shot(tab, name, full_page=False)  # what the phone shows
    context.close()


def test_not_found_page(server, page):
    response = page.goto(server + "/events/khong-co")
    assert response.status == 404
    assert "Không tìm thấy" in page.locator("h1").inner_text()
