"""Read-only queries behind the web pages and the JSON API.

Every function takes an open `Store` (normally opened with `readonly=True`), builds SQL from
constant text and binds request values as parameters only, and returns plain JSON-ready dicts.

Search is accent- and tone-mark-insensitive: the FTS5 table `articles_fts` holds folded copies
(`sukien.text.search_key`) of title, lead and body, one character per character of the displayed
text, so a hit found in a folded column is at the same offsets in the original text. Snippets and
highlights are computed on the folded text and cut from the original.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import asdict
from datetime import date, timedelta
from functools import lru_cache

import regex

from sukien.export.records import article_record
from sukien.store.db import Store
from sukien.text import search_key
from sukien.text.sentences import split_spans

MAX_PAGE_SIZE = 100
MAX_QUERY_LENGTH = 200
MAX_QUERY_TOKENS = 12
SNIPPET_CHARS = 240

_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")


# -- small helpers ----------------------------------------------------------------------------
def _placeholders(items) -> str:
    return ",".join("?" * len(items))


def _page_bounds(page: int, per_page: int) -> tuple[int, int]:
    """(limit, offset) with the page size clamped to 1..MAX_PAGE_SIZE and pages from 1."""
    per_page = max(1, min(int(per_page), MAX_PAGE_SIZE))
    page = max(1, int(page))
    return per_page, (page - 1) * per_page


def _day(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO timestamp or TIMEX3 date value, when it has one."""
    if value and regex.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return None


def query_tokens(query: str, unique: bool = True) -> list[str]:
    """Folded search tokens of a user query: lower case, no diacritics, letters and digits only."""
    tokens = _TOKEN.findall(search_key(query[:MAX_QUERY_LENGTH]))[:MAX_QUERY_TOKENS]
    return list(dict.fromkeys(tokens)) if unique else tokens


def fts_queries(tokens: list[str], sequence: list[str] | None = None) -> list[str]:
    """FTS5 MATCH expressions, one per ranking tier: the words as a phrase, then all words apart.

    `tokens` are the distinct words, `sequence` the words as typed (repeats kept) for the phrase.
    Tokens hold only letters and digits and each is quoted, so no FTS5 syntax from the request
    reaches the query. A single word has one tier.
    """
    if not tokens:
        return []
    sequence = sequence or tokens
    quoted = [f'"{t}"' for t in tokens]
    if len(sequence) == 1:
        return quoted
    phrase = f'"{" ".join(sequence)}"'
    return [phrase, f"({' AND '.join(quoted)}) NOT {phrase}"]


def _count(store: Store, match: str) -> int:
    return store.conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchone()[0]


def _ranked_page(store: Store, tiers: list[str], limit: int, offset: int) -> tuple[int, list[tuple[int, float, int]]]:
    """(total, [(rowid, bm25, tier)]) for one page: tier by tier, BM25 (title weighted) within a tier.

    Counting is cheap, but BM25 must score every match of a tier (FTS5 has no top-k), so a tier
    is only ranked when the page reaches into it: page 1 of "cong an tinh" ranks the few
    thousand phrase matches, not every article holding the three syllables somewhere.
    """
    total, page = 0, []
    for number, match in enumerate(tiers):
        size = _count(store, match)
        start = offset - total  # where the page starts inside this tier
        if size and start < size and len(page) < limit:
            rows = store.conn.execute(
                """SELECT rowid, bm25(articles_fts, 5.0, 2.0, 1.0) AS rank FROM articles_fts
                   WHERE articles_fts MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?""",
                (match, limit - len(page), max(0, start))).fetchall()
            page += [(r[0], r[1], number) for r in rows]
        total += size
    return total, page


# -- highlighting -----------------------------------------------------------------------------
def _folded(original: str, folded: str | None) -> str:
    """A folded copy of `original` with exactly one character per character."""
    if folded is not None and len(folded) == len(original):
        return folded
    key = search_key(original)
    if len(key) == len(original):
        return key
    return "".join((search_key(c) or c)[:1] for c in original)


