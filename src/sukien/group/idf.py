"""The fixed IDF table: document frequencies of hashed features over a reference corpus.

Why fixed: an IDF fitted on whatever has been ingested so far would weigh the same term
differently in a one-shot run and in an incremental one, so the two could group differently.
A table computed once from a broad news corpus (VietNews validation split, 22,642 articles;
see `idf_card.md`) gives every run the same weights. Buckets seen in fewer than
`MIN_DF` reference articles are not stored and count as unseen: they get the highest IDF,
which is right for rare names and phrases.

Build it with `python -m sukien.group.idf PATH/vietnews-val.jsonl.gz`.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import sys
from pathlib import Path

import numpy as np

from sukien.group.features import N_FEATURES, FeatureConfig, Featurizer
from sukien.model import Article

TABLE_PATH = Path(__file__).with_name("idf_table.npz")
MIN_DF = 2


def idf_from_df(df: np.ndarray, n_docs: int) -> np.ndarray:
    return (np.log((n_docs + 1.0) / (df.astype(np.float64) + 1.0)) + 1.0).astype(np.float32)


@functools.lru_cache(maxsize=1)
def load_idf() -> np.ndarray:
    """Dense IDF over the hashed space (float32); all-unseen weights if the table is missing."""
    try:
        with np.load(TABLE_PATH) as z:
            n_docs = int(z["n_docs"])
            cols = np.cumsum(z["col_deltas"].astype(np.int64))
            counts = z["df"].astype(np.int64)
    except (OSError, KeyError, ValueError):
        return np.ones(N_FEATURES, dtype=np.float32)
    df = np.zeros(N_FEATURES, dtype=np.int64)
    df[cols] = counts
    return idf_from_df(df, n_docs)


def document_frequencies(articles) -> tuple[np.ndarray, int]:
    """Per-bucket document frequencies of a corpus, in batches."""
    featurizer = Featurizer(np.ones(N_FEATURES, dtype=np.float32), FeatureConfig(max_terms=10**9))
    df = np.zeros(N_FEATURES, dtype=np.int64)
    n = 0
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == 2000:
            df += np.bincount(featurizer.transform(batch).indices, minlength=N_FEATURES)
            n += len(batch)
            batch = []
    if batch:
        df += np.bincount(featurizer.transform(batch).indices, minlength=N_FEATURES)
        n += len(batch)
    return df, n


def read_vietnews(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            yield Article(id=d["id"], title=d.get("title", ""), lead=d.get("lead", ""),
                          body=[p for p in d.get("body", "").split("\n") if p.strip()])


def build_table(corpus: Path, out: Path = TABLE_PATH) -> None:
    df, n = document_frequencies(read_vietnews(corpus))
    cols = np.flatnonzero(df >= MIN_DF)
    deltas = np.diff(cols, prepend=0).astype(np.uint32)
    counts = np.minimum(df[cols], np.iinfo(np.uint16).max).astype(np.uint16)
    buf = io.BytesIO()
    np.savez_compressed(buf, n_docs=np.int64(n), col_deltas=deltas, df=counts)
    out.write_bytes(buf.getvalue())
    print(f"{n} documents, {len(cols)} buckets with df >= {MIN_DF}, {out.stat().st_size / 1e6:.2f} MB -> {out}")


if __name__ == "__main__":
    build_table(Path(sys.argv[1]))
