"""Single-line cues: bylines, captions, prompts, related headers, counters, menus."""

import pytest

from sukien.clean import lines as L
from sukien.clean.page import split_caption


@pytest.mark.parametrize(
    ("text", "author", "credit"),
    [
        ("Bảo Nghi (Lược dịch từ AP)", "Bảo Nghi", "AP"),
        ("Theo TTXVN", None, "TTXVN"),
        ("Theo Reuters", None, "Reuters"),
        ("PV", "PV", None),
        ("Nhóm PV", "Nhóm PV", None),
        ("NGỌC AN", "NGỌC AN", None),
        ("Thu Hằng/VOV.VN (Theo AFP)", "Thu Hằng", "AFP"),
        ("Phương Hoa/TTXVN", "Phương Hoa", "TTXVN"),
        ("Xuân Khu (TTXVN/Vietnam+)", "Xuân Khu", "TTXVN/Vietnam+"),
        ("Minh Anh (tổng hợp)", "Minh Anh", None),
        ("Theo Hải Đăng (Báo Tin tức)", "Hải Đăng", "Báo Tin tức"),
        ("PV Lê Hoa", "Lê Hoa", None),
        ("Phóng viên Hoài Nam", "Hoài Nam", None),
    ],
)
def test_bylines(text, author, credit):
    assert L.classify(text).kind == "byline"
    parsed = L.parse_byline(text)
    assert (parsed.author, parsed.credit) == (author, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Theo Ngoại trưởng Blinken, liên minh Mỹ - Nhật là nền tảng của hòa bình.",
        "Công bố nhiều sáng kiến chiến lược mới",
        "Ông Biden nói rằng hai nước sẽ tiếp tục hợp tác.",
        "Bà Nguyễn Bích Quy.",
    ],
)
def test_sentences_are_not_bylines(text):
    assert L.classify(text).kind not in ("byline", "byline_glued")
    assert L.parse_byline(text) is None


def test_glued_byline_keeps_the_tail_apart():
    parsed = L.parse_byline("Bảo Nghi (Lược dịch từ AP)Mỹ - Nhật cam kết phối hợp trong mọi lĩnh vực")
    assert (parsed.author, parsed.credit) == ("Bảo Nghi", "AP")
    assert parsed.tail == "Mỹ - Nhật cam kết phối hợp trong mọi lĩnh vực"


@pytest.mark.parametrize(
    "text",
    [
        "Lực lượng chức năng có mặt tại hiện trường. Ảnh: Ngọc Thành",
        "Toàn cảnh phiên họp. (Ảnh: TTXVN)",
        "Ảnh minh hoạ.",
        "(Ảnh minh họa)",
        "Bộ trưởng phát biểu tại hội nghị - Ảnh: VGP/Nhật Bắc",
        "Khung cảnh tại khu vực. Ảnh: Reuters.",
    ],
)
def test_captions(text):
    assert L.classify(text).kind == "caption"


@pytest.mark.parametrize(
    "text",
    [
        "Điều này ảnh hưởng lớn tới đời sống của người dân trong vùng.",
        "Ông A xem video về vụ việc rồi báo công an.",
        "Trong video: ông A nói rằng đây là việc chưa từng có",
    ],
)
def test_not_captions(text):
    assert L.classify(text).kind != "caption"


def test_inline_caption_is_split_from_a_long_paragraph():
    body = (
        "Ngày 10/4, hội nghị đã thông qua nhiều văn kiện quan trọng về hợp tác kinh tế. "
        "Các bên nhất trí tăng cường trao đổi đoàn cấp cao trong thời gian tới. "
        "Đại diện các bên ký kết văn bản hợp tác. (Ảnh: Phương Hoa/TTXVN)"
    )
    kept, caption = split_caption(body)
    assert kept.endswith("trong thời gian tới.")
    assert caption == "Đại diện các bên ký kết văn bản hợp tác. (Ảnh: Phương Hoa/TTXVN)"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mời quý độc giả theo dõi VOV.VN trên", "prompt"),
        ("Tin liên quan", "related_header"),
        ("Tin cùng chuyên mục", "related_header"),
        ("Có thể bạn quan tâm", "related_header"),
        ("Đọc thêm: Nga cân nhắc trả đũa Nhật Bản vì gói trừng phạt mới", "related_inline"),
        (">> Tác giả trang phục im lặng để tạo scandal?", "related_inline"),
        ("12 bình luận", "counter"),
        ("Lượt xem: 1.204", "counter"),
        ("Ảnh 2/7", "counter"),
        ("Từ khóa: tin nóng, thời sự", "tags"),
        ("#thoisu #tinnong #xahoi", "tags"),
        ("© Copyright 1997 VnExpress.net, All rights reserved", "footer"),
        ("Thời sự » Chính trị", "menu"),
        ("Chính trị | Thế giới | Kinh tế | Xã hội | Văn hóa | Thể thao", "menu"),
        ("Chủ Nhật, 12/07/2020 10:29 (GMT+7)", "dateline"),
        ("09:19", "stamp"),
    ],
)
def test_furniture_kinds(text, kind):
    assert L.classify(text).kind == kind


