"""Mentions of people, organisations and places in raw text: tokens -> tagger -> clean-up.

`recognise_many(texts)` tags every sentence of every text in one batch and returns character
spans. After tagging, two deterministic repairs keep neighbours apart:
- a title before a name is not part of the name ("Ông Biden" -> "Biden");
- a country or place written between a title and a name is its own place
  ("Tổng thống Mỹ Donald Trump" -> LOC "Mỹ" + PER "Donald Trump").
"""

from __future__ import annotations

from typing import NamedTuple

from sukien.entities.aliases import GENERATIONS, VIETNAMESE_SURNAMES
from sukien.entities.gazetteer import Known, match_spans
from sukien.entities.gazetteer import load as load_gazetteer
from sukien.entities.silver import PERSONAL, PORTFOLIOS, TITLES
from sukien.entities.tagger import SENTENCE_OPENERS, default_tagger, spans_from_labels
from sukien.entities.tokens import Token, is_capitalised, shape, tokenize
from sukien.text import match_key
from sukien.text.sentences import split_spans


class Span(NamedTuple):
    start: int
    end: int
    type: str
    text: str


def _sentence_tokens(text: str) -> list[list[Token]]:
    out = []
    for start, end in split_spans(text):
        tokens = [Token(t.text, t.start + start, t.end + start) for t in tokenize(text[start:end])]
        if tokens:
            out.append(tokens)
    return out


def _known_parts(texts: list[str]):
    """Gazetteer matches (start, end, label) inside a token span."""
    keys = [match_key(t) for t in texts]
    return list(match_spans(keys, texts, [is_capitalised(t) for t in texts]))


def _repair(tokens: list[Token], start: int, end: int, type_: str) -> list[tuple[int, int, str]]:
    """Split a tagged span at title and country boundaries; drop leading titles from names."""
    texts = [t.text for t in tokens[start:end]]
    parts = _known_parts(texts)
    out = []
    i = 0
    titled = _title_before(tokens, start)
    # leading person titles ("Ông", "Thủ tướng"), portfolios ("Quốc phòng") and a place after a title
    while i < len(texts):
        n = _portfolio_length(texts, i) if titled else 0
        if n and all(is_capitalised(t) for t in texts[i + n:]) and i + n < len(texts):
            i += n
            type_ = "PER"
            parts = [p for p in parts if p[0] >= i]
            continue
        if not parts or parts[0][0] != i:
            break
        s, e, label = parts.pop(0)
        rest_is_name = e < len(texts) and all(is_capitalised(t) for t in texts[e:])
        if label == "person" and rest_is_name:
            i = e
            type_ = "PER"
            titled = True
        elif isinstance(label, Known) and label.type == "LOC" and label.kind in ("country", "place") \
                and rest_is_name and (type_ == "PER" or titled) and e < len(texts):
            out.append((start + s, start + e, "LOC"))
            i = e
            type_ = "PER"
        else:
            break
    if i < len(texts):
        out.append((start + i, end, type_))
    return out


def _portfolio_length(texts: list[str], i: int) -> int:
    """Tokens of a minister's portfolio at i ("Quốc phòng" in "Bộ trưởng Quốc phòng X")."""
    keys = [match_key(t) for t in texts[i:i + 4]]
    for n in range(len(keys), 0, -1):
        if " ".join(keys[:n]) in PORTFOLIOS:
            return n
    return 0


def _title_before(tokens: list[Token], start: int) -> bool:
    """A person title ends right before token `start` ("Tổng thống | Mỹ ...")."""
    window = [t.text for t in tokens[max(0, start - 4):start]]
    for s, e, label in _known_parts(window):
        if e == len(window) and label == "person":
            return True
    return False


def _title_length(keys: list[str], i: int) -> int:
    """Tokens of a person title ending right before token i ("ông", "Bộ trưởng")."""
    for n in (3, 2, 1):
        if i - n >= 0 and " ".join(keys[i - n:i]) in TITLES:
            return n
    return 0


