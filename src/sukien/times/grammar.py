"""Recognition: regular-expression rules that find temporal expressions and read their parts.

Each rule is a compiled pattern with named groups plus a reader that turns a match into a `Spec`
(a small dict of what was written: day, month, year, relative words, clock, part of day, lunar
markers, ...) or rejects it. Candidates from all rules compete for the text: the longest wins.
Adjacent candidates joined by "đến", "-" ... are merged into one range. Values are computed
later, in `resolve.py`, where the reference time, tense and narrative anchor are known.

All patterns are compiled once, at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

import regex

from sukien.text.sentences import split_spans

FLAGS = regex.IGNORECASE | regex.VERSION0

# ---------------------------------------------------------------- fragments
B = r"\b"  # word start
E = r"\b"  # word end
NB = r"(?<![\p{L}\p{N}/.,\-+])"  # number start: not inside 168/2024, 2+2, 1.5
NE = r"(?![\p{L}\p{N}]|[/.,\-+]\p{N})"  # number end
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MON = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
POD = r"(?:rạng\s+sáng|sáng\s+sớm|sáng|trưa|xế\s+chiều|chiều\s+tối|chiều|tối|nửa\s+đêm|đêm|khuya)"
# number words: "mười lăm", "hai mươi mốt", "năm mươi"; "năm" alone is "five" only before a unit (see NUM)
NUMWORD = (r"(?:(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi(?:\s+(?:mốt|một|hai|ba|bốn|tư|lăm|nhăm|sáu|bảy|tám|chín))?"
           r"|mười(?:\s+(?:một|hai|ba|bốn|lăm|nhăm|sáu|bảy|tám|chín))?|một|hai|ba|bốn|sáu|bảy|tám|chín|nửa|vài|mấy|dăm)")
# a count right before a unit word may also be "năm" (five): "năm ngày trước", "năm năm qua";
# not after words that make "năm" the noun ("cả năm ngày nào", "những năm tháng")
NUM = (rf"(?:\d{{1,3}}(?:\.\d{{3}})*(?:,\d+)?|{NUMWORD}"
       rf"|(?<!\b(?:cả|quanh|mỗi|hằng|hàng|những|các|nhiều|cuối|đầu|giữa|hết|mươi|mười|trăm|nghìn|ngàn|chục)\s)(?<!\d\s)năm"
       rf"(?=\s+(?:ngày|tuần|tháng|năm|quý|thập|thế|phút|giây|tiếng)\b))")
APPROX = r"(?:khoảng|hơn|gần|trên|dưới|chừng|ngót|ít\s+nhất|tối\s+đa)"
YQUAL = r"(?:cùng\s+năm|năm\s+nay|năm\s+ngoái|năm\s+tới|năm\s+sau|năm\s+trước|năm\s+kia|năm\s+ấy|năm\s+đó|năm\s+qua)"
WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\b"
# a bare suffix word "tới"/"qua" is only a time word when the clause goes on or ends after it
SUFFIX_END = r"(?=\s*[,.;:)!?\"”]|\s*$|\s+(?:\p{Lu}|tại|ở|đã|sẽ|vừa|là|và|thì|nhiều|các|hàng|người|trên|cho)\b)"

NUMBERS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "nửa": 0.5, "vài": None, "mấy": None, "dăm": None,
}
_UNIT_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6,
               "bảy": 7, "tám": 8, "chín": 9}


def word_number(s: str) -> int | None:
    """"hai mươi mốt" -> 21, "mười lăm" -> 15, "năm mươi" -> 50; None if not a compound number word."""
    words = s.split()
    tens, rest = None, words
    if words[:1] == ["mười"]:
        tens, rest = 1, words[1:]
    elif len(words) >= 2 and words[1] == "mươi" and words[0] in _UNIT_WORDS:
        tens, rest = _UNIT_WORDS[words[0]], words[2:]
    if tens is None:
        return None
    if not rest:
        return tens * 10
    if len(rest) == 1 and rest[0] in _UNIT_WORDS:
        return tens * 10 + _UNIT_WORDS[rest[0]]
    return None
WEEKDAYS = {"hai": 1, "ba": 2, "tư": 3, "năm": 4, "sáu": 5, "bảy": 6, "2": 1, "3": 2, "4": 3, "5": 4,
            "6": 5, "7": 6, "chủ nhật": 7}
POD_CODES = {"rạng sáng": "MO", "sáng sớm": "MO", "sáng": "MO", "trưa": "MI", "xế chiều": "AF",
             "chiều tối": "EV", "chiều": "AF", "tối": "EV", "nửa đêm": "NI", "đêm": "NI", "khuya": "NI"}
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def squash(s: str | None) -> str:
    """Lower case with single spaces, for dictionary look-ups."""
    return " ".join(s.lower().split()) if s else ""


def number(s: str | None) -> float | None:
    """A written number: digits (with . thousands and , decimals) or a Vietnamese number word."""
    s = squash(s)
    if not s:
        return None
    if s in NUMBERS:
        return NUMBERS[s]
    compound = word_number(s)
    if compound is not None:
        return compound
    try:
        return float(s.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def roman(s: str) -> int:
    s = s.upper()
    total = 0
    for i, c in enumerate(s):
        v = ROMAN_VALUES[c]
        total += -v if i + 1 < len(s) and ROMAN_VALUES[s[i + 1]] > v else v
    return total


def quarter_number(s: str) -> int | None:
    return int(s) if s.isdigit() else (roman(s) if regex.fullmatch(r"[IVX]+", s, regex.I) else None)


# What an expression says, before resolution. "kind" is one of:
#   literal         type and value fixed by the text (durations, sets, decades, centuries, year ranges)
#   point           a day, month, quarter, ... with optional keys: day, month, year, year_rel (nay, ngoái,
#                   tới, sau, kia, trước, qua, ấy, cùng), month_rel, quarter, quarter_rel, half, season,
#                   grain, week, week_rel, weekend, weekday, relday (hôm qua ...), sameday, hour, minute,
#                   pod (MO MI AF EV NI), lunar (+ canchi, tet_day, chap_day, eve), tense (past, future,
#                   nearest), pos (đầu/giữa/cuối: in the span, not in the value), bare_day
#   shift           amount and unit from the reference time, or from the narrative anchor ("anchored")
#   same_period     "cùng kỳ năm ngoái": the anchor's period in another year
#   months_of_year  "6 tháng đầu năm 2024": n, pos, year
#   range           a and b, two point specs
Spec = dict


@dataclass
class Candidate:
    start: int
    end: int
    spec: Spec
    priority: int = 0

    @property
    def length(self) -> int:
        return self.end - self.start


# ---------------------------------------------------------------- readers


def _year_qualifier(spec: Spec, year: str | None, yqual: str | None) -> None:
    if year:
        spec["year"] = int(year)
    elif yqual:
        word = squash(yqual)
        spec["year_rel"] = "cùng" if word == "cùng năm" else word.split()[-1]


def _suffix(spec: Spec, suf: str | None) -> None:
    if suf:
        word = squash(suf)
        if word in ("vừa qua", "qua"):
            spec["tense"] = "past"
        elif word in ("tới", "tới đây", "sắp tới"):
            spec["tense"] = "future"


def _clock(spec: Spec, m) -> None:
    if m.group("hour") is not None:
        spec["hour"] = int(m.group("hour"))
        spec["minute"] = int(m.group("minute")) if m.group("minute") else 0


def read_datetime(m, text: str) -> Spec | None:
    """The composite rule: [clock] [part of day] [ngày] date-or-relative-day, or parts of it."""
    g = m.groupdict()
    spec: Spec = {"kind": "point"}
    if g.get("approx"):
        spec["approx"] = True
    if g.get("hour") is not None:
        _clock(spec, m)
        unit = squash(g.get("hunit"))
        if spec["hour"] > 24:
            return None
        # "2 giờ" alone is a duration; a clock time needs minutes, a part of day, a date or a
        # preposition that introduces a point in time
        bare = not g.get("minute") and not (g.get("pod") or g.get("d") or g.get("relday") or g.get("podrel")
                                             or g.get("wd") or g.get("sameday"))
        if bare and (unit == "giờ" or spec["hour"] == 24 or m.group("clock_sp")):
            # "2 giờ", "24h", "24 h" alone are durations or names unless a preposition makes them a time
            before = text[max(0, m.start() - 12):m.start()].lower()
            if not regex.search(r"(?:lúc|vào|đến|tới|từ|khoảng|đúng)\s*$", before) or \
                    regex.match(r"\s*(?:đồng\s+hồ|qua)\b", text[m.end():m.end() + 12]):
                return None
    if g.get("pod"):
        spec["pod"] = POD_CODES[squash(g["pod"])]
    if g.get("relday"):
        spec["relday"] = squash(g["relday"])
    if g.get("sameday"):
        spec["sameday"] = True
    if g.get("podrel"):
        spec["relday"] = {"nay": "hôm nay", "qua": "hôm qua", "mai": "ngày mai"}.get(squash(g["podrel"]), squash(g["podrel"]))
    if g.get("wd"):
        wd = g["wd"]
        spec["weekday"] = WEEKDAYS[squash(wd).replace("thứ ", "")]
        wq = squash(g.get("wq"))
        if wq:
            spec["week_rel"] = wq
        elif not g.get("pod") and not g.get("d") and not wd.split()[-1][:1].isupper() and squash(wd) != "chủ nhật":
            # lower-case "thứ hai" is an ordinal ("lần thứ hai", "Thứ hai, ...") unless "hôm"/"vào" introduces it
            before = text[max(0, m.start() - 6):m.start()].lower()
            if not regex.search(r"(?:hôm|vào|ngày)\s*$", before) and not _DATE_IN_BRACKETS.match(text, m.end()):
                return None
    if g.get("d"):
        sep = (g.get("sep") or "").strip()
        spec["day"] = int(g["d"])
        spec["month"] = int(g["m"])
        head = g.get("dhead")
        has_context = bool(head or g.get("y") or g.get("hour") is not None or g.get("pod") or g.get("wd"))
        only_preposition = False
        if not has_context:
            window = max(0, m.start() - 16)
            has_context = bool(_DATE_BEFORE.search(text, window, m.start())
                               or _LIST_BEFORE.search(text, max(0, m.start() - 48), m.start()))
            if not has_context and _PREPOSITION_BEFORE.search(text, window, m.start()) \
                    and not _QUANTITY_AFTER.match(text, m.end("m")):
                has_context = only_preposition = True
        if sep and sep != "/" and not has_context:
            return None  # 2-1 (a score), 17.0 (a version)
        if sep == "/" and not has_context and _looks_like_fraction_or_address(text, m.start("d"), m.end("m")):
            return None
        if only_preposition and sep == "/" and _FRACTION_AFTER.match(text, m.end("m")):
            return None  # "chưa đến 1/4 số doanh nghiệp": a preposition does not make a fraction a date
        if g.get("lunar"):
            spec["lunar"] = True
        if squash(head) == "hôm":  # "hôm 10/7" reports a day that has passed
            spec["tense"] = "past"
        _occasion(spec, text, m.start())
    if g.get("y"):
        spec["year"] = int(g["y"])
    elif g.get("yqual"):
        _year_qualifier(spec, None, g["yqual"])
    _suffix(spec, g.get("suf"))
    if g.get("pod") and not any(k in spec for k in ("day", "relday", "weekday", "hour", "sameday")):
        return None  # a part of day alone ("sáng", "đêm nhạc") is not tagged
    if len(spec) == 1:
        return None
    return spec


# a date just before makes a bare "15-11" a date: "từ ngày 12-11 tới 15-11", "sáng nay 20-11"
_DATE_BEFORE = regex.compile(r"(?:\d\s*(?:-|–|đến(?:\s+hết)?|tới)|\b(?:nay|qua|mai|hôm|ngày|sáng|trưa|chiều|tối|đêm))"
                             r"\s*\(?\s*$", FLAGS)
_DATE_IN_BRACKETS = regex.compile(r"\s*\(\s*(?:ngày\s+)?\d{1,2}\s*[/\-.]\s*\d{1,2}\b")
_LIST_BEFORE = regex.compile(r"\b(?:ngày|hôm|mùng|mồng|lễ|dịp|tết)\s+(?:\d{1,2}[\-.]\d{1,2}(?:[\-.]\d{4})?\s*(?:,|và|hoặc)\s*)*$",
                             FLAGS)
_PREPOSITION_BEFORE = regex.compile(r"\b(?:từ|đến|tới|vào|sau|trước)\s*$", FLAGS)
# "từ 5-7 ngày", "2-3 người": a range of numbers, not a date
_QUANTITY_AFTER = regex.compile(r"\s*(?:%|(?:ngày|tuần|tháng|năm|giờ|tiếng|phút|giây|người|lần|ca|km|m|cm|kg|tấn|tỷ|tỉ|"
                                r"triệu|nghìn|ngàn|trăm|độ|tuổi|điểm|bàn|chiếc|con|căn|xe|lít|đồng|usd|mm|ha|cây|bệnh|"
                                r"hộ|trường|em|học|vị|loại|bước|tầng|phòng|giường|suất|lượt|mét|inch|bữa|khách|du\s+khách|sinh\s+viên|bệnh\s+nhân|"
                                r"nạn\s+nhân|thí\s+sinh|cán\s+bộ|công\s+nhân|lao\s+động|doanh\s+nghiệp|vụ|cái|quả|tiết|buổi|đợt|"
                                r"lớp|món|bài|trận|m2)\b)", FLAGS)
_FRACTION_AFTER = regex.compile(
    r"\s+(?:số|dân\s+số|diện\s+tích|tổng|lượng|trong\s+số|các|những|thời\s+gian|khối\s+lượng|lãnh\s+thổ|giá\s+trị|"
    r"phiếu|thành\s+viên|ý\s+kiến|đại\s+biểu|trường\s+hợp|quốc\s+gia|nước|tỉnh|huyện|xã|bang|đội|câu|môn|lần|trận|"
    r"ván|set|hiệp|bàn|điểm|mẫu|cử\s+tri|người|hộ|ca|học\s+sinh|sinh\s+viên|thí\s+sinh|bệnh\s+nhân|doanh\s+nghiệp|"
    r"dự\s+án|sản\s+phẩm|lô|công\s+trình|cơ\s+sở|đơn\s+vị|địa\s+phương|phường|quận|thành\s+phố|chỉ\s+tiêu|"
    r"tiêu\s+chí|vụ|bệnh\s+viện|trường|lớp|nhóm|thửa|căn|hồ\s+sơ|mục\s+tiêu|nội\s+dung)\b", FLAGS)
_FRACTION_BEFORE = regex.compile(r"(?:khoảng|gần|hơn|chiếm|tới|trên|dưới|còn|được|số|đường|phố|ngõ|ngách|hẻm|kiệt|"
                                 r"nhà|phòng|lô|tổ|khu|xóm|ấp|km|quốc\s+lộ|tỉnh\s+lộ|tỷ\s+số|tỷ\s+lệ|tỉ\s+lệ|thắng|thua|hòa|đạt)\s*$", FLAGS)


def _looks_like_fraction_or_address(text: str, start: int, end: int) -> bool:
    """3/4 số hộ, khoảng 2/3, số 10/4 đường Lê Lợi, đường 3/2, and round-the-clock 24/7."""
    if text[start:end] == "24/7":
        return True
    if _FRACTION_AFTER.match(text, end):
        return True
    return bool(_FRACTION_BEFORE.search(text[max(0, start - 14):start]))


def read_lunar_daymonth(m, text: str) -> Spec | None:
    g = m.groupdict()
    day = 15 if squash(g["ld"]) == "rằm" else int(g["ld"])
    month_word = squash(g["lm"])
    month = {"giêng": 1, "chạp": 12, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
             "tám": 8, "chín": 9, "mười": 10, "mười một": 11}.get(month_word)
    if month is None:
        month = int(month_word)
    lunar = bool(g.get("lunar")) or month_word in ("giêng", "chạp") or squash(g["ld"]) == "rằm" or bool(g.get("canchi"))
    if not lunar:
        if not g.get("dhead") and not g.get("y"):
            return None
        spec = {"kind": "point", "day": day, "month": month}
    else:
        spec = {"kind": "point", "lunar": True, "day": day, "month": month}
    if g.get("canchi"):
        spec["canchi"] = squash(g["canchi"])
    if g.get("y"):
        spec["year"] = int(g["y"])
    elif g.get("yqual"):
        _year_qualifier(spec, None, g["yqual"])
    _suffix(spec, g.get("suf"))
    return spec


FESTIVAL_CONTEXT = regex.compile(r"\b(?:lễ\s+hội|hội\s+làng|tết|xuân|chùa|đền|phủ|miếu|đình|chợ\s+hoa|du\s+xuân|"
                                 r"cúng|lễ\s+chùa|âm\s+lịch|giao\s+thừa|rằm|ông\s+công|ông\s+táo)\b", FLAGS)


def read_month(m, text: str) -> Spec | None:
    g = m.groupdict()
    spec: Spec = {"kind": "point"}
    if g.get("pos"):
        spec["pos"] = squash(g["pos"])
    word = squash(g.get("mo"))
    if g.get("mrel") or not word:
        spec["month_rel"] = squash(g.get("mrel")) or "này"
        if _counted_or_vague(text, m.start()):
            return None  # "các tháng sau", "6 tháng trước": vague or counted
    elif word in ("giêng", "chạp"):
        month = 1 if word == "giêng" else 12
        sentence = _sentence_around(text, m.start(), m.end())
        if g.get("lunar") or FESTIVAL_CONTEXT.search(sentence):
            spec.update(lunar=True, month=month)
        else:
            spec["month"] = month
    else:
        spec["month"] = int(word) if word.isdigit() else MONTH_WORDS[word]
        if g.get("lunar"):
            spec["lunar"] = True
    if g.get("y"):
        spec["year"] = int(g["y"])
    elif g.get("yqual"):
        _year_qualifier(spec, None, g["yqual"])
    _suffix(spec, g.get("suf"))
    return spec


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1:right]


def read_year(m, text: str) -> Spec | None:
    g = m.groupdict()
    spec: Spec = {"kind": "point", "grain": "year"}
    if g.get("pos"):
        spec["pos"] = squash(g["pos"])
    if g.get("y"):
        spec["year"] = int(g["y"])
    elif g.get("next"):  # "sang năm": next year
        spec["year_rel"] = "tới"
    elif g.get("yrel"):
        spec["year_rel"] = squash(g["yrel"])
        if _counted_or_vague(text, m.start()):
            return None  # "những năm trước", "2 năm trước": vague or counted, not last year
    elif not g.get("pos"):
        return None
    return spec


_VAGUE_BEFORE = regex.compile(r"\b(?:những|nhiều|vài|mấy|dăm|các|bao|hàng|bao\s+nhiêu|chục|trăm|mươi|ngàn|nghìn)\s+$", FLAGS)
# "6 tháng trước", "hai năm sau": a count before the unit, so not "last month" / "next year"
_COUNT_BEFORE = regex.compile(rf"(?:\d|\b{NUMWORD}|\bnăm)\s+$", FLAGS)  # "năm tháng qua": five months, or the years


def _counted_or_vague(text: str, start: int) -> bool:
    window = max(0, start - 12)
    return bool(_VAGUE_BEFORE.search(text, window, start) or _COUNT_BEFORE.search(text, window, start))


def read_birth_year(m, text: str) -> Spec | None:
    return {"kind": "point", "grain": "year", "year": int(m.group("y"))}


def read_quarter(m, text: str) -> Spec | None:
    g = m.groupdict()
    if m.group(0)[:1] == "Q" and _NAME_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "tàu Phú Quý 2": part of a name
    spec: Spec = {"kind": "point", "grain": "quarter"}
    if g.get("q"):
        q = quarter_number(g["q"])
        if not q or q > 4:
            return None
        spec["quarter"] = q
    else:
        spec["quarter_rel"] = squash(g["qrel"])
        if _counted_or_vague(text, m.start()):
            return None
    if g.get("y"):
        spec["year"] = int(g["y"])
    elif g.get("yqual"):
        _year_qualifier(spec, None, g["yqual"])
    return spec


_NAME_BEFORE = regex.compile(r"\b\p{Lu}\p{Ll}*\s+$")
_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}]\s+$")


def read_half(m, text: str) -> Spec | None:
    g = m.groupdict()
    spec: Spec = {"kind": "point", "grain": "half", "half": 1 if squash(g["half"]) == "nửa đầu" else 2}
    _year_qualifier(spec, g.get("y"), g.get("yqual"))
    return spec


def read_week(m, text: str) -> Spec | None:
    g = m.groupdict()
    spec: Spec = {"kind": "point", "grain": "week"}
    if g.get("weekend"):
        if not g.get("wrel") and m.group(0)[:1].isupper() and _WORD_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            return None  # "báo Tuổi Trẻ Cuối tuần": a capitalised bare weekend inside a sentence is a name
        spec["weekend"] = True
    if g.get("wn"):
        spec["week"] = int(g["wn"])
        if not 1 <= spec["week"] <= 53:
            return None
        _year_qualifier(spec, g.get("y"), g.get("yqual"))
    elif g.get("wrel"):
        spec["week_rel"] = squash(g["wrel"])
        if not g.get("weekend") and _counted_or_vague(text, m.start()):
            return None
    elif not spec.get("weekend"):
        return None
    return spec


SEASONS = {"xuân": "SP", "hè": "SU", "hạ": "SU", "thu": "FA", "đông": "WI"}


# a season word without "mùa" ("Hè này", "đầu xuân năm nay") must be introduced: at a clause start, after a
# preposition or a position word; "vỉa hè", "khoản thu", "phía đông" are not seasons
_SEASON_INTRO = regex.compile(r"(?:^|[,.;:!?\"“(]\s*|\b(?:vào|trong|dịp|từ|đến|tới|suốt|hết|sang|qua)\s+)$", FLAGS)


def read_season(m, text: str) -> Spec | None:
    g = m.groupdict()
    word = g.get("season") or g.get("bare")
    spec: Spec = {"kind": "point", "grain": "season", "season": SEASONS[squash(word)]}
    if g.get("pos"):
        spec["pos"] = squash(g["pos"])
    if not (g.get("y") or g.get("yqual") or g.get("this") or g.get("srel")):
        return None  # "mùa hè" alone is no particular summer
    if g.get("bare"):
        if not g.get("pos") and not _SEASON_INTRO.search(text, max(0, m.start() - 8), m.start()):
            return None
    _year_qualifier(spec, g.get("y"), g.get("yqual"))
    if g.get("this"):
        spec["year_rel"] = "nay"
    if g.get("srel"):  # "mùa hè tới", "hè vừa qua": the next or the last such season
        spec["season_rel"] = "future" if squash(g["srel"]) in ("tới", "sắp tới") else "past"
    return spec


def read_decade(m, text: str) -> Spec | None:
    dec = m.group("dec")
    if len(dec) == 2:
        dec = ("19" if int(dec) >= 30 else "20") + dec
    if not dec.endswith("0"):
        return None
    return {"kind": "literal", "type": "DATE", "value": dec[:3] + "X"}


def read_century(m, text: str) -> Spec | None:
    c = m.group("c")
    n = int(c) if c.isdigit() else roman(c)
    if not 1 <= n <= 22:
        return None
    return {"kind": "literal", "type": "DATE", "value": f"{n - 1:02d}"}


UNITS = {"thập kỷ": ("Y", 10), "thập niên": ("Y", 10), "thế kỷ": ("Y", 100), "năm": ("Y", 1), "tháng": ("M", 1),
         "quý": ("M", 3), "tuần": ("W", 1), "ngày đêm": ("D", 1), "ngày": ("D", 1), "giờ": ("H", 1), "h": ("H", 1),
         "tiếng đồng hồ": ("H", 1), "tiếng": ("H", 1), "phút": ("MIN", 1), "giây": ("S", 1)}


def _amount(n: str | None, unit: str) -> tuple[str, float | str] | None:
    code, factor = UNITS[squash(unit)]
    if squash(n) == "vài":  # an unknown number: TIMEX3 writes X ("vài giờ" -> PTXH)
        return code, "X"
    value = number(n)
    if not value:
        return None
    value *= factor
    if value != int(value):  # nửa năm -> 6 months, nửa ngày -> 12 hours
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}.get(code)
        if not smaller:
            return None
        code, value = smaller[0], value * smaller[1]
    return code, int(value)


def duration_value(code: str, value: int | str) -> str:
    if code in ("H", "MIN", "S"):
        return f"PT{value}{'M' if code == 'MIN' else code}"
    return f"P{value}{code}"


def read_duration(m, text: str) -> Spec | None:
    g = m.groupdict()
    unit = squash(g["unit"])
    after = text[m.end():m.end() + 6]
    if unit == "tháng" and regex.match(r"\s*\d", after):
        return None  # "2 tháng 9": a date, not two months
    if unit == "giờ":
        before = text[max(0, m.start() - 8):m.start()].lower()
        if regex.search(r"(?:lúc|vào|đến|tới|từ)\s*$", before) and not g.get("rel"):
            return None
    if squash(g["n"]) == "năm" and unit == "tháng" and (not g.get("rel") or regex.match(r"\s+đi\b", text[m.end():])):
        return None  # "năm tháng" is "the years", not five months, unless "qua", "tới" ... follows
    amount = _amount(g["n"], unit)
    if amount is None:
        return None
    return {"kind": "literal", "type": "DURATION", "value": duration_value(*amount)}


# "2 ngày trước chuyến thăm": "trước" is a preposition here ("before the visit"), not "ago"
_AGO_FOLLOWER = regex.compile(r"\s+(?!(?:đã|từng|vừa|mới|ông|bà|anh|chị|tôi|họ|chúng|người|cô|em|hắn|nó|là|thì|cũng|"
                              r"tại|ở|khi|đó|và|nhưng|rồi|mà|nên|lại|chưa|không)\b)\p{Ll}")


_FROM_BEFORE = regex.compile(r"\b(?:từ|kể\s+từ)\s+$", FLAGS)


def read_ago(m, text: str) -> Spec | None:
    g = m.groupdict()
    if not g.get("cach") and not g.get("thereafter") and _AGO_FOLLOWER.match(text, m.end()) \
            and not _FROM_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return None
    value = number(g["n"])
    if value is None or value != int(value):
        return None
    unit = squash(g["unit"])
    code, factor = UNITS[unit]
    spec = {"kind": "shift", "amount": -int(value) * factor, "unit": code}
    if g.get("thereafter"):
        spec["anchored"] = True
    return spec


def read_after(m, text: str) -> Spec | None:
    g = m.groupdict()
    if not m.group(0).endswith("đó") and _AGO_FOLLOWER.match(text, m.end()):
        return None  # "năm ngày sau vụ tai nạn": "sau" is "after the accident"; the count is a duration
    value = 1 if g.get("n") is None else number(g["n"])
    if value is None or value != int(value):
        return None
    code, factor = UNITS[squash(g["unit"])]
    return {"kind": "shift", "amount": int(value) * factor, "unit": code, "anchored": True}


# "cần thêm hai tháng nữa": "thêm" makes it an amount of time, not a date ahead
_MORE_BEFORE = regex.compile(r"(?:\b(?:thêm|thiếu)\b[^,.;:]{0,30}|\b(?:kéo\s+dài|mất)\s+(?:(?:khoảng|gần|hơn|chừng)\s+)?"
                             r"|\d\s*[-–]\s*)$", FLAGS)


def read_ahead(m, text: str) -> Spec | None:
    g = m.groupdict()
    value = number(g["n"])
    if value is None or value != int(value) or _MORE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None
    code, factor = UNITS[squash(g["unit"])]
    return {"kind": "shift", "amount": int(value) * factor, "unit": code}


def read_anaphor(m, text: str) -> Spec | None:
    word = squash(m.group(0))
    if word == "cùng ngày":
        return {"kind": "shift", "amount": 0, "unit": "D", "anchored": True}
    if word in ("hôm sau", "ngày hôm sau", "ngày sau đó", "hôm sau đó"):
        return {"kind": "shift", "amount": 1, "unit": "D", "anchored": True}
    if word in ("hôm trước", "ngày hôm trước", "hôm trước đó", "ngày hôm trước đó"):
        return {"kind": "shift", "amount": -1, "unit": "D", "anchored": True}
    return None


def read_same_period(m, text: str) -> Spec | None:
    g = m.groupdict()
    spec: Spec = {"kind": "same_period"}
    if g.get("y"):
        spec["year"] = int(g["y"])
    else:
        spec["year_shift"] = {"ngoái": -1, "trước": -1, "qua": -1, "kia": -2}.get(squash(g.get("yrel")) or "trước", -1)
    return spec


def read_period(m, text: str) -> Spec | None:
    g = m.groupdict()
    if g.get("n") is None and (not g.get("pos") or _counted_or_vague(text, m.start())):
        return None  # "những tháng đầu năm": vague
    n = number(g["n"]) if g.get("n") else 1  # "tháng cuối năm 2017": the last month
    if n is None or n != int(n) or not 1 <= n <= 12:
        return None
    spec: Spec = {"kind": "months_of_year", "n": int(n), "pos": squash(g.get("pos")) or "đầu"}
    if not g.get("pos") and not (g.get("y") or g.get("yqual")):
        return None
    _year_qualifier(spec, g.get("y"), g.get("yqual"))
    return spec


def read_set(m, text: str) -> Spec | None:
    g = m.groupdict()
    if g.get("hour") is not None:  # "20h hằng ngày"
        hour, minute = int(g["hour"]), int(g["minute"] or 0)
        pod = POD_CODES.get(squash(g.get("pod")))
        if pod in ("AF", "EV") and hour < 12 or pod == "NI" and 6 <= hour < 12:
            hour += 12
        return {"kind": "literal", "type": "SET", "value": f"XXXX-XX-XXT{hour:02d}:{minute:02d}"}
    if g.get("wd"):
        weekday = WEEKDAYS[squash(g["wd"]).replace("thứ ", "")]
        value = f"XXXX-WXX-{weekday}"
        if g.get("pod"):
            value += "T" + POD_CODES[squash(g["pod"])]
        return {"kind": "literal", "type": "SET", "value": value}
    if g.get("md"):
        return {"kind": "literal", "type": "SET", "value": f"XXXX-XX-{int(g['md']):02d}"}
    if g.get("yd"):
        return {"kind": "literal", "type": "SET", "value": f"XXXX-{int(g['ym']):02d}-{int(g['yd']):02d}"}
    unit = squash(g["unit"])
    n = number(g.get("n")) if g.get("n") else 1
    if n is None or n != int(n):
        return None
    code = {"năm": "Y", "tháng": "M", "quý": "M", "tuần": "W", "ngày": "D", "đêm": "D", "tối": "D", "sáng": "D",
            "giờ": "H"}[unit]
    n = int(n) * (3 if unit == "quý" else 1)
    return {"kind": "literal", "type": "SET", "value": f"PT{n}H" if code == "H" else f"P{n}{code}"}


SOLAR_HOLIDAYS = [
    (r"quốc\s+khánh", 9, 2), (r"tết\s+dương\s+lịch", 1, 1), (r"(?:lễ\s+)?giáng\s+sinh|(?:lễ\s+)?noel", 12, 25),
    (r"ngày\s+nhà\s+giáo\s+việt\s+nam", 11, 20), (r"ngày\s+(?:lễ\s+)?tình\s+nhân|(?:ngày\s+)?valentine", 2, 14),
    (r"(?:ngày\s+)?quốc\s+tế\s+lao\s+động", 5, 1), (r"(?:ngày\s+)?quốc\s+tế\s+phụ\s+nữ", 3, 8),
    (r"ngày\s+phụ\s+nữ\s+việt\s+nam", 10, 20), (r"(?:ngày\s+)?quốc\s+tế\s+thiếu\s+nhi", 6, 1),
    (r"ngày\s+thương\s+binh\s*(?:-|,)?\s*liệt\s+sĩ", 7, 27), (r"ngày\s+giải\s+phóng\s+miền\s+nam", 4, 30),
    (r"ngày\s+báo\s+chí\s+cách\s+mạng\s+việt\s+nam", 6, 21), (r"ngày\s+thầy\s+thuốc\s+việt\s+nam", 2, 27),
    (r"ngày\s+doanh\s+nhân\s+việt\s+nam", 10, 13), (r"ngày\s+quốc\s+phòng\s+toàn\s+dân", 12, 22),
]
LUNAR_HOLIDAYS = [
    (r"(?:tết|rằm|đêm|lễ\s+hội)\s+trung\s+thu", 15, 8), (r"tết\s+đoan\s+(?:ngọ|ngũ)", 5, 5),
    (r"giỗ\s+tổ\s+hùng\s+vương", 10, 3), (r"lễ\s+vu\s+lan|rằm\s+tháng\s+bảy", 15, 7),
    (r"tết\s+nguyên\s+tiêu", 15, 1), (r"tết\s+hàn\s+thực", 3, 3), (r"lễ\s+ông\s+công\s+ông\s+táo", 23, 12),
]
CAN_CHI = (r"(?:giáp|ất|bính|đinh|mậu|kỷ|kỉ|canh|tân|nhâm|quý)\s+"
           r"(?:tý|tí|sửu|dần|mão|mẹo|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi)")


# "nhân dịp Quốc khánh": the occasion meant is the nearest one, whatever the verb's tense
_OCCASION_BEFORE = regex.compile(r"\b(?:nhân|dịp|chào\s+mừng|mừng|hướng\s+tới|kỷ\s+niệm)\s*$", FLAGS)


def _occasion(spec: Spec, text: str, start: int) -> None:
    if "tense" not in spec and _OCCASION_BEFORE.search(text, max(0, start - 14), start):
        spec["tense"] = "nearest"


def read_solar_holiday(m, text: str) -> Spec | None:
    g = m.groupdict()
    name = squash(g["hname"])
    month = day = None
    for pattern, mm, dd in SOLAR_HOLIDAYS:
        if regex.fullmatch(pattern, name, FLAGS):
            month, day = mm, dd
            break
    if month is None:
        return None
    if name == "quốc khánh" and m.group("hname")[-5:-4].isupper() and not (g.get("hd") or g.get("y") or g.get("yqual")):
        return None  # "nghệ sĩ Quốc Khánh": a person's name
    spec: Spec = {"kind": "point", "day": day, "month": month}
    if g.get("night") and month == 12:
        spec.update(day=24, pod="NI")
    _year_qualifier(spec, g.get("y"), g.get("yqual"))
    _occasion(spec, text, m.start())
    return spec


def read_lunar_holiday(m, text: str) -> Spec | None:
    g = m.groupdict()
    name = squash(g["hname"])
    spec: Spec = {"kind": "point", "lunar": True}
    if g.get("tet") or regex.fullmatch(r"tết(?:\s+(?:nguyên\s+đán|cổ\s+truyền|âm\s+lịch|ta))?", name):
        spec.update(day=1, month=1)
        if g.get("tet") and not (g.get("y") or g.get("yqual") or g.get("canchi")) and not regex.search(
                r"nguyên\s+đán|cổ\s+truyền|âm\s+lịch", name):
            return None  # bare "Tết" is a season, not a date
    else:
        for pattern, dd, mm in LUNAR_HOLIDAYS:
            if regex.fullmatch(pattern, name, FLAGS):
                spec.update(day=dd, month=mm)
                break
        else:
            return None
    if g.get("canchi"):
        spec["canchi"] = squash(g["canchi"])
    if name.startswith("đêm "):
        spec["pod"] = "NI"
    _year_qualifier(spec, g.get("y"), g.get("yqual"))
    _occasion(spec, text, m.start())
    return spec


def read_tet_day(m, text: str) -> Spec | None:
    g = m.groupdict()
    if g.get("mung"):
        return {"kind": "point", "lunar": True, "tet_day": int(g["td"])}
    day = int(g["td"])
    if not 23 <= day <= 30:
        return None
    return {"kind": "point", "lunar": True, "chap_day": day}


def read_eve(m, text: str) -> Spec | None:
    spec: Spec = {"kind": "point", "lunar": True, "eve": True, "pod": "NI"}
    _year_qualifier(spec, None, m.group("yqual"))
    return spec


def read_year_range(m, text: str) -> Spec | None:
    a, b = int(m.group("y1")), int(m.group("y2"))
    if not a < b <= a + 100:
        return None
    return {"kind": "literal", "type": "DATE", "value": f"{a}/{b}"}


def read_bare_day(m, text: str) -> Spec | None:
    spec = {"kind": "point", "day": int(m.group("d")), "bare_day": True}
    if m.group("pod"):
        spec["pod"] = POD_CODES[squash(m.group("pod"))]
    return spec


# ---------------------------------------------------------------- rules

# month names; "Năm" (May) only capitalised: lower-case "tháng năm" is "months and years"
MONTH_WORD = r"(?:mười\s+một|mười\s+hai|một|hai|ba|tư|(?-i:Năm)|sáu|bảy|tám|chín|mười)"
MONTH_WORDS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
               "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
# "24/7-15/8/2002": a hyphen between two day/month dates joins a range; it does not glue numbers
DM_NB = rf"(?:{NB}|(?<=\d/\d{{1,2}}[-–]))"
DM_NE = rf"(?:{NE}|(?=[-–]{DAY}/{MON}(?!\d)))"
DM = (rf"(?:(?P<dhead>ngày|hôm|mùng|mồng)\s+)?{DM_NB}(?P<d>{DAY})(?P<sep>[/\-.]| - )(?P<m>{MON})"
      rf"(?:(?P=sep)(?P<y>{YEAR}))?{DM_NE}")
DMTEXT = rf"(?:(?P<dhead>ngày|mùng|mồng)\s+)?{NB}(?P<d>{DAY})\s+tháng\s+(?P<m>{MON}){NE}(?:\s+năm\s+(?P<y>{YEAR}))?"
YEAR_AFTER = rf"(?:\s+năm\s+(?P<y>{YEAR})(?!\s*[/\-]\s*\d)|\s+(?P<yqual>{YQUAL}))?"
LUNAR_MARK = r"(?P<lunar>\s*\(?\s*(?:âm\s+lịch|AL)\b\)?)?"
RELDAY = r"(?P<relday>ngày\s+hôm\s+qua|ngày\s+hôm\s+nay|ngày\s+hôm\s+kia|hôm\s+nay|hôm\s+qua|hôm\s+kia|ngày\s+mai|ngày\s+kia)"
PODREL = (r"(?P<podrel>hôm\s+nay|hôm\s+qua|hôm\s+kia|ngày\s+mai|ngày\s+kia|ngày\s+hôm\s+sau|hôm\s+sau|"
          r"ngày\s+hôm\s+trước|hôm\s+trước(?!\s+khi)|nay|qua|mai)")
SAMEDAY = r"(?P<sameday>cùng\s+ngày|ngày\s+hôm\s+đó|hôm\s+đó)"
WD = rf"(?P<wd>{WEEKDAY})(?:\s+(?P<wq>tuần\s+(?:trước|này|sau|tới|qua|vừa\s+qua)|tới|vừa\s+qua|này))?"
DATEPART = rf"(?:{DM}|{DMTEXT}|{WD}(?:\s+(?:ngày\s+)?{DM})?)"
CLOCK = (rf"{NB}(?P<hour>[01]?\d|2[0-4])(?P<clock_sp>\s?)(?P<hunit>h|giờ|g(?=\d)|:(?=[0-5]\d))"
         rf"(?:\s?(?P<minute>[0-5]\d)(?:\s?(?:phút|p|')(?![\p{{L}}]))?)?(?![\p{{L}}\p{{N}}])")

RULES: list[tuple[str, str, object, int]] = [
    # name, pattern, reader, priority (higher wins among equal lengths)
    ("clock_date", rf"{B}(?:(?P<approx>khoảng|gần|hơn|chừng)\s+)?{CLOCK}(?:\s+(?P<pod>{POD})(?:\s+{PODREL}{E})?)?"
                   rf"(?:\s*,?\s*(?:{DATEPART}|{RELDAY}|{SAMEDAY}))?{LUNAR_MARK}{YEAR_AFTER}"
                   rf"(?:\s+(?P<suf>vừa\s+qua|tới\s+đây|sắp\s+tới))?", read_datetime, 5),
    ("pod_date", rf"{B}(?P<pod>{POD})\s+(?:(?:ngày|hôm)\s+)?(?:{DATEPART}|{RELDAY}|{PODREL}|{SAMEDAY}){E}{LUNAR_MARK}{YEAR_AFTER}"
                 rf"(?:\s+(?P<suf>vừa\s+qua|tới\s+đây|sắp\s+tới|(?:tới|qua){SUFFIX_END}))?", read_datetime, 5),
    ("date", rf"{B}{DATEPART}{LUNAR_MARK}{YEAR_AFTER}(?:\s+(?P<suf>vừa\s+qua|tới\s+đây|sắp\s+tới|(?:tới|qua){SUFFIX_END}))?",
     read_datetime, 4),
    ("relday", rf"{B}{RELDAY}{E}", read_datetime, 4),
    ("lunar_dm", rf"{B}(?:(?P<dhead>ngày|mùng|mồng)\s+)?(?P<ld>{DAY}|rằm)\s+tháng\s+"
                 rf"(?P<lm>giêng|chạp|mười\s+một|{MON}(?!\d)|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười){E}"
                 rf"(?:\s+(?:năm\s+)?(?P<canchi>{CAN_CHI}))?{LUNAR_MARK}"
                 rf"(?:\s+năm\s+(?P<y>{YEAR})|\s+(?P<yqual>{YQUAL}))?{LUNAR_MARK}", read_lunar_daymonth, 6),
    ("month", rf"{B}(?:(?P<pos>đầu|giữa|cuối)\s+)?tháng\s+(?:(?P<mo>{MON}(?![\d]|\s*tuổi)|giêng|chạp|{MONTH_WORD}){E}{LUNAR_MARK}"
              rf"(?:\s*[/.\-]\s*(?P<y>{YEAR}){NE}|\s+năm\s+(?P<y>{YEAR})|\s+(?P<yqual>{YQUAL}))?"
              rf"(?:\s+(?P<suf>vừa\s+qua|tới\s+đây|sắp\s+tới|(?:tới|qua|này){SUFFIX_END}))?"
              rf"|(?P<mrel>trước|này|tới|sau|qua|vừa\s+qua){E})", read_month, 3),
    ("month_pos", rf"{B}(?P<pos>đầu|giữa|cuối)\s+tháng{E}(?!\s*\d)(?!\s+(?:giêng|chạp|trước|này|tới|sau|qua|vừa)\b)",
     read_month, 2),
    ("year", rf"{B}(?:(?P<pos>đầu|giữa|cuối)\s+)?năm\s+(?:(?P<y>{YEAR}){NE}|(?P<yrel>nay|ngoái|tới|sau|kia|trước|qua|rồi){E})"
             rf"|{B}(?P<pos>đầu|giữa|cuối)\s+năm{E}(?!\s+(?:học|tài\s+chính))"
             # "sang năm con vào lớp một"; not "sang năm 2025", "sang năm mới", "sang năm thứ hai", "sang năm học"
             rf"|{B}(?<!\bnăm\s+(?:này|nọ)\s+)(?P<next>sang)\s+năm{E}"
             rf"(?!\s+(?:\d|mới|thứ|học|tài|sau|tới|nay|kế|khác|sinh|tuổi|{NUMWORD}\b))", read_year, 3),
    ("birth_year", rf"{B}(?:SN|sinh)\s+(?P<span>(?:năm\s+)?(?P<y>{YEAR})){NE}", read_birth_year, 6),
    ("quarter", rf"{B}(?:(?P<pos>đầu|giữa|cuối)\s+)?quý\s+(?:(?P<q>IV|I{{1,3}}|[1-4])(?:\s*[/.\-]\s*(?P<y>{YEAR}){NE}|{E})(?:\s+năm\s+(?P<y>{YEAR})|\s+(?P<yqual>{YQUAL}))?"
                rf"|(?P<qrel>trước|này|tới|sau|vừa\s+qua|qua){E})", read_quarter, 3),
    ("half", rf"{B}(?P<half>nửa\s+đầu|nửa\s+cuối|nửa\s+sau)\s+năm(?:\s+(?P<y>{YEAR})|\s+(?P<yqual>nay|ngoái|tới|sau))?{E}",
     read_half, 4),
    ("week", rf"{B}(?:(?:(?P<pos>đầu|giữa)\s+)?tuần\s+(?P<wrel>trước|này|tới|sau|qua|vừa\s+qua)|(?P<weekend>cuối\s+tuần)(?:\s+(?P<wrel>trước|này|tới|sau|qua|vừa\s+qua))?"
             rf"|tuần\s+(?:(?P<wrel>trước|này|tới|sau|qua|vừa\s+qua)|(?:thứ\s+)?(?P<wn>\d{{1,2}}){NE}"
             rf"(?:\s+năm\s+(?P<y>{YEAR})|\s*/\s*(?P<y>{YEAR})|\s+(?P<yqual>{YQUAL}))?)){E}", read_week, 3),
    ("season", rf"{B}(?:(?P<pos>đầu|giữa|cuối)\s+)?(?:(?<!(?:hội|olympic|games|paralympic)\s)mùa\s+(?P<season>xuân|hè|hạ|thu|đông)|(?<!(?:vỉa|lề|mái|hiên)\s)(?P<bare>xuân|hè|thu|đông))"
               rf"(?:\s+năm\s+(?P<y>{YEAR}){NE}|\s+(?P<y>{YEAR}){NE}|\s+(?P<yqual>{YQUAL})|\s+(?P<this>này)"
               rf"|\s+(?P<srel>vừa\s+qua|sắp\s+tới|(?:tới|trước|qua){SUFFIX_END}))?(?![\p{{L}}\p{{N}}])", read_season, 3),
    ("decade", rf"{B}(?:thập\s+(?:niên|kỷ|kỉ)|những\s+năm)\s+(?P<dec>(?:19|20)\d0|[1-9]0){NE}(?:s)?", read_decade, 4),
    ("century", rf"{B}thế\s+kỷ\s+(?P<c>[IVXL]+|\d{{1,2}}){E}", read_century, 4),
    ("duration", rf"{B}(?:(?P<approx>{APPROX})\s+)?(?<![\d][/\-.,]|thứ\s)(?P<n>{NUM})\s*(?P<unit>thập\s+kỷ|thập\s+niên|thế\s+kỷ|năm|tháng|quý|tuần|"
                 rf"ngày\s+đêm|ngày|giờ|h(?=\s+qua\b)|tiếng\s+đồng\s+hồ|tiếng(?=\s*(?:[,.;)]|sau|qua|trước|liền|liên\s+tục|để|thì|mới))|phút|giây){E}"
                 rf"(?!\s+(?:tuổi|lương|mới|một\s+lần|trước(?!\s+khi)|sau\s+đó|đầu|cuối|qua\s+đời|sinh|hội|lễ|giỗ|thành\s+lập|kỷ\s+niệm)\b)"
                 rf"(?:\s+(?P<rel>qua|vừa\s+qua|nay|tới\s+đây|tới|sắp\s+tới|gần\s+đây|trở\s+lại\s+đây|liên\s+tiếp|liền){E})?", read_duration, 2),
    ("ago", rf"{B}(?:(?P<cach>cách\s+đây)\s+(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})\s+(?P<unit>năm|tháng|tuần|ngày|thập\s+kỷ){E}"
            rf"|(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})\s+(?P<unit>năm|tháng|tuần|ngày|thập\s+kỷ)\s+trước(?P<thereafter>\s+đó)?{E}"
            rf"(?!\s+khi))",
     read_ago, 4),
    ("after", rf"{B}(?P<n>{NUM})\s+(?P<unit>năm|tháng|tuần|ngày)\s+sau(?:\s+đó)?{E}(?!\s+khi)", read_after, 4),
    ("ahead", rf"{B}(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})\s+(?P<unit>năm|tháng|tuần|ngày)\s+nữa{E}", read_ahead, 4),
    ("anaphor", rf"{B}(?:cùng\s+ngày|ngày\s+hôm\s+sau|hôm\s+sau(?:\s+đó)?|ngày\s+sau\s+đó|ngày\s+hôm\s+trước|hôm\s+trước(?:\s+đó)?){E}",
     read_anaphor, 4),
    ("same_period", rf"{B}cùng\s+kỳ(?!\s+(?:thi|họp|đại\s+hội|bầu\s+cử|tuyển\s+sinh|xét\s+tuyển|tuyển\s+dụng|sát\s+hạch|"
                    rf"kiểm\s+tra|hội\s+nghị|hội\s+thi|giải|lễ|hội|phiên|nghỉ|trăng|kinh|nguyệt)\b)(?:\s+năm\s+(?:(?P<y>{YEAR}){NE}|(?P<yrel>ngoái|trước|qua|kia){E}))?", read_same_period, 4),
    ("period", rf"{B}(?:(?P<n>\d{{1,2}}|{NUMWORD})\s+)?tháng\s+(?:(?P<pos>đầu|cuối)\s+)?năm{E}"
               rf"(?:\s+(?P<y>{YEAR}){NE}|\s*/\s*(?P<y>{YEAR}){NE}|\s+(?P<yqual>nay|ngoái|tới|sau|trước|qua){E})?", read_period, 5),
    ("set", rf"{B}(?:(?:(?P<pod>{POD})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:hằng|hàng|mỗi)\s+tuần"
            rf"|(?=(?:\s*(?:,|và|hoặc)\s*(?:{POD}\s+)?{WEEKDAY})+\s+(?:hằng|hàng|mỗi)\s+tuần))"
            rf"|{CLOCK}(?:\s+(?P<pod>{POD}))?\s+(?:hằng|hàng|mỗi)\s+(?:ngày|đêm|tối|sáng)"
            rf"|ngày\s+(?P<md>{DAY})\s+(?:hằng|hàng|mỗi)\s+tháng"
            rf"|(?:ngày\s+)?(?P<yd>{DAY})\s*/\s*(?P<ym>{MON})\s+(?:hằng|hàng|mỗi)\s+năm"
            rf"|(?:(?:hằng|hàng|mỗi)\s+(?P<unit>năm|tháng|quý|tuần|ngày|đêm|giờ)(?:\s+một\s+lần)?)"
            rf"|(?P<n>{NUM})\s+(?P<unit>năm|tháng|tuần|ngày)\s+(?:một|1)\s+lần){E}", read_set, 6),
    ("solar_holiday", rf"{B}(?P<night>đêm\s+)?(?P<hname>{'|'.join(p for p, _, _ in SOLAR_HOLIDAYS)})"
                      rf"(?:\s+(?:ngày\s+)?(?P<hd>{DAY})\s*/\s*(?P<hm>{MON}){NE})?"
                      rf"(?:\s+năm\s+(?P<y>{YEAR})|\s+(?P<y>{YEAR}){NE}|\s+(?P<yqual>{YQUAL}))?{E}", read_solar_holiday, 6),
    ("lunar_holiday", rf"{B}(?P<hname>{'|'.join(p for p, _, _ in LUNAR_HOLIDAYS)}|"
                      rf"(?P<tet>tết)(?:\s+(?:nguyên\s+đán|cổ\s+truyền|âm\s+lịch))?){E}"
                      rf"(?:\s+(?:năm\s+)?(?P<canchi>{CAN_CHI}){E})?"
                      rf"(?:\s+năm\s+(?P<y>{YEAR})|\s+(?P<y>{YEAR}){NE}|\s+(?P<yqual>{YQUAL}))?", read_lunar_holiday, 6),
    ("tet_day", rf"{B}(?:(?P<mung>mùng|mồng)\s+(?P<td>[1-9]|10)|(?P<td>2[3-9]|30))\s+tết{E}", read_tet_day, 7),
    ("eve", rf"{B}(?:đêm\s+)?giao\s+thừa(?:\s+(?P<yqual>{YQUAL}|tết\s+\S+))?{E}", read_eve, 6),
    ("year_range", rf"{B}(?:(?<!\d\s)năm\s+)?(?P<y1>{YEAR})\s*(?:-|–|—|đến)\s*(?:năm\s+)?(?P<y2>{YEAR}){NE}", read_year_range, 5),
    ("bare_day", rf"{B}(?:(?P<pod>{POD})\s+(?:ngày\s+)?|(?:ngày|mùng|mồng)\s+)(?P<d>{DAY}){NE}(?!\s*[/\-.]\s*\d)(?!\s+tháng)", read_bare_day, 0),
]

# The words a rule's match can start with ("0": a number). Rules are tried only where such a word
# starts, with an anchored match, instead of scanning every position: this keeps tagging fast.
_NUMBER_WORDS = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "nửa", "vài", "mấy", "dăm"}
_APPROX_WORDS = {"khoảng", "hơn", "gần", "trên", "dưới", "chừng", "ngót", "ít", "tối"}
_POD_WORDS = {"rạng", "sáng", "trưa", "xế", "chiều", "tối", "nửa", "đêm", "khuya"}
FIRST_WORDS = {
    "clock_date": {"0", "khoảng", "gần", "hơn", "chừng"}, "pod_date": _POD_WORDS,
    "date": {"0", "ngày", "hôm", "mùng", "mồng", "thứ", "chủ"}, "relday": {"ngày", "hôm"},
    "lunar_dm": {"0", "ngày", "mùng", "mồng", "rằm"}, "month": {"đầu", "giữa", "cuối", "tháng"},
    "month_pos": {"đầu", "giữa", "cuối"}, "year": {"đầu", "giữa", "cuối", "năm", "sang"}, "birth_year": {"sn", "sinh"},
    "quarter": {"quý", "đầu", "giữa", "cuối"}, "half": {"nửa"}, "week": {"cuối", "tuần", "đầu", "giữa"}, "season": {"mùa", "xuân", "hè", "thu", "đông", "đầu", "giữa", "cuối"}, "decade": {"thập", "những"},
    "century": {"thế"}, "duration": {"0"} | _APPROX_WORDS | _NUMBER_WORDS,
    "ago": {"0", "cách"} | _APPROX_WORDS | _NUMBER_WORDS, "after": {"0"} | _NUMBER_WORDS,
    "ahead": {"0"} | _APPROX_WORDS | _NUMBER_WORDS, "anaphor": {"cùng", "ngày", "hôm"}, "same_period": {"cùng"}, "period": {"0", "tháng"} | _NUMBER_WORDS,
    "set": _POD_WORDS | _NUMBER_WORDS | {"0", "thứ", "chủ", "ngày", "hằng", "hàng", "mỗi"},
    "solar_holiday": {"đêm", "quốc", "tết", "lễ", "giáng", "noel", "ngày", "valentine"},
    "lunar_holiday": {"tết", "rằm", "giỗ", "lễ", "đêm"}, "tet_day": {"0", "mùng", "mồng"}, "eve": {"đêm", "giao"},
    "year_range": {"0", "năm"}, "bare_day": {"ngày", "mùng", "mồng"} | _POD_WORDS,
}

COMPILED = [(name, regex.compile(pattern, FLAGS), reader, priority) for name, pattern, reader, priority in RULES]
BY_FIRST_WORD: dict[str, list] = {}
for _rule in COMPILED:
    for _word in FIRST_WORDS[_rule[0]]:
        BY_FIRST_WORD.setdefault(_word, []).append(_rule)
# the standard library is faster than regex for this simple scan; splitting makes no match objects
_WORDS_AND_GAPS = re.compile(r"(\W+)")

# names and identifiers that contain numbers or date words but are never time expressions
DISTRACTORS = regex.compile(
    # a law named with its year: "Bộ luật Hình sự năm 2015", "Luật các tổ chức tín dụng năm 2010"
    # (not "kỷ luật", "pháp luật", "trường luật", "luật sư", "luật pháp")
    rf"{B}(?<!(?:kỷ|kỉ|pháp|quy|trường|đoàn|khoa)\s)(?:bộ\s+)?luật(?!\s+(?:sư|pháp|lệ|chơi)\b)"
    rf"(?:\s+(?!(?:được|đã|sẽ|có|từ|vào|trong|năm|thông|ban|hiệu|là|và|với|này|đó|mới|cũ|"
    rf"cho|khi|nhưng|thì|mà|của|hồi|lúc|đến|tới|trước|sau|đầu|giữa|cuối|tháng|ngày|ở|tại|ra|khỏi|lên|xuống|bị|"
    rf"chương|trình|kỳ|họp|phiên|lần|sắp|đang|chưa|không|vẫn|cũng|nên|phải|cần|để|theo|"
    rf"ngoài|gồm|như|hay|hoặc)\b)[\p{{L}}\-&]+){{1,6}}\s+(?:năm\s+)?{YEAR}{E}"
    # a decree number written with "năm": "nghị định 71 năm 2013"
    rf"|{B}(?:nghị\s+định|thông\s+tư|quyết\s+định|nghị\s+quyết|chỉ\s+thị|công\s+văn|pháp\s+lệnh)(?:\s+số)?\s+\d[\w./\-]*"
    rf"\s+năm\s+{YEAR}{E}|{B}hiến\s+pháp\s+(?:năm\s+)?{YEAR}{E}|"
    rf"{B}(?:world\s+cup|euro|olympic(?:\s+\p{{Lu}}\p{{L}}+)*|sea\s+games|asiad|asian\s+cup|aff\s+cup|copa\s+américa|"
    rf"paralympic|expo|apec|cop|v-league|mùa\s+giải|mùa\s+bóng|niên\s+khóa|niên\s+học|"
    rf"(?:nghị\s+định|thông\s+tư|quyết\s+định|nghị\s+quyết|chỉ\s+thị|luật|công\s+văn|văn\s+bản|kết\s+luận|"
    rf"thông\s+báo|công\s+điện|tờ\s+trình|pháp\s+lệnh|số)(?:\s+số)?)\s+[\dA-Z][\w./\-]*"
    rf"|{B}cách\s+mạng\s+tháng\s+\p{{L}}+|{B}(?:nhiệm\s+kỳ|năm\s+học|năm\s+tài\s+chính|ngày\s+thường|ngày\s+làm\s+việc)"
    rf"(?:\s+{YEAR}\s*[-–]\s*{YEAR})?|{B}(?:đường|phố|quốc\s+lộ|tỉnh\s+lộ|công\s+viên|quảng\s+trường|cầu|chợ|bến\s+xe|"
    rf"sân\s+vận\s+động|nhà\s+văn\s+hóa|nhà\s+văn\s+hoá|cung\s+văn\s+hóa|cung\s+văn\s+hoá)\s+\d{{1,2}}/\d{{1,2}}(?!/\d)"
    rf"|{B}[A-Z]{{1,4}}\d+{E}|{B}2\+2",
    FLAGS,
)

RANGE_JOINER = regex.compile(r"\s*(?:-|–|—|đến\s+hết|đến|tới|cho\s+đến)\s*$", FLAGS)


_AFTER_CLAUSE = re.compile(r"\s+(?:khi|đó|này)\b")
_UNTIL_NOW = re.compile(r"\s+(?:giờ|nay|đây)\b")
_POD_BEFORE = regex.compile(rf"\b(?P<pod>{POD})\s+(?:(?:ngày|hôm)\s+)?$", FLAGS)


def attach_parts_of_day(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"đêm 14 tháng giêng": a part of day just before a dated candidate makes it a TIME."""
    previous_end = 0
    for cand in chosen:
        spec = cand.spec
        if spec.get("kind") == "point" and "day" in spec and "pod" not in spec and "hour" not in spec:
            m = _POD_BEFORE.search(text, max(previous_end, cand.start - 20), cand.start)
            if m:
                spec["pod"] = POD_CODES[squash(m.group("pod"))]
                cand.start = m.start()
        previous_end = cand.end
    return chosen


