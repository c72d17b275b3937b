"""Executors: where the per-article stages run.

The pipeline hands an executor a function and an iterator of batches and gets the results back
in input order. `LocalExecutor` runs them in this process. `DaskExecutor` ships them to a
`dask.distributed` cluster (a real one via its scheduler address, or a `LocalCluster` it starts),
keeping a bounded number of batches in flight so memory stays flat on any corpus size. Grouping
then runs in the driver over the prepared articles in input order, so a distributed run gives
exactly the events a local run gives.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class LocalExecutor:
    name = "local"

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield fn(item)

    def close(self) -> None:
        pass


class DaskExecutor:
    """Runs batches on a dask.distributed cluster; results come back in input order."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 2, threads_per_worker: int = 1,
                 in_flight_per_worker: int = 2):
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info()["workers"]))
        self.window = self.workers * in_flight_per_worker

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        pending: deque = deque()
        for item in items:
            pending.append(self.client.submit(_call_sealed, fn, _Sealed(item), pure=False))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class _Sealed:
    """An argument dask passes through untouched. Dask walks every list, tuple and dict given
    to `submit` in search of futures, element by element: for a batch of store rows (tens of
    thousands of tuples) that walk cost more than pickling it. Our batches never hold futures."""

    __slots__ = ("item",)

    def __init__(self, item: Any):
        self.item = item

    def __getstate__(self):
        return self.item

    def __setstate__(self, item):
        self.item = item


def _call_sealed(fn: Callable[[Any], Any], sealed: _Sealed) -> Any:
    return fn(sealed.item)


def make_executor(kind: str = "local", scheduler: str | None = None, workers: int = 2):
    if kind == "local":
        return LocalExecutor()
    if kind == "dask":
        if not scheduler:
            raise ValueError("--executor dask needs --scheduler tcp://HOST:PORT")
        return DaskExecutor(scheduler=scheduler)
    if kind == "dask-local":
        return DaskExecutor(workers=workers)
    raise ValueError(f"unknown executor {kind!r} (local, dask, dask-local)")
