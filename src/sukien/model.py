"""The data model every stage shares.

Plain dataclasses with no behaviour beyond small derived views. A stage takes articles and
returns them enriched; events and storylines hold article and event ids, never copies.

Offsets (`start`, `end`) of sentences, time and entity mentions index `Article.text`: the
lead, then the body paragraphs, joined by newlines, after text normalisation (NFC).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Sentence:
    text: str
    article_id: str
    start: int
    end: int
    index: int = 0  # position of the sentence in its article
    paragraph: int = 0


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3-style value, see specs/times.md


@dataclass
class EntityMention:
    start: int
    end: int
    text: str
    type: str  # PER, ORG, LOC, MISC
    entity_id: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Article:
    id: str
    title: str = ""
    lead: str = ""
    body: list[str] = field(default_factory=list)  # paragraphs, lead excluded
    source: str = ""  # path, path:line or URL the article was read from
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    published_source: str | None = None  # how `published` was obtained: input, dateline, html-meta, ...
    author: str | None = None
    credit: str | None = None  # credited agency: TTXVN, AP, Reuters, ...
    captions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # related-news headlines found on the page
    warnings: list[str] = field(default_factory=list)
    raw: str | None = None  # the page as read, before cleaning, for display of the original
    raw_format: str | None = None  # "text" or "html" while the clean stage has yet to parse `raw`
    # filled by analyse
    sentences: list[Sentence] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # filled by group
    duplicate_of: str | None = None
    event_id: str | None = None
    storyline_id: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        """Lead and body paragraphs: the article's own text, in order."""
        return ([self.lead] if self.lead else []) + self.body

    @property
    def text(self) -> str:
        """The cleaned text all offsets point into."""
        return "\n".join(self.paragraphs)


@dataclass
class SummarySentence:
    text: str
    article_id: str
    start: int
    end: int


@dataclass
class TimelineEntry:
    value: str  # TIMEX3-style date the entry happened on
    text: str  # the sentence it came from
    article_id: str
    start: int
    end: int
    event_id: str | None = None
    label: str = ""


@dataclass
class Event:
    id: str
    article_ids: list[str] = field(default_factory=list)
    title: str = ""
    summary: list[SummarySentence] = field(default_factory=list)
    date: str | None = None  # when it happened (TIMEX3 value), not when it was published
    first_published: datetime | None = None
    last_published: datetime | None = None
    timeline: list[TimelineEntry] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)
    storyline_id: str | None = None

    @property
    def summary_text(self) -> str:
        return " ".join(s.text for s in self.summary)


@dataclass
class Storyline:
    id: str
    event_ids: list[str] = field(default_factory=list)
    title: str = ""
    timeline: list[TimelineEntry] = field(default_factory=list)


@dataclass
class EventDescription:
    """What the summarise step computes for one event, before it is stored."""

    event: Event  # with summary, date and timeline filled
    entities: list[Entity]  # the event's entities after alias merging
    merged_into: dict[str, str]  # article-level entity id -> event-level entity id
    entity_counts: dict[str, int]  # event-level entity id -> mentions
    retimed: dict[str, list[TimeMention]]  # article id -> time mentions re-resolved on the event
