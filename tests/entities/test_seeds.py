"""The two seed articles: each person once, with their aliases; the places as LOC."""

from __future__ import annotations

from pathlib import Path

import pytest

from sukien.entities import EntityStage, find, resolve_event_entities
from sukien.model import Article

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))


def seed_article(path: Path) -> Article:
    lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return Article(id=path.stem, title=lines[0], body=lines[1:])


@pytest.fixture(scope="module")
def event_entities():
    articles = list(EntityStage().run(seed_article(p) for p in SEEDS))
    return resolve_event_entities(articles)[0]


PEOPLE = ["Antony Blinken", "Yoshimasa Hayashi", "Yasukazu Hamada", "Lloyd Austin", "Fumio Kishida",
          "Joe Biden", "Ferdinand Marcos"]


@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_is_one_entity(event_entities, person):
    surname = person.split()[-1]
    matching = [e for e in event_entities if e.type == "PER" and any(surname in a for a in [e.name, *e.aliases])]
    assert len(matching) == 1, [(e.name, e.aliases) for e in matching]
    assert person in [matching[0].name, *matching[0].aliases]


def test_kishida_and_biden_aliases(event_entities):
    kishida = next(e for e in event_entities if "Kishida" in e.name)
    assert {"Fumio Kishida", "Kishida Fumio", "Kishida"} <= set(kishida.aliases)
    biden = next(e for e in event_entities if "Biden" in e.name)
    assert {"Joe Biden", "Biden"} <= set(biden.aliases)


@pytest.mark.parametrize("place", ["Mỹ", "Nhật Bản", "Washington", "Philippines", "Australia"])
def test_places(event_entities, place):
    matching = [e for e in event_entities if e.name == place]
    assert len(matching) == 1 and matching[0].type == "LOC"


def test_washington_is_not_the_country(event_entities):
    names = {e.name: e.id for e in event_entities}
    assert names["Washington"] != names["Mỹ"]


def test_seed_003_alone_gives_kishida_with_all_forms():
    _, entities = find((FIXTURES / "003_26d975ab3c8963bb.txt").read_text(encoding="utf-8"))
    kishida = [e for e in entities if e.type == "PER" and "Kishida" in e.name]
    assert len(kishida) == 1
    assert {"Kishida Fumio", "Fumio Kishida", "Kishida"} <= set(kishida[0].aliases)
