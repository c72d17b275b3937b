"""CPU cost of summarising a multi-article event, and an output check against a saved reference.

Events: every ViMs dev cluster whole, and its first 2 and first 3 articles (450 events of 2-10+
articles), plus events of 2-4 consecutive vietnews-val articles (`--vietnews N`, default 1,000:
unrelated articles, but real Vietnamese text at the common event size). Articles are prepared
once, outside the timing, by the pipeline's per-article stages (`PrepareBatch.run_stages`:
clean, analyse, times, entities) and cached in a pickle under the temp folder. Each event is
summarised as `DescribeEvents.describe` does: `summarize(originals, max_tokens=120)`.

Timing: CPU time (`time.process_time`: the machine is shared), median of `--rounds` rounds over
the ViMs events and over the vietnews events, in ms per event. `--peer SRC` times another
checkout's code (e.g. /work/main/src) in a subprocess in the same run, for a before/after table.

    python bench/summarise_speed.py                       # ms/event of this checkout
    python bench/summarise_speed.py --peer /work/main/src # ... next to main's code
    python bench/summarise_speed.py --dump ref.json       # every event's summary, as JSON
    python bench/summarise_speed.py --check ref.json      # identical to a saved reference?
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import iter_vietnews, load_vims, require_shared  # noqa: E402

SUMMARY_TOKENS = 120  # the pipeline's DEFAULT_SUMMARY_TOKENS
BASE_TIME = datetime(2020, 5, 1, 8, 0, tzinfo=timezone.utc)


def _vims_records(clusters: list[dict]) -> list[list[dict]]:
    events = []
    for cluster in clusters:
        records = [{"id": a["id"], "title": a["title"], "body": a["body"],
                    "published": (BASE_TIME + timedelta(hours=3 * i)).isoformat()}
                   for i, a in enumerate(cluster["articles"])]
        for size in (2, 3, len(records)):
            if len(records) >= size:
                events.append(records[:size])
    return events


def _vietnews_records(shared: Path, n_events: int) -> list[list[dict]]:
    events, records = [], iter_vietnews(shared)
    for number in range(n_events):
        size = 2 + number % 3
        events.append([next(records) for _ in range(size)])
    return events


def prepared_events(n_vietnews: int) -> tuple[list[list], list[list]]:
    """(ViMs events, vietnews events), each a list of prepared articles (cached between runs)."""
    cache = Path(tempfile.gettempdir()) / f"sukien_summarise_events_{n_vietnews}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from sukien.pipeline import Pipeline
    from sukien.read.jsonl import article_from_record

    shared = require_shared()
    prepare = Pipeline(store=None)  # only its PrepareBatch stages are used
    groups = []
    for source, record_events in (("vims-dev", _vims_records(load_vims(shared))),
                                  ("vietnews-val", _vietnews_records(shared, n_vietnews))):
        flat = [article_from_record(r, source) for event in record_events for r in event]
        flat, _ = prepare.prepare.run_stages(flat)
        by_id = {a.id: a for a in flat}
        groups.append([[by_id[r["id"]] for r in event] for event in record_events])
    result = (groups[0], groups[1])
    cache.write_bytes(pickle.dumps(result))
    return result


def summarise_all(events: list[list]) -> list:
    from sukien.summarise import summarize

    return [summarize([a for a in articles if not a.duplicate_of] or articles, max_tokens=SUMMARY_TOKENS)
            for articles in events]


def cpu_ms_per_event(events: list[list], rounds: int) -> float:
    summarise_all(events[:20])  # warm-up: model, IDF table
    times = []
    for _ in range(rounds):
        started = time.process_time()
        summarise_all(events)
        times.append(time.process_time() - started)
    return 1000 * statistics.median(times) / len(events)


def dump(events: list[list]) -> list[list[list]]:
    return [[[s.text, s.article_id, s.start, s.end] for s in summary] for summary in summarise_all(events)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vietnews", type=int, default=1000, help="vietnews-based events")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--peer", help="src folder of another checkout to time in the same run")
    parser.add_argument("--dump", help="write every event's summary to this JSON file")
    parser.add_argument("--check", help="compare every event's summary with this JSON file")
    parser.add_argument("--timing-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    vims, vietnews = prepared_events(args.vietnews)
    if args.timing_json:  # the peer's side of --peer
        print(json.dumps([cpu_ms_per_event(vims, args.rounds), cpu_ms_per_event(vietnews, args.rounds)]))
        return
    if args.dump:
        Path(args.dump).write_text(json.dumps({"vims": dump(vims), "vietnews": dump(vietnews)}, ensure_ascii=False),
                                   encoding="utf-8")
        print(f"wrote {args.dump}")
        return
    if args.check:
        reference = json.loads(Path(args.check).read_text(encoding="utf-8"))
        for name, events in (("vims", vims), ("vietnews", vietnews)):
            ours = dump(events)
            same = sum(a == b for a, b in zip(ours, reference[name]))
            print(f"--check {name}: {same} / {len(reference[name])} events identical"
                  + ("" if len(ours) == len(reference[name]) else f" (event count differs: {len(ours)})"))
        return

    import sukien

    rows = []
    if args.peer:
        env = {**os.environ, "PYTHONPATH": args.peer}
        out = subprocess.run([sys.executable, __file__, "--timing-json", "--vietnews", str(args.vietnews),
                              "--rounds", str(args.rounds)], env=env, capture_output=True, text=True, check=True)
        rows.append((f"peer ({args.peer})", *json.loads(out.stdout.strip().splitlines()[-1])))
    rows.append((f"this checkout ({Path(sukien.__file__).parents[1]})",
                 cpu_ms_per_event(vims, args.rounds), cpu_ms_per_event(vietnews, args.rounds)))
    sizes = [len(e) for e in vims]
    print(f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Machine: {platform.machine()}, "
          f"{os.cpu_count()} cores (shared), Python {platform.python_version()}.")
    print(f"Events: {len(vims)} ViMs (2-{max(sizes)} articles, mean {statistics.mean(sizes):.1f}), "
          f"{len(vietnews)} vietnews (2-4 articles). CPU ms per event, median of {args.rounds} rounds.")
    print()
    print("| code | ViMs ms/event | vietnews ms/event |")
    print("|---|---|---|")
    for name, v, n in rows:
        print(f"| {name} | {v:.2f} | {n:.2f} |")
    if args.peer:
        print(f"| speed-up | {rows[0][1] / rows[1][1]:.2f}x | {rows[0][2] / rows[1][2]:.2f}x |")


if __name__ == "__main__":
    main()
