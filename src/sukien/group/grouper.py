"""Online event grouping: each batch of articles joins existing events or opens new ones.

How one batch is processed (all similarity work is sparse matrix products):

1. Features: each article becomes an L2-normalised hashed TF-IDF row (`features.py`).
2. Candidates: the article's rarest, strongest terms (`retrieval_terms`) are matched against
   the same kind of terms of every stored article (one sparse product); common terms never
   enter retrieval, and each article keeps at most `candidates` events, so the work per
   article stays nearly flat as the store grows. With dates, events outside
   `window_days` of the article are not candidates.
3. Near-duplicates: a candidate stored article (or an earlier article of the batch) whose
   cosine is >= `duplicate_threshold` makes the article a duplicate: `duplicate_of` points to
   the first seen copy, it joins that copy's event, and it adds nothing to the event's
   centroid (syndicated copies are not double-counted).
4. Joint clustering: the batch's articles and their candidate events are clustered together
   by size-weighted average link (`linkage.py`); an article-to-event similarity is the mean
   cosine to the event's members (its centroid sum over its size), and two existing events
   never merge here. Best pairs merge first, so order within a batch does not matter.
5. Time: when both sides have a trusted `published` date (one the clean stage flagged as
   contradicting the text is ignored), the similarity is damped by the gap in days beyond
   `time_grace_days`; unknown dates are neutral. Independently, the days the articles' openings
   report (`dates.py`, from the times stage) damp a pair whose reported days clearly differ;
   for an article and an event this applies member by member, so a batch join and a recheck
   score the same average.

`recheck()` re-clusters all stored articles jointly, exactly as a one-shot run would, so
events whose members drifted apart split and events that now belong together merge; event
ids survive where most of their members stay.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

import numpy as np
import scipy.sparse as sp

from sukien.group.dates import MAX_DATES, batch_reported_dates, date_conflicts
from sukien.group.features import N_FEATURES, FeatureConfig, Featurizer
from sukien.group.idf import load_idf
from sukien.group.linkage import average_link
from sukien.group.rowstore import RowStore, SumStore, rowwise_dot, top_per_row
from sukien.group.storylines import StorylineConfig, build_storylines, event_key_share, link_vectors
from sukien.model import Article, Event, Storyline
from sukien.times.anchor import is_trusted

STATE_VERSION = 2  # 2: reported days per stored row; version-1 states load with none
READABLE_VERSIONS = (1, 2)
RECHECK_CELLS = 10_000_000  # recheck: chunk rows x stored rows per retrieval product
RECHECK_PAIRS = 20_000  # recheck: candidate pairs whose similarities are computed at once
# recheck: threads for its chunks; scipy's sparse kernels release the GIL, and the re-check runs
# when the workers are idle (13.9 -> 6.6 s for the pairs of a 60k-article store on 2 cores)
RECHECK_THREADS = min(4, os.cpu_count() or 1)


@dataclass
class GroupConfig:
    threshold: float = 0.13  # average-link cosine needed to join / merge (chosen on ViMs 001-075)
    size_penalty: float = 0.0  # clusters of sizes m, n need threshold + this / sqrt(m * n)
    duplicate_threshold: float = 0.85  # cosine at which an article is a near-duplicate
    retrieval_terms: int = 48  # strongest rare terms used to find candidates
    retrieval_min_idf: float = 4.0  # terms commoner than this never drive retrieval
    retrieval_min_score: float = 0.02  # weaker retrieval overlaps are not candidates
    candidates: int = 20  # candidate stored articles per article
    window_days: float = 14.0  # dated events further apart are not candidates
    time_grace_days: float = 2.0  # gaps up to this are not penalised
    time_scale_days: float = 3.0  # similarity is multiplied by exp(-(gap - grace) / scale)
    reported_tolerance_days: float = 2.0  # reported days this close agree
    reported_conflict_factor: float = 0.3  # similarity multiplier when reported days disagree
    batch_size: int = 2000
    features: FeatureConfig = field(default_factory=FeatureConfig)


def _event_id(first_article_id: str) -> str:
    return "e" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def _trusted_days(article: Article) -> float:
    """Days since the epoch of the article's `published`, NaN when missing or flagged as wrong."""
    try:
        return _days(article.published) if is_trusted(article) else math.nan
    except Exception:  # a malformed article: no date
        return math.nan


def _days(dt: datetime | None) -> float:
    if dt is None:
        return math.nan
    try:
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        return dt.timestamp() / 86400.0
    except (OverflowError, OSError, ValueError, AttributeError, TypeError):  # not a datetime
        return math.nan


