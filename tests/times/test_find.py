"""The public API: offsets into normalised text, unknown years, bad input, JSON."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest

from sukien.text import normalize
from sukien.times import find, mentions_to_json

VN = timezone(timedelta(hours=7))


def test_offsets_index_the_nfc_text():
    raw = unicodedata.normalize("NFD", "Hôm qua (11/1), Bộ trưởng\u200b đã phát biểu.")
    text = normalize(raw)
    mentions = find(raw, datetime(2023, 1, 12, tzinfo=VN))
    assert [text[m.start:m.end] for m in mentions] == ["Hôm qua", "11/1"]
    assert all(m.text == text[m.start:m.end] for m in mentions)


def test_no_reference_leaves_unknowns_as_x():
    found = [(m.text, m.value) for m in find("Ngày 11/1, năm ngoái và tháng trước, 9h30 sáng nay.", None)]
    assert found == [("Ngày 11/1", "XXXX-01-11"), ("năm ngoái", "XXXX"), ("tháng trước", "XXXX-XX"),
                     ("9h30 sáng nay", "XXXX-XX-XXT09:30")]


def test_explicit_years_need_no_reference():
    assert [m.value for m in find("Ngày 15/3/2024 và quý III/2023.")] == ["2024-03-15", "2023-Q3"]


def test_reference_is_taken_in_vietnam_time():
    # 23:30 UTC on 10 April is already 11 April in Hanoi
    late = datetime(2024, 4, 10, 23, 30, tzinfo=timezone.utc)
    assert find("Hôm nay, giá vàng tăng.", late)[0].value == "2024-04-11"
    assert find("Hôm nay, giá vàng tăng.", date(2024, 4, 10))[0].value == "2024-04-10"


@pytest.mark.parametrize("bad", [None, 42, "", "   ", "\x00\x01", "ngày 31/2", "ngày 99/99/9999", "tháng 13",
                                 "29 Tết" * 50, "(" * 1000, "Ngày 29/2, ", "thứ Hai tuần tới " * 30])
def test_bad_input_does_not_raise(bad):
    result = find(bad, datetime(2023, 3, 1, tzinfo=VN))
    assert isinstance(result, list)


def test_impossible_dates_are_not_invented():
    assert [m.value for m in find("Ngày 31/2, trời mưa.", datetime(2023, 3, 1, tzinfo=VN))] in ([], ["XXXX-02-31"])
    assert [m.value for m in find("Ngày 29/2, trời mưa.", datetime(2024, 3, 10, tzinfo=VN))] == ["2024-02-29"]


def test_mentions_to_json():
    mentions = find("Sáng nay (9/4), Thủ tướng đã tới Mỹ.", datetime(2024, 4, 9, 20, tzinfo=VN))
    assert mentions_to_json(mentions) == [
        {"start": 0, "end": 8, "text": "Sáng nay", "type": "TIME", "value": "2024-04-09TMO"},
        {"start": 10, "end": 13, "text": "9/4", "type": "DATE", "value": "2024-04-09"},
    ]


def test_dev_and_heldout_sets_stay_accurate():
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "bench" / "data" / "times"
    gold = found = 0
    for name in ("dev.jsonl", "dev2.jsonl", "dev3.jsonl", "heldout.jsonl", "real.jsonl"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            pred = {(m.start, m.end, m.value) for m in find(item["text"], datetime.fromisoformat(item["ref"]))}
            for g in item["mentions"]:
                gold += 1
                found += (g["start"], g["end"], g["value"]) in pred
    assert found / gold >= 0.95


def test_long_texts_keep_offsets_and_stay_fast():
    import time

    paragraph = "Ngày 10/4, ông đã đến Hà Nội lúc 8h sáng và ở lại 3 ngày. " * 12
    text = "\n".join([paragraph.strip()] * 25)
    ref = datetime(2024, 4, 12, tzinfo=VN)
    start = time.perf_counter()
    mentions = find(text, ref)
    elapsed = time.perf_counter() - start
    assert len(mentions) == 25 * 12 * 3
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert {m.value for m in mentions} == {"2024-04-10", "2024-04-10T08:00", "P3D"}
    assert elapsed < 2.0


def test_apposition_teaches_the_day_word_without_reference():
    text = "Hôm qua (11/1), hai bên đã họp. Cuộc họp 2+2 hôm qua ở Washington diễn ra chỉ 2 ngày trước chuyến thăm."
    assert [(m.text, m.value) for m in find(text, None)] == [
        ("Hôm qua", "XXXX-01-11"), ("11/1", "XXXX-01-11"), ("hôm qua", "XXXX-01-11")]


def test_ago_needs_no_following_noun():
    ref = datetime(2023, 1, 12, tzinfo=VN)
    assert [m.value for m in find("3 năm trước, ông đã nghỉ hưu.", ref)] == ["2020"]
    assert [m.value for m in find("Sáu tháng trước OPEC đồng thuận tăng sản lượng.", ref)] == ["2022-07"]
    assert find("Chỉ 10 ngày trước kỳ thi, đề đã bị lộ.", ref) == []
