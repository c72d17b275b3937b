"""False-alarm kinds found on held-out VietNews sentences (real-heldout, real-heldout2), each with
a real sentence that must stay untagged and a near-miss that must still be tagged."""

from __future__ import annotations

from datetime import datetime

import pytest

from sukien.times import find

REF = datetime.fromisoformat("2018-06-15T09:00:00+07:00")


def tagged(text: str, ref: datetime = REF) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find(text, ref)]


@pytest.mark.parametrize("text", [
    # a quantity word before "năm rồi/qua/nay" counts years: not "last year" / "this year"
    "Đá: Lại muốn hát “Bao nhiêu năm rồi…” chăng?",
    "Ông Nguyễn Phú Tia nói: \" Mấy chục năm rồi, đi đâu cũng chờ phà vất vả!",
    "Đây là căn nhà nằm trong một vụ việc ly hôn dân sự kéo dài hàng chục năm qua.",
    "\" Dự án này đã được triển khai chục năm nay, tiến độ chậm.",
    # a law or decree named with its year
    "Trong khi đó, Kiểm toán nhà nước nhấn mạnh mức tối đa mà doanh nghiệp được thưởng theo quy định tại "
    "nghị định 71 năm 2013 chỉ là 1,5 tháng lương.",
    "VKSND tối cao quyết định truy tố hai bị can theo khoản 4 Điều 104 Bộ luật Hình sự năm 2015.",
    "Theo quy định của Luật đất đai năm 2013, chỉ những dự án phục vụ quốc phòng mới được thu hồi đất.",
    # months or days of salary are money
    "Tiền thưởng tết đa số có mức 1 tháng lương.",
    # fractions and map scales, even after a preposition
    "Ở chiều ngược lại, hai tỉnh có tỷ lệ doanh nghiệp đánh giá tốt thấp nhất, đạt chưa đến 1/4 số lượng doanh nghiệp.",
    "Quốc hội khoá XIV này có tới 2/3 đại biểu là mới.",
    "Sở được giao lập quy hoạch chi tiết (tỷ lệ 1/5 00) khu vực này.",
    "Trong đó, bệnh nhân nam 42 tuổi thị lực sau ghép đã đạt 1/10.",
    # a range of counts before a counted noun
    "Khách trên các đoàn tàu được phục vụ suất ăn từ 3-5 bữa ăn cho hành trình Sài Gòn - Hà Nội.",
    "Có ngày đội cứu hộ cứu đến 5-6 du khách bị đuối nước.",
    # the constitution named with its year
    "Do vậy, quy định của Hiến pháp năm 2013 về quyền nhân thân là nguyên tắc Hiến định.",
    # places named after a date
    "Ông ta dừng xe trước khu B, Công viên 23/9, phường Phạm Ngũ Lão.",
    "Theo các nhân chứng, họ nghe hai tiếng nổ tại một ngôi nhà gần chợ 19/8 nên đến xem sự việc.",
    # a newspaper's name
    "Trao đổi với Tuổi Trẻ Cuối Tuần, giám đốc chương trình khẳng định điều này.",
])
def test_not_tagged(text):
    assert tagged(text) == []


@pytest.mark.parametrize("text,ref,expected", [
    # the same words where they are times
    ("Năm rồi, công ty lãi lớn.", REF, [("Năm rồi", "2017")]),
    ("Cuối tuần qua, giá vàng tăng mạnh.", REF, [("Cuối tuần qua", "2018-W23-WE")]),
    ("Luật Đất đai được Quốc hội thông qua năm 2013.", REF, [("năm 2013", "2013")]),
    ("Luật sư Nguyễn Văn A cho biết năm 2015 ông đã rời công ty.", REF, [("năm 2015", "2015")]),
    ("Trang Le Nguyen tốt nghiệp Trường luật Nam Texas hồi năm 2010.", REF, [("năm 2010", "2010")]),
    ("Kể từ 7-1 nước này sẽ áp dụng chính sách thu thuế xuất cảnh.", datetime(2018, 12, 20, 9), [("7-1", "2019-01-07")]),
    ("Bị cáo bị tuyên phạt 2 tháng tù.", REF, [("2 tháng", "P2M")]),
    ("Đoàn sẽ ở lại Hà Nội đến 5-6 theo lời mời của Bộ Quốc phòng.", datetime(2018, 6, 1, 9), [("5-6", "2018-06-05")]),
    # a range of two day/month dates joined by a bare hyphen
    ("Tập trận diễn ra ngày 24/7-15/8/2002 với sự tham gia của gần 13.500 binh sĩ.", REF,
     [("ngày 24/7-15/8/2002", "2002-07-24/2002-08-15")]),
    ("Từ ngày 18/1-21/1/2019, nhiều người dân kéo đến nhà bà Điệp để đòi nợ.", datetime(2019, 1, 25, 9),
     [("ngày 18/1-21/1/2019", "2019-01-18/2019-01-21")]),
])
def test_near_misses_still_tagged(text, ref, expected):
    assert tagged(text, ref) == expected


def test_cutoff_date_keeps_the_reported_period():
    text = ("Lượng thịt heo nhập khẩu trong 6 tháng đầu năm (tính đến ngày 19-6) đã tăng vọt, "
            "cao gấp gần 4 lần so cùng kỳ năm ngoái.")
    assert tagged(text, datetime(2019, 6, 20, 9)) == [
        ("6 tháng đầu năm", "2019-H1"), ("ngày 19-6", "2019-06-19"), ("cùng kỳ năm ngoái", "2018-H1")]


def test_cutoff_date_alone_is_the_anchor():
    text = "Tính tới rạng sáng 19-3, cổ phiếu đã giảm 8%, theo đó cho tới trưa cùng ngày, tài sản của ông giảm mạnh."
    assert tagged(text, datetime(2018, 3, 20, 9)) == [
        ("rạng sáng 19-3", "2018-03-19TMO"), ("trưa cùng ngày", "2018-03-19TMI")]
