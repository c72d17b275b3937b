"""Candidate sentences of an event: split, trimmed, filtered, with exact offsets.

Every candidate keeps `start`/`end` into its article's `Article.text`, so
`article.text[start:end] == candidate.text` always holds. Sentences that must never be shown
in a summary are marked `usable=False` with a `reason`: photo captions, bylines and credits,
datelines, reader prompts ("Mời quý độc giả ..."), headings and other fragments. Sentences
that open with a reference to something said before ("Ông này", "Trong khi đó", "Tuy nhiên")
are marked `dangling`: the selector takes them only right after their predecessor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import regex

from sukien.model import Article
from sukien.summarise.rouge import tokens as protocol_tokens
from sukien.text import match_key, normalize_tone_marks
from sukien.text.sentences import split_spans

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")

# outlet tags and datelines that open a lead: "VOV.VN - ", "(Dân trí) - ", "HÀ NỘI (TTXVN) - "
_OUTLET_PREFIX = regex.compile(
    r"(?:\p{Lu}[\p{Lu}\p{N}]*\.(?:VN|vn|Vn|COM|com|NET|net)|\([^()\n]{2,40}\)"
    r"|\p{Lu}[\p{Lu}\s,.]{1,30}\s?\([^()\n]{2,30}\)|TTO|TPO|NLĐO|PLO|VTV\.vn)\s*[-–—:]+\s*"
)

# checked against match_key(sentence) (lower case, one tone style)
_PROMPT = regex.compile(
    r"^(?:mời (?:quý )?(?:độc giả|bạn đọc|các bạn|quý vị)|xem thêm|đọc thêm|xem tiếp|tin liên quan"
    r"|bài liên quan|tin cùng chuyên mục|theo dõi .{0,40} trên|bấm (?:vào )?(?:đây|link)"
    r"|click|nhấn vào|video\s*:|clip\s*:|>>|\[video\]|\[ảnh\]|tags?\s*:|từ khóa\s*:|chia sẻ\s*:"
    r"|ý kiến bạn đọc|gửi bài viết|độc giả có thể|quý độc giả|liên hệ quảng cáo"
    r"|nguồn\s*:|theo\s*:|ảnh\s*:|ảnh minh họa|đồ họa\s*:|photo\s*:)"
)
_CAPTION = regex.compile(
    r"(?:ảnh\s*(?:minh họa)?\s*:|\(ảnh|ảnh minh họa|nguồn ảnh|photo\s*:|ảnh chụp màn hình|đồ họa\s*:"
    r"|\((?:video|clip)\)|video\s*:|\| ảnh)"
)
_BYLINE = regex.compile(
    r"(?:lược dịch|dịch từ|biên dịch|tổng hợp\)|^\(?theo [\p{L}\s.]{1,40}\)?\.?$|\(theo [^)]{1,40}\)\s*$"
    r"|^(?:pv|ctv|nhóm pv|phóng viên)\b)"
)
_DATELINE = regex.compile(
    r"(?:^(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)\s*,?\s*\d{1,2}/\d{1,2}/\d{2,4}|gmt\s*\+\s*7|^\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2})"
)
_EMAIL_URL = regex.compile(r"(?:https?://|www\.|@[\w-]+\.\w)")

# Openers that point back to the previous sentence.
_DANGLING = [
    "ông này", "bà này", "anh này", "chị này", "cô này", "người này", "nhóm này", "những người này",
    "ông ta", "bà ta", "anh ta", "cô ta", "chị ta", "hắn", "điều này", "điều đó", "việc này",
    "việc đó", "vụ việc này", "chuyện này", "chuyện đó", "trong khi đó", "tuy nhiên", "ngoài ra",
    "bên cạnh đó", "đồng thời", "cũng theo", "sau đó", "trước đó", "do đó", "vì vậy", "vì thế",
    "thế nhưng", "nhưng", "song", "như vậy", "cũng trong", "ngay sau đó", "tiếp đó", "dù vậy",
    "mặc dù vậy", "tương tự", "khi đó", "lúc đó", "tại đây", "ở đây", "đây là", "đó là", "thêm vào đó",
    "hơn nữa", "chính vì", "do vậy", "cụ thể", "trong đó", "theo đó", "còn lại", "cũng", "nó", "họ",
]
# pronoun openers are dangling only when no name follows ("Ông cho biết" yes, "Ông Obama" no)
_PRONOUN_OPENER = regex.compile(r"^(?:theo |với |còn |cũng theo )?(?:ông|bà|anh|chị|cô|họ|em)(?=[\s,])")
_DANGLING_RE = regex.compile(
    r"^(?:" + "|".join(regex.escape(p) for p in sorted(_DANGLING, key=len, reverse=True)) + r")(?=[\s,.:;!?]|$)"
)

# every caption, dateline, byline or link pattern contains one of these substrings
_TRIGGERS = ("ảnh", "photo", "đồ họa", "video", "clip", "thứ", "chủ nhật", "gmt", "/", "dịch", "tổng hợp",
             "theo", "pv", "ctv", "phóng viên", "http", "www.", "@")
# one scan for all of them (plain literals: the standard library's engine is quicker here)
_TRIGGER = re.compile("|".join(re.escape(t) for t in _TRIGGERS))
_TERMINAL_CHARS = set(".!?…\"”’»)")
_FIRST_ALNUM = regex.compile(r"[^\p{L}\p{N}]*([\p{L}\p{N}])")
_NAME_OR_NUMBER = regex.compile(r"(?<![\p{L}\p{N}])(?:(\p{Lu})|\p{N})")

MIN_TOKENS = 6  # shorter sentences are fragments
MAX_TOKENS = 150  # longer "sentences" are lists or run-ons


@dataclass
class Candidate:
    article: int  # index of the article in the event
    article_id: str
    start: int
    end: int
    text: str
    index: int  # sentence position in its article
    paragraph: int
    n_tokens: int  # ViMs protocol tokens (the length budget's unit)
    keys: list[str] = field(default_factory=list)  # tone-normalised lower-case syllables
    usable: bool = True
    reason: str = ""
    dangling: bool = False
    previous: int = -1  # index (in the candidate list) of the preceding sentence of the article
    n_capitalised: int = 0  # words starting with a capital letter (names, sentence start)
    n_numbers: int = 0  # words starting with a digit


def _trim_outlet_prefix(text: str, start: int, end: int) -> int:
    m = _OUTLET_PREFIX.match(text, start, end)
    return m.end() if m else start


def is_dangling(text: str, key: str | None = None) -> bool:
    """True when the sentence opens with a reference back to the previous one."""
    key = (key if key is not None else match_key(text)).lstrip("\"“‘'(-–— ")
    if _DANGLING_RE.match(key):
        return True
    m = _PRONOUN_OPENER.match(key)
    if not m:
        return False
    rest = text.lstrip("\"“‘'(-–— ")[m.end():].lstrip(" ,")
    return not rest[:1].isupper()


def rejection_reason(text: str, key: str, n_tokens: int, paragraph_sentences: int) -> str:
    """Why a sentence cannot be shown in a summary, or "" when it can."""
    head = key.lstrip("\"“‘'(-–—•+* ")
    if _TRIGGER.search(key):  # cheap gate before the specific patterns
        if _CAPTION.search(key) and n_tokens < 60:
            return "caption"
        if _DATELINE.search(key) and n_tokens < 20:
            return "dateline"
        if _BYLINE.search(key) and n_tokens < 25:
            return "byline"
        if _EMAIL_URL.search(key):
            return "link"
    if _PROMPT.match(head):
        return "prompt"
    if n_tokens < MIN_TOKENS:
        return "fragment"
    if n_tokens > MAX_TOKENS:
        return "too long"
    stripped = text.rstrip(" \"”’»)]")
    if stripped.endswith(":"):
        return "fragment"
    if text.endswith(("…", "...")):  # a cut-off teaser or an unfinished list
        return "fragment"
    if paragraph_sentences == 1 and text.rstrip()[-1:] not in _TERMINAL_CHARS and n_tokens < 25:
        return "heading"
    first = _FIRST_ALNUM.match(text)
    if first and first.group(1).islower():
        return "fragment"
    return ""


def _paragraph_of(text: str) -> list[int]:
    """Start offsets of the paragraphs of `text`."""
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


_NEWLINE = regex.compile(r"\n")


def _key_text(text: str) -> str | None:
    """The matching key (one tone style, lower case) of the whole text when it keeps every
    offset, else None. Texts from the clean stage are NFC already, so this is the usual case."""
    key = normalize_tone_marks(text).lower()
    return key if len(key) == len(text) else None


def _known_boilerplate(article: Article) -> list[str]:
    """Captions and related headlines the clean stage found (as keys): never summary text."""
    texts = list(getattr(article, "captions", None) or []) + list(getattr(article, "related", None) or [])
    return [match_key(t) for t in texts if isinstance(t, str) and t.strip()]


def _is_known(key: str, known: list[str]) -> bool:
    key = key.strip()
    return len(key) > 10 and any(key in k for k in known)


def _count_word_starts(text: str, start: int, end: int) -> tuple[int, int]:
    """Words starting with a capital letter, and with a digit, in text[start:end]."""
    # the look-behind sees text before start; a number's match leaves the capital group empty
    starts = _NAME_OR_NUMBER.findall(text, start, end)
    numbers = starts.count("")
    return len(starts) - numbers, numbers


def _sentence_spans(article: Article, text: str) -> list[tuple[int, int]]:
    """The sentences the analyse stage found (the same split), or split here without them."""
    sentences = getattr(article, "sentences", None)
    if sentences and all(0 <= x.start < x.end <= len(text) for x in sentences):
        return [(x.start, x.end) for x in sentences]
    return split_spans(text)


def build_candidates(articles: list[Article]) -> list[Candidate]:
    """All sentences of the articles, in article order, with filter decisions."""
    candidates: list[Candidate] = []
    for a, article in enumerate(articles):
        for paragraph in article_candidates(a, article, first_index=len(candidates)):
            candidates += paragraph
    return candidates


def article_candidates(a: int, article: Article, first_index: int = 0) -> Iterator[list[Candidate]]:
    """The candidates of one article, a paragraph at a time (lazily: a lead summary reads only
    the first paragraphs). `a` is the article's index in the event and `first_index` the
    position its first candidate will have in the event's list (for `previous`)."""
    text = article.text
    paragraph_starts = _paragraph_of(text)
    known_boilerplate = _known_boilerplate(article)
    key_text = _key_text(text)
    paragraph: list[Candidate] = []
    p = 0
    for index, (s, e) in enumerate(_sentence_spans(article, text)):
        new_paragraph = index == 0
        while p + 1 < len(paragraph_starts) and paragraph_starts[p + 1] <= s:
            p += 1
            new_paragraph = True
        if new_paragraph and paragraph:
            yield _finish_paragraph(paragraph, text, key_text, known_boilerplate)
            paragraph = []
        if new_paragraph:
            s = _trim_outlet_prefix(text, s, e)
        paragraph.append(_candidate(a, article, text, key_text, s, e, index, p, first_index + index))
    if paragraph:
        yield _finish_paragraph(paragraph, text, key_text, known_boilerplate)


