"""Clean stage: from a scraped page to the article itself and its metadata.

First version: drops follow/share prompts and everything from a related-news header on, takes
the first non-dateline line as the title, parses a leading dateline. The dedicated clean issue
replaces this with the full Vietnamese-aware cleaner.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import regex

from sukien.model import Article
from sukien.text import normalize

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
_PROMPT = regex.compile(r"^(Mời (quý )?(độc giả|bạn đọc)|Theo dõi .* trên|Chia sẻ|Bình luận)", regex.I)
_RELATED = regex.compile(r"^(Tin liên quan|Tin cùng chuyên mục|Đọc thêm|Xem thêm)\s*:?$", regex.I)
_DATELINE = regex.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\D{0,3}(\d{1,2}):(\d{2})")


def parse_dateline(line: str) -> datetime | None:
    m = _DATELINE.search(line)
    if not m:
        return None
    day, month, year, hour, minute = map(int, m.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=VIETNAM)
    except ValueError:
        return None


def clean_text(text: str, url: str | None = None, source: str = "") -> Article:
    lines = [line.strip() for line in normalize(text).split("\n")]
    lines = [line for line in lines if line]
    published = None
    kept: list[str] = []
    for line in lines:
        if _RELATED.match(line):
            break
        if _PROMPT.match(line):
            continue
        if published is None and not kept and len(line) < 60 and parse_dateline(line):
            published = parse_dateline(line)
            continue
        kept.append(line)
    title = kept[0] if kept else ""
    body = kept[1:]
    digest = hashlib.sha1((url or "\n".join(kept)).encode("utf-8")).hexdigest()[:16]
    return Article(id=digest, title=title, body=body, url=url, source=source, raw=text, raw_format=None,
                   published=published, published_source="dateline" if published else None)


def clean_html(html: str, url: str | None = None, source: str = "") -> Article:
    import trafilatura

    extracted = trafilatura.extract(html, output_format="txt", include_comments=False) or ""
    metadata = trafilatura.extract_metadata(html)
    article = clean_text(((metadata.title + "\n") if metadata and metadata.title else "") + extracted, url, source)
    article.raw = html
    return article


class CleanStage:
    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.raw_format in ("text", "html"):
                parse = clean_text if article.raw_format == "text" else clean_html
                parsed = parse(article.raw or "", url=article.url, source=article.source)
                parsed.id, parsed.warnings = article.id, article.warnings + parsed.warnings
                parsed.published = article.published or parsed.published
                yield parsed
            else:
                article.body = [p for p in article.body if not _PROMPT.match(p)]
                yield article
