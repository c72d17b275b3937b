"""parse_dateline reads the shapes Vietnamese sites print."""

from datetime import datetime, timedelta, timezone

import pytest

from sukien.clean import parse_dateline

ICT = timezone(timedelta(hours=7))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chủ Nhật, 12/07/2020 10:29 (GMT+7)", datetime(2020, 7, 12, 10, 29, tzinfo=ICT)),
        ("17:42 Ngày 04/06/2018", datetime(2018, 6, 4, 17, 42, tzinfo=ICT)),
        ("Thứ hai, 3/4/2024 - 09:15", datetime(2024, 4, 3, 9, 15, tzinfo=ICT)),
        ("03/08/2025 16:05", datetime(2025, 8, 3, 16, 5, tzinfo=ICT)),
        ("12:30 PM 05/06/2024", datetime(2024, 6, 5, 12, 30, tzinfo=ICT)),
        ("05-06-2024 - 9:19 CH", datetime(2024, 6, 5, 21, 19, tzinfo=ICT)),
        ("12/07/202010:29", datetime(2020, 7, 12, 10, 29, tzinfo=ICT)),
        ("2024-04-10T08:15:00+07:00", datetime(2024, 4, 10, 8, 15, tzinfo=ICT)),
        ("2024-04-10T01:15:00Z", datetime(2024, 4, 10, 8, 15, tzinfo=ICT)),
        ("Thứ Tư, ngày 10 tháng 4 năm 2024 08:15", datetime(2024, 4, 10, 8, 15, tzinfo=ICT)),
        ("Cập nhật: 10.04.2024 | 08h15", datetime(2024, 4, 10, 8, 15, tzinfo=ICT)),
        ("12:05 SA 1/1/2024", datetime(2024, 1, 1, 0, 5, tzinfo=ICT)),
        ("10/04/2024 08:15 GMT+9", datetime(2024, 4, 10, 8, 15, tzinfo=timezone(timedelta(hours=9)))),
        ("THỨ NĂM, 11/01/2024 13:28 (GMT+7)", datetime(2024, 1, 11, 13, 28, tzinfo=ICT)),
        ("Thứ bảy, 12/7/2020", datetime(2020, 7, 12, 0, 0, tzinfo=ICT)),
        ("24 Tháng Ba, 2024 | 19:10", datetime(2024, 3, 24, 19, 10, tzinfo=ICT)),
        ("ngày 5 tháng Giêng năm 2024", datetime(2024, 1, 5, 0, 0, tzinfo=ICT)),
    ],
)
def test_shapes(text, expected):
    value = parse_dateline(text)
    assert value == expected
    assert value.utcoffset() is not None


def test_no_zone_means_vietnam_time():
    value = parse_dateline("03/08/2025 16:05")
    assert value.utcoffset() == timedelta(hours=7)
    assert str(value.tzinfo) in ("Asia/Ho_Chi_Minh", "ICT")


@pytest.mark.parametrize("text", ["9:19 CH", "", "Ngày 35/13/2020", "Sáng 11/1", "không có ngày", None, "31/02/2024 10:00"])
def test_no_date_gives_none(text):
    assert parse_dateline(text) is None
