"""Legacy Vietnamese encodings: detect TCVN3 (ABC), VNI, Windows-1258, VIQR and UTF-8 mojibake.

Old Vietnamese pages were written in font-based encodings that map Vietnamese letters onto
Latin-1 code points (TCVN3, VNI) or onto base letters plus combining tone marks (Windows-1258),
or in the 7-bit VIQR convention ("Vie^.t Nam"). Read as UTF-8 or Latin-1, they look like
"ViÖt Nam" or "Vieät Nam".

Detection is by scoring: each candidate decoding is converted to Unicode and scored by how many
Vietnamese letters it holds against how many letters no Vietnamese text uses (ä, ñ, ö, ...).
The best candidate wins when it clearly beats the text as given. Conversions are table lookups
and one regex pass, so cost is linear in the input.

`decode_bytes` turns raw file bytes into text (UTF-8 first, then legacy candidates) and raises a
ValueError for binary data; `fix_legacy_text` repairs a string that was decoded the wrong way.
Both return the warnings that say what was converted.
"""

from __future__ import annotations

import re
import unicodedata

import regex

# --- tables -----------------------------------------------------------------------------------

# TCVN3 (ABC): lower-case letters and the seven capitals with their own glyph, as Latin-1 bytes.
_TCVN3_PAIRS = (
    "b5:à b6:ả b7:ã b8:á b9:ạ a8:ă bb:ằ bc:ẳ bd:ẵ be:ắ c6:ặ a9:â c7:ầ c8:ẩ c9:ẫ ca:ấ cb:ậ a7:Đ ae:đ "
    "cc:è ce:ẻ cf:ẽ d0:é d1:ẹ aa:ê d2:ề d3:ể d4:ễ d5:ế d6:ệ d7:ì d8:ỉ dc:ĩ dd:í de:ị df:ò e1:ỏ e2:õ "
    "e3:ó e4:ọ ab:ô e5:ồ e6:ổ e7:ỗ e8:ố e9:ộ ac:ơ ea:ờ eb:ở ec:ỡ ed:ớ ee:ợ ef:ù f1:ủ f2:ũ f3:ú f4:ụ "
    "ad:ư f5:ừ f6:ử f7:ữ f8:ứ f9:ự fa:ỳ fb:ỷ fc:ỹ fd:ý fe:ỵ a1:Ă a2:Â a3:Ê a4:Ô a5:Ơ a6:Ư"
)
_TCVN3 = {chr(int(code, 16)): letter for code, letter in (p.split(":") for p in _TCVN3_PAIRS.split())}
_TCVN3_TABLE = str.maketrans(_TCVN3)

# VNI-Windows: a base letter followed by a mark glyph (read as Windows-1252), a few single glyphs.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(seq: str, letter: str) -> None:
        table[seq] = _nfc(letter)
        table[seq.upper()] = _nfc(letter).upper()

    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            add(base + mark, base + tone)
    for base in "aeo":
        for mark, tone in _VNI_CIRC.items():
            add(base + mark, base + _CIRC + tone)
    for mark, tone in _VNI_BREVE.items():
        add("a" + mark, "a" + _BREVE + tone)
    for glyph, base in (("ô", "o"), ("ö", "u")):  # ơ and ư are one glyph, tones follow
        add(glyph, base + _HORN)
        for mark, tone in _VNI_TONES.items():
            add(glyph + mark, base + _HORN + tone)
    for glyph, tone in (("í", _ACUTE), ("ì", _GRAVE), ("æ", _HOOK), ("ó", _TILDE), ("ò", _DOT)):
        add(glyph, "i" + tone)
    add("î", "y" + _DOT)
    add("ñ", "đ")
    return table


_VNI = _build_vni()
_VNI_PATTERN = regex.compile("|".join(regex.escape(k) for k in sorted(_VNI, key=len, reverse=True)))

