"""Plain-text pages as scrapers dump them: one file, one page, parsed by the clean stage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sukien.errors import InputError
from sukien.model import Article
from sukien.read.ids import content_id
from sukien.text import normalize
from sukien.text.legacy import decode_bytes


def read(path: Path, on_error) -> Iterator[Article]:
    try:
        text, warnings = decode_bytes(path.read_bytes())
        text = normalize(text)
    except ValueError as err:
        on_error(InputError(path, str(err)))
        return
    if not text.strip():
        on_error(InputError(path, "empty file"))
        return
    yield Article(id=content_id(text), source=str(path), raw=text, raw_format="text", warnings=warnings)
