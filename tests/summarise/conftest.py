"""Seed articles built by hand the way the clean stage would, and a raw variant with boilerplate."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from sukien.model import Article
from sukien.text import normalize

FIXTURES = Path(__file__).with_name("fixtures")
VN = timezone(timedelta(hours=7))


def paragraphs(name: str) -> list[str]:
    text = normalize((FIXTURES / name).read_text(encoding="utf-8"))
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture
def seed_2plus2() -> Article:
    """AP story: dateline line, title, lead, body with an inline photo caption and a byline."""
    p = paragraphs("000_7547b9468bdb06db.txt")
    assert p[0].startswith("Chủ Nhật") and p[3].endswith("Ảnh minh hoạ: Getty Image")
    body = [x for x in p[3:] if not x.endswith("Getty Image") and not x.startswith("Bảo Nghi (Lược dịch")]
    return Article(id="seed-000", title=p[1], lead=p[2], body=body, outlet="example",
                   published=datetime(2023, 1, 12, 10, 29, tzinfo=VN))


@pytest.fixture
def seed_summit() -> Article:
    """VOV.VN story: title, lead, body; the follow-us prompt and related block left out."""
    p = paragraphs("003_26d975ab3c8963bb.txt")
    end = next(i for i, x in enumerate(p) if x.startswith("Mời quý độc giả"))
    return Article(id="seed-003", title=p[0], lead=p[1], body=p[2:end], outlet="vov.vn",
                   published=datetime(2024, 4, 11, 8, 0, tzinfo=VN))


@pytest.fixture
def raw_seeds() -> list[Article]:
    """Both seeds with every line kept as a paragraph: captions, bylines, prompts, related block."""
    p0 = paragraphs("000_7547b9468bdb06db.txt")
    p3 = paragraphs("003_26d975ab3c8963bb.txt")
    return [Article(id="raw-000", title=p0[1], body=p0[2:]), Article(id="raw-003", title=p3[0], body=p3[1:])]
