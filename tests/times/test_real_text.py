"""Behaviour found on real news text (VietNews, PhoNER): what to tag and what to leave alone."""

from __future__ import annotations

from datetime import datetime

import pytest

from sukien.times import find

REF = datetime.fromisoformat("2017-06-15T09:00:00+07:00")


def tagged(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find(text, REF)]


@pytest.mark.parametrize("text,expected", [
    ("Thời gian bắn 15 phút, từ 0h đến 0h15 ngày 1-1-2018.",
     [("15 phút", "PT15M"), ("0h đến 0h15 ngày 1-1-2018", "2018-01-01T00:00/2018-01-01T00:15")]),
    ("Khảo sát được thực hiện từ ngày 12-11 tới 15-11 trên 1.000 người.", [("ngày 12-11 tới 15-11", "2017-11-12/2017-11-15")]),
    ("Vụ xả súng xảy ra lúc 15h20 ngày 19-11 (theo giờ địa phương, tức sáng sớm nay 20-11 giờ Việt Nam).",
     [("15h20 ngày 19-11", "2017-11-19T15:20"), ("sáng sớm nay", "2017-06-15TMO"), ("20-11", "2017-11-20")]),
    ("Cô xuất hiện trên truyền hình vào tháng một năm ngoái.", [("tháng một năm ngoái", "2016-01")]),
    ("Tàu HMS Montrose hôm 10/10 đã phải giương pháo cảnh cáo.", [("hôm 10/10", "2016-10-10")]),
    ("Ngân hàng đã bổ sung 9,3 tấn vàng trong tháng cuối năm 2017.", [("tháng cuối năm 2017", "2017-12")]),
    ("Người dân dâng sao giải hạn tại chùa Phúc Khánh đêm 14 tháng giêng.", [("đêm 14 tháng giêng", "2017-02-10TNI")]),
    ("Vụ nổ xảy ra chỉ vài giờ sau khi hai quả bom phát nổ.", [("vài giờ", "PTXH")]),
    ("Bức thư được gửi đi chỉ hai tuần sau khi ông nhận thư.", [("hai tuần", "P2W")]),
    ("Trong 24h qua, cả nước có thêm 20 ca mắc.", [("24h qua", "PT24H")]),
    ("Sau 2 giờ đồng hồ cố thủ, nghi phạm đã bị khống chế.", [("2 giờ", "PT2H")]),
    ("Đến 24h ngày 31/12, lệnh cấm sẽ hết hiệu lực.", [("24h ngày 31/12", "2017-12-31T24:00")]),
    ("Thứ hai, là một người sáng tác, tôi khẳng định điều đó.", []),
    ("Việt Nam ghi nhận ca bệnh thứ 32, là người từ Anh về.", []),
    ("Những nghệ sĩ như Công Lý, Quốc Khánh đã làm nên thương hiệu.", []),
    ("Cô tỏ ra duyên dáng hơn so với những năm trước.", []),
    ("Kim đồng hồ dần điểm đến mốc 0 giờ.", []),
    ("An ninh hình sự 24 h: tạm giữ nghi phạm.", []),
    ("Lễ kỷ niệm lần thứ 107 ngày sinh của ông được tổ chức long trọng.", []),
    ("Cô bé ba tháng tuổi được trao danh hiệu.", []),
])
def test_real_text(text, expected):
    assert tagged(text) == expected


REF_2016 = datetime.fromisoformat("2016-06-15T09:00:00+07:00")


@pytest.mark.parametrize("text,expected", [
    ("Ngày 3/6, cháy lớn. Đến 16 giờ 30 phút cùng ngày, thi thể vẫn chưa được tìm thấy.",
     [("Ngày 3/6", "2016-06-03"), ("16 giờ 30 phút cùng ngày", "2016-06-03T16:30")]),
    ("Chiều 2/6, hai bên gặp nhau. Sáng hôm sau, đoàn lên đường.",
     [("Chiều 2/6", "2016-06-02TAF"), ("Sáng hôm sau", "2016-06-03TMO")]),
    ("Tháng 4/2013, anh hiến xác và tháng 8 cùng năm, đăng ký hiến tạng.",
     [("Tháng 4/2013", "2013-04"), ("tháng 8 cùng năm", "2013-08")]),
    ("Công suất quý 1.2016 chỉ đạt 53%.", [("quý 1.2016", "2016-Q1")]),
    ("Từ giữa tháng 2-2016, báo mở chuyên mục mới.", [("giữa tháng 2-2016", "2016-02")]),
    ("Nadal tuyên bố một ngày trước khi bước vào trận đấu.", [("một ngày", "P1D")]),
    ("Các tháng sau, chị nhận được hóa đơn cao bất thường.", []),
    ("Tính từ đầu năm tới giờ, bộ phim dẫn đầu doanh thu.", []),
    ("Xe tăng tốc từ 0-100 km/h chỉ trong 2,8 giây.", []),
    ("Dự án mất 1,5 năm để hoàn thành.", [("1,5 năm", "P18M")]),
    ("Gia đình đang cúng xe đầu tháng 7 âm lịch theo phong tục.", [("đầu tháng 7 âm lịch", "2016-08-03/2016-08-31")]),
])
def test_vims_text(text, expected):
    assert [(m.text, m.value) for m in find(text, REF_2016)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Các trường hợp vi phạm đều được sở KH & CN tỉnh Sóc Trăng xử lý.", []),
    ("Quay trở lại việc 3/6 phiếu không tán thành chủ trương.", []),
    ("Chúc tất cả chúng ta có một năm mới tốt đẹp.", []),
    ("Năm 1857, con tàu chìm. 130 năm sau, Tommy tìm thấy nó.", [("Năm 1857", "1857"), ("130 năm sau", "1987")]),
    ("130 năm sau, Tommy tìm thấy con tàu.", [("130 năm sau", "XXXX")]),
])
def test_more_real_text(text, expected):
    assert tagged(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Thuyền viên các tàu Sông Hàn 1, Phú Quý 2, Hàn Giang 2 đã được cứu.", []),
    ("Ông ta thuê lao động 6 tháng trước và không biết gì về nhà thầu.", [("6 tháng trước", "2016-12")]),
    ("Những tháng đầu năm 1889, một người Âu xin mở nhà máy điện.", [("đầu năm 1889", "1889")]),
    ("Quý 2 năm nay, lợi nhuận tăng.", [("Quý 2 năm nay", "2017-Q2")]),
])
def test_names_counts_and_vague_periods(text, expected):
    assert tagged(text) == expected
