"""Every example of specs/times.md, as a test: spans, types and values exactly as written there."""

from __future__ import annotations

from datetime import datetime

import pytest

from sukien.times import find


def tagged(text: str, ref: str | None) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.value) for m in find(text, datetime.fromisoformat(ref) if ref else None)]


R = "T09:00:00+07:00"

EXAMPLES = [
    # the JSON example
    ("Hôm qua (11/1), người phát ngôn Bộ Ngoại giao cho biết.", "2023-01-12T18:00:00+07:00",
     [("Hôm qua", "DATE", "2023-01-11"), ("11/1", "DATE", "2023-01-11")]),
    # span: head nouns and modifiers in, prepositions and focus words out
    ("Đoàn sẽ tới vào lúc 14h ngày 5/6.", "2024-06-01" + R, [("14h ngày 5/6", "TIME", "2024-06-05T14:00")]),
    ("Nhật Bản sẽ tăng chi tiêu quốc phòng trong vòng 5 năm.", "2024-06-01" + R, [("5 năm", "DURATION", "P5Y")]),
    ("Nhân dịp Quốc khánh 2/9, nhiều tuyến phố treo cờ.", "2024-08-30" + R, [("Quốc khánh 2/9", "DATE", "2024-09-02")]),
    ("Khoảng 5h sáng 22/6, đoàn tàu đã tới ga.", "2024-06-23" + R, [("Khoảng 5h sáng 22/6", "TIME", "2024-06-22T05:00")]),
    ("Giá xăng tháng 9 vừa qua giảm mạnh.", "2024-10-02" + R, [("tháng 9 vừa qua", "DATE", "2024-09")]),
    ("Sáng 10/4, hội nghị khai mạc. Cùng ngày, Bộ Tài chính công bố số liệu.", "2024-04-11" + R,
     [("Sáng 10/4", "TIME", "2024-04-10TMO"), ("Cùng ngày", "DATE", "2024-04-10")]),
    # DATE values
    ("Tuần 21 năm 2024, số ca mắc tăng.", "2024-06-01" + R, [("Tuần 21 năm 2024", "DATE", "2024-W21")]),
    ("Cuối tuần qua, giá lợn hơi tăng.", "2024-05-29" + R, [("Cuối tuần qua", "DATE", "2024-W21-WE")]),
    ("Mùa hè năm nay, nhiều bãi biển đông khách.", "2024-06-01" + R, [("Mùa hè năm nay", "DATE", "2024-SU")]),
    ("Trong thập niên 1990, kinh tế tăng trưởng nhanh.", "2024-06-01" + R, [("thập niên 1990", "DATE", "199X")]),
    ("Những năm 1960, khu phố này còn là cánh đồng.", "2024-06-01" + R, [("Những năm 1960", "DATE", "196X")]),
    ("Ngôi chùa được xây vào thế kỷ XVII.", "2024-06-01" + R, [("thế kỷ XVII", "DATE", "16")]),
    ("Đây là thách thức của thế kỷ 21.", "2024-06-01" + R, [("thế kỷ 21", "DATE", "20")]),
    # TIME values and parts of day
    ("Sáng nay, trời rét đậm.", "2024-01-10" + R, [("Sáng nay", "TIME", "2024-01-10TMO")]),
    ("Rạng sáng nay, động đất đã xảy ra.", "2024-01-10" + R, [("Rạng sáng nay", "TIME", "2024-01-10TMO")]),
    ("Trưa nay, nhiệt độ lên 38 độ C.", "2024-06-10" + R, [("Trưa nay", "TIME", "2024-06-10TMI")]),
    ("Chiều mai, đội tuyển sẽ tập luyện.", "2024-06-10" + R, [("Chiều mai", "TIME", "2024-06-11TAF")]),
    ("Tối qua, mưa lớn đã gây ngập.", "2024-06-10" + R, [("Tối qua", "TIME", "2024-06-09TEV")]),
    ("Đêm qua, lốc xoáy đã quét qua huyện.", "2024-06-10" + R, [("Đêm qua", "TIME", "2024-06-09TNI")]),
    ("Đêm giao thừa, Hà Nội sẽ bắn pháo hoa.", "2024-01-25" + R, [("Đêm giao thừa", "TIME", "2024-02-09TNI")]),
    ("Đoàn tàu sẽ tới ga lúc 5h sáng 22/6.", "2024-06-21" + R, [("5h sáng 22/6", "TIME", "2024-06-22T05:00")]),
    ("Lệnh cấm có hiệu lực từ 0h ngày mai.", "2024-06-21" + R, [("0h ngày mai", "TIME", "2024-06-22T00:00")]),
    ("Vụ việc xảy ra lúc 22 giờ 30 ngày 22/6.", "2024-06-23" + R, [("22 giờ 30 ngày 22/6", "TIME", "2024-06-22T22:30")]),
    # DURATION values
    ("Dự án đã chậm 36 tháng.", "2024-06-01" + R, [("36 tháng", "DURATION", "P36M")]),
    ("Bệnh nhân được cách ly 2 tuần.", "2024-06-01" + R, [("2 tuần", "DURATION", "P2W")]),
    ("Lễ hội kéo dài 3 ngày.", "2024-06-01" + R, [("3 ngày", "DURATION", "P3D")]),
    ("Cuộc họp kéo dài 2 giờ đồng hồ.", "2024-06-01" + R, [("2 giờ", "DURATION", "PT2H")]),
    ("Chỉ sau 30 phút, đám cháy được dập tắt.", "2024-06-01" + R, [("30 phút", "DURATION", "PT30M")]),
    ("Liên minh trong hơn 7 thập kỷ qua là nền tảng của hòa bình.", "2023-01-12" + R,
     [("hơn 7 thập kỷ qua", "DURATION", "P70Y")]),
    ("Sau nửa năm thi công, cây cầu hợp long.", "2024-06-01" + R, [("nửa năm", "DURATION", "P6M")]),
    ("Chiến dịch kéo dài 56 ngày đêm.", "2024-06-01" + R, [("56 ngày đêm", "DURATION", "P56D")]),
    ("Bị cáo bị tuyên phạt 7 năm tù.", "2024-06-01" + R, [("7 năm", "DURATION", "P7Y")]),
    ("9 tháng qua, ngành hàng không vận chuyển 60 triệu lượt khách.", "2024-10-05" + R, [("9 tháng qua", "DURATION", "P9M")]),
    ("Trong 24 giờ qua, cả nước ghi nhận 120 ca mắc.", "2024-10-05" + R, [("24 giờ qua", "DURATION", "PT24H")]),
    # SET values
    ("Hằng năm, lễ hội thu hút hàng vạn du khách.", "2024-06-01" + R, [("Hằng năm", "SET", "P1Y")]),
    ("Mỗi năm, Việt Nam đón 18 triệu khách.", "2024-06-01" + R, [("Mỗi năm", "SET", "P1Y")]),
    ("Hãng bay khai thác 4 chuyến mỗi tuần.", "2024-06-01" + R, [("mỗi tuần", "SET", "P1W")]),
    ("Mỗi ngày, bệnh viện tiếp nhận hàng nghìn lượt khám.", "2024-06-01" + R, [("Mỗi ngày", "SET", "P1D")]),
    ("Hằng tháng, hộ nghèo được hỗ trợ tiền điện.", "2024-06-01" + R, [("Hằng tháng", "SET", "P1M")]),
    ("Đại hội được tổ chức 2 năm một lần.", "2024-06-01" + R, [("2 năm một lần", "SET", "P2Y")]),
    ("Câu lạc bộ sinh hoạt vào sáng thứ Bảy hằng tuần.", "2024-06-01" + R,
     [("sáng thứ Bảy hằng tuần", "SET", "XXXX-WXX-6TMO")]),
    ("Người dân được khám miễn phí vào ngày 15 hằng tháng.", "2024-06-01" + R, [("ngày 15 hằng tháng", "SET", "XXXX-XX-15")]),
    ("Ngày 27/7 hằng năm, cả nước tưởng nhớ các anh hùng liệt sĩ.", "2024-06-01" + R,
     [("Ngày 27/7 hằng năm", "SET", "XXXX-07-27")]),
    # a year that cannot be recovered
    ("Ông nhớ mãi ngày 11/1 năm ấy.", "2024-06-01" + R, [("ngày 11/1 năm ấy", "DATE", "XXXX-01-11")]),
    # resolution by tense
    ("Ngày 28/12, công an đã bắt giữ 3 đối tượng.", "2024-01-03" + R, [("Ngày 28/12", "DATE", "2023-12-28")]),
    ("Trận động đất đã xảy ra vào sáng 3/4.", "2024-04-03" + R, [("sáng 3/4", "TIME", "2024-04-03TMO")]),
    ("Hội nghị sẽ khai mạc vào ngày 20/12.", "2023-11-30" + R, [("ngày 20/12", "DATE", "2023-12-20")]),
    ("Kỳ thi dự kiến tổ chức ngày 5/1.", "2025-12-30" + R, [("ngày 5/1", "DATE", "2026-01-05")]),
    ("Ngày 28-12, công an đã bắt giữ 3 đối tượng.", "2024-01-03" + R, [("Ngày 28-12", "DATE", "2023-12-28")]),
    ("Ngày 28.12, công an đã bắt giữ 3 đối tượng.", "2024-01-03" + R, [("Ngày 28.12", "DATE", "2023-12-28")]),
    ("Hôm kia, hai bên đã điện đàm.", "2024-04-10" + R, [("Hôm kia", "DATE", "2024-04-08")]),
    ("Hôm nay, giá vàng tăng mạnh.", "2024-04-10" + R, [("Hôm nay", "DATE", "2024-04-10")]),
    ("Ngày mai, Bộ sẽ công bố phương án thi.", "2024-04-10" + R, [("Ngày mai", "DATE", "2024-04-11")]),
    ("Ngày kia, phái đoàn sẽ lên đường.", "2024-04-10" + R, [("Ngày kia", "DATE", "2024-04-12")]),
    # weekdays (2024-04-10 is a Wednesday)
    ("Thứ Năm tuần trước, giá xăng đã giảm.", "2024-04-10" + R, [("Thứ Năm tuần trước", "DATE", "2024-04-04")]),
    ("Thứ Sáu tuần này, Quốc hội sẽ biểu quyết.", "2024-04-10" + R, [("Thứ Sáu tuần này", "DATE", "2024-04-12")]),
    ("Thứ Hai tuần sau, học sinh sẽ đi học lại.", "2024-04-10" + R, [("Thứ Hai tuần sau", "DATE", "2024-04-15")]),
    ("Thứ Ba tuần tới, đoàn sẽ làm việc tại Lào Cai.", "2024-04-10" + R, [("Thứ Ba tuần tới", "DATE", "2024-04-16")]),
    ("Cuộc gặp sẽ diễn ra vào thứ Hai tới.", "2024-04-10" + R, [("thứ Hai tới", "DATE", "2024-04-15")]),
    ("Hôm thứ Hai, ông Austin đã gặp người đồng cấp.", "2024-04-10" + R, [("thứ Hai", "DATE", "2024-04-08")]),
    # years, months, quarters, weeks relative to ref
    ("Năm ngoái, xuất khẩu gạo đạt kỷ lục.", "2024-04-10" + R, [("Năm ngoái", "DATE", "2023")]),
    ("Năm nay, ngành du lịch đặt mục tiêu lớn.", "2024-04-10" + R, [("Năm nay", "DATE", "2024")]),
    ("Năm tới, dự án sẽ vận hành.", "2024-04-10" + R, [("Năm tới", "DATE", "2025")]),
    ("Năm sau, dự án sẽ vận hành.", "2024-04-10" + R, [("Năm sau", "DATE", "2025")]),
    ("Năm kia, dịch bệnh bùng phát.", "2024-04-10" + R, [("Năm kia", "DATE", "2022")]),
    ("Tháng trước, xuất khẩu gạo đạt 900.000 tấn.", "2024-04-10" + R, [("Tháng trước", "DATE", "2024-03")]),
    ("Tháng này, giá gas giảm.", "2024-04-10" + R, [("Tháng này", "DATE", "2024-04")]),
    ("Giá điện có thể tăng vào tháng tới.", "2024-04-10" + R, [("tháng tới", "DATE", "2024-05")]),
    ("Lợi nhuận quý trước giảm 12%.", "2024-04-10" + R, [("quý trước", "DATE", "2024-Q1")]),
    ("Doanh thu quý tới dự kiến tăng.", "2024-04-10" + R, [("quý tới", "DATE", "2024-Q3")]),
    ("Tuần trước, ngân hàng đã bơm ròng 10.000 tỷ đồng.", "2024-04-10" + R, [("Tuần trước", "DATE", "2024-W14")]),
    ("Tuần này, miền Bắc chuyển lạnh.", "2024-04-10" + R, [("Tuần này", "DATE", "2024-W15")]),
    ("Tuần tới, Quốc hội sẽ họp.", "2024-04-10" + R, [("Tuần tới", "DATE", "2024-W16")]),
    ("Từ đầu năm, giá vàng đã tăng 20%.", "2024-04-10" + R, [("đầu năm", "DATE", "2024")]),
    ("Đến cuối năm, dự án sẽ hoàn thành.", "2024-04-10" + R, [("cuối năm", "DATE", "2024")]),
    ("Đầu tháng, nhiều tỉnh ghi nhận nắng nóng.", "2024-04-10" + R, [("Đầu tháng", "DATE", "2024-04")]),
    # anaphora against the narrative anchor
    ("Tháng 10 năm 2021, chỉ số giá giảm 0,2% so với tháng trước.", "2021-12-05" + R,
     [("Tháng 10 năm 2021", "DATE", "2021-10"), ("tháng trước", "DATE", "2021-09")]),
    ("GDP quý III/2023 tăng 5,33%, cao hơn quý trước.", "2023-10-29" + R,
     [("quý III/2023", "DATE", "2023-Q3"), ("quý trước", "DATE", "2023-Q2")]),
    ("6 tháng đầu năm 2024, doanh thu tăng 12% so với cùng kỳ năm ngoái.", "2024-07-05" + R,
     [("6 tháng đầu năm 2024", "DATE", "2024-H1"), ("cùng kỳ năm ngoái", "DATE", "2023-H1")]),
    ("6 tháng đầu năm 2024, doanh thu tăng 12% so với cùng kỳ năm trước.", "2024-07-05" + R,
     [("6 tháng đầu năm 2024", "DATE", "2024-H1"), ("cùng kỳ năm trước", "DATE", "2023-H1")]),
    ("Quý I năm 2024, lượng khách tăng 72% so với cùng kỳ năm 2021.", "2024-04-05" + R,
     [("Quý I năm 2024", "DATE", "2024-Q1"), ("cùng kỳ năm 2021", "DATE", "2021-Q1")]),
    ("Ngày 30/10, Bộ Y tế đã gửi văn bản. Hôm sau, 15 tỉnh đã báo cáo.", "2024-11-02" + R,
     [("Ngày 30/10", "DATE", "2024-10-30"), ("Hôm sau", "DATE", "2024-10-31")]),
    ("Ngày 2/4, hai bên ký biên bản ghi nhớ. Một tuần sau đó, dự án khởi động.", "2024-04-12" + R,
     [("Ngày 2/4", "DATE", "2024-04-02"), ("Một tuần sau đó", "DATE", "2024-04-09")]),
    ("Ngày 8/4, nạn nhân được đưa vào viện. Đến 15h, bệnh nhân đã qua cơn nguy kịch.", "2024-04-12" + R,
     [("Ngày 8/4", "DATE", "2024-04-08"), ("15h", "TIME", "2024-04-08T15:00")]),
    # ago
    ("Cách đây 50 năm, cây cầu được khánh thành.", "2024-04-12" + R, [("Cách đây 50 năm", "DATE", "1974")]),
    ("3 năm trước, ông đã nghỉ hưu.", "2024-04-12" + R, [("3 năm trước", "DATE", "2021")]),
    ("3 tháng trước, công ty đã cắt giảm nhân sự.", "2024-04-12" + R, [("3 tháng trước", "DATE", "2024-01")]),
    ("10 ngày trước, ông đã nhập viện.", "2024-04-12" + R, [("10 ngày trước", "DATE", "2024-04-02")]),
    # periods of the year
    ("6 tháng đầu năm, giải ngân tăng.", "2024-07-05" + R, [("6 tháng đầu năm", "DATE", "2024-H1")]),
    ("6 tháng cuối năm, giải ngân tăng.", "2024-07-05" + R, [("6 tháng cuối năm", "DATE", "2024-H2")]),
    ("3 tháng đầu năm, cả nước xuất siêu.", "2024-04-02" + R, [("3 tháng đầu năm", "DATE", "2024-Q1")]),
    ("9 tháng đầu năm 2024, thu ngân sách đạt 85%.", "2024-10-06" + R, [("9 tháng đầu năm 2024", "DATE", "2024-01/2024-09")]),
    ("11 tháng năm 2023, vốn FDI đạt 20 tỷ USD.", "2023-12-06" + R, [("11 tháng năm 2023", "DATE", "2023-01/2023-11")]),
    # ranges are one mention
    ("Lễ hội sẽ diễn ra từ ngày 24/7 đến hết ngày 31/7.", "2024-07-20" + R,
     [("ngày 24/7 đến hết ngày 31/7", "DATE", "2024-07-24/2024-07-31")]),
    ("Giai đoạn 2021-2025, tỉnh tăng trưởng 7%/năm.", "2024-07-20" + R, [("2021-2025", "DATE", "2021/2025")]),
    ("Dự án sẽ triển khai từ tháng 3 đến tháng 5/2025.", "2024-07-20" + R,
     [("tháng 3 đến tháng 5/2025", "DATE", "2025-03/2025-05")]),
    ("Hội thảo diễn ra từ 8h đến 11h ngày 21/9.", "2024-09-20" + R,
     [("8h đến 11h ngày 21/9", "TIME", "2024-09-21T08:00/2024-09-21T11:00")]),
    ("Triển lãm mở cửa từ ngày 1/7 đến 15/7/2023.", "2023-06-20" + R,
     [("ngày 1/7 đến 15/7/2023", "DATE", "2023-07-01/2023-07-15")]),
    ("Dịp nghỉ lễ 30/4 - 1/5 năm nay kéo dài 5 ngày.", "2024-04-20" + R,
     [("30/4 - 1/5 năm nay", "DATE", "2024-04-30/2024-05-01"), ("5 ngày", "DURATION", "P5D")]),
    # appositions are separate mentions
    ("Sáng nay (9/4), Thủ tướng đã tới Mỹ.", "2024-04-09T20:00:00+07:00",
     [("Sáng nay", "TIME", "2024-04-09TMO"), ("9/4", "DATE", "2024-04-09")]),
    ("Thứ Tư, 6/12, ngân hàng đã giữ nguyên lãi suất.", "2023-12-07" + R,
     [("Thứ Tư", "DATE", "2023-12-06"), ("6/12", "DATE", "2023-12-06")]),
    ("Hôm nay (24/2), tức Rằm tháng Giêng, người dân đổ về chùa.", "2024-02-24T10:00:00+07:00",
     [("Hôm nay", "DATE", "2024-02-24"), ("24/2", "DATE", "2024-02-24"), ("Rằm tháng Giêng", "DATE", "2024-02-24")]),
    # lunar dates
    ("Tết Nguyên đán 2024, người lao động được nghỉ 7 ngày.", "2024-01-15" + R,
     [("Tết Nguyên đán 2024", "DATE", "2024-02-10"), ("7 ngày", "DURATION", "P7D")]),
    ("Tết 2024, giá hoa tăng mạnh.", "2024-01-15" + R, [("Tết 2024", "DATE", "2024-02-10")]),
    ("Tết Giáp Thìn, thị trường hoa sôi động.", "2024-01-15" + R, [("Tết Giáp Thìn", "DATE", "2024-02-10")]),
    ("Mùng 1 Tết, Chủ tịch nước sẽ chúc Tết.", "2025-01-20" + R, [("Mùng 1 Tết", "DATE", "2025-01-29")]),
    ("Đến mùng 4 Tết, các chợ đã mở cửa.", "2025-01-20" + R, [("mùng 4 Tết", "DATE", "2025-02-01")]),
    ("29 Tết, đường phố bắt đầu vắng vẻ.", "2024-02-08" + R, [("29 Tết", "DATE", "2024-02-08")]),
    ("Lễ hội đền Hùng sẽ khai mạc vào ngày 10/3 âm lịch.", "2024-04-01" + R, [("ngày 10/3 âm lịch", "DATE", "2024-04-18")]),
    ("Giỗ Tổ Hùng Vương năm nay, người lao động được nghỉ 1 ngày.", "2023-04-20" + R,
     [("Giỗ Tổ Hùng Vương năm nay", "DATE", "2023-04-29"), ("1 ngày", "DURATION", "P1D")]),
    ("Tết Đoan ngọ năm nay, nhiều gia đình chuẩn bị rượu nếp.", "2024-06-05" + R,
     [("Tết Đoan ngọ năm nay", "DATE", "2024-06-10")]),
    ("Tết Trung thu, các cháu được tặng quà.", "2023-09-20" + R, [("Tết Trung thu", "DATE", "2023-09-29")]),
    ("Từ 23 tháng Chạp, các chợ đã đông đúc.", "2024-01-30" + R, [("23 tháng Chạp", "DATE", "2024-02-02")]),
    ("Lễ hội sẽ khai mạc vào mùng 6 tháng Giêng.", "2024-01-20" + R, [("mùng 6 tháng Giêng", "DATE", "2024-02-15")]),
    # tháng Giêng / tháng Chạp: lunar in a festival context, solar in statistics
    ("Các lễ hội trong tháng Giêng năm nay đã được chuẩn bị chu đáo.", "2024-02-10" + R,
     [("tháng Giêng năm nay", "DATE", "2024-02-10/2024-03-09")]),
    ("Những ngày cuối tháng Chạp, chợ hoa đã tấp nập.", "2024-01-28" + R,
     [("cuối tháng Chạp", "DATE", "2024-01-11/2024-02-09")]),
    ("Kim ngạch xuất khẩu tháng Giêng năm 2024 đạt 33 tỷ USD.", "2024-03-04" + R,
     [("tháng Giêng năm 2024", "DATE", "2024-01")]),
    ("Tháng Giêng năm nay, lượng khách quốc tế đạt 1,5 triệu lượt.", "2024-02-28" + R,
     [("Tháng Giêng năm nay", "DATE", "2024-01")]),
    # holidays
    ("Quốc khánh 2/9 năm nay, người lao động được nghỉ 4 ngày.", "2024-08-25" + R,
     [("Quốc khánh 2/9 năm nay", "DATE", "2024-09-02"), ("4 ngày", "DURATION", "P4D")]),
    ("Giáng sinh năm nay, các trung tâm thương mại trang hoàng lộng lẫy.", "2024-12-10" + R,
     [("Giáng sinh năm nay", "DATE", "2024-12-25")]),
    ("Tết Dương lịch 2024, người lao động được nghỉ 3 ngày.", "2023-12-20" + R,
     [("Tết Dương lịch 2024", "DATE", "2024-01-01"), ("3 ngày", "DURATION", "P3D")]),
    ("Nhân Ngày Nhà giáo Việt Nam 20/11, Bộ trưởng gửi thư chúc mừng.", "2024-11-19" + R,
     [("Ngày Nhà giáo Việt Nam 20/11", "DATE", "2024-11-20")]),
    ("Ngày lễ tình nhân, giá hoa hồng tăng gấp đôi.", "2024-02-10" + R, [("Ngày lễ tình nhân", "DATE", "2024-02-14")]),
    ("Đêm Giáng sinh, các nhà thờ sẽ tổ chức thánh lễ.", "2024-12-10" + R, [("Đêm Giáng sinh", "TIME", "2024-12-24TNI")]),
    ("Nhiều tour du lịch giảm giá dịp 30/4.", "2024-04-20" + R, [("30/4", "DATE", "2024-04-30")]),
    # time zones: wall-clock kept, the Vietnam time is its own mention
    ("Ngày 10/4 (theo giờ địa phương), hai nhà lãnh đạo đã hội đàm.", "2024-04-11" + R, [("Ngày 10/4", "DATE", "2024-04-10")]),
    ("Cuộc gặp bắt đầu lúc 10h sáng 11/1 (giờ Washington).", "2023-01-12" + R,
     [("10h sáng 11/1", "TIME", "2023-01-11T10:00")]),
    ("Lễ khai mạc bắt đầu lúc 19h30 ngày 26/7 giờ Paris, tức 0h30 ngày 27/7 giờ Việt Nam.", "2024-07-27" + R,
     [("19h30 ngày 26/7", "TIME", "2024-07-26T19:30"), ("0h30 ngày 27/7", "TIME", "2024-07-27T00:30")]),
    # birth years; ages are not tagged
    ("Nguyễn Văn H. (SN 1994, trú tại Hoàng Mai) bị bắt giữ.", "2024-03-02" + R, [("1994", "DATE", "1994")]),
    ("Bà Lan, sinh năm 1987, là giáo viên.", "2024-03-02" + R, [("năm 1987", "DATE", "1987")]),
    ("Ông Tám, 56 tuổi, là ngư dân.", "2024-03-02" + R, []),
]

