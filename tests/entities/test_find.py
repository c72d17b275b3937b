"""Recognition on real sentences: types, spans, splits at title and country boundaries."""

from __future__ import annotations

import pytest

from sukien.entities import find, recognise


def spans(text):
    return {(s.text, s.type) for s in recognise(text)}


def test_title_country_name_is_split():
    text = "Tổng thống Mỹ Donald Trump gặp Thủ tướng Nhật Bản Shinzo Abe tại Washington."
    got = recognise(text)
    assert ("Mỹ", "LOC") in {(s.text, s.type) for s in got}
    assert ("Donald Trump", "PER") in {(s.text, s.type) for s in got}
    assert ("Nhật Bản", "LOC") in {(s.text, s.type) for s in got}
    assert ("Shinzo Abe", "PER") in {(s.text, s.type) for s in got}
    assert not any("Mỹ Donald" in s.text or "Bản Shinzo" in s.text for s in got)
    for s in got:
        assert text[s.start:s.end] == s.text


def test_minister_portfolio_and_country_are_not_part_of_the_name():
    got = spans("Bộ trưởng Quốc phòng Mỹ Lloyd Austin và Ngoại trưởng Mỹ Antony Blinken tới Tokyo.")
    assert ("Lloyd Austin", "PER") in got
    assert ("Antony Blinken", "PER") in got
    assert ("Tokyo", "LOC") in got
    assert not any(text.startswith("Quốc phòng") for text, _ in got)


def test_phoner_style_locations_keep_the_administrative_word():
    got = spans("Bệnh nhân 812, nam, 62 tuổi, trú tại quận Bắc Từ Liêm, Hà Nội, đi du lịch Đà Nẵng.")
    assert ("quận Bắc Từ Liêm", "LOC") in got
    assert ("Hà Nội", "LOC") in got
    assert ("Đà Nẵng", "LOC") in got


def test_organisations():
    got = spans("Bộ Y tế và Tổ chức Y tế Thế giới (WHO) đã họp với Liên Hợp Quốc tại Geneva.")
    assert ("Bộ Y tế", "ORG") in got
    assert ("WHO", "ORG") in got
    assert ("Liên Hợp Quốc", "ORG") in got


def test_names_after_honorifics_are_people():
    got = spans("Ông Lê Nhật Trường, chủ tịch công đoàn, cho biết. Theo ông Trường, các công nhân đã "
                "được hỗ trợ. Bà Nguyễn Thị Lan bị thương. Để hưởng tiền, Thành đã mua vé. "
                "Các đối tượng là Hà Quý Thành (SN 1990) và Phạm Tiến Bằng (SN 1991).")
    assert ("Lê Nhật Trường", "PER") in got
    assert ("Trường", "PER") in got  # a short form of a person named in full in the same text
    assert ("Nguyễn Thị Lan", "PER") in got
    assert ("Hà Quý Thành", "PER") in got and ("Phạm Tiến Bằng", "PER") in got
    assert ("Thành", "PER") in got


def test_title_words_inside_place_names_are_not_titles():
    got = spans("Ông về quê ở Bà Rịa - Vũng Tàu rồi lên quận Hai Bà Trưng, Hà Nội.")
    assert not any(t == "PER" for _, t in got)


def test_hyphenated_country_pair_is_two_places():
    got = spans("Liên minh Mỹ-Nhật được củng cố.")
    assert ("Mỹ", "LOC") in got and ("Nhật", "LOC") in got


@pytest.mark.parametrize("bad", ["", "   ", "\n\n", "\x00\x01", "....!!!???", "12/3 10:30 1.000.000",
                                 "🙂🙂 ĐẠI HỘI", "a" * 5000, "Ông", "TP.", "(", "- - -", None, 123])
def test_odd_input_never_raises(bad):
    mentions, entities = find(bad)
    assert isinstance(mentions, list) and isinstance(entities, list)
    ids = {e.id for e in entities}
    assert all(m.entity_id in ids for m in mentions)


def test_mentions_point_into_the_text():
    text = "Ngày 10/4, Tổng thống Mỹ Joe Biden tiếp Thủ tướng Nhật Bản Kishida Fumio tại Nhà Trắng."
    mentions, entities = find(text)
    assert mentions
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.type in ("PER", "LOC", "ORG")