def _word_starts(text: str) -> list[tuple[int, str]]:
    """(offset, key) of the words a rule or a distractor can start with; key "0" for a number."""
    lower = text.lower()
    if len(lower) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    pieces = _WORDS_AND_GAPS.split(lower)  # word, gap, word, ..., word: words at even places, maybe ""
    offsets = list(accumulate(map(len, pieces), initial=0))
    out = []
    for i in range(0, len(pieces), 2):
        word = pieces[i]
        if not word:
            continue
        if word[0].isdigit():
            out.append((offsets[i], "0"))
        elif word in _KEYS or word[-1].isdigit():
            out.append((offsets[i], word))
    return out


CHUNK = 600  # longer texts are tagged paragraph by paragraph (sentence by sentence if need be)


def candidates(text: str) -> list[Candidate]:
    """Every rule's matches at word starts, overlapping ones included, minus distractor names.

    The regex engine scans ahead for literals a pattern requires, so matching in a long text
    costs more per call; tagging paragraph by paragraph keeps the cost linear. No expression
    spans a line or sentence break."""
    if len(text) <= CHUNK:
        return _chunk_candidates(text)
    found: list[Candidate] = []
    for start, end in _chunks(text):
        for cand in _chunk_candidates(text[start:end]):
            cand.start += start
            cand.end += start
            found.append(cand)
    return found


