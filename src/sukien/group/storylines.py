"""Storylines: events that continue one thread over weeks to years.

Two events are linked when they share a topic (cosine of their centroids, a lower bar than
for one event) AND specific names or entities: the IDF-weighted overlap of their name-like
features and entity ids ("Nhật Bản", "Kishida", "Lloyd Austin"), each name counted by the
share of each event's articles that carry it, so a name one report of ten mentions in passing
links little. When both are dated, events more than `window_days` apart are not linked. To
avoid chains through loosely related events, an event links only to its `neighbours` best
partners, and a link needs both ends to list each other (mutual). Storylines are the
connected components with two or more events.

Cost per event is bounded: an event looks for partners only through its `retrieval_keys`
strongest names, names carried by more than `max_key_events` events are background, and only
the `candidates` best partners are scored in full (shared names and topic cosine), so linking
time grows linearly with the number of events.

Storylines are recomputed from the events each time (sparse products over event vectors),
so incremental and one-shot runs agree; ids stay stable because a component reuses the
storyline id its events already carried (the oldest one wins), and a new storyline is named
after its earliest event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from sukien.group.rowstore import rowwise_dot, top_per_row
from sukien.model import Article, Event, Storyline


@dataclass
class StorylineConfig:
    topic_min: float = 0.08  # centroid cosine
    keys_min: float = 25.0  # summed IDF of shared names/entities (about three specific names)
    neighbours: int = 3
    window_days: float = 3 * 365.0
    min_key_idf: float = 4.0  # names commoner than this ("Việt Nam") are not evidence
    max_key_events: int = 64  # a name shared by more events than this is background, not a thread
    retrieval_keys: int = 32  # an event's strongest names that find its candidate partners
    candidates: int = 12  # candidate partners per event, scored in full
    topic_terms: int = 400  # an event's strongest topic terms (bounds the cost of big events)
    chunk_rows: int = 4096  # events compared per sparse product (bounds memory on large stores)


def storyline_id(first_event_id: str) -> str:
    return "s" + hashlib.sha1(first_event_id.encode("utf-8")).hexdigest()[:12]


def link_vectors(
    topic: sp.csr_matrix,
    key_share: sp.csr_matrix,
    key_idf: np.ndarray,
    first_days: np.ndarray,
    last_days: np.ndarray,
    config: StorylineConfig | None = None,
) -> np.ndarray:
    """Component label per event (-1 for events in no storyline).

    `topic`: one row per event (any scale; normalised here). `key_share`: per event and
    name-like feature or entity id, the share of the event's articles that carry it (a name one
    report of ten mentions in passing is weak evidence that the event is about it); `key_idf`:
    the IDF of every key column.

    Two events' shared-name score is the sum over names of IDF x share x share. Candidates are
    bounded per event: only its `retrieval_keys` strongest names, each carried by at most
    `max_key_events` events, find partners, and only the `candidates` best are scored in full,
    so the cost per event stays flat as the store grows.
    """
    cfg = config or StorylineConfig()
    n = topic.shape[0]
    labels = -np.ones(n, dtype=np.int64)
    if n < 2:
        return labels
    K, P = _key_matrices(key_share, key_idf, cfg)
    if K.nnz == 0:
        return labels
    T = _normalise_rows(top_per_row(topic.tocsr(), cfg.topic_terms))
    retrieve = top_per_row(K, cfg.retrieval_keys)
    P_t = P.T.tocsr()
    rows, cols, scores = [], [], []
    for start in range(0, n, cfg.chunk_rows):
        approx = _keep_best(_drop_diagonal((retrieve[start : start + cfg.chunk_rows] @ P_t).tocsr(), start),
                            cfg.candidates).tocoo()
        i, j = approx.row + start, approx.col
        shared = rowwise_dot(K[i], P[j])
        keep = shared >= cfg.keys_min
        i, j, shared = i[keep], j[keep], shared[keep]
        cos = rowwise_dot(T[i], T[j])
        gap = np.maximum(np.maximum(first_days[i] - last_days[j], first_days[j] - last_days[i]), 0.0)
        ok = (cos >= cfg.topic_min) & ~(gap > cfg.window_days)  # nan (undated) passes
        rows.append(i[ok])
        cols.append(j[ok])
        scores.append(cos[ok] + shared[ok] / 100.0)  # ranks partners; both kinds of evidence are required
    i, j, score = np.concatenate(rows), np.concatenate(cols), np.concatenate(scores)
    if len(i) == 0:
        return labels
    # each event keeps its best `neighbours` partners; a link must be mutual
    order = np.lexsort((j, -score, i))
    i, j, score = i[order], j[order], score[order]
    starts = np.searchsorted(i, i, side="left")
    top = (np.arange(len(i)) - starts) < cfg.neighbours
    i, j = i[top], j[top]
    pairs = set(zip(i.tolist(), j.tolist()))
    mutual = np.array([(b, a) in pairs for a, b in zip(i.tolist(), j.tolist())], dtype=bool)
    i, j = i[mutual], j[mutual]
    if len(i) == 0:
        return labels
    graph = sp.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    sizes = np.bincount(comp)
    linked = sizes[comp] >= 2
    labels[linked] = comp[linked]
    return labels


def _key_matrices(share: sp.csr_matrix, idf: np.ndarray, cfg: StorylineConfig) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """(IDF x share, share) per event and key, rare keys only; background keys dropped."""
    P = share.tocsr(copy=True).astype(np.float32)
    P.data[idf[P.indices] < cfg.min_key_idf] = 0  # names commoner than this are not evidence
    P.eliminate_zeros()
    # names carried by very many events link everything to everything: they are background,
    # and dropping them bounds the candidate pairs (at most max_key_events per name)
    events_per_key = np.bincount(P.indices, minlength=P.shape[1])
    P.data[events_per_key[P.indices] > cfg.max_key_events] = 0
    P.eliminate_zeros()
    K = P.copy()
    K.data = K.data * idf[K.indices].astype(np.float32)
    return K, P


def _drop_diagonal(m: sp.csr_matrix, start: int) -> sp.csr_matrix:
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr)) + start
    m.data[m.indices == rows] = 0
    m.eliminate_zeros()
    return m


def _keep_best(m: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row's `k` largest entries (ties broken by column), the rest dropped."""
    counts = np.diff(m.indptr)
    for r in np.flatnonzero(counts > k):
        lo, hi = m.indptr[r], m.indptr[r + 1]
        vals = m.data[lo:hi]
        vals[np.lexsort((m.indices[lo:hi], -vals))[k:]] = 0
    m.eliminate_zeros()
    return m


