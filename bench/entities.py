"""Benchmark the entities stage: NER on PhoNER dev, against underthesea, and alias merging.

    PYTHONPATH=src python bench/entities.py [--limit N] [--out bench/results/entities.md]

1. NER: entity-level precision/recall/F1 on the PhoNER_COVID19 dev split (syllable level) for
   NAME (our PER), LOCATION (LOC), ORGANIZATION (ORG) and micro over the three. Both systems
   get the same sentences as plain text (the syllables joined by spaces); spans are compared
   as character offsets, exact match. underthesea's `ner` (its shipped CRF model, offline)
   runs in the same process on the same sentences.
2. Speed: sentences per second, one process, same sentences, wall and CPU time. sukien is
   timed twice: through `recognise_many` in batches of 512 sentences (15-20 articles; the
   pipeline's `EntityStage` passes 64 articles per call, more than that) and one call per
   sentence (`recognise`, the worst case). underthesea gets one call per sentence, its only
   interface. The two take turns chunk by chunk, so both see the same load.
3. Aliases: `bench/data/entities/aliases.jsonl`, hand-checked pairs of mentions from real
   articles (VietNews, ViMs, the seeds) that should or should not be one entity, within an
   article or across two articles of one event. Each scope runs through `EntityStage` (and
   `resolve_event_entities` across articles); a pair is predicted "same" when both mentions
   resolve to one id. Precision and recall of "same".
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from statistics import median
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sukien.entities import EntityStage, recognise, recognise_many, resolve_event_entities  # noqa: E402
from sukien.model import Article  # noqa: E402
from sukien.text import normalize  # noqa: E402
from _data import shared_dir  # noqa: E402  (bench/ is on sys.path when run as a script)

PHONER_TO_OURS = {"NAME": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
TYPES = ["PER", "LOC", "ORG"]
SHOWN = {"PER": "NAME (PER)", "LOC": "LOCATION (LOC)", "ORG": "ORGANIZATION (ORG)"}




def phoner_sentences(path: Path, limit: int | None):
    """(text, gold spans as (start, end, type)) with the syllables joined by single spaces."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        row = json.loads(line)
        text, offsets, pos = [], [], 0
        for word in row["words"]:
            offsets.append((pos, pos + len(word)))
            text.append(word)
            pos += len(word) + 1
        gold, cur = set(), None
        for i, tag in enumerate(row["tags"] + ["O"]):
            kind = PHONER_TO_OURS.get(tag[2:]) if tag != "O" else None
            if cur and not (tag.startswith("I-") and kind == cur[2]):
                gold.add((offsets[cur[0]][0], offsets[cur[1]][1], cur[2]))
                cur = None
            if kind and (tag.startswith("B-") or cur is None):
                cur = [i, i, kind]
            elif kind and cur:
                cur[1] = i
        out.append((" ".join(text), gold))
    return out


