"""Response models of the JSON API: they document it in /openapi.json and fix its shape."""

from __future__ import annotations

from pydantic import BaseModel


class EntityRef(BaseModel):
    id: str
    name: str
    type: str
    mentions: int | None = None


class EntityOut(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int | None = None


class Ref(BaseModel):
    id: str
    title: str


class EventCard(BaseModel):
    id: str
    title: str
    date: str | None
    first_published: str | None
    last_published: str | None
    article_count: int
    storyline_id: str | None
    outlets: list[str]
    top_entities: list[EntityRef]
    summary_lead: str
    entity_mentions: int | None = None


class EventList(BaseModel):
    total: int
    page: int
    per_page: int
    filters: dict[str, str]
    events: list[EventCard]


class SummarySentenceOut(BaseModel):
    text: str
    article_id: str
    start: int
    end: int
    source_number: int | None = None


class TimelineEntryOut(BaseModel):
    value: str
    text: str
    article_id: str
    start: int
    end: int
    event_id: str | None = None
    label: str = ""
    source_number: int | None = None


class ArticleRef(BaseModel):
    id: str
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    duplicate_of: str | None
    has_raw: bool


class EventOut(BaseModel):
    event_id: str
    id: str
    title: str
    date: str | None
    first_published: str | None
    last_published: str | None
    storyline_id: str | None
    storyline: Ref | None
    article_ids: list[str]
    article_count: int
    outlets: list[str]
    summary: str
    summary_sentences: list[SummarySentenceOut]
    timeline: list[TimelineEntryOut]
    entities: list[EntityOut]
    articles: list[ArticleRef]


class StorylineOut(BaseModel):
    storyline_id: str
    id: str
    title: str
    event_ids: list[str]
    events: list[EventCard]
    timeline: list[TimelineEntryOut]


class MentionsOnDay(BaseModel):
    date: str
    mentions: int


class EntityPage(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int
    undated_mentions: int
    mentions_over_time: list[MentionsOnDay]
    events_total: int
    page: int
    per_page: int
    events: list[EventCard]


class TimeMentionOut(BaseModel):
    start: int
    end: int
    text: str
    type: str
    value: str


class EntityMentionOut(BaseModel):
    start: int
    end: int
    text: str
    type: str
    entity_id: str | None = None


class ArticleOut(BaseModel):
    id: str
    title: str
    outlet: str | None
    url: str | None
    source: str
    published: str | None
    published_source: str | None
    author: str | None
    credit: str | None
    lead: str
    body: str
    text: str
    captions: list[str]
    related: list[str]
    warnings: list[str]
    event_id: str | None
    storyline_id: str | None
    duplicate_of: str | None
    times: list[TimeMentionOut]
    mentions: list[EntityMentionOut]
    entities: list[EntityOut]
    event: Ref | None
    cited_spans: list[list[int]]
    has_raw: bool
    raw: str | None = None


class SearchResult(BaseModel):
    id: str
    title: str
    event_id: str | None
    event_title: str | None
    outlet: str | None
    published: str | None
    score: float
    exact_phrase: bool
    snippet: str
    snippet_highlights: list[list[int]]
    title_highlights: list[list[int]]


class SearchOut(BaseModel):
    query: str
    tokens: list[str]
    total: int
    page: int
    per_page: int
    results: list[SearchResult]


class Problem(BaseModel):
    where: str
    problem: str


class ErrorOut(BaseModel):
    status: int
    detail: str
    errors: list[Problem] | None = None


ERRORS = {404: {"model": ErrorOut, "description": "not found"},
          422: {"model": ErrorOut, "description": "invalid parameters"}}
