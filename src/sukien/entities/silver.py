"""Silver training sentences mined from news text (used by `train.py` only).

PhoNER is COVID-19 news whose persons are mostly patients; general news names presidents,
ministers and footballers after their titles, and countries everywhere. This module labels
sentences of a news corpus with precise rules and keeps only sentences whose every
capitalised token is explained by a rule, so the rest of the sentence is a clean negative:
- PER: a capitalised run after a person title, optionally after a portfolio and a country
  ("Bộ trưởng Quốc phòng Mỹ Lloyd Austin" -> LOC "Mỹ", PER "Lloyd Austin");
- LOC: gazetteer countries and places, with an administrative word before them when there is
  one, as PhoNER writes them ("tỉnh Đắk Nông");
- ORG: gazetteer organisations ("Liên Hợp Quốc", "LHQ", "WHO").
"""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from pathlib import Path

from sukien.entities.gazetteer import Known, match_spans
from sukien.entities.gazetteer import load as load_gazetteer
from sukien.entities.tokens import is_capitalised, shape, tokenize
from sukien.text import match_key, normalize

TITLES = {
    "ông", "bà", "thủ tướng", "tổng thống", "chủ tịch", "bộ trưởng", "ngoại trưởng", "tổng bí thư",
    "phó thủ tướng", "phó tổng thống", "thứ trưởng", "đại sứ", "hlv", "huấn luyện viên", "tiền đạo",
    "thủ môn", "tiền vệ", "hậu vệ", "ca sĩ", "diễn viên", "người phát ngôn", "thượng nghị sĩ",
    "thống đốc", "thị trưởng", "quốc vương", "nhà vua", "hoàng tử", "tỷ phú", "thủ hiến", "tổng thư ký",
    "chánh án", "bị cáo", "nghi phạm", "tay vợt", "võ sĩ", "đạo diễn", "nhà báo", "cầu thủ",
    "bí thư", "phó chủ tịch", "tổng giám đốc", "giám đốc", "đại tướng", "thượng tướng", "trung tướng",
    "thiếu tướng", "đại tá", "giáo sư", "tiến sĩ", "bác sĩ", "luật sư", "nữ hoàng", "giáo hoàng",
    "anh", "chị", "cụ", "bé", "cháu", "nghệ sĩ", "nhạc sĩ", "nhà văn", "ngài", "mc", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "hoa hậu", "á hậu", "người mẫu", "nam ca sĩ", "nữ ca sĩ", "danh ca", "vận động viên",
    "vđv", "nữ diễn viên", "nam diễn viên", "bị can", "đối tượng", "tài xế", "nạn nhân", "chủ tàu", "chồng",
    "vợ", "con trai", "con gái", "thượng tá", "trung tá", "thiếu tá", "đại úy", "đại uý", "trung úy", "trung uý",
    "tiến sĩ", "thạc sĩ", "pgs", "gs", "ts", "ths", "bs", "pgs.ts", "gs.ts", "nsnd", "nsưt", "đại biểu",
    "phó giám đốc", "trưởng phòng", "phó trưởng phòng", "cục trưởng", "vụ trưởng", "viện trưởng", "hiệu trưởng",
    "phó chánh án", "kiểm sát viên", "điều tra viên", "thẩm phán", "bà xã", "ông xã", "tân binh", "ngôi sao",
    "ứng viên", "ứng cử viên", "nhà sáng lập", "người sáng lập", "thủ lĩnh", "trùm",
    "chủ tịch nước", "phó chủ tịch nước", "chủ tịch quốc hội", "thủ tướng chính phủ", "bí thư thành ủy",
    "bí thư thành uỷ", "bí thư tỉnh ủy", "bí thư tỉnh uỷ", "phó thủ tướng chính phủ", "tổng thư ký liên hợp quốc",
}
PORTFOLIOS = {
    "quốc phòng", "ngoại giao", "tài chính", "y tế", "công an", "nội vụ", "tư pháp", "thương mại",
    "kinh tế", "giáo dục", "tư pháp", "công thương", "xây dựng", "an ninh nội địa", "năng lượng",
    "giao thông", "lao động", "nông nghiệp", "môi trường", "văn hóa", "thông tin", "ngoại thương",
    "hải quân", "lục quân", "không quân",
}
PERSONAL = {"ông", "bà", "anh", "chị", "cụ", "bé", "cháu", "ngài"}  # never followed by a country
ADMIN = {"tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "thôn", "ấp"}


def _phrase_at(keys: list[str], i: int, phrases: set[str], longest: int = 4) -> int:
    """Length of the longest phrase of `phrases` starting at token i (0 when none)."""
    for n in range(min(longest, len(keys) - i), 0, -1):
        if " ".join(keys[i:i + n]) in phrases:
            return n
    return 0


def label_sentence(texts: list[str]) -> list[str] | None:
    """BIO labels when every capitalised token is explained, else None."""
    n = len(texts)
    keys = [match_key(t) for t in texts]
    caps = [is_capitalised(t) for t in texts]
    labels = ["O"] * n
    known = {s: (e, label) for s, e, label in match_spans(keys, texts, caps) if isinstance(label, Known)}

    def mark(s, e, type_):
        labels[s] = "B-" + type_
        for k in range(s + 1, e):
            labels[k] = "I-" + type_

    i = 0
    while i < n:
        t = _phrase_at(keys, i, TITLES)
        if t and i + t < n:
            j = i + t
            personal = " ".join(keys[i:j]) in PERSONAL
            j += _phrase_at(keys, j, PORTFOLIOS) if caps[j] and not personal else 0
            if j in known and known[j][1].type == "LOC" and not personal:
                mark(j, known[j][0], "LOC")
                j = known[j][0]
            e = j
            while e < n and shape(texts[e]) == "C" and e - j < 5 and (e not in known or personal):
                e += 1
            head = load_gazetteer().triggers.get(keys[j]) if j < n else None
            if e > j and head in ("org", "admin", "person"):
                return None  # "Giám đốc Sở Giao thông ...": an organisation, not a name
            if e > j:
                mark(j, e, "PER")
                i = e
                continue
        if caps[i] and shape(texts[i]) == "C" and (i == 0 or not caps[i - 1]) and i not in known:
            e = i
            while e < n and shape(texts[e]) == "C" and e - i < 5:
                e += 1
            if e - i >= 2 and e + 1 < n and texts[e] == "(" and (
                    keys[e + 1] in ("sn", "sinh") or (e + 2 < n and keys[e + 2] == "tuổi")):
                mark(i, e, "PER")
                i = e
                continue
        a = _phrase_at(keys, i, ADMIN)
        if a and i + a < n and i + a in known and known[i + a][1].type == "LOC":
            mark(i, known[i + a][0], "LOC")
            i = known[i + a][0]
            continue
        if i in known:
            end, label = known[i]
            mark(i, end, label.type)
            i = end
            continue
        i += 1
    for k in range(n):
        if caps[k] and labels[k] == "O" and k > 0 and texts[k - 1] not in {".", ":", '"', "“", "("}:
            return None
    if all(label == "O" for label in labels):
        return None
    if caps[0] and labels[0] == "O" and len(texts[0]) > 1 and not _looks_common(keys[0]):
        return None
    if caps[0] and labels[0] != "O" and _looks_common(keys[0]) and labels[0][2:] != "PER":
        return None  # "Anh ấy", "Nam giới": a common word at the start, not the name
    return labels


_COMMON_OPENERS: Counter = Counter()


def _looks_common(key: str) -> bool:
    return _COMMON_OPENERS[key] >= 3


def silver_sentences(path: Path, limit: int, seed: int = 7) -> list[tuple[list[str], list[str]]]:
    """Up to `limit` labelled sentences from a VietNews-style JSONL (title, lead, body)."""
    lines = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in map(json.loads, f):
            lines += [normalize(x) for x in [row.get("lead", ""), *row.get("body", "").split("\n")] if x]
    for line in lines[:100_000]:  # which words start sentences as ordinary lower-case words
        for t in tokenize(line)[1:]:
            if t.text.islower():
                _COMMON_OPENERS[t.text] += 1
    random.Random(seed).shuffle(lines)
    out = []
    for line in lines:
        texts = [t.text for t in tokenize(line)]
        if not 4 <= len(texts) <= 80:
            continue
        labels = label_sentence(texts)
        if labels:
            out.append((texts, labels))
            if len(out) >= limit:
                break
    return out
