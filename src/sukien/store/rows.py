"""Articles, events and their descriptions as the store writes and reads them: plain tuples.

The rows are computed where the articles were prepared (a Dask worker, or this process): JSON
encoding and accent-folded search keys cost as much as the inserts themselves, and tuples of
strings travel back to the driver far more cheaply than the articles' object graphs. What only
grouping decides (event id, duplicate of, arrival order) is added when the rows are inserted.
The other way round, `StoredEvents` are events as read back for describing: the driver only
runs the queries, the worker that describes them builds the objects (`StoredEvents.build`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import NamedTuple

from sukien.model import Article, Entity, EntityMention, Event, EventDescription, TimeMention
from sukien.text import search_key


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass
class ArticleRows:
    """One batch of articles, one list per table; every row starts with its article id."""

    articles: list[tuple] = field(default_factory=list)  # id .. raw, see ARTICLE_COLUMNS
    search: list[tuple] = field(default_factory=list)  # (id, title key, lead key, body key)
    times: list[tuple] = field(default_factory=list)  # (id, start, end, text, type, value)
    mentions: list[tuple] = field(default_factory=list)  # (id, entity id, start, end, text, type)
    entities: list[tuple] = field(default_factory=list)  # (id, name, type, aliases), see entity_rows

    def only(self, ids: set[str]) -> "ArticleRows":
        """The rows of these articles only."""
        return ArticleRows([r for r in self.articles if r[0] in ids], [r for r in self.search if r[0] in ids],
                           [r for r in self.times if r[0] in ids], [r for r in self.mentions if r[0] in ids],
                           self.entities)


ARTICLE_COLUMNS = ("id", "source", "url", "outlet", "title", "lead", "body", "published", "published_source",
                   "author", "credit", "captions", "related", "warnings", "raw")


def article_rows(articles: list[Article]) -> ArticleRows:
    rows = ArticleRows()
    for a in articles:
        body = "\n".join(a.body)
        rows.articles.append((a.id, a.source, a.url, a.outlet, a.title, a.lead, body, iso(a.published),
                              a.published_source, a.author, a.credit, json.dumps(a.captions, ensure_ascii=False),
                              json.dumps(a.related, ensure_ascii=False), json.dumps(a.warnings, ensure_ascii=False),
                              a.raw))
        rows.search.append((a.id, search_key(a.title), search_key(a.lead), search_key(body)))
        rows.times += [(a.id, m.start, m.end, m.text, m.type, m.value) for m in a.times]
        rows.mentions += [(a.id, m.entity_id, m.start, m.end, m.text, m.type) for m in a.mentions if m.entity_id]
    rows.entities = entity_rows(e for a in articles for e in a.entities)
    return rows


def entity_rows(entities: Iterable[Entity]) -> list[tuple]:
    """One (id, name, type, aliases) row per entity id: the first name and type met, and the
    aliases of every copy in the order first seen (a batch names "Việt Nam" hundreds of times)."""
    return merge_entity_rows((e.id, e.name, e.type, e.aliases) for e in entities)


def merge_entity_rows(rows: Iterable[tuple]) -> list[tuple]:
    """`entity_rows` over rows that may repeat an id (from several events or batches)."""
    first: dict[str, tuple] = {}
    aliases: dict[str, dict[str, None]] = {}  # insertion-ordered sets
    for row in rows:
        first.setdefault(row[0], row)
        aliases.setdefault(row[0], {}).update(dict.fromkeys(row[3]))
    return [(i, name, type_, tuple(aliases[i])) for i, (_, name, type_, _) in first.items()]


class DetailRows(NamedTuple):  # a tuple: thousands of these travel back from the workers per batch
    """An event's summary, date, timeline and entity counts, before its id is known."""

    date: str | None
    summary: list[tuple]  # (text, article id, start, end)
    timeline: list[tuple]  # (value, text, article id, start, end, label)
    entity_counts: dict[str, int]


def event_detail_rows(event: Event, entity_counts: dict[str, int]) -> DetailRows:
    return DetailRows(event.date, [(s.text, s.article_id, s.start, s.end) for s in event.summary],
                      [(t.value, t.text, t.article_id, t.start, t.end, t.label) for t in event.timeline],
                      dict(entity_counts))


