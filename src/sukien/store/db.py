"""SQLite store: schema migrations, idempotent ingest, events, storylines, entities, search.

Writes happen inside `transaction()`; a batch of articles and the grouping state that places
them are committed together, so a killed run never leaves an article without its event.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sukien.model import (
    Article,
    Entity,
    Event,
    Storyline,
    SummarySentence,
    TimelineEntry,
)
from sukien.store.rows import (EVENT_HEAD_COLUMNS, STORED_ARTICLE_COLUMNS, ArticleRows, DescriptionRows, DetailRows,
                               StoredEvents, article_from_row, article_rows, attach_mentions, event_detail_rows,
                               from_iso, iso, merge_entity_rows)
from sukien.store.schema import MIGRATIONS
from sukien.text import search_key


def _chunks(items: list, size: int = 900) -> Iterator[list]:
    """Slices short enough for one `IN (?, ...)` list (SQLite allows 999 parameters by default)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


# article columns for work that never shows the raw record (describing events, replaying
# articles into the grouper): the raw record is the largest column
WITHOUT_RAW = ("id, source, url, outlet, title, lead, body, published, published_source, author, credit, "
               "captions, related, warnings, NULL AS raw, duplicate_of, event_id, storyline_id")


class Store:
    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = str(path)
        if readonly:
            if not Path(self.path).exists():
                raise FileNotFoundError(f"{self.path}: no such store")
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # a run inserts into a dozen indexes keyed by random ids: a 128 MB page cache
            # (default 2 MB) and a 32 MB WAL between checkpoints keep the cost of a batch from
            # growing with the store (-23% store time at 20k articles)
            self.conn.execute("PRAGMA cache_size=-131072")
            self.conn.execute("PRAGMA wal_autocheckpoint=8192")
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.readonly = readonly
        if readonly:
            if self.version != len(MIGRATIONS):
                raise RuntimeError(f"{self.path}: store schema version {self.version}, expected {len(MIGRATIONS)}; run `sukien run` to migrate")
        else:
            self.migrate()

    # -- schema -----------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        if self.version > len(MIGRATIONS):
            raise RuntimeError(f"{self.path}: store is from a newer sukien (schema {self.version})")
        for number in range(self.version + 1, len(MIGRATIONS) + 1):
            # executescript commits; wrap the migration and its version bump in one transaction
            self.conn.executescript(f"BEGIN;\n{MIGRATIONS[number - 1]}\nPRAGMA user_version={number};\nCOMMIT;")

    @contextmanager
    def transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def _tuple_cursor(self) -> sqlite3.Cursor:
        """A cursor returning plain tuples: bulk reads of thousands of rows skip sqlite3.Row."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor

    # -- articles ---------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        known: set[str] = set()
        for chunk in _chunks(list(ids)):
            rows = self.conn.execute(f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            known.update(r[0] for r in rows)
        return known

    def count_articles(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def add_articles(self, articles: list[Article]) -> int:
        """Insert articles not yet stored (by id), with their mentions; returns how many were new."""
        placement = {a.id: (a.duplicate_of, a.event_id, a.storyline_id) for a in articles}
        return self.add_article_rows(article_rows(articles), placement)

    def add_article_rows(self, rows: ArticleRows, placement: dict[str, tuple]) -> int:
        """Insert prepared rows of articles not yet stored; `placement` gives each article's
        (duplicate_of, event_id, storyline_id). Returns how many were new."""
        known = self.known_ids(r[0] for r in rows.articles)
        fresh = {}
        for r in rows.articles:
            if r[0] not in known:
                fresh.setdefault(r[0], r)
        if not fresh:
            return 0
        rows = rows.only(set(fresh)) if len(fresh) < len(rows.articles) else rows
        seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
        # an article joining a stored event takes that event's storyline (a grouper loaded from a
        # checkpoint may not know it yet), so articles and their events always agree
        self.conn.executemany(
            """INSERT INTO articles (id, source, url, outlet, title, lead, body, published, published_source,
               author, credit, captions, related, warnings, raw, duplicate_of, event_id, storyline_id, seq)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?17,
                       COALESCE((SELECT storyline_id FROM events WHERE id=?17), ?18), ?19)""",
            [(*r, *placement.get(r[0], (None, None, None)), seq + k) for k, r in enumerate(fresh.values(), start=1)],
        )
        # FTS5 indexes a plain VALUES insert 4x faster than `INSERT ... SELECT rowid FROM articles`
        rowids = dict(self.conn.execute("SELECT id, rowid FROM articles WHERE seq > ?", (seq,)))
        self.conn.executemany(
            "INSERT INTO articles_fts (rowid, title, lead, body) VALUES (?,?,?,?)",
            [(rowids[article_id], title, lead, body) for article_id, title, lead, body in rows.search],
        )
        self.conn.executemany(
            "INSERT INTO time_mentions (article_id, start, end, text, type, value) VALUES (?,?,?,?,?,?)", rows.times)
        self.conn.executemany(
            "INSERT INTO entity_mentions (article_id, entity_id, start, end, text, type) VALUES (?,?,?,?,?,?)",
            rows.mentions)
        self.upsert_entity_rows(rows.entities)
        return len(fresh)

    def replace_time_rows(self, by_article: dict[str, list[tuple]]) -> None:
        """The time mentions of these articles replaced by the given (start, end, text, type, value) rows."""
        self.conn.executemany("DELETE FROM time_mentions WHERE article_id=?", [(a,) for a in by_article])
        self.conn.executemany(
            "INSERT INTO time_mentions (article_id, start, end, text, type, value) VALUES (?,?,?,?,?,?)",
            [(a, *row) for a, rows in by_article.items() for row in rows],
        )

    def set_groups(self, articles: Iterable[Article]) -> None:
        self.conn.executemany(
            "UPDATE articles SET event_id=?, duplicate_of=?, storyline_id=? WHERE id=?",
            [(a.event_id, a.duplicate_of, a.storyline_id, a.id) for a in articles],
        )

    def sync_membership(self, membership: dict[str, str]) -> set[str]:
        """Move articles to the events the grouper now puts them in; returns the events affected."""
        affected: set[str] = set()
        moves = []
        # two covering-index scans: reading id and event_id from the table itself walks every
        # article's body (9 s instead of 0.3 s for 150k articles)
        event_of = dict(self.conn.execute("SELECT rowid, event_id FROM articles"))
        for rowid, article_id in self.conn.execute("SELECT rowid, id FROM articles"):
            current = event_of[rowid]
            target = membership.get(article_id)
            if target and target != current:
                moves.append((target, article_id))
                affected.update(x for x in (target, current) if x)
        # a moved article takes its new event's storyline (`save_storylines` rewrites articles
        # only where an event's storyline changed)
        self.conn.executemany(
            "UPDATE articles SET event_id=?1, storyline_id=(SELECT storyline_id FROM events WHERE id=?1) WHERE id=?2",
            moves)
        return affected

    def _article(self, row: sqlite3.Row) -> Article:
        return article_from_row(tuple(row[c] for c in STORED_ARTICLE_COLUMNS))

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        if not row:
            return None
        article = self._article(row)
        self._attach_mentions([article])
        return article

    def iter_articles(self, with_mentions: bool = False) -> Iterator[Article]:
        cursor = self.conn.execute("SELECT * FROM articles ORDER BY seq")
        while rows := cursor.fetchmany(1000):
            articles = [self._article(r) for r in rows]
            if with_mentions:
                self._attach_mentions(articles)
            yield from articles

    def articles_for_event(self, event_id: str, with_mentions: bool = True) -> list[Article]:
        rows = self.conn.execute("SELECT * FROM articles WHERE event_id=? ORDER BY published, seq", (event_id,)).fetchall()
        articles = [self._article(r) for r in rows]
        if with_mentions:
            self._attach_mentions(articles)
        return articles

    # -- entities ---------------------------------------------------------------------------
    def upsert_entity_rows(self, rows: list[tuple]) -> None:
        """Insert entities, or add the new aliases of those already stored; `rows` are made by
        `entity_rows` / `merge_entity_rows` (one per id)."""
        aliases = {r[0]: dict.fromkeys(r[3]) for r in rows}  # insertion-ordered sets: first seen first
        unchanged = set()
        for chunk in _chunks(list(aliases)):
            stored_rows = self.conn.execute(f"SELECT id, aliases FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            for entity_id, stored_json in stored_rows:
                stored = dict.fromkeys(json.loads(stored_json))
                if aliases[entity_id].keys() <= stored.keys():
                    unchanged.add(entity_id)
                stored.update(aliases[entity_id])
                aliases[entity_id] = stored
        self.conn.executemany(
            "INSERT INTO entities (id, name, type, aliases) VALUES (?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET aliases=excluded.aliases",
            [(entity_id, name, type_, json.dumps(list(aliases[entity_id]), ensure_ascii=False))
             for entity_id, name, type_, _ in rows if entity_id not in unchanged],
        )

    def remap_entity_mentions(self, remaps: Iterable[tuple[str, str, str]]) -> None:
        """Point mentions at the entities their ids were merged into: (new id, article id, old id)."""
        self.conn.executemany("UPDATE entity_mentions SET entity_id=? WHERE article_id=? AND entity_id=?", remaps)

    def get_entity(self, entity_id: str) -> Entity | None:
        row = self.conn.execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
        return Entity(row["id"], row["name"], row["type"], json.loads(row["aliases"])) if row else None

    # -- events -----------------------------------------------------------------------------
    def save_events(self, events: Iterable[Event]) -> None:
        """Insert or update event rows from the grouper, marking them stale for summarising."""
        self.conn.executemany(
            """INSERT INTO events (id, title, first_published, last_published, article_count, stale)
               VALUES (?,?,?,?,?,1)
               ON CONFLICT(id) DO UPDATE SET title=excluded.title, first_published=excluded.first_published,
               last_published=excluded.last_published, article_count=excluded.article_count, stale=1""",
            [(e.id, e.title, iso(e.first_published), iso(e.last_published), len(e.article_ids)) for e in events],
        )

    def delete_events_except(self, keep: set[str]) -> None:
        """Drop event rows the grouper no longer has (merged away by a re-check)."""
        stored = {r[0] for r in self.conn.execute("SELECT id FROM events")}
        gone = sorted(stored - keep)
        self.conn.executemany("DELETE FROM events WHERE id=?", [(g,) for g in gone])
        self.conn.executemany("DELETE FROM timeline_entries WHERE owner=?", [(g,) for g in gone])

    def stale_event_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM events WHERE stale=1 ORDER BY id")]

    def save_description_rows(self, described: list[DescriptionRows]) -> None:
        """What describing these events found (`DescriptionRows`, made by a worker), in one
        statement per table."""
        self.replace_time_rows({a: rows for d in described for a, rows in d.retimed.items()})
        self.upsert_entity_rows(merge_entity_rows(row for d in described for row in d.entities))
        self.remap_entity_mentions(row for d in described for row in d.remapped)
        self.save_detail_rows([(d.event_id, d.details) for d in described])

    def events_with_articles(self, event_ids: list[str]) -> list[tuple[Event, list[Article]]]:
        """Events and their articles (with time and entity mentions), loaded in a few queries."""
        return self.stored_events(event_ids).build()

    def stored_events(self, event_ids: list[str]) -> StoredEvents:
        """The rows `events_with_articles` builds its objects from (cheap to send to a worker)."""
        cursor = self._tuple_cursor()
        events, articles = [], []
        for chunk in _chunks(event_ids):
            marks = ",".join("?" * len(chunk))
            found = {r[0]: r for r in cursor.execute(
                f"SELECT {', '.join(EVENT_HEAD_COLUMNS)} FROM events WHERE id IN ({marks})", chunk)}
            events += [found[i] for i in chunk if i in found]
            articles += cursor.execute(f"SELECT {WITHOUT_RAW} FROM articles WHERE event_id IN ({marks}) "
                                       "ORDER BY published, seq", chunk)  # an event's articles share a chunk
        times, mentions, entities = self._mention_rows(cursor, [r[0] for r in articles])
        return StoredEvents(events, articles, times, mentions, entities)

    def _mention_rows(self, cursor: sqlite3.Cursor, article_ids: list[str]) -> tuple[list, list, list]:
        times, mentions = [], []
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            # no ORDER BY: SQLite's temporary sort cost more than the query; `attach_mentions` sorts
            times += cursor.execute(f"SELECT article_id, start, end, text, type, value FROM time_mentions "
                                    f"WHERE article_id IN ({marks})", chunk)
            mentions += cursor.execute(f"SELECT article_id, start, end, text, type, entity_id FROM entity_mentions "
                                       f"WHERE article_id IN ({marks})", chunk)
        entities = []
        for chunk in _chunks(sorted({m[5] for m in mentions})):
            entities += cursor.execute(
                f"SELECT id, name, type, aliases FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        return times, mentions, entities

    def _attach_mentions(self, articles: list[Article]) -> None:
        cursor = self._tuple_cursor()
        attach_mentions(articles, *self._mention_rows(cursor, [a.id for a in articles]))

    def save_event_details(self, event: Event, entity_counts: dict[str, int]) -> None:
        """Summary, date, timeline and entities of one event; clears its stale flag."""
        self.save_many_event_details([(event, entity_counts)])

    def save_many_event_details(self, items: list[tuple[Event, dict[str, int]]]) -> None:
        """`save_event_details` for many events in a few statements (one per table)."""
        self.save_detail_rows([(e.id, event_detail_rows(e, counts)) for e, counts in items])

    def save_detail_rows(self, items: list[tuple[str, DetailRows]]) -> None:
        """Summary, date, timeline and entity counts of events, by event id; clears their stale flag."""
        ids = [(event_id,) for event_id, _ in items]
        self.conn.executemany("UPDATE events SET date=?, stale=0 WHERE id=?", [(d.date, i) for i, d in items])
        self.conn.executemany("DELETE FROM summary_sentences WHERE event_id=?", ids)
        self.conn.executemany(
            "INSERT INTO summary_sentences (event_id, position, text, article_id, start, end) VALUES (?,?,?,?,?,?)",
            [(i, k, *row) for i, d in items for k, row in enumerate(d.summary)],
        )
        self.conn.executemany("DELETE FROM timeline_entries WHERE owner=?", ids)
        self.conn.executemany(
            "INSERT INTO timeline_entries (owner, position, value, text, article_id, start, end, event_id, label) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [(i, k, value, text, article_id, start, end, i, label)
             for i, d in items for k, (value, text, article_id, start, end, label) in enumerate(d.timeline)],
        )
        self.conn.executemany("DELETE FROM event_entities WHERE event_id=?", ids)
        self.conn.executemany(
            "INSERT INTO event_entities (event_id, entity_id, mentions) VALUES (?,?,?)",
            [(i, entity_id, n) for i, d in items for entity_id, n in d.entity_counts.items()],
        )

    def _timeline(self, owner: str) -> list[TimelineEntry]:
        rows = self.conn.execute("SELECT * FROM timeline_entries WHERE owner=? ORDER BY position", (owner,))
        return [TimelineEntry(r["value"], r["text"], r["article_id"], r["start"], r["end"], r["event_id"], r["label"]) for r in rows]

    def _event(self, row: sqlite3.Row) -> Event:
        event_id = row["id"]
        return Event(
            id=event_id,
            article_ids=[r[0] for r in self.conn.execute("SELECT id FROM articles WHERE event_id=? ORDER BY published, seq", (event_id,))],
            title=row["title"],
            summary=[
                SummarySentence(r["text"], r["article_id"], r["start"], r["end"])
                for r in self.conn.execute("SELECT * FROM summary_sentences WHERE event_id=? ORDER BY position", (event_id,))
            ],
            date=row["date"],
            first_published=from_iso(row["first_published"]),
            last_published=from_iso(row["last_published"]),
            timeline=self._timeline(event_id),
            entity_ids=[r[0] for r in self.conn.execute(
                "SELECT entity_id FROM event_entities WHERE event_id=? ORDER BY mentions DESC, entity_id", (event_id,))],
            storyline_id=row["storyline_id"],
        )

    def get_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT * FROM events WHERE id=?", (event_id,)).fetchone()
        return self._event(row) if row else None

    def get_events(self, event_ids: list[str]) -> list[Event]:
        """These events, with their details, in the order asked (unknown ids are left out)."""
        found = []
        for chunk in _chunks(event_ids):
            rows = self.conn.execute(f"SELECT * FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            by_id = {r["id"]: r for r in rows}
            found += [self._event(by_id[e]) for e in chunk if e in by_id]
        return found

    def list_events(self, limit: int | None = None, offset: int = 0) -> list[Event]:
        sql = "SELECT * FROM events ORDER BY COALESCE(date, last_published, '') DESC, article_count DESC, id"
        params: tuple = ()
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = (limit, offset)
        return [self._event(r) for r in self.conn.execute(sql, params).fetchall()]

    def count_events(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    # -- storylines -------------------------------------------------------------------------
    def save_storylines(self, storylines: list[Storyline]) -> None:
        """Replace all storylines: they are recomputed from the events after every run. Only the
        events (and their articles) whose storyline changed are rewritten."""
        new = {e: s.id for s in storylines for e in s.event_ids}
        old = dict(self.conn.execute("SELECT id, storyline_id FROM events WHERE storyline_id IS NOT NULL"))
        changed = [(new.get(e), e) for e in sorted(old.keys() | new.keys()) if old.get(e) != new.get(e)]
        self.conn.execute("DELETE FROM timeline_entries WHERE owner IN (SELECT id FROM storylines)")
        self.conn.execute("DELETE FROM storylines")
        self.conn.executemany("INSERT INTO storylines (id, title) VALUES (?,?)", [(s.id, s.title) for s in storylines])
        self.conn.executemany("UPDATE events SET storyline_id=? WHERE id=?", changed)
        self.conn.executemany("UPDATE articles SET storyline_id=? WHERE event_id=?", changed)
        self.conn.executemany(
            "INSERT INTO timeline_entries (owner, position, value, text, article_id, start, end, event_id, label) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [(s.id, i, t.value, t.text, t.article_id, t.start, t.end, t.event_id, t.label)
             for s in storylines for i, t in enumerate(s.timeline)],
        )

    def timeline_events(self, event_ids: list[str]) -> list[Event]:
        """These events with only their title, date and timeline (what a storyline's timeline
        is built from), in a few queries; in the order asked, unknown ids left out."""
        cursor = self._tuple_cursor()
        found: dict[str, Event] = {}
        for chunk in _chunks(event_ids):
            marks = ",".join("?" * len(chunk))
            for event_id, title, date in cursor.execute(f"SELECT id, title, date FROM events WHERE id IN ({marks})", chunk):
                found[event_id] = Event(id=event_id, title=title, date=date)
            for owner, value, text, article_id, start, end, event_id, label in cursor.execute(
                    "SELECT owner, value, text, article_id, start, end, event_id, label FROM timeline_entries "
                    f"WHERE owner IN ({marks}) ORDER BY owner, position", chunk):
                if owner in found:
                    found[owner].timeline.append(TimelineEntry(value, text, article_id, start, end, event_id, label))
        return [found[e] for e in event_ids if e in found]

    def get_storyline(self, storyline_id: str) -> Storyline | None:
        row = self.conn.execute("SELECT * FROM storylines WHERE id=?", (storyline_id,)).fetchone()
        if not row:
            return None
        event_ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM events WHERE storyline_id=? ORDER BY COALESCE(date, first_published, ''), id", (storyline_id,))]
        return Storyline(row["id"], event_ids, row["title"], self._timeline(storyline_id))

    def count_storylines(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM storylines").fetchone()[0]

    def list_storylines(self) -> list[Storyline]:
        return [s for s in (self.get_storyline(r[0]) for r in self.conn.execute("SELECT id FROM storylines ORDER BY id")) if s]

    # -- grouping state and runs ------------------------------------------------------------
    def load_grouping_state(self) -> tuple[bytes | None, int]:
        """The saved grouping state and the seq of the last article it includes."""
        row = self.conn.execute("SELECT data, watermark FROM grouping_state WHERE id=1").fetchone()
        return (bytes(row[0]), row[1]) if row else (None, 0)

    def save_grouping_state(self, data: bytes) -> None:
        """Checkpoint the grouping state as covering every article stored so far."""
        self.conn.execute(
            "INSERT INTO grouping_state (id, data, watermark) VALUES (1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET data=excluded.data, watermark=excluded.watermark",
            (data, self.max_seq()),
        )

    def max_seq(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]

    def articles_after(self, seq: int, chunk: int) -> Iterator[list[Article]]:
        """Stored articles with a later seq, in arrival order, `chunk` at a time, with entities."""
        cursor = self.conn.execute(f"SELECT {WITHOUT_RAW} FROM articles WHERE seq > ? ORDER BY seq", (seq,))
        while rows := cursor.fetchmany(chunk):
            articles = [self._article(r) for r in rows]
            self._attach_mentions(articles)
            yield articles

    def start_run(self, inputs: list[str]) -> int:
        with self.transaction():
            cursor = self.conn.execute("INSERT INTO runs (started, inputs) VALUES (?,?)",
                                       (datetime.now(timezone.utc).isoformat(), json.dumps(inputs, ensure_ascii=False)))
        return cursor.lastrowid

    def finish_run(self, run_id: int, added: int, errors: list[str]) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished=?, articles_added=?, errors=? WHERE id=?",
                              (datetime.now(timezone.utc).isoformat(), added, json.dumps(errors, ensure_ascii=False), run_id))

    # -- search -----------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict]:
        """Accent-insensitive full-text search; results ranked by BM25 (title weighted up)."""
        terms = [t for t in search_key(query).replace('"', " ").split() if t]
        if not terms:
            return []
        match = " ".join(f'"{t}"' for t in terms)
        rows = self.conn.execute(
            """SELECT a.id, a.title, a.event_id, bm25(articles_fts, 5.0, 2.0, 1.0) AS rank
               FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
               WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?""",
            (match, limit, offset),
        ).fetchall()
        return [{"id": r["id"], "title": r["title"], "event_id": r["event_id"], "score": -r["rank"]} for r in rows]
