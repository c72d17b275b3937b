"""The two seed articles as the clean stage would hand them over (built here, not by clean)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from sukien.model import Article
from sukien.text import normalize

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VN = timezone(timedelta(hours=7))


def _lines(name: str) -> list[str]:
    text = normalize((FIXTURES / name).read_text(encoding="utf-8"))
    return [line.strip() for line in text.split("\n")]


def seed_000(**extra) -> Article:
    """AP story on the 2+2 meeting; its dateline (2020-07-12) contradicts the text (January 2023)."""
    lines = [line for line in _lines("000_7547b9468bdb06db.txt") if line]
    title = lines[1]
    body = [line for line in lines[2:] if "Ảnh minh hoạ" not in line and not line.startswith("Bảo Nghi")]
    fields = dict(id="seed-000", title=title, body=body,
                  published=datetime(2020, 7, 12, 10, 29, tzinfo=VN), published_source="dateline",
                  warnings=["dateline 2020-07-12 contradicts the text (events of 2023)"])
    fields.update(extra)
    return Article(**fields)


def seed_003(published: datetime | None = datetime(2024, 4, 11, 8, 0, tzinfo=VN), **extra) -> Article:
    """VOV.VN story on the Biden–Kishida summit of 10 April 2024, without its related-news block."""
    lines = _lines("003_26d975ab3c8963bb.txt")
    title = lines[0]
    paragraphs = []
    for line in lines[1:]:
        if line.startswith("Mời quý độc giả"):
            break
        if line:
            paragraphs.append(line)
    lead = paragraphs[0].removeprefix("VOV.VN - ")
    fields = dict(id="seed-003", title=title, lead=lead, body=paragraphs[1:], published=published,
                  published_source="input")
    fields.update(extra)
    return Article(**fields)
