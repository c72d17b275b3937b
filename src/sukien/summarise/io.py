"""JSON in and out for `sukien summarize --input CLUSTER.jsonl --max-tokens N`.

Input: one article per line, `{"id", "title", "body", "lead"?, "published"?}`; `body` is a
string (paragraphs separated by newlines) or a list of paragraphs; `published` an ISO 8601
time. Output: `{"summary": text, "sentences": [{"text", "article_id", "start", "end"}]}` where
the offsets index the article's text (lead and body paragraphs joined by newlines).
"""

from __future__ import annotations

from pathlib import Path

from sukien.model import Article, SummarySentence
from sukien.read import jsonl


def read_articles_jsonl(path: str | Path) -> tuple[list[Article], list[str]]:
    """Articles of a JSONL file and the problems met (bad lines are skipped, never fatal).

    The project's JSONL reader does the work, so `sukien summarize` and `sukien run` read a
    file the same way; problems are reported as "line N: ...".
    """
    problems: list[str] = []
    articles = list(jsonl.read(Path(path), lambda e: problems.append(f"line {e.line}: {e.problem}")))
    return articles, problems


def summary_to_json(sentences: list[SummarySentence]) -> dict:
    return {
        "summary": " ".join(s.text for s in sentences),
        "sentences": [{"text": s.text, "article_id": s.article_id, "start": s.start, "end": s.end} for s in sentences],
    }
