"""The speed shortcuts of the tagger change nothing it finds.

Rule gates (grammar.GATES) skip rules where a looser pattern fails, and tense markers are
scanned per sentence (resolve.Context.sentence_markers): both must give exactly what trying
every rule and scanning the whole text give, on the seed articles and the benchmark sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sukien.text import normalize
from sukien.times import grammar
from sukien.times.resolve import Context

HERE = Path(__file__).resolve().parent
BENCH_SETS = HERE.parents[1] / "bench" / "data" / "times"


def _texts() -> list[str]:
    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted((HERE / "fixtures").glob("*.txt"))]
    for path in sorted(BENCH_SETS.glob("*.jsonl")):
        texts += [normalize(json.loads(line)["text"]) for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    return texts


TEXTS = _texts()


def _found(text: str) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.spec["rule"]) for c in grammar.candidates(text)]


def test_there_are_texts_to_compare():
    assert len(TEXTS) > 500


def test_gates_lose_no_candidate(monkeypatch):
    gated = [_found(t) for t in TEXTS]
    monkeypatch.setattr(grammar, "_GATED", {})
    assert [_found(t) for t in TEXTS] == gated


@pytest.mark.parametrize("text", [
    "Khoảng 100 người dự lễ đầu tư, trên cả nước có một người.",  # gates closed: nothing to find
    "Khoảng 8h30 sáng 20/11, hơn 2 tuần sau, đầu năm 2024, một tháng trước, năm 2020 đến 2022.",
])
def test_gates_on_both_sides(text, monkeypatch):
    gated = _found(text)
    monkeypatch.setattr(grammar, "_GATED", {})
    assert _found(text) == gated


def test_gate_skips_rules_after_a_bare_number():
    assert grammar._rules_at("có 100 người", 3, "0") == []
    assert grammar._rules_at("ngày 20/11", 5, "0") == grammar.BY_FIRST_WORD["0"]


def _markers_by_sentence(ctx: Context) -> list[list[tuple[int, int, str]]]:
    ends = [0] + ctx.sentence_ends + [len(ctx.text)]
    return [ctx.sentence_markers(s0, s1)[0] for s0, s1 in zip(ends, ends[1:])]


def _whole_text_markers(ctx: Context) -> list[list[tuple[int, int, str]]]:
    ends = [0] + ctx.sentence_ends + [len(ctx.text)]
    return [[m for m in ctx.markers if max(0, s0 - 20) <= m[0] < s1] for s0, s1 in zip(ends, ends[1:])]


def test_sentence_markers_are_those_of_the_whole_text():
    for text in TEXTS + ["Dự\nkiến sẽ họp. Bộ  đã   dự   kiến, theo kế hoạch; đã.sẽ", "sẽ"]:
        ctx = Context(text, None)
        assert _markers_by_sentence(ctx) == _whole_text_markers(ctx)


def test_markers_across_a_line_break_count_for_both_lines():
    ctx = Context("Dự\nkiến tháng 5 khai trương", None)
    assert ctx.markers == [(0, 7, "future")]
    assert ctx.sentence_markers(3, len(ctx.text))[0] == [(0, 7, "future")]