DISTRACTORS = [
    "Việt Nam từng dự vòng loại World Cup 2022 và EURO 2024 được truyền hình trực tiếp.",
    "Olympic Paris 2024, SEA Games 31 và ASIAD 19 là các kỳ đại hội lớn.",
    "Xe mang biển số VN18 đã tới nơi.",
    "Theo Nghị định 168/2024/NĐ-CP và Thông tư 30/2018/TT-BYT, mức phạt tăng.",
    "Chiến thắng Cách mạng tháng Tám mở ra kỷ nguyên mới.",
    "Cửa hàng nằm trên đường 3/2, gần số 10/4 đường Lê Lợi và số 24/7 phố Huế.",
    "Đội nhà thắng 2-1 ở lượt đi và 3-0 ở lượt về.",
    "Khoảng 3/4 số hộ, 2/3 số xã và 12/15 huyện đạt chuẩn.",
    "Người dùng nên cập nhật iOS 17.0.1 ngay.",
    "Doanh thu đạt 3,2 tỷ đồng, tăng 2%, biên lợi nhuận 6-6,5%.",
    "Lãi suất tiết kiệm ở mức 4%/năm.",
    "Tàu ở tọa độ 12.5 độ vĩ Bắc, 109.3 độ kinh Đông; gọi 0912.345.678.",
    "Hội nghị Đối thoại 2+2 đã diễn ra thành công.",
    "Đội bóng chơi với sơ đồ 3-4-3.",
    "Trung tâm làm việc 24/7.",
    "Ông đã hoàn thành tốt nhiệm kỳ của mình.",
    "Hiện nay, đến nay vẫn chưa có kết luận, nay ông vừa về hưu.",
    "Từ trước đến nay, chưa có trường hợp tương tự.",
    "Năm học mới bắt đầu với nhiều thay đổi.",
    "Vào ngày thường, quán đông khách hơn ngày làm việc.",
    "Tuần phim Hàn Quốc, ngày hội đọc sách và đêm nhạc Trịnh thu hút đông người.",
]


@pytest.mark.parametrize("text,ref,expected", EXAMPLES, ids=[e[0][:40] for e in EXAMPLES])
def test_spec_example(text, ref, expected):
    assert tagged(text, ref) == expected


@pytest.mark.parametrize("text", DISTRACTORS)
def test_distractors_are_not_tagged(text):
    assert tagged(text, "2024-06-01" + R) == []
