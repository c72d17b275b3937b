import unicodedata

from sukien.text import fold_accents, match_key, normalize, normalize_tone_marks, search_key, syllables


def test_normalize_makes_nfc_and_strips_invisible_characters():
    decomposed = unicodedata.normalize("NFD", "Nhật Bản")
    text = normalize(decomposed + "\u200b\r\nHà\u00a0Nội\x07")
    assert text == "Nhật Bản\nHà Nội"
    assert unicodedata.is_normalized("NFC", text)


def test_tone_marks_are_put_in_one_place_only_in_open_syllables():
    assert normalize_tone_marks("hoà bình, thuỷ điện, khoẻ mạnh") == "hòa bình, thủy điện, khỏe mạnh"
    assert normalize_tone_marks("hoàng tuyển quý") == "hoàng tuyển quý"  # closed syllables and "qu" unchanged
    assert match_key("Hoà Bình") == match_key("Hòa bình")


def test_folding_for_search_keeps_length():
    assert fold_accents("Đà Nẵng, Nhật Bản") == "Da Nang, Nhat Ban"
    text = "Thủ tướng Nhật Bản hoà bình"
    assert len(search_key(text)) == len(text)
    assert search_key("Nhật bản") == search_key("nhat ban")


def test_syllables_keep_diacritics_and_numbers():
    assert syllables("Mỹ - Nhật Bản: 7.4 độ, 3,2 tỷ") == ["mỹ", "nhật", "bản", "7.4", "độ", "3,2", "tỷ"]


def test_normalize_fast_path_agrees_with_the_full_rules():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Thủ tướng Nhật Bản")
    cases = {
        "Thủ tướng Nhật Bản": "Thủ tướng Nhật Bản",  # nothing to do
        decomposed: "Thủ tướng Nhật Bản",  # NFC only
        "Hà\u00a0Nội  ngày\t11/1": "Hà Nội ngày 11/1",  # spaces of every kind collapse
        "Tin\u200b liên\ufeff quan\r\nHôm qua": "Tin liên quan\nHôm qua",
        "TP.HCM\x07 mưa": "TP.HCM mưa",
    }
    for raw, expected in cases.items():
        assert normalize(raw) == expected
