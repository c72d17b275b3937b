"""Alias resolution: mentions -> canonical entities with deterministic ids.

A mention's canonical key comes from its text alone, so the same entity gets the same id in
every article and every run (`entity_id = sha1("TYPE:key")[:12]`):
- known names (gazetteer) map to their canonical form: "Hoa Kỳ", "US", "Hợp chúng quốc Hoa Kỳ"
  -> "Mỹ"; "TP.HCM", "TP Hồ Chí Minh" -> "Thành phố Hồ Chí Minh"; "LHQ" -> "Liên Hợp Quốc".
  "Washington" (the city) and "Mỹ" (the country) are different entries, so they stay apart;
- a person's key is the sorted set of their name's syllables, titles stripped, so "Kishida
  Fumio" = "Fumio Kishida" and "Thủ tướng Kishida" = "Kishida";
- other places and organisations: their text without the administrative word ("tỉnh Quảng
  Nam" = "Quảng Nam"), lower-cased with one tone-mark style.

Then, within a scope (an article, an event, a whole store), two rules merge keys:
- short forms: a person whose syllables are a proper subset of exactly one longer person's
  ("Blinken" within "Antony Blinken") joins that person; when two longer names contain it
  ("Nguyễn" in two people) it stays alone;
- acronyms: an upper-case acronym equal to the syllable initials of exactly one longer
  organisation or place ("HĐND" for "Hội đồng nhân dân") joins it.
The merged group keeps the id of its longest member, so an entity seen only as "Kishida" in
one article takes the id of "Fumio Kishida" once both are in the same scope
(`merge_entities` / `resolve_event_entities`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from sukien.entities.gazetteer import load as load_gazetteer
from sukien.entities.tokens import tokenize
from sukien.model import Entity
from sukien.text import fold_accents, match_key, normalize

GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
# Common Vietnamese family names. A Vietnamese name is shortened to its given name, the end
# ("Nguyễn Văn Thắng" -> "Thắng"), never to its family name: "ông Hoàng" is not "Hoàng Thị Lý".
VIETNAMESE_SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ",
    "ngô", "dương", "lý", "lương", "đinh", "trịnh", "đoàn", "lâm", "mai", "trương", "cao", "tô", "hà",
    "lưu", "thái", "tạ", "châu", "đào", "quách", "kiều", "văn", "chu", "đàm", "lò", "triệu", "vương",
    "phùng", "tống", "thân", "tôn", "khúc", "la", "lại", "từ", "nông", "hứa", "diệp", "giang", "kim",
    "âu", "bạch", "doãn", "khổng", "lữ", "mạc", "ninh", "quan", "tăng", "trình", "ông", "uông", "viên",
}


@dataclass(frozen=True)
class Canonical:
    type: str
    key: str
    name: str | None  # display name when known (gazetteer), else None

    @cached_property  # written to the instance's __dict__ (frozen or not); `canonical` memoises instances
    def id(self) -> str:
        return entity_id(self.type, self.key)


@lru_cache(maxsize=200_000)
def entity_id(type_: str, key: str) -> str:
    return hashlib.sha1(f"{type_}:{key}".encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=100_000)
def _keys(text: str) -> tuple[str, ...]:
    """Match keys of the words of a written form (memoised: forms repeat across articles)."""
    return tuple(match_key(t.text) for t in tokenize(text) if t.text[0].isalnum())


def _strip_prefix(keys: list[str], kind: str) -> int:
    """How many leading tokens are a trigger phrase of `kind` (person titles, admin words)."""
    triggers = load_gazetteer().triggers
    cut = 0
    for n in range(1, min(len(keys) - 1, 4) + 1):
        if triggers.get(" ".join(keys[:n])) == kind:
            cut = n
    return cut


@lru_cache(maxsize=100_000)
def canonical(text: str, type_: str) -> Canonical:
    """The canonical key of one mention, from its text and tagged type (memoised: pure)."""
    text = normalize(text or "").strip()
    gaz = load_gazetteer()
    tokens = [t.text for t in tokenize(text)]
    keys = [match_key(t) for t in tokens]
    if not keys:
        return Canonical(type_, "", None)
    known = gaz.names.get(" ".join(keys))
    if known and type_ != "PER":
        return Canonical(known.type, match_key(known.canonical), known.canonical)
    if type_ == "PER":
        cut = _strip_prefix(keys, "person")
        words = sorted(k for k in keys[cut:] if k[0].isalnum())
        return Canonical("PER", " ".join(words), None)
    cut = _strip_prefix(keys, "admin")
    rest = keys[cut:]
    if cut and rest:
        known = gaz.names.get(" ".join(rest))
        if known:
            return Canonical(known.type, match_key(known.canonical), known.canonical)
    if cut and rest and not rest[0][0].isdigit():
        keys = rest
    resolved = type_
    if gaz.triggers.get(keys[0]) == "org" or gaz.triggers.get(" ".join(keys[:2])) == "org":
        resolved = "ORG"
    return Canonical(resolved, " ".join(k for k in keys if k != "-"), None)


@dataclass
class Group:
    """Mentions that share one canonical key, with the forms they were written in."""

    type: str
    key: str
    known_name: str | None = None
    forms: Counter = field(default_factory=Counter)
    first_seen: dict = field(default_factory=dict)
    id: str = ""

    def __post_init__(self):
        self.id = self.id or entity_id(self.type, self.key)

    def add(self, form: str, count: int = 1) -> None:
        self.forms[form] += count
        self.first_seen.setdefault(form, len(self.first_seen))

    def display(self) -> str:
        if self.known_name:
            return self.known_name
        if len(self.forms) == 1:  # the common case: one written form
            return next(iter(self.forms))
        return max(self.forms, key=lambda f: (len(_keys(f)), self.forms[f], -self.first_seen[f]))


def _initials(key: str) -> set[str]:
    parts = [p for p in key.split(" ") if p and p[0].isalpha()]
    if len(parts) < 2:
        return set()
    letters = "".join(p[0] for p in parts).upper()
    return {letters, fold_accents(letters)}


def _acronym(group: Group) -> str | None:
    for form in group.forms:
        core = form.replace(".", "").replace("&", "")
        if 2 <= len(core) <= 8 and core.isalpha() and core.isupper():
            return core
    return None


def merge_groups(groups: list[Group]) -> dict[str, str]:
    """Short forms and acronyms joined to their one longer entity: {group id: target id}."""
    target: dict[str, str] = {}
    people = [g for g in groups if g.type == "PER" and g.key]
    token_sets = {g.id: set(g.key.split(" ")) for g in people}
    for g in people:
        mine = token_sets[g.id]
        containing = [h for h in people if h is not g and mine < token_sets[h.id] and _may_shorten(h, g)]
        longest = [h for h in containing if not any(token_sets[h.id] < token_sets[o.id] for o in containing)]
        if len(longest) == 1:
            target[g.id] = longest[0].id
    named = [g for g in groups if g.type in ("ORG", "LOC")]
    for g in named:
        acronym = _acronym(g)
        if not acronym or g.known_name:
            continue
        matches = [h for h in named if h is not g and acronym in _initials(h.key)]
        if len({h.id for h in matches}) == 1:
            target[g.id] = matches[0].id
    return target


def _name_keys(group: Group) -> tuple[str, ...]:
    """The syllables of the group's longest written form, in writing order."""
    return _keys(max(group.forms, key=lambda f: len(_keys(f))))


