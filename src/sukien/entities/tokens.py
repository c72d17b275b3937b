"""Syllable tokens with offsets, and the shape of each token.

Tokens follow PhoNER's syllable convention closely enough for its spans to be recovered: words
and numbers are single tokens, abbreviations with their dot ("TP.", "N.H.N.", "TP.HCM") are one
token, every other punctuation character is its own token. No word segmentation.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import NamedTuple

import numpy as np
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

    The text is split into chunks at spaces and line breaks. A chunk of letters only is one
    token; only the others ("Nội,", "TP.HCM", "(SN", "2020", "" between two spaces) are looked
    at, through a memo of chunks (`_ChunkMemo`), and the offsets of all tokens come from array
    operations over the chunks' lengths.
    """
    texts, starts, ends = token_arrays(text, split_names)
    return texts, starts.tolist(), ends.tolist()


def token_arrays(text: str, split_names: bool = True) -> tuple[list[str], np.ndarray, np.ndarray]:
    """`token_columns` with the offsets as int64 arrays (as they are computed: no list of ints)."""
    words = text.replace("\n", " ").split(" ")
    if len(words) < _FEW_CHUNKS:
        texts, starts, ends = _few_token_columns(text, words, split_names)
        return texts, np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    n = len(words)
    word_starts, lengths, odd = _chunk_layout(text)
    if not odd:
        return words, word_starts, word_starts + lengths
    chunks = _odd_chunks(text, words, odd, word_starts, split_names)
    counts = np.ones(n, dtype=np.int64)
    counts[odd] = [len(c[0]) for c in chunks]
    token_starts = np.repeat(word_starts, counts)  # each token's chunk start, then its own
    token_ends = token_starts + np.repeat(lengths, counts)
    first = np.cumsum(counts) - counts  # index of each chunk's first token
    odd_counts = counts[odd]
    inside = np.arange(int(odd_counts.sum())) - np.repeat(np.cumsum(odd_counts) - odd_counts, odd_counts)
    at = np.repeat(first[odd], odd_counts) + inside  # the tokens of the odd chunks
    token_ends[at] = token_starts[at] + np.fromiter(chain.from_iterable([c[2] for c in chunks]), dtype=np.int64)
    token_starts[at] += np.fromiter(chain.from_iterable([c[1] for c in chunks]), dtype=np.int64)
    return _replace_chunks(words, odd, chunks), token_starts, token_ends


def _replace_chunks(words: list[str], odd: list[int], chunks: list[tuple]) -> list[str]:
    """The chunks, each odd one replaced by its tokens (one pass, not one list shift per chunk)."""
    parts, done = [], 0
    for i, chunk in zip(odd, chunks):
        parts.append(words[done:i])
        parts.append(chunk[0])
        done = i + 1
    parts.append(words[done:])
    return list(chain.from_iterable(parts))


_FEW_CHUNKS = 24  # below this, array operations cost more than they save (names, titles)


def _few_token_columns(text: str, words: list[str], split_names: bool) -> tuple[list[str], list[int], list[int]]:
    """`token_columns` of a short text, chunk by chunk (plain words as they are, others through the memo)."""
    memo = _MEMOS[bool(split_names)]
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for word in words:
        end = at + len(word)
        if word.isalpha():
            texts.append(word)
            starts.append(at)
            ends.append(end)
        else:
            chunk = memo[word]
            if chunk is None:  # its tokens depend on the text after it: "TP. Hồ"
                chunk = _chunk_tokens(text, at, end, split_names)
                texts += chunk[0]
                starts += chunk[1]
                ends += chunk[2]
            else:
                texts += chunk[0]
                starts += [at + a for a in chunk[1]]
                ends += [at + b for b in chunk[2]]
        at = end + 1
    return texts, starts, ends


def _chunk_layout(text: str):
    """Start and length of every chunk of `text` (split at spaces and line breaks), and the
    indices of the chunks that are not plain words (`str.isalpha` false: empty, or holding a
    character that is no letter), from one array of code points."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    separator = (codes == 32) | (codes == 10)
    breaks = np.flatnonzero(separator)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [len(codes)]))
    other = ~_LETTER[np.minimum(codes, len(_LETTER) - 1)] & ~separator
    others_before = np.concatenate(([0], np.cumsum(other)))
    odd = (others_before[ends] > others_before[starts]) | (ends == starts)
    return starts, ends - starts, np.flatnonzero(odd).tolist()


# str.isalpha of every code point of the Basic Multilingual Plane; any other counts as no letter,
# which only sends its chunk down the careful path.
_LETTER = np.array([chr(c).isalpha() for c in range(0x10000)] + [False])


def _odd_chunks(text: str, words: list[str], odd: list[int], word_starts, split_names: bool) -> list[tuple]:
    """Tokens of the chunks at `odd`, offsets relative to their chunk."""
    memo = _MEMOS[bool(split_names)]
    chunks = [memo[words[i]] for i in odd]
    if None in chunks:  # tokens that depend on the text after the chunk: "TP. Hồ"
        for k, i in enumerate(odd):
            if chunks[k] is None:
                start = int(word_starts[i])
                texts, starts, ends = _chunk_tokens(text, start, start + len(words[i]), split_names)
                chunks[k] = texts, [a - start for a in starts], [b - start for b in ends]
    return chunks


def _chunk_tokens(text: str, start: int, pos: int, split_names: bool) -> tuple[tuple, tuple, tuple]:
    """Tokens (texts, starts, ends) of the space-free chunk text[start:pos]."""
    word = text[start:pos]
    if not word:
        return (), (), ()
    if _simple(word):
        return (word,), (start,), (pos,)
    last, body = word[-1], word[:-1]
    if last in _CLOSERS and body.isalpha() and (last != "." or _plain_before_dot(body)):
        return (body, last), (start, pos - 1), (pos - 1, pos)  # "Nội," "Nam." "Biden)"
    texts, starts, ends = [], [], []
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
    return tuple(texts), tuple(starts), tuple(ends)


class _ChunkMemo(dict):
    """Space-free chunk -> its tokens with offsets relative to the chunk, or None when they
    depend on the text after the chunk. Chunks repeat across texts (the vocabulary is Zipfian),
    and the token pattern looks at nothing before a chunk, so its tokens are its own, except
    that an abbreviation's dot looks at the next word ("TP. Hồ" keeps "TP." whole, "TP." at the
    end splits): a chunk with a dot is tokenized alone and as if a capitalised word followed,
    and when the two differ it is tokenized in its text each time."""

    LIMIT = 200_000

    def __init__(self, split_names: bool):
        super().__init__()
        self.split_names = split_names

    def __missing__(self, chunk: str):
        tokens = _chunk_tokens(chunk, 0, len(chunk), self.split_names)
        if "." in chunk and _chunk_tokens(chunk + " A", 0, len(chunk), self.split_names) != tokens:
            tokens = None
        if len(self) < self.LIMIT:
            self[chunk] = tokens
        return tokens


_MEMOS = {True: _ChunkMemo(True), False: _ChunkMemo(False)}


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
