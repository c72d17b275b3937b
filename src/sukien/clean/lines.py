"""What one line of a scraped Vietnamese page is, judged on the line alone.

Each line gets a kind from generic Vietnamese cues, never from the outlet's name:
prompts ("Mời quý độc giả theo dõi ...", "Xem thêm", share/like buttons), headers of
related-news blocks ("Tin liên quan", "Đọc thêm", "Có thể bạn quan tâm"), photo and video
captions ("Ảnh: TTXVN", "Ảnh minh hoạ: ..."), bylines ("Bảo Nghi (Lược dịch từ AP)", "Theo TTXVN",
"Nhóm PV"), datelines and live-blog stamps, tag lists, footers, comment and view counters, menus
and breadcrumbs. Everything else is prose (sentence-like, long) or short (headlines,
subheadings, category labels); the page-level pass in `page.py` decides which of those belong
to the article by position.

All patterns are compiled once; a line is matched against a handful of them, so classifying a
page is linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from sukien.clean.dateline import parse_dateline

# Vietnamese tone marks sit on either vowel of oa/oe/uy ("hoạ"/"họa"): patterns allow both.
_HOA = r"h(?:ọa|oạ)"
_KHOA = r"kh(?:óa|oá)"

PROMPT = regex.compile(
    r"^(?:[>»▶►•]+\s*)?(?:mời\s+(?:quý\s+)?(?:bạn|độc\s+giả|bạn\s+đọc|quý\s+vị)"
    r"|(?:hãy\s+)?theo\s+dõi\s+(?:chúng\s+tôi|(?:báo|kênh|fanpage|trang)\b|[\p{Lu}][\w.]*\s+(?:trên|tại|qua))"
    r"|(?:mời\s+)?(?:bấm|nhấn|click|nhấp)\s+(?:vào|để|đây|like|theo)"
    r"|đăng\s+ký\s+(?:nhận|theo|kênh)|tải\s+(?:ứng\s+dụng|app)|cài\s+đặt\s+ứng\s+dụng"
    r"|quảng\s+cáo$|advertisement$|sponsored$|tài\s+trợ$"
    r"|xem\s+(?:video|clip|toàn\s+bộ|tiếp|thêm\s+(?:video|ảnh|>>))|đọc\s+tiếp|video\s+đang\s+được"
    r"|chia\s+sẻ(?:\s+bài\s+viết)?(?:\s*[:(].*)?$|share$|thích$|like$|tweet$|lưu(?:\s+bài)?$|in\s+bài"
    r"|gửi\s+(?:bình\s+luận|ý\s+kiến|bài|tin|góp\s+ý)|viết\s+bình\s+luận|báo\s+lỗi|góp\s+ý$"
    r"|(?:về|lên)\s+đầu\s+trang|(?:quay\s+lại|trở\s+về|trở\s+lại)(?:\s+\S+){0,3}$|trang\s+chủ$|bạn\s+đang\s+xem"
    r"|đường\s+dây\s+nóng|hotline|liên\s+hệ\s+(?:quảng\s+cáo|tòa\s+soạn|toà\s+soạn)"
    r"|bạn\s+(?:nghĩ|thấy|đánh\s+giá)\s+(?:gì|sao|thế\s+nào)|bài\s+viết\s+(?:này\s+)?(?:có\s+)?hữu\s+ích|bình\s+chọn$|ý\s+kiến\s+của\s+bạn|độc\s+giả\s+có\s+thể\s+gửi|bạn\s+đọc\s+có\s+thể\s+gửi|mọi\s+thông\s+tin\s+(?:phản\s+ánh|xin\s+gửi)"
    r"|nghe\s+(?:bài\s+viết|đọc|bản\s+tin|audio|podcast)|đọc\s+bài\s+này|bài\s+viết\s+được\s+(?:đọc|lồng)|theo\s+dõi$"
    r"|copy\s+link|sao\s+chép\s+liên\s+kết|facebook$|zalo$|email$|twitter$|link$)",
    regex.IGNORECASE,
)

RELATED_HEADER = regex.compile(
    r"^(?:[>»▶►•\-–—]+\s*)?(?:tin|bài|bài\s+viết|tin\s+bài|tin\s+tức|video|chủ\s+đề|sự\s+kiện)?\s*"
    r"(?:liên\s+quan|cùng\s+chuyên\s+mục|cùng\s+sự\s+kiện|cùng\s+chủ\s+đề|khác|mới\s+hơn|cũ\s+hơn|mới\s+nhất"
    r"|đọc\s+nhiều(?:\s+nhất)?|xem\s+nhiều(?:\s+nhất)?|nổi\s+bật|tiêu\s+điểm|hot|mới|nóng|gợi\s+ý|đề\s+xuất)"
    r"\s*[:»>]*\s*$"
    r"|^(?:[>»▶►•]+\s*)?(?:các\s+tin\s+(?:khác|đã\s+đưa)|đọc\s+thêm|xem\s+thêm|có\s+thể\s+(?:bạn|quý\s+vị)\s+quan\s+tâm"
    r"|bạn\s+có\s+thể\s+quan\s+tâm|đừng\s+bỏ\s+lỡ|dòng\s+sự\s+kiện|cùng\s+chuyên\s+mục|tin\s+cùng\s+chuyên\s+mục"
    r"|bài\s+đọc\s+nhiều|tin\s+ảnh|video\s+nổi\s+bật|tin\s+24h|tin\s+trong\s+ngày|câu\s+chuyện\s+liên\s+quan)\s*[:»>]*\s*$",
    regex.IGNORECASE,
)
# "Đọc thêm: <headline>", ">> <headline>", "Xem thêm: <headline>"
INLINE_RELATED = regex.compile(
    r"^(?:(?:(?:>\s*){2,}|»+|▶|►)\s*|(?:(?:tin|bài)\s+liên\s+quan|đọc\s+thêm|xem\s+thêm|xem\s+tiếp|có\s+thể\s+bạn\s+quan\s+tâm)\s*(?::|>>|»)\s*)(.{8,200})$",
    regex.IGNORECASE,
)

_CAPTION_WORD = (
    rf"(?:ảnh(?:\s+minh\s+{_HOA})?(?:\s+tư\s+liệu)?(?:\s+chụp\s+màn\s+hình)?(?:\s*\d+)?|nguồn\s+ảnh|video|clip"
    rf"|đồ\s+{_HOA}|infographic|photo|ảnh\s*/\s*video|thiết\s+kế|minh\s+{_HOA}|ảnh\s+và\s+video)"
)
# The end of a line from a caption word on: "Ảnh: TTXVN", "(Ảnh: Getty Images)", "Ảnh minh hoạ".
_CAPTION_REST = regex.compile(
    rf"\(?\s*{_CAPTION_WORD}\s*(?:[:\-–]\s*[^:!?()\n]{{1,80}}?\s*\)?|\)|(?<=minh\s+\S+)\s*)\.?\s*$",
    regex.IGNORECASE,
)
_CAPTION_KEY = re.compile(
    r"\(?(?:Nguồn ảnh|nguồn ảnh|Ảnh|ảnh|ẢNH|Video|video|VIDEO|Clip|clip|Đồ hoạ|Đồ họa|đồ hoạ|đồ họa"
    r"|Infographic|infographic|Photo|photo|Thiết kế|thiết kế|Minh hoạ|Minh họa|minh hoạ|minh họa)"
)
_SOURCE_TAIL = regex.compile(r"\(\s*nguồn\s*:\s*[^()]{1,40}\)\.?$", regex.IGNORECASE)
_BEFORE_CAPTION = re.compile(r"(?:^|[.!?…”\"')\]]\s*|\s[-–—|]\s*|\()$")


def caption_start(text: str) -> int | None:
    """Where a photo/video caption credit at the end of `text` starts, or None."""
    hits = list(_CAPTION_KEY.finditer(text))
    for hit in reversed(hits[-3:]):
        pos = hit.start()
        before_ok = pos == 0 or text[pos] == "(" or _BEFORE_CAPTION.search(text[max(0, pos - 3) : pos])
        if before_ok and _CAPTION_REST.match(text, pos):
            return pos
    return None


CAPTION_HEAD = regex.compile(rf"^\(?{_CAPTION_WORD}\s*(?::|\))", regex.IGNORECASE)

TAGS = regex.compile(
    rf"^(?:từ\s+{_KHOA}|tags?|chủ\s+đề|thẻ|keywords?|tìm\s+kiếm\s+liên\s+quan|xem\s+thêm\s+chủ\s+đề)\s*[:：]"
    r"|^#\S.*#\S",
    regex.IGNORECASE,
)
FOOTER = regex.compile(
    r"©|copyright|all\s+rights\s+reserved"
    r"|^(?:bản\s+quyền\s+(?:thuộc|©|\d|của)|giấy\s+phép\s+(?:số|hoạt\s+động|xuất\s+bản|thiết\s+lập|mxh|báo)"
    r"|(?:phó\s+)?tổng\s+biên\s+tập(?=\s*:)|cơ\s+quan\s+chủ\s+quản|chịu\s+trách\s+nhiệm\s+(?:xuất\s+bản|nội\s+dung|quản\s+lý)"
    r"|issn|ghi\s+rõ\s+nguồn|không\s+được\s+sao\s+chép|cấm\s+sao\s+chép)\b"
    r"|^(?:trụ\s+sở(?:\s+chính)?|t(?:òa|oà)\s+soạn|địa\s+chỉ|điện\s+thoại|e-?mail|hotline|liên\s+hệ|fax)\s*:",
    regex.IGNORECASE,
)
COMMENTS_HEADER = regex.compile(
    r"^(?:bình\s+luận|ý\s+kiến(?:\s+bạn\s+đọc|\s+của\s+bạn)?|thảo\s+luận|gửi\s+bình\s+luận|comments?)"
    r"\s*(?:\(\d+\)|\d+)?\s*[:]?\s*$",
    regex.IGNORECASE,
)
COUNTER = regex.compile(
    r"^(?:[\d.,]+\s*(?:k\s*)?(?:bình\s+luận|lượt\s+(?:xem|đọc|thích|chia\s+sẻ)|views?|likes?|comments?|shares?|chia\s+sẻ|thích)"
    r"|(?:bình\s+luận|lượt\s+(?:xem|đọc)|chia\s+sẻ|thích|views?|likes?|comments?)\s*[:(]?\s*[\d.,]+k?\)?"
    r"|\(\d+\)|\d+|[\d.,]+k?\s*/\s*[\d.,]+k?|(?:ảnh|hình|video|clip|slide)\s*\d+\s*/\s*\d+|\d+\s*phút\s+đọc|đọc\s+trong\s+\d+\s+phút|\d+\s+(?:phút|giờ|ngày)\s+trước)"
    r"(?:\s*[|·•,]\s*.{0,30})?$",
    regex.IGNORECASE,
)
STAMP = regex.compile(
    r"^(?:\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:AM|PM|SA|CH))?(?:\s*(?:ngày\s*)?\d{1,2}/\d{1,2})?"
    r"|(?:cập\s+nhật|đăng|ngày\s+đăng|xuất\s+bản|đăng\s+lúc|cập\s+nhật\s+lúc)\s*:?(?=[^\d]{0,12}\d).{0,40}"
    r"|(?:sáng|trưa|chiều|tối|đêm)\s+(?:nay|qua)?\s*\d{1,2}[:h]\d{2})\s*[:\-–|]?\s*$",
    regex.IGNORECASE,
)
# A menu: several short items separated by bars, bullets, chevrons or slashes.
# (normalised text has single spaces; raw lines may still hold runs of spaces or tabs)
_MENU_HINTS = (" | ", " • ", " · ", " » ", " › ", " > ", " / ", "  ", "\t")
MENU_SEPARATORS = regex.compile(r"\s[|•·»›>/]\s|\s{2,}|\t")
_CHEVRON = regex.compile(r"\s[»›>]\s")

# Outlet signature at the start of a lead or teaser: "VOV.VN - ", "(Dân trí) - ", "TTO - ".
SIGNATURE = regex.compile(
    r"^(?:\(([\p{L}\p{N}.\s]{2,24})\)|([\p{Lu}\p{N}][\p{L}\p{N}]*\.(?:vn|VN|com|net|Vn)(?:\.vn)?|[\p{Lu}][\p{Lu}\p{N}]{1,6}(?:\s\p{Lu}\p{Ll}+)?))"
    r"\s*[-–—:]\s+(?=\S)"
    r"|^([A-Z][A-Za-z0-9]{4,20})\s+[-–—]\s+(?=\S)"  # an ASCII outlet name: "Kinhtedothi - "
    r"|^([\p{Lu}][\p{Lu}&]{2,6})\.\s+(?=\p{Lu})"  # a code and a full stop: "TGVN. "
)

# Bylines: a short name (each word capitalised, or all caps), optional parenthesis or agency.
_NAME_WORD = r"[\p{Lu}][\p{Ll}\p{Lu}]*\.?"
_NAME = rf"(?:{_NAME_WORD}(?:[\s\-]+{_NAME_WORD}){{0,4}})"
_TEAM = (
    r"(?:nhóm\s+(?:pv|phóng\s+viên|ptv|ctv|tác\s+giả|p\.?v\.?)(?:\s+(?:ban|báo)(?:\s+\p{Lu}\p{Ll}*){1,3})?"
    r"|pv|ctv|ptv|btv|phóng\s+viên|vov\d?|ttxvn)"
)
_BYLINE_NOTE = (
    r"\(\s*(?:(?:(?:lược\s+)?dịch\s+(?:từ|theo)|theo|tổng\s+hợp(?:\s+từ|\s+theo)?|t/h|th|tổng\s+hợp|lược\s+dịch|nguồn)"
    r"\s*:?\s*([^()]{0,60})|(?=[\p{Lu}])([^()]{2,40}))\)"
)
BYLINE = regex.compile(
    rf"^(?:(?:bài\s*(?:và|,|&)\s*ảnh|bài|tác\s+giả|phóng\s+viên|pv|thực\s+hiện|ghi|nhóm\s+pv)\s*:\s*)?"
    rf"(?P<name>{_TEAM}|{_NAME}(?:\s*(?:,|và|-|–)\s*{_NAME})?)"
    rf"(?:\s*[/\-–]\s*(?P<agency>[\p{{Lu}}][\p{{L}}.\-\s]{{1,24}}))?"
    rf"\s*(?:{_BYLINE_NOTE})?\s*[.,;]?$",
    regex.IGNORECASE,
)
_GLUE_HINT = re.compile(r"\)[^\W\d_]")
_TEAM_RE = regex.compile(_TEAM, regex.IGNORECASE)
_AGENCY_NAME = regex.compile(r"vov\d?|ttxvn", regex.IGNORECASE)
CREDIT_LINE = regex.compile(
    r"^[(]?\s*(?:theo|nguồn|nguồn\s+tin|dịch\s+từ|lược\s+dịch\s+từ)\s*:?\s+(?P<agency>[\p{Lu}\p{N}][\p{L}\p{N}.&\-\s,/]{1,40}?)\s*[)]?\s*\.?$",
    regex.IGNORECASE,
)
# "Theo Hải Đăng (Báo Tin tức)": a reprint naming the author and the outlet it came from
REPRINT = regex.compile(rf"^theo\s+(?P<name>{_NAME})\s*\((?P<agency>[^()]{{2,40}})\)\s*\.?$", regex.IGNORECASE)
# A byline whose tail is the next page's headline, glued on: "Bảo Nghi (Lược dịch từ AP)Mỹ - ..."
GLUED_BYLINE = regex.compile(rf"^(?P<byline>.{{2,60}}?{_BYLINE_NOTE})(?P<tail>[\p{{Lu}}\p{{N}}\"“].{{8,}})$", regex.IGNORECASE)

_CAPTION_HINTS = ("ảnh", "video", "clip", "đồ h", "photo", "infographic", "minh h", "thiết kế")
_FOOTER_HINTS = (
    "©", "copyright", "rights reserved", "bản quyền", "giấy phép", "biên tập", "chủ quản", "trách nhiệm", "trụ sở",
    "tòa soạn", "toà soạn", "nguồn", "sao chép", "điện thoại", "địa chỉ", "fax", "mail", "hotline", "liên hệ", "issn",
)


def _has_any(folded: str, hints: tuple[str, ...]) -> bool:
    return any(h in folded for h in hints)



_SENTENCE_END = frozenset(".!?…:;")
_CLOSERS = frozenset("\"”’»)]'")
_DATE_HINT = re.compile(r"\d[/.\-]\d|\d:\d|\d{4}|tháng|Tháng|THÁNG")


def ends_like_sentence(text: str) -> bool:
    """Ends with . ! ? … : ; or with a closing quote/bracket right after one of . ! ? …"""
    text = text.rstrip()
    last = text[-1:]
    if last in _SENTENCE_END:
        return True
    if last in _CLOSERS:
        return text[-2:-1] in _SENTENCE_END or text[-2:-1] in _CLOSERS and text[-3:-2] in _SENTENCE_END
    return False
_LOWER_START = regex.compile(r"^\p{Ll}")


@dataclass
class Line:
    index: int  # position in the page's non-empty lines
    text: str
    kind: str
    words: int
    duplicate: bool = False
    signature: str | None = None
    key: str = ""  # case- and space-folded text, for spotting repeats
    caption_hint: bool = False


def line_key(text: str) -> str:
    """Cheap key for spotting a line repeated on a page."""
    return " ".join(text.casefold().split()).strip(" .")


def word_count(text: str) -> int:
    return len(text.split())


def is_name_like(text: str) -> bool:
    """Every word capitalised (or all caps), 1-6 words: how bylines look, not how sentences do."""
    words = text.replace("-", " ").split()
    if not 1 <= len(words) <= 6:
        return False
    return all(w[:1].isupper() or w.lower() in ("và", "của") for w in words)


_BAR = regex.compile(r"\s[|•·]\s")
_HONORIFICS = frozenset({"ông", "bà", "chị", "cụ", "ngài", "bé", "cháu", "tổng", "thủ", "bộ", "chủ", "đại"})


def _is_byline(text: str, words: int) -> bool:
    if words > 12 or text.endswith((":", "?", "!")):
        return False
    if _BAR.search(text):  # "Vương Trần | LĐO": a byline, then the outlet's short code
        first, *rest = _BAR.split(text)
        return all(word_count(r) <= 3 for r in rest) and _is_byline(first.strip(), word_count(first))
    if CREDIT_LINE.match(text):
        return words <= 8
    m = BYLINE.match(text)
    if not m:
        return False
    name = m.group("name")
    if _TEAM_RE.fullmatch(name):
        return True
    name = _ROLE.sub("", name)
    # a name needs every word capitalised: sentence-case subheadings are not bylines
    if len(name.split()) < 2:  # "Tr." or "Hà" alone is a broken sentence, not a byline
        return False
    if name.split()[0].lower() in _HONORIFICS:  # "Bà Nguyễn Bích Quy." captions a photo of her
        return False
    return is_name_like(name) and (words <= 6 or "(" in text or "/" in text)


def _is_menu(text: str, words: int) -> bool:
    """Several short items between bars/bullets/slashes, or a breadcrumb with chevrons."""
    if not any(sep in text for sep in _MENU_HINTS):
        return False
    parts = [p for p in MENU_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2 or max(word_count(p) for p in parts) > 6:
        return False
    return len(parts) >= 3 or bool(_CHEVRON.search(text))


def classify(text: str, index: int = 0) -> Line:
    """Kind of one stripped, non-empty, normalised line (see module docstring)."""
    words = word_count(text)
    key = line_key(text)
    caption_hint = _has_any(key, _CAPTION_HINTS)
    kind = _kind(text, words, key, caption_hint)
    line = Line(index, text, kind, words, key=key, caption_hint=caption_hint)
    if kind in ("prose", "short"):
        line.signature = signature_of(text, words)
    return line


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def signature_of(text: str, words: int | None = None) -> str | None:
    """The outlet signature opening a lead or teaser ("VOV.VN - ", "(Dân trí) - ", "TGVN. ")."""
    m = SIGNATURE.match(text)
    if not m or (words if words is not None else word_count(text)) <= 6:
        return None
    if m.group(3) and len(_VOWEL_GROUPS.findall(m.group(3).lower())) < 2:
        return None  # one ASCII syllable ("Trong - ngoài nước") is Vietnamese, not an outlet name
    return next(g for g in m.groups() if g).strip()


def _kind(text: str, words: int, key: str, caption_hint: bool) -> str:
    if words <= 60 and _is_menu(text, words):
        return "menu"
    if words <= 14:
        if RELATED_HEADER.match(text):
            return "related_header"
        if COMMENTS_HEADER.match(text):
            return "comments"
        if COUNTER.match(text):
            return "counter"
        if TAGS.match(text):
            return "tags"
        if STAMP.match(text):
            return "stamp"
        if PROMPT.match(text):
            return "prompt"
        if words <= 10 and _DATE_HINT.search(text) and parse_dateline(text) is not None and not text.endswith("."):
            return "dateline"
        if _is_byline(text, words):
            return "byline"
    elif words <= 40 and PROMPT.match(text) and not ends_like_sentence(text):
        return "prompt"
    if INLINE_RELATED.match(text) and (words <= 40 and not text.rstrip().endswith(".") or not ends_like_sentence(text)):
        return "related_inline"
    if words <= 40 and caption_hint and (caption_start(text) is not None or CAPTION_HEAD.match(text)):
        return "caption"
    if words <= 15 and _SOURCE_TAIL.search(text):
        return "caption"  # "Toàn cảnh cuộc họp. (Nguồn: TASS)"
    if TAGS.match(text):
        return "tags"
    if words <= 40 and _has_any(key, _FOOTER_HINTS) and FOOTER.search(text):
        return "footer"
    if words <= 40 and ")" in text and _GLUE_HINT.search(text):
        glued = GLUED_BYLINE.match(text)
        if glued and _is_byline(glued.group("byline"), 8):
            return "byline_glued"
    if is_prose(text, words):
        return "prose"
    return "short"


def is_prose(text: str, words: int) -> bool:
    """Sentence-like: ends like a sentence and is not tiny, or is long whatever its end."""
    if words >= 22:
        return True
    return words >= 6 and ends_like_sentence(text) and not text.endswith(":")


def is_headline_like(line: Line) -> bool:
    """Could be a headline: short or medium, no full stop at the end, starts with a capital."""
    text = line.text
    return (
        line.kind in ("short", "prose")
        and 3 <= line.words <= 40
        and (not text.endswith((".", ":", ";", ",")) or text.endswith(("...", "…")))
        and not _LOWER_START.match(text)
        and line.signature is None
    )


_NOTE = regex.compile(_BYLINE_NOTE, regex.IGNORECASE)
_DASH = regex.compile(r"\s+[-–]\s+")
_ROLE = regex.compile(r"^(?:pv|ctv|btv|phóng\s+viên|nhà\s+báo|biên\s+tập\s+viên|tác\s+giả)\s+(?=\S+\s+\S)", regex.IGNORECASE)


@dataclass
class Byline:
    author: str | None = None
    credit: str | None = None
    tail: str | None = None  # text glued after the byline (the next page's headline)


def _clean_agency(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip(" .-–/()")
    return text or None


def parse_byline(text: str) -> Byline | None:
    """Author and credited agency of a byline line; None when the line is not one."""
    parts = _BAR.split(text.strip())
    text, outlet = parts[0].strip(), (parts[1].strip() if len(parts) == 2 else None)
    if outlet and CREDIT_LINE.match(text):  # "Theo Thanh Hà | Báo Tin tức": a person, then the outlet
        name = CREDIT_LINE.match(text).group("agency")
        if is_name_like(name) and len(name.split()) >= 2:
            return Byline(author=name.strip(), credit=outlet)
    tail = None
    glued = GLUED_BYLINE.match(text)
    if glued and _is_byline(glued.group("byline"), 8):
        text, tail = glued.group("byline").strip(), glued.group("tail").strip()
    reprint = REPRINT.match(text)
    if reprint and is_name_like(reprint.group("name")):
        return Byline(author=reprint.group("name").strip(), credit=_clean_agency(reprint.group("agency")), tail=tail)
    credit_only = CREDIT_LINE.match(text)
    if credit_only:
        return Byline(credit=_clean_agency(credit_only.group("agency")), tail=tail)
    m = BYLINE.match(text)
    if not m or not _is_byline(text, word_count(text)):
        return None
    name = m.group("name").strip()
    agency_after_dash = None
    pieces = _DASH.split(name)
    if len(pieces) == 2 and " " not in pieces[1].strip() and " " in pieces[0].strip():
        name, agency_after_dash = pieces[0].strip(), pieces[1].strip()  # "Thanh Trà - TTXVN"
    note = _NOTE.search(text)
    # "Thu Hằng/VOV.VN (Theo AFP)": the source in the note is the credit, the outlet after / is not
    credit = (
        _clean_agency((note.group(1) or note.group(2)) if note else None)
        or _clean_agency(m.group("agency"))
        or agency_after_dash
    )
    if _AGENCY_NAME.fullmatch(name):
        return Byline(credit=credit or name, tail=tail)
    name = _ROLE.sub("", name)  # "PV Lê Hoa", "Phóng viên Hoài Nam": the role is not the name
    return Byline(author=name, credit=credit, tail=tail)
