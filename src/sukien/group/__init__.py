"""Group stage: near-duplicates, events and storylines.

First version: an article joins the event whose articles share the most syllable shingles
with it (MinHash LSH, Jaccard >= 0.3), else opens a new event. The events issue replaces it
with the full online grouper.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from sukien.model import Article, Event, Storyline
from sukien.text import syllables

_PERMUTATIONS = 64


def _shingles(article: Article) -> set[bytes]:
    words = syllables(" ".join([article.title, *article.paragraphs]))
    return {" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2))}


def _minhash(shingles: set[bytes]) -> MinHash:
    m = MinHash(num_perm=_PERMUTATIONS, seed=1, scheme="affine32")
    m.update_batch(list(shingles))
    return m


class EventGrouper:
    def __init__(self, threshold: float = 0.3):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=_PERMUTATIONS)
        self.members: dict[str, list[str]] = {}  # event id -> article ids
        self.titles: dict[str, str] = {}
        self.published: dict[str, list[str]] = {}
        self.signatures: dict[str, list[int]] = {}  # article id -> minhash values

    def add(self, articles: Iterable[Article]) -> list[Article]:
        placed = []
        for article in articles:
            minhash = _minhash(_shingles(article))
            candidates = self.lsh.query(minhash) if self.signatures else []
            event_id = None
            if candidates:
                best = max(candidates, key=lambda c: minhash.jaccard(MinHash(num_perm=_PERMUTATIONS, seed=1, scheme="affine32", hashvalues=self.signatures[c])))
                event_id = next(e for e, ids in self.members.items() if best in ids)
            if event_id is None:
                event_id = "e" + hashlib.sha1(article.id.encode()).hexdigest()[:12]
                self.members[event_id] = []
                self.titles[event_id] = article.title
                self.published[event_id] = []
            self.members[event_id].append(article.id)
            if article.published:
                self.published[event_id].append(article.published.isoformat())
            self.signatures[article.id] = [int(v) for v in minhash.hashvalues]
            self.lsh.insert(article.id, minhash)
            article.event_id = event_id
            placed.append(article)
        return placed

    def events(self) -> list[Event]:
        from datetime import datetime

        out = []
        for event_id, ids in self.members.items():
            dates = sorted(self.published[event_id])
            out.append(Event(id=event_id, article_ids=list(ids), title=self.titles[event_id],
                             first_published=datetime.fromisoformat(dates[0]) if dates else None,
                             last_published=datetime.fromisoformat(dates[-1]) if dates else None))
        return out

    def recheck(self) -> None:
        """Nothing drifts in this first version: an event never changes once its articles join."""

    def state_bytes(self) -> bytes:
        return json.dumps({"version": 1, "threshold": self.threshold, "members": self.members, "titles": self.titles,
                           "published": self.published, "signatures": self.signatures}).encode()

    @classmethod
    def from_state_bytes(cls, data: bytes) -> "EventGrouper":
        state = json.loads(data)
        grouper = cls(state["threshold"])
        grouper.members, grouper.titles, grouper.published = state["members"], state["titles"], state["published"]
        grouper.signatures = state["signatures"]
        for article_id, values in grouper.signatures.items():
            grouper.lsh.insert(article_id, MinHash(num_perm=_PERMUTATIONS, seed=1, scheme="affine32", hashvalues=values))
        return grouper


def link_storylines(events: list[Event], articles_by_id: dict[str, Article]) -> list[Storyline]:
    """First version: no storylines are linked yet."""
    return []
