"""Gazetteers: countries, places, organisations (with their aliases) and trigger words.

The lists are plain TSV files in `data/`, written for this project from general knowledge
(CC0). They serve twice: as tagger features (a token inside a known name, after a title word)
and as the alias table that maps "Hoa Kỳ", "US" and "Hợp chúng quốc Hoa Kỳ" to one entity "Mỹ".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sukien.text import match_key

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Known:
    canonical: str
    type: str  # LOC or ORG
    kind: str  # country, place, org


def _rows(name: str):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, rest = line.partition("\t")
        yield head.strip(), [a.strip() for a in rest.split("|") if a.strip()]


def _phrase_key(phrase: str) -> str:
    from sukien.entities.tokens import tokenize

    keys = []
    for t in tokenize(phrase, split_names=False):
        parts = t.text.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            keys += " - ".join(parts).split(" ")  # "Dương-Thái" as the tagger sees it
        else:
            keys.append(t.text)
    return " ".join(match_key(k) for k in keys)


@dataclass
class Gazetteer:
    names: dict[str, Known]  # phrase key -> known entity
    triggers: dict[str, str]  # phrase key -> person / admin / org
    first_tokens: dict[str, int]  # first token key -> longest phrase starting with it
    acronyms: set[str]  # exact-case alias keys like "US", "UN", "IS" that need their case
    name_first_tokens: set[str]  # lower-cased first syllables of known names
    prefixes: set[str]  # every leading part of every phrase ("thành", "thành phố", ...)

    def lookup(self, phrase: str) -> Known | None:
        return self.names.get(_phrase_key(phrase))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    names: dict[str, Known] = {}
    acronyms: set[str] = set()
    for file, type_, kind in (("countries.tsv", "LOC", "country"), ("places.tsv", "LOC", "place"),
                              ("organisations.tsv", "ORG", "org")):
        for canonical, aliases in _rows(file):
            for phrase in [canonical, *aliases]:
                key = _phrase_key(phrase)
                names.setdefault(key, Known(canonical, type_, kind))
                if phrase.isupper() and len(phrase) <= 3:
                    acronyms.add(phrase)
    triggers: dict[str, str] = {}
    for kind, words in _rows("triggers.tsv"):
        for word in words:
            triggers.setdefault(_phrase_key(word), kind)
    first: dict[str, int] = {}
    for key in [*names, *triggers]:
        parts = key.split(" ")
        first[parts[0]] = max(first.get(parts[0], 0), len(parts))
    name_first = {k.split(" ")[0] for k in names}
    prefixes = set()
    for key in [*names, *triggers]:
        parts = key.split(" ")
        prefixes |= {" ".join(parts[:n]) for n in range(1, len(parts) + 1)}
    return Gazetteer(names, triggers, first, acronyms, name_first, prefixes)


def match_spans(keys, texts, capitalised, start: int = 0, end: int | None = None, candidates=None):
    """Longest known names and trigger phrases over a token sequence (or its part start..end).

    `candidates`: the only positions where a phrase may start (sorted), when the caller knows
    them; by default every position whose key starts some phrase.

    Yields (start, end, label) where label is a Known (a name; its first token must be
    capitalised, and short acronyms must match in their case) or a trigger kind string.
    Phrases grow one token at a time while they are the beginning of some known phrase.
    """
    gaz = load()
    first, prefixes, names, triggers = gaz.first_tokens, gaz.prefixes, gaz.names, gaz.triggers
    n = len(keys) if end is None else end
    if candidates is None:
        candidates = [i for i in range(start, n) if keys[i] in first]
    free = start  # the first position not inside a phrase found already
    for i in candidates:
        if i < free:
            continue
        found = None
        phrase, j = keys[i], i + 1
        while True:
            known = names.get(phrase)
            if known and capitalised[i] and (j - i > 1 or len(texts[i]) > 3 or not texts[i].isupper()
                                             or texts[i] in gaz.acronyms):
                found = (i, j, known)
            else:
                kind = triggers.get(phrase)
                if kind:
                    found = (i, j, kind)
            if j >= n:
                break
            phrase = phrase + " " + keys[j]
            if phrase not in prefixes:
                break
            j += 1
        if found:
            yield found
            free = found[1]
