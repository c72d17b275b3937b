"""The SQLite schema, as numbered migrations applied in order.

A store records its version in `PRAGMA user_version`; opening an older store applies the
missing migrations in one transaction each. Never edit a released migration: add a new one.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, events, storylines, entities, times, summaries, grouping state, runs
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL DEFAULT '',
        url TEXT,
        outlet TEXT,
        title TEXT NOT NULL DEFAULT '',
        lead TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',          -- paragraphs joined by newlines
        published TEXT,                         -- ISO 8601 with offset
        published_source TEXT,
        author TEXT,
        credit TEXT,
        captions TEXT NOT NULL DEFAULT '[]',    -- JSON list
        related TEXT NOT NULL DEFAULT '[]',
        warnings TEXT NOT NULL DEFAULT '[]',
        raw TEXT,
        duplicate_of TEXT,
        event_id TEXT,
        storyline_id TEXT,
        seq INTEGER NOT NULL                    -- arrival order
    );
    CREATE INDEX articles_event ON articles(event_id);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);

    CREATE TABLE time_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL
    );
    CREATE INDEX time_mentions_article ON time_mentions(article_id);

    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL
    );
    CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);

    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        date TEXT,                              -- when it happened (TIMEX3 value)
        first_published TEXT,
        last_published TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        storyline_id TEXT,
        stale INTEGER NOT NULL DEFAULT 1        -- summary/timeline need recomputing
    );
    CREATE INDEX events_last_published ON events(last_published);
    CREATE INDEX events_storyline ON events(storyline_id);

    CREATE TABLE event_entities (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (event_id, entity_id)
    );
    CREATE INDEX event_entities_entity ON event_entities(entity_id);

    CREATE TABLE summary_sentences (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL, article_id TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        PRIMARY KEY (event_id, position)
    );

    CREATE TABLE storylines (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE timeline_entries (
        owner TEXT NOT NULL,                    -- an event id or a storyline id
        position INTEGER NOT NULL,
        value TEXT NOT NULL, text TEXT NOT NULL,
        article_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        event_id TEXT, label TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (owner, position)
    );

    CREATE TABLE grouping_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data BLOB NOT NULL
    );

    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started TEXT NOT NULL,
        finished TEXT,
        inputs TEXT NOT NULL,
        articles_added INTEGER NOT NULL DEFAULT 0,
        errors TEXT NOT NULL DEFAULT '[]'
    );

    -- accent- and tone-mark-insensitive full-text search over folded copies of the text
    -- (sukien.text.search_key); folding maps each character to one character, so positions
    -- in a folded column are positions in the displayed text. rowid = articles.rowid.
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, body, tokenize='unicode61');
    """,
    # 2: indexes for the web pages: event listing order, spans cited from an article
    """
    CREATE INDEX events_listing ON events(last_published DESC, article_count DESC, id);
    CREATE INDEX summary_sentences_article ON summary_sentences(article_id);
    CREATE INDEX timeline_entries_article ON timeline_entries(article_id);
    """,
    # 3: the grouping state is checkpointed, not rewritten after every batch: `watermark` is the
    # seq of the last article it includes; later articles are replayed into it on load
    """
    ALTER TABLE grouping_state ADD COLUMN watermark INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: arrival order is read for every batch (the next seq) and on resume (articles after the
    # watermark); without an index each read scanned the whole table, so ingest slowed as the
    # store grew
    """
    CREATE INDEX articles_seq ON articles(seq);
    """,
]
