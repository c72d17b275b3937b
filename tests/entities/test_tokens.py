"""Tokens and offsets: the fast paths of `token_columns` against a chunk-by-chunk tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from sukien.entities.tokens import _chunk_tokens, token_columns, tokenize
from sukien.text import normalize

FIXTURES = Path(__file__).parent / "fixtures"


def chunk_by_chunk(text: str, split_names: bool = True) -> tuple[list[str], list[int], list[int]]:
    """The plain definition: every space- or line-separated chunk tokenized in its text."""
    texts, starts, ends = [], [], []
    at = 0
    for chunk in text.replace("\n", " ").split(" "):
        t, s, e = _chunk_tokens(text, at, at + len(chunk), split_names)
        texts += t
        starts += s
        ends += e
        at += len(chunk) + 1
    return texts, starts, ends


def fixture_texts() -> list[str]:
    return [normalize(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]


TRICKY = [
    "Ông A. Nguyễn ở TP. Hồ Chí Minh, Q. 1 và TP.HCM; về TP. sau đó về Q.",
    "N.H.N. (SN 1990) tới Mỹ-Nhật  hai  lần\tvào 7/3, giá 1.600 đồng, Covid-19.",
    "TP.\tHồ Chí Minh  TP.  Hà Nội\nTh.\nHà \u00a0 Nội 😀 Mỹ.",
    "",
    " ",
    "Hà Nội",
]


@pytest.mark.parametrize("split_names", [True, False])
def test_token_columns_equal_the_chunk_by_chunk_definition(split_names):
    texts = fixture_texts() + TRICKY
    long_text = "\n".join(texts)  # long enough for the array path
    for text in [*texts, long_text, long_text * 2]:
        for _ in range(2):  # the second time every chunk comes from the memo
            assert token_columns(text, split_names) == chunk_by_chunk(text, split_names)


def test_offsets_index_the_text():
    for text in fixture_texts() + TRICKY:
        for token in tokenize(text):
            assert text[token.start:token.end] == token.text


def test_abbreviation_dot_follows_the_next_word_whatever_the_memo_holds():
    before_name = [t.text for t in tokenize("Ở TP. Hồ Chí Minh")]
    at_the_end = [t.text for t in tokenize("Họ về TP.")]
    assert "TP." in before_name
    assert at_the_end[-2:] == ["TP", "."]
    long = " ".join(["Họ về TP. " + "Hà Nội có nhiều người dân " * 10 + "về TP."] * 2)
    got = [t.text for t in tokenize(long)]
    assert got.count("TP.") == 3 and got.count("TP") == 1 and got[-2:] == ["TP", "."]