@lru_cache(maxsize=256)
def _token_pattern(tokens: tuple[str, ...]) -> re.Pattern:
    # the standard library's `re` is the faster engine here; folded text is letters without marks
    alternatives = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def find_hits(original: str, tokens: list[str], folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of a token, accent-insensitively."""
    if not tokens or not original:
        return []
    key = _folded(original, folded)
    return [m.span() for m in _token_pattern(tuple(tokens)).finditer(key)]


def segments(text: str, hits: list[tuple[int, int]], start: int = 0, end: int | None = None) -> list[dict]:
    """Split text[start:end] into [{'text', 'hit'}] pieces; templates escape each piece."""
    end = len(text) if end is None else end
    pieces, cursor = [], start
    for s, e in hits:
        s, e = max(s, start), min(e, end)
        if e <= s or s < cursor:
            continue
        if s > cursor:
            pieces.append({"text": text[cursor:s], "hit": False})
        pieces.append({"text": text[s:e], "hit": True})
        cursor = e
    if cursor < end:
        pieces.append({"text": text[cursor:end], "hit": False})
    return pieces


def _snippet_window(text: str, hits: list[tuple[int, int]], tokens_of_hits: list[str], width: int) -> tuple[int, int]:
    """The window of about `width` characters covering the most distinct tokens (then most hits)."""
    if not hits:
        return 0, min(len(text), width)
    best, best_score = 0, (-1, -1)
    in_window: Counter[str] = Counter()
    j = 0
    for i, (s, _) in enumerate(hits):  # a sliding window over the hits, [i, j)
        while j < len(hits) and hits[j][1] <= s + width:
            in_window[tokens_of_hits[j]] += 1
            j += 1
        score = (len(in_window), j - i)
        if score > best_score:
            best, best_score = i, score
        if j > i:
            token = tokens_of_hits[i]
            in_window[token] -= 1
            if not in_window[token]:
                del in_window[token]
        else:
            j = i + 1
    first_hit = hits[best][0]
    start = max(0, first_hit - width // 4)
    return start, min(len(text), start + width)


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Move the window edges back to word boundaries so no syllable is cut in half."""
    while 0 < start < len(text) and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end - 1]) and _WORD_CHAR.match(text[end]):
        end += 1
    return start, end


