"""Helpers for callers of the clean stage (CLI, readers): pick the parser, print the result.

`clean_page` takes a page as bytes or text, decodes legacy encodings, decides between HTML and a
plain-text dump (markup at the start, or many tags), and runs the matching parser. `to_record`
is the JSON object `sukien clean FILE...` prints for an Article.
"""

from __future__ import annotations

import re

from sukien.clean.html import clean_html
from sukien.clean.page import clean_text
from sukien.model import Article
from sukien.text.legacy import decode_bytes

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--)", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|span|a|h[1-6]|article|section|br|li|ul|img|figure)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


def clean_page(page: bytes | str, url: str | None = None, source: str = "") -> Article:
    """Clean one page of either kind; undecodable or binary bytes give an Article with a warning."""
    warnings: list[str] = []
    if isinstance(page, (bytes, bytearray)):
        try:
            page, warnings = decode_bytes(bytes(page))
        except ValueError as exc:
            article = clean_text("", url=url, source=source)
            article.warnings = [str(exc)]
            return article
    parse = clean_html if looks_like_html(page) else clean_text
    article = parse(page, url=url, source=source)
    article.warnings = warnings + article.warnings
    return article


def to_record(article: Article) -> dict:
    """The JSON object printed per input by `sukien clean`; `body` is the whole text, lead included."""
    return {
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
        "credit": article.credit,
        "outlet": article.outlet,
        "lead": article.lead,
        "body": article.text,
        "captions": list(article.captions),
        "related": list(article.related),
        "warnings": list(article.warnings),
    }
