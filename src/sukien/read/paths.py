"""Find input files and dispatch them to the reader for their format."""

from __future__ import annotations

import glob
import gzip
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sukien.errors import InputError
from sukien.model import Article
from sukien.read import html, jsonl, text, warc

ErrorHandler = Callable[[InputError], None]

_READERS = {
    ".txt": text.read,
    ".jsonl": jsonl.read,
    ".json": jsonl.read,
    ".jsonl.gz": jsonl.read,
    ".json.gz": jsonl.read,
    ".html": html.read,
    ".htm": html.read,
    ".warc": warc.read,
    ".warc.gz": warc.read,
}


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(_READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, files under folders (sorted, recursive) and glob matches, each once."""
    seen: set[Path] = set()
    for item in paths:
        item = str(item)
        candidates = [Path(p) for p in sorted(glob.glob(item, recursive=True))] if glob.has_magic(item) else [Path(item)]
        for candidate in candidates:
            files = sorted(p for p in candidate.rglob("*") if p.is_file()) if candidate.is_dir() else [candidate]
            for f in files:
                if candidate.is_dir() and _suffix(f) not in _READERS:
                    continue  # folders: only files we know how to read
                if f not in seen:
                    seen.add(f)
                    yield f


def read_file(path: Path | str, on_error: ErrorHandler) -> Iterator[Article]:
    path = Path(path)
    if not path.exists():
        on_error(InputError(path, "no such file"))
        return
    reader = _READERS.get(_suffix(path))
    if reader is None:
        on_error(InputError(path, f"unknown input format {path.suffix!r} (expected .txt, .jsonl[.gz], .html, .warc[.gz])"))
        return
    try:
        yield from reader(path, on_error)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        on_error(InputError(path, f"cannot read: {err}"))


def read_paths(paths: Iterable[str | Path], on_error: ErrorHandler) -> Iterator[Article]:
    for path in iter_files(paths):
        yield from read_file(path, on_error)