def test_signature_is_read_from_leads():
    assert L.classify("VOV.VN - Ngày 10/4, Tổng thống Mỹ Joe Biden đã có cuộc gặp.").signature == "VOV.VN"
    assert L.classify("(Dân trí) - Chiều 28/5, một cơn mưa dông đột ngột đã xảy ra.").signature == "Dân trí"
    assert L.classify("Ngày 10/4, Tổng thống Mỹ Joe Biden đã có cuộc gặp quan trọng.").signature is None


@pytest.mark.parametrize(
    ("text", "author", "credit"),
    [
        ("Thanh Trà - TTXVN", "Thanh Trà", "TTXVN"),
        ("ĐỨC ANH - HOÀNG LONG", "ĐỨC ANH - HOÀNG LONG", None),
        ("Theo Thanh Hà | Báo Tin tức", "Thanh Hà", "Báo Tin tức"),
        ("Vương Trần | LĐO", "Vương Trần", None),
    ],
)
def test_bylines_with_dashes_and_bars(text, author, credit):
    parsed = L.parse_byline(text)
    assert (parsed.author, parsed.credit) == (author, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Giấy phép được cấp trên cơ sở hồ sơ xin cấp phép của công ty và danh sách các nhà khoa học.",
        "Trụ sở UBND xã Long Mỹ nơi ông Nguyễn Thái Anh công tác.",
        "Quay lại thấy tôi, anh An hét to, bảo tôi giữ con lại.",
        "Nghe tin cô vợ không qua khỏi tôi cũng thấy xót xa quá.",
        "Đăng hứa, sau đó sẽ chở bé gái về lại nhà.",
        "Liên hệ với Công an quận 10, đại diện cơ quan này cho biết đã thụ lý vụ việc.",
    ],
)
def test_body_sentences_that_start_like_furniture(text):
    # real VietNews body lines that early versions of the cues took for footers, prompts or stamps
    assert L.classify(text).kind in ("prose", "short")


@pytest.mark.parametrize("text", ["Tổng biên tập: Lê Thế Chữ", "Giấy phép hoạt động báo điện tử số 558/GP-BTTTT",
                                  "Bản quyền thuộc về Báo Lao Động", "Cơ quan chủ quản: Thông tấn xã Việt Nam"])
def test_footers(text):
    assert L.classify(text).kind == "footer"


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("Kinhtedothi - Hai lượt trận tại vòng 1/8 Europa League đã diễn ra căng thẳng.", "Kinhtedothi"),
        ("TGVN. Hài lòng với phần lựa chọn của mình ở đêm thi thứ 8, cặp đôi đã trình diễn.", "TGVN"),
        ("QĐND Online - Truy tố hàng loạt đại gia thủy sản và 8 người nguyên là cán bộ.", "QĐND Online"),
        ("Trong - ngoài nước đều quan tâm đến sự kiện này rất nhiều.", None),
        ("TP. Hồ Chí Minh vừa công bố kế hoạch phát triển mới trong năm nay.", None),
    ],
)
def test_signatures(text, signature):
    assert L.signature_of(text) == signature


def test_more_furniture():
    assert L.classify("Nhóm phóng viên Ban Thời sự").kind == "byline"
    assert L.classify("Toàn cảnh cuộc họp. (Nguồn: TASS)").kind == "caption"
    assert L.classify("Bài viết này hữu ích với bạn?").kind == "prompt"
