"""Exports: articles and events as JSON/JSONL, and a self-contained HTML report."""

from sukien.export.records import article_record, event_record, storyline_record

__all__ = ["article_record", "event_record", "storyline_record"]
