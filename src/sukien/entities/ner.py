"""Mentions of people, organisations and places in raw text: tokens -> tagger -> rules.

`recognise_many(texts)` tags every sentence of every text in one batch and returns character
spans. After tagging, deterministic rules keep neighbours apart and use the whole document:
- a title before a name is not part of the name ("Ông Biden" -> "Biden"), nor is a minister's
  portfolio ("Bộ trưởng Quốc phòng Lloyd Austin");
- a country or place between a title and a name is its own place ("Tổng thống Mỹ Donald
  Trump" -> LOC "Mỹ" + PER "Donald Trump");
- an organisation directly followed by its place is one organisation ("UBND tỉnh Ninh Thuận");
- names after titles and before "(SN 1990)" are persons; short forms of those persons
  elsewhere in the document are persons ("ông Trường" after "ông Lê Nhật Trường"); a name a
  rule saw as a person is a person everywhere in the document.
Every token's match key and shape come from the tagger's memo, computed once per token form.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

import numpy as np

from sukien.entities.aliases import GENERATIONS, VIETNAMESE_SURNAMES
from sukien.entities.gazetteer import Known, match_spans
from sukien.entities.gazetteer import load as load_gazetteer
from sukien.entities.silver import PERSONAL, PORTFOLIOS, TITLES
from sukien.entities.tagger import SENTENCE_OPENERS, default_tagger
from sukien.entities.tokens import token_arrays
from sukien.text.sentences import split_spans

CAPITALISED = {"C", "U", "I", "m"}
TITLE_ENDS = {t.split(" ")[-1] for t in TITLES}
PORTFOLIO_STARTS = {p.split(" ")[0] for p in PORTFOLIOS}
TokenSpan = tuple[int, int, str]


class Span(NamedTuple):
    start: int
    end: int
    type: str
    text: str


class View(NamedTuple):
    """One sentence: its tokens' texts, offsets, match keys and shapes."""

    starts: np.ndarray  # int64 offsets into the text
    ends: np.ndarray
    texts: list[str]
    keys: list[str]
    shapes: list[str]
    looked: list[tuple]  # the tagger lexicon's view of each token
    names: list[int]  # positions of Capitalised tokens, where rules about names start
    caps: list[bool]  # capitalised in any way (Capitalised, UPPER, I.nitials, mIxed)


def _views(text: str, sentence_spans: list[tuple[int, int]] | None = None) -> list[View]:
    """The sentences of `text`, tokenized once, with every token looked up in the lexicon.

    `sentence_spans` are the sentences the analyse stage already found; split here otherwise."""
    texts, starts, ends = token_arrays(text)
    info = default_tagger().lexicon.lookup_all(texts)
    keys = list(map(itemgetter(3), info))
    shapes = list(map(itemgetter(8), info))
    caps = list(map(itemgetter(4), info))
    out = []
    for first, k in _sentence_tokens(starts, ends, split_spans(text) if sentence_spans is None else sentence_spans):
        if k > first:
            sentence_shapes = shapes[first:k]
            out.append(View(starts[first:k], ends[first:k], texts[first:k], keys[first:k], sentence_shapes,
                            info[first:k], _name_positions(sentence_shapes), caps[first:k]))
    return out


def _sentence_tokens(starts: np.ndarray, ends: np.ndarray, sentences: list[tuple[int, int]]):
    """(first, end) token indices of each sentence: from the first token starting in it to the
    last ending in it, never before the previous sentence's end (tokens belong to one sentence).

    The same as bisecting sentence by sentence with the previous end as the lower bound
    (`bisect_left(starts, start, k)`, `k = bisect_right(ends, end, first)`): for sorted offsets
    a bounded bisection is max(bound, unbounded one), so the bounds are a running maximum."""
    if not sentences:
        return []
    bounds = np.array(sentences, dtype=np.int64).reshape(-1, 2)
    firsts = np.searchsorted(starts, bounds[:, 0], side="left")
    lasts = np.maximum.accumulate(np.maximum(firsts, np.searchsorted(ends, bounds[:, 1], side="right")))
    firsts = np.maximum(firsts, np.concatenate([[0], lasts[:-1]]))
    return zip(firsts.tolist(), lasts.tolist())


def _name_positions(shapes: list[str]) -> list[int]:
    return list(compress(range(len(shapes)), map("C".__eq__, shapes)))


