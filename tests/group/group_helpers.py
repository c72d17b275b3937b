"""Builders shared by the grouping tests: seed and ViMs fixture articles, simple entities."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import regex

from sukien.model import Article, Entity
from sukien.text import match_key, normalize

FIXTURES = Path(__file__).with_name("fixtures")
_NAME = regex.compile(r"\p{Lu}[\p{L}]*(?:[ -]\p{Lu}[\p{L}]*)*")
_DATELINE = regex.compile(r"^(Thứ|Chủ Nhật).*\d{1,2}/\d{1,2}/\d{4}")


def simple_entities(text: str) -> list[Entity]:
    """Capitalised runs as entities, id = match key: crude, but deterministic across articles."""
    found = {}
    for name in _NAME.findall(text):
        if len(name) > 2:
            found.setdefault(match_key(name), name)
    return [Entity(id="ent:" + key, name=name, type="MISC") for key, name in found.items()]


def seed_article(name: str, published: datetime | None, with_entities: bool = True) -> Article:
    """A seed file as a clean article: dateline dropped, follow-us prompt and related block cut."""
    lines = [ln.strip() for ln in normalize((FIXTURES / name).read_text(encoding="utf-8")).split("\n")]
    lines = [ln for ln in lines if ln and not _DATELINE.match(ln)]
    body = []
    for ln in lines[1:]:
        if ln.startswith("Mời quý độc giả") or ln == "Tin liên quan":
            break
        body.append(ln)
    article = Article(id=name.split("_")[0], title=lines[0], body=body, published=published)
    if with_entities:
        article.entities = simple_entities(article.title + "\n" + article.text)
    return article


def seed_articles() -> list[Article]:
    return [
        seed_article("000_7547b9468bdb06db.txt", datetime(2023, 1, 12, tzinfo=timezone.utc)),
        seed_article("003_26d975ab3c8963bb.txt", datetime(2024, 4, 11, tzinfo=timezone.utc)),
    ]


def vims_articles(with_entities: bool = False) -> tuple[list[Article], dict[str, str]]:
    """The ViMs fixture clusters as articles (no dates: ViMs has none) and gold cluster per id."""
    articles, gold = [], {}
    for cdir in sorted((FIXTURES / "vims").glob("Cluster_*")):
        for f in sorted(cdir.glob("*.txt")):
            lines = [ln.strip() for ln in normalize(f.read_bytes().decode("utf-8", "replace")).split("\n")]
            lines = [ln for ln in lines if ln]
            aid = f"{cdir.name}/{f.stem}"
            article = Article(id=aid, title=lines[0], body=lines[1:])
            if with_entities:
                article.entities = simple_entities(article.title + "\n" + article.text)
            articles.append(article)
            gold[aid] = cdir.name
    return articles, gold


def bcubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    from collections import Counter

    pred_size, gold_size = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[a], gold[a]) for a in gold)
    p = sum(both[(pred[a], gold[a])] / pred_size[pred[a]] for a in gold) / len(gold)
    r = sum(both[(pred[a], gold[a])] / gold_size[gold[a]] for a in gold) / len(gold)
    return 2 * p * r / (p + r)
