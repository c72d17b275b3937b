"""Metrics shared by the benchmarks: B-cubed, ARI, ROUGE with a diacritics-preserving tokenizer."""

from __future__ import annotations

from collections import defaultdict

from sukien.summarise.rouge import rouge_l, rouge_n, tokens as rouge_tokens


def rouge_scores(summary: str, references: list[str], budget: int) -> dict[str, float]:
    """ROUGE-1/2/L F1 of `summary` cut at `budget` tokens, averaged over the references."""
    candidate = rouge_tokens(summary)[:budget]
    refs = [rouge_tokens(r) for r in references]
    return {
        "R1": sum(rouge_n(candidate, r, 1)[2] for r in refs) / len(refs),
        "R2": sum(rouge_n(candidate, r, 2)[2] for r in refs) / len(refs),
        "RL": sum(rouge_l(candidate, r)[2] for r in refs) / len(refs),
    }


def bcubed(predicted: dict[str, str], gold: dict[str, str], scored: set[str] | None = None) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items in `scored` (default: all gold items).

    Items outside `scored` (distractors) still count against the precision of scored items that
    share their predicted cluster.
    """
    scored = scored if scored is not None else set(gold)
    by_pred: dict[str, list[str]] = defaultdict(list)
    for item, cluster in predicted.items():
        by_pred[cluster].append(item)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in scored:
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in scored:
        members = by_pred[predicted[item]]
        same = sum(1 for m in members if gold.get(m) == gold[item])
        precision += same / len(members)
        recall += sum(1 for m in by_gold[gold[item]] if predicted.get(m) == predicted[item]) / len(by_gold[gold[item]])
    p, r = precision / len(scored), recall / len(scored)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def adjusted_rand(predicted: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = sorted(gold)
    return adjusted_rand_score([gold[i] for i in items], [predicted[i] for i in items])
