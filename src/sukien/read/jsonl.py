"""JSON Lines, plain or gzipped: one article per line.

Fields: `id`, `title`, `lead`, `body` (text, or a list of paragraphs), and optionally
`published` (ISO 8601; Asia/Ho_Chi_Minh when no zone), `url`, `outlet`, `author`. A line that
is not a JSON object is reported with its line number; the other lines still go in.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sukien.errors import InputError
from sukien.model import Article
from sukien.read.ids import content_id, url_id
from sukien.text import normalize

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def parse_published(value) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)


def _paragraphs(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        parts = [str(p) for p in value]
    else:
        parts = str(value).split("\n")
    return [p for p in (normalize(x).strip() for x in parts) if p]


def article_from_record(record: dict, source: str) -> Article:
    title = normalize(str(record.get("title") or "")).strip()
    lead = " ".join(_paragraphs(record.get("lead")))
    body = _paragraphs(record.get("body") or record.get("text"))
    url = record.get("url") or None
    if record.get("id") not in (None, ""):
        article_id = str(record["id"])
    elif url:
        article_id = url_id(url)
    else:
        article_id = content_id("\n".join([title, lead, *body]))
    published = parse_published(record.get("published"))
    warnings = []
    if record.get("published") and published is None:
        warnings.append(f"unparseable published value {record.get('published')!r} ignored")
    return Article(
        id=article_id,
        title=title,
        lead=lead,
        body=body,
        source=source,
        url=url,
        outlet=record.get("outlet") or None,
        author=record.get("author") or None,
        published=published,
        published_source="input" if published else None,
        warnings=warnings,
    )


def _open(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def read(path: Path, on_error) -> Iterator[Article]:
    with _open(path) as handle:
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            try:
                record = json.loads(raw_line.decode("utf-8"))
            except UnicodeDecodeError:
                on_error(InputError(path, "not valid UTF-8", line=number))
                continue
            except json.JSONDecodeError as err:
                on_error(InputError(path, f"malformed JSON ({err.msg} at column {err.colno})", line=number))
                continue
            if not isinstance(record, dict):
                on_error(InputError(path, f"expected a JSON object, got {type(record).__name__}", line=number))
                continue
            article = article_from_record(record, f"{path}:{number}")
            if not (article.title or article.lead or article.body):
                on_error(InputError(path, "article has no title, lead or body", line=number))
                continue
            yield article
