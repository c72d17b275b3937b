import gc

import pytest

from sukien.pipeline import Pipeline, Progress
from sukien.store import Store


def test_seeds_are_cleaned_grouped_and_summarised(tmp_path, seeds_dir):
    store = Store(tmp_path / "s.db")
    report = Pipeline(store).run([seeds_dir])
    assert report.added == 2 and report.errors == []
    articles = list(store.iter_articles())
    bodies = {a.title: a.text for a in articles}
    assert "Mỹ, Nhật công bố kế hoạch củng cố liên minh" in bodies
    assert "Mỹ - Nhật cam kết phối hợp trong mọi lĩnh vực, ở mọi cấp độ" in bodies
    for text in bodies.values():
        assert "Mời quý độc giả" not in text
        assert "Tin liên quan" not in text
        assert "Động đất rất lớn tấn công Đài Loan" not in text
    for event in store.list_events():
        assert event.summary, event.id
        for sentence in event.summary:
            source = store.get_article(sentence.article_id)
            assert source.text[sentence.start:sentence.end] == sentence.text


def test_rerun_is_idempotent_and_incremental(tmp_path, seeds_dir, vims_sample):
    store = Store(tmp_path / "s.db")
    Pipeline(store).run([seeds_dir])
    again = Pipeline(store).run([seeds_dir])
    assert again.added == 0 and again.skipped == 2
    more = Pipeline(store).run([seeds_dir, vims_sample])
    assert more.added == 35
    assert store.count_articles() == 37
    # every article belongs to exactly one stored event, and no event is left unsummarised
    event_ids = {e.id for e in store.list_events()}
    assert all(a.event_id in event_ids for a in store.iter_articles())
    assert store.stale_event_ids() == []


def test_near_identical_articles_share_an_event(tmp_path, write_jsonl):
    body = ("Chiều 5/6, Bộ Y tế công bố thêm 12 ca mắc mới tại Hà Nội và TP.HCM. Các bệnh nhân đều đã được cách ly "
            "ngay sau khi nhập cảnh. Bộ Y tế đề nghị người dân tiếp tục thực hiện nghiêm các biện pháp phòng dịch.")
    path = write_jsonl([
        {"id": "vnexpress-1", "title": "Thêm 12 ca mắc mới", "body": body},
        {"id": "tuoitre-1", "title": "Thêm 12 ca mắc mới tại Hà Nội và TP.HCM", "body": body + " Theo TTXVN."},
        {"id": "other", "title": "Giá lúa tăng mạnh", "body": "Giá lúa tại Đồng bằng sông Cửu Long tăng 300 đồng mỗi kg trong tuần qua do nhu cầu xuất khẩu."},
    ])
    store = Store(tmp_path / "s.db")
    Pipeline(store).run([path])
    events = {a.id: a.event_id for a in store.iter_articles()}
    assert events["vnexpress-1"] == events["tuoitre-1"] != events["other"]


