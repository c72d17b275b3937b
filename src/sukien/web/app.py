"""The FastAPI app: server-rendered Vietnamese pages and a JSON API over a read-only store.

Every request borrows a read-only SQLite connection from a small pool (one connection is only
ever used by one thread at a time). Request values reach SQL as bound parameters only; ids must
match `ID_PATTERN`; page sizes and query lengths are bounded. Templates autoescape everything,
and every response carries a strict Content-Security-Policy (no inline script or style).
"""

from __future__ import annotations

import queue
from contextlib import asynccontextmanager, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from sukien.store import Store
from sukien.store import queries
from sukien.web import charts, schemas

HERE = Path(__file__).parent
ID_PATTERN = r"^[\w][\w.:~+-]{0,199}$"
MAX_PAGE = 10_000

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
TYPE_LABELS = {"PER": "Người", "ORG": "Tổ chức", "LOC": "Địa điểm", "MISC": "Khác"}

IdPath = Annotated[str, PathParam(pattern=ID_PATTERN, max_length=200, description="an id: letters, digits, . : ~ + - _")]
PageQuery = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page number, from 1")]
PerPageQuery = Annotated[int, Query(ge=1, le=queries.MAX_PAGE_SIZE, description="results per page (at most 100)")]
TextQuery = Annotated[str, Query(max_length=queries.MAX_QUERY_LENGTH, description="search text (at most 200 characters)")]
DateQuery = Annotated[str, Query(max_length=10, pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD")]
OutletQuery = Annotated[str, Query(max_length=100)]
EntityQuery = Annotated[str, Query(max_length=200, pattern=r"^([\w][\w.:~+-]{0,199})?$")]


# -- plumbing -----------------------------------------------------------------------------------
class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in SECURITY_HEADERS if name not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class StorePool:
    """Read-only stores handed to one request (one thread) at a time."""

    def __init__(self, path: str | Path, keep: int = 8):
        self.path = Path(path)
        self.keep = keep
        self.idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self.put_back(Store(self.path, readonly=True))  # fail fast on a missing or old store

    @contextmanager
    def store(self):
        try:
            store = self.idle.get_nowait()
        except queue.Empty:
            store = Store(self.path, readonly=True)
        try:
            yield store
        finally:
            self.put_back(store)

    def put_back(self, store: Store) -> None:
        if self.idle.qsize() < self.keep:
            self.idle.put(store)
        else:
            store.close()

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get_nowait().close()


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"ngày không hợp lệ: {value!r} (định dạng YYYY-MM-DD)") from None


# -- template helpers ---------------------------------------------------------------------------
def vn_datetime(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return moment.strftime("%d/%m/%Y")
    return moment.strftime("%d/%m/%Y %H:%M")


def vn_date(value: str | None) -> str:
    """A TIMEX3-style value in Vietnamese reading order: 2016-05-19 -> 19/05/2016, 2016-05 -> 05/2016."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(value) == 10:
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"tháng {parts[1]}/{parts[0]}"
    if value.isdigit() and len(value) == 4:
        return f"năm {value}"
    return value


def span_label(first: str | None, last: str | None) -> str:
    a, b = vn_datetime(first)[:10], vn_datetime(last)[:10]
    if a and b and a != b:
        return f"{a} – {b}"
    return a or b


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the site; anything else (javascript:, data:) is dropped."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def make_templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(q=lambda value: quote(str(value), safe=""), vn_datetime=vn_datetime, vn_date=vn_date,
                       safe_url=safe_url, type_label=lambda t: TYPE_LABELS.get(t, t),
                       number=lambda n: f"{n:,}".replace(",", "."))
    env.globals.update(span_label=span_label)
    return env


# -- the app ------------------------------------------------------------------------------------
def create_app(db_path: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web UI and JSON API over the store at `db_path`, opened read-only.

    `allowed_hosts` limits the Host header (`serve` passes the loopback names when it binds to
    localhost, so a web page that rebinds its DNS name to 127.0.0.1 cannot read the store).
    """
    pool = StorePool(db_path)
    templates = make_templates()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        pool.close()

    app = FastAPI(title="sukien", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Sự kiện, chuỗi sự kiện, thực thể và tìm kiếm trên kho tin tức (chỉ đọc).")
    app.state.pool = pool
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(name: str, status_code: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)

    def not_found(what: str) -> HTTPException:
        return HTTPException(404, f"không tìm thấy {what}")

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    # -- errors: JSON for the API, a friendly Vietnamese page elsewhere -------------------------
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        message = error.detail if isinstance(error.detail, str) else "lỗi"
        if is_api(request):
            return JSONResponse({"status": error.status_code, "detail": message}, status_code=error.status_code)
        title = {404: "Không tìm thấy trang", 405: "Phương thức không được hỗ trợ"}.get(error.status_code,
                                                                                     "Yêu cầu không hợp lệ")
        message = {"Not Found": "Địa chỉ này không có trên trang.",
                   "Method Not Allowed": "Trang này chỉ để đọc (GET)."}.get(message, message)
        return page("error.html", error.status_code, title=title, message=message, code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError):
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                    for e in error.errors()]
        if is_api(request):
            return JSONResponse({"status": 422, "detail": "tham số không hợp lệ", "errors": problems}, status_code=422)
        if any(p["where"].startswith("path") for p in problems):
            return page("error.html", 404, title="Không tìm thấy trang", code=404,
                        message="Mã này không hợp lệ nên không có trang nào tương ứng.")
        return page("error.html", 422, title="Yêu cầu không hợp lệ", code=422,
                    message="Tham số không hợp lệ: " + "; ".join(f"{p['where']}: {p['problem']}" for p in problems))

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception):
        if is_api(request):
            return JSONResponse({"status": 500, "detail": "lỗi máy chủ"}, status_code=500)
        return page("error.html", 500, title="Lỗi máy chủ", code=500, message="Đã có lỗi khi hiển thị trang này.")

    # -- shared readers ---------------------------------------------------------------------
    def events_listing(date_from: str, date_to: str, outlet: str, entity: str, page_number: int, per_page: int):
        start, end = _parse_date(date_from), _parse_date(date_to)
        with pool.store() as store:
            listing = queries.list_events(store, date_from=start, date_to=end, outlet=outlet or None,
                                          entity_id=entity or None, page=page_number, per_page=per_page)
            listing["filters"] = {"from": date_from, "to": date_to, "outlet": outlet, "entity": entity}
            listing["entity_name"] = None
            if entity:
                row = store.conn.execute("SELECT name FROM entities WHERE id = ?", (entity,)).fetchone()
                listing["entity_name"] = row["name"] if row else None
            listing["outlet_choices"] = queries.outlets(store)
        return listing

    def read(fn, *args, **kwargs):
        with pool.store() as store:
            return fn(store, *args, **kwargs)

    def paging(total: int, page_number: int, per_page: int, params: dict) -> dict:
        pages = max(1, -(-total // per_page))
        clean = {k: v for k, v in params.items() if v not in (None, "")}

        def url(n: int) -> str:
            return "?" + urlencode({**clean, "page": n} if n > 1 else clean)

        return {"page": page_number, "pages": pages, "total": total,
                "prev": url(page_number - 1) if page_number > 1 else None,
                "next": url(page_number + 1) if page_number < pages else None}

    # -- HTML pages -------------------------------------------------------------------------
    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def index(date_from: Annotated[DateQuery, Query(alias="from")] = "", date_to: Annotated[DateQuery, Query(alias="to")] = "",
              outlet: OutletQuery = "", entity: EntityQuery = "", page_number: Annotated[PageQuery, Query(alias="page")] = 1,
              per_page: PerPageQuery = 20):
        listing = events_listing(date_from, date_to, outlet, entity, page_number, per_page)
        params = {**listing["filters"], "per_page": per_page if per_page != 20 else None}
        return page("index.html", listing=listing, paging=paging(listing["total"], listing["page"], per_page, params))

    @app.api_route("/events/{event_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: IdPath):
        event = read(queries.get_event, event_id)
        if event is None:
            raise not_found("sự kiện này")
        return page("event.html", event=event)

    @app.api_route("/articles/{article_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: IdPath, q: TextQuery = ""):
        article = read(queries.get_article, article_id)
        if article is None:
            raise not_found("bài báo này")
        hits = queries.find_hits(article["text"], queries.query_tokens(q)) if q else []
        layout = queries.article_layout(article["text"], [tuple(s) for s in article["cited_spans"]],
                                        article["mentions"], hits)
        title_hits = queries.find_hits(article["title"], queries.query_tokens(q)) if q else []
        return page("article.html", article=article, layout=layout, query=q,
                    title_segments=queries.segments(article["title"], title_hits))

    @app.api_route("/articles/{article_id}/raw", methods=["GET", "HEAD"], response_class=PlainTextResponse,
                   include_in_schema=False)
    def article_raw(article_id: IdPath):
        raw = read(queries.get_raw, article_id)
        if raw is None:
            raise not_found("bản gốc của bài báo này")
        # text/plain with nosniff: the original page is shown as text, never interpreted as HTML
        return PlainTextResponse(raw, media_type="text/plain; charset=utf-8")

    @app.api_route("/entities/{entity_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def entity_page(entity_id: IdPath, page_number: Annotated[PageQuery, Query(alias="page")] = 1):
        entity = read(queries.get_entity, entity_id, page=page_number)
        if entity is None:
            raise not_found("thực thể này")
        return page("entity.html", entity=entity, chart=charts.mention_bars(entity["mentions_over_time"]),
                    paging=paging(entity["events_total"], entity["page"], entity["per_page"], {}))

    @app.api_route("/storylines/{storyline_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def storyline_page(storyline_id: IdPath):
        storyline = read(queries.get_storyline, storyline_id)
        if storyline is None:
            raise not_found("chuỗi sự kiện này")
        return page("storyline.html", storyline=storyline, chart=charts.event_timeline(storyline["events"]))

    @app.api_route("/search", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: TextQuery = "", page_number: Annotated[PageQuery, Query(alias="page")] = 1,
                    per_page: PerPageQuery = 20):
        found = read(queries.search, q, page=page_number, per_page=per_page) if q.strip() else None
        pages = paging(found["total"], found["page"], per_page, {"q": q, "per_page": per_page if per_page != 20 else None}) \
            if found else None
        return page("search.html", query=q, found=found, paging=pages)

    # -- JSON API ---------------------------------------------------------------------------
    @app.get("/api/events", response_model=schemas.EventList, responses=schemas.ERRORS, tags=["events"], summary="Events, newest first, filtered and paged")
    def api_events(date_from: Annotated[DateQuery, Query(alias="from")] = "",
                   date_to: Annotated[DateQuery, Query(alias="to")] = "", outlet: OutletQuery = "",
                   entity: EntityQuery = "", page_number: Annotated[PageQuery, Query(alias="page")] = 1,
                   per_page: PerPageQuery = 20):
        listing = events_listing(date_from, date_to, outlet, entity, page_number, per_page)
        return {k: listing[k] for k in ("total", "page", "per_page", "filters", "events")}

    @app.get("/api/events/{event_id}", response_model=schemas.EventOut, responses=schemas.ERRORS, tags=["events"], summary="One event: summary, timeline, entities, articles")
    def api_event(event_id: IdPath):
        event = read(queries.get_event, event_id)
        if event is None:
            raise not_found(f"sự kiện {event_id}")
        return event

    @app.get("/api/storylines/{storyline_id}", response_model=schemas.StorylineOut, responses=schemas.ERRORS,
             tags=["storylines"], summary="One storyline with its events")
    def api_storyline(storyline_id: IdPath):
        storyline = read(queries.get_storyline, storyline_id)
        if storyline is None:
            raise not_found(f"chuỗi sự kiện {storyline_id}")
        return storyline

    @app.get("/api/entities/{entity_id}", response_model=schemas.EntityPage, responses=schemas.ERRORS, tags=["entities"], summary="One entity: aliases, events, mentions over time")
    def api_entity(entity_id: IdPath, page_number: Annotated[PageQuery, Query(alias="page")] = 1,
                   per_page: PerPageQuery = 20):
        entity = read(queries.get_entity, entity_id, page=page_number, per_page=per_page)
        if entity is None:
            raise not_found(f"thực thể {entity_id}")
        return entity

    @app.get("/api/articles/{article_id}", response_model=schemas.ArticleOut, response_model_exclude_unset=True,
             responses=schemas.ERRORS, tags=["articles"], summary="One cleaned article with its mentions")
    def api_article(article_id: IdPath, raw: Annotated[bool, Query(description="include the original page text")] = False):
        article = read(queries.get_article, article_id, with_raw=raw)
        if article is None:
            raise not_found(f"bài báo {article_id}")
        return article

    @app.get("/api/search", response_model=schemas.SearchOut, responses=schemas.ERRORS, tags=["search"], summary="Accent-insensitive full-text search, ranked, with snippets")
    def api_search(q: Annotated[str, Query(min_length=1, max_length=queries.MAX_QUERY_LENGTH)],
                   page_number: Annotated[PageQuery, Query(alias="page")] = 1, per_page: PerPageQuery = 20):
        found = read(queries.search, q, page=page_number, per_page=per_page)
        for result in found["results"]:
            del result["snippet_segments"], result["title_segments"]
        return found

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn; localhost only unless a host is given."""
    import uvicorn

    loopback = host in LOOPBACK_HOSTS
    app = create_app(db_path, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
