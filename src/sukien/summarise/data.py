"""Loading ViMs-style clusters (for training and benchmarks; never used at run time).

`data/Cluster_NNN/K.txt`: first non-empty line the title, the rest the body, one paragraph
per line. `summary/Cluster_NNN/*.txt`: human summaries; the first line (`Cluster_NNN`) and
MDSWriter headers (`=...=` lines) are dropped, `*.txt~` backups ignored. Files may be non-NFC,
mix line endings and hold zero-width characters: everything goes through `normalize`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sukien.model import Article
from sukien.text import normalize


@dataclass
class Cluster:
    name: str
    articles: list[Article]
    references: list[str]


def shared_dir(repo_root: Path) -> Path | None:
    """The shared data folder: $SUKIEN_SHARED, then <repo>/../shared, then /work/shared."""
    for candidate in (os.environ.get("SUKIEN_SHARED"), repo_root / ".." / "shared", "/work/shared"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate).resolve()
    return None


def _read(path: Path) -> str:
    return normalize(path.read_bytes().decode("utf-8-sig", errors="replace"))


def read_article(path: Path, article_id: str) -> Article:
    lines = [line.strip() for line in _read(path).split("\n")]
    lines = [line for line in lines if line]
    title = lines[0] if lines else ""
    return Article(id=article_id, title=title, body=lines[1:], source=str(path))


def read_summary(path: Path) -> str:
    lines = [line.strip() for line in _read(path).split("\n")]
    lines = [line for line in lines if line]
    if lines and lines[0].lower().startswith("cluster"):
        lines = lines[1:]
    lines = [line for line in lines if not (line.startswith("=") and line.endswith("="))]
    return "\n".join(lines)


def _number(path: Path) -> tuple[int, str]:
    return (int(path.stem), path.stem) if path.stem.isdigit() else (10**9, path.stem)


def load_vims(root: Path) -> list[Cluster]:
    """All clusters under `root` (the folder holding data/ and summary/), sorted by name."""
    clusters = []
    for folder in sorted((root / "data").iterdir()):
        if not folder.is_dir():
            continue
        files = sorted((p for p in folder.glob("*.txt")), key=_number)
        articles = [read_article(p, f"{folder.name}/{p.stem}") for p in files]
        summary_dir = root / "summary" / folder.name
        refs = [read_summary(p) for p in sorted(summary_dir.glob("*.txt"))] if summary_dir.is_dir() else []
        clusters.append(Cluster(folder.name, articles, [r for r in refs if r.strip()]))
    return clusters
