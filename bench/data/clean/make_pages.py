"""Build the clean stage's labelled dev set: real articles wrapped in site furniture.

Each page takes a real article (VietNews validation split or ViMs dev, from ../shared/data) and
wraps it in the furniture of one of 47 layouts modelled on Vietnamese news sites: menus,
breadcrumbs, datelines in the shapes those sites print, bylines, captions (some glued to a
body paragraph), prompts, related-news blocks (some with every headline twice), tag lists,
counters, live-blog stamps and footers. Nine layouts are rendered as HTML.

To keep the benchmark from being circular, this script shares no code and no word lists with
the cleaner: every layout writes its furniture as literal text samples of its own. Layouts come
in batches: 13 tuned on, then seven held-out batches, each written before the previous batch was
inspected. A batch's first score is recorded before anyone looks at its pages; HELD_OUT (the
last batch) has never been inspected. bench/clean.py reports every batch separately.

Output, per page NNN_layout: the page (`.txt` or `.html`) and `.json` with the units of the page
in order, each {label, text, shown, glue}: label is title/body/caption/meta/boilerplate, `text`
is what a perfect cleaner returns, `shown` how the page prints it (an outlet signature before a
lead), `glue` that it is printed on the same line as the unit before; plus the metadata
(title, published, author, credit, outlet) and the layout name. The two seeds are copied with
hand-written labels (seed_labels.json).

Run: python bench/data/clean/make_pages.py   (deterministic: fixed random seed)
"""

from __future__ import annotations

import gzip
import html
import json
import os
import random
import shutil
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20241122
HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
# First batch, held out until its numbers were recorded (bench/results/clean.md), then inspected:
HELD_OUT_V1 = {"kenh14", "tienphong", "laodong", "vtv"}
# Second batch, written before the first was inspected; its numbers recorded, then inspected:
HELD_OUT_V2 = {"vietnamnet", "nhandan", "baotintuc", "anninhthudo", "soha"}
# Third batch, written before the second was inspected; its numbers recorded, then inspected:
HELD_OUT_V3 = {"plo", "vneconomy", "qdnd", "doisongphapluat", "24h"}
# Fourth batch, written before the third was inspected; its numbers recorded, then inspected:
HELD_OUT_V4 = {"cand", "vtcnews", "baodautu", "thethaovanhoa", "afamily"}
# Fifth batch, written before the fourth was inspected; its numbers recorded, then inspected:
HELD_OUT_V5 = {"phunu", "giaoduc", "congly", "nongnghiep", "genk"}
# Sixth batch, written before the fifth was inspected; its numbers recorded, then inspected:
HELD_OUT_V6 = {"sggp", "kinhtedothi", "baoquocte", "thanhtra", "vietnamfinance"}
# Seventh batch, written before the sixth was inspected, never used for tuning:
HELD_OUT = {"baomoi", "tuoitrethudo", "vnanet", "znewstext", "laodongthudo"}


def shared_dir() -> Path:
    env = os.environ.get("SUKIEN_SHARED")
    for candidate in ([Path(env)] if env else []) + [HERE.parents[2] / ".." / "shared", Path("/work/shared")]:
        if candidate.is_dir():
            return candidate
    raise SystemExit("shared data not found: set SUKIEN_SHARED")


# --- source articles -----------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


_PHOTO_MARKS = ("ảnh:", "ảnh :", "(ảnh", "ảnh minh", "video:", "clip:", "nguồn:")


def _clean_sentences(lines: list[str]) -> bool:
    """Use only articles whose every line is a full sentence with no photo credit in it: the
    sources themselves hold a few captions and bylines, which would make the gold labels wrong."""
    return (
        len(lines) >= 6
        and all(len(s.split()) >= 7 and s[-1] in ".!?”\"…" for s in lines)
        and not any(mark in s.lower() for s in lines for mark in _PHOTO_MARKS)
    )


def load_sources(shared: Path, rng: random.Random) -> list[dict]:
    articles = []
    with gzip.open(shared / "data" / "vietnews-val.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= 4000:
                break
            d = json.loads(line)
            body = [_nfc(s) for s in d["body"].split("\n") if s.strip()]
            lead = _nfc(d["lead"])
            if _clean_sentences(body[:40]) and len(lead.split()) >= 15 and 6 <= len(d["title"].split()) <= 25:
                articles.append({"title": _nfc(d["title"]), "lead": lead, "sentences": body[:40], "from": d["id"]})
    vims = sorted((shared / "data" / "vims-dev" / "data").glob("Cluster_*/*.txt"))
    for path in vims:
        lines = [_nfc(s) for s in path.read_text(encoding="utf-8").split("\n") if _nfc(s)]
        if len(lines) < 6:
            continue
        title, lead, rest = lines[0], lines[1], lines[2:]
        if _clean_sentences(rest[:30]) and len(lead.split()) >= 15 and 5 <= len(title.split()) <= 25:
            articles.append({"title": title, "lead": lead, "sentences": rest[:30], "from": str(path.relative_to(shared))})
    rng.shuffle(articles)
    return articles


def paragraphs(article: dict, rng: random.Random, per: tuple[int, int] = (1, 3)) -> list[str]:
    sentences, out, i = article["sentences"], [], 0
    while i < len(sentences):
        n = rng.randint(*per)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return out


def random_time(rng: random.Random) -> datetime:
    start = datetime(2016, 1, 1)
    return start + timedelta(minutes=rng.randrange(0, 9 * 365 * 24 * 60))


WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]


def unit(label: str, text: str, shown: str | None = None, glue: bool = False) -> dict:
    return {"label": label, "text": text, "shown": shown if shown is not None else text, "glue": glue}


def body_with(paras: list[str], rng: random.Random, captions: list[str], glue_captions: bool = False,
              extras: list[tuple[str, str]] | None = None, every: int = 3) -> list[dict]:
    """Body paragraphs with captions (own line or glued) and extra furniture units in between."""
    units, extras = [], list(extras or [])
    for i, p in enumerate(paras):
        units.append(unit("body", p))
        if i and i % every == 0 and i < len(paras) - 1:
            if captions:
                cap = captions.pop(0)
                units.append(unit("caption", cap, glue=glue_captions and rng.random() < 0.7))
            elif extras:
                label, text = extras.pop(0)
                units.append(unit(label, text))
    return units


def related_titles(others: list[dict], rng: random.Random, n: int) -> list[dict]:
    return rng.sample(others, n)


# --- layouts -------------------------------------------------------------------------------
# Every layout returns (units, meta, url). meta: title, published (ISO or None), author, credit,
# outlet. The furniture is literal per layout.


