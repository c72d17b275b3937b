"""Average link: the sparse path (large components) and the dense path give the same clusters."""

from __future__ import annotations

import numpy as np
import pytest

import sukien.group.linkage as linkage


def _partition(labels):
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    return sorted(tuple(g) for g in groups.values())


@pytest.mark.parametrize("seed", range(8))
def test_sparse_and_dense_paths_agree(seed, monkeypatch):
    rng = np.random.default_rng(seed)
    n, e = 200, 2500
    rows, cols, sims = rng.integers(0, n, e), rng.integers(0, n, e), rng.random(e) * 0.5
    sizes = rng.integers(1, 5, n).astype(float)
    locked = rng.random(n) < 0.2
    monkeypatch.setattr(linkage, "DENSE_MAX", 10**9)
    dense = linkage.average_link(n, rows, cols, sims, sizes, 0.2, locked, 0.02)
    monkeypatch.setattr(linkage, "DENSE_MAX", 0)
    sparse = linkage.average_link(n, rows, cols, sims, sizes, 0.2, locked, 0.02)
    assert _partition(dense) == _partition(sparse)
    # something merged, and no cluster holds two locked nodes
    assert len(set(sparse.tolist())) < n
    for group in _partition(sparse):
        assert locked[list(group)].sum() <= 1


def test_average_not_single_link(monkeypatch):
    # a chain a-b (0.9), b-c (0.9), a-c missing: a+b merge, then c's average with {a, b} is 0.45
    monkeypatch.setattr(linkage, "DENSE_MAX", 0)
    labels = linkage.average_link(3, np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.8]), np.ones(3), 0.5)
    assert labels[0] == labels[1] != labels[2]
    labels = linkage.average_link(3, np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.8]), np.ones(3), 0.4)
    assert labels[0] == labels[1] == labels[2]
