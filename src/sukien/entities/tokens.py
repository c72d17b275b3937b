"""Syllable tokens with offsets, and the shape of each token.

Tokens follow PhoNER's syllable convention closely enough for its spans to be recovered: words
and numbers are single tokens, abbreviations with their dot ("TP.", "N.H.N.", "TP.HCM") are one
token, every other punctuation character is its own token. No word segmentation.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, filterfalse
from operator import add
from typing import NamedTuple

import regex

# Abbreviations that keep their dot as part of the token ("TP. Hồ Chí Minh", "Q. 1").
DOTTED = {"tp", "tx", "tt", "q", "p", "th", "tr", "st", "mr", "mrs", "ms", "dr", "gs", "pgs", "ts",
          "ths", "bs", "ls", "ks", "nxb", "ct", "cty", "pgs.ts", "gs.ts"}

_TOKEN = regex.compile(
    r"""
    (?P<initials>\p{Lu}\p{Ll}?\.(?:\p{Lu}\p{Ll}?\.?)+(?!\p{L})|\p{Lu}{2,}\.\p{Lu}+\b|\p{Lu}\.(?!\p{L}))  # N.H.N. D.H TP.HCM T.
    |(?P<dotted>\p{L}{1,3}\.(?=\s*\p{Lu}|\s*\p{N}))                                   # TP. Q. Th. (checked below)
    |(?P<number>\p{N}+(?:[./,:]\p{N}+)*(?:\p{L}+)?)                                   # 7/3 1.600 10h 3,5
    |(?P<word>[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*)                        # Jean-Pierre Covid-19
    |(?P<punct>[^\s])
    """,
    regex.VERBOSE,
)


class Token(NamedTuple):
    text: str
    start: int
    end: int


def _split_known_hyphenation(token: Token) -> list[Token]:
    """"Mỹ-Nhật", "Dương-Thái" -> three tokens when a part starts a known name; "Jean-Pierre" stays."""
    from sukien.entities.gazetteer import load

    parts = regex.split(r"([-–])", token.text)
    starts = load().name_first_tokens
    if not any(p[:1].isupper() and p.lower() in starts for p in parts[::2]):
        return [token]
    out, pos = [], token.start
    for part in parts:
        if part:
            out.append(Token(part, pos, pos + len(part)))
        pos += len(part)
    return out


def tokenize(text: str, split_names: bool = True) -> list[Token]:
    """Tokens of `text`; `split_names` splits hyphenated capitalised words that join known names."""
    texts, starts, ends = token_columns(text, split_names)
    return [Token(t, s, e) for t, s, e in zip(texts, starts, ends)]


_NUMBER = re.compile(r"\d+(?:[./,:]\d+)*")  # "2020", "7/3", "1.600": one token each


def _simple(word: str) -> bool:
    return word.isalpha() or len(word) == 1 or _NUMBER.fullmatch(word) is not None


def token_columns(text: str, split_names: bool = True) -> tuple[list[str], list[int], list[int]]:
    """Token texts, start and end offsets as three lists (no object per token: the hot path).

    Fast paths: a line whose space-separated chunks are all plain syllables, numbers or single
    characters is its own token list (offsets by cumulative length); otherwise each plain chunk
    is one token and only the others go through the token pattern.
    """
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    base = 0
    for line in text.split("\n"):
        words = line.split(" ")
        lengths = list(map(len, words))
        # start of word i: the line's offset + the lengths before it + one space per word before it
        offsets = list(map(add, accumulate(chain((base,), lengths[:-1])), range(len(words))))
        base += len(line) + 1
        odd = list(filterfalse(str.isalpha, words))
        if not odd or all(len(w) <= 1 or _NUMBER.fullmatch(w) for w in odd):
            if "" in odd:  # several spaces in a row
                kept = [(w, o) for w, o in zip(words, offsets) if w]
                words, offsets, lengths = [w for w, _ in kept], [o for _, o in kept], [len(w) for w, _ in kept]
            texts += words
            starts += offsets
            ends += map(add, offsets, lengths)
            continue
        for word, start in zip(words, offsets):
            if not word:
                continue
            pos = start + len(word)
            if _simple(word):
                texts.append(word)
                starts.append(start)
                ends.append(pos)
                continue
            last, body = word[-1], word[:-1]
            if last in _CLOSERS and body.isalpha() and (last != "." or _plain_before_dot(body)):
                texts += (body, last)  # "Nội," "Nam." "Biden)"
                starts += (start, pos - 1)
                ends += (pos - 1, pos)
                continue
            at = start
            while at < pos:
                m = _TOKEN.match(text, at)
                if m is None or m.end() <= at:
                    at += 1  # whitespace other than a space ("\t", "\u00a0") inside the chunk
                    continue
                at = m.end()
                for token in _match_tokens(m, split_names):
                    texts.append(token.text)
                    starts.append(token.start)
                    ends.append(token.end)
    return texts, starts, ends


_CLOSERS = set(",;:)!?\"”’]….")


def _plain_before_dot(body: str) -> bool:
    """A word whose final dot ends a sentence, not an abbreviation ("Nội." but not "TP." or "T.")."""
    return body.lower() not in DOTTED and not (len(body) == 1 and body.isupper())


def _match_tokens(m, split_names: bool) -> list[Token]:
    if split_names and m.lastgroup == "word" and "-" in m.group(0) and m.group(0)[0].isupper():
        return _split_known_hyphenation(Token(m.group(0), m.start(), m.end()))
    if m.lastgroup == "dotted":
        word = m.group(0)[:-1]
        if word.lower() not in DOTTED and not (len(word) == 1 and word.isupper()):
            return [Token(word, m.start(), m.end() - 1), Token(".", m.end() - 1, m.end())]
    return [Token(m.group(0), m.start(), m.end())]


def shape(token: str) -> str:
    """A coarse class: C (Capitalised), U (UPPER/acronym), I (initials), l (lower), d (number), p (punct)."""
    first = token[0]
    if first.isdigit():
        return "d"
    if not first.isalpha():
        return "p"
    if "." in token and first.isupper():
        return "I"
    if first.isupper():
        letters = [c for c in token if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return "U"
        return "C"
    if any(c.isupper() for c in token[1:]):
        return "m"  # iPhone, eBay
    if any(c.isdigit() for c in token):
        return "d"
    return "l"


def is_capitalised(token: str) -> bool:
    return shape(token) in ("C", "U", "I", "m")
