"""The store: one SQLite file, the single source of truth between runs."""

from sukien.store.db import Store

__all__ = ["Store"]
