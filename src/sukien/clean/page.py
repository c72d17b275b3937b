"""A scraped page (plain-text dump) -> Article, by generic Vietnamese-aware rules.

1. Normalise (NFC, invisible characters, legacy encodings) and classify each non-empty line on
   its own (`lines.py`): prose, short, dateline, byline, caption, prompt, related header, ...
2. Lines that occur twice on the page are furniture (teasers, repeated headlines).
3. Related blocks: after a header such as "Tin liên quan", headline-like lines are related
   headlines and a prose line right after one of them is its teaser; the block ends at the first
   line that is neither.
4. The article body is the run of prose lines with the most text, where prose lines may be
   separated by a few soft lines (captions, subheadings, stamps, prompts); footers, tag lists,
   comment sections and an end byline close a run.
5. The title is the nearest headline-like line above the body; the lead is the first body
   paragraph without its outlet signature ("VOV.VN - "); bylines give author and credit, the
   first dateline gives `published`, and the dateline is checked against the text.

Nothing here names an outlet: the only outlet-specific output is `outlet`, read from the URL or
the signature the page itself prints.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlparse

import regex

from sukien.clean import lines as L
from sukien.clean.dateline import parse_dateline
from sukien.clean.sanity import dateline_warnings
from sukien.model import Article
from sukien.text import normalize as _normalize
from sukien.text.legacy import fix_legacy_text
from sukien.text.sentences import split_spans

MAX_GAP = 4  # soft lines that may separate two paragraphs of one article
TITLE_WINDOW = 15  # lines above the body searched for the headline
SOFT_KINDS = {"caption", "stamp", "dateline", "prompt", "counter", "byline", "related_inline"}
HARD_KINDS = {"footer", "tags", "comments"}
_BYLINE_PARTS = regex.compile(r"\s[|•·]\s|\s[-–]\s(?=\d)")
_NEEDS_NORMALIZING = re.compile(r"[\r\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|  ")


def normalize(text: str) -> str:
    """sukien.text.normalize, skipped when the text is already normal (the common case)."""
    if _NEEDS_NORMALIZING.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text
    return _normalize(text)


line_key = L.line_key


def article_id(url: str | None, title: str, text: str) -> str:
    basis = url.strip() if url else normalize(title).casefold() + "\n" + normalize(text).casefold()
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


@dataclass
class Run:
    start: int
    end: int
    chars: int = 0
    prose: int = 0


# --- passes ---------------------------------------------------------------------------------


def classify_page(text: str) -> list[L.Line]:
    page = []
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            page.append(L.classify(stripped, len(page)))
    counts = Counter(line.key for line in page)
    for line in page:
        if line.words >= 3 and counts[line.key] > 1 and line.kind in ("prose", "short"):
            line.duplicate = True
    mark_related_blocks(page)
    return page


def _next_content(page: list[L.Line], i: int, lookahead: int = 8) -> L.Line | None:
    """The next line after i that is not a caption, counter or stamp (bounded: pages can be huge)."""
    for j in range(i + 1, min(len(page), i + 1 + lookahead)):
        if page[j].kind not in ("caption", "counter", "stamp", "dateline"):
            return page[j]
    return None


def mark_related_blocks(page: list[L.Line]) -> None:
    in_block = False
    after_headline = False
    for i, line in enumerate(page):
        if line.kind == "related_header":
            in_block, after_headline = True, False
            continue
        if not in_block:
            continue
        if line.kind in ("caption", "counter", "stamp", "dateline", "menu", "prompt"):
            continue
        if line.kind in ("short", "prose") and L.is_headline_like(line):
            line.kind, after_headline = "related", True
            continue
        if line.kind == "prose" and after_headline:
            nxt = _next_content(page, i)
            ends_block = nxt is None or nxt.kind not in ("prose",) or L.is_headline_like(nxt) or nxt.duplicate
            if line.signature or line.duplicate or ends_block:
                line.kind, after_headline = "teaser", False
                continue
        in_block = False


def _prose_follows(page: list[L.Line], i: int) -> bool:
    """Is the line at i followed closely by more article prose (then it is a subheading or a
    quoted name, not the end byline)?"""
    for line in page[i + 1 : i + 4]:
        if line.kind == "prose" and not line.duplicate and line.words >= 10 and not line.text.endswith("?"):
            return True
        if line.kind in HARD_KINDS or line.kind in ("related_header", "related", "teaser"):
            return False
    return False


def find_runs(page: list[L.Line]) -> list[Run]:
    runs: list[Run] = []
    current: Run | None = None
    gap = 0
    for line in page:
        if line.kind == "prose" and not line.duplicate:
            if current is None:
                current = Run(line.index, line.index)
                runs.append(current)
            current.end = line.index
            current.chars += len(line.text)
            current.prose += 1
            gap = 0
            continue
        if current is None:
            continue
        closes = line.kind in HARD_KINDS or (
            line.kind in ("byline", "byline_glued") and current.prose >= 3 and not _prose_follows(page, line.index)
        )
        # only lines that could be furniture (headline-like, menus, related) widen the gap;
        # sentence fragments ("Tr.", "(SN 1997) kết hôn.") belong to the text around them
        if not closes and line.kind not in SOFT_KINDS and (line.kind != "short" or L.is_headline_like(line)):
            gap += 1
            closes = gap > MAX_GAP
        if closes:
            current, gap = None, 0
    return runs


def _opens_with_headline(page: list[L.Line], run: Run) -> bool:
    """A run whose first line is a question or exclamation headline ("Phí sân, đường có lạm thu?")
    followed by prose: the headline is the title, nearer to the text than anything above."""
    line = page[run.start]
    if not (run.prose > 2 and line.text.rstrip("”\"'») ").endswith(("?", "!")) and L.is_headline_like(line)):
        return False
    if line.words > 25:
        return False
    above = next((p for p in reversed(page[: run.start]) if p.kind not in ("dateline", "stamp", "counter", "caption", "byline")), None)
    return above is None or not (above.kind in ("short", "prose") and L.is_headline_like(above))


def find_title(page: list[L.Line], run: Run) -> int | None:
    for j in range(run.start - 1, max(-1, run.start - 1 - TITLE_WINDOW), -1):
        line = page[j]
        if line.kind in ("footer", "tags", "related_header"):
            break
        if L.is_headline_like(line) and 4 <= line.words <= 35 and line.kind != "related":
            return j
        if line.kind == "caption" and L.CAPTION_HEAD.match(line.text) and 5 <= line.words <= 35 and not line.text.endswith("."):
            return j  # "Clip: ...", "Video: ..." headlines
    return None


# --- assembly -------------------------------------------------------------------------------


def split_caption(text: str) -> tuple[str, str | None]:
    """(body part, caption) of a line that ends with a photo credit; whole line when short."""
    start = L.caption_start(text)
    if start is None:
        return text, None
    prefix = text[:start].rstrip()
    spans = split_spans(prefix)
    if len(spans) <= 1:
        # one sentence and a credit: a caption, unless the sentence is longer than captions run
        return (prefix, text[start:].strip()) if L.word_count(prefix) > 25 else ("", text.strip())
    if L.word_count(prefix[: spans[-1][0]]) < 8:
        return "", text.strip()
    cut = spans[-1][0]
    return prefix[:cut].rstrip(), text[cut:].strip()


def strip_signature(text: str) -> tuple[str, str | None]:
    signature = L.signature_of(text)
    if signature is None:
        return text, None
    return text[L.SIGNATURE.match(text).end() :], signature


def _dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = line_key(item)
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _parsed_bylines(line: L.Line):
    if line.kind in ("byline", "byline_glued"):
        yield L.parse_byline(line.text)
    elif line.kind in ("dateline", "stamp", "menu", "short") and line.words <= 12:
        for part in _BYLINE_PARTS.split(line.text):  # "Tên tác giả | 10/04/2024 08:15"
            if not parse_dateline(part):
                yield L.parse_byline(part.strip())


def _byline_from(page: list[L.Line], run: Run, title_index: int | None) -> L.Byline | None:
    """Author and credit from the bylines nearest the article: right after the body, then
    between the title and the body, then further down; author and credit may come from
    different lines ("Bảo Ngọc," at the top, "Theo Trí Thức Trẻ" at the end)."""
    below_title = title_index + 1 if title_index is not None else max(0, run.start - TITLE_WINDOW)
    above_title = page[max(0, title_index - 3) : title_index][::-1] if title_index is not None else []
    end_bylines = [line for line in page[run.end - 1 : run.end + 6] if line.kind in ("byline", "byline_glued")]
    top = page[below_title : run.start] + [line for line in page[run.start : run.end] if line.kind == "byline"]
    later = [line for line in page[run.end + 6 : run.end + 12] if line.kind in ("byline", "byline_glued")]
    found = L.Byline()
    for line in end_bylines + top + later + above_title:
        for parsed in _parsed_bylines(line):
            if parsed is None:
                continue
            found.author = found.author or parsed.author
            found.credit = found.credit or parsed.credit
            found.tail = found.tail or parsed.tail
        if found.author and found.credit:
            break
    return found if (found.author or found.credit) else None


def _published_from(page: list[L.Line], run: Run | None):
    start = run.start if run else len(page)
    ordered = page[max(0, start - 25) : start] + page[start:] + page[: max(0, start - 25)]
    for line in ordered:
        if line.kind in ("dateline", "stamp", "menu", "byline", "short") and line.words <= 25:
            value = parse_dateline(line.text)
            if value is not None:
                return value
    return None


def _outlet_from_page(page: list[L.Line]) -> str | None:
    signatures = Counter(line.signature for line in page if line.signature)
    if not signatures:
        return None
    return signatures.most_common(1)[0][0]


def clean_lines(text: str) -> dict:
    """The parsed parts of a text page, before they become an Article."""
    page = classify_page(text)
    runs = find_runs(page)
    parts: dict = {
        "title": "", "lead": "", "body": [], "captions": [], "related": [], "author": None,
        "credit": None, "published": None, "signature": None, "warnings": [],
    }
    related = [line.text for line in page if line.kind == "related"]
    related += [L.INLINE_RELATED.match(line.text).group(1).strip() for line in page if line.kind == "related_inline"]
    if not runs:
        parts["warnings"].append("no article text found on the page")
        headline = next((line for line in page if L.is_headline_like(line) and line.words >= 4), None)
        parts["title"] = headline.text if headline else ""
        parts["related"] = _dedupe(related)
        parts["published"] = _published_from(page, None)
        return parts
    run = max(runs, key=lambda r: (r.chars, -r.start))
    title_index = find_title(page, run)
    first = run.start
    if _opens_with_headline(page, run) or (title_index is None and L.is_headline_like(page[first]) and run.prose > 1):
        title_index, first = first, first + 1
    parts["title"] = page[title_index].text if title_index is not None else ""
    title_key = line_key(parts["title"])

    paragraphs, captions = [], []
    caption_from = title_index if title_index is not None else max(0, run.start - 3)
    for line in page[caption_from : run.start]:
        if line.kind == "caption":
            captions.append(line.text)
    for line in page[first : run.end + 1]:
        if line.kind == "caption" or (line.kind == "prose" and line.caption_hint and L.caption_start(line.text) is not None):
            body_part, caption = split_caption(line.text)
            if caption is None and line.kind == "caption":  # "(Nguồn: TASS)"-style: the whole line
                body_part, caption = "", line.text
            if body_part:
                paragraphs.append(body_part)
            if caption:
                captions.append(caption)
        elif line.kind in ("prose", "short") and not line.duplicate and line.key != title_key:
            paragraphs.append(line.text)
    for line in page[run.end + 1 : run.end + 3]:
        if line.kind == "caption":
            captions.append(line.text)

    if paragraphs:
        lead, signature = strip_signature(paragraphs[0])
        parts["lead"], parts["body"], parts["signature"] = lead, paragraphs[1:], signature
    byline = _byline_from(page, run, title_index)
    if byline:
        parts["author"], parts["credit"] = byline.author, byline.credit
        if byline.tail:
            related.append(byline.tail)
    for line in page[run.end + 1 :]:
        if line.kind == "byline_glued":
            tail = L.parse_byline(line.text)
            if tail and tail.tail:
                related.append(tail.tail)
    parts["captions"] = _dedupe(captions)
    parts["related"] = [r for r in _dedupe(related) if line_key(r) != title_key]
    parts["published"] = _published_from(page, run)
    parts["signature"] = parts["signature"] or _outlet_from_page(page)
    return parts


def clean_text(text: str, url: str | None = None, source: str = "") -> Article:
    """Parse a plain-text page dump into an Article; never raises (problems go to warnings)."""
    raw = text
    warnings: list[str] = []
    try:
        if isinstance(text, (bytes, bytearray)):
            from sukien.text.legacy import decode_bytes

            text, warnings = decode_bytes(bytes(text))
            raw = text
        if not isinstance(text, str):
            raise TypeError(f"expected text, got {type(text).__name__}")
        fixed, legacy_warnings = fix_legacy_text(text)
        warnings += legacy_warnings
        parts = clean_lines(normalize(fixed))
    except Exception as exc:  # bad input must not break a pipeline run
        article = Article(id=article_id(url, "", str(raw)[:1000]), source=source, url=url, raw=raw if isinstance(raw, str) else None)
        article.warnings = warnings + [f"could not clean the page: {type(exc).__name__}: {exc}"]
        return article
    return article_from_parts(parts, url, source, raw, warnings)


def article_from_parts(parts: dict, url, source, raw, warnings) -> Article:
    article = Article(
        id="",
        title=parts["title"],
        lead=parts["lead"],
        body=parts["body"],
        source=source,
        url=url,
        outlet=outlet_from_url(url) or parts["signature"],
        published=parts["published"],
        published_source="dateline" if parts["published"] else None,
        author=parts["author"],
        credit=parts["credit"],
        captions=parts["captions"],
        related=parts["related"],
        warnings=warnings + parts["warnings"],
        raw=raw,
    )
    article.warnings += dateline_warnings(article.published, article.text)
    article.id = article_id(url, article.title, article.text)
    return article
