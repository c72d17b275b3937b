"""The fast paths give what the plain ones give: feature rows, Viterbi, batch-wide GC pause."""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np

from sukien.entities import EntityStage
from sukien.entities.ner import _sentence_tokens, _views, titled_people
from sukien.entities.tokens import token_arrays, token_columns
from sukien.entities.tagger import ALLOWED, START_ALLOWED, PairTable, default_tagger, feature_columns, featurize
from sukien.model import Article

FIXTURES = Path(__file__).parent / "fixtures"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


def seed_sentences() -> list[list[str]]:
    return [v.texts for text in seed_texts() for v in _views(text)]


def test_column_rows_equal_rows_of_the_keys():
    tagger = default_tagger()
    sentences = seed_sentences()
    keys, pieces = featurize(sentences, tagger.lexicon)
    columns, column_pieces = feature_columns(sentences, tagger.lexicon)
    assert len(keys) > 100 and pieces == column_pieces
    assert np.array_equal(tagger.column_rows(columns), tagger.rows(keys))
    assert np.array_equal(tagger.scores_of_rows(tagger.column_rows(columns)), tagger.scores(keys))


def test_feature_columns_from_the_views_lists_equal_those_from_the_lookups():
    tagger = default_tagger()
    views = [v for text in seed_texts() for v in _views(text)]
    args = [v.texts for v in views], tagger.lexicon, [v.looked for v in views]
    plain, plain_pieces = feature_columns(*args)
    given, given_pieces = feature_columns(*args, [v.keys for v in views], [v.caps for v in views])
    assert plain_pieces == given_pieces and all(np.array_equal(a, b) for a, b in zip(plain, given))
    assert np.any(plain[17])  # the gazetteer template: phrases were matched on both paths


def test_pair_table_finds_the_position_of_every_value_and_only_those():
    rng = np.random.default_rng(3)
    values = np.unique(rng.integers(0, 12_000_000, size=3000))
    table = PairTable(values)
    queries = np.concatenate([values, rng.integers(0, 12_000_000, size=20_000), values[::-7]])
    expected = np.searchsorted(values, queries)
    expected = np.where(values[np.minimum(expected, len(values) - 1)] == queries, expected, -5)
    assert np.array_equal(table.positions(queries, -5), expected)
    assert table.positions(np.zeros(0, dtype=np.int64), -5).shape == (0,)
    assert np.array_equal(PairTable(np.zeros(0, dtype=np.int64)).positions(values[:10], -1), np.full(10, -1))


def brute_force_viterbi(scores: np.ndarray, transitions: np.ndarray, start: np.ndarray) -> list[int]:
    """Best path of one piece by trying every label sequence (short pieces only)."""
    from itertools import product

    best, best_path = -np.inf, None
    for path in product(range(scores.shape[1]), repeat=len(scores)):
        total = start[path[0]] + scores[0, path[0]]
        total += sum(transitions[a, b] + scores[t + 1, b] for t, (a, b) in enumerate(zip(path, path[1:])))
        if total > best:
            best, best_path = total, list(path)
    return best_path


def test_viterbi_finds_the_best_allowed_path_of_every_piece():
    tagger = default_tagger()
    rng = np.random.default_rng(7)
    lengths = [3, 1, 4, 2, 3]
    scores = rng.normal(size=(sum(lengths), len(ALLOWED))).astype(np.float32)
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).tolist()
    labels = tagger.viterbi_labels(scores, list(zip(offsets, lengths)))
    for offset, length in zip(offsets, lengths):
        piece = labels[offset:offset + length].tolist()
        assert START_ALLOWED[piece[0]] and all(ALLOWED[a, b] for a, b in zip(piece, piece[1:]))
        assert piece == brute_force_viterbi(scores[offset:offset + length], tagger.transitions, tagger.start)


def test_titled_people_candidates_are_only_a_shortcut():
    for text in seed_texts():
        for v in _views(text):
            everything = titled_people(v, candidates=v.names)  # every Capitalised token a candidate
            assert titled_people(v) == everything


def test_stage_restores_the_garbage_collector():
    articles = [Article(id=str(k), title=t.splitlines()[0], body=t.splitlines()[1:]) for k, t in enumerate(seed_texts())]
    assert gc.isenabled()
    done = list(EntityStage(batch_size=1).run(articles))
    assert gc.isenabled() and all(a.mentions for a in done)
    gc.disable()
    try:
        list(EntityStage().run(articles))
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()


def bisected_sentence_tokens(starts: list[int], ends: list[int], sentences) -> list[tuple[int, int]]:
    """The plain way: each sentence bisected with the previous one's end as the lower bound."""
    from bisect import bisect_left, bisect_right

    out, k = [], 0
    for start, end in sentences:
        first = bisect_left(starts, start, k)
        k = bisect_right(ends, end, first)
        out.append((first, k))
    return out


def test_sentence_tokens_equal_bisection_even_for_odd_sentences():
    rng = np.random.default_rng(11)
    for text in seed_texts():
        texts, starts, ends = token_columns(text)
        assert texts == token_arrays(text)[0]
        for _ in range(50):  # sorted random sentences, overlapping and empty ones included
            cuts = sorted(rng.integers(0, len(text) + 1, size=2 * int(rng.integers(1, 30))).tolist())
            sentences = sorted(zip(cuts[::2], cuts[1::2]))
            assert list(_sentence_tokens(np.array(starts), np.array(ends), sentences)) == \
                bisected_sentence_tokens(starts, ends, sentences)
            overlapping = sorted((a, min(len(text), b + int(rng.integers(0, 200)))) for a, b in sentences)
            assert list(_sentence_tokens(np.array(starts), np.array(ends), overlapping)) == \
                bisected_sentence_tokens(starts, ends, overlapping)


def test_tag_gives_bio_labels_of_the_spans():
    tagger = default_tagger()
    sentence = "Thủ tướng Phạm Minh Chính làm việc với UBND tỉnh Quảng Nam".split(" ")
    labels = tagger.tag(sentence)
    spans = tagger.spans_many([sentence])[0]
    assert len(labels) == len(sentence) and spans
    for start, end, kind in spans:
        assert labels[start:end] == [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    assert labels.count("O") == len(sentence) - sum(e - s for s, e, _ in spans)
