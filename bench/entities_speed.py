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
    args = parser.parse_args()

    import sukien

    articles = prepared_articles(args.n + WARM_UP)
    articles, warm_up = articles[:args.n], articles[args.n:]
    if args.dump:
        ms = cpu_ms_per_article(articles, warm_up, args.repeats)
        args.dump.write_text(json.dumps({"ms": ms, "code": sukien.__file__, "outputs": outputs(articles)},
                                        ensure_ascii=False))
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


if __name__ == "__main__":
    main()