def _chunks(text: str):
    offset = 0
    for line in text.split("\n"):
        if len(line) <= CHUNK:
            yield offset, offset + len(line)
        else:
            for start, end in split_spans(line):
                yield offset + start, offset + end
        offset += len(line) + 1


# Gates: where a frequent first word is followed by nothing its rules could read next, those rules
# are not tried. Each gate is what every rule it covers must match at that word start (a looser
# pattern), so it never drops a match; it only spares the engine the full patterns.
# - a number: a rule reads all its digits, then a separator (date, clock, decimal, range), a
#   clock letter or a unit word ("20/11", "8h", "8 giờ", "3 tháng", "1.000 năm", "2019 đến");
#   most numbers in news ("100 người", "15%") are followed by none of these.
_NUMBER_MAY_START = regex.compile(r"\d+\s*(?:[.,:]\d|[/\-–—]|h(?![\p{L}])|g\d|giờ|tháng|năm|ngày|tuần|quý|thập|thế|tiếng|"
                                  r"phút|giây|đến|tết)", FLAGS)
# - a number word ("một", "hai mươi"): the counting rules read a count and then a unit ("một người" is none)
COUNT_RULES = {"duration", "ago", "after", "ahead", "period"}
_COUNT_MAY_START = regex.compile(rf"(?:{NUM})\s*(?:thập|thế|năm|tháng|quý|tuần|ngày|giờ|h|tiếng|phút|giây)", FLAGS)
# - a word of approximation ("khoảng", "trên"): the rules it opens go on with a number ("trên cả nước" is none)
APPROX_RULES = {"clock_date", "duration", "ago", "ahead"}
_APPROX_MAY_START = regex.compile(rf"{APPROX}\s+(?:{NUM})", FLAGS)
# - a position word ("đầu", "cuối"): a period word follows ("đầu năm", not "đầu tư")
_POSITION_MAY_START = regex.compile(r"(?:đầu|giữa|cuối)\s+(?:tháng|năm|quý|tuần|mùa|xuân|hè|thu|đông)", FLAGS)
ALL_RULES = {rule[0] for rule in COMPILED}
GATES = [({"0"}, ALL_RULES, _NUMBER_MAY_START), (_NUMBER_WORDS, COUNT_RULES, _COUNT_MAY_START),
         (_APPROX_WORDS, APPROX_RULES, _APPROX_MAY_START), ({"đầu", "giữa", "cuối"}, ALL_RULES, _POSITION_MAY_START)]
