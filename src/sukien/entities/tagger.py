"""A syllable BIO tagger for PER, LOC and ORG: averaged structured perceptron, Viterbi decoding.

Speed comes from two things. Capitalisation: a token is only decoded when it is capitalised, a
number, or near a capitalised token ("tỉnh Ninh Bình", "Viện Vệ sinh dịch tễ trung ương"); every
other token is O without a look. And arrays: every feature is an integer key (template id and
word/shape/gazetteer ids); the rows of all keys of a batch of sentences come from array
indexing (one `searchsorted` for the word-pair templates), their scores from one sparse matrix
product, and all active segments of the batch are decoded together by one Viterbi pass under
BIO constraints. Per token, Python does one memoised lexicon lookup.

The model (`model.npz`, trained by `train.py`) holds the word lexicon, the sorted feature keys,
their weights and the label transitions; no pickles.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, count
from operator import itemgetter, not_
from pathlib import Path

import numpy as np
from scipy import sparse

from sukien.entities.gazetteer import Known, match_spans
from sukien.entities.gazetteer import load as load_gazetteer
from sukien.entities.tokens import shape
from sukien.text import match_key

MODEL_PATH = Path(__file__).resolve().parent / "model.npz"
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
N_LABELS = len(LABELS)
SHAPES = ["<pad>", "C", "U", "I", "m", "l", "d", "p"]
SHAPE_ID = {s: i for i, s in enumerate(SHAPES)}
CAPITALISED_IDS = [SHAPE_ID[s] for s in ("C", "U", "I", "m")]
SENTENCE_OPENERS = {".", "!", "?", ":", ";", '"', "“", "”", "(", "-", "–", "…", "'", "‘", "*", "•", "["}
LOOK_AHEAD = 2  # lower-case tokens this close before a capitalised one may open a name ("thành phố X")
LOOK_BEHIND = 6  # ... and this close after one may continue it ("Viện Vệ sinh dịch tễ trung ương")
GAP = 2  # padding tokens between the sentences of a batch: the widest feature window

GAZ_LABELS = ["", "<pad>"] + [f"{bi}-{name}" for name in (
    "LOC-country", "LOC-place", "ORG-org", "T-person", "T-admin", "T-org") for bi in "BI"]
GAZ_ID = {g: i for i, g in enumerate(GAZ_LABELS)}
N_GAZ = len(GAZ_LABELS)
# for each gazetteer label, the ids of a run "B-x I-x I-x ..." long enough for any phrase
_GAZ_RUNS = {name: np.array([GAZ_ID["B-" + name]] + [GAZ_ID["I-" + name]] * 15) for name in (
    "LOC-country", "LOC-place", "ORG-org", "T-person", "T-admin", "T-org")}

TEMPLATES = ["bias", "w", "p1", "n1", "p2", "n2", "p1w", "wn1", "p2p1", "n1n2", "sss", "ssp", "ssn",
             "open_s", "open_w", "p1_s", "s_n1", "g", "pg", "ng", "ggg", "g_s", "suffix"]
TEMPLATE_SHIFT = 44  # key = template index << 44 | value


def _allowed_transitions() -> np.ndarray:
    """allowed[prev, cur]: I-X only after B-X or I-X."""
    allowed = np.ones((N_LABELS, N_LABELS), dtype=bool)
    for c, cur in enumerate(LABELS):
        if cur.startswith("I-"):
            for p, prev in enumerate(LABELS):
                allowed[p, c] = prev[2:] == cur[2:] and prev != "O"
    return allowed


ALLOWED = _allowed_transitions()
START_ALLOWED = np.array([not label.startswith("I-") for label in LABELS])


class Lexicon:
    """Token text -> (word id, shape id, suffix id), memoised: the vocabulary is Zipfian."""

    def __init__(self, words: list[str], suffixes: list[str]):
        self.words = {w: i for i, w in enumerate(words)}  # 0 = unknown, 1 = padding
        self.suffixes = {s: i for i, s in enumerate(suffixes)}
        self.size = max(len(words), 2)
        self.memo: dict[str, tuple] = {}

    def lookup(self, token: str) -> tuple:
        """(word id, shape id, suffix id, match key, capitalised, numbering word, sentence opener,
        the ids and flags packed in one integer for `featurize` (with "starts a gazetteer
        phrase"), shape letter)."""
        hit = self.memo.get(token)
        if hit is None:
            key = match_key(token)
            sid = SHAPE_ID[shape(token)]
            wid, suffix = self.words.get(key, 0), self.suffixes.get(key[-3:], 0)
            numbered, opener = key in NUMBERED, token in SENTENCE_OPENERS
            starts_phrase = key in load_gazetteer().first_tokens
            packed = wid | sid << 20 | suffix << 24 | numbered << 44 | opener << 45 | starts_phrase << 46
            hit = (wid, sid, suffix, key, sid in CAPITALISED_IDS, numbered, opener, packed, SHAPES[sid])
            if len(self.memo) < 200_000:
                self.memo[token] = hit
        return hit

    def lookup_all(self, tokens: list[str]) -> list[tuple]:
        """`lookup` of every token: one pass over the memo, the misses looked up one by one."""
        found = list(map(self.memo.get, tokens))
        if None in found:
            for i in compress(count(), map(not_, found)):  # the misses (a hit is a non-empty tuple)
                found[i] = self.lookup(tokens[i])
        return found


_RUNS_BY_LABEL: dict = {}


def _runs(label) -> np.ndarray:
    """Gazetteer ids "B-x I-x I-x ..." for a match label (a Known or a trigger kind)."""
    run = _RUNS_BY_LABEL.get(label)
    if run is None:
        name = f"{label.type}-{label.kind}" if isinstance(label, Known) else f"T-{label}"
        run = _RUNS_BY_LABEL[label] = _GAZ_RUNS[name]
    return run


# Administrative words that take a number as their name ("quận 12", "khu phố 1", "tổ 4").
NUMBERED = {"quận", "phường", "tổ", "ấp", "khu", "phố", "số", "đường", "thôn", "xóm", "bản", "ngõ", "hẻm",
            "kiệt", "ngách", "lô", "tầng", "q.", "p.", "khoa", "phòng", "đoàn", "đội", "khối", "xã", "hẻm"}


def active_mask(shape_ids: np.ndarray, numbered: np.ndarray | None = None) -> np.ndarray:
    """Tokens worth decoding: capitalised, or a number or word close to a capitalised token.

    A number right after an administrative word counts as capitalised: "quận 12".
    """
    caps = np.isin(shape_ids, CAPITALISED_IDS)
    if numbered is not None:
        digit = shape_ids == SHAPE_ID["d"]
        caps[1:] |= digit[1:] & numbered[:-1]
    inside = shape_ids != 0  # padding stops the reach, so it never crosses into another sentence
    active = caps.copy()
    reach = caps.copy()
    for _ in range(LOOK_AHEAD):
        reach[:-1] = reach[1:] & inside[:-1]
        reach[-1] = False
        active |= reach
    reach = caps.copy()
    for _ in range(LOOK_BEHIND):
        reach[1:] = reach[:-1] & inside[1:]
        reach[0] = False
        active |= reach
    return active & inside


_PAD_TOKEN = (1, 0, 0, "", False, False, False, 1, "<pad>")


def featurize(sentences: list[list[str]], lexicon: Lexicon, looked: list[list[tuple]] | None = None):
    """Feature keys of the active tokens of all sentences, and their segments.

    Returns (keys, pieces) where keys has one row per active token (segments in order), one
    column per template (`TEMPLATE_SHIFT`), and pieces lists (sentence, start, end, row offset).
    """
    columns, pieces = feature_columns(sentences, lexicon, looked)
    if not pieces:
        return np.zeros((0, len(TEMPLATES)), dtype=np.int64), []
    keys = np.stack(columns, axis=1)
    keys += (np.arange(len(TEMPLATES), dtype=np.int64) << TEMPLATE_SHIFT)[None, :]
    return keys, pieces


def feature_columns(sentences: list[list[str]], lexicon: Lexicon, looked: list[list[tuple]] | None = None,
                    keys: list[list[str]] | None = None, capitalised: list[list[bool]] | None = None):
    """`featurize` without the template in the keys: one array of feature values per template.

    The sentences are laid end to end with GAP padding tokens between them, so one set of
    array operations serves the whole batch. Returns (columns, pieces); no pieces, no columns.
    `keys` and `capitalised`, with `looked`: its match keys and flags per sentence, when the
    caller has them as lists already.
    """
    flat = [_PAD_TOKEN] * GAP
    texts_flat = [""] * GAP
    origin = []
    lookup = lexicon.lookup
    pad, pad_texts = [_PAD_TOKEN] * GAP, [""] * GAP
    for k, texts in enumerate(sentences):
        origin.append(len(flat))
        flat += looked[k] if looked is not None else [lookup(t) for t in texts]
        texts_flat += texts
        flat += pad
        texts_flat += pad_texts
    if looked is not None and keys is not None and capitalised is not None:
        keys_flat, capitalised_flat = _laid_end_to_end(keys, ""), _laid_end_to_end(capitalised, False)
    else:
        keys_flat, capitalised_flat = list(map(itemgetter(3), flat)), list(map(itemgetter(4), flat))
    packed = np.fromiter(map(itemgetter(7), flat), dtype=np.int64, count=len(flat))  # see Lexicon.lookup
    wid, sid, suf = packed & 0xFFFFF, (packed >> 20) & 0xF, (packed >> 24) & 0xFFFFF
    numbered = ((packed >> 44) & 1).astype(bool)
    opener = np.zeros(len(flat), dtype=np.int64)
    opener[1:] = (packed[:-1] >> 45) & 1
    opener[np.array(origin, dtype=np.int64)] = 1
    active = active_mask(sid, numbered)
    # gazetteer labels in one pass over the batch (padding never matches, so names stay in
    # their sentence), then kept on active tokens only, as if each segment were matched alone
    gid = np.zeros(len(flat), dtype=np.int64)
    candidates = np.flatnonzero(((packed >> 46) & 1).astype(bool) & active).tolist()
    for a, b, label in match_spans(keys_flat, texts_flat, capitalised_flat, candidates=candidates):
        gid[a:b] = _runs(label)[: b - a]
    gid[~active] = 0
    gid[sid == 0] = 1
    padded = np.concatenate([[False], active, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    starts, ends = edges[::2], edges[1::2]
    if not len(starts):
        return [], []
    lengths = ends - starts
    rows = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    origin_array = np.array(origin, dtype=np.int64)
    sentence = np.searchsorted(origin_array, starts, side="right") - 1
    first = origin_array[sentence]
    pieces = list(zip(sentence.tolist(), (starts - first).tolist(), (ends - first).tolist(), rows.tolist()))
    i = np.repeat(starts - rows, lengths) + np.arange(int(lengths.sum()))  # flat position of every row
    V, S, G = lexicon.size, len(SHAPES), N_GAZ
    w, s, g = wid[i], sid[i], gid[i]
    columns = [
        np.zeros(len(i), dtype=np.int64), w, wid[i - 1], wid[i + 1], wid[i - 2], wid[i + 2],
        wid[i - 1] * V + w, w * V + wid[i + 1], wid[i - 2] * V + wid[i - 1], wid[i + 1] * V + wid[i + 2],
        (sid[i - 1] * S + s) * S + sid[i + 1], (sid[i - 2] * S + sid[i - 1]) * S + s,
        (s * S + sid[i + 1]) * S + sid[i + 2],
        opener[i] * S + s, opener[i] * V + w, wid[i - 1] * S + s, s * V + wid[i + 1],
        g, gid[i - 1], gid[i + 1], (gid[i - 1] * G + g) * G + gid[i + 1], g * S + s, suf[i],
    ]
    return columns, pieces


def _laid_end_to_end(columns: list[list], pad) -> list:
    """Per-sentence lists as `feature_columns` lays sentences out: GAP pads first and after each."""
    out = [pad] * GAP
    pads = [pad] * GAP
    for column in columns:
        out += column
        out += pads
    return out


class PairTable:
    """Position of each value in a sorted array of distinct values (a word-pair template's
    values), by open addressing with linear probing: a few array gathers per lookup instead of
    a binary search's dozen steps. Load factor under 1/4, so most lookups end at the first slot."""

    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing
    _EMPTY = -1  # feature values are never negative

    def __init__(self, values: np.ndarray):
        bits = max(4, (4 * len(values)).bit_length())
        self.mask = (1 << bits) - 1
        self.shift = np.uint64(64 - bits)
        self.slot_values = np.full(1 << bits, self._EMPTY, dtype=np.int64)
        self.slot_positions = np.zeros(1 << bits, dtype=np.int64)
        for position, (value, slot) in enumerate(zip(values.tolist(), self._slots(values).tolist())):
            while self.slot_values[slot] != self._EMPTY:
                slot = (slot + 1) & self.mask
            self.slot_values[slot] = value
            self.slot_positions[slot] = position

    def _slots(self, values: np.ndarray) -> np.ndarray:
        return ((values.astype(np.uint64) * self._MULTIPLIER) >> self.shift).astype(np.int64)

    def positions(self, values: np.ndarray, missing: int) -> np.ndarray:
        """Position of every value (int64 array), `missing` for values not in the table."""
        out = np.full(len(values), missing, dtype=np.int64)
        todo = np.arange(len(values))
        slots = self._slots(values)
        while len(todo):
            found = self.slot_values[slots]
            hit = found == values
            out[todo[hit]] = self.slot_positions[slots[hit]]
            probe_on = ~hit & (found != self._EMPTY)
            todo, values, slots = todo[probe_on], values[probe_on], (slots[probe_on] + 1) & self.mask
        return out


class Tagger:
    """Scores feature keys with the weight table and decodes active segments with Viterbi."""

    def __init__(self, lexicon: Lexicon, keys: np.ndarray, weights: np.ndarray, transitions: np.ndarray):
        self.lexicon = lexicon
        self.keys = keys  # sorted int64 feature keys
        self.weights = np.vstack([weights, np.zeros((1, N_LABELS))]).astype(np.float32)  # last row: unknown
        self.transitions = np.where(ALLOWED, transitions, -1e9).astype(np.float32)
        self.start = np.where(START_ALLOWED, 0.0, -1e9).astype(np.float32)
        self._direct_tables()

    def _direct_tables(self) -> None:
        """Value -> row arrays for the templates whose values are few (words, shapes, gazetteer).

        They are laid end to end in one array (`dense`, each template at `dense_offset`), so one
        indexing operation finds the rows of all of them; indexing is several times faster than
        `searchsorted`, which the pair templates (word bigrams, too many values) keep using.
        """
        unknown = len(self.keys)
        templates = self.keys >> TEMPLATE_SHIFT
        values = self.keys & ((1 << TEMPLATE_SHIFT) - 1)
        tables, self.dense_columns, self.sparse_columns = [], [], []
        offsets, sizes, total = [], [], 0
        for t in range(len(TEMPLATES)):
            mine = np.flatnonzero(templates == t)
            top = int(values[mine].max()) + 1 if len(mine) else 1
            if top > 1_000_000:
                self.sparse_columns.append(t)
                continue
            table = np.full(top + 1, unknown, dtype=np.int64)  # last slot: values out of range
            table[values[mine]] = mine
            self.dense_columns.append(t)
            tables.append(table)
            offsets.append(total)
            sizes.append(top + 1)
            total += top + 1
        self.dense = np.concatenate(tables)
        self.dense_offset = np.array(offsets, dtype=np.int64)
        self.dense_last = np.array(sizes, dtype=np.int64) - 1
        # per template: its value -> row table (dense), or its slice of the sorted keys (sparse)
        self.column_tables: list = [None] * len(TEMPLATES)
        for t, table in zip(self.dense_columns, tables):
            self.column_tables[t] = table
        for t in self.sparse_columns:
            lo, hi = np.searchsorted(templates, [t, t + 1])
            self.column_tables[t] = (int(lo), PairTable(values[lo:hi]))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "Tagger":
        with np.load(path, allow_pickle=False) as data:
            lexicon = Lexicon(data["words"].tolist(), data["suffixes"].tolist())
            return cls(lexicon, data["keys"], data["weights"], data["transitions"])

    def scores(self, keys: np.ndarray) -> np.ndarray:
        """Label scores (n_tokens, n_labels): the sum of the weights of each token's features,
        as one sparse-matrix product (one row of ones per token)."""
        return self.scores_of_rows(self.rows(keys))

    def column_rows(self, columns: list[np.ndarray]) -> np.ndarray:
        """`rows` of the keys that `feature_columns` gives, one template at a time (no keys built)."""
        unknown = len(self.keys)
        out = np.empty((len(columns[0]), len(columns)), dtype=np.int64)
        for t, values in enumerate(columns):
            table = self.column_tables[t]
            if isinstance(table, tuple):  # pair templates: the template's slice of the sorted keys
                first, pairs = table
                out[:, t] = pairs.positions(values, unknown - first) + first
            else:
                out[:, t] = table[np.minimum(values, len(table) - 1)]
        return out

    def scores_of_rows(self, rows: np.ndarray) -> np.ndarray:
        n, per = rows.shape
        hits = sparse.csr_matrix((np.ones(n * per, dtype=np.float32), rows.ravel(), np.arange(0, n * per + 1, per)),
                                 shape=(n, len(self.weights)))
        return np.asarray(hits @ self.weights)

    def rows(self, keys: np.ndarray) -> np.ndarray:
        """Row of each feature key (n_tokens, n_templates) in the weight table; unknown: the zero row."""
        out = np.empty(keys.shape, dtype=np.int64)
        values = keys[:, self.dense_columns] & ((1 << TEMPLATE_SHIFT) - 1)
        out[:, self.dense_columns] = self.dense[np.minimum(values, self.dense_last) + self.dense_offset]
        sub = keys[:, self.sparse_columns]
        pos = np.minimum(np.searchsorted(self.keys, sub), len(self.keys) - 1)
        out[:, self.sparse_columns] = np.where(self.keys[pos] == sub, pos, len(self.keys))
        return out

    def spans_many(self, sentences: list[list[str]], looked: list[list[tuple]] | None = None,
                   keys: list[list[str]] | None = None, capitalised: list[list[bool]] | None = None):
        """(start, end, type) token spans of each sentence, straight from the decoded segments.

        `looked`, `keys`, `capitalised`: the lexicon's view of each token, as `feature_columns` takes them."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
        columns, pieces = feature_columns(sentences, self.lexicon, looked, keys, capitalised)
        if not pieces:
            return out
        scores = self.scores_of_rows(self.column_rows(columns))
        labels = self.viterbi_labels(scores, [(o, e - s) for _, s, e, o in pieces])
        hits = np.flatnonzero(labels).tolist()
        if not hits:
            return out
        starts = [o for _, _, _, o in pieces]
        labels_list = labels.tolist()
        piece = 0
        for row in hits:
            while piece + 1 < len(starts) and starts[piece + 1] <= row:
                piece += 1
            k, first, _, offset = pieces[piece]
            token = first + row - offset
            label = LABELS[labels_list[row]]
            kind = label[2:]
            spans = out[k]
            if label[0] == "I" and spans and spans[-1][1] == token and spans[-1][2] == kind:
                spans[-1] = (spans[-1][0], token + 1, kind)
            else:
                spans.append((token, token + 1, kind))
        return out

    def tag(self, texts: list[str]) -> list[str]:
        """BIO label of every token of one sentence (`texts`: its tokens)."""
        labels = ["O"] * len(texts)
        for start, end, kind in self.spans_many([list(texts)])[0]:
            labels[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
        return labels

    def viterbi_labels(self, scores: np.ndarray, pieces: list[tuple[int, int]]) -> np.ndarray:
        """Best label of every row of `scores`, each (offset, length) piece decoded on its own.

        All pieces run together: sorted longest first, step t of the forward pass and of the
        backtrace touches only the first pieces (those longer than t), as array operations.
        """
        order = sorted(range(len(pieces)), key=lambda b: -pieces[b][1])
        lengths = np.array([pieces[b][1] for b in order])
        offsets = np.array([pieces[b][0] for b in order])
        B, L = len(order), int(lengths[0])
        alive = np.searchsorted(-lengths, -np.arange(1, L + 1), side="right").tolist()  # pieces longer than t
        index = np.minimum(offsets[:, None] + np.arange(L)[None, :], len(scores) - 1)
        emit = scores[index]  # (B, L, labels); rows past a piece's end are never read
        back = np.empty((L, B, N_LABELS), dtype=np.int8)
        best = self.start + emit[:, 0]
        finals = np.empty((B, N_LABELS), dtype=np.float32)
        incoming = np.ascontiguousarray(self.transitions.T)[None]  # [label, previous label]
        for t in range(1, L):
            m = alive[t]
            done = alive[t - 1]
            if m < done:  # pieces of length t end here
                finals[m:done] = best[m:done]
            cand = best[:m, None, :] + incoming  # (piece, label, previous label)
            previous = cand.argmax(2)
            back[t, :m] = previous
            best = np.take_along_axis(cand, previous[:, :, None], 2)[:, :, 0] + emit[:m, t]  # = cand.max(2)
        finals[:alive[L - 1]] = best
        path = np.zeros((B, L), dtype=np.int64)
        rows = np.arange(B)
        last = finals.argmax(1)  # the best label of each piece's last token
        current = last.copy()
        for t in range(L - 1, -1, -1):
            m = alive[t]
            ending = lengths[:m] == t + 1
            current[:m] = np.where(ending, last[:m], current[:m])
            path[:m, t] = current[:m]
            if t:
                current[:m] = back[t, rows[:m], current[:m]]
        labels = np.zeros(len(scores), dtype=np.int64)
        valid = np.arange(L)[None, :] < lengths[:, None]
        labels[(offsets[:, None] + np.arange(L)[None, :])[valid]] = path[valid]
        return labels


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return Tagger.load()