def score(gold: list[set], pred: list[set]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    table = {}
    for t in [*TYPES, "micro"]:
        a = sum(tp[x] for x in TYPES) if t == "micro" else tp[t]
        b = sum(fp[x] for x in TYPES) if t == "micro" else fp[t]
        c = sum(fn[x] for x in TYPES) if t == "micro" else fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        table[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return table


class Clock:
    """Wall and CPU seconds spent in a block, added up over many blocks."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


def underthesea_spans(text: str, tagged: list) -> set:
    """underthesea word tags -> character spans, by finding each word in the text in order."""
    spans, pos, cur = set(), 0, None
    for item in tagged + [("", "", "", "O")]:
        word, tag = item[0], item[-1]
        found = text.find(word, pos) if word else -1
        start, end = (found, found + len(word)) if found >= 0 else (pos, pos)
        pos = end if found >= 0 else pos
        kind = tag[2:] if tag[2:] in TYPES else None
        if cur and not (tag.startswith("I-") and kind == cur[2]):
            spans.add(tuple(cur))
            cur = None
        if kind and (tag.startswith("B-") or cur is None):
            cur = [start, end, kind]
        elif kind and cur:
            cur[1] = end
    return spans


def load_underthesea():
    try:
        from underthesea import ner

        ner("Ông Putin ca ngợi Liên Xô")  # load the model before timing
        return ner, None
    except Exception as exc:  # no network, no model: say so instead of failing
        return None, f"unavailable: {type(exc).__name__}: {exc}"


def run_both(texts: list[str], ner, chunk: int = 512, batch: int = 512):
    """Predictions and clocks of both systems, timed chunk by chunk in turns.

    Taking turns on the same chunks exposes both to the same load on a shared machine. Only
    the systems' own calls are timed; turning their outputs into spans for scoring is not.
    """
    ours, theirs = [], []
    batched, single, other = Clock(), Clock(), Clock()
    for i in range(0, len(texts), chunk):
        part = texts[i:i + chunk]
        found = []
        with batched:
            for j in range(0, len(part), batch):
                found += recognise_many(part[j:j + batch])
        ours += [{(s.start, s.end, s.type) for s in spans if s.type in TYPES} for spans in found]
        with single:
            for text in part:
                recognise(text)
        if ner is not None:
            with other:
                tagged = [ner(t) for t in part]
            theirs += [underthesea_spans(t, tags) for t, tags in zip(part, tagged)]
    return ours, theirs, batched, single, other


# --- aliases ---------------------------------------------------------------------------------

def load_article(shared: Path, doc: str, vietnews: dict) -> Article:
    if doc.startswith("vietnews-val-"):
        row = vietnews[doc]
        return Article(id=doc, title=normalize(row["title"]), lead=normalize(row["lead"]),
                       body=[normalize(x) for x in row["body"].split("\n") if x.strip()])
    base = shared / "data" if doc.startswith("vims-dev/") else shared
    path = base / doc
    if doc.startswith("vims-dev/"):
        path = shared / "data" / "vims-dev" / "data" / doc.split("/", 1)[1]
    lines = [normalize(x).strip() for x in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    lines = [x for x in lines if x]
    return Article(id=doc, title=lines[0], body=lines[1:])


def entity_of(article: Article, text: str) -> str | None:
    for m in article.mentions:
        if m.text == text:
            return m.entity_id
    for e in article.entities:  # found only in the title
        if text in e.aliases:
            return e.id
    return None


def alias_scores(shared: Path, path: Path) -> tuple[dict, list]:
    pairs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    wanted = {p[k] for p in pairs for k in ("a_doc", "b_doc") if p[k].startswith("vietnews-val-")}
    vietnews = {}
    with gzip.open(shared / "data" / "vietnews-val.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in wanted:
                vietnews[row["id"]] = row
    tp = fp = fn = tn = 0
    mistakes = []
    stage = EntityStage()
    for p in pairs:
        docs = list(dict.fromkeys([p["a_doc"], p["b_doc"]]))
        articles = {a.id: a for a in stage.run([load_article(shared, d, vietnews) for d in docs])}
        mapping = resolve_event_entities(articles.values())[1] if len(docs) > 1 else {}
        ids = []
        for doc, text in ((p["a_doc"], p["a"]), (p["b_doc"], p["b"])):
            eid = entity_of(articles[doc], text)
            ids.append(mapping.get(eid, eid) if eid else None)
        same = ids[0] is not None and ids[0] == ids[1]
        if same and p["same"]:
            tp += 1
        elif same:
            fp += 1
            mistakes.append(("false merge", p))
        elif p["same"]:
            fn += 1
            mistakes.append(("missed", p))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"pairs": len(pairs), "positives": tp + fn, "negatives": fp + tn, "precision": precision,
            "recall": recall}, mistakes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="first N dev sentences only")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "entities.md"))
    parser.add_argument("--no-underthesea", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="speed rounds; the median is reported")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("shared data not found (set SUKIEN_SHARED); nothing to measure")
        return 0
    sentences = phoner_sentences(shared / "data" / "phoner" / "dev_syllable.json", args.limit)
    texts, gold = [t for t, _ in sentences], [g for _, g in sentences]
    recognise_many(texts[:32])  # load the model before timing
    ner, why = (None, "skipped") if args.no_underthesea else load_underthesea()
    rounds = [run_both(texts, ner) for _ in range(max(1, args.rounds))]
    ours, theirs = rounds[0][0], rounds[0][1]
    ours_table = score(gold, ours)
    theirs_table = score(gold, theirs) if ner is not None else None

    lines = [f"# Entities benchmark", "",
             f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
             f"- machine: {platform.node()} · {platform.machine()} · {os.cpu_count()} cores · "
             f"Python {platform.python_version()} · load average {os.getloadavg()[0]:.1f} at the end",
             f"- data: PhoNER_COVID19 dev, {len(texts)} sentences, "
             f"{sum(len(g) for g in gold)} gold NAME/LOCATION/ORGANIZATION spans; exact span match",
             "", "## NER (entity-level, exact spans)", "",
             "| type | sukien P | sukien R | sukien F1 | underthesea P | underthesea R | underthesea F1 |",
             "|---|---|---|---|---|---|---|"]
    for t in [*TYPES, "micro"]:
        p, r, f = ours_table[t]
        if theirs_table:
            tp_, tr_, tf_ = theirs_table[t]
            other_cells = f"{tp_:.3f} | {tr_:.3f} | {tf_:.3f}"
        else:
            other_cells = f"{why} | | "
        lines.append(f"| {SHOWN.get(t, 'micro (3 types)')} | {p:.3f} | {r:.3f} | {f:.3f} | {other_cells} |")
    n = len(texts)
    lines += ["", f"## Speed (sentences/s, one process, same sentences, timed in turns; median of "
                  f"{len(rounds)} rounds)", "",
              "| system | wall sentences/s | CPU sentences/s | × underthesea (wall) | × underthesea (CPU), "
              "each round |", "|---|---|---|---|---|"]

    def row(name, pick):
        walls = [n / pick(r).wall for r in rounds]
        cpus = [n / pick(r).cpu for r in rounds]
        if ner is None:
            return f"| {name} | {median(walls):,.0f} | {median(cpus):,.0f} | n/a | n/a |"
        wall_x = [n / pick(r).wall / (n / r[4].wall) for r in rounds]
        cpu_x = [n / pick(r).cpu / (n / r[4].cpu) for r in rounds]
        each = ", ".join(f"{x:.0f}×" for x in cpu_x)
        return f"| {name} | {median(walls):,.0f} | {median(cpus):,.0f} | {median(wall_x):.0f}× | {median(cpu_x):.0f}× ({each}) |"

    lines.append(row("sukien `recognise_many`, batches of 512 sentences", lambda r: r[2]))
    lines.append(row("sukien `recognise`, one call per sentence", lambda r: r[3]))
    if ner is not None:
        lines.append(f"| underthesea `ner` (CRF, offline), one call per sentence | "
                     f"{median(n / r[4].wall for r in rounds):,.1f} | {median(n / r[4].cpu for r in rounds):,.1f} | 1× | 1× |")
    else:
        lines.append(f"| underthesea `ner` | {why} | | | |")
    alias_path = REPO / "bench" / "data" / "entities" / "aliases.jsonl"
    stats, mistakes = alias_scores(shared, alias_path)
    lines += ["", "## Alias merging (hand-checked pairs)", "",
              f"{stats['pairs']} pairs ({stats['positives']} same, {stats['negatives']} different) from "
              f"`bench/data/entities/aliases.jsonl`", "",
              "| precision | recall |", "|---|---|",
              f"| {stats['precision']:.3f} | {stats['recall']:.3f} |", "", "Mistakes:", ""]
    lines += [f"- {kind}: {p['a']!r} / {p['b']!r} ({p['a_doc']}{'' if p['a_doc'] == p['b_doc'] else ' + ' + p['b_doc']}): "
              f"{p['note']}" for kind, p in mistakes] or ["- none"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
