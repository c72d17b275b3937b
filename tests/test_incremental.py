"""Incremental runs place new articles in existing events: the result matches a one-shot run."""

import json
from collections import defaultdict

from sukien.pipeline import Pipeline
from sukien.store import Store


def bcubed_f1(predicted: dict[str, str], gold: dict[str, str]) -> float:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item in gold:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    p = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_pred[predicted[i]]) for i in gold) / len(gold)
    r = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in gold) / len(gold)
    return 2 * p * r / (p + r)


def test_incremental_runs_agree_with_a_one_shot_run(tmp_path, vims_sample, seeds_dir):
    records = [json.loads(line) for line in vims_sample.read_text(encoding="utf-8").splitlines()]
    gold = {r["id"]: r["id"].rsplit("-", 1)[0] for r in records}
    halves = [records[0::2], records[1::2]]  # every cluster is split across the two runs
    paths = []
    for n, half in enumerate(halves):
        path = tmp_path / f"part{n}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in half), encoding="utf-8")
        paths.append(path)

    one_shot = Store(tmp_path / "one.db")
    Pipeline(one_shot).run([*paths, seeds_dir])
    incremental = Store(tmp_path / "inc.db")
    Pipeline(incremental).run([paths[0], seeds_dir])
    Pipeline(Store(tmp_path / "inc.db")).run([paths[1]])

    predicted_once = {a.id: a.event_id for a in one_shot.iter_articles() if a.id in gold}
    predicted_inc = {a.id: a.event_id for a in incremental.iter_articles() if a.id in gold}
    assert len(predicted_inc) == len(gold)
    assert abs(bcubed_f1(predicted_once, gold) - bcubed_f1(predicted_inc, gold)) <= 0.005
    # the second run joined articles to events the first run had opened
    first_run_events = {e for a, e in predicted_inc.items() if a in {r["id"] for r in halves[0]}}
    assert any(predicted_inc[r["id"]] in first_run_events for r in halves[1])
    assert incremental.stale_event_ids() == []
    # every article names its event's storyline, and both runs store the same storylines
    for store in (one_shot, incremental):
        rows = store.conn.execute("SELECT a.id, a.storyline_id, e.storyline_id FROM articles a "
                                  "JOIN events e ON e.id = a.event_id").fetchall()
        assert len(rows) == store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert [tuple(r) for r in rows if r[1] != r[2]] == [], store.path
    linked = {s.id: sorted(s.event_ids) for s in incremental.list_storylines()}
    assert linked and all(len(events) >= 2 for events in linked.values())
    for storyline in incremental.list_storylines():
        assert {t.event_id for t in storyline.timeline} <= set(storyline.event_ids)
