"""Rebuild examples/: the two seed pages and a handful of ViMs dev clusters as JSONL.

ViMs (Tran et al. 2020, github.com/CLC-HCMUS/ViMs-Dataset) is for research use; cite the paper.
"""

from __future__ import annotations

import json
import shutil

from _data import REPO, load_vims, require_shared

CLUSTERS = ["Cluster_001", "Cluster_002", "Cluster_003", "Cluster_036", "Cluster_076"]


def main() -> None:
    shared = require_shared()
    seeds = REPO / "examples" / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for page in sorted((shared / "seeds").glob("*.txt")):
        shutil.copy(page, seeds / page.name)
    clusters = [c for c in load_vims(shared) if c["cluster"] in CLUSTERS]
    with open(REPO / "examples" / "vims-sample.jsonl", "w", encoding="utf-8") as out:
        for cluster in clusters:
            for article in cluster["articles"]:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"wrote {sum(len(c['articles']) for c in clusters)} articles of {len(clusters)} clusters")


if __name__ == "__main__":
    main()
