"""Sentence splitting that respects Vietnamese abbreviations, numbers and quotes."""

from __future__ import annotations

import regex

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "tp", "ts", "ths", "pgs", "gs", "bs", "tr", "st", "ks", "ls", "nxb", "q", "p", "tx", "tt",
    "ubnd", "hđnd", "mr", "mrs", "ms", "dr", "no", "vs", "v.v", "tps", "đ/c", "cn", "cty", "ct",
}

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = regex.compile(r"(?:[.!?…]+|\.\.\.)[\"”’»)\]]*(?=\s+[\"“‘«(\[]?[\p{Lu}\p{N}])")


def _previous_token(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_abbreviation(token: str) -> bool:
    """True for "TP.", "PGS.TS.", "Tr." and single capital initials like "T."."""
    core = token.rstrip(".").lstrip("(\"“")
    if not core:
        return False
    if len(core) == 1 and core.isalpha():
        return True
    parts = [p for p in core.lower().split(".") if p]
    return bool(parts) and all(p in ABBREVIATIONS for p in parts)


def split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`; newlines always end a sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in _BOUNDARY.finditer(line):
            if m.group(0).startswith(".") and _is_abbreviation(_previous_token(line, m.start() + 1)):
                continue
            spans.append((offset + start, offset + m.end()))
            start = m.end()
            while start < len(line) and line[start].isspace():
                start += 1
        if line[start:].strip():
            spans.append((offset + start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]
