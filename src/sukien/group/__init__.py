"""Grouping: near-duplicates, events (online, incremental) and storylines.

    grouper = EventGrouper()                 # or EventGrouper.from_state_bytes(blob)
    grouper.add(articles)                    # sets article.event_id / article.duplicate_of
    grouper.recheck()                        # at the end of a run: one-shot == incremental
    events = grouper.events()
    stories = grouper.storylines()           # or link_storylines(events, articles_by_id)
    blob = grouper.state_bytes()
"""

from sukien.group.grouper import EventGrouper, GroupConfig
from sukien.group.storylines import StorylineConfig, link_storylines

__all__ = ["EventGrouper", "GroupConfig", "StorylineConfig", "link_storylines"]