# VIQR: vowel, optional shape mark (^ ( +), optional tone mark (' ` ? ~ .); "dd" is đ.
_VIQR_SHAPE = {"^": _CIRC, "(": _BREVE, "+": _HORN}
_VIQR_TONE = {"'": _ACUTE, "`": _GRAVE, "?": _HOOK, "~": _TILDE, ".": _DOT}
_VIQR_PATTERN = regex.compile(
    r"(?<=\p{L}|^|\s)(?:(dd|DD|Dd)|([aeiouyAEIOUY])([\^(+])?(['`?~.])?)(?=\p{L}|[\s,;:!?.)]|$)"
)
_VIQR_EVIDENCE = re.compile(r"[aeoAEO]\^|[aA]\(|[ouOU]\+|[aeiouyAEIOUY][\^(+]?['`~](?=[^\W\d_])")

# --- scoring ----------------------------------------------------------------------------------

_VIETNAMESE_LETTERS = frozenset(
    _nfc(ch)
    for ch in "ăâêôơưđĂÂÊÔƠƯĐ"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
)
# Letters and signs that Vietnamese text does not use but legacy bytes read as Latin-1 produce.
_FOREIGN = frozenset("äåæçëîïñöøûüÿþðßÄÅÆÇËÎÏÑÖØÛÜÞÐ¸µ¶·¹¨ª«¬®¦§¡¢£¤¥©°±²³´º¼½¾¿×÷€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\ufffd")
# Quotes and dashes are common in real text: they only count against a candidate when decoded
# from single bytes, which `_score` handles by ignoring them.
_TYPOGRAPHIC = frozenset("‘’“”–—…•")
_SUSPICIOUS = re.compile(r"[äåæëïñöøûüµ¶¸¹¨ª«¬®ÐÑÖØÞß]|Ã.|á»|Ä‘|Æ°")


_TONE_MARKS = frozenset((_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT))
_WORD = regex.compile(r"\p{L}+")


_ONSETS = frozenset(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x".split()
) | {""}
_FINALS = frozenset("c ch m n ng nh p t".split()) | {""}
_SYLLABLE_SHAPE = regex.compile(r"^([^aeiouyăâêôơư]*)([aeiouyăâêôơư]+)([^aeiouyăâêôơư]*)$")


def _implausible_word(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in decomposed if c in _TONE_MARKS) > 1:
        return True
    bases = [c for c in decomposed if not unicodedata.combining(c)]
    if any(a == b and a in "aeiouy" for a, b in zip(bases, bases[1:])):
        return True  # "coõng": a vowel doubled
    shape = _SYLLABLE_SHAPE.match(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS)))
    if not shape:
        return True  # two vowel groups: not one syllable
    onset, _, final = shape.groups()
    return onset not in _ONSETS or final not in _FINALS


def _implausible_words(text: str) -> int:
    """Words with diacritics that no Vietnamese syllable can be ("coõng", "Kửln", "hệếU")."""
    return sum(1 for word in _WORD.findall(text) if len(word) >= 2 and not word.isascii() and _implausible_word(word))


def _score(text: str) -> int:
    good = bad = 0
    for ch in text:
        if ch in _VIETNAMESE_LETTERS:
            good += 1
        elif ch in _FOREIGN and ch not in _TYPOGRAPHIC:
            bad += 1
    return good - 3 * bad - 4 * _implausible_words(text)


# --- conversions ------------------------------------------------------------------------------


def tcvn3_to_unicode(text: str) -> str:
    """TCVN3 text read as Latin-1 code points -> Unicode."""
    return text.translate(_TCVN3_TABLE)


def vni_to_unicode(text: str) -> str:
    """VNI text read as Windows-1252 -> Unicode."""
    return _VNI_PATTERN.sub(lambda m: _VNI[m.group(0)], text)


def viqr_to_unicode(text: str) -> str:
    """VIQR ("Vie^.t Nam") -> Unicode. Only call on text known to be VIQR."""

    def replace(m: regex.Match) -> str:
        if m.group(1):
            return "Đ" if m.group(1)[0] == "D" else "đ"
        vowel, shape, tone = m.group(2), m.group(3), m.group(4)
        if not shape and not tone:
            return m.group(0)
        combined = vowel + (_VIQR_SHAPE[shape] if shape else "") + (_VIQR_TONE[tone] if tone else "")
        return _nfc(combined)

    return _VIQR_PATTERN.sub(replace, text)


