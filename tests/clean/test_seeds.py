"""The two real scraped seeds come out right in every field."""

from datetime import datetime, timedelta, timezone

from sukien.clean import clean_text

SEED_000_BODY_STARTS = [
    "Tham dự cuộc họp, Ngoại trưởng Mỹ Antony Blinken",
    "Theo Ngoại trưởng Blinken, liên minh Mỹ - Nhật",
    "Với sự tham gia của Ngoại trưởng Nhật Bản",
    "Cuộc họp cũng diễn ra chỉ 2 ngày trước",
    "Được biết, cả Mỹ và Nhật Bản",
    "Sau các cuộc thảo luận đầu tiên",
    "Các thỏa thuận này được đưa ra sau thông báo",
]
CAPTION_000 = "Mỹ - Nhật Bản nỗ lực tăng cường hợp tác “trên tất cả các lĩnh vực”. Ảnh minh hoạ: Getty Image"


def test_seed_000_every_field(seed_000):
    a = clean_text(seed_000, source="000.txt")
    assert a.title == "Mỹ, Nhật công bố kế hoạch củng cố liên minh"
    assert a.lead.startswith("Hôm qua (11/1), các quan chức đối ngoại")
    assert a.lead.endswith("hãng thông tấn AP đưa tin.")
    assert [p[: len(s)] for p, s in zip(a.body, SEED_000_BODY_STARTS)] == SEED_000_BODY_STARTS
    assert len(a.body) == 7
    assert a.published == datetime(2020, 7, 12, 10, 29, tzinfo=timezone(timedelta(hours=7)))
    assert a.published.utcoffset() == timedelta(hours=7)
    assert a.published_source == "dateline"
    assert a.author == "Bảo Nghi"
    assert a.credit == "AP"
    assert a.captions == [CAPTION_000]
    assert all("Ảnh minh hoạ" not in p and "Bảo Nghi" not in p for p in a.paragraphs)
    assert a.related == []
    assert a.outlet is None
    assert a.source == "000.txt"
    assert a.raw == seed_000
    assert len(a.id) == 16 and int(a.id, 16) >= 0


def test_seed_000_dateline_contradiction_is_explained(seed_000):
    warnings = " | ".join(clean_text(seed_000).warnings)
    assert "Hôm qua (11/1)" in warnings  # the meeting of 11/1 cannot be "yesterday" on 12/07
    assert "tháng 10 năm 2021" in warnings  # October 2021 spoken of as past in a 2020 story


def test_seed_000_glued_next_headline_is_not_body(seed_000):
    glued = seed_000.rstrip("\n") + "Mỹ - Nhật cam kết phối hợp trong mọi lĩnh vực, ở mọi cấp độ\n"
    a = clean_text(glued)
    assert a.author == "Bảo Nghi" and a.credit == "AP"
    assert all("cam kết phối hợp" not in p for p in a.paragraphs)
    assert a.related == ["Mỹ - Nhật cam kết phối hợp trong mọi lĩnh vực, ở mọi cấp độ"]
    assert a.title == "Mỹ, Nhật công bố kế hoạch củng cố liên minh"


def test_seed_003_every_field(seed_003):
    a = clean_text(seed_003)
    assert a.title == "Mỹ - Nhật cam kết phối hợp trong mọi lĩnh vực, ở mọi cấp độ"
    assert a.outlet == "VOV.VN"
    assert a.lead.startswith("Ngày 10/4 (theo giờ địa phương), Tổng thống Mỹ Joe Biden")
    assert not a.lead.startswith("VOV.VN")
    assert a.body[0].startswith("Theo tuyên bố chung được ký kết")
    assert "Công bố nhiều sáng kiến chiến lược mới" in a.body  # a subheading is the article's own text
    assert a.body[-1].startswith("Trong khuôn khổ chuyến thăm chính thức Mỹ")
    assert len(a.body) == 13
    text = a.text
    assert "Mời quý độc giả" not in text and "Tin liên quan" not in text
    assert "AUKUS" not in text and "Động đất" not in text
    assert a.related == [
        "Thủ tướng Nhật Bản thăm Mỹ thúc đẩy hợp tác kinh tế và quốc phòng",
        "Thủ tướng Nhật Bản thăm Mỹ: Thách thức chiến lược và bài toán an ninh",
        "AUKUS xem xét hợp tác với Nhật Bản trong lĩnh vực công nghệ tiên tiến",
        "Động đất rất lớn tấn công Đài Loan, nguy cơ sóng thần đe dọa tới cả Nhật Bản",
        "Nga cân nhắc trả đũa Nhật Bản vì gói trừng phạt mới",
        "Sau 50 năm trỗi dậy, Trung Quốc hiện thách thức sức mạnh Mỹ và Nhật Bản ra sao?",
    ]
    assert a.published is None and a.published_source is None
    assert a.author is None and a.credit is None
    assert a.captions == []
    assert a.warnings == []
    assert "\u00a0" not in text  # normalised: no-break spaces of the dump are plain spaces


def test_ids_are_stable_and_depend_on_url(seed_003):
    assert clean_text(seed_003).id == clean_text(seed_003).id
    with_url = clean_text(seed_003, url="https://vov.vn/the-gioi/my-nhat-cam-ket.vov")
    assert with_url.id != clean_text(seed_003).id
    assert with_url.outlet == "vov.vn"
