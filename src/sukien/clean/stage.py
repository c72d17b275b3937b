"""CleanStage: the pipeline's clean step over a stream of Articles.

Articles whose `raw_format` is "text" or "html" are parsed from `raw` (`clean_text`,
`clean_html`); the incoming id, source and url are kept, and metadata the input already gave
(published, outlet, a non-empty title) wins over what the page shows. Structured articles
(raw_format None: title/lead/body from JSONL) are normalised and their body paragraphs lose the
furniture a scraper may have left in them: prompts, related blocks (headlines kept in
`related`), captions (moved to `captions`), end bylines (into author/credit), tags, footers,
counters and stamps. The structured path only runs the cheap line classifier, so it costs well
under a millisecond per article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sukien.clean import lines as L
from sukien.clean.dateline import parse_dateline
from sukien.clean.html import clean_html
from sukien.clean.page import normalize, article_id, clean_text, line_key, split_caption
from sukien.clean.sanity import dateline_warnings
from sukien.model import Article

_DROP = {"prompt", "tags", "footer", "counter", "comments", "stamp", "menu"}


def _merge_parsed(article: Article, parsed: Article) -> Article:
    """Parsed page fields, with the incoming article's identity and given metadata on top."""
    parsed.id = article.id or parsed.id
    parsed.source = article.source or parsed.source
    parsed.url = article.url or parsed.url
    if article.title and article.title.strip():
        parsed.title = normalize(article.title).strip()
    if article.outlet:
        parsed.outlet = article.outlet
    if article.published is not None:
        parsed.published = article.published
        parsed.published_source = article.published_source or "input"
    parsed.author = article.author or parsed.author
    parsed.credit = article.credit or parsed.credit
    parsed.warnings = list(article.warnings) + parsed.warnings
    parsed.raw_format = None
    return parsed


def clean_structured(article: Article) -> Article:
    """Normalise a structured article and take furniture out of its body paragraphs."""
    article.title = normalize(article.title or "").strip()
    article.lead = normalize(article.lead or "").strip()
    joined = normalize("\n".join(str(p) for p in article.body or []))
    paragraphs = [p.strip() for p in joined.split("\n") if p.strip()]
    body, captions, related = [], list(article.captions), list(article.related)
    in_related = False
    last = len(paragraphs) - 1
    for i, text in enumerate(paragraphs):
        line = L.classify(text, i)
        kind = line.kind
        if kind == "related_header":
            in_related = True
            continue
        if in_related and L.is_headline_like(line) and line.words <= 30:
            related.append(text)
            continue
        in_related = False
        if kind in _DROP:
            continue
        if kind == "dateline":
            if article.published is None:
                article.published, article.published_source = parse_dateline(text), "dateline"
            continue
        if kind == "related_inline":
            related.append(L.INLINE_RELATED.match(text).group(1).strip())
            continue
        if kind in ("byline", "byline_glued") and i >= last - 2:
            byline = L.parse_byline(text)
            if byline:
                article.author = article.author or byline.author
                article.credit = article.credit or byline.credit
                if byline.tail:
                    related.append(byline.tail)
                continue
        if kind == "caption" or (line.words > 40 and line.caption_hint and L.caption_start(text) is not None):
            body_part, caption = split_caption(text)
            if caption is None and kind == "caption":
                body_part, caption = "", text
            if caption:
                captions.append(caption)
            if body_part:
                body.append(body_part)
            continue
        body.append(text)
    article.body = body
    article.captions = captions
    seen, article.related = set(), []
    for headline in related:
        if line_key(headline) not in seen:
            seen.add(line_key(headline))
            article.related.append(headline)
    if not article.id:
        article.id = article_id(article.url, article.title, article.text)
    return article


class CleanStage:
    """Parse raw pages and tidy structured articles; never raises on any input."""

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self.clean_one(article)

    def clean_one(self, article: Article) -> Article:
        try:
            if article.raw_format in ("text", "html") and article.raw is not None:
                parse = clean_html if article.raw_format == "html" else clean_text
                parsed = parse(article.raw, url=article.url, source=article.source)
                return _merge_parsed(article, parsed)
            if article.raw_format not in (None, "text", "html"):
                article.warnings.append(f"unknown raw_format {article.raw_format!r}; treated as structured")
            article.raw_format = None
            had_date = article.published is not None
            article = clean_structured(article)
            if not had_date and article.published is not None:
                article.warnings += dateline_warnings(article.published, article.text)
            return article
        except Exception as exc:  # a stage never stops the pipeline
            article.warnings.append(f"clean stage failed: {type(exc).__name__}: {exc}")
            article.raw_format = None
            return article
