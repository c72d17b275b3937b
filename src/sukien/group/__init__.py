"""Grouping: near-duplicates, events (online, incremental) and storylines."""

from sukien.group.grouper import EventGrouper, GroupConfig

__all__ = ["EventGrouper", "GroupConfig"]