def titled_people(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token spans of capitalised names right after a person title: "ông Trường", "MC Lauren Sanchez".

    A title inside a name ("Hai Bà Trưng") or a known place that starts with a title word
    ("Bà Rịa") is no title. After an official's title a portfolio and a place are skipped
    ("Bộ trưởng Quốc phòng Mỹ Lloyd Austin" -> "Lloyd Austin").
    """
    texts = [t.text for t in tokens]
    keys = [match_key(t) for t in texts]
    shapes = [shape(t) for t in texts]
    out = []
    i = 1
    while i < len(tokens):
        n = _title_length(keys, i)
        if not n or shapes[i] != "C" or (i - n > 0 and shapes[i - n - 1] == "C" and texts[i - n - 1] not in "\"“(:"):
            i += 1
            continue
        title = " ".join(keys[i - n:i])
        start = i
        if title not in PERSONAL:
            start += _portfolio_length(texts, start)
        parts = _known_parts(texts[start:start + 6])
        known_at_start = parts and parts[0][0] == 0 and isinstance(parts[0][2], Known)
        if known_at_start and title not in PERSONAL and parts[0][2].type == "LOC":
            start += parts[0][1]
        elif known_at_start:
            i += 1
            continue
        end = start
        while end < len(tokens) and shapes[end] == "C" and end - start < 5:
            end += 1
        if end > start:
            out.append((start, end))
        i = max(end, i + 1)
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


def _covered(spans, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b, _ in spans)


def _document_people(sents: list[list[Token]], spans: list[list[tuple[int, int, str]]]):
    """Persons the tagger missed, found with the whole document in view.

    - a name after a title that the tagger typed as a place or organisation is a person
      ("MC Lauren Sanchez"), unless it is an organisation's or place's name ("Giám đốc Sở Y tế");
    - a full name after a title is a person ("ông Lê Nhật Trường"), and so is a short form of a
      person named in full elsewhere in the document: after a title anywhere ("ông Trường"),
      or standing alone inside a sentence ("... của Thắng"). PhoNER tags only patients as
      NAME, so its officials and doctors count against these on its dev split.
    """
    gaz = load_gazetteer()
    keys = [[match_key(t.text) for t in tokens] for tokens in sents]
    people = [keys[k][a:b] for k, sp in enumerate(spans) for a, b, t in sp if t == "PER"]
    forms = _short_forms(people)
    out = []
    for k, tokens in enumerate(sents):
        sp = list(spans[k])
        for s, e in titled_people(tokens):
            head = gaz.triggers.get(keys[k][s]) or gaz.triggers.get(" ".join(keys[k][s:s + 2]))
            if head or " ".join(keys[k][s:e]) in gaz.names:
                continue  # "Giám đốc Sở ...", "con gái Chủ tịch", a known place
            overlapping = [x for x in sp if x[0] < e and s < x[1]]
            if overlapping:
                if any(x[2] != "PER" and (x[0] < s or x[1] > e) for x in overlapping):
                    continue  # the tagger saw a longer organisation or place: keep it
                sp = [x for x in sp if x not in overlapping] + [(s, e, "PER")]
            elif e - s >= 2 or tuple(keys[k][s:e]) in forms:
                sp.append((s, e, "PER"))
        if forms:
            i = 1
            while i < len(tokens):
                if shape(tokens[i].text) == "C" and tokens[i - 1].text not in SENTENCE_OPENERS \
                        and shape(tokens[i - 1].text) != "C":
                    e = i
                    while e < len(tokens) and shape(tokens[e].text) == "C":
                        e += 1
                    if tuple(keys[k][i:e]) in forms and not _covered(sp, i, e):
                        sp.append((i, e, "PER"))
                    i = e
                else:
                    i += 1
        out.append(sorted(sp))
    return out


def recognise_many(texts: list[str]) -> list[list[Span]]:
    """PER/LOC/ORG character spans of each text (offsets into that text)."""
    per_text = [_sentence_tokens(t or "") for t in texts]
    flat = [[tok.text for tok in sent] for sents in per_text for sent in sents]
    labels = default_tagger().tag_many(flat) if flat else []
    out: list[list[Span]] = []
    k = 0
    for text, sents in zip(texts, per_text):
        tagged = []
        for tokens in sents:
            tagged.append([r for start, end, type_ in spans_from_labels(labels[k])
                           for r in _repair(tokens, start, end, type_)])
            k += 1
        spans = []
        for tokens, sentence_spans in zip(sents, _document_people(sents, tagged)):
            for s, e, t in sentence_spans:
                a, b = tokens[s].start, tokens[e - 1].end
                spans.append(Span(a, b, t, text[a:b]))
        out.append(spans)
    return out


def recognise(text: str) -> list[Span]:
    return recognise_many([text])[0]
