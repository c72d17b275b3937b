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
