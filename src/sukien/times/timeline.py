"""Timelines: when an event happened, and dated entries that cite the sentence they come from.

`event_timeline` reads the time mentions of an event's articles (`Article.times`, filled by
`sukien.times.find` with the resolved reference time). The event's date is the day most
supported by past-tense (not scheduled) DATE/TIME mentions, weighted by position: a mention
in the lead counts most, later sentences less. Each dated mention gives a `TimelineEntry`
with the sentence it sits in. `storyline_timeline` orders the events of a storyline by date.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from sukien.model import Article, Event, Storyline, TimeMention, TimelineEntry
from sukien.text.sentences import split_spans
from sukien.times import find_normalized
from sukien.times.anchor import is_trusted, reference_time
from sukien.times.resolve import Context

DAY = regex.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d")
DATED = regex.compile(r"^(?:\d{4}|XXXX)(?:-|$)")
BIRTH = regex.compile(r"\b(?:SN|sinh)\s*$", regex.IGNORECASE)
LEAD_SENTENCES = 3  # mentions after the first few sentences say little about when the event happened


def day_of(value: str) -> str | None:
    """The day a value names ("2024-04-09TMO" -> "2024-04-09"; a range -> its first day), if any."""
    m = DAY.match(value.split("/")[0])
    return m.group(0) if m else None


def _sentences(article: Article, text: str) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for s in (article.sentences or []) if 0 <= s.start < s.end <= len(text)]
    return sorted(spans) if spans else split_spans(text)


def _sentence_of(spans: list[tuple[int, int]], mention: TimeMention) -> tuple[int, int, int]:
    """(index, start, end) of the sentence holding the mention."""
    for i, (start, end) in enumerate(spans):
        if start <= mention.start < end:
            return i, start, end
    return len(spans), mention.start, mention.end


def _mentions(article: Article, text: str, siblings: list[Article]) -> list[TimeMention]:
    if article.times:
        return [m for m in article.times if 0 <= m.start < m.end <= len(text)]
    ref, _ = reference_time(article, siblings, None)
    return find_normalized(text, ref)


def _position_weight(sentence_index: int) -> float:
    return 1.0 / (1 + sentence_index)


def event_timeline(event: Event, articles: list[Article]) -> tuple[str | None, list[TimelineEntry]]:
    """(the day the event happened, or None; dated entries in date order)."""
    wanted = set(event.article_ids or [])
    members = [a for a in articles or [] if not wanted or a.id in wanted]
    votes: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    entries: list[TimelineEntry] = []
    seen: set[tuple] = set()
    for order, article in enumerate(members):
        text = article.text
        spans = _sentences(article, text)
        ctx = Context.build(text, None)
        for mention in _mentions(article, text, members):
            if mention.type not in ("DATE", "TIME") or not DATED.match(mention.value):
                continue
            if not any(c.isdigit() for c in mention.value.split("/")[0]):
                continue  # "XXXX-XX-XX": nothing known to place it on a timeline
            if BIRTH.search(text, max(0, mention.start - 12), mention.start):
                continue  # "(SN 1982, ...)": a birth year says nothing about the event
            index, s_start, s_end = _sentence_of(spans, mention)
            key = (article.id, mention.value, s_start)
            if key not in seen:
                seen.add(key)
                entries.append(TimelineEntry(value=mention.value, text=text[s_start:s_end], article_id=article.id,
                                             start=s_start, end=s_end, event_id=event.id, label=mention.text))
            day = day_of(mention.value)
            if day is None or index >= LEAD_SENTENCES or ctx.tense(mention.start, mention.end) == "future":
                continue
            if _after_publication(day, article):
                continue
            votes[day] += _position_weight(index)
            first_seen.setdefault(day, order * 1000 + index)
    entries.sort(key=lambda e: (e.value.split("/")[0], e.article_id, e.start))
    if not votes:
        return None, entries
    _merge_unknown_years(votes)
    best = max(votes, key=lambda d: (votes[d], "X" not in d, -first_seen[d]))
    return best, entries


def _merge_unknown_years(votes: dict[str, float]) -> None:
    """"XXXX-01-11" in one article supports "2023-01-11" in another."""
    for day in [d for d in votes if d.startswith("XXXX-")]:
        known = [d for d in votes if not d.startswith("X") and d[4:] == day[4:]]
        if known:
            best = max(known, key=lambda d: votes[d])
            votes[best] += votes.pop(day)


def _after_publication(day: str, article: Article) -> bool:
    """A day after the article was published is a plan, not what happened."""
    if "X" in day or not is_trusted(article):
        return False
    try:
        return day > article.published.date().isoformat()
    except (AttributeError, ValueError):
        return False


def storyline_timeline(storyline: Storyline, events: list[Event]) -> list[TimelineEntry]:
    """One entry per dated event of the storyline, in date order, citing the event's sentence."""
    wanted = set(storyline.event_ids or [])
    entries = []
    for event in events or []:
        if wanted and event.id not in wanted or not event.date:
            continue
        cited = _entry_for_date(event)
        if cited is None:
            continue
        entries.append(TimelineEntry(value=event.date, text=cited.text, article_id=cited.article_id,
                                     start=cited.start, end=cited.end, event_id=event.id,
                                     label=event.title or cited.label))
    entries.sort(key=lambda e: (e.value, e.event_id or ""))
    return entries


def _entry_for_date(event: Event) -> TimelineEntry | None:
    """The first timeline entry of the event that names its date (else its first entry)."""
    for entry in event.timeline:
        if day_of(entry.value) == event.date or entry.value == event.date:
            return entry
    return event.timeline[0] if event.timeline else None