# first word -> (its gate, the rules still worth trying where the gate does not match)
_GATED: dict[str, tuple[regex.Pattern, list]] = {}
for _words, _rules, _gate in GATES:
    for _word in _words:
        assert _word not in _GATED, _word  # one gate per word
        _GATED[_word] = (_gate, [rule for rule in BY_FIRST_WORD.get(_word, []) if rule[0] not in _rules])


def _rules_at(text: str, pos: int, key: str) -> list:
    """The rules worth trying at a word start: those keyed on its first word that its gate lets through."""
    gated = _GATED.get(key)
    if gated is not None and not gated[0].match(text, pos):
        return gated[1]
    return BY_FIRST_WORD.get(key, [])


def _chunk_candidates(text: str) -> list[Candidate]:
    words = _word_starts(text)
    blocked = None
    found: list[Candidate] = []
    for pos, key in words:
        for name, pattern, reader, priority in _rules_at(text, pos, key):
            m = pattern.match(text, pos)
            if m is None or m.end() == pos:
                continue
            start, end = m.span()
            if name == "birth_year":
                start, end = m.span("span")
            tail = text[max(start, end - 3):end].lower()
            if tail == "sau" and _AFTER_CLAUSE.match(text, end) or tail == "tới" and _UNTIL_NOW.match(text, end):
                continue  # "hai tuần sau khi ...", "từ đầu năm tới giờ": a clause, not "next ..."
            spec = reader(m, text)
            if spec is None:
                continue
            end = _trim_end(text, start, end)
            if blocked is None:
                blocked = _distractor_spans(text, words)
            if any(s < end and start < e for s, e in blocked):
                continue
            spec["rule"] = name
            found.append(Candidate(start, end, spec, priority))
    return found


