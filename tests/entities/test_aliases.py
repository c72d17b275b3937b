"""Alias resolution: canonical keys, short forms, name order, abbreviations, deterministic ids."""

from __future__ import annotations

import re

from sukien.entities import find, merge_entities, resolve_event_entities, EntityStage
from sukien.entities.aliases import canonical, entity_id
from sukien.model import Article


def ids_of(text):
    mentions, entities = find(text)
    return {m.text: m.entity_id for m in mentions}, {e.id: e for e in entities}


def test_country_names_share_one_id_and_washington_stays_apart():
    us = canonical("Mỹ", "LOC").id
    assert canonical("Hoa Kỳ", "LOC").id == us
    assert canonical("Hợp chúng quốc Hoa Kỳ", "LOC").id == us
    assert canonical("Hoa Kỳ", "ORG").id == us  # a known name keeps its own type
    assert canonical("Washington", "LOC").id != us
    assert canonical("Nhật", "LOC").id == canonical("Nhật Bản", "LOC").id


def test_abbreviations():
    hcm = canonical("Thành phố Hồ Chí Minh", "LOC").id
    for form in ("TP.HCM", "TP Hồ Chí Minh", "TP. HCM", "thành phố Hồ Chí Minh"):
        assert canonical(form, "LOC").id == hcm, form
    assert canonical("LHQ", "ORG").id == canonical("Liên Hợp Quốc", "ORG").id
    assert canonical("tỉnh Quảng Nam", "LOC").id == canonical("Quảng Nam", "LOC").id


def test_person_keys_ignore_titles_and_order():
    assert canonical("Kishida Fumio", "PER").id == canonical("Fumio Kishida", "PER").id
    assert canonical("Thủ tướng Kishida", "PER").id == canonical("Kishida", "PER").id
    assert canonical("ông Kishida", "PER").id == canonical("Kishida", "PER").id


def test_short_forms_within_an_article():
    mention_ids, entities = ids_of(
        "Ngoại trưởng Mỹ Antony Blinken hôm qua tới Tokyo. Ông Blinken gặp Thủ tướng Kishida Fumio. "
        "Thủ tướng Kishida nói chuyện với ông Blinken về Triều Tiên.")
    assert mention_ids["Blinken"] == mention_ids["Antony Blinken"]
    assert mention_ids["Kishida"] == mention_ids["Kishida Fumio"]
    assert mention_ids["Blinken"] != mention_ids["Kishida"]
    blinken = entities[mention_ids["Blinken"]]
    assert blinken.type == "PER" and blinken.name == "Antony Blinken"
    assert set(blinken.aliases) == {"Antony Blinken", "Blinken"}


def test_vietnamese_names_shorten_to_the_given_name_only():
    mention_ids, _ = ids_of("Ông Lê Thiên Hoàng cho biết. Theo bà Hoàng Thị Lý, phó giám đốc Sở, "
                            "ông Hoàng đã báo cáo.")
    assert mention_ids["Hoàng"] == mention_ids["Lê Thiên Hoàng"]
    assert mention_ids["Hoàng"] != mention_ids["Hoàng Thị Lý"]


def test_ambiguous_short_form_stays_alone():
    mention_ids, _ = ids_of("Bà Hillary Clinton và ông Bill Clinton dự lễ. Ông Clinton phát biểu.")
    assert mention_ids["Hillary Clinton"] != mention_ids["Bill Clinton"]
    assert mention_ids["Clinton"] not in (mention_ids["Hillary Clinton"], mention_ids["Bill Clinton"])


def test_father_and_son_stay_apart():
    mention_ids, _ = ids_of("Ông Donald Trump Jr. là con trai cả của ông Donald Trump. Ông Trump Jr. nói.")
    junior = next(text for text in mention_ids if text.startswith("Donald Trump Jr"))
    assert mention_ids[junior] != mention_ids["Donald Trump"]


def test_ids_are_deterministic_and_shared_across_texts():
    a, _ = ids_of("Tổng thống Mỹ Joe Biden phát biểu tại Washington.")
    b, _ = ids_of("Hôm nay ở Washington, Tổng thống Joe Biden nói về Mỹ.")
    assert a["Joe Biden"] == b["Joe Biden"]
    assert a["Washington"] == b["Washington"]
    assert a["Mỹ"] == b["Mỹ"]
    assert re.fullmatch(r"[0-9a-f]{12}", a["Joe Biden"])
    assert a["Joe Biden"] == entity_id("PER", "biden joe")


def test_merge_across_articles_of_an_event():
    first = Article(id="a1", lead="Thủ tướng Nhật Bản Fumio Kishida tới Washington.")
    second = Article(id="a2", lead="Thủ tướng Kishida nói Nhật Bản sẽ tăng ngân sách quốc phòng.")
    articles = list(EntityStage().run([first, second]))
    full = next(e for e in articles[0].entities if e.type == "PER")
    short = next(e for e in articles[1].entities if e.type == "PER")
    assert full.id != short.id  # each article alone only knows what it saw
    entities, mapping = resolve_event_entities(articles)
    assert mapping[short.id] == full.id
    people = [e for e in entities if e.type == "PER"]
    assert len(people) == 1 and set(people[0].aliases) >= {"Fumio Kishida", "Kishida"}
    japan = [e for e in entities if e.name == "Nhật Bản"]
    assert len(japan) == 1
    assert {e.id for e in merge_entities([a.entities for a in articles])} == {e.id for e in entities}


def test_stage_offsets_index_article_text_and_title_counts():
    article = Article(id="x", title="Hội nghị thượng đỉnh ở Nhà Trắng với Philippines",
                      lead="VOV.VN - Tổng thống Mỹ Joe Biden đón Tổng thống Ferdinand Marcos.",
                      body=["Ông Biden và ông Marcos thảo luận về Biển Đông."])
    [out] = EntityStage().run([article])
    text = out.text
    assert out.mentions
    for m in out.mentions:
        assert text[m.start:m.end] == m.text
    names = {e.name for e in out.entities}
    assert "Philippines" in names  # seen only in the title
    assert not any(m.text == "Philippines" for m in out.mentions)
    by_text = {m.text: m.entity_id for m in out.mentions}
    assert by_text["Biden"] == by_text["Joe Biden"]
    assert by_text["Marcos"] == by_text["Ferdinand Marcos"]


def test_record_for_the_cli_is_json_ready():
    import json

    from sukien.entities import record

    out = record("a1", "Tổng thống Mỹ Joe Biden tiếp Tổng thống Philippines Ferdinand Marcos.")
    again = json.loads(json.dumps(out, ensure_ascii=False))
    assert again["id"] == "a1"
    ids = {e["id"] for e in again["entities"]}
    assert {m["entity_id"] for m in again["mentions"]} <= ids
    assert {"Joe Biden", "Ferdinand Marcos", "Mỹ", "Philippines"} <= {e["name"] for e in again["entities"]}
