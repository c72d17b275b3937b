"""A self-contained HTML report of a store: events, summaries linked to sources, articles."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from sukien.store import Store

_env = Environment(loader=PackageLoader("sukien.export", "templates"), autoescape=select_autoescape(["html"]))


def render_report(store: Store) -> str:
    events = store.list_events()
    articles = {a.id: a for a in store.iter_articles(with_mentions=False)}
    entities = {}
    for event in events:
        for entity_id in event.entity_ids:
            if entity_id not in entities:
                entities[entity_id] = store.get_entity(entity_id)
    return _env.get_template("report.html").render(
        events=events,
        articles=articles,
        entities=entities,
        storylines=store.list_storylines(),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(store: Store, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(store), encoding="utf-8")
    return path
