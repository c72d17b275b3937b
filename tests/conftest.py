from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def seeds_dir() -> Path:
    return FIXTURES


@pytest.fixture
def vims_sample() -> Path:
    return REPO / "examples" / "vims-sample.jsonl"


@pytest.fixture
def write_jsonl(tmp_path):
    def write(records: list[dict], name: str = "articles.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return path

    return write


def shared_dir() -> Path | None:
    for candidate in (os.environ.get("SUKIEN_SHARED"), REPO.parent / "shared"):
        if candidate and (Path(candidate) / "data").is_dir():
            return Path(candidate)
    return None


@pytest.fixture
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared data not available")
    return path
