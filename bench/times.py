"""Benchmark of sukien.times against dateparser's search_dates, in the same run.

Sets: bench/data/times/dev.jsonl (tuned on) and heldout.jsonl (written first, never tuned on):
hand-labelled Vietnamese news sentences with a reference time and gold mentions following
specs/times.md. Scores: recognition P/R/F1 with one-to-one matching (overlap: spans share a
character; exact: same offsets), normalisation accuracy (value string-equal, over matched
pairs) and strict P/R/F1 (overlap and equal value); false alarms on distractor sentences (no
gold mention); speed in sentences per CPU second (best of 3; the machine is shared), on each set
and on 5,000 VietNews body sentences. Also DATE-span recognition on PhoNER_COVID19 dev (real
text): overlap P/R/F1 of DATE/TIME mentions against the gold DATE spans.

Run: PYTHONPATH=src python bench/times.py [--write]  (--write saves bench/results/times.md)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import unicodedata
import warnings
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "times"
sys.path.insert(0, str(ROOT / "src"))

from sukien.times import find  # noqa: E402
from _data import shared_dir  # noqa: E402  (bench/ is on sys.path when run as a script)




SETS = ["dev", "dev2", "dev3", "heldout", "heldout2", "real", "real-heldout", "real-heldout2", "heldout3", "heldout4"]


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------- systems


def sukien_system(text: str, ref: datetime | None) -> list[dict]:
    return [{"start": m.start, "end": m.end, "type": m.type, "value": m.value} for m in find(text, ref)]


def dateparser_system():
    from dateparser.search import search_dates

    def run(text: str, ref: datetime | None) -> list[dict]:
        settings = {"RELATIVE_BASE": ref.replace(tzinfo=None)} if ref else {}
        try:
            found = search_dates(text, languages=["vi"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; count it as finding nothing
            found = []
        out, pos = [], 0
        for substring, value in found:
            start = text.find(substring, pos)
            if start < 0:
                start = text.find(substring)
            if start < 0:
                continue
            pos = start + len(substring)
            has_time = value.hour or value.minute
            out.append({"start": start, "end": start + len(substring), "type": "TIME" if has_time else "DATE",
                        "value": value.strftime("%Y-%m-%dT%H:%M") if has_time else value.strftime("%Y-%m-%d")})
        return out

    return run


# ---------------------------------------------------------------- scoring


def match(gold: list[dict], pred: list[dict], exact: bool) -> list[tuple[dict, dict]]:
    """One-to-one greedy matching: by exact span, or by overlap (largest overlap first)."""
    pairs = []
    for g in gold:
        for p in pred:
            if exact:
                if g["start"] == p["start"] and g["end"] == p["end"]:
                    pairs.append((0, g, p))
            else:
                overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if overlap > 0:
                    pairs.append((-overlap, g, p))
    pairs.sort(key=lambda t: t[0])
    used_g, used_p, out = set(), set(), []
    for _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def throughput(system, inputs: list[tuple[str, datetime | None]], rounds: int = 3, min_seconds: float = 0.5) -> float:
    """Sentences per CPU second, best of `rounds` (CPU time: the benchmark machine is shared)."""
    best = 0.0
    for _ in range(rounds):
        start, done = time.process_time(), 0
        while True:
            for text, ref in inputs:
                system(text, ref)
            done += len(inputs)
            elapsed = time.process_time() - start
            if elapsed >= min_seconds:
                break
        best = max(best, done / elapsed)
    return best


def vietnews_sentences(limit: int = 5000) -> list[str]:
    shared = shared_dir()
    path = shared / "data" / "vietnews-val.jsonl.gz" if shared else None
    if not path or not path.exists():
        return []
    import gzip

    out: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            out += [s for s in json.loads(line)["body"].split("\n") if s.strip()]
            if len(out) >= limit:
                break
    return out[:limit]


def evaluate(items: list[dict], system, show_errors: bool = False) -> dict:
    n_gold = n_pred = tp_overlap = tp_exact = tp_strict = 0
    false_alarms = distractors = 0
    errors = []
    for item in items:
        ref = datetime.fromisoformat(item["ref"]) if item.get("ref") else None
        pred = system(item["text"], ref)
        gold = item["mentions"]
        n_gold += len(gold)
        n_pred += len(pred)
        overlap = match(gold, pred, exact=False)
        tp_overlap += len(overlap)
        tp_exact += len(match(gold, pred, exact=True))
        strict = [(g, p) for g, p in overlap if g["value"] == p["value"]]
        tp_strict += len(strict)
        if not gold:
            distractors += 1
            false_alarms += bool(pred)
        if show_errors and (len(strict) != len(gold) or len(pred) != len(gold)):
            errors.append((item["id"], item["text"], [(g["text"], g["value"]) for g in gold],
                           [(item["text"][p["start"]:p["end"]], p["value"]) for p in pred]))
    speed = throughput(system, [(item["text"], datetime.fromisoformat(item["ref"]) if item.get("ref") else None)
                                for item in items])
    return {
        "overlap": prf(tp_overlap, n_pred, n_gold), "exact": prf(tp_exact, n_pred, n_gold),
        "strict": prf(tp_strict, n_pred, n_gold), "norm_acc": tp_strict / tp_overlap if tp_overlap else 0.0,
        "false_alarms": false_alarms, "distractors": distractors, "gold": n_gold, "sentences": len(items),
        "speed": speed, "errors": errors,
    }


# ---------------------------------------------------------------- PhoNER


def phoner_items(path: Path, limit: int | None = None) -> list[dict]:
    items = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit and i >= limit:
                break
            row = json.loads(line)
            words, tags = row["words"], row["tags"]
            text, offsets = "", []
            for w in words:
                if text:
                    text += " "
                w = unicodedata.normalize("NFC", w)
                offsets.append((len(text), len(text) + len(w)))
                text += w
            spans, current = [], None
            for (s, e), tag in zip(offsets, tags):
                if tag == "B-DATE" or (tag == "I-DATE" and current is None):
                    if current:
                        spans.append(current)
                    current = [s, e]
                elif tag == "I-DATE":
                    current[1] = e
                else:
                    if current:
                        spans.append(current)
                    current = None
            if current:
                spans.append(current)
            items.append({"text": text, "spans": [{"start": s, "end": e} for s, e in spans]})
    return items


def evaluate_phoner(items: list[dict], system, ref: datetime) -> tuple[float, float, float]:
    n_gold = n_pred = tp = 0
    for item in items:
        pred = [p for p in system(item["text"], ref) if p["type"] in ("DATE", "TIME")]
        n_gold += len(item["spans"])
        n_pred += len(pred)
        tp += len(match(item["spans"], pred, exact=False))
    return prf(tp, n_pred, n_gold)


# ---------------------------------------------------------------- report


def fmt(x: float) -> str:
    return f"{x:.3f}"


def table(results: dict) -> str:
    lines = ["| set | system | sentences | gold | rec P/R/F1 (overlap) | rec F1 (exact) | norm acc | strict P/R/F1 "
             "| false alarms | sentences/s |", "|---|---|---|---|---|---|---|---|---|---|"]
    for (set_name, system), r in results.items():
        o, e, s = r["overlap"], r["exact"], r["strict"]
        lines.append(f"| {set_name} | {system} | {r['sentences']} | {r['gold']} | {fmt(o[0])}/{fmt(o[1])}/{fmt(o[2])} "
                     f"| {fmt(e[2])} | {fmt(r['norm_acc'])} | {fmt(s[0])}/{fmt(s[1])}/{fmt(s[2])} "
                     f"| {r['false_alarms']}/{r['distractors']} | {r['speed']:,.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="write bench/results/times.md")
    parser.add_argument("--errors", choices=SETS, help="print the items sukien gets wrong")
    parser.add_argument("--no-peer", action="store_true", help="skip dateparser")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    systems = {"sukien": sukien_system}
    if not args.no_peer:
        try:
            systems["dateparser 1.5.0"] = dateparser_system()
        except ImportError:
            print("dateparser not installed: peer skipped")
    results = {}
    for set_name in SETS:
        items = load(f"{set_name}.jsonl")
        for name, system in systems.items():
            results[(set_name, name)] = evaluate(items, system, show_errors=(args.errors == set_name and name == "sukien"))
    if args.errors:
        for err in results[(args.errors, "sukien")]["errors"]:
            print(err[0], err[1], "\n   gold:", err[2], "\n   pred:", err[3])
    out = [table(results)]
    shared = shared_dir()
    phoner_path = shared / "data" / "phoner" / "dev_syllable.json" if shared else None
    if phoner_path and phoner_path.exists():
        items = phoner_items(phoner_path)
        ref = datetime(2020, 6, 1, 9, tzinfo=timezone.utc)
        lines = ["", f"PhoNER_COVID19 dev ({len(items)} sentences, {sum(len(i['spans']) for i in items)} gold DATE spans), "
                 "DATE/TIME mentions vs gold DATE spans, overlap:", "",
                 "| system | P | R | F1 | sentences/s |", "|---|---|---|---|---|"]
        for name, system in systems.items():
            t0 = time.process_time()
            p, r, f = evaluate_phoner(items, system, ref)
            speed = len(items) / (time.process_time() - t0)
            lines.append(f"| {name} | {fmt(p)} | {fmt(r)} | {fmt(f)} | {speed:,.0f} |")
        out.append("\n".join(lines))
    else:
        out.append("\nPhoNER dev not found (set SUKIEN_SHARED): skipped")
    sentences = vietnews_sentences()
    if sentences:
        ref = datetime(2017, 6, 15, 9, tzinfo=timezone.utc)
        lines = ["", f"Throughput on {len(sentences):,} VietNews body sentences (mean {sum(map(len, sentences)) / len(sentences):.0f} "
                 "characters), sentences per CPU second, best of 3:", "", "| system | sentences/s |", "|---|---|"]
        for name, system in systems.items():
            sample = sentences if name == "sukien" else sentences[:300]
            lines.append(f"| {name} | {throughput(system, [(s, ref) for s in sample], rounds=3 if name == 'sukien' else 1):,.0f} |")
        out.append("\n".join(lines))
    report = "\n".join(out)
    print(report)
    if args.write:
        header = (f"# sukien.times benchmark\n\nRun {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on "
                  f"{platform.node() or 'unknown'} ({platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                  f"Python {platform.python_version()}). Command: `PYTHONPATH=src python bench/times.py --write`.\n\n"
                  "Recognition uses one-to-one matching; strict = overlap and the same value; "
                  "false alarms = distractor sentences (no gold mention) where anything was tagged.\n\n"
                  "Sets (bench/data/times/, built by build.py from the *_src.py lists):\n"
                  "- dev: written sentences covering every convention of specs/times.md; tuned on.\n"
                  "- dev2: a second batch of written sentences with varied phrasing (first run: overlap F1 0.964, "
                  "strict F1 0.911); tuned on since.\n"
                  "- dev3: distractors and tense/anaphora traps (first run: overlap F1 0.980, strict F1 0.857, "
                  "one false alarm); tuned on since.\n"
                  "- heldout: written sentences, labelled before the tagger ran on them and not tuned on (its "
                  "error list was seen once, early: three errors from bugs that dev also showed).\n"
                  "- heldout2: written after all tuning, never tuned on: the best estimate for new written text.\n"
                  "- real: VietNews sentences labelled by hand before the tagger ran (first run: overlap F1 0.984, "
                  "strict F1 0.889); tuned on since.\n"
                  "- real-heldout: a second VietNews sample labelled before the tagger ran (first run: overlap F1 "
                  "0.943, strict F1 0.897; 2 false alarms out of 20 distractors). Its errors were looked at and fixed "
                  "on 2026-11-22 (vague counts before 'năm rồi', a newspaper named 'Cuối tuần'): tuned on since.\n"
                  "- real-heldout2: 95 VietNews sentences chosen as hard distractors and near-misses (scores, decree "
                  "and law numbers, fractions, ratios, pages, phones, prices, percentages, votes, ages, addresses, "
                  "'thứ' as an ordinal, 'năm' as five, 'tháng lương'), 54 of them distractors, labelled before the "
                  "tagger ran (first run: overlap P/R/F1 0.918/0.982/0.949, exact F1 0.949, norm acc 0.982, strict "
                  "P/R/F1 0.902/0.965/0.932, 3 false alarms out of 54). Its errors were then fixed with general rules: "
                  "tuned on since.\n"
                  "- heldout3: 66 sentences (51 VietNews, mostly distractors, and 15 written) labelled after all the "
                  "fixes and before the tagger ran, never tuned on: the honest estimate for unseen text. First run "
                  "(2026-11-22): overlap P/R/F1 0.979/0.885/0.929, exact F1 0.929, norm acc 0.957, strict P/R/F1 "
                  "0.936/0.846/0.889, 0 false alarms out of 29 distractors. Its misses were left as they are: "
                  "'năm ngày trước' (five days ago), 'Hè này', 'sang năm', the holidays '30-4 và 1-5' after "
                  "'ngày nghỉ lễ', a law-name rule that swallowed 'chương trình năm 2019', 'cùng kỳ thi' (an exam, "
                  "tagged as 'same period'), a lunar 'tháng Chạp năm nay' before Tết resolved to the next lunar "
                  "year, and a weekly 'chiều thứ sáu ... hàng tuần' read as one date. These misses were then looked at "
                  "and fixed with general rules found by probing every productive pattern (2026-11-22): "
                  "heldout3 is LOOKED AT and tuned on since.\n"
                  "- heldout4: 104 sentences (79 VietNews from articles 18000 onwards, 25 written; 24 distractors, "
                  "90 mentions) labelled by hand after those fixes, committed before the tagger ran: the honest "
                  "estimate for unseen text. First run (2026-11-22): overlap P/R/F1 0.978/0.978/0.978, exact F1 "
                  "0.944, norm acc 0.977, strict P/R/F1 0.956/0.956/0.956, 1 false alarm out of 24 distractors "
                  "('3/4 cử tri'). Its errors were then fixed with general rules (fractions of counted things, "
                  "'từ N năm trước' before a noun, 'đêm 25 đến rạng sáng 26/5', a weekday with its date in brackets): "
                  "tuned on since. Left: a purpose clause ('vừa đồng ý chi ... để sửa đập trong tháng 12') read as "
                  "past.\n"
                  "- Conventions the spec does not state, chosen here: 'N ngày/tuần/tháng/năm nữa' is a DATE that "
                  "many units after ref (the mirror of 'N ... trước'), but an amount after 'thêm'/'thiếu'/'mất'; "
                  "'N ngày sau' + a noun ('sau vụ tai nạn') is a DURATION, like 'N ngày trước chuyến thăm' is not "
                  "'ago'; vague counts ('mấy ngày nay', 'dăm năm trước', 'nhiều năm qua') are not tagged, only "
                  "'vài' + unit is a duration with X; 'hè/xuân/thu/đông' without 'mùa' are seasons when a year word "
                  "or tới/qua follows and the word opens a clause or follows a preposition or đầu/giữa/cuối; "
                  "'mùa hè tới' is the next summer after ref, 'hè vừa qua' the last one ended (SU = May-Aug); "
                  "'sang năm' is next year; a lunar date with 'năm nay' is the occurrence nearest to ref; weekdays "
                  "listed before one 'hàng tuần' are each a SET.\n"
                  "- PhoNER dev: real COVID-19 news. Its gold splits ranges into two DATE spans where the spec "
                  "makes one mention, and leaves out relative words (sáng nay, cùng ngày) that the spec tags, so "
                  "its P/R measure agreement with a different convention.\n\n")
        (ROOT / "bench" / "results").mkdir(exist_ok=True)
        path = ROOT / "bench" / "results" / "times.md"
        kept = _kept_sections(path.read_text(encoding="utf-8")) if path.exists() else ""
        path.write_text(header + report + "\n" + kept, encoding="utf-8")


KEPT_SECTION = "\n## Pipeline speed"  # written by hand from bench/times_speed.py; --write keeps it


def _kept_sections(text: str) -> str:
    at = text.find(KEPT_SECTION)
    return text[at:] if at >= 0 else ""


if __name__ == "__main__":
    main()
