"""Growable sparse row storage, so adding a batch costs the batch, not the store.

`RowStore` is an append-only CSR matrix with doubling capacity: `matrix` is a view of the
filled part (no copy). `SumStore` keeps one sum row per event on top of it: updating an
event appends its new row and moves the event's pointer; the stale rows are reclaimed by an
occasional compaction, so the amortised cost per update is the size of the updated rows.
Also the row-wise products that grouping and storyline linking share (`top_per_row`,
`rowwise_dot`).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


class RowStore:
    def __init__(self, n_cols: int, dtype=np.float32):
        self.n_cols = n_cols
        self._data = np.zeros(1024, dtype=dtype)
        self._indices = np.zeros(1024, dtype=np.int32)
        self._indptr = np.zeros(1024, dtype=np.int64)
        self.n_rows = 0
        self._view: sp.csr_matrix | None = None

    @classmethod
    def from_csr(cls, m: sp.csr_matrix) -> "RowStore":
        store = cls(m.shape[1], m.dtype)
        store.append(m)
        return store

    @property
    def nnz(self) -> int:
        return int(self._indptr[self.n_rows])

    def append(self, m: sp.csr_matrix) -> np.ndarray:
        """Append rows; returns their row numbers."""
        m = sp.csr_matrix(m)
        m.sort_indices()
        nnz0, n0 = self.nnz, self.n_rows
        self._data = _ensure(self._data, nnz0 + m.nnz)
        self._indices = _ensure(self._indices, nnz0 + m.nnz)
        self._indptr = _ensure(self._indptr, n0 + m.shape[0] + 1)
        self._data[nnz0 : nnz0 + m.nnz] = m.data
        self._indices[nnz0 : nnz0 + m.nnz] = m.indices
        self._indptr[n0 + 1 : n0 + m.shape[0] + 1] = nnz0 + m.indptr[1:]
        self.n_rows += m.shape[0]
        self._view = None
        return np.arange(n0, self.n_rows)

    @property
    def matrix(self) -> sp.csr_matrix:
        if self._view is None:
            n, nnz = self.n_rows, self.nnz
            self._view = sp.csr_matrix(
                (self._data[:nnz], self._indices[:nnz], self._indptr[: n + 1]), shape=(n, self.n_cols), copy=False
            )
        return self._view


def _ensure(arr: np.ndarray, size: int) -> np.ndarray:
    if size <= len(arr):
        return arr
    grown = np.zeros(max(size, 2 * len(arr)), dtype=arr.dtype)
    grown[: len(arr)] = arr
    return grown


class SumStore:
    """One sparse sum row per event; row 0 of the store is the empty row."""

    def __init__(self, n_cols: int):
        self._store = RowStore(n_cols)
        self._store.append(sp.csr_matrix((1, n_cols), dtype=np.float32))
        self._ptr = np.zeros(0, dtype=np.int64)
        self._live_nnz = 0

    @classmethod
    def from_csr(cls, sums: sp.csr_matrix) -> "SumStore":
        store = cls(sums.shape[1])
        store._ptr = store._store.append(sums.astype(np.float32))
        store._live_nnz = sums.nnz
        return store

    def grow(self, n_events: int) -> None:
        if n_events > len(self._ptr):
            self._ptr = np.concatenate([self._ptr, np.zeros(n_events - len(self._ptr), dtype=np.int64)])

    def rows(self, events: np.ndarray) -> sp.csr_matrix:
        return self._store.matrix[self._ptr[events]]

    def matrix(self) -> sp.csr_matrix:
        return self.rows(np.arange(len(self._ptr)))

    def add(self, events: np.ndarray, delta: sp.csr_matrix) -> None:
        """Add `delta` row k to the sum of `events[k]` (events distinct)."""
        if len(events) == 0:
            return
        old = self.rows(events)
        new = (old + delta).tocsr().astype(np.float32)
        self._live_nnz += new.nnz - old.nnz
        self._ptr[events] = self._store.append(new)
        if self._store.nnz > 2 * self._live_nnz + 1_000_000:
            self._compact()

    def _compact(self) -> None:
        live = self.matrix()
        fresh = SumStore.from_csr(live)
        self._store, self._ptr, self._live_nnz = fresh._store, fresh._ptr, fresh._live_nnz


def top_per_row(m: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """A copy of `m` with each row cut to its `k` largest values (ties: the earlier stored)."""
    m = m.tocsr(copy=True)
    counts = np.diff(m.indptr)
    for r in np.flatnonzero(counts > k):
        lo, hi = m.indptr[r], m.indptr[r + 1]
        vals = m.data[lo:hi]
        vals[np.argsort(-vals, kind="stable")[k:]] = 0
    m.eliminate_zeros()
    return m


def rowwise_dot(a: sp.csr_matrix, b: sp.csr_matrix) -> np.ndarray:
    """Dot product of row i of `a` with row i of `b`, for all i."""
    if a.shape[0] == 0:
        return np.zeros(0)
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()
