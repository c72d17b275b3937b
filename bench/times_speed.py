"""Pipeline speed of the times stage, and an equality check of its output against a baseline.

Loads real VietNews articles, runs them through the reader, `CleanStage` and `AnalyseStage` as
the pipeline does (each article gets a publication time spread over 30 days, as in
bench/scale.py), then measures in CPU time (time.process_time; the machine is shared), best of
3 after a warm-up:
- `TimesStage(None).run(...)` over deep copies of the analysed articles, in ms per article;
- `event_timeline` of each article as a one-article event, as the pipeline describes it.

`--dump PATH` writes every article's times, warnings and published fields after the stage, and
every one-article event timeline, as JSON, for two variants: dated (publication times set) and
undated (none, so values keep their X); also `find` on every hand-labelled sentence of
bench/data/times, with and without its reference time. `--check PATH` compares this code's dump with one
written earlier (for instance by the baseline code: run with PYTHONPATH pointing at its src)
and fails on any difference.

    PYTHONPATH=src python bench/times_speed.py [--n 3000] [--dump out.json] [--check base.json] [--profile]
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import json
import os
import platform
import pstats
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import iter_vietnews, require_shared  # noqa: E402

import sukien  # noqa: E402
from sukien.analyse import AnalyseStage  # noqa: E402
from sukien.clean import CleanStage  # noqa: E402
from sukien.model import Article, Event  # noqa: E402
from sukien.read.jsonl import article_from_record  # noqa: E402
from sukien.times import find  # noqa: E402
from sukien.times.stage import TimesStage  # noqa: E402
from sukien.times.timeline import event_timeline  # noqa: E402

VIETNAM = timezone(timedelta(hours=7))
START = datetime(2024, 1, 1, 6, 0, tzinfo=VIETNAM)


def load_articles(n: int, dated: bool) -> list[Article]:
    """The first n VietNews articles, read, cleaned and analysed as the pipeline does."""
    rng = random.Random(7)
    articles = []
    for i, record in enumerate(iter_vietnews(require_shared(), n)):
        record = {"id": f"vn-{record.get('id', i)}", "title": record["title"], "lead": record.get("lead", ""),
                  "body": record["body"]}
        minute = rng.randrange(30 * 24 * 60)
        if dated:
            record["published"] = (START + timedelta(minutes=minute)).isoformat()
        article = article_from_record(record, f"vietnews-val.jsonl.gz:{i + 1}")
        if article.title or article.lead or article.body:
            articles.append(article)
    articles = list(CleanStage().run(articles))
    return list(AnalyseStage().run(articles))


def run_times(articles: list[Article]) -> list[Article]:
    return list(TimesStage(None).run(articles))


def run_timelines(articles: list[Article]) -> list:
    return [event_timeline(Event(id="", article_ids=[a.id]), [a]) for a in articles]


def best_cpu(make_input, work, rounds: int = 3) -> float:
    """Best CPU seconds of `work(make_input())` over `rounds` runs, after one warm-up run."""
    work(make_input())
    best = float("inf")
    for _ in range(rounds):
        data = make_input()
        started = time.process_time()
        work(data)
        best = min(best, time.process_time() - started)
    return best


def dump(articles: list[Article]) -> dict:
    """What the stage and the timeline produce for each article, as plain JSON."""
    timed = run_times(copy.deepcopy(articles))
    out = {}
    for i, (article, (day, entries)) in enumerate(zip(timed, run_timelines(timed))):
        out[f"{i} {article.id}"] = {
            "times": [[m.start, m.end, m.text, m.type, m.value] for m in article.times],
            "warnings": list(article.warnings),
            "published": article.published.isoformat() if article.published else None,
            "published_source": article.published_source,
            "event_date": day,
            "timeline": [[e.value, e.text, e.article_id, e.start, e.end, e.event_id, e.label] for e in entries],
        }
    return out


def dump_sentences() -> dict:
    """`find` on every hand-labelled sentence of bench/data/times (crafted edge cases), with its
    reference time and without one."""
    out = {}
    for path in sorted((Path(__file__).resolve().parent / "data" / "times").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            ref = datetime.fromisoformat(item["ref"]) if item.get("ref") else None
            for name, when in (("ref", ref), ("none", None)):
                out[f"{path.stem} {item['id']} {name}"] = {
                    "times": [[m.start, m.end, m.text, m.type, m.value] for m in find(item["text"], when)]}
    return out


def profile(articles: list[Article]) -> None:
    data = copy.deepcopy(articles)
    profiler = cProfile.Profile()
    profiler.enable()
    timed = run_times(data)
    run_timelines(timed)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3000, help="articles (the first n of vietnews-val)")
    parser.add_argument("--dump", help="write the output of this code as JSON to this path")
    parser.add_argument("--check", help="compare the output of this code with this JSON dump")
    parser.add_argument("--profile", action="store_true", help="cProfile the stage and the timelines")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing")
    args = parser.parse_args()
    print(f"sukien from {Path(sukien.__file__).parent}")
    dated = load_articles(args.n, dated=True)
    if args.dump or args.check:
        result = {"dated": dump(dated), "undated": dump(load_articles(args.n, dated=False)),
                  "sentences": dump_sentences()}
        if args.dump:
            Path(args.dump).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
            print(f"wrote {args.dump}")
        if args.check:
            expected = json.loads(Path(args.check).read_text(encoding="utf-8"))
            check(expected, result)
    if args.profile:
        profile(dated)
    if args.no_speed:
        return
    stage = best_cpu(lambda: copy.deepcopy(dated), run_times)
    timed = run_times(copy.deepcopy(dated))
    timelines = best_cpu(lambda: timed, run_timelines)
    mentions = sum(len(a.times) for a in timed)
    print(f"\n{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node()} ({os.cpu_count()} cores), "
          f"{len(dated)} articles, {mentions} time mentions; CPU time, best of 3:\n")
    print("| what | ms/article |\n|---|---|")
    print(f"| TimesStage.run | {stage * 1000 / len(dated):.3f} |")
    print(f"| event_timeline (one-article events) | {timelines * 1000 / len(dated):.3f} |")


def check(expected: dict, actual: dict) -> None:
    differences = 0
    for variant in expected:
        for article_id, want in expected[variant].items():
            got = actual[variant].get(article_id)
            if got != want:
                differences += 1
                if differences <= 5:
                    print(f"DIFFERENT {variant} {article_id}:\n  expected {want}\n  actual   {got}")
        differences += len(set(actual[variant]) - set(expected[variant]))
    count = sum(len(v) for v in expected.values())
    if differences:
        sys.exit(f"equality check FAILED: {differences} of {count} article outputs differ")
    print(f"equality check passed: {count} outputs identical (articles and bench sentences) "
          f"({sum(len(a['times']) for v in expected.values() for a in v.values())} time mentions)")


if __name__ == "__main__":
    main()
