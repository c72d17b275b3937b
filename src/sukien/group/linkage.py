"""Size-weighted average-link agglomeration over a sparse similarity graph.

Nodes are clusters with a size (an article is size 1, an existing event its member count).
Similarities between nodes are given for a sparse set of pairs; a missing pair counts as 0.
Pairs marked as forbidden (two existing events) never merge, and neither do clusters that
contain them. The globally best pair is merged first, so the result does not depend on the
order the nodes were given in.

Each connected component of the strong-edge graph is clustered on its own: small ones with a
dense matrix (fast numpy updates), large ones (a recheck over a big store can chain
thousands of articles through near-threshold pairs) with sparse neighbour maps and a heap,
so memory follows the number of pairs, not the square of the component size. Both apply
the same Lance-Williams update and give the same clusters.
"""

from __future__ import annotations

import heapq

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

DENSE_MAX = 1500  # components up to this many nodes use the dense matrix


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
        cluster = _cluster_dense if len(members) <= DENSE_MAX else _cluster_sparse
        sub = cluster(
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


def _cluster_sparse(members, local, sims, sizes, threshold, locked, size_penalty) -> np.ndarray:
    """Average-link within one component over sparse neighbour maps (missing pairs are 0).

    A heap holds candidate merges; an entry is stale once either side has merged since it
    was pushed (per-node versions). Ties go to the lower node indices, as in the dense path.
    """
    n = len(members)
    li, lj = local
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, v in zip(li.tolist(), lj.tolist(), sims.tolist()):
        if a == b:
            continue
        if v > nbr[a].get(b, -np.inf):  # several edges for one pair: keep the largest
            nbr[a][b] = v
            nbr[b][a] = v
    size = sizes.astype(float).copy()
    has_lock = locked.astype(bool).copy()
    version = [0] * n
    label = np.arange(n)
    alive = np.ones(n, dtype=bool)

    def adjusted(a: int, b: int, v: float) -> float:
        return v - size_penalty / np.sqrt(size[a] * size[b]) if size_penalty else v

    heap = []
    for a in range(n):
        for b, v in nbr[a].items():
            if a < b and not (has_lock[a] and has_lock[b]):
                adj = adjusted(a, b, v)
                if adj >= threshold:
                    heap.append((-adj, a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if -neg < threshold:
            break
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        # merge b into a (a < b)
        sa, sb = size[a], size[b]
        na, nb = nbr[a], nbr[b]
        merged: dict[int, float] = {}
        for c in set(na) | set(nb):
            if c == a or c == b:
                continue
            merged[c] = (sa * na.get(c, 0.0) + sb * nb.get(c, 0.0)) / (sa + sb)
        for c in nb:
            if c != a:
                del nbr[c][b]
        nbr[b] = {}
        alive[b] = False
        label[label == b] = a
        size[a] = sa + sb
        has_lock[a] = has_lock[a] or has_lock[b]
        nbr[a] = merged
        version[a] += 1
        for c, v in merged.items():
            nbr[c][a] = v
            if has_lock[a] and has_lock[c]:
                continue
            adj = adjusted(a, c, v)
            if adj >= threshold:
                lo, hi = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-adj, lo, hi, version[lo], version[hi]))
    return label