def _known_parts(v: View, start: int, end: int):
    """Gazetteer matches (start, end, label) inside tokens start..end, relative to start."""
    return [(a - start, b - start, label) for a, b, label in match_spans(v.keys, v.texts, v.caps, start, end)]


def _splits_names(label) -> bool:
    """A phrase that may stand before a name inside one span: a title or a country/place."""
    return label == "person" or (isinstance(label, Known) and label.type == "LOC"
                                 and label.kind in ("country", "place"))


def _headed(v: View, start: int) -> bool:
    """Tokens from `start` begin with an organisation's or place's head word ("Sở", "tỉnh")."""
    triggers = load_gazetteer().triggers
    keys = v.keys[start:start + 2]
    return any(triggers.get(" ".join(keys[:n])) in ("org", "admin") for n in (1, 2))


def _portfolio_length(v: View, i: int) -> int:
    """Tokens of a minister's portfolio at i ("Quốc phòng" in "Bộ trưởng Quốc phòng X")."""
    if i >= len(v.keys) or v.keys[i] not in PORTFOLIO_STARTS:
        return 0
    for n in range(min(4, len(v.keys) - i), 0, -1):
        if " ".join(v.keys[i:i + n]) in PORTFOLIOS:
            return n
    return 0


def _title_length(v: View, i: int) -> int:
    """Tokens of a person title ending right before token i ("ông", "Bộ trưởng")."""
    if i == 0 or v.keys[i - 1] not in TITLE_ENDS:
        return 0
    for n in (4, 3, 2, 1):
        if i - n >= 0 and " ".join(v.keys[i - n:i]) in TITLES:
            return n
    return 0


def _all_capitalised(v: View, start: int, end: int) -> bool:
    return all(s in CAPITALISED for s in v.shapes[start:end])


def _repair(v: View, start: int, end: int, type_: str) -> list[TokenSpan]:
    """Split a tagged span at title and country boundaries; drop leading titles from names."""
    titled = _title_length(v, start) > 0
    if not titled:
        if v.keys[start] not in load_gazetteer().first_tokens:
            return [(start, end, type_)]  # no known phrase starts the span: the common case
        first = next(match_spans(v.keys, v.texts, v.caps, start, end, candidates=[start]), None)
        if first is None or first[0] != start or not _splits_names(first[2]):
            return [(start, end, type_)]  # no title, country or place opens the span: the common case
    parts = _known_parts(v, start, end)
    length = end - start
    out = []
    i = 0
    while i < length:
        n = _portfolio_length(v, start + i) if titled else 0
        if n and i + n < length and _all_capitalised(v, start + i + n, end):
            i += n
            type_ = "PER"
            parts = [p for p in parts if p[0] >= i]
            continue
        if not parts or parts[0][0] != i:
            break
        s, e, label = parts.pop(0)
        rest_is_name = e < length and _all_capitalised(v, start + e, end) and not _headed(v, start + e)
        if label == "person" and rest_is_name:
            i = e
            type_ = "PER"
            titled = True
        elif isinstance(label, Known) and label.type == "LOC" and label.kind in ("country", "place") \
                and rest_is_name and (type_ == "PER" or titled):
            out.append((start + s, start + e, "LOC"))
            i = e
            type_ = "PER"
        else:
            break
    if i < length:
        out.append((start + i, end, type_))
    return out


def _join_organisation_places(v: View, spans: list[TokenSpan]) -> list[TokenSpan]:
    """An organisation directly followed by its place is one name: "UBND" + "tỉnh Ninh Thuận"."""
    out: list[TokenSpan] = []
    for s, e, t in sorted(spans):
        if out and out[-1][2] == "ORG" and t == "LOC" and out[-1][1] == s and (
                _headed(v, s) or _known_parts(v, s, e)):
            out[-1] = (out[-1][0], e, "ORG")
        else:
            out.append((s, e, t))
    return out


def _after_title_words(v: View) -> list[int]:
    """Positions of Capitalised tokens right after a word that may end a person title."""
    keys = v.keys
    return [i for i in v.names if i and keys[i - 1] in TITLE_ENDS]