def _may_shorten(full: Group, short: Group) -> bool:
    """Can `short` stand for `full`? Vietnamese names shorten to their end, others to any part."""
    full_keys, short_keys = _name_keys(full), _name_keys(short)
    if GENERATIONS & set(full_keys) and not GENERATIONS & set(short_keys):
        return False  # "Donald Trump" is not "Donald Trump Jr."
    if full_keys and full_keys[0] in VIETNAMESE_SURNAMES and len(full_keys) >= 3:
        return full_keys[-len(short_keys):] == short_keys
    return True


def _follow(target: dict[str, str], gid: str) -> str:
    seen = set()
    while gid in target and gid not in seen:
        seen.add(gid)
        gid = target[gid]
    return gid


def resolve(groups: list[Group]) -> tuple[list[Entity], dict[str, str]]:
    """Entities of a scope after merging, and the id each group ended under (`groups` unchanged)."""
    target = merge_groups(groups)
    by_id = _one_group_per_id(groups)
    final = {gid: _follow(target, gid) for gid in by_id}
    members: dict[str, list[str]] = {}
    for gid, dest in final.items():
        members.setdefault(dest, []).append(gid)
    entities = []
    for dest, gids in members.items():
        g = by_id[dest] if gids == [dest] else _joined(by_id, dest, gids)
        aliases = sorted(g.forms, key=lambda f: (-g.forms[f], g.first_seen[f]))
        entities.append(Entity(id=dest, name=g.display(), type=g.type, aliases=aliases))
    return entities, final


def _copy(g: Group) -> Group:
    copy = Group(g.type, g.key, g.known_name, id=g.id)
    for form, c in g.forms.items():
        copy.add(form, c)
    return copy


def _one_group_per_id(groups: list[Group]) -> dict[str, Group]:
    """Groups by id, in order; groups sharing an id (same key) become one, a new group."""
    by_id: dict[str, Group] = {}
    joined: set[str] = set()
    for g in groups:
        seen = by_id.get(g.id)
        if seen is None:
            by_id[g.id] = g
            continue
        if g.id not in joined:
            seen = by_id[g.id] = _copy(seen)
            joined.add(g.id)
        for form, c in g.forms.items():
            seen.add(form, c)
        seen.known_name = seen.known_name or g.known_name
    return by_id


def _joined(by_id: dict[str, Group], dest: str, gids: list[str]) -> Group:
    """One group under `dest`'s id holding the forms of all groups `gids`, in order."""
    d = by_id[dest]
    base = Group(d.type, d.key, d.known_name, id=d.id)
    for gid in gids:
        for form, c in by_id[gid].forms.items():
            base.add(form, c)
    return base


def groups_from_entities(entity_lists) -> list[Group]:
    """Groups for already resolved entities (their ids kept), keyed by their display name."""
    groups = []
    for entities in entity_lists:
        for e in entities or []:
            c = canonical(e.name, e.type)
            g = Group(e.type, c.key, c.name if c.type == e.type else None, id=e.id)
            for form in [*e.aliases] or [e.name]:
                g.add(form)
            groups.append(g)
    return groups