def _candidate(a: int, article: Article, text: str, key_text: str | None, s: int, e: int, index: int,
               paragraph: int, position: int) -> Candidate:
    """A sentence of the article; its filter decision waits for its whole paragraph."""
    sentence = text[s:e]
    key = _key(text, key_text, s, e)
    keys = WORD.findall(key)
    # same token pattern as the ViMs protocol; the tone style does not move boundaries
    n_tokens = len(keys) if key_text is not None else len(protocol_tokens(sentence))
    n_capitalised, n_numbers = _count_word_starts(text, s, e)
    return Candidate(article=a, article_id=article.id, start=s, end=e, text=sentence, index=index,
                     paragraph=paragraph, n_tokens=n_tokens, keys=keys,
                     dangling=is_dangling(sentence, key), previous=position - 1 if index > 0 else -1,
                     n_capitalised=n_capitalised, n_numbers=n_numbers)


def _key(text: str, key_text: str | None, s: int, e: int) -> str:
    return key_text[s:e] if key_text is not None else match_key(text[s:e])


def _reason(sentence: str, key: str, n_tokens: int, paragraph_sentences: int, known_boilerplate: list[str]) -> str:
    reason = rejection_reason(sentence, key, n_tokens, paragraph_sentences)
    if not reason and known_boilerplate and _is_known(key, known_boilerplate):
        reason = "caption or related"
    return reason


def _finish_paragraph(paragraph: list[Candidate], text: str, key_text: str | None,
                      known_boilerplate: list[str]) -> list[Candidate]:
    """Filter decisions, once the paragraph is complete: a lone sentence is judged knowing it
    is alone (a short one without end punctuation is a heading); a caption or byline taints
    the whole (short) paragraph it sits in."""
    for c in paragraph:
        c.reason = _reason(c.text, _key(text, key_text, c.start, c.end), c.n_tokens, len(paragraph),
                           known_boilerplate)
        c.usable = not c.reason
    if (len(paragraph) > 1 and any(c.reason in ("caption", "byline") for c in paragraph)
            and sum(c.n_tokens for c in paragraph) < 60):
        for c in paragraph:
            if c.usable:
                c.usable, c.reason = False, "caption"
    return paragraph
