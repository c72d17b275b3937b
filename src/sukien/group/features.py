"""Article features for grouping: hashed, IDF-weighted syllable uni+bigrams and name-like n-grams.

Every article becomes one L2-normalised sparse row in a fixed hashed space of 2**22 columns:

- syllable unigrams and bigrams of title, lead and the start of the body, title and lead
  weighted up (they name the happening; the body drifts into background);
- "name-like" features: runs of capitalised syllables ("Nhật Bản", "Fumio Kishida"), cheap
  stand-ins for entities that need no NER and work on any text;
- entity ids, when the entities stage has filled `Article.entities`.

Hashing is stable across processes (blake2b of the term), so rows computed in different runs
live in the same space. Weights use a fixed IDF table shipped with the package (see
`idf.py`), so one-shot and incremental runs weigh terms identically.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

import numpy as np
import regex
import scipy.sparse as sp

from sukien.model import Article
from sukien.text import normalize, normalize_tone_marks

N_FEATURES = 1 << 22
_MASK = np.uint64(N_FEATURES - 1)

_SYLLABLE = regex.compile(r"[\p{L}\p{N}]+(?:[.,][\p{N}]+)*")
# Name-like: two or more capitalised syllables in a row ("Nhật Bản", "Joe Biden", "Hà Nội").
_NAME = regex.compile(r"\p{Lu}[\p{L}\p{N}]*(?:[ -]\p{Lu}[\p{L}\p{N}]*)+")
_CHARS_PER_SYLLABLE = 6  # generous: cut the text before tokenising, then cut exactly


@dataclass
class FeatureConfig:
    title_weight: float = 3.0
    lead_weight: float = 2.0
    body_weight: float = 1.0
    body_syllables: int = 800  # only the start of the body: the happening is told first
    name_weight: float = 3.0  # multiplier on name-like features
    entity_weight: float = 2.0  # multiplier on entity-id features
    max_terms: int = 200  # keep an article's strongest terms only (bounds memory and cost; 200 chosen on ViMs 001-075)


_hash_cache: dict[str, int] = {}


def term_hash(term: str) -> int:
    """Stable 64-bit hash of a term's match key (one tone-mark style): same in every process."""
    h = _hash_cache.get(term)
    if h is None:
        key = normalize_tone_marks(term)
        h = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_hash_cache) > 2_000_000:
            _hash_cache.clear()
        _hash_cache[term] = h
    return h


def _mix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Combine two uint64 hash arrays into one (order matters: bigram "a b" != "b a")."""
    with np.errstate(over="ignore"):
        x = a * np.uint64(0x9E3779B97F4A7C15) + b
        x ^= x >> np.uint64(29)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(32)
    return x


def _hashes(terms: list[str]) -> np.ndarray:
    """Stable hashes of many terms (cached; the cache is looked up at C speed)."""
    try:
        values = list(map(_hash_cache.__getitem__, terms))
    except KeyError:
        for t in set(terms).difference(_hash_cache):
            term_hash(t)
        values = list(map(_hash_cache.__getitem__, terms))
    return np.array(values, dtype=np.uint64)


def _name_terms(runs: list[str]) -> list[str]:
    """Each capitalised run, lower-cased, plus its two-syllable windows: "Ngoại trưởng Mỹ Antony
    Blinken" gives "mỹ antony blinken", "mỹ antony" and "antony blinken", so the name matches
    whatever title or country word precedes it."""
    out = []
    for run in runs:
        parts = run.lower().replace("-", " ").split()
        out.append(" ".join(parts))
        if len(parts) > 2:
            out.extend(" ".join(parts[k : k + 2]) for k in range(len(parts) - 1))
    return out


def _field_terms(text: str, limit: int | None) -> tuple[np.ndarray, list[str]]:
    """Hashes of a field's syllable unigrams and bigrams, and its name-like runs (lower-cased)."""
    if limit is not None:
        text = text[: limit * _CHARS_PER_SYLLABLE]
    if not unicodedata.is_normalized("NFC", text):
        text = normalize(text)
    # tone marks are unified per distinct term in `term_hash`, not over the whole text
    names = _name_terms(_NAME.findall(text))
    syllables = _SYLLABLE.findall(text.lower())
    if limit is not None:
        syllables = syllables[:limit]
    uni = _hashes(syllables)
    bi = _mix(uni[:-1], uni[1:]) if len(uni) > 1 else np.zeros(0, dtype=np.uint64)
    return np.concatenate([uni, bi]), names


