"""Legacy Vietnamese encodings are detected, converted and reported; binary input is refused."""

import unicodedata

import pytest

from sukien.clean import clean_text
from sukien.text import legacy

TEXT = (
    "Việt Nam công bố kế hoạch củng cố liên minh với các đối tác trong khu vực. "
    "Thủ tướng Nhật Bản thăm Mỹ, hai nước nhất trí tăng cường hợp tác quốc phòng. "
    "Người dân đã ở đây từ lâu, nhưng chưa có điều kiện để phát triển kinh tế."
)

# Encoders written independently of the decoder tables, from the published charts.
VNI_MARKS = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_CIRC = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> str:
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        tone = next((m for m in marks if m in VNI_MARKS), "")
        shape = next((m for m in marks if m in "\u0302\u0306\u031b"), "")
        lower = base.lower()
        if lower == "đ" or ch in "đĐ":
            piece = "ñ"
        elif shape == "\u031b":
            piece = ("ô" if lower == "o" else "ö") + VNI_MARKS.get(tone, "")
        elif shape == "\u0302":
            piece = lower + VNI_CIRC[tone]
        elif shape == "\u0306":
            piece = lower + VNI_BREVE[tone]
        elif lower == "i" and tone:
            piece = VNI_I[tone]
        elif lower == "y" and tone == "\u0323":
            piece = "î"
        elif tone:
            piece = lower + VNI_MARKS[tone]
        else:
            out.append(ch)
            continue
        out.append(piece.upper() if ch.isupper() else piece)
    return "".join(out)


TCVN3_CHART = dict(zip(
    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ",
    "\xb5\xb6\xb7\xb8\xb9\xa8\xbb\xbc\xbd\xbe\xc6\xa9\xc7\xc8\xc9\xca\xcb\xae\xcc\xce\xcf\xd0\xd1\xaa\xd2\xd3\xd4\xd5"
    "\xd6\xd7\xd8\xdc\xdd\xde\xdf\xe1\xe2\xe3\xe4\xab\xe5\xe6\xe7\xe8\xe9\xac\xea\xeb\xec\xed\xee\xef\xf1\xf2\xf3"
    "\xf4\xad\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe",
))


def to_cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in "\u0300\u0301\u0303\u0309\u0323"))
        tone = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_vni_bytes():
    text, warnings = legacy.decode_bytes(to_vni(TEXT).encode("cp1252"))
    assert text == TEXT
    assert any("VNI" in w for w in warnings)


def test_tcvn3_bytes():
    lower = TEXT.lower()
    data = "".join(TCVN3_CHART.get(c, c) for c in lower).encode("latin-1")
    text, warnings = legacy.decode_bytes(data)
    assert text == lower
    assert any("TCVN3" in w for w in warnings)


def test_windows_1258_bytes():
    text, warnings = legacy.decode_bytes(to_cp1258(TEXT))
    assert text == TEXT
    assert any("1258" in w for w in warnings)


def test_utf8_is_untouched():
    assert legacy.decode_bytes(TEXT.encode("utf-8")) == (TEXT, [])
    assert legacy.decode_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == (TEXT, [])
    assert legacy.fix_legacy_text(TEXT) == (TEXT, [])


def test_vni_read_as_text_is_repaired():
    fixed, warnings = legacy.fix_legacy_text(to_vni(TEXT))
    assert fixed == TEXT and warnings


def test_viqr():
    fixed, warnings = legacy.fix_legacy_text("Vie^.t Nam la` mo^.t quo^'c gia o+? ddo^ng Nam A'.")
    assert fixed == "Việt Nam là một quốc gia ở đông Nam Á."
    assert any("VIQR" in w for w in warnings)


def test_binary_is_refused():
    with pytest.raises(ValueError, match="binary"):
        legacy.decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_undecodable_is_refused():
    with pytest.raises(ValueError, match="not valid UTF-8"):
        legacy.decode_bytes("Grüße aus Köln, schöne Straße".encode("latin-1"))


def test_legacy_page_is_cleaned_with_a_warning(seed_000):
    vni_page = to_vni(seed_000)
    a = clean_text(vni_page.encode("cp1252"))
    assert a.title == "Mỹ, Nhật công bố kế hoạch củng cố liên minh"
    assert a.author == "Bảo Nghi"
    assert any("VNI" in w for w in a.warnings)
    b = clean_text(vni_page)  # already decoded the wrong way
    assert b.title == a.title and any("VNI" in w for w in b.warnings)
