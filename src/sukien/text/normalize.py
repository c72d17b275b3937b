"""Normalisation: NFC, invisible characters, line endings, one tone-mark style, accent folding.

`normalize` is applied to every text that enters sukien; the result is what is displayed and
what offsets point into. `match_key` and `fold_accents` give keys for comparing and searching,
never for display.
"""

from __future__ import annotations

import re
import unicodedata

import regex

_INVISIBLE = regex.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
# C0/C1 controls except tab and newline
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = regex.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


# anything `normalize` would change besides NFC; most text has none of it (the fast path)
_NEEDS_WORK = re.compile(
    "[\r\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|  "
)


def normalize(text: str) -> str:
    """NFC, invisible and control characters out, one kind of line ending and of space."""
    if _NEEDS_WORK.search(text) is None:
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


# Tone marks on the vowel pairs oa, oe, uy in an open syllable are written on either vowel
# ("hoà"/"hòa", "khoẻ"/"khỏe", "thuỷ"/"thủy"). For matching we put them on the first vowel.
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


def _build_tone_table() -> dict[str, str]:
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                marked_second = unicodedata.normalize("NFC", s + tone)
                marked_first = unicodedata.normalize("NFC", f + tone)
                table[f + marked_second] = marked_first + s
    return table


_TONE_TABLE = _build_tone_table()
# the pair must end the syllable ("hoàng" is written one way only) and "qu" is a consonant
_TONE_PAIR = regex.compile(
    r"(?<![qQ])(?:" + "|".join(sorted(map(regex.escape, _TONE_TABLE), key=len, reverse=True)) + r")(?!\p{L})"
)


def normalize_tone_marks(text: str) -> str:
    """Put tone marks of open oa/oe/uy syllables on the first vowel: "hoà" -> "hòa"."""
    return _TONE_PAIR.sub(lambda m: _TONE_TABLE[m.group(0)], unicodedata.normalize("NFC", text))


_COMBINING = regex.compile(r"\p{Mn}+")


def fold_accents(text: str) -> str:
    """Drop all diacritics ("Nhật Bản" -> "Nhat Ban"); for accent-insensitive search only."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


def search_key(text: str) -> str:
    """Lower case without diacritics, one character for each character of the NFC input."""
    folded = fold_accents(unicodedata.normalize("NFC", text)).lower()
    return folded if len(folded) == len(text) else fold_accents(text).lower()


def match_key(text: str) -> str:
    """The key two spellings of the same words share: normalised, one tone style, lower case."""
    return normalize_tone_marks(normalize(text)).lower()


_SYLLABLE = regex.compile(r"[\p{L}\p{N}]+(?:[.,][\p{N}]+)*")


def syllables(text: str) -> list[str]:
    """Lower-cased syllables (and numbers), diacritics kept, punctuation dropped."""
    return _SYLLABLE.findall(match_key(text))