def _datetime(days: float) -> datetime | None:
    if math.isnan(days):
        return None
    return datetime.fromtimestamp(days * 86400.0, tz=timezone.utc)


@dataclass
class GroupInput:
    """What grouping reads of a batch of articles, row for row: computable where the batch was
    prepared (a Dask worker), so the driver that groups does not featurize."""

    ids: list[str]
    titles: list[str]
    X: sp.csr_matrix  # L2-normalised TF-IDF rows
    K: sp.csr_matrix  # name/entity keys, for storylines
    days: np.ndarray  # trusted published date, days since the epoch (NaN: unknown or flagged)
    ryears: np.ndarray  # (n, MAX_DATES) years of the days the opening reports (NaN: unknown)
    rdays: np.ndarray  # (n, MAX_DATES) those days, as day of year

    def take(self, index) -> "GroupInput":
        index = np.asarray(list(index), dtype=np.int64)
        return GroupInput([self.ids[i] for i in index], [self.titles[i] for i in index],
                          self.X[index], self.K[index], self.days[index], self.ryears[index], self.rdays[index])


class EventGrouper:
    """Groups a stream of articles into events; state survives via `state_bytes()`."""

    def __init__(self, config: GroupConfig | None = None):
        self.config = config or GroupConfig()
        self._idf = load_idf()
        self._rare = self._idf >= self.config.retrieval_min_idf
        self._featurizer = Featurizer(self._idf, self.config.features)
        # one row per stored (non-duplicate) article
        self._row_store = RowStore(N_FEATURES)
        self._retrieval_store = RowStore(N_FEATURES)
        self._key_store = RowStore(N_FEATURES)  # names/entities, for storylines
        self._row_event = np.zeros(0, dtype=np.int64)
        self._row_days = np.zeros(0, dtype=np.float64)
        self._row_ryears = np.zeros((0, MAX_DATES))  # reported days (years may be NaN)
        self._row_rdays = np.zeros((0, MAX_DATES))
        self._row_article: list[str] = []
        self._row_title: list[str] = []
        # one entry per event
        self._event_ids: list[str] = []
        self._event_id_set: set[str] = set()
        self._event_articles: list[list[str]] = []  # all members in arrival order, duplicates included
        self._event_first = np.zeros(0)  # published range over all members, days since epoch
        self._event_last = np.zeros(0)
        self._sums = SumStore(N_FEATURES)  # per event, the sum of its member rows
        self._event_size = np.zeros(0)  # non-duplicate members
        self._duplicate_of: dict[str, str] = {}
        self._article_event: dict[str, int] = {}
        self._storyline_of: dict[str, str] = {}

    @property
    def _rows(self) -> sp.csr_matrix:
        return self._row_store.matrix

    @property
    def _retrieval(self) -> sp.csr_matrix:
        return self._retrieval_store.matrix

    @property
    def _row_keys(self) -> sp.csr_matrix:
        return self._key_store.matrix

    # ------------------------------------------------------------------ public interface
    def add(self, articles: list[Article], inputs: GroupInput | None = None) -> list[Article]:
        """Assign `event_id` (and `duplicate_of` where it applies) to each article, in batches.

        `inputs`, when given, is `prepare(articles)` computed elsewhere (a worker); the articles
        then only need their ids, and they get their assignments as usual.
        """
        if inputs is not None and len(inputs.ids) != len(articles or []):
            raise ValueError("inputs must come from prepare() on these articles")
        keep = [i for i, a in enumerate(articles or []) if isinstance(a, Article)]
        articles = [articles[i] for i in keep]
        if inputs is not None and len(keep) < len(inputs.ids):
            inputs = inputs.take(keep)
        size = max(1, int(self.config.batch_size))
        for start in range(0, len(articles), size):
            part = None if inputs is None else inputs.take(range(start, min(start + size, len(articles))))
            self._add_batch(articles[start : start + size], part)
        return articles

    def prepare(self, articles: list[Article]) -> GroupInput:
        """What grouping reads of these articles (features, dates); needs no grouping state."""
        X, K = self._featurizer.transform_with_keys(articles)
        ryears, rdays = batch_reported_dates(articles)
        return GroupInput([a.id for a in articles], [a.title or "" for a in articles], X, K,
                          np.array([_trusted_days(a) for a in articles], dtype=np.float64), ryears, rdays)

    def events(self, ids: set[str] | None = None) -> list[Event]:
        """Current events (only those in `ids` when given) with a representative headline and
        their publication range."""
        wanted = None if ids is None else {e for e, eid in enumerate(self._event_ids) if eid in ids}
        titles = self._representative_titles(wanted)
        out = []
        for e, eid in enumerate(self._event_ids):
            if not self._event_articles[e] or (wanted is not None and e not in wanted):
                continue
            out.append(
                Event(
                    id=eid,
                    article_ids=list(self._event_articles[e]),
                    title=titles.get(e, ""),
                    first_published=_datetime(self._event_first[e]),
                    last_published=_datetime(self._event_last[e]),
                    storyline_id=self._storyline_of.get(eid),
                )
            )
        return out

    def storylines(self, config: StorylineConfig | None = None) -> list[Storyline]:
        """Link the current events into storylines (recomputed from the state, ids kept stable)."""
        events = self.events()
        # events() lists the non-empty events in index order
        live = np.array([e for e, members in enumerate(self._event_articles) if members], dtype=np.int64)
        share = event_key_share(self._row_keys, self._row_event, len(self._event_ids))
        labels = link_vectors(
            self._sums.rows(live), share[live], self._idf, self._event_first[live], self._event_last[live], config
        )
        stories = build_storylines(events, labels)
        self._storyline_of = {e.id: e.storyline_id for e in events if e.storyline_id}
        return stories

    def annotate(self, articles: list[Article]) -> list[Article]:
        """Refresh `event_id`, `duplicate_of` and `storyline_id` of already added articles from
        the current state (after `recheck()` or `storylines()` they may have changed)."""
        for article in articles or []:
            e = self._article_event.get(getattr(article, "id", None))
            if e is None:
                continue
            article.event_id = self._event_ids[e]
            article.duplicate_of = self._duplicate_of.get(article.id)
            article.storyline_id = self._storyline_of.get(article.event_id)
        return articles

    def assignments(self) -> dict[str, str]:
        """Article id -> event id, for every article seen (after any recheck)."""
        return {a: self._event_ids[e] for a, e in self._article_event.items()}

    def recheck(self) -> None:
        """Re-group all stored articles jointly: events whose members drifted apart split,
        events that now belong together merge; event ids survive where most members stay."""
        self._recluster()

    # ------------------------------------------------------------------ batches
    def _add_batch(self, batch: list[Article], inputs: GroupInput | None = None) -> None:
        cfg = self.config
        # an id seen before keeps its assignment: re-adding is idempotent
        fresh: list[int] = []
        seen_ids: set[str] = set()
        for i, article in enumerate(batch):
            if article.id in self._article_event:
                article.event_id = self._event_ids[self._article_event[article.id]]
                article.duplicate_of = self._duplicate_of.get(article.id)
            elif article.id not in seen_ids:
                seen_ids.add(article.id)
                fresh.append(i)
        if not fresh:
            return
        batch = [batch[i] for i in fresh]
        inputs = self.prepare(batch) if inputs is None else inputs.take(fresh)
        X, K, days, ryears, rdays = inputs.X, inputs.K, inputs.days, inputs.ryears, inputs.rdays
        Q = self._retrieval_rows(X)

        n_stored = self._rows.shape[0]
        # candidates among stored articles and among the batch itself
        store_pairs = self._store_candidates(Q, days)
        batch_pairs = self._candidate_pairs(Q, Q, True, days, days)

        duplicate_of = self._find_duplicates(X, store_pairs, batch_pairs)
        originals = np.flatnonzero(duplicate_of == -1)

        # nodes: batch originals (0..n_orig-1) then candidate events
        node_of_batch = -np.ones(len(batch), dtype=np.int64)
        node_of_batch[originals] = np.arange(len(originals))
        si, sr = store_pairs
        keep_pairs = node_of_batch[si] >= 0
        si, cand_events = self._events_of(si[keep_pairs], sr[keep_pairs])
        events_touched = np.unique(cand_events)
        node_of_event = {int(e): len(originals) + k for k, e in enumerate(events_touched)}

        # article-event average link: X_i . centroid_e / size_e, time-damped
        ae_sim = rowwise_dot(X[si], self._sums.rows(cand_events)) / np.maximum(self._event_size[cand_events], 1)
        ae_sim -= self._reported_conflict_share(X, ryears, rdays, si, cand_events)
        ae_sim *= self._time_factor(days[si], self._event_first[cand_events], self._event_last[cand_events])
        # article-article cosine within the batch
        bi, bj = batch_pairs
        keep_pairs = (node_of_batch[bi] >= 0) & (node_of_batch[bj] >= 0)
        bi, bj = bi[keep_pairs], bj[keep_pairs]
        aa_sim = rowwise_dot(X[bi], X[bj]) * self._time_factor(days[bi], days[bj], days[bj])
        aa_sim *= self._reported_factor(ryears[bi], rdays[bi], ryears[bj], rdays[bj])

        n_nodes = len(originals) + len(events_touched)
        rows = np.concatenate([node_of_batch[si], node_of_batch[bi]])
        cols = np.concatenate([np.array([node_of_event[int(e)] for e in cand_events], dtype=np.int64), node_of_batch[bj]])
        sims = np.concatenate([ae_sim, aa_sim])
        sizes = np.concatenate([np.ones(len(originals)), self._event_size[events_touched]])
        locked = np.zeros(n_nodes, dtype=bool)
        locked[len(originals) :] = True
        labels = average_link(n_nodes, rows, cols, sims, sizes, cfg.threshold, locked, cfg.size_penalty)

        # each cluster: the existing event it contains, else a new event opened by its first article
        cluster_event: dict[int, int] = {}
        for k, e in enumerate(events_touched):
            cluster_event[int(labels[len(originals) + k])] = int(e)
        batch_event = -np.ones(len(batch), dtype=np.int64)
        for node, b in enumerate(originals):
            lab = int(labels[node])
            if lab not in cluster_event:
                cluster_event[lab] = self._open_event(batch[b].id)
            batch_event[b] = cluster_event[lab]
        self._sync_event_arrays()
        self._store_rows(batch, X, Q, K, days, originals, batch_event)
        self._row_ryears = np.concatenate([self._row_ryears, ryears[originals]])
        self._row_rdays = np.concatenate([self._row_rdays, rdays[originals]])
        self._record_members(batch, days, duplicate_of, batch_event, n_stored)

    def _store_candidates(self, Q: sp.csr_matrix, days: np.ndarray):
        """Candidate stored rows; for a fully dated batch only rows inside the time window (or
        undated) are searched, so a dated stream's cost does not grow with its history."""
        if len(days) and not np.isnan(days).any() and len(self._row_days):
            idx = self._rows_in_window(days.min() - self.config.window_days, days.max() + self.config.window_days)
            qi, qr = self._candidate_pairs(Q, self._retrieval[idx], False, days, self._row_days[idx])
            return qi, idx[qr]
        return self._candidate_pairs(Q, self._retrieval, False, days, self._row_days)

    def _rows_in_window(self, lo: float, hi: float) -> np.ndarray:
        """Stored rows dated between lo and hi days, and the undated ones (nan compares False)."""
        return np.flatnonzero(~(self._row_days < lo) & ~(self._row_days > hi))

    def _retrieval_rows(self, X: sp.csr_matrix) -> sp.csr_matrix:
        """Each row cut to its strongest rare terms: the keys candidates are found by."""
        X = X.tocsr(copy=True)
        X.data = X.data * self._rare[X.indices]
        X.eliminate_zeros()
        k = self.config.retrieval_terms
        for i in range(X.shape[0]):
            lo, hi = X.indptr[i], X.indptr[i + 1]
            if hi - lo > k:
                vals = X.data[lo:hi]
                cut = np.partition(vals, hi - lo - k)[hi - lo - k]
                vals[vals < cut] = 0
        X.eliminate_zeros()
        return X

    def _candidate_pairs(self, Q: sp.csr_matrix, R: sp.csr_matrix, exclude_self: bool, q_days=None, r_days=None,
                         R_t: sp.csr_matrix | None = None):
        """(query row, stored row) pairs sharing retrieval terms: the `candidates` best per query.

        With dates on both sides, stored rows outside `window_days` are dropped before the
        best are chosen, so old look-alikes do not crowd out this week's reports.
        """
        empty = np.zeros(0, dtype=np.int64)
        if Q.shape[0] == 0 or R.shape[0] == 0:
            return empty, empty
        S = (Q @ (R.T.tocsr() if R_t is None else R_t)).tocsr()
        if exclude_self:
            S.setdiag(0)
        S.data[S.data < self.config.retrieval_min_score] = 0
        if q_days is not None and r_days is not None:
            rows = np.repeat(np.arange(S.shape[0]), np.diff(S.indptr))
            gap = np.abs(q_days[rows] - r_days[S.indices])
            S.data[gap > self.config.window_days] = 0  # nan gaps (unknown dates) compare False
        S.eliminate_zeros()
        S = top_per_row(S, self.config.candidates).tocoo()
        return S.row.astype(np.int64), S.col.astype(np.int64)

    def _events_of(self, si: np.ndarray, sr: np.ndarray):
        """Distinct (article, event) pairs for candidate (article, stored row) pairs."""
        if len(si) == 0:
            return si, si
        ev = self._row_event[sr]
        key = np.unique(si * (len(self._event_ids) + 1) + ev)
        return key // (len(self._event_ids) + 1), key % (len(self._event_ids) + 1)

    def _find_duplicates(self, X, store_pairs, batch_pairs) -> np.ndarray:
        """Index of the original for each batch article: store row r as -(r + 2), batch j as j; -1 if none."""
        dup = -np.ones(X.shape[0], dtype=np.int64)
        thr = self.config.duplicate_threshold
        si, sr = store_pairs
        if len(si):
            cos = rowwise_dot(X[si], self._rows[sr])
            hit = cos >= thr
            for i, r in zip(si[hit], sr[hit]):
                if dup[i] == -1 or -(dup[i] + 2) > r:
                    dup[i] = -(int(r) + 2)
        bi, bj = batch_pairs
        if len(bi):
            earlier = bj < bi
            bi, bj = bi[earlier], bj[earlier]
            cos = rowwise_dot(X[bi], X[bj])
            hit = cos >= thr
            for i, j in sorted(zip(bi[hit].tolist(), bj[hit].tolist())):
                if dup[i] == -1:
                    # chains resolve to the first copy
                    dup[i] = dup[j] if dup[j] != -1 else j
        return dup

    def _reported_factor(self, years_a, days_a, years_b, days_b) -> np.ndarray:
        """Per pair: `reported_conflict_factor` where the reported days disagree, else 1."""
        cfg = self.config
        conflict = date_conflicts(years_a, days_a, years_b, days_b, cfg.reported_tolerance_days)
        return np.where(conflict, cfg.reported_conflict_factor, 1.0)

    def _reported_conflict_share(self, X, ryears, rdays, si, cand_events) -> np.ndarray:
        """Per (article, event) pair, what the reported-day damping takes off the average link:
        (1 - factor) * sum of the article's cosines with the members it conflicts with / size.
        Only members that report a day are visited, so the work is small."""
        out = np.zeros(len(si))
        dated_article = ~np.isnan(rdays[si]).all(axis=1)
        dated_rows = np.flatnonzero(~np.isnan(self._row_rdays).all(axis=1))
        if not dated_article.any() or len(dated_rows) == 0:
            return out
        order = dated_rows[np.argsort(self._row_event[dated_rows], kind="stable")]
        ev_sorted = self._row_event[order]
        pairs = np.flatnonzero(dated_article)
        lo = np.searchsorted(ev_sorted, cand_events[pairs], side="left")
        hi = np.searchsorted(ev_sorted, cand_events[pairs], side="right")
        counts = hi - lo
        if counts.sum() == 0:
            return out
        pair_of = np.repeat(pairs, counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        member = order[np.repeat(lo, counts) + offsets]
        art = si[pair_of]
        conflict = date_conflicts(ryears[art], rdays[art], self._row_ryears[member], self._row_rdays[member],
                                  self.config.reported_tolerance_days)
        if not conflict.any():
            return out
        pair_of, art, member = pair_of[conflict], art[conflict], member[conflict]
        cos = rowwise_dot(X[art], self._rows[member])
        lost = np.bincount(pair_of, weights=cos, minlength=len(si))
        size = np.maximum(self._event_size[cand_events], 1)
        return (1.0 - self.config.reported_conflict_factor) * lost / size

    def _time_factor(self, days, first, last) -> np.ndarray:
        """1 when dates are unknown or close; decays with the gap in days beyond the grace period."""
        cfg = self.config
        gap = np.maximum(np.maximum(first - days, days - last), 0.0)
        factor = np.exp(-np.maximum(gap - cfg.time_grace_days, 0.0) / cfg.time_scale_days)
        factor[gap > cfg.window_days] = 0.0
        return np.where(np.isnan(gap), 1.0, factor)

    # ------------------------------------------------------------------ state updates
    def _open_event(self, first_article_id: str) -> int:
        e = len(self._event_ids)
        eid = _event_id(first_article_id)
        if eid in self._event_id_set:  # practically never; keep ids unique
            eid = _event_id(first_article_id + f"#{e}")
        self._event_ids.append(eid)
        self._event_id_set.add(eid)
        self._event_articles.append([])
        return e

    def _sync_event_arrays(self) -> None:
        """Extend the per-event arrays to cover events opened since the last call."""
        missing = len(self._event_ids) - len(self._event_size)
        if missing > 0:
            self._event_first = np.concatenate([self._event_first, np.full(missing, np.nan)])
            self._event_last = np.concatenate([self._event_last, np.full(missing, np.nan)])
            self._event_size = np.concatenate([self._event_size, np.zeros(missing)])

    def _store_rows(self, batch, X, Q, K, days, originals, batch_event) -> None:
        self._row_store.append(X[originals])
        self._key_store.append(K[originals])
        self._retrieval_store.append(Q[originals])
        self._row_event = np.concatenate([self._row_event, batch_event[originals]])
        self._row_days = np.concatenate([self._row_days, days[originals]])
        self._row_article.extend(batch[i].id for i in originals)
        self._row_title.extend(batch[i].title or "" for i in originals)
        # event sums: add the new rows to their events
        n_events = len(self._event_ids)
        touched, slot = np.unique(batch_event[originals], return_inverse=True)
        S = sp.csr_matrix(
            (np.ones(len(originals)), (slot, np.arange(len(originals)))), shape=(len(touched), len(originals))
        )
        self._sums.grow(n_events)
        self._sums.add(touched, (S @ X[originals]).tocsr())
        self._event_size += np.bincount(batch_event[originals], minlength=n_events)

    def _record_members(self, batch, days, duplicate_of, batch_event, n_stored) -> None:
        for i, article in enumerate(batch):
            d = duplicate_of[i]
            if d == -1:
                e = int(batch_event[i])
                article.duplicate_of = None
            else:
                original = self._row_article[-(d + 2)] if d < -1 else batch[d].id
                e = self._article_event[original] if d < -1 else int(batch_event[d])
                article.duplicate_of = original
                self._duplicate_of[article.id] = original
            self._event_articles[e].append(article.id)
            self._article_event[article.id] = e
            article.event_id = self._event_ids[e]
            if not math.isnan(days[i]):
                self._event_first[e] = np.fmin(self._event_first[e], days[i])
                self._event_last[e] = np.fmax(self._event_last[e], days[i])

    def _representative_titles(self, events: set[int] | None = None) -> dict[int, str]:
        """Per event (of `events`, or all), the title of the member closest to the event's centroid."""
        if self._rows.shape[0] == 0:
            return {}
        rows = np.arange(self._rows.shape[0])
        if events is not None:
            rows = rows[np.isin(self._row_event, np.fromiter(events, dtype=np.int64, count=len(events)))]
        if len(rows) == 0:
            return {}
        row_event = self._row_event[rows]
        score = rowwise_dot(self._rows[rows], self._sums.rows(row_event))
        order = np.lexsort((-score, row_event))
        ev = row_event[order]
        first = np.flatnonzero(np.r_[True, ev[1:] != ev[:-1]])
        return {int(ev[k]): self._row_title[rows[order[k]]] for k in first}

    # ------------------------------------------------------------------ recheck
    def _rebuild_from_labels(self, row_labels: np.ndarray) -> None:
        """Re-derive events from a new event index per stored row (labels are event indices)."""
        self._row_event = row_labels.astype(np.int64)
        n_events = len(self._event_ids)
        S = sp.csr_matrix(
            (np.ones(len(row_labels)), (row_labels, np.arange(len(row_labels)))), shape=(n_events, len(row_labels))
        )
        self._sums = SumStore.from_csr((S @ self._rows).tocsr())
        self._event_size = np.bincount(row_labels, minlength=n_events).astype(float)
        row_of_article = {a: r for r, a in enumerate(self._row_article)}
        members: list[list[str]] = [[] for _ in range(n_events)]
        # keep arrival order: walk the old member lists in event order, which follow arrival
        ordered = [a for lst in self._event_articles for a in lst]
        arrival = {a: k for k, a in enumerate(ordered)}
        for a in sorted(self._article_event, key=lambda x: arrival.get(x, 0)):
            original = self._duplicate_of.get(a, a)
            e = int(row_labels[row_of_article[original]]) if original in row_of_article else self._article_event[a]
            self._article_event[a] = e
            members[e].append(a)
        self._event_articles = members
        first = np.full(n_events, np.nan)
        last = np.full(n_events, np.nan)
        np.fmin.at(first, self._row_event, self._row_days)
        np.fmax.at(last, self._row_event, self._row_days)
        self._event_first, self._event_last = first, last

    def _recluster(self) -> None:
        """Average-link over all stored articles at once, as a one-shot run would group them.

        Candidate pairs come from the same retrieval as in `add` (chunked, so memory stays
        bounded); events keep their ids where they keep most of their members.
        """
        n = self._rows.shape[0]
        if n == 0:
            return
        with ThreadPoolExecutor(RECHECK_THREADS, thread_name_prefix="recheck") as pool:
            qi, qj = self._recheck_candidates(pool)
            # in slices: the rows of a slice's pairs are copied out of the store to be multiplied
            sims = np.concatenate(list(pool.map(lambda k: self._row_pair_sims(qi[k : k + RECHECK_PAIRS],
                                                                              qj[k : k + RECHECK_PAIRS]),
                                                range(0, len(qi), RECHECK_PAIRS))) or [np.zeros(0)])
        labels = average_link(n, qi, qj, sims, np.ones(n), self.config.threshold,
                              size_penalty=self.config.size_penalty)
        self._rebuild_from_labels(self._name_clusters(labels))

    def _row_pair_sims(self, qi: np.ndarray, qj: np.ndarray) -> np.ndarray:
        """Time- and reported-day-damped cosine of stored rows qi[k] and qj[k]."""
        sims = rowwise_dot(self._rows[qi], self._rows[qj])
        sims *= self._time_factor(self._row_days[qi], self._row_days[qj], self._row_days[qj])
        sims *= self._reported_factor(self._row_ryears[qi], self._row_rdays[qi],
                                      self._row_ryears[qj], self._row_rdays[qj])
        return sims

    def _recheck_candidates(self, pool: ThreadPoolExecutor) -> tuple[np.ndarray, np.ndarray]:
        """(row, stored row) candidate pairs for every stored row, as `add` would find them
        against the whole store, ordered by row.

        Dated rows are queried in chunks of nearby days, each against the rows inside its time
        window (and the undated ones) only, so the cost follows the stream's density, not its
        history. Stored rows keep their order inside every window, so each row's candidates
        (ties included) are exactly those of a query against the whole store. Chunks run on
        `pool`; their results are joined in chunk order, so threads do not change the pairs."""
        days, window = self._row_days, self.config.window_days
        undated = np.flatnonzero(np.isnan(days))
        dated = np.flatnonzero(~np.isnan(days))
        by_day = dated[np.argsort(days[dated], kind="stable")]
        sorted_days = days[by_day]
        in_window = (np.searchsorted(sorted_days, sorted_days + window, side="right")
                     - np.searchsorted(sorted_days, sorted_days - window, side="left") + len(undated))

        def dated_pairs(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            stored = self._rows_in_window(days[rows].min() - window, days[rows].max() + window)
            qi, qj = self._candidate_pairs(self._retrieval[rows], self._retrieval[stored], False, days[rows], days[stored])
            return rows[qi], stored[qj]

        chunk = self._recheck_chunk_rows(int(in_window.max()) if len(in_window) else len(days))
        found = list(pool.map(dated_pairs, [np.sort(by_day[k : k + chunk]) for k in range(0, len(by_day), chunk)]))
        if len(undated):
            R_t = self._retrieval.T.tocsr()

            def undated_pairs(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
                qi, qj = self._candidate_pairs(self._retrieval[rows], self._retrieval, False, days[rows], days, R_t)
                return rows[qi], qj

            chunk = self._recheck_chunk_rows(len(days))
            found += pool.map(undated_pairs, [undated[k : k + chunk] for k in range(0, len(undated), chunk)])
        qi = np.concatenate([rows for rows, _ in found])  # the caller has stored rows: some chunk ran
        qj = np.concatenate([cols for _, cols in found])
        keep = qi != qj
        qi, qj = qi[keep], qj[keep]
        order = np.argsort(qi, kind="stable")
        return qi[order], qj[order]

    def _recheck_chunk_rows(self, stored_rows: int) -> int:
        """Query rows per retrieval product against `stored_rows` rows: the product grows with
        both, so fewer query rows where more rows are searched."""
        return int(max(64, min(self.config.batch_size, RECHECK_CELLS // max(stored_rows, 1))))

    def _name_clusters(self, labels: np.ndarray) -> np.ndarray:
        """Map new clusters to event indices: a cluster inherits the old event it holds most of
        (largest clusters choose first); the rest open new events named after their first article."""
        clusters, inverse = np.unique(labels, return_inverse=True)
        pairs, counts = np.unique(np.c_[inverse, self._row_event], axis=0, return_counts=True)
        order = np.lexsort((pairs[:, 1], -counts))
        assigned: dict[int, int] = {}
        taken: set[int] = set()
        for k in order:
            c, old = int(pairs[k, 0]), int(pairs[k, 1])
            if c not in assigned and old not in taken:
                assigned[c] = old
                taken.add(old)
        first_row = np.full(len(clusters), len(labels))
        np.minimum.at(first_row, inverse, np.arange(len(labels)))
        for c in range(len(clusters)):
            if c not in assigned:
                assigned[c] = self._open_event(self._row_article[first_row[c]])
        self._sync_event_arrays()
        return np.array([assigned[c] for c in inverse], dtype=np.int64)

    # ------------------------------------------------------------------ persistence
    def state_bytes(self) -> bytes:
        """Versioned state: JSON metadata (deflated) and npz arrays in an in-memory zip."""
        meta = {
            "version": STATE_VERSION,
            "config": asdict(self.config),
            "row_article": self._row_article,
            "row_title": self._row_title,
            "event_ids": self._event_ids,
            "event_articles": self._event_articles,
            "duplicate_of": self._duplicate_of,
            "storyline_of": self._storyline_of,
        }
        rows = self._rows
        arrays = io.BytesIO()
        # stored, not deflated: deflating the rows took 13x longer for 25% fewer bytes, and the
        # state is written at every checkpoint of a long run
        np.savez(
            arrays,
            data=rows.data.astype(np.float16),
            indices=rows.indices.astype(np.int32),
            indptr=rows.indptr.astype(np.int64),
            key_indices=self._row_keys.indices.astype(np.int32),
            key_indptr=self._row_keys.indptr.astype(np.int64),
            row_event=self._row_event,
            row_days=self._row_days,
            row_ryears=self._row_ryears,
            row_rdays=self._row_rdays,
            event_first=self._event_first,
            event_last=self._event_last,
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("meta.json", json.dumps(meta, ensure_ascii=False))
            z.writestr("arrays.npz", arrays.getvalue(), compress_type=zipfile.ZIP_STORED)
        return out.getvalue()

    @classmethod
    def from_state_bytes(cls, blob: bytes) -> "EventGrouper":
        """Rebuild a grouper from `state_bytes()`; raises ValueError for anything else."""
        try:
            with zipfile.ZipFile(io.BytesIO(blob)) as z:
                meta = json.loads(z.read("meta.json"))
                arrays = np.load(io.BytesIO(z.read("arrays.npz")))
        except (zipfile.BadZipFile, KeyError, TypeError, ValueError, OSError) as exc:
            raise ValueError(f"not a grouping state: {exc}") from exc
        version = meta.get("version") if isinstance(meta, dict) else None
        if version not in READABLE_VERSIONS:
            raise ValueError(f"unsupported grouping state version {version!r}")
        cfg_dict = dict(meta["config"])
        cfg_dict["features"] = FeatureConfig(**cfg_dict.get("features", {}))
        self = cls(GroupConfig(**cfg_dict))
        rows = sp.csr_matrix(
            (arrays["data"].astype(np.float32), arrays["indices"], arrays["indptr"]),
            shape=(len(arrays["indptr"]) - 1, N_FEATURES),
        )
        self._row_store = RowStore.from_csr(rows)
        self._retrieval_store = RowStore.from_csr(self._retrieval_rows(rows))
        key_indices = arrays["key_indices"]
        self._key_store = RowStore.from_csr(
            sp.csr_matrix(
                (self._idf[key_indices], key_indices, arrays["key_indptr"]),
                shape=(len(arrays["key_indptr"]) - 1, N_FEATURES),
            )
        )
        self._row_event = arrays["row_event"].astype(np.int64)
        self._row_days = arrays["row_days"]
        if "row_rdays" in arrays.files:
            self._row_ryears = arrays["row_ryears"].reshape(-1, MAX_DATES)
            self._row_rdays = arrays["row_rdays"].reshape(-1, MAX_DATES)
        else:  # a version-1 state: no reported days known for the rows stored then
            self._row_ryears = np.full((len(self._row_days), MAX_DATES), np.nan)
            self._row_rdays = np.full((len(self._row_days), MAX_DATES), np.nan)
        self._row_article = list(meta["row_article"])
        self._row_title = list(meta["row_title"])
        self._event_ids = list(meta["event_ids"])
        self._event_id_set = set(self._event_ids)
        self._event_articles = [list(x) for x in meta["event_articles"]]
        self._duplicate_of = dict(meta["duplicate_of"])
        self._storyline_of = dict(meta.get("storyline_of", {}))
        self._article_event = {a: e for e, lst in enumerate(self._event_articles) for a in lst}
        n_events = len(self._event_ids)
        S = sp.csr_matrix(
            (np.ones(len(self._row_event)), (self._row_event, np.arange(len(self._row_event)))),
            shape=(n_events, len(self._row_event)),
        )
        self._sums = SumStore.from_csr((S @ self._rows).tocsr())
        self._event_size = np.bincount(self._row_event, minlength=n_events).astype(float)
        self._event_first = arrays["event_first"]
        self._event_last = arrays["event_last"]
        return self