def detail_rows(description: EventDescription) -> DetailRows:
    return event_detail_rows(description.event, description.entity_counts)


# the articles columns an Article is read back from, in `article_from_row`'s order
STORED_ARTICLE_COLUMNS = ARTICLE_COLUMNS + ("duplicate_of", "event_id", "storyline_id")


def article_from_row(row) -> Article:
    """An Article from a row of STORED_ARTICLE_COLUMNS (a tuple or an sqlite3.Row)."""
    (id_, source, url, outlet, title, lead, body, published, published_source, author, credit, captions, related,
     warnings, raw, duplicate_of, event_id, storyline_id) = row
    return Article(id=id_, title=title, lead=lead, body=body.split("\n") if body else [], source=source, url=url,
                   outlet=outlet, published=from_iso(published), published_source=published_source, author=author,
                   credit=credit, captions=json.loads(captions), related=json.loads(related),
                   warnings=json.loads(warnings), raw=raw, duplicate_of=duplicate_of, event_id=event_id,
                   storyline_id=storyline_id)


EVENT_HEAD_COLUMNS = ("id", "title", "date", "storyline_id", "first_published", "last_published")


class StoredEvents(NamedTuple):
    """Events and their articles as read from the store for describing, one list per table."""

    events: list[tuple]  # EVENT_HEAD_COLUMNS, in the order asked for
    articles: list[tuple]  # STORED_ARTICLE_COLUMNS (raw left out), by published time then arrival
    times: list[tuple]  # (article id, start, end, text, type, value)
    mentions: list[tuple]  # (article id, start, end, text, type, entity id)
    entities: list[tuple]  # (id, name, type, aliases JSON)

    def build(self) -> list[tuple[Event, list[Article]]]:
        """The events with their articles, time and entity mentions and entities attached."""
        articles = [article_from_row(r) for r in self.articles]
        attach_mentions(articles, self.times, self.mentions, self.entities)
        by_event: dict[str, list[Article]] = {r[0]: [] for r in self.events}
        for a in articles:
            if a.event_id in by_event:
                by_event[a.event_id].append(a)
        out = []
        for event_id, title, date, storyline_id, first, last in self.events:
            members = by_event[event_id]
            out.append((Event(id=event_id, article_ids=[a.id for a in members], title=title, date=date,
                              storyline_id=storyline_id, first_published=from_iso(first),
                              last_published=from_iso(last)), members))
        return out


def attach_mentions(articles: list[Article], times: Iterable[tuple], mentions: Iterable[tuple],
                    entities: Iterable[tuple]) -> None:
    """Fill the articles' times, mentions and entities from their rows (see StoredEvents)."""
    by_id = {a.id: a for a in articles}
    for article_id, *mention in sorted(times, key=itemgetter(1)):  # by start
        by_id[article_id].times.append(TimeMention(*mention))
    for article_id, *mention in sorted(mentions, key=itemgetter(1)):
        by_id[article_id].mentions.append(EntityMention(*mention))
    known = {entity_id: Entity(entity_id, name, type_, json.loads(aliases)) for entity_id, name, type_, aliases in entities}
    for a in articles:
        a.entities = [known[i] for i in sorted({m.entity_id for m in a.mentions}) if i in known]


class DescriptionRows(NamedTuple):
    """What describing an event found, as store rows (made where it was described: tuples
    travel back to the driver far more cheaply than the objects)."""

    event_id: str
    details: DetailRows
    entities: list[tuple]  # entity_rows of the event's entities
    remapped: list[tuple[str, str, str]]  # (event-level entity id, article id, article-level entity id)
    retimed: dict[str, list[tuple]]  # article id -> (start, end, text, type, value) of its new time mentions


def description_rows(d: EventDescription, articles: list[Article]) -> DescriptionRows:
    """`d` as rows; `articles` are the event's, whose mentions of merged entities are remapped
    (only the ids each article mentions: an event merges aliases found in any of its articles)."""
    remapped = [(d.merged_into[old], a.id, old) for a in articles
                for old in sorted({m.entity_id for m in a.mentions if m.entity_id})
                if d.merged_into.get(old, old) != old]
    return DescriptionRows(d.event.id, detail_rows(d), entity_rows(d.entities), remapped,
                           {a: [(m.start, m.end, m.text, m.type, m.value) for m in times] for a, times in d.retimed.items()})