def test_bad_inputs_are_reported_and_the_rest_goes_in(tmp_path, seeds_dir):
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "title": "Tin", "body": "Nội dung bài báo."}\n{oops\n', encoding="utf-8")
    store = Store(tmp_path / "s.db")
    report = Pipeline(store).run([tmp_path / "broken.txt", tmp_path / "bad.jsonl", seeds_dir])
    assert report.added == 3
    assert any("broken.txt" in e and "binary" in e for e in report.errors)
    assert any("bad.jsonl:2" in e for e in report.errors)


def test_one_article_events_are_described_in_the_workers_and_again_when_joined(tmp_path, write_jsonl):
    from sukien.summarise import summarize

    body = ("Chiều 5/6, Bộ Y tế công bố thêm 12 ca mắc mới tại Hà Nội và TP.HCM. Các bệnh nhân đều đã được cách ly "
            "ngay sau khi nhập cảnh. Bộ Y tế đề nghị người dân tiếp tục thực hiện nghiêm các biện pháp phòng dịch.")
    first = write_jsonl([
        {"id": "vnexpress-1", "title": "Thêm 12 ca mắc mới", "body": body},
        {"id": "other", "title": "Giá lúa tăng mạnh",
         "body": "Giá lúa tại Đồng bằng sông Cửu Long tăng 300 đồng mỗi kg trong tuần qua do nhu cầu xuất khẩu."},
    ], "first.jsonl")
    store = Store(tmp_path / "s.db")
    pipeline = Pipeline(store)
    pipeline.run([first])
    assert store.stale_event_ids() == []
    for event in store.list_events():
        assert len(event.article_ids) == 1
        article = store.get_article(event.article_ids[0])
        expected = summarize([article], max_tokens=pipeline.summary_tokens)
        assert [(s.article_id, s.start, s.end) for s in event.summary] == [(s.article_id, s.start, s.end) for s in expected]
        assert all(entry.event_id == event.id for entry in event.timeline)
    rice = next(e for e in store.list_events() if e.article_ids == ["other"])
    # a second outlet's copy joins the first event: it is described again from both articles
    second = write_jsonl([{"id": "tuoitre-1", "title": "Thêm 12 ca mắc mới tại Hà Nội và TP.HCM",
                           "body": "Bộ Y tế cho biết: " + body + " Theo TTXVN."}], "second.jsonl")
    Pipeline(store).run([second])
    assert store.stale_event_ids() == []
    joined = store.get_event(store.get_article("tuoitre-1").event_id)
    assert sorted(joined.article_ids) == ["tuoitre-1", "vnexpress-1"]
    assert joined.summary and {s.article_id for s in joined.summary} <= {"tuoitre-1", "vnexpress-1"}
    assert store.get_event(rice.id).summary == rice.summary


def test_an_alias_is_stored_under_the_entity_its_event_merged_it_into(tmp_path, write_jsonl):
    # one report names "Kishida Fumio", the other only "Kishida": in their event both are one person
    path = write_jsonl([
        {"id": "a1", "title": "Thủ tướng Kishida Fumio hội đàm với Tổng thống Joe Biden tại Nhà Trắng",
         "published": "2024-04-10T09:00:00+07:00",
         "body": "Thủ tướng Nhật Bản Kishida Fumio ngày 10/4 đã hội đàm với Tổng thống Mỹ Joe Biden tại Nhà Trắng, "
                 "hai bên cam kết nâng cấp quan hệ đồng minh.\nÔng Kishida cho biết Nhật Bản sẽ tăng cường hợp tác "
                 "quốc phòng với Mỹ trong bối cảnh tình hình khu vực có nhiều biến động."},
        {"id": "a2", "title": "Ông Biden và ông Kishida cam kết nâng cấp đồng minh Mỹ - Nhật",
         "published": "2024-04-10T15:00:00+07:00",
         "body": "Tổng thống Mỹ Joe Biden và Thủ tướng Nhật Bản Kishida đã hội đàm tại Nhà Trắng ngày 10/4, cam kết "
                 "nâng cấp quan hệ đồng minh giữa hai nước.\nTheo ông Kishida, Nhật Bản sẽ tăng cường hợp tác quốc "
                 "phòng với Mỹ trước những biến động của tình hình khu vực."},
    ])
    store = Store(tmp_path / "s.db")
    Pipeline(store).run([path])
    (event,) = store.list_events()
    assert sorted(event.article_ids) == ["a1", "a2"]
    rows = store.conn.execute("SELECT article_id, entity_id, text FROM entity_mentions").fetchall()
    kishida = {entity_id for article_id, entity_id, text in rows if "Kishida" in text}
    assert len(kishida) == 1
    assert {article_id for article_id, _, text in rows if "Kishida" in text} == {"a1", "a2"}
    event_entities = {r[0] for r in store.conn.execute("SELECT entity_id FROM event_entities WHERE event_id=?", (event.id,))}
    assert {entity_id for _, entity_id, _ in rows} <= event_entities


class _ThresholdsSeen(Progress):
    def __init__(self):
        self.seen = set()

    def advance(self, task, amount=1):
        self.seen.add(gc.get_threshold())


class _Interrupting(Progress):
    def advance(self, task, amount=1):
        if task == "articles":
            raise RuntimeError("stopped by the user")


def test_a_run_collects_garbage_less_often_and_restores_the_collector_after(tmp_path, seeds_dir):
    before = gc.get_threshold()
    progress = _ThresholdsSeen()
    Pipeline(Store(tmp_path / "s.db"), progress=progress).run([seeds_dir])
    assert progress.seen and all(t[0] > before[0] for t in progress.seen)
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError):  # also when the run stops half-way
        Pipeline(Store(tmp_path / "t.db"), progress=_Interrupting()).run([seeds_dir])
    assert gc.get_threshold() == before