def article_fields(article: Article) -> tuple[str, str, str]:
    """Title, lead and body text; without a lead, the first body paragraph stands in."""
    body = [p for p in (article.body or []) if p and p.strip()]
    lead = article.lead or ""
    if not lead.strip() and body:
        lead, body = body[0], body[1:]
    return article.title or "", lead, "\n".join(body)


class Featurizer:
    """Turns articles into L2-normalised sparse rows (CSR, float32) in the hashed space."""

    def __init__(self, idf: np.ndarray, config: FeatureConfig | None = None):
        self.idf = idf
        self.config = config or FeatureConfig()

    def transform(self, articles: list[Article]) -> sp.csr_matrix:
        return self.transform_with_keys(articles)[0]

    def transform_with_keys(self, articles: list[Article]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """Feature rows, and "key" rows: the name-like and entity features alone, IDF-valued."""
        rows, keys = [], []
        for article in articles:
            cols, vals, key_cols = self._row(article)
            rows.append((cols, vals))
            keys.append((key_cols, self.idf[key_cols].astype(np.float32)))
        return _stack(rows), _stack(keys)

    def _row(self, article: Article) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        try:
            return self._row_unsafe(article)
        except Exception:  # malformed article: no evidence rather than a crash
            return np.zeros(0, np.int32), np.zeros(0, np.float32), np.zeros(0, np.int32)

    def _row_unsafe(self, article: Article) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        cfg = self.config
        hashes: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        names: list[str] = []
        title, lead, body = article_fields(article)
        for text, weight, limit in (
            (title, cfg.title_weight, None),
            (lead, cfg.lead_weight, None),
            (body, cfg.body_weight, cfg.body_syllables),
        ):
            if not text:
                continue
            h, field_names = _field_terms(text, limit)
            hashes.append(h)
            weights.append(np.full(len(h), weight, dtype=np.float32))
            names.extend(field_names)
        key_hashes = []
        if names:
            h = _hashes(["N:" + n for n in names])
            hashes.append(h)
            key_hashes.append(h)
            weights.append(np.full(len(h), cfg.name_weight, dtype=np.float32))
        entity_ids = [str(e.id) for e in (article.entities or []) if getattr(e, "id", None)]
        if entity_ids:
            h = _hashes(["E:" + i for i in entity_ids])
            hashes.append(h)
            key_hashes.append(h)
            weights.append(np.full(len(h), cfg.entity_weight, dtype=np.float32))
        key_cols = (
            np.unique((np.concatenate(key_hashes) & _MASK).astype(np.int32)) if key_hashes else np.zeros(0, np.int32)
        )
        if not hashes:
            return np.zeros(0, np.int32), np.zeros(0, np.float32), key_cols
        cols = (np.concatenate(hashes) & _MASK).astype(np.int32)
        w = np.concatenate(weights)
        uniq, inverse = np.unique(cols, return_inverse=True)
        tf = np.bincount(inverse, weights=w).astype(np.float32)
        # sublinear term frequency, then IDF
        vals = (1.0 + np.log(tf, where=tf > 0, out=np.zeros_like(tf))) * self.idf[uniq]
        if len(vals) > cfg.max_terms:
            keep = np.argpartition(-vals, cfg.max_terms)[: cfg.max_terms]
            keep.sort()
            uniq, vals = uniq[keep], vals[keep]
        norm = float(np.sqrt(np.dot(vals, vals)))
        if norm > 0:
            vals = vals / norm
        # float16 precision, as stored in the state: reloaded and live rows are identical
        return uniq.astype(np.int32), vals.astype(np.float16).astype(np.float32), key_cols


def _stack(rows: list[tuple[np.ndarray, np.ndarray]]) -> sp.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(c) for c, _ in rows])
    cols = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, np.int32)
    vals = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, np.float32)
    return sp.csr_matrix((vals, cols, indptr), shape=(len(rows), N_FEATURES))