def make_snippet(text: str, tokens: list[str], folded: str | None = None, width: int = SNIPPET_CHARS) -> dict:
    """A short passage around the best cluster of hits: {'text', 'highlights': [[s, e]], 'segments'}."""
    key = _folded(text, folded)
    hits = find_hits(text, tokens, key)
    start, end = _snippet_window(text, hits, [key[s:e] for s, e in hits], width)
    start, end = _snap_to_words(text, start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = text[start:end].replace("\n", " ")
    snippet = prefix + body + suffix
    shift = len(prefix) - start
    highlights = [[s + shift, e + shift] for s, e in hits if s >= start and e <= end]
    return {"text": snippet, "highlights": highlights,
            "segments": segments(snippet, [tuple(h) for h in highlights])}


# -- events -----------------------------------------------------------------------------------
# Dates compare as ISO strings: a timestamp "2024-04-11T08:30+07:00" is >= "2024-04-11" and
# < "2024-04-12". Events without publication times fall back to their own date when it is one.
_EVENT_FILTERS = {
    "date_from": "(e.last_published >= :date_from OR (e.last_published IS NULL AND e.date GLOB '[0-9][0-9][0-9][0-9]-*'"
                 " AND substr(e.date, 1, 10) >= :date_from))",
    "date_to": "(e.first_published < :day_after_to OR (e.first_published IS NULL AND e.date GLOB '[0-9][0-9][0-9][0-9]-*'"
               " AND substr(e.date, 1, 10) < :day_after_to))",
    "outlet": "EXISTS (SELECT 1 FROM articles fa WHERE fa.event_id = e.id AND fa.outlet = :outlet)",
    "entity_id": "EXISTS (SELECT 1 FROM event_entities fe WHERE fe.event_id = e.id AND fe.entity_id = :entity_id)",
}


def list_events(store: Store, *, date_from: date | None = None, date_to: date | None = None,
                outlet: str | None = None, entity_id: str | None = None, page: int = 1,
                per_page: int = 20) -> dict:
    """Events newest first (by last publication), filtered; with outlets, span and top entities."""
    params = {"date_from": date_from.isoformat() if date_from else None,
              "date_to": (date_to + timedelta(days=1)).isoformat() if date_to else None,
              "outlet": outlet or None, "entity_id": entity_id or None}
    where = [sql for name, sql in _EVENT_FILTERS.items() if params[name] is not None]
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    bound = {k: v for k, v in params.items() if v is not None}
    if "date_to" in bound:
        bound["day_after_to"] = bound.pop("date_to")
    total = store.conn.execute(f"SELECT COUNT(*) FROM events e {clause}", bound).fetchone()[0]
    limit, offset = _page_bounds(page, per_page)
    rows = store.conn.execute(
        f"""SELECT e.* FROM events e {clause}
            ORDER BY e.last_published DESC, e.article_count DESC, e.id LIMIT :limit OFFSET :offset""",
        {**bound, "limit": limit, "offset": offset},
    ).fetchall()
    return {"total": total, "page": offset // limit + 1, "per_page": limit,
            "events": event_cards(store, rows)}


def event_cards(store: Store, rows) -> list[dict]:
    """Event rows with their outlets, top entities and the first summary sentence, batched."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    outlets: dict[str, list[str]] = defaultdict(list)
    for r in store.conn.execute(
        f"""SELECT event_id, outlet, COUNT(*) AS n FROM articles WHERE event_id IN ({_placeholders(ids)})
            AND outlet IS NOT NULL AND outlet != '' GROUP BY event_id, outlet ORDER BY n DESC, outlet""", ids):
        outlets[r["event_id"]].append(r["outlet"])
    entities: dict[str, list[dict]] = defaultdict(list)
    for r in store.conn.execute(
        f"""SELECT ee.event_id, ee.mentions, en.id, en.name, en.type FROM event_entities ee
            JOIN entities en ON en.id = ee.entity_id WHERE ee.event_id IN ({_placeholders(ids)})
            ORDER BY ee.event_id, ee.mentions DESC, en.name""", ids):
        if len(entities[r["event_id"]]) < 5:
            entities[r["event_id"]].append({"id": r["id"], "name": r["name"], "type": r["type"], "mentions": r["mentions"]})
    leads = {r["event_id"]: r["text"] for r in store.conn.execute(
        f"SELECT event_id, text FROM summary_sentences WHERE position = 0 AND event_id IN ({_placeholders(ids)})", ids)}
    return [{
        "id": r["id"], "title": r["title"], "date": r["date"],
        "first_published": r["first_published"], "last_published": r["last_published"],
        "article_count": r["article_count"], "storyline_id": r["storyline_id"],
        "outlets": outlets.get(r["id"], []), "top_entities": entities.get(r["id"], []),
        "summary_lead": leads.get(r["id"], ""),
    } for r in rows]


def outlets(store: Store, limit: int = 200) -> list[dict]:
    """Outlets with their article counts, for the filter form."""
    rows = store.conn.execute(
        "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL AND outlet != '' "
        "GROUP BY outlet ORDER BY n DESC, outlet LIMIT ?", (limit,))
    return [{"outlet": r["outlet"], "articles": r["n"]} for r in rows]


def _entities_by_id(store: Store, ids: list[str]) -> dict[str, dict]:
    found = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        for r in store.conn.execute(f"SELECT * FROM entities WHERE id IN ({_placeholders(chunk)})", chunk):
            found[r["id"]] = {"id": r["id"], "name": r["name"], "type": r["type"], "aliases": json.loads(r["aliases"])}
    return found


def get_event(store: Store, event_id: str) -> dict | None:
    """An event with its summary (sentences and their sources), timeline, entities and articles."""
    event = store.get_event(event_id)
    if event is None:
        return None
    articles = [{
        "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "duplicate_of": a.duplicate_of, "has_raw": bool(a.raw),
    } for a in store.articles_for_event(event_id, with_mentions=False)]
    number = {a["id"]: i + 1 for i, a in enumerate(articles)}
    counts = {r["entity_id"]: r["mentions"] for r in store.conn.execute(
        "SELECT entity_id, mentions FROM event_entities WHERE event_id = ?", (event_id,))}
    by_id = _entities_by_id(store, event.entity_ids)
    entities = [{**by_id[i], "mentions": counts.get(i, 0)} for i in event.entity_ids if i in by_id]
    storyline = None
    if event.storyline_id:
        row = store.conn.execute("SELECT id, title FROM storylines WHERE id = ?", (event.storyline_id,)).fetchone()
        storyline = {"id": row["id"], "title": row["title"]} if row else None
    outlets_seen = list(dict.fromkeys(a["outlet"] for a in articles if a["outlet"]))
    return {
        "event_id": event.id, "id": event.id, "title": event.title, "date": event.date,
        "first_published": event.first_published.isoformat() if event.first_published else None,
        "last_published": event.last_published.isoformat() if event.last_published else None,
        "storyline_id": event.storyline_id, "storyline": storyline,
        "article_ids": event.article_ids, "article_count": len(event.article_ids), "outlets": outlets_seen,
        "summary": event.summary_text,
        "summary_sentences": [{**asdict(s), "source_number": number.get(s.article_id)} for s in event.summary],
        "timeline": [{**asdict(t), "source_number": number.get(t.article_id)} for t in event.timeline],
        "entities": entities, "articles": articles,
    }


# -- articles ---------------------------------------------------------------------------------
def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept, end = [], -1
    for s, e in sorted(set(spans)):
        if s >= end and e > s:
            kept.append((s, e))
            end = e
    return kept


def article_layout(text: str, cited: list[tuple[int, int]], mentions: list[dict],
                   hits: list[tuple[int, int]] = ()) -> list[list[dict]]:
    """Paragraphs -> sentence pieces -> inline pieces, for the article page.

    Every sentence becomes a piece with the anchor `s-<start>`; spans cited by a summary or a
    timeline come first (so `#s-<start>` from an event page lands on exactly that span) and the
    sentences of `split_spans` fill the rest. Inside a piece, entity mentions become links and
    search hits marks. All text stays plain; the template escapes it.
    """
    n = len(text)
    cited = [(max(0, s), min(n, e)) for s, e in cited if 0 <= s < e <= n + 1]
    spans = _non_overlapping(cited)
    taken = spans[:]
    for s, e in split_spans(text):
        if all(e <= cs or s >= ce for cs, ce in taken):
            spans.append((s, e))
    spans = _non_overlapping(spans)
    cited_set = set(cited)
    inline = sorted([(m["start"], m["end"], "entity", m.get("entity_id")) for m in mentions
                     if m.get("entity_id") and 0 <= m["start"] < m["end"] <= n]
                    + [(s, e, "hit", None) for s, e in hits], key=lambda x: (x[0], -x[1]))

    paragraphs, p_start = [], 0
    for paragraph in text.split("\n"):
        p_end = p_start + len(paragraph)
        pieces, cursor = [], p_start
        for s, e in spans + [(p_end, p_end)]:
            s_clip, e_clip = min(max(s, p_start), p_end), min(e, p_end)
            if s_clip > cursor:  # text between sentences (spaces, a stray fragment)
                pieces.append({"anchor": None, "cited": False, "parts": _inline(text, cursor, s_clip, inline)})
            if e_clip > s_clip:
                anchor = f"s-{s}" if s >= p_start else None
                pieces.append({"anchor": anchor, "cited": (s, e) in cited_set,
                               "parts": _inline(text, s_clip, e_clip, inline)})
                cursor = e_clip
            cursor = max(cursor, s_clip)
        paragraphs.append(pieces)
        p_start = p_end + 1
    return [p for p in paragraphs if p]


def _inline(text: str, start: int, end: int, inline: list[tuple]) -> list[dict]:
    """Pieces of text[start:end]: plain, entity links and search marks that fit inside."""
    parts, cursor = [], start
    for s, e, kind, entity_id in inline:
        if s < cursor or e > end or s < start:
            continue
        if s > cursor:
            parts.append({"text": text[cursor:s]})
        parts.append({"text": text[s:e], kind: entity_id or True})
        cursor = e
    if cursor < end:
        parts.append({"text": text[cursor:end]})
    return parts


def get_article(store: Store, article_id: str, with_raw: bool = False) -> dict | None:
    """An article record (see export.records) with its event, and the spans other pages cite."""
    article = store.get_article(article_id)
    if article is None:
        return None
    record = article_record(article, with_raw=with_raw)
    record["has_raw"] = bool(article.raw)
    record["text"] = article.text
    record["entities"] = [asdict(e) for e in article.entities]
    event = None
    if article.event_id:
        row = store.conn.execute("SELECT id, title FROM events WHERE id = ?", (article.event_id,)).fetchone()
        event = {"id": row["id"], "title": row["title"]} if row else None
    record["event"] = event
    cited = store.conn.execute(
        "SELECT start, end FROM summary_sentences WHERE article_id = ? "
        "UNION SELECT start, end FROM timeline_entries WHERE article_id = ?", (article_id, article_id)).fetchall()
    record["cited_spans"] = sorted([r["start"], r["end"]] for r in cited)
    return record


def get_raw(store: Store, article_id: str) -> str | None:
    row = store.conn.execute("SELECT raw FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row["raw"] if row else None


# -- entities ---------------------------------------------------------------------------------
def get_entity(store: Store, entity_id: str, page: int = 1, per_page: int = 20) -> dict | None:
    """An entity: aliases, its events (paged, newest first) and its mentions counted per day."""
    row = store.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    total = store.conn.execute("SELECT COUNT(*) FROM event_entities WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    limit, offset = _page_bounds(page, per_page)
    events = store.conn.execute(
        """SELECT e.*, ee.mentions AS entity_mentions FROM event_entities ee JOIN events e ON e.id = ee.event_id
           WHERE ee.entity_id = ? ORDER BY e.last_published DESC, e.article_count DESC, e.id LIMIT ? OFFSET ?""",
        (entity_id, limit, offset)).fetchall()
    cards = event_cards(store, events)
    for card, r in zip(cards, events):
        card["entity_mentions"] = r["entity_mentions"]
    per_day = Counter()
    undated = 0
    for r in store.conn.execute(
        """SELECT substr(a.published, 1, 10) AS day, COUNT(*) AS n FROM entity_mentions m
           JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? GROUP BY day""", (entity_id,)):
        if _day(r["day"]):
            per_day[r["day"]] += r["n"]
        else:
            undated += r["n"]
    mentions_total = sum(per_day.values()) + undated
    return {
        "id": row["id"], "name": row["name"], "type": row["type"], "aliases": json.loads(row["aliases"]),
        "mentions": mentions_total, "undated_mentions": undated,
        "mentions_over_time": [{"date": d, "mentions": n} for d, n in sorted(per_day.items())],
        "events_total": total, "page": offset // limit + 1, "per_page": limit, "events": cards,
    }


# -- storylines -------------------------------------------------------------------------------
def get_storyline(store: Store, storyline_id: str) -> dict | None:
    """A storyline with its events in date order and its timeline."""
    storyline = store.get_storyline(storyline_id)
    if storyline is None:
        return None
    rows = store.conn.execute(
        f"SELECT * FROM events WHERE id IN ({_placeholders(storyline.event_ids)})", storyline.event_ids).fetchall() \
        if storyline.event_ids else []
    order = {e: i for i, e in enumerate(storyline.event_ids)}
    cards = sorted(event_cards(store, rows), key=lambda c: order[c["id"]])
    return {
        "storyline_id": storyline.id, "id": storyline.id, "title": storyline.title,
        "event_ids": storyline.event_ids, "events": cards,
        "timeline": [asdict(t) for t in storyline.timeline],
    }


# -- search -----------------------------------------------------------------------------------
def search(store: Store, query: str, page: int = 1, per_page: int = 20) -> dict:
    """Ranked full-text search with highlighted title and snippet.

    Articles holding the query's words as a phrase come first, then those holding them all
    apart; BM25 with the title weighted 5x (lead 2x) orders each group.
    """
    tokens = query_tokens(query)
    limit, offset = _page_bounds(page, per_page)
    result = {"query": query, "tokens": tokens, "total": 0, "page": offset // limit + 1, "per_page": limit,
              "results": []}
    tiers = fts_queries(tokens, query_tokens(query, unique=False))
    if not tiers:
        return result
    result["total"], ranked = _ranked_page(store, tiers, limit, offset)
    rank_of = {rowid: (tier, rank) for rowid, rank, tier in ranked}
    rowids = list(rank_of)
    rows = store.conn.execute(
        f"""SELECT a.rowid AS rowid, a.id, a.title, a.lead, a.body, a.event_id, a.outlet, a.published,
                   f.title AS f_title, f.lead AS f_lead, f.body AS f_body
            FROM articles a JOIN articles_fts f ON f.rowid = a.rowid WHERE a.rowid IN ({_placeholders(rowids)})""",
        rowids).fetchall() if rowids else []
    rows.sort(key=lambda r: (rank_of[r["rowid"]], r["rowid"]))
    event_titles = {}
    event_ids = sorted({r["event_id"] for r in rows if r["event_id"]})
    if event_ids:
        event_titles = {r["id"]: r["title"] for r in store.conn.execute(
            f"SELECT id, title FROM events WHERE id IN ({_placeholders(event_ids)})", event_ids)}
    for r in rows:
        text = r["lead"] + ("\n" if r["lead"] and r["body"] else "") + r["body"]
        folded = r["f_lead"] + ("\n" if r["f_lead"] and r["f_body"] else "") + r["f_body"]
        snippet = make_snippet(text, tokens, folded)
        title_hits = find_hits(r["title"], tokens, r["f_title"])
        result["results"].append({
            "id": r["id"], "title": r["title"], "event_id": r["event_id"],
            "event_title": event_titles.get(r["event_id"]), "outlet": r["outlet"], "published": r["published"],
            "score": round(-rank_of[r["rowid"]][1], 4), "exact_phrase": rank_of[r["rowid"]][0] == 0 and len(tiers) > 1,
            "snippet": snippet["text"], "snippet_highlights": snippet["highlights"],
            "title_highlights": [list(h) for h in title_hits],
            "snippet_segments": snippet["segments"], "title_segments": segments(r["title"], title_hits),
        })
    return result
