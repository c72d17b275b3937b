"""Loaders for the shared development data (../shared/data); benchmarks only, never the package."""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """SUKIEN_SHARED, else ../shared beside the repo, else /work/shared; None when absent."""
    for candidate in (os.environ.get("SUKIEN_SHARED"), REPO.parent / "shared", Path("/work/shared")):
        if candidate and (Path(candidate) / "data").is_dir():
            return Path(candidate)
    return None


def require_shared() -> Path:
    shared = shared_dir()
    if shared is None:
        sys.exit("shared data not found: set SUKIEN_SHARED to the folder that holds data/ and seeds/")
    return shared


def _cluster_number(path: Path) -> int:
    return int(re.sub(r"\D", "", path.name))


def load_vims(shared: Path) -> list[dict]:
    """ViMs dev clusters: [{'cluster': 'Cluster_001', 'articles': [{'id','title','body'}], 'summaries': [...]}]."""
    from sukien.text import normalize

    clusters = []
    root = shared / "data" / "vims-dev"
    for folder in sorted((root / "data").iterdir(), key=_cluster_number):
        articles = []
        for f in sorted(folder.glob("*.txt"), key=_cluster_number):
            lines = [line.strip() for line in normalize(f.read_bytes().decode("utf-8", "replace")).split("\n")]
            lines = [line for line in lines if line]
            if lines:
                articles.append({"id": f"vims-{_cluster_number(folder):03d}-{_cluster_number(f)}",
                                 "title": lines[0], "body": lines[1:]})
        summaries = []
        for f in sorted((root / "summary" / folder.name).glob("*.txt")):
            lines = normalize(f.read_bytes().decode("utf-8", "replace")).split("\n")[1:]
            text = " ".join(line.strip() for line in lines if line.strip() and not re.fullmatch(r"=.*=", line.strip()))
            if text:
                summaries.append(text)
        clusters.append({"cluster": folder.name, "articles": articles, "summaries": summaries})
    return clusters


def iter_vietnews(shared: Path, limit: int | None = None):
    with gzip.open(shared / "data" / "vietnews-val.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)
