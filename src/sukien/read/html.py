"""HTML pages: kept raw here; the clean stage extracts text and metadata."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sukien.errors import InputError
from sukien.model import Article
from sukien.read.ids import content_id
from sukien.text.legacy import looks_binary


def decode_html(data: bytes) -> str:
    """UTF-8 first, then the charset the page declares, then Windows-1258 (legacy Vietnamese)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    head = data[:4096].decode("ascii", "ignore").lower()
    marker = head.find("charset=")
    if marker >= 0:
        charset = head[marker + 8 :].strip("\"' ").split('"')[0].split("'")[0].split(";")[0].split()[0]
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1258", errors="replace")


def read(path: Path, on_error) -> Iterator[Article]:
    data = path.read_bytes()
    if looks_binary(data):
        on_error(InputError(path, "binary file, not HTML"))
        return
    html = decode_html(data)
    if not html.strip():
        on_error(InputError(path, "empty file"))
        return
    yield Article(id=content_id(html), source=str(path), raw=html, raw_format="html")