DISTRACTOR_FIRST = {"mùa", "niên", "world", "euro", "olympic", "sea", "asiad", "asian", "aff", "copa", "paralympic", "expo", "apec",
                    "cop", "v", "nghị", "thông", "quyết", "chỉ", "luật", "bộ", "công", "văn", "kết", "tờ", "pháp", "số",
                    "quảng", "cầu", "chợ", "bến", "sân", "nhà", "cung", "hiến",
                    "cách", "nhiệm", "năm", "ngày", "đường", "phố", "quốc", "tỉnh", "0"}


_KEYS = frozenset(BY_FIRST_WORD) | DISTRACTOR_FIRST


def _distractor_spans(text: str, words: list[tuple[int, str]]) -> list[tuple[int, int]]:
    spans = []
    for pos, key in words:
        if key in DISTRACTOR_FIRST or (key[0].isalpha() and any(c.isdigit() for c in key)):
            m = DISTRACTORS.match(text, pos)
            if m:
                spans.append(m.span())
    return spans


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1] in " ,(" or text[end - 1] == ")" and "(" not in text[start:end]):
        end -= 1
    return end


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest non-overlapping candidates, by length then priority; returned in text order."""
    chosen: list[Candidate] = []
    if not found:
        return chosen
    taken = bytearray(max(c.end for c in found))
    # bare days ("ngày 24", kept only as the start of a range) never block another candidate
    for cand in sorted(found, key=lambda c: (bool(c.spec.get("bare_day")), -c.length, -c.priority, c.start)):
        if not any(taken[cand.start:cand.end]):
            taken[cand.start:cand.end] = b"\x01" * cand.length
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def merge_ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Join "A đến B" / "A - B" into one range candidate; drop bare days left outside a range."""
    out: list[Candidate] = []
    i = 0
    while i < len(chosen):
        cur = chosen[i]
        if i + 1 < len(chosen):
            nxt = chosen[i + 1]
            gap = text[cur.end:nxt.start]
            if (cur.spec.get("kind") == "point" and nxt.spec.get("kind") == "point"
                    and RANGE_JOINER.fullmatch(gap) and not nxt.spec.get("bare_day")
                    and _compatible(cur.spec, nxt.spec)):
                spec = {"kind": "range", "a": cur.spec, "b": nxt.spec, "rule": "range"}
                out.append(Candidate(cur.start, nxt.end, spec, 9))
                i += 2
                continue
        if not cur.spec.get("bare_day"):
            out.append(cur)
        i += 1
    return out


def _grain(spec: Spec) -> str:
    if "hour" in spec:
        return "clock"
    if "day" in spec or "relday" in spec or "weekday" in spec:
        return "day"
    if "month" in spec or "month_rel" in spec:
        return "month"
    return spec.get("grain", "other")


def _compatible(a: Spec, b: Spec) -> bool:
    """Both ends of a range name the same kind of time: days with days, clocks with clocks ..."""
    ga, gb = _grain(a), _grain(b)
    if a.get("bare_day"):
        return gb == "day" and "month" in b
    if ga == "clock" or gb == "clock":
        return ga == gb
    return ga == gb
