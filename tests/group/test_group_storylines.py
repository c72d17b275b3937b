"""Storylines: the seeds (2+2 meeting, January 2023; Biden–Kishida summit, April 2024) are two
events of one US–Japan alliance storyline; unrelated ViMs stories stay out of it."""

from __future__ import annotations

import copy

from group_helpers import seed_articles, vims_articles
from sukien.group import EventGrouper, link_storylines
from sukien.model import Storyline


def _grouped(with_entities: bool):
    seeds = seed_articles()
    if not with_entities:
        for a in seeds:
            a.entities = []
    vims, gold = vims_articles(with_entities=with_entities)
    articles = seeds + vims
    grouper = EventGrouper()
    grouper.add(articles)
    grouper.recheck()
    return grouper, seeds, vims, gold, {a.id: a for a in articles}


def _check(stories, events, seeds, gold):
    event_of = {a: e for e in events for a in e.article_ids}
    seed_events = list({event_of[s.id].id: event_of[s.id] for s in seeds}.values())
    assert len(seed_events) == 2, "the seeds are two events"
    ids = {e.storyline_id for e in seed_events}
    assert len(ids) == 1 and None not in ids, "... of one storyline"
    story = next(s for s in stories if s.id in ids)
    assert isinstance(story, Storyline)
    # no ViMs event joins the US-Japan storyline
    assert set(story.event_ids) == {e.id for e in seed_events}
    # the seed events are ordered by date: 2023 meeting first
    assert story.event_ids[0] == event_of["000"].id
    assert all(event_of[a].storyline_id != story.id for a in gold)


def test_seeds_one_storyline_with_entities():
    grouper, seeds, vims, gold, by_id = _grouped(with_entities=True)
    events = grouper.events()
    _check(link_storylines(events, by_id), events, seeds, gold)


def test_seeds_one_storyline_from_names_alone():
    # without the entities stage, name-like capitalised runs carry the evidence
    grouper, seeds, vims, gold, by_id = _grouped(with_entities=False)
    events = grouper.events()
    _check(link_storylines(events, by_id), events, seeds, gold)
    # the grouper's own state gives the same storylines, ids included
    from_state = grouper.storylines()
    assert {tuple(s.event_ids) for s in from_state} == {tuple(s.event_ids) for s in link_storylines(grouper.events(), by_id)}


def test_storylines_incremental_and_ids_stable():
    seeds = seed_articles()
    vims, gold = vims_articles()
    grouper = EventGrouper()
    grouper.add(copy.deepcopy(seeds[:1]) + copy.deepcopy(vims[:12]))
    grouper.storylines()
    grouper = EventGrouper.from_state_bytes(grouper.state_bytes())
    grouper.add(copy.deepcopy(seeds[1:]) + copy.deepcopy(vims[12:]))
    stories = grouper.storylines()
    events = grouper.events()
    event_of = {a: e for e in events for a in e.article_ids}
    sid = event_of["000"].storyline_id
    assert sid is not None and event_of["003"].storyline_id == sid
    annotated = grouper.annotate(copy.deepcopy(seeds))
    assert [a.storyline_id for a in annotated] == [sid, sid]
    assert [a.event_id for a in annotated] == [event_of["000"].id, event_of["003"].id]
    # a later recomputation keeps the id
    again = EventGrouper.from_state_bytes(grouper.state_bytes())
    assert sid in {s.id for s in again.storylines()}
    assert all(s.id.startswith("s") and len(s.id) == 13 for s in stories)


def test_far_apart_dates_not_linked():
    seeds = seed_articles()
    seeds[1].published = seeds[0].published.replace(year=2030)  # beyond the storyline window
    grouper = EventGrouper()
    grouper.add(seeds)
    events = grouper.events()
    link_storylines(events, {a.id: a for a in seeds})
    assert all(e.storyline_id is None for e in events)


def test_bad_input():
    assert link_storylines([], {}) == []
    grouper = EventGrouper()
    assert grouper.storylines() == []
