"""JSON in and out for `sukien summarize --input CLUSTER.jsonl --max-tokens N`.

Input: one article per line, `{"id", "title", "body", "lead"?, "published"?}`; `body` is a
string (paragraphs separated by newlines) or a list of paragraphs; `published` an ISO 8601
time. Output: `{"summary": text, "sentences": [{"text", "article_id", "start", "end"}]}` where
the offsets index the article's text (lead and body paragraphs joined by newlines).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sukien.model import Article, SummarySentence
from sukien.text import normalize


def _paragraphs(value) -> list[str]:
    if isinstance(value, str):
        value = value.split("\n")
    if not isinstance(value, list):
        return []
    return [p for p in (normalize(str(x)).strip() for x in value) if p]


def _published(value) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def article_from_json(record: dict, fallback_id: str) -> Article | None:
    if not isinstance(record, dict):
        return None
    lead = _paragraphs(record.get("lead") or "")
    return Article(
        id=str(record.get("id") or fallback_id),
        title=normalize(str(record.get("title") or "")).strip(),
        lead=" ".join(lead),
        body=_paragraphs(record.get("body") or ""),
        published=_published(record.get("published")),
    )


def read_articles_jsonl(path: str | Path) -> tuple[list[Article], list[str]]:
    """Articles of a JSONL file and the problems met (bad lines are skipped, never fatal)."""
    articles, problems = [], []
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                article = article_from_json(json.loads(line), f"line-{number}")
            except json.JSONDecodeError as exc:
                problems.append(f"line {number}: invalid JSON ({exc.msg})")
                continue
            if article is None:
                problems.append(f"line {number}: not a JSON object")
            else:
                articles.append(article)
    return articles, problems


def summary_to_json(sentences: list[SummarySentence]) -> dict:
    return {
        "summary": " ".join(s.text for s in sentences),
        "sentences": [{"text": s.text, "article_id": s.article_id, "start": s.start, "end": s.end} for s in sentences],
    }
