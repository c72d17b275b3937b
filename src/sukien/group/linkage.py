"""Size-weighted average-link agglomeration over a sparse similarity graph.

Nodes are clusters with a size (an article is size 1, an existing event its member count).
Similarities between nodes are given for a sparse set of pairs; a missing pair counts as 0.
Pairs marked as forbidden (two existing events) never merge, and neither do clusters that
contain them. The globally best pair is merged first, so the result does not depend on the
order the nodes were given in.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components


def average_link(
    n_nodes: int,
    rows: np.ndarray,
    cols: np.ndarray,
    sims: np.ndarray,
    sizes: np.ndarray,
    threshold: float,
    locked: np.ndarray | None = None,
    size_penalty: float = 0.0,
) -> np.ndarray:
    """Cluster label per node; clusters merge while their average-link similarity >= threshold.

    `locked` marks nodes of which no two may end up in one cluster (existing events). With
    `size_penalty` c, clusters of sizes m and n merge only when their average link is at
    least threshold + c / sqrt(m * n): an average over few pairs is weaker evidence.
    """
    labels = np.arange(n_nodes)
    keep = (sims > 0) & (rows != cols)
    rows, cols, sims = rows[keep], cols[keep], sims[keep]
    strong = sims >= threshold
    if not strong.any():
        return labels
    # an average >= threshold needs one pair >= threshold, so clusters never cross the
    # components of the strong-edge graph; weaker edges still count inside the averages
    graph = sp.coo_matrix((np.ones(int(strong.sum())), (rows[strong], cols[strong])), shape=(n_nodes, n_nodes))
    n_comp, comp = connected_components(graph, directed=False)
    inside = comp[rows] == comp[cols]
    rows, cols, sims = rows[inside], cols[inside], sims[inside]
    order = np.argsort(comp[rows], kind="stable")
    rows, cols, sims = rows[order], cols[order], sims[order]
    edge_comp = comp[rows]
    bounds = np.searchsorted(edge_comp, np.arange(n_comp + 1))
    locked = np.zeros(n_nodes, dtype=bool) if locked is None else locked
    for c in range(n_comp):
        lo, hi = bounds[c], bounds[c + 1]
        if hi == lo:
            continue
        members = np.unique(np.concatenate([rows[lo:hi], cols[lo:hi]]))
        local = np.searchsorted(members, rows[lo:hi]), np.searchsorted(members, cols[lo:hi])
        sub = _cluster_dense(
            members, local, sims[lo:hi], sizes[members].astype(float), threshold, locked[members], size_penalty
        )
        labels[members] = members[sub]
    return labels


def _cluster_dense(members, local, sims, sizes, threshold, locked, size_penalty) -> np.ndarray:
    """Average-link within one connected component using a dense similarity matrix."""
    n = len(members)
    sim = np.zeros((n, n))
    li, lj = local
    # several edges for one pair (both directions): keep the largest
    np.maximum.at(sim, (li, lj), sims)
    np.maximum.at(sim, (lj, li), sims)
    np.fill_diagonal(sim, -np.inf)
    lock_idx = np.flatnonzero(locked)
    if len(lock_idx) > 1:
        sim[np.ix_(lock_idx, lock_idx)] = -np.inf
    label = np.arange(n)
    size = sizes.copy()

    def adjusted(r: int) -> np.ndarray:
        # the average of few similarities is noisy: small pairs must clear a higher bar
        return sim[r] - size_penalty / np.sqrt(size[r] * size)

    adj = sim - size_penalty / np.sqrt(np.outer(size, size))
    best = adj.argmax(axis=1)
    best_val = adj[np.arange(n), best]
    while True:
        a = int(np.argmax(best_val))
        b = int(best[a])
        if best_val[a] < threshold:
            break
        if b < a:
            a, b = b, a
        # Lance-Williams update for average linkage; -inf (forbidden) stays -inf
        with np.errstate(invalid="ignore"):
            merged = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])
        merged[np.isnan(merged)] = -np.inf
        merged[a] = merged[b] = -np.inf
        sim[a, :] = merged
        sim[:, a] = merged
        sim[b, :] = -np.inf
        sim[:, b] = -np.inf
        size[a] += size[b]
        label[label == b] = a
        best_val[b] = -np.inf
        # rows whose best partner was a or b need a fresh maximum; others may now prefer a
        merged_adj = adjusted(a)
        stale = np.flatnonzero((best == a) | (best == b))
        stale = stale[stale != b]
        better = merged_adj > best_val
        better[b] = False
        best[better] = a
        best_val[better] = merged_adj[better]
        for r in np.union1d(stale, [a]):
            row = adjusted(r)
            best[r] = int(np.argmax(row))
            best_val[r] = row[best[r]]
    return label
