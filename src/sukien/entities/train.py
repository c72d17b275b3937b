"""Train the entity tagger: `python -m sukien.entities.train [--shared DIR] [--epochs N]`.

Data: PhoNER_COVID19 syllable-level train split (NAME -> PER, LOCATION -> LOC,
ORGANIZATION -> ORG, other types -> O), plus silver sentences mined from the VietNews corpus
(see `silver.py`). Writes `model.npz` beside this file. Never run at import or at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections import Counter
from pathlib import Path

import numpy as np

from sukien.entities.tagger import ALLOWED, LABELS, MODEL_PATH, START_ALLOWED, Lexicon, featurize
from sukien.text import match_key

PHONER_TYPES = {"NAME": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


def shared_dir(cli_value: str | None = None) -> Path:
    if cli_value:
        return Path(cli_value)
    if os.environ.get("SUKIEN_SHARED"):
        return Path(os.environ["SUKIEN_SHARED"])
    repo = Path(__file__).resolve().parents[3]
    for candidate in (repo / ".." / "shared", Path("/work/shared")):
        if candidate.exists():
            return candidate
    return repo / ".." / "shared"


def read_phoner(path: Path) -> list[tuple[list[str], list[str]]]:
    """(syllables, BIO labels over PER/LOC/ORG) per sentence."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        labels = []
        for tag in row["tags"]:
            kind = PHONER_TYPES.get(tag[2:]) if tag != "O" else None
            labels.append(f"{tag[:2]}{kind}" if kind else "O")
        out.append((row["words"], labels))
    return out


def relabel_people(sentences):
    """PhoNER tags only patients as NAME; tag officials and doctors after a title as PER too.

    "Ông Nguyễn Tăng Bính", "Bộ trưởng Nguyễn Chí Dũng" are O in PhoNER but persons for
    sukien's users; without this the tagger would learn that a title hides the name after it.
    """
    from sukien.entities.silver import TITLES
    from sukien.entities.tokens import shape

    changed = 0
    for words, labels in sentences:
        keys = [match_key(w) for w in words]
        for i in range(len(words) - 1):
            if not (keys[i] in TITLES or " ".join(keys[max(0, i - 1):i + 1]) in TITLES):
                continue
            j = i + 1
            while j < len(words) and shape(words[j]) == "C" and labels[j] == "O" and j - i <= 4:
                j += 1
            if j > i + 1 and (j == len(words) or shape(words[j]) != "C"):
                labels[i + 1] = "B-PER"
                for k in range(i + 2, j):
                    labels[k] = "I-PER"
                changed += 1
    return changed


def load_silver(shared: Path, limit: int, cache: str | None):
    """Silver sentences, mined once and kept in `cache` (JSONL) when a path is given."""
    from sukien.entities.silver import silver_sentences

    if cache and Path(cache).exists():
        rows = [json.loads(line) for line in Path(cache).read_text(encoding="utf-8").splitlines()]
        silver = [(r["words"], r["labels"]) for r in rows][:limit]
    else:
        silver = silver_sentences(shared / "data" / "vietnews-val.jsonl.gz", limit)
        if cache:
            Path(cache).write_text("".join(json.dumps({"words": w, "labels": l}, ensure_ascii=False) + "\n"
                                           for w, l in silver), encoding="utf-8")
    print(f"{len(silver)} silver sentences")
    return silver


def build_lexicon(sentences, min_count: int) -> tuple[list[str], list[str]]:
    """Words (match keys) and 3-letter suffixes seen at least `min_count` times."""
    words = Counter(match_key(w) for texts, _ in sentences for w in texts)
    suffixes = Counter()
    for w, c in words.items():
        suffixes[w[-3:]] += c
    vocab = ["<unk>", "<pad>"] + sorted(w for w, c in words.items() if c >= min_count)
    return vocab, ["<unk>"] + sorted(x for x, c in suffixes.items() if c >= min_count)