def event_vectors(rows: sp.csr_matrix, keys: sp.csr_matrix, owner: np.ndarray, n_events: int):
    """(topic sum, key share) per event from its member articles' feature and key rows."""
    S = sp.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(n_events, len(owner)))
    return (S @ rows).tocsr(), event_key_share(keys, owner, n_events)


def event_key_share(keys: sp.csr_matrix, owner: np.ndarray, n_events: int) -> sp.csr_matrix:
    """Per event and key, the share of the event's member articles (`owner`: event per row)
    whose key row carries it."""
    S = sp.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(n_events, len(owner)))
    present = keys.tocsr(copy=True)
    present.data = np.ones_like(present.data, dtype=np.float32)
    size = np.maximum(np.bincount(owner, minlength=n_events), 1).astype(np.float32)
    return (sp.diags(1.0 / size) @ (S @ present).tocsr()).tocsr()


def _normalise_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    m = m.tocsr().astype(np.float32)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sp.diags(1.0 / np.maximum(norms, 1e-12)) @ m


def build_storylines(events: list[Event], labels: np.ndarray) -> list[Storyline]:
    """Storyline objects from component labels; sets `event.storyline_id` (None when unlinked)."""
    groups: dict[int, list[int]] = {}
    for k, lab in enumerate(labels):
        if lab >= 0:
            groups.setdefault(int(lab), []).append(k)
        else:
            events[k].storyline_id = None
    out = []
    for members in groups.values():
        ordered = sorted(members, key=lambda k: _sort_key(events[k]))
        prior = [events[k].storyline_id for k in ordered if events[k].storyline_id]
        sid = prior[0] if prior else storyline_id(events[ordered[0]].id)
        for k in ordered:
            events[k].storyline_id = sid
        largest = max(ordered, key=lambda k: len(events[k].article_ids))
        out.append(Storyline(id=sid, event_ids=[events[k].id for k in ordered], title=events[largest].title))
    # two components must not share an id (a storyline that split): later ones get fresh ids
    seen: set[str] = set()
    for story in sorted(out, key=lambda s: -len(s.event_ids)):
        if story.id in seen:
            story.id = storyline_id(story.event_ids[0])
        seen.add(story.id)
    by_id = {e.id: e for e in events}
    for story in out:
        for eid in story.event_ids:
            by_id[eid].storyline_id = story.id
    return out


def _sort_key(event: Event):
    first = event.first_published
    return (first is None, first.timestamp() if first is not None else 0.0, event.id)


def link_storylines(events: list[Event], articles_by_id: dict[str, Article], config: StorylineConfig | None = None) -> list[Storyline]:
    """Link events into storylines from their articles; sets `event.storyline_id`."""
    from sukien.group.features import Featurizer
    from sukien.group.idf import load_idf

    events = [e for e in (events or []) if isinstance(e, Event)]
    if not events:
        return []
    featurizer = Featurizer(load_idf())
    member_articles: list[Article] = []
    owner: list[int] = []
    for k, event in enumerate(events):
        for aid in event.article_ids:
            article = articles_by_id.get(aid)
            if isinstance(article, Article) and article.duplicate_of is None:
                member_articles.append(article)
                owner.append(k)
    X, K = featurizer.transform_with_keys(member_articles)
    topic, share = event_vectors(X, K, np.array(owner, dtype=np.int64), len(events))
    first = np.array([_days(e.first_published) for e in events])
    last = np.array([_days(e.last_published) for e in events])
    labels = link_vectors(topic, share, featurizer.idf, first, last, config)
    return build_storylines(events, labels)


def _days(dt) -> float:
    from sukien.group.grouper import _days as days

    return days(dt)
