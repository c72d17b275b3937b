"""People, organisations and places: fast Vietnamese NER and alias resolution.

- `find(text)` -> (mentions, entities) for one text;
- `EntityStage().run(articles)` fills `article.mentions` (offsets into `Article.text`) and
  `article.entities` (the title's names count too; a name found only in the title is an
  entity without a mention, since offsets index `Article.text` alone);
- `merge_entities(entity_lists)` and `resolve_event_entities(articles)` merge the entities of
  several articles (an event, a store): same ids join, short forms and acronyms join their one
  longer entity, and the mapping old id -> new id says where each went.

How it works: `ner` (tokens, capitalisation-gated perceptron tagger, repairs), `aliases`
(canonical keys, deterministic ids, merging). See DATA_CARD.md for the model and its data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sukien.entities.aliases import Group, canonical, groups_from_entities, resolve
from sukien.entities.ner import Span, gc_paused, recognise, recognise_many
from sukien.model import Article, Entity, EntityMention

__all__ = ["find", "EntityStage", "merge_entities", "resolve_event_entities", "recognise", "recognise_many",
           "record"]


def _resolve_spans(spans: list[Span], extra: Iterable[Span] = ()) -> tuple[list[EntityMention], list[Entity]]:
    groups: dict[str, Group] = {}
    span_group: list[str] = []
    for span in [*spans, *extra]:
        c = canonical(span.text, span.type)
        if not c.key:
            span_group.append("")
            continue
        g = groups.get(c.id)
        if g is None:
            g = groups[c.id] = Group(c.type, c.key, c.name, id=c.id)
        g.add(span.text)
        span_group.append(g.id)
    entities, final = resolve(list(groups.values()))
    mentions = [EntityMention(s.start, s.end, s.text, s.type, final.get(gid))  # start, end, text, type, entity_id
                for s, gid in zip(spans, span_group) if gid]
    return mentions, entities


def find(text: str) -> tuple[list[EntityMention], list[Entity]]:
    """Mentions (offsets into `text`, entity ids set) and the entities they resolve to."""
    try:
        return _resolve_spans(recognise(text if isinstance(text, str) else ""))
    except Exception:  # bad input never raises; an empty answer is the honest fallback
        return [], []


def record(id: str, text: str) -> dict:
    """The JSON record `sukien entities` prints for one input: id, mentions, entities."""
    mentions, entities = find(text)
    return {
        "id": id,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "entity_id": m.entity_id}
                     for m in mentions],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases} for e in entities],
    }


class EntityStage:
    """Pipeline stage: recognise and resolve entities of each article, batch by batch."""

    def __init__(self, batch_size: int = 64):
        self.batch_size = batch_size

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def _process(self, batch: list[Article]) -> list[Article]:
        texts, sentences = [], []
        for a in batch:
            text = a.text  # a property: joined on every access
            texts += [text, a.title or ""]
            sentences += [_sentence_spans(a, text), None]
        with gc_paused():  # one young-generation collection per batch, after it (see gc_paused)
            spans = recognise_many(texts, sentences)
            for k, article in enumerate(batch):
                article.mentions, article.entities = _resolve_spans(spans[2 * k], spans[2 * k + 1])
        return batch


def _sentence_spans(article: Article, text: str) -> list[tuple[int, int]] | None:
    """The article's sentences as found by the analyse stage, if they fit its text."""
    spans = [(s.start, s.end) for s in article.sentences or []]
    n = len(text)
    if not spans or any(not 0 <= a < b <= n for a, b in spans) or spans != sorted(spans):
        return None
    return spans


def merge_entities(entity_lists: Iterable[list[Entity]]) -> list[Entity]:
    """One list of entities for several articles' entity lists (see `resolve_event_entities`)."""
    return _merge(entity_lists)[0]


def _merge(entity_lists: Iterable[list[Entity]]) -> tuple[list[Entity], dict[str, str]]:
    groups = groups_from_entities(list(entity_lists))
    entities, final = resolve(groups)
    return entities, {old: new for old, new in final.items()}


def resolve_event_entities(articles: Iterable[Article]) -> tuple[list[Entity], dict[str, str]]:
    """Entities of an event and {old id: new id} for every entity id of its articles.

    Short forms across articles: "Kishida" alone in one article and "Fumio Kishida" in
    another become one entity under the longer name's id; the mapping lets callers rewrite
    `article.mentions[*].entity_id` (this function changes nothing in place).
    """
    return _merge([a.entities for a in articles])
