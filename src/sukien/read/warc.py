"""WARC archives (plain or gzipped): every HTML response record becomes a page to clean."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sukien.errors import InputError
from sukien.model import Article
from sukien.read.html import decode_html
from sukien.read.ids import content_id, url_id


def read(path: Path, on_error) -> Iterator[Article]:
    with open(path, "rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                html = decode_html(record.content_stream().read())
                if html.strip():
                    yield Article(id=url_id(url) if url else content_id(html), source=f"{path}#{url}", url=url or None,
                                  raw=html, raw_format="html")
        except ArchiveLoadFailed as err:
            on_error(InputError(path, f"not a valid WARC archive: {err}"))
