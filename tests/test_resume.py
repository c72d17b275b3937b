"""A run killed with SIGKILL mid-way restarts where it stopped: no article lost or stored twice."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest


def make_corpus(vims_sample, path, copies: int) -> int:
    records = [json.loads(line) for line in vims_sample.read_text(encoding="utf-8").splitlines()]
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for r in records:
                # each copy is a re-published version of the article with its own id
                out.write(json.dumps({**r, "id": f"{r['id']}-copy{copy}"}, ensure_ascii=False) + "\n")
    return copies * len(records)


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_kill_and_resume(tmp_path, vims_sample):
    corpus = tmp_path / "corpus.jsonl"
    total = make_corpus(vims_sample, corpus, copies=40)
    db = tmp_path / "s.db"
    command = [sys.executable, "-m", "sukien.cli", "run", str(corpus), "--db", str(db), "--batch-size", "20"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while stored(db) < 100 and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed: make the corpus larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = stored(db)
    assert 0 < partial < total

    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == total
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE event_id IS NULL").fetchone()[0] == 0
        orphans = conn.execute("SELECT COUNT(*) FROM articles WHERE event_id NOT IN (SELECT id FROM events)").fetchone()[0]
        assert orphans == 0
        assert conn.execute("SELECT COUNT(*) FROM events WHERE stale = 1").fetchone()[0] == 0
        fts = conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        assert fts == total


def test_checkpoint_frequency_does_not_change_the_events(tmp_path, vims_sample, seeds_dir):
    from sukien.pipeline import Pipeline
    from sukien.store import Store

    results = []
    for name, every in (("often", 10), ("once", 10_000)):
        store = Store(tmp_path / f"{name}.db")
        Pipeline(store, batch_size=5, checkpoint_every=every).run([vims_sample, seeds_dir])
        results.append({a.id: a.event_id for a in store.iter_articles()})
        _, watermark = store.load_grouping_state()
        assert watermark == store.max_seq()  # the end of a run always checkpoints
    assert results[0] == results[1]


def test_articles_stored_after_the_checkpoint_are_replayed(tmp_path, vims_sample):
    from sukien.pipeline import Pipeline
    from sukien.store import Store

    store = Store(tmp_path / "s.db")
    Pipeline(store, batch_size=5).run([vims_sample])
    with store.transaction():  # as if a crash came after these articles' batch but before a checkpoint
        store.conn.execute("UPDATE grouping_state SET watermark = 10")
    grouper = Pipeline(store, batch_size=5)._load_grouper()
    assert set(grouper.assignments()) == {a.id for a in store.iter_articles()}