def vnexpress(a, others, rng):
    t = random_time(rng)
    wd = WEEKDAYS[t.weekday()].capitalize() if rng.random() < 0.5 else WEEKDAYS[t.weekday()]
    author = rng.choice(["Ngọc Thành", "Võ Hải", "Hoài Thu", "Đức Trung", "Phạm Chiểu"])
    caps = [
        "Lực lượng chức năng có mặt tại hiện trường. Ảnh: Ngọc Thành",
        "Quang cảnh buổi làm việc sáng nay. Ảnh: Giang Huy",
        "Người dân xếp hàng chờ đến lượt. Ảnh: Quỳnh Trần",
    ]
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Mới nhất"), unit("boilerplate", "Tin theo khu vực"),
        unit("boilerplate", "Thời sự  Góc nhìn  Thế giới  Video  Podcasts  Kinh doanh  Bất động sản  Khoa học"),
        unit("boilerplate", rng.choice(["Thời sự", "Thế giới", "Pháp luật", "Kinh doanh"])),
        unit("meta", f"{wd}, {t.day}/{t.month}/{t.year}, {t:%H:%M} (GMT+7)"),
        unit("title", a["title"]),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, caps, extras=[("boilerplate", f"Xem thêm: {rel[0]['title']}")])
    units += [
        unit("meta", author),
        unit("boilerplate", rng.choice(["Chia sẻ", "Thích"])),
        unit("boilerplate", f"{rng.randint(2, 90)} bình luận"),
        unit("boilerplate", "Ý kiến (12)"),
        unit("boilerplate", "Đăng nhập để bình luận"),
        unit("boilerplate", "Trở lại Thời sự"),
        unit("boilerplate", "Trở lại đầu trang"),
        unit("boilerplate", "© Copyright 1997 VnExpress.net, All rights reserved"),
        unit("boilerplate", "Báo tiếng Việt nhiều người xem nhất"),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://vnexpress.net/{a['from'].replace('/', '-')}.html"


def tuoitre(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["NGỌC AN", "THANH HÀ", "QUANG ĐỊNH", "LÊ PHAN", "ĐỨC PHÚ"])
    rel = related_titles(others, rng, 4)
    caps = ["Hiện trường vụ việc - Ảnh: NGỌC AN", "Các đại biểu dự hội nghị - Ảnh: T.L."]
    units = [
        unit("boilerplate", "Thời sự Thế giới Pháp luật Kinh doanh Công nghệ Xe Du lịch Nhịp sống trẻ Văn hóa"),
        unit("boilerplate", "Tuổi Trẻ Sao"),
        unit("boilerplate", "Video"),
        unit("meta", f"{t:%d/%m/%Y %H:%M} GMT+7"),
        unit("title", a["title"]),
        unit("body", a["lead"], shown="TTO - " + a["lead"]),
        unit("boilerplate", "Đọc tiếp"),
    ]
    paras = paragraphs(a, rng)
    units += body_with(paras[:3], rng, caps[:1])
    units += [unit("boilerplate", "Tin liên quan"), unit("boilerplate", rel[0]["title"]), unit("boilerplate", rel[1]["title"])]
    units += body_with(paras[3:], rng, caps[1:])
    units += [
        unit("meta", author),
        unit("boilerplate", "Từ khóa: " + ", ".join(["tin nóng", "thời sự", "hà nội"])),
        unit("boilerplate", "Bình luận hay"),
        unit("boilerplate", "Xem thêm bình luận"),
        unit("boilerplate", "Tin cùng chuyên mục"),
        unit("boilerplate", rel[2]["title"]),
        unit("boilerplate", rel[3]["title"]),
        unit("boilerplate", "Về đầu trang"),
        unit("boilerplate", "Tổng biên tập: Lê Thế Chữ"),
        unit("boilerplate", "Giấy phép hoạt động báo điện tử số 558/GP-BTTTT"),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://tuoitre.vn/{a['from'].replace('/', '-')}.htm"


def thanhnien(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Minh Anh", "Trần Kha", "Đình Huy", "Hoàng Sơn"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Trang chủ"),
        unit("boilerplate", "Thời sự » Chính trị"),
        unit("title", a["title"]),
        unit("meta", author),
        unit("meta", f"{t:%d/%m/%Y %H:%M} GMT+7"),
        unit("boilerplate", "Bình luận (0)"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Các lực lượng chức năng tham gia cứu hộ. Ảnh: T.N"],
                       extras=[("boilerplate", "Đọc thêm"), ("boilerplate", rel[0]["title"])], every=2)
    units += [
        unit("boilerplate", "Đọc thêm"), unit("boilerplate", rel[1]["title"]), unit("boilerplate", rel[2]["title"]),
        unit("boilerplate", "Gửi bình luận"),
        unit("boilerplate", "Quy định bình luận"),
        unit("boilerplate", "Tin liên quan"),
        unit("boilerplate", "© 2025 Báo Thanh Niên. All Rights Reserved."),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://thanhnien.vn/{a['from'].replace('/', '-')}.htm"


def vov(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Phương Anh", "Ngọc Ánh", "Thu Hằng", "Quang Dũng"])
    agency = rng.choice(["Reuters", "AFP", "Sputnik"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "VOV.VN"),
        unit("boilerplate", "Chính trị  Xã hội  Kinh tế  Thế giới  Quân sự  Thể thao  Văn hóa  Pháp luật"),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%H:%M}, {t:%d/%m/%Y}"),
        unit("title", a["title"]),
        unit("body", a["lead"], shown="VOV.VN - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, [])
    units += [
        unit("meta", f"{author}/VOV.VN (Theo {agency})"),
        unit("boilerplate", "Mời quý độc giả theo dõi VOV.VN trên"),
        unit("boilerplate", "Tin liên quan"),
    ]
    for r in rel:
        teaser = "VOV.VN - " + r["lead"]
        units += [unit("boilerplate", r["title"]), unit("boilerplate", r["title"]), unit("boilerplate", teaser),
                  unit("boilerplate", r["title"]), unit("boilerplate", r["title"]), unit("boilerplate", teaser)]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": agency}
    return units, meta, None


def vietnamplus(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Hà Linh", "Minh Thu", "Xuân Khu", "Lê Minh"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Vietnam+ (VietnamPlus)"),
        unit("boilerplate", "Chính trị | Thế giới | Kinh tế | Xã hội | Văn hóa | Thể thao"),
        unit("meta", f"{WEEKDAYS[t.weekday()]}, {t:%d/%m/%Y} - {t:%H:%M}"),
        unit("title", a["title"]),
        unit("body", a["lead"]),
        unit("caption", "Toàn cảnh phiên họp. (Ảnh: TTXVN)"),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Đại diện các bên ký kết văn bản hợp tác. (Ảnh: Phương Hoa/TTXVN)"],
                       glue_captions=True)
    units += [
        unit("meta", f"{author} (TTXVN/Vietnam+)"),
        unit("boilerplate", "Tags:"),
        unit("boilerplate", "TTXVN"),
        unit("boilerplate", "Xem thêm"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    units += [unit("boilerplate", "Cơ quan chủ quản: Thông tấn xã Việt Nam (TTXVN)")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": "TTXVN/Vietnam+"}
    return units, meta, f"https://www.vietnamplus.vn/{a['from'].replace('/', '-')}.vnp"


def dantri(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Hoàng Anh", "Thế Kha", "Minh Quang", "Thành Đông"])
    rel = related_titles(others, rng, 4)
    units = [
        unit("boilerplate", "Dân trí"),
        unit("boilerplate", "Xã hội > Pháp luật"),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y} - {t:%H:%M}"),
        unit("title", a["title"]),
        unit("body", a["lead"], shown="(Dân trí) - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Hiện trường vụ tai nạn (Ảnh: Hoàng Anh)."])
    units += [
        unit("meta", author),
        unit("boilerplate", "Tin cùng chuyên mục"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"]), unit("boilerplate", r["lead"])]
    units += [unit("boilerplate", "Liên hệ quảng cáo: 0945 54 03 03")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://dantri.com.vn/{a['from'].replace('/', '-')}.htm"


def laodong(a, others, rng):  # held out
    t = random_time(rng)
    author = rng.choice(["Vương Trần", "Khánh Linh", "Bảo Như"])
    rel = related_titles(others, rng, 3)
    hour12 = t.hour % 12 or 12
    units = [
        unit("boilerplate", "Báo Lao Động"),
        unit("boilerplate", "Thời sự   Công đoàn   Xã hội   Bạn đọc   Thế giới"),
        unit("title", a["title"]),
        unit("meta", f"{hour12:02d}:{t:%M} {'PM' if t.hour >= 12 else 'AM'} {t:%d/%m/%Y}"),
        unit("meta", f"{author} | LĐO"),
        unit("body", a["lead"]),
        unit("boilerplate", "Bài liên quan"),
        unit("boilerplate", rel[0]["title"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa: Hải Nguyễn"])
    units += [
        unit("boilerplate", "Nghe đọc bài viết"),
        unit("boilerplate", "Đừng bỏ lỡ"),
        unit("boilerplate", rel[1]["title"]),
        unit("boilerplate", rel[2]["title"]),
        unit("boilerplate", "Bản quyền thuộc về Báo Lao Động"),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://laodong.vn/{a['from'].replace('/', '-')}.ldo"


def nld(a, others, rng):
    t = random_time(rng)
    hour12 = t.hour % 12 or 12
    author = rng.choice(["Hồng Nhung", "Tô Hà", "Ngọc Quý"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Người Lao Động Online"),
        unit("boilerplate", "Thời sự / Quốc tế / Pháp luật / Kinh tế"),
        unit("meta", f"{t:%d-%m-%Y} - {hour12}:{t:%M} {'CH' if t.hour >= 12 else 'SA'}"),
        unit("title", a["title"]),
        unit("body", a["lead"], shown="(NLĐO) - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, [], extras=[("boilerplate", ">> " + rel[0]["title"])])
    units += [
        unit("meta", f"{author} (Theo Reuters)"),
        unit("boilerplate", "Mời bạn đọc gửi bình luận"),
        unit("boilerplate", "Tin liên quan"),
        unit("boilerplate", rel[1]["title"]),
        unit("boilerplate", rel[2]["title"]),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": "Reuters"}
    return units, meta, None


def baochinhphu(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Cổng Thông tin điện tử Chính phủ"),
        unit("boilerplate", "Báo Điện tử Chính phủ"),
        unit("boilerplate", "Chính phủ • Chỉ đạo - Quyết định • Văn bản mới • Thời sự"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d/%m/%Y %H:%M}"),
        unit("body", a["lead"], shown="(Chinhphu.vn) - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Bộ trưởng phát biểu tại hội nghị - Ảnh: VGP/Nhật Bắc"])
    units += [unit("meta", "Nhóm PV"), unit("boilerplate", "Tin liên quan")]
    units += [unit("boilerplate", r["title"]) for r in rel]
    units += [unit("boilerplate", "Bản quyền thuộc về Cổng Thông tin điện tử Chính phủ"),
              unit("boilerplate", "Ghi rõ nguồn 'Cổng Thông tin điện tử Chính phủ' khi phát hành lại thông tin")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": "Nhóm PV", "credit": None}
    return units, meta, f"https://baochinhphu.vn/{a['from'].replace('/', '-')}.htm"


def tienphong(a, others, rng):  # held out: live blog with stamps
    t = random_time(rng)
    author = rng.choice(["Trần Hoàng", "Nghiêm Huê", "Hà Thuận"])
    paras = paragraphs(a, rng, (1, 2))
    units = [
        unit("boilerplate", "Tiền Phong"),
        unit("boilerplate", "Thời sự  |  Kinh tế  |  Giới trẻ  |  Giáo dục"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y %H:%M}"),
        unit("body", a["lead"], shown="TPO - " + a["lead"]),
    ]
    stamp = t
    for i, p in enumerate(paras):
        if i % 2 == 0:
            stamp = stamp + timedelta(minutes=rng.randint(5, 40))
            units.append(unit("meta", f"{stamp:%H:%M}"))
        units.append(unit("body", p))
    rel = related_titles(others, rng, 2)
    units += [
        unit("meta", author),
        unit("boilerplate", "Chủ đề: Tin nóng"),
        unit("boilerplate", "Cùng chuyên mục"),
        unit("boilerplate", rel[0]["title"]),
        unit("boilerplate", rel[1]["title"]),
        unit("boilerplate", "Tổng Biên tập: Phùng Công Sưởng"),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://tienphong.vn/{a['from'].replace('/', '-')}.tpo"


def kenh14(a, others, rng):  # held out
    t = random_time(rng)
    author = rng.choice(["Bảo Ngọc", "Mèo Ú", "Hà Đan"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Kênh14"),
        unit("boilerplate", "Star  Cine  Musik  Beauty & Fashion  Đời sống  Money-Z  Ăn - Quẩy - Đi"),
        unit("title", a["title"]),
        unit("meta", f"{author},"),
        unit("meta", f"{t:%H:%M %d/%m/%Y}"),
        unit("boilerplate", "Chia sẻ"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh: Internet"], glue_captions=False)
    units += [
        unit("meta", "Theo Trí Thức Trẻ"),
        unit("boilerplate", "#thoi su #tin nong #xa hoi"),
        unit("boilerplate", "Bình luận"),
        unit("boilerplate", "Cùng chuyên mục"),
        unit("boilerplate", rel[0]["title"]),
        unit("boilerplate", rel[1]["title"]),
        unit("boilerplate", "XEM THEO NGÀY"),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": "Trí Thức Trẻ"}
    return units, meta, None


def brokenline(a, others, rng):
    """A small regional site whose scraper ran the year into the time."""
    t = random_time(rng)
    author = rng.choice(["Hải Đăng", "Mai Lan", "Thanh Tùng"])
    rel = related_titles(others, rng, 2)
    units = [
        unit("boilerplate", "Trang chủ > Tin tức > Xã hội"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d/%m/%Y%H:%M}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa"])
    units += [
        unit("meta", f"Theo {author} (Báo Tin tức)"),
        unit("boilerplate", "Lượt xem: 1.204"),
        unit("boilerplate", "Các tin khác"),
        unit("boilerplate", rel[0]["title"]),
        unit("boilerplate", rel[1]["title"]),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": "Báo Tin tức"}
    return units, meta, None


def plain(a, others, rng):
    """A bare dump: title and text, nothing else."""
    units = [unit("title", a["title"]), unit("body", a["lead"])]
    units += [unit("body", p) for p in paragraphs(a, rng)]
    return units, {"published": None, "author": None, "credit": None}, None


def ttxvn_credit(a, others, rng):
    """An article reprinted from the agency: no author, credit at the end, date with weekday in caps."""
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "TIN TỨC | THỜI SỰ | THẾ GIỚI | KINH TẾ"),
        unit("boilerplate", "Thế giới"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].upper()}, {t:%d/%m/%Y} {t:%H:%M} (GMT+7)"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh tư liệu: AFP/TTXVN"], glue_captions=True)
    units += [
        unit("meta", "Theo TTXVN"),
        unit("boilerplate", "Có thể bạn quan tâm"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": None, "credit": "TTXVN"}
    return units, meta, None


# --- HTML layouts --------------------------------------------------------------------------


def _html_page(units: list[dict], head: str, classes: dict[str, str]) -> str:
    """Render units as a page: furniture in nav/aside/footer, the article in <article>."""
    out = ["<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>", head, "</head><body>"]
    state = "top"
    for i, u in enumerate(units):
        text = html.escape(u["shown"])
        if u["label"] == "title":
            out.append(f"<article><h1 class='{classes['title']}'>{text}</h1>")
            state = "article"
        elif state == "top":
            out.append(f"<nav><a href='/muc-{i}'>{text}</a></nav>")
        elif u["label"] == "body" and state == "article" and not any(v["label"] == "body" for v in units[:i]):
            out.append(f"<h2 class='{classes['sapo']}'>{text}</h2><div class='{classes['body']}'>")
        elif u["label"] == "body":
            out.append(f"<p>{text}</p>")
        elif u["label"] == "caption":
            out.append(f"<figure><img src='/anh-{i}.jpg' alt=''><figcaption>{text}</figcaption></figure>")
        elif u["label"] == "meta":
            out.append(f"<p class='{classes['meta']}'>{text}</p>")
        else:
            out.append(f"<div class='share'><a href='/lien-quan-{i}'>{text}</a></div>")
    out.append("</div></article><footer>Liên hệ tòa soạn</footer></body></html>")
    return "\n".join(out)


def znews(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Hải An", "Phương Lâm", "Quang Thái"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Znews"), unit("boilerplate", "Thời sự"), unit("boilerplate", "Thế giới"),
        unit("title", a["title"]),
        unit("meta", f"{author}"),
        unit("meta", f"{t:%H:%M %d/%m/%Y}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Khung cảnh tại khu vực. Ảnh: Reuters."])
    units += [unit("boilerplate", "Bài viết liên quan")] + [unit("boilerplate", r["title"]) for r in rel]
    head = (f"<title>{html.escape(a['title'])} - Znews</title>"
            f"<script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"datePublished\":\"{t:%Y-%m-%dT%H:%M:%S}+07:00\"}}</script>")
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    page = _html_page(units, head, {"title": "the-article-title", "sapo": "the-article-summary", "body": "the-article-body", "meta": "author"})
    return units, meta, "https://znews.vn/" + a["from"].replace("/", "-") + ".html", page


def vtv(a, others, rng):  # held out
    t = random_time(rng)
    rel = related_titles(others, rng, 2)
    units = [
        unit("boilerplate", "VTV.vn"), unit("boilerplate", "Trong nước"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y} {t:%H:%M} GMT+7"),
        unit("body", a["lead"], shown="VTV.vn - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa. (Ảnh: VTV)"])
    units += [unit("meta", "PV"), unit("boilerplate", "Tin liên quan")] + [unit("boilerplate", r["title"]) for r in rel]
    head = (f"<title>{html.escape(a['title'])}</title>"
            f"<meta property='article:published_time' content='{t:%Y-%m-%dT%H:%M:%S}+07:00'>")
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": "PV", "credit": None}
    page = _html_page(units, head, {"title": "title_detail", "sapo": "sapo", "body": "ta-justify", "meta": "author"})
    return units, meta, "https://vtv.vn/" + a["from"].replace("/", "-") + ".htm", page


def cafef(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    hour12 = t.hour % 12 or 12
    units = [
        unit("boilerplate", "CafeF"), unit("boilerplate", "Chứng khoán"), unit("boilerplate", "Doanh nghiệp"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d-%m-%Y} - {hour12:02d}:{t:%M} {'PM' if t.hour >= 12 else 'AM'}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, [])
    units += [unit("meta", "Theo Nhịp sống kinh tế"), unit("boilerplate", "Tin mới")]
    units += [unit("boilerplate", r["title"]) for r in rel]
    head = f"<title>{html.escape(a['title'])}</title>"
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": None, "credit": "Nhịp sống kinh tế"}
    page = _html_page(units, head, {"title": "title", "sapo": "sapo", "body": "detail-content", "meta": "pdate"})
    return units, meta, "https://cafef.vn/" + a["from"].replace("/", "-") + ".chn", page


# --- held-out layouts, second batch (written before the first batch was inspected) -----------


def vietnamnet(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Thúy Ngọc", "Hồng Nhung", "Vĩnh Phú"])
    rel = related_titles(others, rng, 4)
    units = [
        unit("boilerplate", "VietNamNet"),
        unit("boilerplate", "Chính trị   Thời sự   Kinh doanh   Dân tộc và Tôn giáo   Thể thao   Giáo dục   Thế giới"),
        unit("boilerplate", "Thời sự"),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y} - {t:%H:%M}"),
        unit("title", a["title"]),
        unit("body", a["lead"]),
        unit("boilerplate", "Nghe bài viết"),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Hình ảnh tại buổi làm việc. Ảnh: Phạm Hải"],
                       extras=[("boilerplate", "Đọc nhiều"), ("boilerplate", rel[0]["title"])], every=3)
    units += [
        unit("meta", author),
        unit("boilerplate", "Theo dõi VietNamNet trên Google News"),
        unit("boilerplate", "Bài viết cùng chủ đề"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel[1:]]
    units += [unit("boilerplate", "Ý kiến bạn đọc"), unit("boilerplate", "Gửi ý kiến")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://vietnamnet.vn/{a['from'].replace('/', '-')}.html"


def nhandan(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["HƯƠNG GIANG", "TRUNG HƯNG", "MINH HÀ"])
    units = [
        unit("boilerplate", "Báo Nhân Dân"),
        unit("boilerplate", "Chính trị / Xã luận / Kinh tế / Văn hóa / Xã hội / Pháp luật"),
        unit("boilerplate", "Xã hội"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d-%m-%Y}, {t:%H:%M}"),
        unit("body", a["lead"], shown="NDO - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Quang cảnh hội nghị. (Ảnh: THỦY NGUYÊN)"])
    units += [
        unit("meta", f"Bài và ảnh: {author}"),
        unit("boilerplate", "Chia sẻ facebook"),
        unit("boilerplate", "In bài"),
        unit("boilerplate", "Tin mới"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"])]
    units += [unit("boilerplate", "Tổng Biên tập: Lê Quốc Minh"), unit("boilerplate", "© Bản quyền thuộc về Báo Nhân Dân")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://nhandan.vn/{a['from'].replace('/', '-')}.html"


def baotintuc(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Lan Anh", "Thanh Trà", "Quang Cường"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Báo Tin tức - TTXVN"),
        unit("boilerplate", "Trang chủ › Thời sự"),
        unit("title", a["title"]),
        unit("meta", f"Cập nhật lúc {t:%H:%M} ngày {t:%d/%m/%Y}"),
        unit("body", a["lead"]),
        unit("caption", "Ảnh minh họa: TTXVN"),
    ]
    units += body_with(paragraphs(a, rng), rng, [], extras=[("boilerplate", "Xem thêm >> " + rel[0]["title"])], every=4)
    units += [
        unit("meta", f"{author} - TTXVN"),
        unit("boilerplate", "Từ khoá: thời sự, xã hội"),
        unit("boilerplate", "Tin khác"),
        unit("boilerplate", rel[1]["title"]),
        unit("boilerplate", rel[2]["title"]),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": "TTXVN"}
    return units, meta, None


def anninhthudo(a, others, rng):
    t = random_time(rng)
    hour12 = t.hour % 12 or 12
    rel = related_titles(others, rng, 4)
    units = [
        unit("boilerplate", "ANTĐ"),
        unit("boilerplate", "Thời sự | Pháp luật | Xã hội | Quốc tế | Bạn đọc"),
        unit("meta", f"{t:%d/%m/%Y} {hour12:02d}:{t:%M} {'CH' if t.hour >= 12 else 'SA'}"),
        unit("title", a["title"]),
        unit("body", a["lead"], shown="ANTĐ.VN - " + a["lead"]),
    ]
    paras = paragraphs(a, rng)
    units += body_with(paras[:2], rng, [])
    units += [unit("boilerplate", "Bài liên quan:"), unit("boilerplate", rel[0]["title"]), unit("boilerplate", rel[1]["title"])]
    units += body_with(paras[2:], rng, ["Lực lượng chức năng tại hiện trường"+". Ảnh: ANTĐ"])
    units += [
        unit("meta", "ĐỨC ANH - HOÀNG LONG"),
        unit("boilerplate", "Thích 24"),
        unit("boilerplate", "Bình luận 3"),
        unit("boilerplate", "Tin cùng chuyên mục"),
        unit("boilerplate", rel[2]["title"]),
        unit("boilerplate", rel[3]["title"]),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": "ĐỨC ANH - HOÀNG LONG", "credit": None}
    return units, meta, "https://www.anninhthudo.vn/" + a["from"].replace("/", "-") + ".html"


def soha_html(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Soha"), unit("boilerplate", "Thời sự"), unit("boilerplate", "Quốc tế"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d/%m/%Y %H:%M}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa: Reuters"])
    units += [unit("meta", "Theo Thanh Hà | Báo Tin tức"), unit("boilerplate", "Tin cùng chuyên mục")]
    units += [unit("boilerplate", r["title"]) for r in rel]
    head = f"<title>{html.escape(a['title'])} - Soha</title><meta name='description' content='{html.escape(a['lead'][:120])}'>"
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": "Thanh Hà", "credit": "Báo Tin tức"}
    page = _html_page(units, head, {"title": "news-title", "sapo": "news-sapo", "body": "news-content", "meta": "time"})
    return units, meta, "https://soha.vn/" + a["from"].replace("/", "-") + ".htm", page


# --- held-out layouts, third batch (written before the second batch was inspected) -----------


def plo(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["HOÀNG YẾN", "TÚ UYÊN", "NGUYỄN TIẾN"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Pháp Luật TP.HCM"),
        unit("boilerplate", "Thời sự  Pháp luật  Kinh tế  Bạn đọc  Quốc tế"),
        unit("boilerplate", "Pháp luật"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d/%m/%Y %H:%M}"),
        unit("boilerplate", "Quảng cáo"),
        unit("body", a["lead"], shown="(PLO)- " + a["lead"]),
    ]
    paras = paragraphs(a, rng)
    units += body_with(paras, rng, ["Hiện trường vụ việc. Ảnh: HY"], extras=[("boilerplate", "Video đang được quan tâm")])
    units += [
        unit("meta", author),
        unit("boilerplate", "Xem bình luận"),
        unit("boilerplate", "Tin cùng chuyên mục"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"]), unit("boilerplate", r["title"])]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://plo.vn/{a['from'].replace('/', '-')}.html"


def vneconomy(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["Minh Đức", "Hoài Anh", "Lê Thúy"])
    agency = rng.choice(["Bloomberg", "CNBC", "Nikkei"])
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "VnEconomy"),
        unit("boilerplate", "Tiêu điểm | Đầu tư | Tài chính | Thị trường | Doanh nghiệp | Thế giới"),
        unit("meta", author),
        unit("meta", f"{t:%H:%M}, {t:%d/%m/%Y}"),
        unit("title", a["title"]),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh: Reuters"])
    units += [
        unit("meta", f"Theo {agency}"),
        unit("boilerplate", "Tải ứng dụng VnEconomy"),
        unit("boilerplate", "Tin mới nhất"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": agency}
    return units, meta, f"https://vneconomy.vn/{a['from'].replace('/', '-')}.htm"


def qdnd(a, others, rng):
    t = random_time(rng)
    author = rng.choice(["TUẤN SƠN", "PHƯƠNG LIÊN", "KHÁNH AN"])
    rel = related_titles(others, rng, 2)
    units = [
        unit("boilerplate", "Báo Quân đội nhân dân"),
        unit("boilerplate", "Trang chủ / Quốc phòng an ninh / Tin tức"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y}, {t:%H:%M} (GMT+7)"),
        unit("body", a["lead"], shown="QĐND Online - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Các đại biểu tham quan mô hình. Ảnh: QĐND"], glue_captions=True)
    units += [
        unit("meta", f"{author} (tổng hợp)"),
        unit("boilerplate", "Bạn nghĩ gì về bài viết này?"),
        unit("boilerplate", "Tin bài liên quan"),
        unit("boilerplate", rel[0]["title"]),
        unit("boilerplate", rel[1]["title"]),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, None


def doisongphapluat(a, others, rng):
    t = random_time(rng)
    hour12 = t.hour % 12 or 12
    author = rng.choice(["Hải Yến", "Minh Khang", "Phạm Dương"])
    rel = related_titles(others, rng, 4)
    units = [
        unit("boilerplate", "Đời sống & Pháp luật"),
        unit("boilerplate", "Xã hội › Dân sinh"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y} - {hour12:02d}:{t:%M} {'PM' if t.hour >= 12 else 'AM'}"),
        unit("body", a["lead"]),
        unit("boilerplate", rng.choice(["Xem thêm: ", "Tin liên quan: "]) + rel[0]["title"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["(Ảnh minh họa)"])
    units += [
        unit("meta", f"{author} (t/h)"),
        unit("boilerplate", "Tin tài trợ"),
        unit("boilerplate", "Đọc nhiều nhất"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel[1:]]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://www.doisongphapluat.com/{a['from'].replace('/', '-')}.html"


def tfh24h_html(a, others, rng):
    t = random_time(rng)
    hour12 = t.hour % 12 or 12
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "24h"), unit("boilerplate", "Tin tức trong ngày"), unit("boilerplate", "Bóng đá"),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, ngày {t:%d/%m/%Y} {hour12:02d}:{t:%M} {'PM' if t.hour >= 12 else 'AM'} (GMT+7)"),
        unit("title", a["title"]),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa."])
    units += [unit("meta", "Nguồn: Dân Việt"), unit("boilerplate", "Bài liên quan")]
    units += [unit("boilerplate", r["title"]) for r in rel]
    head = f"<title>{html.escape(a['title'])}</title>"
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": None, "credit": "Dân Việt"}
    page = _html_page(units, head, {"title": "clrTit", "sapo": "ctTp", "body": "cate-24h-foot-arti-deta-info", "meta": "updTm"})
    return units, meta, "https://www.24h.com.vn/" + a["from"].replace("/", "-") + ".html", page


# --- held-out layouts, fourth batch (written before the third batch was inspected) -----------


def cand(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Thu Hoài", "Ngọc Minh", "Quang Bình"])
    units = [
        unit("boilerplate", "Báo Công an Nhân dân điện tử"),
        unit("boilerplate", "Tin tức | Thời sự | Pháp luật | An ninh trật tự | Quốc tế | Văn hóa"),
        unit("boilerplate", "Chuyên mục: An ninh trật tự"),
        unit("title", a["title"]),
        unit("meta", f"{t:%H:%M} | {t:%d/%m/%Y}"),
        unit("body", a["lead"], shown="CAND.VN - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Lực lượng Công an làm nhiệm vụ tại hiện trường."+" Ảnh: CAND"])
    units += [
        unit("meta", author),
        unit("boilerplate", "In bài viết"),
        unit("boilerplate", "Gửi bạn bè"),
        unit("boilerplate", "Các tin, bài viết khác"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://cand.com.vn/{a['from'].replace('/', '-')}"


def vtcnews(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Kim Anh", "Phạm Thịnh", "Hà Vy"])
    agency = rng.choice(["CNN", "SCMP", "Guardian"])
    units = [
        unit("boilerplate", "VTC News"),
        unit("boilerplate", "Thời sự  Thế giới  Kinh tế  Giải trí  Thể thao  Pháp luật"),
        unit("boilerplate", "Thế giới"),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y} {t:%H:%M} (GMT+7)"),
        unit("title", a["title"]),
        unit("body", a["lead"], shown="(VTC News) - " + a["lead"]),
        unit("boilerplate", "Ảnh 1/5"),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Khung cảnh sau vụ việc. (Ảnh minh họa: Reuters)"])
    units += [
        unit("meta", f"{author} (Nguồn: {agency})"),
        unit("boilerplate", "Bình luận"),
        unit("boilerplate", "Gửi bình luận"),
        unit("boilerplate", "Tin liên quan"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": agency}
    return units, meta, f"https://vtc.vn/{a['from'].replace('/', '-')}.html"


def baodautu(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 2)
    author = rng.choice(["Khánh Ly", "Anh Minh", "Thanh Hương"])
    units = [
        unit("boilerplate", "Báo Đầu tư"),
        unit("boilerplate", "Đầu tư / Tài chính - Ngân hàng / Bất động sản"),
        unit("title", a["title"]),
        unit("meta", f"{author}"),
        unit("meta", f"{t:%d/%m/%Y}, {t:%H:%M}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, [])
    units += [
        unit("boilerplate", "Chia sẻ bài viết"),
        unit("boilerplate", "Tin liên quan"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"]), unit("boilerplate", r["lead"])]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://baodautu.vn/{a['from'].replace('/', '-')}.html"


def thethaovanhoa(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Thể thao & Văn hóa"),
        unit("boilerplate", "Bóng đá Việt | Thể thao | Văn hóa | Giải trí"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d/%m/%Y} {t:%H:%M}"),
        unit("body", a["lead"], shown="(Thethaovanhoa.vn) - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh: TTXVN"], extras=[("boilerplate", "Quảng cáo")])
    units += [
        unit("meta", "Theo TTXVN"),
        unit("boilerplate", "Tin tức liên quan"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": None, "credit": "TTXVN"}
    return units, meta, f"https://thethaovanhoa.vn/{a['from'].replace('/', '-')}.htm"


def afamily_html(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Hạ Vy", "Mai Anh", "Tú Linh"])
    units = [
        unit("boilerplate", "Afamily"), unit("boilerplate", "Đời sống"), unit("boilerplate", "Nhà hay"),
        unit("title", a["title"]),
        unit("meta", f"{author},"),
        unit("meta", f"{t:%H:%M} {t:%d/%m/%Y}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa"])
    units += [unit("meta", "Theo Pháp luật & Bạn đọc"), unit("boilerplate", "Chia sẻ"), unit("boilerplate", "Đọc thêm")]
    units += [unit("boilerplate", r["title"]) for r in rel]
    head = f"<title>{html.escape(a['title'])}</title>"
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": "Pháp luật & Bạn đọc"}
    page = _html_page(units, head, {"title": "afcbc-title", "sapo": "afcbc-sapo", "body": "afcbc-body", "meta": "kbwcm-author"})
    return units, meta, "https://afamily.vn/" + a["from"].replace("/", "-") + ".chn", page


# --- held-out layouts, fifth batch (written before the fourth batch was inspected) -----------


def phunu(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Minh Châu", "Thu Thảo", "Ngọc Diệp"])
    units = [
        unit("boilerplate", "Báo Phụ Nữ"),
        unit("boilerplate", "Thời sự • Gia đình • Sống đẹp • Kinh tế • Giải trí"),
        unit("title", a["title"]),
        unit("meta", f"Ngày đăng: {t:%d/%m/%Y} | {t:%H:%M}"),
        unit("body", a["lead"], shown="(PNO) - " + a["lead"]),
    ]
    paras = paragraphs(a, rng)
    units += body_with(paras, rng, ["Ảnh: Internet"], glue_captions=True)
    units += [
        unit("meta", f"Bài, ảnh: {author}"),
        unit("boilerplate", "Theo dõi chúng tôi trên Zalo"),
        unit("boilerplate", "TIN LIÊN QUAN"),
    ]
    units += [unit("boilerplate", f"{i}. {r['title']}") for i, r in enumerate(rel, 1)]
    units += [unit("boilerplate", "Hotline: 0909 123 456")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://www.phunuonline.com.vn/{a['from'].replace('/', '-')}.html"


def giaoduc(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 2)
    units = [
        unit("boilerplate", "Giáo dục & Thời đại"),
        unit("boilerplate", "Giáo dục / Thời sự / Nhân ái / Thế giới"),
        unit("meta", f"Cập nhật: {t:%H:%M} | {t:%d/%m/%Y}"),
        unit("title", a["title"]),
        unit("body", a["lead"], shown="GD&TĐ - " + a["lead"]),
    ]
    paras = paragraphs(a, rng)
    units += body_with(paras[:3], rng, [])
    units += [unit("boilerplate", "Bài liên quan >>"), unit("boilerplate", rel[0]["title"])]
    units += body_with(paras[3:], rng, ["Quang cảnh buổi lễ. Ảnh: GD&TĐ"])
    units += [
        unit("meta", "Theo VnExpress"),
        unit("boilerplate", "Trở lại đầu trang"),
        unit("boilerplate", "Xem thêm: " + rel[1]["title"]),
    ]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": None, "credit": "VnExpress"}
    return units, meta, f"https://giaoducthoidai.vn/{a['from'].replace('/', '-')}.html"


def congly(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 4)
    author = rng.choice(["Nguyễn An", "Lê Hoa", "Trần Mạnh"])
    units = [
        unit("boilerplate", "Báo Công lý"),
        unit("boilerplate", "Thời sự   Tòa án   Pháp luật   Bạn đọc"),
        unit("title", a["title"]),
        unit("meta", f"{t:%H:%M} {t:%d/%m/%Y}"),
        unit("meta", f"PV {author}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Bị cáo tại phiên tòa. Ảnh: Công lý"],
                       extras=[("boilerplate", "Xem video:")], every=3)
    units += [
        unit("boilerplate", "Gửi email"),
        unit("boilerplate", "Tin khác"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://congly.vn/{a['from'].replace('/', '-')}.html"


def nongnghiep(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["HỒNG THẮM", "VĂN VIỆT", "MINH SÁNG"])
    units = [
        unit("boilerplate", "Báo Nông nghiệp Việt Nam"),
        unit("boilerplate", "Thời sự › Nông nghiệp"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y}, {t:%H:%M} (GMT+7)"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Nông dân thu hoạch lúa. Ảnh: HT."])
    units += [
        unit("meta", author),
        unit("boilerplate", "Tin cùng chuyên mục"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"]), unit("boilerplate", f"{rng.randint(1, 23)} giờ trước")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://nongnghiep.vn/{a['from'].replace('/', '-')}.html"


def genk_html(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "GenK"), unit("boilerplate", "Mobile"), unit("boilerplate", "Internet"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d/%m/%Y %H:%M}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa: Internet"])
    units += [unit("meta", "Theo Trí Thức Trẻ"), unit("boilerplate", "Tin cùng chuyên mục")]
    units += [unit("boilerplate", r["title"]) for r in rel]
    head = f"<title>{html.escape(a['title'])}</title>"
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": None, "credit": "Trí Thức Trẻ"}
    page = _html_page(units, head, {"title": "kbwc-title", "sapo": "knc-sapo", "body": "knc-content", "meta": "kbwcm-time"})
    return units, meta, "https://genk.vn/" + a["from"].replace("/", "-") + ".chn", page


# --- held-out layouts, sixth batch (written before the fifth batch was inspected) ------------

VI_MONTHS = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai"]


def sggp(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["HOÀNG MINH", "THÚY VY", "QUANG PHÚC"])
    units = [
        unit("boilerplate", "Báo Sài Gòn Giải Phóng"),
        unit("boilerplate", "Chính trị Xã hội Pháp luật Kinh tế Thế giới Văn hóa Thể thao Khoa học"),
        unit("title", a["title"]),
        unit("meta", f"{t:%H:%M} - {t:%d/%m/%Y}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Lực lượng chức năng kiểm tra hiện trường. Ảnh: " + author])
    units += [
        unit("meta", f"{author} (lược dịch)"),
        unit("boilerplate", "Từ khóa:"),
        unit("boilerplate", "an ninh"),
        unit("boilerplate", "trật tự"),
        unit("boilerplate", "Theo dõi SGGP trên Google News"),
        unit("boilerplate", "Tin cùng chuyên mục"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"]), unit("boilerplate", f"{rng.randint(1, 11)} giờ trước")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://www.sggp.org.vn/{a['from'].replace('/', '-')}.html"


def kinhtedothi(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Hoài Nam", "Thu Hà", "Đỗ Hương"])
    units = [
        unit("boilerplate", "Kinh tế & Đô thị"),
        unit("boilerplate", "Thời sự | Hà Nội | Kinh tế | Đô thị | Văn hóa"),
        unit("title", a["title"]),
        unit("meta", f"{t.day} Tháng {VI_MONTHS[t.month - 1]}, {t.year} | {t:%H:%M}"),
        unit("body", a["lead"], shown="Kinhtedothi - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, [], extras=[("boilerplate", "Mời bạn xem thêm video:")])
    units += [
        unit("meta", f"Phóng viên {author}"),
        unit("boilerplate", "Chia sẻ: Facebook Zalo Twitter Email"),
        unit("boilerplate", "Bài viết này hữu ích với bạn?"),
        unit("boilerplate", "Xem thêm"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, f"https://kinhtedothi.vn/{a['from'].replace('/', '-')}.html"


def baoquocte(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 2)
    agency = rng.choice(["Reuters", "AFP", "TASS"])
    units = [
        unit("boilerplate", "Báo Thế giới & Việt Nam"),
        unit("boilerplate", "Tin thế giới › Thời sự"),
        unit("title", a["title"]),
        unit("meta", f"{WEEKDAYS[t.weekday()].capitalize()}, {t:%d/%m/%Y} {t:%H:%M:%S}"),
        unit("body", a["lead"], shown="TGVN. " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Toàn cảnh cuộc họp. (Nguồn: " + agency + ")"])
    units += [
        unit("meta", f"Minh Vũ (theo {agency})"),
        unit("boilerplate", "Đọc bài gốc"),
        unit("boilerplate", "Tin liên quan"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": "Minh Vũ", "credit": agency}
    return units, meta, f"https://baoquocte.vn/{a['from'].replace('/', '-')}.html"


def thanhtra(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    units = [
        unit("boilerplate", "Thanh tra"),
        unit("boilerplate", "Chính trị - Xã hội / Thanh tra / Phòng chống tham nhũng / Pháp luật"),
        unit("title", a["title"]),
        unit("meta", "Nhóm phóng viên Ban Thời sự"),
        unit("meta", f"{t:%d/%m/%Y} {t:%H:%M}"),
        unit("body", a["lead"], shown="(Thanhtra.com.vn) - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh: Thanh tra"], glue_captions=True)
    units += [
        unit("boilerplate", "Bình chọn"),
        unit("boilerplate", "Tin khác"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": "Nhóm phóng viên Ban Thời sự", "credit": None}
    return units, meta, f"https://thanhtra.com.vn/{a['from'].replace('/', '-')}.html"


def vietnamfinance_html(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Lê Mỹ", "Thanh Thủy", "Hà Anh"])
    units = [
        unit("boilerplate", "VietnamFinance"), unit("boilerplate", "Tài chính"), unit("boilerplate", "Ngân hàng"),
        unit("title", a["title"]),
        unit("meta", f"{t:%H:%M} | {t:%d/%m/%Y}"),
        unit("meta", f"{author}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh minh họa"])
    units += [unit("boilerplate", "Tin liên quan")] + [unit("boilerplate", r["title"]) for r in rel]
    head = f"<title>{html.escape(a['title'])} | VietnamFinance</title>"
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    page = _html_page(units, head, {"title": "detail-title", "sapo": "detail-sapo", "body": "detail-content", "meta": "detail-author"})
    return units, meta, "https://vietnamfinance.vn/" + a["from"].replace("/", "-") + ".html", page


# --- held-out layouts, seventh batch (written before the sixth batch was inspected) ----------


def baomoi(a, others, rng):
    """An aggregator: the article is framed by the source outlet's name and a link to the original."""
    t = random_time(rng)
    rel = related_titles(others, rng, 4)
    source = rng.choice(["Tiền Phong", "Lao Động", "Người Lao Động"])
    units = [
        unit("boilerplate", "Báo Mới"),
        unit("boilerplate", "Nóng Mới Video Chủ đề Thời sự Thế giới Kinh doanh"),
        unit("title", a["title"]),
        unit("meta", f"{source} - {t:%d/%m/%Y %H:%M}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, [])
    units += [
        unit("boilerplate", f"Xem nguồn: {source}"),
        unit("boilerplate", "Cùng chủ đề"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"]), unit("boilerplate", f"{source} · {rng.randint(1, 59)} phút trước")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": None, "credit": None}
    return units, meta, f"https://baomoi.com/{a['from'].replace('/', '-')}.epi"


def tuoitrethudo(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Hà Phương", "Ngọc Linh", "Tuấn Đạt"])
    units = [
        unit("boilerplate", "Tuổi trẻ Thủ đô"),
        unit("boilerplate", "TIN TỨC  ĐOÀN THANH NIÊN  GIÁO DỤC  VĂN HÓA  THỂ THAO"),
        unit("meta", f"{WEEKDAYS[t.weekday()].upper()} {t:%d/%m/%Y} {t:%H:%M}"),
        unit("title", a["title"].upper()),
        unit("body", a["lead"], shown="TTTĐ - " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Các đại biểu tại buổi lễ"])
    units += [
        unit("meta", author),
        unit("boilerplate", "TIN LIÊN QUAN"),
    ]
    units += [unit("boilerplate", r["title"].upper()) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    meta["title_shown"] = a["title"].upper()
    return units, meta, f"https://tuoitrethudo.vn/{a['from'].replace('/', '-')}.html"


def vnanet(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 2)
    units = [
        unit("boilerplate", "Thông tấn xã Việt Nam"),
        unit("boilerplate", "Trang chủ | Chính trị | Kinh tế | Xã hội | Thế giới"),
        unit("title", a["title"]),
        unit("meta", f"Ngày {t.day} tháng {t.month} năm {t.year} - {t:%H:%M}"),
        unit("body", a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Ảnh: Văn Điệp/TTXVN"], glue_captions=True)
    units += [
        unit("meta", "Trần Lê Lâm (TTXVN)"),
        unit("boilerplate", "Mã bài: 1234567"),
        unit("boilerplate", "Tin khác cùng chuyên mục"),
    ]
    units += [unit("boilerplate", r["title"]) for r in rel]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": "Trần Lê Lâm", "credit": "TTXVN"}
    return units, meta, f"https://vnanet.vn/{a['from'].replace('/', '-')}.html"


def zingnews_text(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Đức Hoàng", "Lan Anh", "Minh Khôi"])
    units = [
        unit("boilerplate", "ZNEWS"),
        unit("boilerplate", "Xuất bản"),
        unit("boilerplate", "Thời sự"),
        unit("title", a["title"]),
        unit("meta", f"{author}"),
        unit("boilerplate", "Thứ"),
        unit("meta", f"{t:%H:%M %d/%m/%Y}"),
        unit("body", a["lead"]),
    ]
    paras = paragraphs(a, rng)
    units += body_with(paras, rng, ["Khung cảnh tại hiện trường. Ảnh: " + author + "."])
    units += [
        unit("boilerplate", "Bạn có thể quan tâm"),
    ]
    for r in rel:
        units += [unit("boilerplate", r["title"]), unit("boilerplate", r["lead"][:120] + "...")]
    units += [unit("boilerplate", "Tin mới nhất")]
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    return units, meta, None


def laodongthudo_html(a, others, rng):
    t = random_time(rng)
    rel = related_titles(others, rng, 3)
    author = rng.choice(["Nhật Nam", "Phương Thảo", "Hải Linh"])
    units = [
        unit("boilerplate", "Lao động Thủ đô"), unit("boilerplate", "Công đoàn"), unit("boilerplate", "Việc làm"),
        unit("title", a["title"]),
        unit("meta", f"{t:%d/%m/%Y} | {t:%H:%M}"),
        unit("body", a["lead"], shown="(LĐTĐ) " + a["lead"]),
    ]
    units += body_with(paragraphs(a, rng), rng, ["Quang cảnh buổi làm việc"])
    units += [unit("meta", author), unit("boilerplate", "Tin bài khác")] + [unit("boilerplate", r["title"]) for r in rel]
    head = f"<title>{html.escape(a['title'])}</title><meta property='og:title' content='{html.escape(a['title'])}'>"
    meta = {"published": t.strftime("%Y-%m-%dT%H:%M+07:00"), "author": author, "credit": None}
    page = _html_page(units, head, {"title": "article-title", "sapo": "article-sapo", "body": "article-body", "meta": "article-meta"})
    return units, meta, "https://laodongthudo.vn/" + a["from"].replace("/", "-") + ".html", page


LAYOUTS = {
    "vnexpress": vnexpress, "tuoitre": tuoitre, "thanhnien": thanhnien, "vov": vov, "vietnamplus": vietnamplus,
    "dantri": dantri, "laodong": laodong, "nld": nld, "baochinhphu": baochinhphu, "tienphong": tienphong,
    "kenh14": kenh14, "brokenline": brokenline, "plain": plain, "ttxvn": ttxvn_credit,
    "znews": znews, "vtv": vtv, "cafef": cafef,
    "vietnamnet": vietnamnet, "nhandan": nhandan, "baotintuc": baotintuc, "anninhthudo": anninhthudo, "soha": soha_html,
    "plo": plo, "vneconomy": vneconomy, "qdnd": qdnd, "doisongphapluat": doisongphapluat, "24h": tfh24h_html,
    "cand": cand, "vtcnews": vtcnews, "baodautu": baodautu, "thethaovanhoa": thethaovanhoa, "afamily": afamily_html,
    "phunu": phunu, "giaoduc": giaoduc, "congly": congly, "nongnghiep": nongnghiep, "genk": genk_html,
    "sggp": sggp, "kinhtedothi": kinhtedothi, "baoquocte": baoquocte, "thanhtra": thanhtra,
    "vietnamfinance": vietnamfinance_html,
    "baomoi": baomoi, "tuoitrethudo": tuoitrethudo, "vnanet": vnanet, "znewstext": zingnews_text,
    "laodongthudo": laodongthudo_html,
}
OUTLETS = {
    "vnexpress": "vnexpress.net", "tuoitre": "tuoitre.vn", "thanhnien": "thanhnien.vn", "vov": "VOV.VN",
    "vietnamplus": "vietnamplus.vn", "dantri": "dantri.com.vn", "laodong": "laodong.vn", "nld": "NLĐO",
    "baochinhphu": "baochinhphu.vn", "tienphong": "tienphong.vn", "kenh14": None, "brokenline": None,
    "plain": None, "ttxvn": None, "znews": "znews.vn", "vtv": "vtv.vn", "cafef": "cafef.vn",
    "vietnamnet": "vietnamnet.vn", "nhandan": "nhandan.vn", "baotintuc": None, "anninhthudo": "anninhthudo.vn",
    "soha": "soha.vn", "plo": "plo.vn", "vneconomy": "vneconomy.vn", "qdnd": None, "doisongphapluat": "doisongphapluat.com",
    "24h": "24h.com.vn", "cand": "cand.com.vn", "vtcnews": "vtc.vn", "baodautu": "baodautu.vn",
    "thethaovanhoa": "thethaovanhoa.vn", "afamily": "afamily.vn", "phunu": "phunuonline.com.vn",
    "giaoduc": "giaoducthoidai.vn", "congly": "congly.vn", "nongnghiep": "nongnghiep.vn", "genk": "genk.vn",
    "sggp": "sggp.org.vn", "kinhtedothi": "kinhtedothi.vn", "baoquocte": "baoquocte.vn", "thanhtra": "thanhtra.com.vn",
    "vietnamfinance": "vietnamfinance.vn", "baomoi": "baomoi.com", "tuoitrethudo": "tuoitrethudo.vn",
    "vnanet": "vnanet.vn", "znewstext": None, "laodongthudo": "laodongthudo.vn",
}
PAGES_PER_LAYOUT = 3


def render_text(units: list[dict], rng: random.Random) -> str:
    lines: list[str] = []
    for u in units:
        if u["glue"] and lines:
            lines[-1] = lines[-1] + " " + u["shown"]
        else:
            lines.append(u["shown"])
    sep = "\n\n" if rng.random() < 0.4 else "\n"
    return sep.join(lines) + "\n"


def copy_seeds(shared: Path) -> None:
    labels = json.loads((HERE / "seed_labels.json").read_text(encoding="utf-8"))
    for name, record in labels.items():
        shutil.copyfile(shared / "seeds" / name, PAGES / name)
        (PAGES / name).with_suffix(".json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    rng = random.Random(SEED)
    shared = shared_dir()
    sources = load_sources(shared, rng)
    if PAGES.exists():
        shutil.rmtree(PAGES)
    PAGES.mkdir()
    copy_seeds(shared)
    n = 0
    for name, layout in LAYOUTS.items():
        for _ in range(PAGES_PER_LAYOUT):
            article, others = sources[n], sources[n + 1 : n + 40]
            n += 1
            result = layout(article, others, rng)
            units, meta, url = result[:3]
            meta = {"title": article["title"], "outlet": OUTLETS[name] if (url or OUTLETS[name]) else None, **meta}
            if name in ("kenh14", "brokenline", "plain", "ttxvn", "baotintuc", "qdnd", "znewstext"):
                meta["outlet"] = None
            stem = f"{n:03d}_{name}"
            if len(result) == 4:
                path = PAGES / f"{stem}.html"
                path.write_text(result[3], encoding="utf-8")
                fmt = "html"
            else:
                path = PAGES / f"{stem}.txt"
                path.write_text(render_text(units, rng), encoding="utf-8")
                fmt = "text"
            split = (
                "held-out" if name in HELD_OUT
                else "held-out v6, inspected" if name in HELD_OUT_V6
                else "held-out v5, inspected" if name in HELD_OUT_V5
                else "held-out v4, inspected" if name in HELD_OUT_V4
                else "held-out v3, inspected" if name in HELD_OUT_V3
                else "held-out v2, inspected" if name in HELD_OUT_V2
                else "held-out v1, inspected" if name in HELD_OUT_V1
                else "tuned"
            )
            record = {"layout": name, "held_out": name in HELD_OUT, "split": split, "format": fmt, "url": url,
                      "source_article": article["from"], "meta": meta, "units": units}
            path.with_suffix(".json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {n} pages + 2 seeds to {PAGES}")


if __name__ == "__main__":
    main()
