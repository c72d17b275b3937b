"""The dateline check is generic: it flags contradictions and leaves consistent stories alone."""

from datetime import datetime, timedelta, timezone

from sukien.clean.sanity import dateline_warnings

ICT = timezone(timedelta(hours=7))
DATED = datetime(2024, 4, 11, 9, 0, tzinfo=ICT)


def test_consistent_relative_day():
    assert dateline_warnings(DATED, "Hôm qua (10/4), hai nhà lãnh đạo đã hội đàm tại Washington.") == []
    assert dateline_warnings(DATED, "Sáng nay (11/4), Quốc hội khai mạc kỳ họp.") == []


def test_contradicting_relative_day():
    warnings = dateline_warnings(DATED, "Hôm qua (3/1), hai nhà lãnh đạo đã hội đàm.")
    assert len(warnings) == 1 and "Hôm qua (3/1)" in warnings[0]


def test_later_date_spoken_of_as_past():
    warnings = dateline_warnings(DATED, "Ông nhậm chức kể từ tháng 5/2025 và đã có nhiều thay đổi.")
    assert len(warnings) == 1 and "tháng 5/2025" in warnings[0]


def test_plans_for_later_years_are_fine():
    text = (
        "Trung Quốc đặt mục tiêu đuổi kịp kinh tế Mỹ vào năm 2035. "
        "Dự án dự kiến hoàn thành vào tháng 12 năm 2026. Hai nước sẽ tăng chi tiêu đến năm 2030."
    )
    assert dateline_warnings(DATED, text) == []


def test_no_dateline_no_warning():
    assert dateline_warnings(None, "Hôm qua (3/1), hai nhà lãnh đạo đã hội đàm.") == []
