"""Plain JSON-ready records of articles, events and storylines (shared by CLI, report and API)."""

from __future__ import annotations

from dataclasses import asdict

from sukien.model import Article, Event, Storyline
from sukien.store import Store


def article_record(article: Article, with_raw: bool = False) -> dict:
    record = {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "author": article.author,
        "credit": article.credit,
        "lead": article.lead,
        "body": article.text,
        "captions": article.captions,
        "related": article.related,
        "warnings": article.warnings,
        "event_id": article.event_id,
        "storyline_id": article.storyline_id,
        "duplicate_of": article.duplicate_of,
        "times": [asdict(t) for t in article.times],
        "mentions": [asdict(m) for m in article.mentions],
    }
    if with_raw:
        record["raw"] = article.raw
    return record


def event_record(event: Event, store: Store) -> dict:
    entities = [store.get_entity(i) for i in event.entity_ids]
    return {
        "event_id": event.id,
        "title": event.title,
        "date": event.date,
        "first_published": event.first_published.isoformat() if event.first_published else None,
        "last_published": event.last_published.isoformat() if event.last_published else None,
        "storyline_id": event.storyline_id,
        "article_ids": event.article_ids,
        "summary": event.summary_text,
        "summary_sentences": [asdict(s) for s in event.summary],
        "timeline": [asdict(t) for t in event.timeline],
        "entities": [asdict(e) for e in entities if e],
    }


def storyline_record(storyline: Storyline) -> dict:
    return {
        "storyline_id": storyline.id,
        "title": storyline.title,
        "event_ids": storyline.event_ids,
        "timeline": [asdict(t) for t in storyline.timeline],
    }