def titled_people(v: View, forms: set = frozenset(), candidates: list[int] | None = None) -> list[tuple[int, int]]:
    """Token spans of capitalised names right after a person title: "ông Trường", "MC Lauren Sanchez".

    A title inside a name ("quận Hai Bà Trưng") or a known place that starts with a title word
    ("Bà Rịa") is no title. After an official's title a portfolio and a place are skipped
    ("Bộ trưởng Quốc phòng Mỹ Lloyd Austin" -> "Lloyd Austin"), unless the words after the
    title are a short form of a person named in the document (`forms`: "Hoa hậu Mỹ Linh").
    `candidates`: `_after_title_words(v)`, when the caller has them.
    """
    shapes, n_tokens = v.shapes, len(v.texts)
    out = []
    i = 1
    for candidate in _after_title_words(v) if candidates is None else candidates:
        if candidate < i:
            continue
        i = candidate
        n = _title_length(v, i)
        before = i - n - 1
        inside_name = before > 0 and shapes[before] == "C" and v.texts[before - 1] not in SENTENCE_OPENERS
        if not n or inside_name:
            continue
        run_end = i
        while run_end < n_tokens and shapes[run_end] == "C" and run_end - i < 5:
            run_end += 1
        if tuple(v.keys[i:run_end]) in forms:
            out.append((i, run_end))
            i = run_end
            continue
        title = " ".join(v.keys[i - n:i])
        start = i
        if title not in PERSONAL:
            start += _portfolio_length(v, start)
        parts = _known_parts(v, start, min(n_tokens, start + 6))
        known_at_start = parts and parts[0][0] == 0 and isinstance(parts[0][2], Known)
        if known_at_start and title not in PERSONAL and parts[0][2].type == "LOC":
            start += parts[0][1]
        elif known_at_start:
            continue
        end = start
        while end < n_tokens and shapes[end] == "C" and end - start < 5:
            end += 1
        if end > start:
            out.append((start, end))
        i = max(end, i + 1)
    return out


def _born_people(v: View) -> list[tuple[int, int]]:
    """Names followed by a birth year or an age: "Hà Quý Thành (SN 1990)", "Lê Văn A (45 tuổi)"."""
    out = []
    if "(" not in v.texts:
        return out
    for k in range(2, len(v.texts) - 2):
        if v.texts[k] != "(" or v.shapes[k - 1] != "C":
            continue
        nxt = v.keys[k + 1]
        if not (nxt in ("sn", "sinh") or (v.shapes[k + 1] == "d" and v.keys[k + 2] == "tuổi")):
            continue
        start = k - 1
        while start > 0 and v.shapes[start - 1] == "C" and k - start < 5:
            start -= 1
        if k - start >= 2 and not _headed(v, start):
            out.append((start, k))
    return out


def _short_forms(people: list[list[str]]) -> set[tuple[str, ...]]:
    """Ways a document's full person names may be shortened (keys): "Trường" for "Lê Nhật Trường"."""
    forms = set()
    for keys in people:
        if len(keys) < 2:
            continue
        if keys[0] in VIETNAMESE_SURNAMES:
            forms |= {tuple(keys[k:]) for k in range(1, len(keys))}
        else:
            forms |= {(k,) for k in keys if k not in GENERATIONS} | {tuple(keys[-2:])}
    return forms


def _covered(spans: list[TokenSpan], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b, _ in spans)


def _standalone_short_forms(v: View, spans: list[TokenSpan], forms: set) -> list[TokenSpan]:
    """Short forms standing alone inside a sentence ("... của Thắng"), not at its start."""
    found = []
    shapes = v.shapes
    for i in v.names:
        if not i or shapes[i - 1] == "C" or v.texts[i - 1] in SENTENCE_OPENERS:
            continue  # not the start of a run of names, or the start of a sentence
        e = i
        while e < len(shapes) and shapes[e] == "C":
            e += 1
        if tuple(v.keys[i:e]) in forms and not _covered(spans, i, e):
            found.append((i, e, "PER"))
    return found


