"""Sentence splitting that respects Vietnamese abbreviations, numbers and quotes.

A sentence ends at terminal punctuation (". ! ? …", possibly followed by closing quotes or
brackets) when the next word starts with a capital letter, a digit, an opening quote or a
list dash. It does not end:
- after an abbreviation ("TP. HCM", "PGS.TS. Nguyễn", "Tr. 12", "Q. 1") or a single initial
  ("Nguyễn V. Anh"); "TP.HCM" and "7.4" / "3,2" never offer a boundary (no space);
- inside a quotation ("ông nói: “Chúng tôi đã sẵn sàng. Mọi thứ ổn”."), as long as the quote
  closes on the same line within a reasonable length, so a quoted sentence stays with its
  speaker.
A newline always ends a sentence.
"""

from __future__ import annotations

import regex

# Abbreviations after which a full stop does not end a sentence (compared lower-cased).
ABBREVIATIONS = {
    "tp", "ts", "ths", "pgs", "gs", "bs", "bsck", "tr", "st", "ks", "ls", "nxb", "q", "p", "tx",
    "tt", "ubnd", "hđnd", "mr", "mrs", "ms", "dr", "no", "vs", "v.v", "tps", "đ/c", "cn", "cty",
    "ct", "th", "nsnd", "nsưt", "nsut", "gđ", "pgđ", "ttg", "ttxvn", "tw", "đt", "sđt", "k", "f",
    "ths.bs", "cv", "kts", "đh", "cđ", "nbs", "tgđ", "ptgđ",
    "jr", "sr", "inc", "co", "ltd", "corp", "u.s", "etc", "e.g", "i.e", "vd", "tk",
}

_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_MAX_QUOTE = 1200  # characters; a "quote" longer than this is a stray mark, not a quotation

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space and
# something that can start a sentence.
_BOUNDARY = regex.compile(
    r"(?:[.!?…]+)[\"”’»)\]]*(?=\s+(?:[\"“‘«(\[]?[\p{Lu}\p{N}]|[-–—•+]\s))"
)


def _previous_token(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_abbreviation(token: str) -> bool:
    """True for "TP.", "PGS.TS.", "Tr." and single capital initials like "T."."""
    core = token.rstrip(".").lstrip("(\"“'‘[")
    if not core:
        return False
    if len(core) == 1:
        return core.isupper()
    lowered = core.lower()
    if lowered in ABBREVIATIONS:
        return True
    parts = [p for p in lowered.split(".") if p]
    return bool(parts) and all(p in ABBREVIATIONS for p in parts)


def _quoted_regions(line: str) -> list[tuple[int, int]]:
    """Spans strictly inside balanced quotations of a line (curly pairs and straight pairs)."""
    regions = []
    depth_start = None
    for i, ch in enumerate(line):
        if ch in _OPEN_QUOTES and depth_start is None:
            depth_start = i
        elif ch in _CLOSE_QUOTES and depth_start is not None:
            if i - depth_start <= _MAX_QUOTE:
                regions.append((depth_start, i))
            depth_start = None
    straight = [i for i, ch in enumerate(line) if ch == '"']
    for a, b in zip(straight[::2], straight[1::2]):
        if b - a <= _MAX_QUOTE:
            regions.append((a, b))
    return regions


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in regions)


def _line_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    regions = _quoted_regions(line) if ('"' in line or any(q in line for q in _OPEN_QUOTES)) else []
    start = 0
    for m in _BOUNDARY.finditer(line):
        punct_end = m.start() + 1
        if m.group(0).startswith(".") and not m.group(0).startswith("..") and _is_abbreviation(_previous_token(line, punct_end)):
            continue
        if regions and _inside(m.end() - 1, regions) and _inside(m.start(), regions):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(line) and line[start].isspace():
            start += 1
    if line[start:].strip():
        spans.append((start, len(line.rstrip())))
    return spans


def split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`; newlines always end a sentence."""
    if not isinstance(text, str) or not text:
        return []
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        for s, e in _line_spans(line):
            # drop leading whitespace so text[start:end] is the trimmed sentence
            while s < e and line[s].isspace():
                s += 1
            if s < e:
                spans.append((offset + s, offset + e))
        offset += len(line) + 1
    return spans


def split(text: str) -> list[str]:
    """The sentences of `text` as strings (see `split_spans`)."""
    return [text[s:e] for s, e in split_spans(text)]
