"""ROUGE-1/2/L F1 with the ViMs tokenisation: diacritics kept.

Tokens are syllables after NFC and lower-casing, split on whitespace and punctuation
(`tokens`). rouge-score's default tokenizer drops every non-ASCII letter, which destroys
Vietnamese, so this module computes ROUGE-N (clipped n-gram counts) and ROUGE-L (longest
common subsequence, bit-parallel) itself.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def tokens(text: str) -> list[str]:
    """ViMs protocol tokens: NFC, lower case, split on whitespace and punctuation."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())


def truncate(text_tokens: list[str], budget: int) -> list[str]:
    return text_tokens[: max(0, int(budget))]


def ngrams(toks: list[str], n: int) -> Counter:
    return Counter(zip(*(toks[i:] for i in range(n))))


def _f1(overlap: int, n_candidate: int, n_reference: int) -> tuple[float, float, float]:
    precision = overlap / n_candidate if n_candidate else 0.0
    recall = overlap / n_reference if n_reference else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def rouge_n(candidate: list[str], reference: list[str], n: int) -> tuple[float, float, float]:
    """(precision, recall, F1) of clipped n-gram overlap."""
    c, r = ngrams(candidate, n), ngrams(reference, n)
    overlap = sum((c & r).values())
    return _f1(overlap, sum(c.values()), sum(r.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (Allison-Dix / Hyyrö bit-parallel)."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for j, t in enumerate(b):
        masks[t] = masks.get(t, 0) | (1 << j)
    full = (1 << len(b)) - 1
    v = full
    for t in a:
        u = v & masks.get(t, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def rouge_l(candidate: list[str], reference: list[str]) -> tuple[float, float, float]:
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def score(candidate: list[str], references: list[list[str]]) -> dict[str, float]:
    """ROUGE-1/2/L F1 (and R2 recall/precision) averaged over the references."""
    out = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0, "rouge2_p": 0.0, "rouge2_r": 0.0}
    if not references:
        return out
    for ref in references:
        r1 = rouge_n(candidate, ref, 1)
        r2 = rouge_n(candidate, ref, 2)
        rl = rouge_l(candidate, ref)
        out["rouge1"] += r1[2]
        out["rouge2"] += r2[2]
        out["rougeL"] += rl[2]
        out["rouge2_p"] += r2[0]
        out["rouge2_r"] += r2[1]
    return {k: v / len(references) for k, v in out.items()}
