"""Productive patterns found by probing: number words with units, seasons, "sang năm", date lists,
weekday lists sharing "hàng tuần", "cùng kỳ" + noun, law names, lunar "năm nay". Sentences are
real VietNews sentences or written in the same style."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from sukien.times import find

VN = timezone(timedelta(hours=7))
REF = datetime(2024, 4, 10, 9, tzinfo=VN)
NEWS = datetime(2018, 6, 15, 9, tzinfo=VN)


def tagged(text, ref=REF):
    return [(m.text, m.type, m.value) for m in find(text, ref)]


@pytest.mark.parametrize("text, expected", [
    ("Quyết định được Thủ tướng ký năm ngày trước.", [("năm ngày trước", "DATE", "2024-04-05")]),
    ("Trong năm năm qua, tỉnh đã thu hút nhiều dự án.", [("năm năm qua", "DURATION", "P5Y")]),
    ("Hai mươi lăm năm qua, trường đã đào tạo hàng nghìn sinh viên.", [("Hai mươi lăm năm qua", "DURATION", "P25Y")]),
    ("Năm mươi năm trước, chiến tranh kết thúc.", [("Năm mươi năm trước", "DATE", "1974")]),
    ("Sau mười lăm phút, cảnh sát có mặt.", [("mười lăm phút", "DURATION", "PT15M")]),
    ("Trong 3 tháng tới đây, giá điện sẽ tăng.", [("3 tháng tới đây", "DURATION", "P3M")]),
    ("Dự luật sẽ có hiệu lực sau 15 ngày nữa nếu không bị phản đối.", [("15 ngày nữa", "DATE", "2024-04-25")]),
    ("Năm ngày sau, ông trở về.", [("Năm ngày sau", "DATE", "2024-04-15")]),
])
def test_number_words_and_units(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "năm" after a number is "year": the anniversary is 100 years, not five days
    ("Loại xu này được đúc nhằm kỷ niệm 100 năm ngày Mexico giành độc lập.", [("100 năm", "DURATION", "P100Y")]),
    ("Năm ngày sau vụ tai nạn, nỗi đau chuyển thành sự giận dữ.", [("Năm ngày", "DURATION", "P5D")]),
    ("Việc phải đóng thêm bảo hiểm 4 năm nữa trở thành gánh nặng đối với tôi.", [("4 năm", "DURATION", "P4Y")]),
    ("Năm tháng qua đi, bây giờ tôi đã là giáo viên dạy Ngữ văn.", []),
    ("Những năm tháng ấy thật khó quên.", []),
    ("Mấy ngày nay, báo đài lại liên tục đưa tin về mưa lũ.", []),
    ("Dăm năm trước, nơi đây là bãi đất trống.", []),
])
def test_counts_that_are_not_what_they_seem(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hè này để chị giới thiệu cho mấy chỗ luyện toán.", [("Hè này", "DATE", "2024-SU")]),
    ("Đầu xuân năm nay, du khách đổ về chùa Hương.", [("Đầu xuân năm nay", "DATE", "2024-SP")]),
    ("Cuối hè năm ngoái, lũ lớn xảy ra ở miền núi.", [("Cuối hè năm ngoái", "DATE", "2023-SU")]),
    ("Mùa thu tới, trường sẽ khai giảng cơ sở mới.", [("Mùa thu tới", "DATE", "2024-FA")]),
    ("Hè vừa qua, anh đi tình nguyện ở Hà Giang.", [("Hè vừa qua", "DATE", "2023-SU")]),
    ("Mosul bị IS chiếm từ hè 2014.", [("hè 2014", "DATE", "2014-SU")]),
    ("Vỉa hè này bị lấn chiếm.", []),
    ("Thế vận hội mùa đông 2018 sẽ diễn ra ở Pyeongchang.", []),
])
def test_seasons(text, expected):
    assert tagged(text) == expected


def test_sang_nam_is_next_year_but_not_before_a_year_or_school_year():
    text = "Theo quy định cũ thì sang năm tôi về hưu vẫn được hưởng đủ 75%."
    assert tagged(text, NEWS) == [("sang năm", "DATE", "2019")]
    assert tagged("Dự án lùi sang năm 2025.") == [("năm 2025", "DATE", "2025")]
    assert tagged("Trường chuyển sang năm học mới.") == []
    assert tagged("Tình trạng tiếp diễn từ năm này sang năm khác.") == []


def test_dates_listed_after_a_holiday_word():
    text = "Dự kiến phiên xét xử diễn ra từ ngày 18 đến 29-4, tuyên án sau ngày nghỉ lễ 30-4 và 1-5."
    assert tagged(text, datetime(2019, 4, 10, tzinfo=VN)) == [
        ("ngày 18 đến 29-4", "DATE", "2019-04-18/2019-04-29"), ("30-4", "DATE", "2019-04-30"),
        ("1-5", "DATE", "2019-05-01")]
    assert [m[0] for m in tagged("Ngày 5-3, 7-3 và 9-3, đoàn công tác làm việc tại tỉnh.")] == ["Ngày 5-3", "7-3", "9-3"]
    assert tagged("Đội nhà thắng 2-1 và 3-0 trong hai trận.") == []


def test_weekdays_sharing_one_weekly_marker_are_all_sets():
    text = "Hà Nội sẽ duy trì phong trào tổng vệ sinh vào chiều thứ sáu và sáng thứ bảy hàng tuần."
    assert tagged(text, NEWS) == [("chiều thứ sáu", "SET", "XXXX-WXX-5TAF"),
                                  ("sáng thứ bảy hàng tuần", "SET", "XXXX-WXX-6TMO")]
    text = "Xổ số mở thưởng vào các ngày thứ 4, thứ 6 và chủ nhật hàng tuần."
    assert [m[2] for m in tagged(text)] == ["XXXX-WXX-3", "XXXX-WXX-5", "XXXX-WXX-7"]


def test_cung_ky_followed_by_a_noun_is_not_a_period():
    text = "Các thí sinh tham gia cùng kỳ thi tuyển sinh đó phải chịu thiệt thòi."
    assert tagged(text) == []
    assert tagged("Hội nghị diễn ra trong cùng kỳ họp thứ 6.") == []
    assert tagged("Doanh thu quý I/2024 tăng 5% so với cùng kỳ năm ngoái.")[-1] == ("cùng kỳ năm ngoái", "DATE", "2023-Q1")


def test_law_name_rule_does_not_swallow_a_later_year():
    text = ("Chính phủ đề nghị rút dự án Luật sửa đổi, bổ sung một số điều của Luật Đất đai ra khỏi "
            "chương trình năm 2019 và sẽ trình Quốc hội vào thời điểm thích hợp.")
    assert tagged(text) == [("năm 2019", "DATE", "2019")]
    assert tagged("Luật Kế toán năm 2015 quy định rõ việc này.") == []
    assert tagged("Theo Bộ luật Hình sự năm 2015, hành vi này bị xử lý.") == []


def test_lunar_date_this_year_is_the_occurrence_nearest_to_ref():
    text = "Ngày 23 tháng Chạp năm nay, các gia đình làm lễ tiễn ông Công ông Táo."
    assert tagged(text) == [("Ngày 23 tháng Chạp năm nay", "DATE", "2024-02-02")]
    assert tagged("Rằm tháng Giêng năm nay, chùa đông khách.")[0][2] == "2024-02-24"


def test_part_of_day_with_the_day_before():
    text = "Có thể cháu bé được để ở đây từ đêm hôm trước nhưng không ai phát hiện."
    assert tagged(text, NEWS) == [("đêm hôm trước", "TIME", "2018-06-14TNI")]


def test_fractions_of_counted_things_are_not_dates():
    text = "Ông phân tích, theo quy định có 3/4 cử tri đi bỏ phiếu thì cuộc trưng cầu dân ý hợp lệ."
    assert tagged(text, NEWS) == []
    text = "Trước đó hôm 1/4, Chi cục công bố kết quả xét nghiệm 7/9 mẫu măng tươi ở Đà Nẵng."
    assert tagged(text, datetime(2017, 4, 5, tzinfo=VN)) == [("hôm 1/4", "DATE", "2017-04-01")]


def test_ago_after_tu_even_when_a_noun_follows():
    text = "Thực tế là từ 2 năm trước gia đình bà Ngọc đã vay ngân hàng trên 1 tỉ đồng."
    assert tagged(text, NEWS) == [("2 năm trước", "DATE", "2016")]
    assert tagged("Hai ngày trước chuyến thăm, ông đã gọi điện.", NEWS) == []  # "before the visit", not "ago"


def test_range_from_a_night_to_a_dated_morning():
    text = "Sau trận mưa lớn từ đêm 25 đến rạng sáng 26/5 ở TP Móng Cái, nước lũ dâng cao."
    assert tagged(text, datetime(2018, 5, 28, tzinfo=VN)) == [
        ("đêm 25 đến rạng sáng 26/5", "TIME", "2018-05-25TNI/2018-05-26TMO")]
    assert tagged("Sáng 25, đoàn đến Huế.") == []  # a bare day outside a range stays untagged


def test_weekday_takes_the_date_in_brackets_after_it():
    text = "Sang đến thứ tư (20/9), Bắc Bộ sẽ có mưa giông trở lại."
    assert tagged(text, datetime(2017, 9, 18, tzinfo=VN)) == [("thứ tư", "DATE", "2017-09-20"),
                                                             ("20/9", "DATE", "2017-09-20")]
    assert tagged("Lần thứ tư (2 lần trước thất bại), ông thành công.") == []
