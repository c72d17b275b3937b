"""An HTML page -> Article: trafilatura for HTML -> text, then the plain-text rules.

trafilatura (with favour-recall, comments off) finds the main content block and its metadata.
Its text still holds Vietnamese furniture that sits inside the content block on real sites
(captions, bylines, "Tin liên quan" lists, prompts), so the text goes through `clean_lines` like
a text dump. Metadata: the page's machine-readable publication time (`article:published_time`,
`datePublished`) beats a visible dateline, which beats trafilatura's day-only date; trafilatura's
title (from <h1>/og:title, without a " - Outlet" suffix) beats a headline guessed from the text
lines; a byline the markup marks (class author/byline) fills in when the text shows none.
"""

from __future__ import annotations

from datetime import datetime

import regex

from sukien.clean.dateline import VIETNAM, parse_dateline
from sukien.clean.page import normalize, article_from_parts, article_id, clean_lines, line_key
from sukien.model import Article
from sukien.text.legacy import fix_legacy_text

_META_TIME = regex.compile(
    r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate|publishdate|dc\.date\.issued)["'][^>]*?content\s*=\s*["']([^"']{8,40})["']"""
    r"""|content\s*=\s*["']([^"']{8,40})["'][^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate)["']"""
    r"""|"datePublished"\s*:\s*"([^"]{8,40})\"""",
    regex.IGNORECASE,
)
_TITLE_SUFFIX = regex.compile(r"\s+[-|–—]\s+[^-|–—]{2,40}$")


def _meta_published(html: str) -> datetime | None:
    m = _META_TIME.search(html[:300_000])
    if not m:
        return None
    return parse_dateline(next(g for g in m.groups() if g))


def _visible_dateline(html: str) -> datetime | None:
    """The dateline the page shows nearest its headline: short element texts that read as a
    date, the one closest to the first <h1> in document order (a header may show today's date)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:
        return None
    headline_at, candidates = None, []
    for position, element in enumerate(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "title"):
            continue
        if element.tag == "h1" and headline_at is None:
            headline_at = position
        text = (element.text or "").strip()
        if text and len(text.split()) <= 14:
            value = parse_dateline(text)
            if value is not None:
                candidates.append((position, value))
    if not candidates:
        return None
    anchor = headline_at if headline_at is not None else 0
    return min(candidates, key=lambda c: abs(c[0] - anchor))[1]


def _strip_site_suffix(title: str, sitename: str | None) -> str:
    m = _TITLE_SUFFIX.search(title)
    if m and (not sitename or line_key(sitename) in line_key(m.group(0)) or len(m.group(0).split()) <= 4):
        return title[: m.start()].strip()
    return title.strip()


_SAPO_XPATH = (
    "//*[contains(@class,'sapo') or contains(@class,'summary') or contains(@class,'lead')"
    " or contains(@class,'description') or contains(@class,'chapeau') or contains(@class,'intro')]"
)


def _sapo(html: str) -> str | None:
    """The page's lead paragraph when the markup names it (class sapo/summary/lead/...)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:
        return None
    for element in tree.xpath(_SAPO_XPATH)[:5]:
        if element.tag in ("body", "html", "article", "section", "main"):
            continue
        text = " ".join(element.text_content().split())
        if len(text.split()) >= 10:
            return normalize(text)
    return None


_AUTHOR_XPATH = "//*[contains(@class,'author') or contains(@class,'byline') or @rel='author' or @itemprop='author']"


def _author_from_markup(html: str, document) -> str | None:
    """A byline the markup marks as one (class author/byline), read with the text rules;
    trafilatura's own author guess only when it looks like a name (it may be a weekday)."""
    import lxml.html

    from sukien.clean import lines as L

    try:
        elements = lxml.html.fromstring(html).xpath(_AUTHOR_XPATH)[:10]
    except Exception:
        elements = []
    for element in elements:
        text = normalize(" ".join(element.text_content().split()))
        if text and parse_dateline(text) is None:
            parsed = L.parse_byline(text)
            if parsed and parsed.author:
                return parsed.author
    guess = normalize(document.author or "") if document is not None else ""
    if guess and L.is_name_like(guess) and not any(ch.isdigit() for ch in guess):
        return guess
    return None


def _extract(html: str, url: str | None):
    import trafilatura

    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_recall=True, include_tables=False
    )


def clean_html(html: str, url: str | None = None, source: str = "") -> Article:
    """Parse an HTML page into an Article; never raises (problems go to warnings)."""
    raw = html
    try:
        if isinstance(html, (bytes, bytearray)):
            from sukien.text.legacy import decode_bytes

            html, _ = decode_bytes(bytes(html))
            raw = html
        fixed, warnings = fix_legacy_text(html)
        document = _extract(fixed, url) if fixed.strip() else None
        text = normalize(document.text or "") if document is not None else ""
        sapo = _sapo(fixed) if text else None
        if sapo and line_key(sapo)[:80] not in line_key(text):
            text = sapo + "\n" + text  # trafilatura drops a lead set as a heading
        parts = clean_lines(text)
        parts["warnings"] = [w for w in parts["warnings"]]
        meta_title = normalize(document.title or "") if document is not None else ""
        sitename = document.sitename if document is not None else None
        if meta_title:
            meta_title = _strip_site_suffix(meta_title, sitename)
            if len(meta_title.split()) >= 3:
                # trafilatura reads <h1>/og:title/<title>: better than a guess from the text lines
                parts["title"] = meta_title
                parts["body"] = [p for p in parts["body"] if line_key(p) != line_key(meta_title)]
                if line_key(parts["lead"]) == line_key(meta_title):
                    parts["lead"], parts["body"] = (parts["body"][0], parts["body"][1:]) if parts["body"] else ("", [])
            else:
                parts["title"] = parts["title"] or meta_title
        published = _meta_published(fixed)
        if published is not None:
            parts["published"] = published
            source_of_date = "html-meta"
        elif parts["published"] is not None:
            source_of_date = "dateline"
        elif _visible_dateline(fixed) is not None:  # a dateline trafilatura left out of the text
            parts["published"], source_of_date = _visible_dateline(fixed), "dateline"
        elif document is not None and document.date:
            parts["published"], source_of_date = parse_dateline(document.date), "html-meta"
        else:
            source_of_date = None
        if not parts["author"]:
            parts["author"] = _author_from_markup(fixed, document)
        if document is None:
            parts["warnings"].append("trafilatura found no main content in the HTML")
    except Exception as exc:  # bad input must not break a pipeline run
        article = Article(id=article_id(url, "", str(raw)[:1000]), source=source, url=url)
        article.raw = raw if isinstance(raw, str) else None
        article.warnings = [f"could not clean the HTML page: {type(exc).__name__}: {exc}"]
        return article
    article = article_from_parts(parts, url, source, raw, warnings)
    if article.published is not None:
        article.published_source = source_of_date
        if article.published.tzinfo is None:
            article.published = article.published.replace(tzinfo=VIETNAM)
    return article
