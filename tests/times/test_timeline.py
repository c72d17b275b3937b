"""Event dates and timelines on the seed articles, and reference-time resolution."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sukien.model import Article, Event, Sentence, Storyline
from sukien.times import TimesStage, find
from sukien.times.anchor import reference_time
from sukien.times.timeline import event_timeline, storyline_timeline

from .seeds import seed_000, seed_003

VN = timezone(timedelta(hours=7))


def tagged(article: Article, user_ref=None) -> Article:
    return next(TimesStage().run([article], user_ref=user_ref))


def test_flagged_dateline_is_not_trusted_and_year_stays_unknown():
    article = seed_000()
    ref, source = reference_time(article, [], None)
    assert (ref, source) == (None, "none")
    tagged(article)
    first = article.times[0]
    assert (first.text, first.value) == ("Hôm qua", "XXXX-01-11")
    assert article.text[first.start:first.end] == "Hôm qua"
    date, entries = event_timeline(Event(id="e0", article_ids=["seed-000"]), [article])
    assert date == "XXXX-01-11"
    assert any(e.value == "XXXX-01-11" and e.text.startswith("Hôm qua (11/1)") for e in entries)


def test_user_ref_resolves_the_2_plus_2_meeting():
    article = tagged(seed_000(), user_ref=datetime(2023, 1, 12, tzinfo=VN))
    date, entries = event_timeline(Event(id="e0", article_ids=["seed-000"]), [article])
    assert date == "2023-01-11"
    for entry in entries:
        assert article.text[entry.start:entry.end] == entry.text
    values = {e.value for e in entries}
    assert {"2023-01-11", "2021-10", "2022-01"} <= values  # hôm qua, tháng 10 năm 2021, tháng Giêng năm ngoái
    assert not any(m.text.startswith("2+2") for m in article.times)


def test_siblings_give_the_reference_time():
    sibling = Article(id="other", lead="Hôm nay, hai bộ trưởng đã gặp nhau.",
                      published=datetime(2023, 1, 12, 7, 0, tzinfo=VN))
    article = seed_000(event_id="ev")
    sibling.event_id = "ev"
    ref, source = reference_time(article, [article, sibling], datetime(2030, 1, 1, tzinfo=VN))
    assert source == "siblings" and ref == sibling.published
    stage_output = {a.id: a for a in TimesStage().run([article, sibling])}
    assert stage_output["seed-000"].times[0].value == "2023-01-11"


def test_siblings_far_apart_are_not_used():
    a = Article(id="a", published=datetime(2023, 1, 12, tzinfo=VN))
    b = Article(id="b", published=datetime(2023, 6, 12, tzinfo=VN))
    article = seed_000()
    assert reference_time(article, [a, b], None) == (None, "none")


def test_trusted_published_time_wins():
    article = seed_003()
    assert reference_time(article, [], datetime(2020, 1, 1, tzinfo=VN)) == (article.published, "published")


def test_seed_003_event_date_and_scheduled_address():
    article = tagged(seed_003())
    date, entries = event_timeline(Event(id="e3", article_ids=["seed-003"]), [article])
    assert date == "2024-04-10"
    address = [e for e in entries if e.value == "2024-04-11" and "11/04" in e.text]
    assert address and "lưỡng viện Quốc hội" in address[0].text
    assert [e.value for e in entries] == sorted(e.value for e in entries)


def test_seed_003_future_tense_with_ref_the_day_before():
    mentions = find("Thủ tướng Nhật Bản Kishida Fumio ngày 11/04 sẽ có bài phát biểu trước lưỡng viện Quốc hội Mỹ",
                    datetime(2024, 4, 10, 9, tzinfo=VN))
    assert [(m.text, m.value) for m in mentions] == [("ngày 11/04", "2024-04-11")]


def test_timeline_uses_given_sentences():
    article = tagged(seed_003())
    text = article.text
    cut = text.index(". ") + 1
    article.sentences = [Sentence(text[:cut], article.id, 0, cut), Sentence(text[cut + 1:], article.id, cut + 1, len(text))]
    _, entries = event_timeline(Event(id="e3"), [article])
    assert entries[0].start in (0, cut + 1)


def test_storyline_orders_events_by_date():
    a0 = tagged(seed_000(), user_ref=datetime(2023, 1, 12, tzinfo=VN))
    a3 = tagged(seed_003())
    events = []
    for eid, article in (("e3", a3), ("e0", a0)):
        event = Event(id=eid, article_ids=[article.id], title=article.title)
        event.date, event.timeline = event_timeline(event, [article])
        events.append(event)
    entries = storyline_timeline(Storyline(id="s", event_ids=["e3", "e0"]), events)
    assert [(e.event_id, e.value) for e in entries] == [("e0", "2023-01-11"), ("e3", "2024-04-10")]
    assert "Hôm qua (11/1)" in entries[0].text and "Ngày 10/4" in entries[1].text


def test_event_without_dates():
    article = Article(id="x", lead="Không có mốc thời gian nào ở đây.")
    assert event_timeline(Event(id="e"), [article]) == (None, [])


def test_birth_years_are_not_timeline_entries():
    article = Article(id="b", lead="Chiều 23/5, anh Nguyễn Văn H. (SN 1987) đã nhảy cầu. Anh sinh năm 1995.",
                      published=datetime(2016, 5, 24, 8, tzinfo=VN))
    tagged(article)
    date, entries = event_timeline(Event(id="e"), [article])
    assert date == "2016-05-23"
    assert [e.value for e in entries] == ["2016-05-23TAF"]


def test_unknown_year_supports_the_known_one():
    flagged = tagged(seed_000())  # "Hôm qua (11/1)" with no reference: XXXX-01-11
    other = tagged(Article(id="o", lead="Ngày 11/1/2023, hai bên công bố kế hoạch.",
                           published=datetime(2023, 1, 13, tzinfo=VN)))
    date, _ = event_timeline(Event(id="e", article_ids=["seed-000", "o"]), [flagged, other])
    assert date == "2023-01-11"
