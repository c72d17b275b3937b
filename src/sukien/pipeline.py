"""Wires the stages: read -> clean -> analyse -> times -> entities -> group -> describe -> store.

Articles flow in batches. The executor runs the per-article stages on each batch; the driver
groups it and commits its articles (with their event ids) and the events they touched in one
transaction. The grouper's state is checkpointed every `checkpoint_every` articles and at the
end; articles stored after the checkpoint are replayed into it on load, so a killed run resumes
at the first batch it had not committed and no article is stored twice. Events touched by a
run are marked stale and described (summary, date, timeline, entities) at the end, while
storylines are relinked over all events.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sukien.analyse import AnalyseStage, split_sentences
from sukien.clean import CleanStage
from sukien.entities import EntityStage, resolve_event_entities
from sukien.errors import InputError
from sukien.executors import LocalExecutor
from sukien.group import EventGrouper, GroupConfig
from sukien.group.grouper import GroupInput
from sukien.model import Article, Event, EventDescription, Storyline
from sukien.read import iter_files, read_file
from sukien.store import Store
from sukien.store.rows import (ArticleRows, DescriptionRows, DetailRows, StoredEvents, article_rows, description_rows,
                               detail_rows)
from sukien.summarise import summarize
from sukien.times import find_normalized
from sukien.times.anchor import reference_time
from sukien.times.stage import TimesStage
from sukien.times.timeline import event_timeline, storyline_timeline

DEFAULT_SUMMARY_TOKENS = 120
EVENTS_PER_TASK = 200  # events described per executor task


@dataclass
class RunReport:
    files: int = 0
    read: int = 0
    added: int = 0
    skipped: int = 0  # already in the store, or twice in the input
    errors: list[str] = field(default_factory=list)
    events: int = 0
    storylines: int = 0


class Progress:
    """What the pipeline tells its caller; the CLI shows it as rich progress bars."""

    def start(self, task: str, total: int | None) -> None: ...

    def advance(self, task: str, amount: int = 1) -> None: ...

    def finish(self, task: str) -> None: ...


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class PreparedBatch:
    """What a worker sends back for one batch."""

    articles: list[Article]  # only id, title and published: the rest is in `rows` and `group`
    rows: ArticleRows  # the articles as the store writes them
    group: GroupInput  # what grouping reads of them
    solos: dict[str, DetailRows]  # article id -> its description as a one-article event
    seconds: dict[str, float]


class PrepareBatch:
    """The per-article stages (clean, analyse, times, entities) over one batch, then each
    article described as if it were an event on its own; picklable, so it runs anywhere.

    Most events of a large store have one article: describing them here, in parallel, spares
    the driver loading them back from the store after grouping. An article that joins others
    makes its event stale, and the event is described again from all its articles at the end.
    The articles themselves do not travel back: their store rows, grouping features and heads
    (id, title, date) are all the driver needs, and far cheaper to send and unpickle.
    """

    def __init__(self, stages: list[tuple[str, object]], describe: "DescribeEvents | None" = None,
                 group_config: GroupConfig | None = None):
        self.stages = stages
        self.describe = describe
        self.group_config = group_config
        self._featurizer: EventGrouper | None = None  # built where the batches run

    def __getstate__(self):
        return {**self.__dict__, "_featurizer": None}

    def run_stages(self, batch: list[Article]) -> tuple[list[Article], dict[str, float]]:
        """The articles through the per-article stages, and the seconds each stage took."""
        seconds: dict[str, float] = {}
        for name, stage in self.stages:
            started = time.perf_counter()
            batch = list(stage.run(batch))
            seconds[name] = time.perf_counter() - started
        return batch, seconds

    def __call__(self, batch: list[Article]) -> PreparedBatch:
        with _fewer_collections():  # in a worker too: its memo caches make full collections slow
            return self._prepare(batch)

    def _prepare(self, batch: list[Article]) -> PreparedBatch:
        batch, seconds = self.run_stages(batch)
        solos = {}
        if self.describe is not None:
            started = time.perf_counter()
            solos = {a.id: detail_rows(self.describe.describe(Event(id="", article_ids=[a.id]), [a])) for a in batch}
            seconds["summarise"] = time.perf_counter() - started
        started = time.perf_counter()
        if self._featurizer is None:
            self._featurizer = EventGrouper(self.group_config)  # no state: it only featurizes
        group = self._featurizer.prepare(batch)
        seconds["group"] = time.perf_counter() - started
        started = time.perf_counter()
        rows = article_rows(batch)
        heads = [Article(id=a.id, title=a.title, published=a.published) for a in batch]
        seconds["store"] = time.perf_counter() - started
        return PreparedBatch(heads, rows, group, solos, seconds)


class DescribeEvents:
    """Summary, date, timeline and merged entities of events, from their articles; picklable.

    Also re-resolves the times of articles without a trustworthy date against their event: at
    analysis an article only had its own dateline or `--ref`; once grouped, the trusted dates
    of the other articles of its event are a better anchor.
    """

    def __init__(self, summary_tokens: int, user_ref: datetime | None):
        self.summary_tokens = summary_tokens
        self.user_ref = user_ref

    def __call__(self, stored: StoredEvents) -> tuple[list[DescriptionRows], dict[str, float]]:
        """Descriptions, as store rows, of events read from the store as rows (cheaper to send
        to a worker than objects; built here)."""
        started = time.perf_counter()
        with _fewer_collections():
            described = [description_rows(self.describe(event, articles), articles) for event, articles in stored.build()]
        return described, {"summarise": time.perf_counter() - started}

    def describe(self, event: Event, articles: list[Article]) -> EventDescription:
        for article in articles:
            if not article.sentences:  # read back from the store: split once for summary and timeline
                article.sentences = split_sentences(article)
        retimed = {}
        for article in articles:
            ref, source = reference_time(article, articles, self.user_ref)
            if source == "siblings":
                article.times = find_normalized(article.text, ref)
                retimed[article.id] = article.times
        originals = [a for a in articles if not a.duplicate_of] or articles
        event.summary = summarize(originals, max_tokens=self.summary_tokens)
        event.date, event.timeline = event_timeline(event, articles)
        if len(articles) > 1:
            entities, merged_into = resolve_event_entities(articles)
        else:  # one article's entities were already resolved by the entities stage
            entities, merged_into = (articles[0].entities if articles else []), {}
        counts = Counter(merged_into.get(m.entity_id, m.entity_id) for a in articles for m in a.mentions if m.entity_id)
        return EventDescription(event, entities, merged_into, dict(counts), retimed)


class Pipeline:
    def __init__(self, store: Store, batch_size: int = 500, progress: Progress | None = None,
                 summary_tokens: int = DEFAULT_SUMMARY_TOKENS, user_ref: datetime | None = None,
                 executor=None, checkpoint_every: int = 20_000):
        self.store = store
        self.checkpoint_every = checkpoint_every  # articles between grouping-state checkpoints
        self._since_checkpoint = 0
        self.batch_size = batch_size
        self.progress = progress or Progress()
        self.summary_tokens = summary_tokens
        self.user_ref = user_ref
        self.executor = executor or LocalExecutor()
        self.prepare = PrepareBatch([("clean", CleanStage()), ("analyse", AnalyseStage()),
                                     ("times", TimesStage(user_ref)), ("entities", EntityStage())])
        self.describe = DescribeEvents(summary_tokens, user_ref)
        self.prepare.describe = self.describe
        self.seconds: Counter[str] = Counter()  # time spent per stage, for benchmarks and logs

    # -- the whole job ----------------------------------------------------------------------
    def run(self, paths: Iterable[str | Path]) -> RunReport:
        with _fewer_collections():
            return self._run(paths)

    def _run(self, paths: Iterable[str | Path]) -> RunReport:
        paths = [str(p) for p in paths]
        report = RunReport()
        files = list(iter_files(paths))
        report.files = len(files)
        run_id = self.store.start_run(paths)
        grouper = self._load_grouper()
        self.prepare.group_config = grouper.config  # workers featurize as this grouper would

        def on_error(error: InputError) -> None:
            report.errors.append(str(error))

        def fresh_batches() -> Iterator[list[Article]]:
            seen: set[str] = set()  # ids met earlier in this run, maybe not committed yet
            for batch in _batches(self._read(files, on_error), self.batch_size):
                report.read += len(batch)
                fresh = [a for a in self._unseen(batch) if a.id not in seen]
                seen.update(a.id for a in fresh)
                report.skipped += len(batch) - len(fresh)
                if fresh:
                    yield fresh

        self.progress.start("read", len(files))
        for prepared in self.executor.map(self.prepare, fresh_batches()):
            self.seconds.update(prepared.seconds)
            report.added += self.group_and_store(prepared.articles, grouper, prepared.solos, prepared.rows,
                                                 prepared.group)
        self.progress.finish("read")
        self.finish_events(grouper)
        report.events = self.store.count_events()
        report.storylines = self.store.count_storylines()
        self.store.finish_run(run_id, report.added, report.errors)
        return report

    def _read(self, files: list[Path], on_error) -> Iterator[Article]:
        for path in files:
            yield from read_file(path, on_error)
            self.progress.advance("read")

    def _load_grouper(self) -> EventGrouper:
        """The grouper as last checkpointed, with the articles stored since replayed into it."""
        state, watermark = self.store.load_grouping_state()
        grouper = EventGrouper.from_state_bytes(state) if state else EventGrouper()
        for stored in self.store.articles_after(watermark, self.batch_size):
            grouper.add(stored)
        self._since_checkpoint = 0
        return grouper

    def _unseen(self, batch: list[Article]) -> list[Article]:
        """Drop articles already stored or repeated within the batch (by id)."""
        known = self.store.known_ids(a.id for a in batch)
        fresh, seen = [], set()
        for article in batch:
            if article.id not in known and article.id not in seen:
                seen.add(article.id)
                fresh.append(article)
        return fresh

    # -- per batch --------------------------------------------------------------------------
    def group_and_store(self, prepared: list[Article], grouper: EventGrouper,
                        solos: dict[str, DetailRows] | None = None, rows: ArticleRows | None = None,
                        group: GroupInput | None = None) -> int:
        """Place a prepared batch in events and commit it with the grouper's state.

        Events made of one article of this batch are stored with the description the worker
        computed for it (`solos`); all other touched events are left stale for `finish_events`.
        `rows` and `group` are what the worker computed for the store and for grouping.
        """
        unseen = self._unseen(prepared)
        if group is not None and len(unseen) < len(prepared):
            position = {a.id: i for i, a in enumerate(prepared)}
            group = group.take([position[a.id] for a in unseen])
        prepared = unseen
        with self._timed("group"):
            grouper.add(prepared, group)
            events = grouper.events({a.event_id for a in prepared})
        with self._timed("store"), self.store.transaction():
            placement = {a.id: (a.duplicate_of, a.event_id, a.storyline_id) for a in prepared}
            added = self.store.add_article_rows(rows.only(set(placement)) if rows else article_rows(prepared), placement)
            self.store.save_events(events)
            solos = solos or {}
            # a solo's entities were stored with its article
            self.store.save_detail_rows([(e.id, solos[e.article_ids[0]]) for e in events
                                         if len(e.article_ids) == 1 and e.article_ids[0] in solos])
        self._since_checkpoint += added
        if self._since_checkpoint >= self.checkpoint_every:
            # the articles carry their event ids, so a crash before the next checkpoint loses
            # nothing: they are replayed into the grouper on the next load
            with self._timed("store"), self.store.transaction():
                self.store.save_grouping_state(grouper.state_bytes())
            self._since_checkpoint = 0
        self.progress.advance("articles", len(prepared))
        return added

    @contextmanager
    def _timed(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    # -- after all batches ------------------------------------------------------------------
    def finish_events(self, grouper: EventGrouper) -> None:
        """Re-check events, sync moved articles, summarise stale events, relink storylines.

        Linking storylines needs the events, not their descriptions: it runs in a thread of
        this process while the executor describes the stale events (the driver mostly waits
        on the executor and on SQLite then, both of which release the GIL)."""
        grouper.recheck()
        events = grouper.events()
        with self.store.transaction():
            affected = self.store.sync_membership({a: e.id for e in events for a in e.article_ids})
            self.store.delete_events_except({e.id for e in events})
            self.store.save_events(e for e in events if e.id in affected)
            self.store.save_grouping_state(grouper.state_bytes())
        stale = self.store.stale_event_ids()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="storylines") as linker:
            linking = linker.submit(_timed_call, grouper.storylines)
            self._describe_stale(stale)
            storylines, seconds = linking.result()
        self.seconds["storylines"] += seconds
        with self._timed("storylines"):
            self.save_storylines(storylines, grouper)

    def _describe_stale(self, stale: list[str]) -> None:
        self.progress.start("summaries", len(stale))
        chunks = (self.store.stored_events(stale[i : i + EVENTS_PER_TASK])
                  for i in range(0, len(stale), EVENTS_PER_TASK))
        for details, seconds in self.executor.map(self.describe, chunks):
            self.seconds.update(seconds)
            with self._timed("store"), self.store.transaction():
                self.store.save_description_rows(details)
            self.progress.advance("summaries", len(details))
        self.progress.finish("summaries")

    def save_storylines(self, storylines: list[Storyline], grouper: EventGrouper) -> None:
        """Store storylines, each with a timeline of its events by the dates their descriptions found."""
        linked = [i for s in storylines for i in s.event_ids]
        dated = {e.id: e for e in self.store.timeline_events(linked)}
        for storyline in storylines:
            storyline.timeline = storyline_timeline(storyline, [dated[i] for i in storyline.event_ids if i in dated])
        with self.store.transaction():
            self.store.save_storylines(storylines)
            self.store.save_grouping_state(grouper.state_bytes())


@contextmanager
def _fewer_collections():
    """Run the cyclic garbage collector less often while a run (or a worker's task) lasts.
    The driver keeps a large, long-lived heap (the grouper's state) and unpickles tens of
    thousands of row tuples per batch, the workers fill memo caches; with the default
    thresholds every few hundred new objects started a collection, and every tenth young
    collection a full one over the whole heap: 14% of the driver's CPU on 50,000 articles (4%
    with these thresholds), 8.5% of a worker's on 8,000 (2.7%). The pipeline's data has no
    reference cycles to wait for."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 10)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _timed_call(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started