def segment_examples(sentences, lexicon: Lexicon):
    """Feature keys and gold label ids of each active segment."""
    index = {label: i for i, label in enumerate(LABELS)}
    keys, pieces = featurize([words for words, _ in sentences], lexicon)
    examples = []
    for k, start, end, row in pieces:
        gold = sentences[k][1][start:end]
        if gold[0].startswith("I-"):
            gold = ["B-" + gold[0][2:]] + gold[1:]
        examples.append((keys[row: row + end - start], [index[g] for g in gold]))
    return examples


class Perceptron:
    """Averaged structured perceptron over feature ids (lazy averaging)."""

    def __init__(self, n_features: int):
        L = len(LABELS)
        self.W = np.zeros((n_features, L))
        self.U = np.zeros((n_features, L))
        self.T = np.zeros((L, L))
        self.TU = np.zeros((L, L))
        self.c = 1
        self.mask = np.where(ALLOWED, 0.0, -1e9)
        self.start = np.where(START_ALLOWED, 0.0, -1e9)

    def decode(self, ids: np.ndarray) -> list[int]:
        scores = self.W[ids].sum(1)
        trans = self.T + self.mask
        n = len(scores)
        back = np.zeros((n, scores.shape[1]), dtype=np.int64)
        best = self.start + scores[0]
        for t in range(1, n):
            cand = best[:, None] + trans
            back[t] = cand.argmax(0)
            best = cand.max(0) + scores[t]
        path = [int(best.argmax())]
        for t in range(n - 1, 0, -1):
            path.append(int(back[t][path[-1]]))
        return path[::-1]

    def update(self, ids, gold, pred):
        for t, (g, p) in enumerate(zip(gold, pred)):
            if g != p:
                np.add.at(self.W, (ids[t], g), 1)
                np.add.at(self.W, (ids[t], p), -1)
                np.add.at(self.U, (ids[t], g), self.c)
                np.add.at(self.U, (ids[t], p), -self.c)
        prev_g, prev_p = None, None
        for g, p in zip(gold, pred):
            if prev_g is not None and (prev_g, g) != (prev_p, p):
                self.T[prev_g, g] += 1
                self.T[prev_p, p] -= 1
                self.TU[prev_g, g] += self.c
                self.TU[prev_p, p] -= self.c
            prev_g, prev_p = g, p
        self.c += 1

    def averaged(self):
        return self.W - self.U / self.c, self.T - self.TU / self.c


def train(examples, epochs: int, min_count: int, seed: int = 13):
    all_keys = np.concatenate([keys.ravel() for keys, _ in examples])
    unique, counts = np.unique(all_keys, return_counts=True)
    features = unique[counts >= min_count]
    n = len(features)

    def rows(keys):
        pos = np.minimum(np.searchsorted(features, keys), n - 1)
        return np.where(features[pos] == keys, pos, n)  # row n: unknown, never updated usefully

    data = [(rows(keys), gold) for keys, gold in examples]
    model = Perceptron(n + 1)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(data)
        errors = 0
        for ids, gold in data:
            pred = model.decode(ids)
            if pred != gold:
                errors += 1
                model.update(ids, gold, pred)
        print(f"epoch {epoch + 1}: {errors} segments wrong of {len(data)}")
    W, T = model.averaged()
    W = W[:n]
    keep = np.abs(W).max(1) >= 1e-3
    return features[keep], W[keep], T


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--silver", type=int, default=3000, help="silver sentences from VietNews (0: none)")
    parser.add_argument("--silver-cache", help="JSONL file to keep mined silver sentences in")
    parser.add_argument("--relabel", action="store_true", help="tag titled names in PhoNER as PER too")
    parser.add_argument("--out", default=str(MODEL_PATH))
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    sentences = read_phoner(shared / "data" / "phoner" / "train_syllable.json")
    if args.relabel:
        print(f"{relabel_people(sentences)} PhoNER names after titles relabelled PER")
    if args.silver:
        sentences += load_silver(shared, args.silver, args.silver_cache)
    words, suffixes = build_lexicon(sentences, args.min_count)
    examples = segment_examples(sentences, Lexicon(words, suffixes))
    features, W, T = train(examples, args.epochs, args.min_count)
    np.savez_compressed(args.out, words=np.array(words), suffixes=np.array(suffixes), keys=features,
                        weights=W.astype(np.float16), transitions=T.astype(np.float32))
    print(f"{len(features)} features -> {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
