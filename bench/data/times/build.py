"""Build dev.jsonl and heldout.jsonl from the hand-written item lists beside this script.

Run: python bench/data/times/build.py. Offsets are found by searching each mention text left to
right in the NFC sentence, so the lists stay readable.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ITEMS


def build(name: str, prefix: str) -> int:
    rows = []
    for i, (ref, text, mentions) in enumerate(load(name)):
        text = unicodedata.normalize("NFC", text)
        pos = 0
        gold = []
        for mtext, mtype, value in mentions:
            mtext = unicodedata.normalize("NFC", mtext)
            start = text.find(mtext, pos)
            if start < 0:
                sys.exit(f"{name} item {i}: {mtext!r} not found in {text!r}")
            gold.append({"text": mtext, "start": start, "end": start + len(mtext), "type": mtype, "value": value})
            pos = start + len(mtext)
        rows.append({"id": f"{prefix}-{i:03d}", "text": text, "ref": ref, "mentions": gold})
    out = HERE / f"{prefix}.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return sum(len(r["mentions"]) for r in rows)


if __name__ == "__main__":
    for name, prefix in (("dev_src", "dev"), ("dev2_src", "dev2"), ("dev3_src", "dev3"), ("heldout_src", "heldout"), ("heldout2_src", "heldout2"), ("real_src", "real"), ("realheld_src", "real-heldout"), ("realheld2_src", "real-heldout2"), ("heldout3_src", "heldout3"), ("heldout4_src", "heldout4")):
        print(prefix, build(name, prefix), "mentions")
