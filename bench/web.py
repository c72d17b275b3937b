"""Web benchmark: search latency and page render times on a store of vietnews-val + ViMs dev.

Builds (once, cached under /tmp) a store of all 22,642 vietnews-val articles plus the 984 ViMs
dev articles with the real pipeline, then measures over the read-only web app:
- search latency (`sukien.store.queries.search`, the query behind /search and /api/search) for
  200 realistic Vietnamese queries, half typed with accents and half without, p50/p95;
- the same queries through the store's first-version `Store.search` (the peer: ranking only, no
  snippets), p50/p95;
- page render times through FastAPI's TestClient: index, event page, search page, p50/p95.

    python bench/web.py [--store /tmp/sukien-web-bench.db] [--rebuild]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from _data import iter_vietnews, load_vims, require_shared

from sukien.pipeline import Pipeline
from sukien.store import Store

DEFAULT_STORE = Path("/tmp/sukien-web-bench.db")


def build_store(path: Path, shared: Path) -> None:
    """All vietnews-val articles then all ViMs dev articles, through the real pipeline."""
    corpus = path.with_suffix(".jsonl")
    with open(corpus, "w", encoding="utf-8") as out:
        for record in iter_vietnews(shared):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for cluster in load_vims(shared):
            for article in cluster["articles"]:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store(path)
    started = time.perf_counter()
    report = Pipeline(store).run([corpus])
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    print(f"built {path}: {report.added} articles, {report.events} events in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


# What readers type: people, places, organisations and topics of Vietnamese news, written with
# diacritics; the benchmark also runs each one folded ("tai nan giao thong"), as typed on a phone.
QUERIES = [
    "Nhật Bản", "Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Quảng Ninh", "Nghệ An",
    "Thanh Hóa", "Huế", "Biển Đông", "Trung Quốc", "Hoa Kỳ", "Hàn Quốc", "Triều Tiên", "Nga", "Ukraine",
    "Campuchia", "Thái Lan", "Liên Hợp Quốc", "tai nạn giao thông", "cháy nhà", "bão số 3", "lũ lụt miền Trung",
    "giá xăng", "giá vàng", "tỷ giá USD", "chứng khoán", "lãi suất ngân hàng", "bất động sản", "xuất khẩu gạo",
    "thuế thu nhập", "ngân sách nhà nước", "đầu tư nước ngoài", "khởi tố vụ án", "tham nhũng", "ma túy",
    "lừa đảo chiếm đoạt tài sản", "tạm giam", "xét xử sơ thẩm", "án tử hình", "công an tỉnh", "Bộ Y tế",
    "bệnh viện Bạch Mai", "sốt xuất huyết", "ung thư", "vắc xin", "an toàn thực phẩm", "ô nhiễm môi trường",
    "biến đổi khí hậu", "học sinh", "thi tốt nghiệp THPT", "tuyển sinh đại học", "giáo viên", "học phí",
    "bóng đá Việt Nam", "đội tuyển U23", "HLV Park Hang-seo", "V-League", "Công Phượng", "SEA Games",
    "World Cup", "Ngoại hạng Anh", "Real Madrid", "Messi", "Ronaldo", "Quốc hội", "Thủ tướng Chính phủ",
    "Chủ tịch nước", "Tổng Bí thư", "đại biểu Quốc hội", "Bộ Công an", "Bộ Tài chính", "hòa bình", "hoà giải",
    "khủng bố", "động đất", "máy bay rơi", "tàu cá ngư dân", "vi phạm giao thông", "nồng độ cồn",
    "đường cao tốc", "sân bay Tân Sơn Nhất", "đường sắt", "xe buýt", "điện thoại thông minh", "Facebook",
    "mạng xã hội", "trí tuệ nhân tạo", "hoa hậu", "ca sĩ", "phim Việt", "du lịch", "Tết Nguyên đán",
    "nông dân", "giá lợn", "thủy điện", "điện mặt trời", "doanh nghiệp nhà nước", "giá điện",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def timed(calls) -> list[float]:
    """Milliseconds of each call, run one after the other."""
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def row(name: str, times: list[float], target: float | None = None) -> str:
    p50, p95 = percentile(times, 50), percentile(times, 95)
    verdict = "" if target is None else ("yes" if p95 < target else "NO")
    target_text = f"< {target:.0f}" if target else ""
    return f"| {name} | {len(times)} | {p50:.1f} | {p95:.1f} | {max(times):.1f} | {target_text} | {verdict} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE, help="cached store (built when missing)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached store")
    args = parser.parse_args()
    if args.rebuild or not args.store.exists():
        build_store(args.store, require_shared())
    Store(args.store).close()  # migrate a cached store built by an older schema

    from fastapi.testclient import TestClient

    from sukien.store import queries
    from sukien.text import fold_accents
    from sukien.web import create_app

    accented = QUERIES[:100]
    plain = [fold_accents(q).lower() for q in accented]
    searches = [q for pair in zip(accented, plain) for q in pair]  # 200, alternating
    store = Store(args.store, readonly=True)
    articles, events = store.count_articles(), store.count_events()
    rng = random.Random(7)
    event_ids = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY article_count DESC, id LIMIT 20")]
    event_ids += rng.sample([r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY id")], 180)
    article_ids = rng.sample([r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")], 200)

    # the search behind /search and /api/search, and the store's first-version search (the peer)
    cold = timed([lambda q=q: queries.search(store, q) for q in searches])
    warm = timed([lambda q=q: queries.search(store, q) for q in searches])
    accented_times = timed([lambda q=q: queries.search(store, q) for q in accented])
    plain_times = timed([lambda q=q: queries.search(store, q) for q in plain])
    peer = timed([lambda q=q: store.search(q) for q in searches])
    hits = [queries.search(store, q)["total"] for q in searches]

    with TestClient(create_app(args.store)) as client:
        def get(url: str, **params):
            response = client.get(url, params=params)
            assert response.status_code == 200, (url, response.status_code)

        for event_id in event_ids[:20]:
            get(f"/events/{event_id}")  # warm-up
        event_pages = timed([lambda e=e: get(f"/events/{e}") for e in event_ids])
        index_pages = timed([lambda p=p: get("/", page=p) for p in [1] * 100 + list(range(1, 101))])
        filtered_pages = timed([lambda d=d: get("/", **{"from": f"2016-{d % 12 + 1:02d}-01"}) for d in range(200)])
        article_pages = timed([lambda a=a: get(f"/articles/{a}") for a in article_ids])
        search_pages = timed([lambda q=q: get("/search", q=q) for q in searches])
        api_search = timed([lambda q=q: get("/api/search", q=q) for q in searches])
        api_events = timed([lambda p=p: get("/api/events", page=p, per_page=100) for p in range(1, 201)])
    store.close()

    size = sum(f.stat().st_size for f in args.store.parent.glob(args.store.name + "*")) / 1e6
    lines = [
        f"# Web: search latency and page render times — {date.today()} — {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite3_version()}",
        "",
        f"Store: {articles:,} articles (vietnews-val + ViMs dev), {events:,} events, {size:.0f} MB. "
        f"200 queries (100 with diacritics, the same 100 folded), median {statistics.median(hits):.0f} matching "
        f"articles per query (max {max(hits):,}); page size 20. Times in ms, one client, in process.",
        "",
        "| measure | n | p50 ms | p95 ms | max ms | target p95 | met |",
        "|---|---|---|---|---|---|---|",
        row("search: queries.search, ranked + count + snippets (warm)", warm, 50),
        row("search: same, first pass (cold page cache)", cold),
        row("search: with diacritics only", accented_times),
        row("search: folded only", plain_times),
        row("peer: Store.search, ranked ids only (first version)", peer),
        row("page: /events/{id} (20 largest + 180 random)", event_pages, 100),
        row("page: / (index, pages 1..100)", index_pages),
        row("page: /?from=YYYY-MM-DD (date filter)", filtered_pages),
        row("page: /articles/{id} (200 random)", article_pages),
        row("page: /search?q= (HTML, snippets)", search_pages),
        row("api: /api/search?q=", api_search),
        row("api: /api/events?per_page=100", api_events),
    ]
    print("\n".join(lines))


def sqlite3_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


if __name__ == "__main__":
    main()
