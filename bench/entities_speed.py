"""CPU cost of the entities stage per article, and an equality check against another checkout.

Articles: the first N vietnews-val records (default 3,000), read and prepared as the pipeline
does (`article_from_record` -> clean -> analyse -> times), cached in a pickle under the temp
folder so that every run and every checkout times the same input. Timing: `EntityStage().run`
over deep copies, CPU time (`time.process_time`: the machine is shared) after a warm-up on 300
other articles: the first pass (articles new to the process, as in the pipeline) and the best
of 3 repeats (every memo already filled: a lower bound).

    python bench/entities_speed.py                 # ms/article of this checkout
    python bench/entities_speed.py --check         # ... and the same output as main's code?
    python bench/entities_speed.py --dump out.json # (used by --check) every article's output

`--check` runs `--dump` in a subprocess with PYTHONPATH=<reference>/src (default /work/main,
or SUKIEN_REFERENCE) and asserts that every article's (mentions, entities) are identical; the
reference's timing is measured the same way in that subprocess, so both lines come from one run.
`--rounds R` (with --check) times each checkout R times, each time in a fresh subprocess (so the
first pass always starts with empty memos), alternating which goes first, and reports each
round and the minimum: on a shared machine other processes only ever add CPU time (cache,
memory bandwidth), so the minimum is the least disturbed measurement.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import iter_vietnews, require_shared  # noqa: E402

WARM_UP = 300  # articles run before timing, not timed
REFERENCE = Path(os.environ.get("SUKIEN_REFERENCE", "/work/main"))


def prepared_articles(n: int) -> list:
    """The first n vietnews articles after clean, analyse and times (cached between runs)."""
    cache = Path(tempfile.gettempdir()) / f"sukien_entities_prepared_{n}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from sukien.analyse import AnalyseStage
    from sukien.clean import CleanStage
    from sukien.read.jsonl import article_from_record
    from sukien.times.stage import TimesStage

    articles = [article_from_record(r, "vietnews-val") for r in iter_vietnews(require_shared(), n)]
    for stage in (CleanStage(), AnalyseStage(), TimesStage()):
        articles = list(stage.run(articles))
    cache.write_bytes(pickle.dumps(articles))
    return articles


def run_stage(articles: list) -> list:
    from sukien.entities import EntityStage

    return list(EntityStage().run(articles))


def cpu_ms_per_article(articles: list, warm_up: list, repeats: int = 3) -> tuple[float, float]:
    """(first pass, best of `repeats` more passes): CPU ms per article.

    The first pass sees articles new to the process (only `warm_up`, other articles, ran
    before), as the pipeline does; later passes find every memo filled by the first."""
    run_stage(copy.deepcopy(warm_up))  # model, gazetteer, the commonest words
    times = []
    for _ in range(1 + repeats):
        batch = copy.deepcopy(articles)
        started = time.process_time()
        run_stage(batch)
        times.append(time.process_time() - started)
    return 1000 * times[0] / len(articles), 1000 * min(times[1:]) / len(articles)


def outputs(articles: list) -> list[dict]:
    done = run_stage(copy.deepcopy(articles))
    return [{"id": a.id,
             "mentions": [[m.start, m.end, m.text, m.type, m.entity_id] for m in a.mentions],
             "entities": [[e.id, e.name, e.type, list(e.aliases)] for e in a.entities]} for a in done]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=3000, help="articles (default 3000)")
    parser.add_argument("--check", action="store_true", help="compare output and time with the reference checkout")
    parser.add_argument("--dump", type=Path, help="write every article's output and the timing as JSON")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=1, help="with --check: fresh-process timings of each checkout")
    args = parser.parse_args()

    import sukien

    articles = prepared_articles(args.n + WARM_UP)
    articles, warm_up = articles[:args.n], articles[args.n:]
    if args.dump:
        ms = cpu_ms_per_article(articles, warm_up, args.repeats)
        args.dump.write_text(json.dumps({"ms": ms, "code": sukien.__file__, "outputs": outputs(articles)},
                                        ensure_ascii=False))
        return
    if args.check and args.rounds > 1:
        check_in_rounds(args, len(articles))
        return
    mine = cpu_ms_per_article(articles, warm_up, args.repeats)
    rows = [("this checkout", sukien.__file__, mine)]
    if args.check:
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "reference.json"
            env = {**os.environ, "PYTHONPATH": str(REFERENCE / "src")}
            subprocess.run([sys.executable, __file__, "-n", str(args.n), "--repeats", str(args.repeats),
                            "--dump", str(dump)], env=env, check=True)
            reference = json.loads(dump.read_text())
        rows.insert(0, ("reference", reference["code"], reference["ms"]))
        ours = outputs(articles)
        differing = [a["id"] for a, b in zip(ours, reference["outputs"]) if a != b]
        assert len(ours) == len(reference["outputs"]), "article counts differ"
    print(f"entities stage, CPU ms/article (process_time), {len(articles)} vietnews-val articles after a "
          f"{WARM_UP}-article warm-up, {date.today()}, {platform.machine()} {os.cpu_count()} cores")
    print(f"| code | package | first pass | best of {args.repeats} repeats |\n|---|---|---:|---:|")
    for name, where, (first, repeat) in rows:
        print(f"| {name} | {where} | {first:.3f} | {repeat:.3f} |")
    if args.check:
        print(f"equality: {len(ours) - len(differing)}/{len(ours)} articles identical (mentions and entities)")
        if differing:
            sys.exit(f"outputs differ, first: {differing[:5]}")


def dump_in_subprocess(code: Path, n: int, repeats: int, folder: Path, name: str) -> dict:
    dump = folder / f"{name}.json"
    env = {**os.environ, "PYTHONPATH": str(code / "src")}
    subprocess.run([sys.executable, __file__, "-n", str(n), "--repeats", str(repeats), "--dump", str(dump)],
                   env=env, check=True)
    return json.loads(dump.read_text())


def check_in_rounds(args, n: int) -> None:
    """`--check --rounds R`: both checkouts timed R times in fresh subprocesses, alternating."""
    here = Path(__file__).resolve().parents[1]
    codes = {"reference": REFERENCE, "this checkout": here}
    timings: dict[str, list] = {name: [] for name in codes}
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        for r in range(args.rounds):
            for name in (list(codes) if r % 2 == 0 else list(codes)[::-1]):
                result = dump_in_subprocess(codes[name], n, args.repeats, Path(folder), f"{name}-{r}".replace(" ", "_"))
                timings[name].append(result["ms"])
                if name not in results:
                    results[name] = result
                elif result["outputs"] != results[name]["outputs"]:
                    sys.exit(f"{name}: outputs differ between rounds")
    ours, reference = results["this checkout"]["outputs"], results["reference"]["outputs"]
    assert len(ours) == len(reference), "article counts differ"
    differing = [a["id"] for a, b in zip(ours, reference) if a != b]
    print(f"entities stage, CPU ms/article (process_time), {n} vietnews-val articles after a {WARM_UP}-article "
          f"warm-up, {args.rounds} rounds (fresh process each, alternating), {date.today()}, "
          f"{platform.machine()} {os.cpu_count()} cores")
    print(f"| code | package | first pass (min) | best of {args.repeats} repeats (min) | first pass, each round |\n"
          "|---|---|---:|---:|---|")
    for name in codes:
        firsts = [t[0] for t in timings[name]]
        print(f"| {name} | {results[name]['code']} | {min(firsts):.3f} | {min(t[1] for t in timings[name]):.3f} | "
              + ", ".join(f"{x:.3f}" for x in firsts) + " |")
    ref_first = min(t[0] for t in timings["reference"])
    our_first = min(t[0] for t in timings["this checkout"])
    print(f"first pass: {100 * (our_first / ref_first - 1):+.1f}% CPU per article (min over rounds)")
    print(f"equality: {len(ours) - len(differing)}/{len(ours)} articles identical (mentions and entities)")
    if differing:
        sys.exit(f"outputs differ, first: {differing[:5]}")


if __name__ == "__main__":
    main()