def _document_people(views: list[View], spans: list[list[TokenSpan]], brackets: bool = True) -> list[list[TokenSpan]]:
    """Persons the tagger missed, found with the whole document in view.

    - a name after a title that the tagger typed as a place or organisation is a person
      ("MC Lauren Sanchez"), unless it is an organisation's or place's name ("Giám đốc Sở Y tế");
    - a full name after a title is a person ("ông Lê Nhật Trường"), and so is a short form of a
      person named in full elsewhere in the document: after a title anywhere ("ông Trường"),
      or standing alone inside a sentence ("... của Thắng"). PhoNER tags only patients as
      NAME, so its officials and doctors count against these on its dev split.
    `brackets`: False when the document has no "(" (no "(SN 1990)" to look for).
    """
    gaz = load_gazetteer()
    # most sentences have no "(" and no title word before a name: their rules find nothing
    born = [_born_people(v) for v in views] if brackets else [[] for _ in views]
    candidates = [_after_title_words(v) for v in views]
    titled = [titled_people(v, candidates=c) if c else [] for v, c in zip(views, candidates)]
    if not any(born) and not any(titled) and not any(t == "PER" for sp in spans for _, _, t in sp):
        return [sorted(sp) for sp in spans]  # no person anywhere: nothing to add
    people = [v.keys[a:b] for v, sp in zip(views, spans) for a, b, t in sp if t == "PER"]
    people += [v.keys[a:b] for v, found in zip(views, born) for a, b in found]
    people += [v.keys[a:b] for v, found in zip(views, titled) for a, b in found if b - a >= 2 and not _headed(v, a)]
    forms = _short_forms(people)
    confirmed: set[tuple[str, ...]] = set()  # multi-word names a rule saw as persons
    staged = []
    for k, v in enumerate(views):
        sp = list(spans[k])
        for s, e in born[k]:
            sp = [x for x in sp if not (x[0] < e and s < x[1])] + [(s, e, "PER")]
            confirmed.add(tuple(v.keys[s:e]))
        for s, e in (titled_people(v, forms, candidates[k]) if forms and candidates[k] else titled[k]):
            known_form = tuple(v.keys[s:e]) in forms
            head = gaz.triggers.get(v.keys[s]) or gaz.triggers.get(" ".join(v.keys[s:s + 2]))
            if not known_form and (head or " ".join(v.keys[s:e]) in gaz.names):
                continue  # "Giám đốc Sở ...", "con gái Chủ tịch", a known place
            overlapping = [x for x in sp if x[0] < e and s < x[1]]
            if overlapping:
                if any(x[2] != "PER" and x[1] > e for x in overlapping):
                    continue  # the tagger saw a longer organisation or place: keep it
                sp = [x for x in sp if x not in overlapping] + [(s, e, "PER")]
            elif e - s >= 2 or known_form:
                sp.append((s, e, "PER"))
            else:
                continue
            if e - s >= 2:
                confirmed.add(tuple(v.keys[s:e]))
        if forms:
            sp += _standalone_short_forms(v, sp, forms)
        staged.append(sp)
    # one name, one type: "Trần Đại Quang" is a person everywhere in the document
    return [sorted((a, b, "PER" if tuple(v.keys[a:b]) in confirmed else t) for a, b, t in sp)
            for v, sp in zip(views, staged)]


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector: recognition and resolution allocate many small
    acyclic objects (freed by reference counting anyway), and collections triggered by them
    cost ~15%. Paused over a whole batch, the collector runs once after it: every young
    collection also counts towards the older generations' (full heap) collections, so one per
    batch instead of one per 700 allocations also makes those ~10-100x rarer."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def recognise_many(texts: list[str], sentence_spans: list[list[tuple[int, int]] | None] | None = None) -> list[list[Span]]:
    """PER/LOC/ORG character spans of each text (offsets into that text).

    `sentence_spans[i]`, when given and not None, are the sorted (start, end) sentences of
    `texts[i]`, so the text is not split again."""
    with gc_paused():
        return _recognise_many(texts, sentence_spans or [None] * len(texts))


def _recognise_many(texts: list[str], sentence_spans: list) -> list[list[Span]]:
    texts = [t if isinstance(t, str) else "" for t in texts]
    per_text = [_views(t, spans) for t, spans in zip(texts, sentence_spans)]
    flat = [v for views in per_text for v in views]
    tagged_all = default_tagger().spans_many([v.texts for v in flat], [v.looked for v in flat], [v.keys for v in flat],
                                             [v.caps for v in flat]) if flat else []
    out: list[list[Span]] = []
    k = 0
    for text, views in zip(texts, per_text):
        tagged = []
        for v in views:
            found = tagged_all[k]
            k += 1
            if not found:  # most sentences: nothing tagged, nothing to repair or join
                tagged.append([])
                continue
            repaired = [r for s, e, t in found for r in _repair(v, s, e, t)]
            tagged.append(_join_organisation_places(v, repaired) if len(repaired) > 1 else repaired)
        spans = []
        for v, sentence_spans in zip(views, _document_people(views, tagged, "(" in text)):
            for s, e, t in sentence_spans:
                a, b = int(v.starts[s]), int(v.ends[e - 1])
                spans.append(Span(a, b, t, text[a:b]))
        out.append(spans)
    return out


def recognise(text: str) -> list[Span]:
    return recognise_many([text])[0]