def _utf8_mojibake_to_unicode(text: str) -> str:
    """UTF-8 bytes that were read as Windows-1252 (or Latin-1): back to bytes, then UTF-8."""
    data = bytearray()
    for ch in text:
        try:
            data += ch.encode("cp1252")
        except UnicodeEncodeError:
            data += ch.encode("latin-1", errors="replace") if ord(ch) < 256 else ch.encode("utf-8")
    return data.decode("utf-8", errors="replace")


_STRING_CANDIDATES = (
    ("VNI", vni_to_unicode),
    ("TCVN3", tcvn3_to_unicode),
    ("UTF-8 read as Windows-1252", _utf8_mojibake_to_unicode),
)


def _is_viqr(text: str) -> bool:
    sample = text[:20000]
    if sample.count("^") + sample.count("`") + sample.count("~") + sample.count("+") < 3:
        return False
    evidence = len(_VIQR_EVIDENCE.findall(sample))
    words = max(1, sample.count(" "))
    return evidence >= 3 and evidence / words > 0.05 and _score(sample) < evidence


def _already_unicode(sample: str) -> bool:
    """Real Unicode Vietnamese uses many letters beyond Latin-1 (ạ, ư, ơ, đ, ế ...); the legacy
    encodings read as Latin-1 or Windows-1252 cannot produce them."""
    letters = [ch for ch in sample if ch in _VIETNAMESE_LETTERS]
    wide = sum(1 for ch in letters if ord(ch) > 0xFF)
    return len(letters) >= 20 and wide > 0.25 * len(letters)


def fix_legacy_text(text: str) -> tuple[str, list[str]]:
    """Repair text that holds a legacy encoding read the wrong way; (text, warnings)."""
    if not text:
        return text, []
    sample = text[:20000]
    if not _SUSPICIOUS.search(sample):
        if _is_viqr(text):
            return viqr_to_unicode(text), ["legacy encoding VIQR converted to Unicode"]
        return text, []
    if _already_unicode(sample):
        return text, []
    base = _score(sample)
    best_name, best_score = None, base
    for name, convert in _STRING_CANDIDATES:
        score = _score(convert(sample))
        if score > best_score + max(3, abs(best_score) // 5):
            best_name, best_score = name, score
    if best_name is None:
        return text, []
    convert = dict(_STRING_CANDIDATES)[best_name]
    return _nfc(convert(text)), [f"legacy encoding {best_name} detected and converted to Unicode"]


# --- bytes ------------------------------------------------------------------------------------


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode a file's bytes to text; (text, warnings).

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as is, then checked for legacy text
    read the wrong way. Other bytes are tried as Windows-1258, VNI and TCVN3; the candidate that
    reads most like Vietnamese wins, with a warning. Raises ValueError for binary data and for
    bytes that read as no Vietnamese at all.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-16 despite its byte-order mark: {exc}") from None
    if looks_binary(data):
        raise ValueError("binary file (NUL or control bytes): not a text or HTML page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _decode_legacy_bytes(data, exc)
    return fix_legacy_text(text)


def _decode_legacy_bytes(data: bytes, error: UnicodeDecodeError) -> tuple[str, list[str]]:
    candidates = {
        "Windows-1258": _nfc(data.decode("cp1258", errors="replace")),
        "VNI": _nfc(vni_to_unicode(data.decode("cp1252", errors="replace"))),
        "TCVN3": tcvn3_to_unicode(data.decode("latin-1")),
    }
    scored = {name: _score(text[:20000]) for name, text in candidates.items()}
    best = max(scored, key=scored.get)
    if scored[best] <= 0:
        raise ValueError(
            f"not valid UTF-8 (byte {error.start}: {error.reason}) and not a known Vietnamese "
            "legacy encoding (TCVN3, VNI, Windows-1258)"
        )
    return candidates[best], [f"not UTF-8: legacy encoding {best} detected and converted to Unicode"]
