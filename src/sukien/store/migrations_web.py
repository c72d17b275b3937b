"""A schema migration the web pages want: three indexes, no new tables or columns.

- `events_listing`: `/` and `/api/events` list events by `last_published DESC, article_count
  DESC, id`. With only `events_last_published`, SQLite sorts every event sharing a publication
  time (all of them in a store without dates) on each page view; this index hands them out in order.
- `summary_sentences_article`, `timeline_entries_article`: an article page looks up the spans
  that summaries and timelines cite from it; without them that is a scan of both tables.

Append it to `sukien.store.schema.MIGRATIONS`; it is idempotent (IF NOT EXISTS).
"""

from __future__ import annotations

WEB_INDEXES = """
CREATE INDEX IF NOT EXISTS events_listing ON events(last_published DESC, article_count DESC, id);
CREATE INDEX IF NOT EXISTS summary_sentences_article ON summary_sentences(article_id);
CREATE INDEX IF NOT EXISTS timeline_entries_article ON timeline_entries(article_id);
"""


def web_migration() -> str:
    """The SQL of the migration, for `MIGRATIONS.append(web_migration())`."""
    return WEB_INDEXES
