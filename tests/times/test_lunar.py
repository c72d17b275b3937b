"""The Vietnamese lunar calendar (Hồ Ngọc Đức's algorithm at UTC+7)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sukien.times import lunar


@pytest.mark.parametrize("year,expected", [(1985, date(1985, 1, 21)), (2024, date(2024, 2, 10)),
                                           (2025, date(2025, 1, 29)), (2023, date(2023, 1, 22)),
                                           (2007, date(2007, 2, 17)), (2030, date(2030, 2, 2))])
def test_tet(year, expected):
    assert lunar.tet(year) == expected


def test_vietnamese_and_chinese_calendars_differ():
    # China (UTC+8) celebrated the new year on 1985-02-20; Vietnam (UTC+7) on 1985-01-21
    assert lunar.solar_to_lunar(date(1985, 2, 20))[:2] != (1, 1)
    # the new moon of 2030-02-02 16:07 UTC falls on 2 February in Hanoi, 3 February in Beijing
    assert lunar.tet(2030) == date(2030, 2, 2)
    assert lunar.tet(2030) != lunar.lunar_to_solar(1, 1, 2030, tz=8.0)


def test_leap_month_of_2023():
    # 2023 had a leap second month (22 March - 19 April)
    assert lunar.solar_to_lunar(date(2023, 3, 22)) == (1, 2, 2023, True)
    assert lunar.lunar_to_solar(1, 2, 2023, leap=True) == date(2023, 3, 22)
    assert lunar.lunar_to_solar(1, 3, 2023) == date(2023, 4, 20)
    assert lunar.lunar_to_solar(1, 5, 2023, leap=True) is None


def test_round_trip_over_ten_years():
    d = date(2018, 1, 1)
    while d < date(2028, 1, 1):
        day, month, year, leap = lunar.solar_to_lunar(d)
        assert lunar.lunar_to_solar(day, month, year, leap) == d
        d += timedelta(days=3)


def test_festivals():
    assert lunar.lunar_to_solar(10, 3, 2024) == date(2024, 4, 18)  # Giỗ Tổ Hùng Vương
    assert lunar.lunar_to_solar(15, 8, 2024) == date(2024, 9, 17)  # Trung thu
    assert lunar.lunar_to_solar(23, 12, 2024) == date(2025, 1, 22)  # ông Công ông Táo
    assert lunar.lunar_month_length(12, 2023) == 30


def test_can_chi():
    assert lunar.can_chi_year("Giáp Thìn", 2024) == 2024
    assert lunar.can_chi_year("Ất Tỵ", 2020) == 2025
    assert lunar.can_chi_year("quý mão", 2030) == 2023
    assert lunar.can_chi_year("Giáp Sửu", 2024) is None  # no such pair
    assert lunar.can_chi_year("nonsense", 2024) is None
