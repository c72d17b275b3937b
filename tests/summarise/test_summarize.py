"""Behaviour of the library summariser on the seeds and on small hand-made events."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from sukien.model import Article, Event, SummarySentence
from sukien.summarise import DEFAULT_MAX_TOKENS, SummariseStage, summarise_event, summarize
from sukien.summarise.candidates import build_candidates
from sukien.summarise.rouge import tokens
import scipy.sparse as sp

from sukien.summarise.concepts import CoverageParams, select_by_coverage

VN = timezone(timedelta(hours=7))
BOILERPLATE = ("Mời quý độc giả", "Ảnh minh hoạ", "Ảnh:", "Lược dịch", "Tin liên quan", "GMT+7",
               "Getty Image", "nỗ lực tăng cường hợp tác “trên tất cả các lĩnh vực”.")


def assert_attributed(summary: list[SummarySentence], articles: list[Article]) -> None:
    by_id = {a.id: a for a in articles}
    assert summary, "empty summary"
    for s in summary:
        assert by_id[s.article_id].text[s.start:s.end] == s.text
        assert s.text.strip() == s.text and s.text


def n_tokens(summary: list[SummarySentence]) -> int:
    return sum(len(tokens(s.text)) for s in summary)


def test_seed_summaries_are_attributed_and_read_well(seed_2plus2, seed_summit):
    articles = [seed_2plus2, seed_summit]
    summary = summarize(articles, max_tokens=150)
    assert_attributed(summary, articles)
    assert n_tokens(summary) <= 150
    assert {s.article_id for s in summary} == {"seed-000", "seed-003"}  # both stories are represented
    for s in summary:
        assert not any(b in s.text for b in BOILERPLATE), s.text
        assert not s.text.startswith("VOV.VN")  # the outlet tag is trimmed off the lead


def test_single_seed_summary_starts_with_its_lead(seed_summit):
    summary = summarize([seed_summit], max_sentences=2)
    assert len(summary) == 2
    assert summary[0].text.startswith("Ngày 10/4 (theo giờ địa phương), Tổng thống Mỹ Joe Biden")
    assert_attributed(summary, [seed_summit])


def test_one_article_summary_is_its_lead_and_stops_at_the_first_sentence_that_does_not_fit():
    lead = "Sáng 12/3, mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu, giao thông ùn tắc nghiêm trọng."
    body = [
        "Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, lượng mưa đo được tại nội thành vượt 120 mm chỉ trong ba giờ.",
        "Hàng trăm xe máy chết máy giữa dòng nước, nhiều người dân phải dắt bộ qua các điểm ngập trên đường Nguyễn Trãi, "
        "Trần Duy Hưng, Lê Văn Lương và khu vực quanh hồ Hoàn Kiếm trong suốt buổi sáng, khi lực lượng chức năng phải "
        "túc trực tại các nút giao lớn để phân luồng, hỗ trợ người đi đường và thông báo lộ trình tránh ngập.",
        "Công ty Thoát nước Hà Nội đã huy động toàn bộ trạm bơm.",
        "Ông Nguyễn Văn Minh, người dân phường Thanh Xuân, cho biết nước ngập đến đầu gối.",
    ]
    article = Article(id="flood", title="Mưa lớn gây ngập nhiều tuyến phố Hà Nội", lead=lead, body=body)
    summary = summarize([article], max_tokens=60)
    assert_attributed(summary, [article])
    # the long third sentence ends the lead: the short sentences after it are not pulled in
    assert [s.text for s in summary] == [lead, body[0]]
    # with room for it, the lead goes on in order
    assert [s.text for s in summarize([article], max_tokens=200)][:3] == [lead, body[0], body[1]]


def test_one_article_summary_skips_an_opening_sentence_longer_than_the_budget():
    long_lead = ("Chiều 5/6, Quốc hội đã biểu quyết thông qua Luật Đất đai sửa đổi với đa số đại biểu tán thành, "
                 "sau nhiều kỳ họp thảo luận về bồi thường, hỗ trợ, tái định cư, định giá đất theo nguyên tắc thị "
                 "trường và quyền của người sử dụng đất ở cả khu vực đô thị lẫn nông thôn trên cả nước.")
    second = "Luật có hiệu lực từ ngày 1/1 năm sau và thay thế luật hiện hành."
    article = Article(id="law", title="Quốc hội thông qua Luật Đất đai sửa đổi", lead=long_lead, body=[second])
    summary = summarize([article], max_tokens=25)
    assert [s.text for s in summary] == [second]


def test_raw_seeds_never_yield_boilerplate(raw_seeds):
    summary = summarize(raw_seeds, max_tokens=600)
    assert_attributed(summary, raw_seeds)
    assert len(summary) >= 5
    for s in summary:
        assert not any(b in s.text for b in BOILERPLATE), s.text
    # the related block repeats every teaser twice: at most one copy may be chosen
    texts = [s.text for s in summary]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("budget", [20, 60, 120, 250])
def test_token_budget_is_respected_with_whole_sentences(seed_2plus2, seed_summit, budget):
    articles = [seed_2plus2, seed_summit]
    summary = summarize(articles, max_tokens=budget)
    assert n_tokens(summary) <= budget
    if budget >= 60:
        assert summary
    for s in summary:  # whole sentences: each is one of the candidate sentences
        assert s.text[-1] in ".!?”\"…" or s.end == len({a.id: a for a in articles}[s.article_id].text)


def test_sentence_budget_and_both_budgets(seed_2plus2, seed_summit):
    articles = [seed_2plus2, seed_summit]
    assert len(summarize(articles, max_sentences=3)) == 3
    both = summarize(articles, max_tokens=400, max_sentences=2)
    assert len(both) == 2
    tight = summarize(articles, max_tokens=70, max_sentences=10)
    assert n_tokens(tight) <= 70


def test_default_budget_is_for_display(seed_2plus2, seed_summit):
    summary = summarize([seed_2plus2, seed_summit])
    assert 0 < n_tokens(summary) <= DEFAULT_MAX_TOKENS


def test_allow_overflow_fills_the_budget_for_benchmarks(seed_2plus2, seed_summit):
    articles = [seed_2plus2, seed_summit]
    exact = summarize(articles, max_tokens=100)
    over = summarize(articles, max_tokens=100, allow_overflow=True)
    assert n_tokens(exact) <= 100 <= n_tokens(over)


def _outlet(id_, sentences, hour):
    return Article(id=id_, title="Máy bay EgyptAir mất tích trên Địa Trung Hải", lead=sentences[0], body=sentences[1:],
                   published=datetime(2016, 5, 19, hour, tzinfo=VN))


SAME_FACT_A = ("Máy bay mang số hiệu MS804 của hãng EgyptAir chở 66 người đã mất tích trên Địa Trung Hải "
               "khi đang bay từ Paris tới Cairo rạng sáng 19/5.")
SAME_FACT_B = ("Chiếc máy bay mang số hiệu MS804 của hãng EgyptAir chở theo 66 người đã mất tích trên Địa Trung Hải "
               "khi bay từ Paris tới Cairo vào rạng sáng 19/5.")


def egyptair_event() -> list[Article]:
    a = _outlet("a", [SAME_FACT_A,
                      "Trên máy bay có 56 hành khách, 7 thành viên phi hành đoàn và 3 nhân viên an ninh.",
                      "Quân đội Ai Cập cho biết không nhận được tín hiệu cầu cứu nào từ máy bay MS804.",
                      "Pháp và Hy Lạp đã cử tàu và máy bay tham gia tìm kiếm trên biển."], 9)
    b = _outlet("b", [SAME_FACT_B,
                      "Bộ trưởng Hàng không Ai Cập nói khả năng máy bay bị tấn công khủng bố cao hơn trục trặc kỹ thuật.",
                      "Ông này cũng cho biết cuộc tìm kiếm sẽ tiếp tục trong đêm nay.",
                      "Hy Lạp cho biết máy bay MS804 đã rẽ gấp trước khi biến mất khỏi radar."], 8)
    c = _outlet("c", ["Các đội tìm kiếm đã phát hiện mảnh vỡ và đồ dùng cá nhân trên biển, cách Alexandria 290 km.",
                      "Máy bay MS804 của EgyptAir chở 66 người mất tích trên Địa Trung Hải khi bay từ Paris tới Cairo.",
                      "Pháp đã cử tàu và máy bay tham gia tìm kiếm trên biển cùng Hy Lạp."], 10)
    return [a, b, c]


def test_same_fact_from_two_outlets_is_said_once():
    articles = egyptair_event()
    summary = summarize(articles, max_tokens=200)
    assert_attributed(summary, articles)
    texts = [s.text for s in summary]
    copies = sum(t in (SAME_FACT_A, SAME_FACT_B) or t.startswith("Máy bay MS804 của EgyptAir chở 66") for t in texts)
    assert copies == 1, texts
    assert not ({"Pháp và Hy Lạp đã cử tàu và máy bay tham gia tìm kiếm trên biển.",
                 "Pháp đã cử tàu và máy bay tham gia tìm kiếm trên biển cùng Hy Lạp."} <= set(texts))


def test_order_follows_article_time_then_position():
    articles = egyptair_event()  # b (08:00) before a (09:00) before c (10:00)
    summary = summarize(articles, max_tokens=300)
    rank = {"b": 0, "a": 1, "c": 2}
    keys = [(rank[s.article_id], s.start) for s in summary]
    assert keys == sorted(keys)


def test_dangling_sentence_only_follows_its_antecedent():
    articles = egyptair_event()
    for budget in (40, 80, 120, 200, 400):
        summary = summarize(articles, max_tokens=budget)
        texts = [s.text for s in summary]
        if "Ông này cũng cho biết cuộc tìm kiếm sẽ tiếp tục trong đêm nay." in texts:
            i = texts.index("Ông này cũng cho biết cuộc tìm kiếm sẽ tiếp tục trong đêm nay.")
            assert i > 0 and texts[i - 1].startswith("Bộ trưởng Hàng không Ai Cập")


def test_selector_refuses_dangling_sentence_without_antecedent():
    article = Article(id="x", title="T", body=[
        "Bộ trưởng Quốc phòng Hy Lạp đã mô tả đường bay của chiếc máy bay trước khi mất tích.",
        "Ông này cho biết máy bay đã quay 90 độ sang trái rồi 360 độ sang phải.",
        "Lực lượng cứu hộ của nhiều nước đã có mặt ở khu vực được cho là nơi máy bay rơi."])
    cands = build_candidates([article])
    assert cands[1].dangling and not cands[0].dangling
    sim = np.eye(3)
    own_concept = sp.identity(3, format="csr")  # each sentence covers one concept of its own
    params = CoverageParams(length_exponent=0.0, weight_threshold=0.0, max_similarity=0.9)

    def select(weights, max_sentences):
        return select_by_coverage(cands, own_concept, np.array(weights), sim, None, params, max_sentences=max_sentences)

    # the dangling sentence weighs most, but its antecedent least: it is taken only after it
    assert select([0.1, 0.9, 0.5], 1) == [2]
    assert select([0.1, 0.9, 0.5], 3) == [2, 0, 1]
    assert select([0.6, 0.9, 0.5], 2) == [0, 1]


def test_coverage_says_a_fact_once_and_respects_the_budget():
    article = Article(id="x", title="T", body=[
        "Máy bay của hãng EgyptAir rơi xuống Địa Trung Hải với 66 người trên khoang.",
        "Chiếc máy bay của hãng EgyptAir đã rơi xuống Địa Trung Hải, theo giới chức Ai Cập.",
        "Hải quân Hy Lạp tìm thấy mảnh vỡ cách đảo Karpathos khoảng 370 km về phía nam."])
    cands = build_candidates([article])
    # concepts: 0 = the crash, 1 = the debris; sentences 0 and 1 both tell the crash
    presence = sp.csr_matrix(np.array([[1, 0], [1, 0], [0, 1]], dtype=float))
    no_overlap = np.zeros((3, 3))
    params = CoverageParams(length_exponent=0.0, weight_threshold=0.1, max_similarity=0.9)
    chosen = select_by_coverage(cands, presence, np.array([0.8, 0.5]), no_overlap, None, params)
    assert chosen == [0, 2]  # sentence 1 adds nothing once the crash is covered
    # a concept weighing less than the threshold is worth nothing
    assert select_by_coverage(cands, presence, np.array([0.8, 0.05]), no_overlap, None, params) == [0]
    budget = cands[0].n_tokens + cands[2].n_tokens - 1
    assert select_by_coverage(cands, presence, np.array([0.8, 0.5]), no_overlap, budget, params) == [0]
    assert select_by_coverage(cands, presence, np.array([0.8, 0.5]), no_overlap, budget, params,
                              overflow=True) == [0, 2]


def test_bad_input_never_raises(seed_summit):
    assert summarize([]) == []
    assert summarize(None) == []  # type: ignore[arg-type]
    assert summarize([None, "text", 3]) == []  # type: ignore[list-item]
    assert summarize([Article(id="empty")]) == []
    assert summarize([seed_summit], max_tokens=0) == []
    assert summarize([seed_summit], max_tokens=-5) == []
    assert summarize([seed_summit], max_tokens="abc") != []  # type: ignore[arg-type]  # falls back to the default
    assert summarize([Article(id="x", title="T", body=["", "   ", "\u200b"])]) == []
    assert summarize([Article(id="n", published=datetime(2020, 1, 1), body=["Một câu đủ dài để được chọn vào tóm tắt."]),
                      Article(id="m", published=datetime(2020, 1, 2, tzinfo=VN),
                              body=["Một câu khác cũng đủ dài để được chọn vào tóm tắt."])])


def test_event_api_and_stage(seed_2plus2, seed_summit):
    articles = [seed_2plus2, seed_summit]
    event = Event(id="e1", article_ids=["seed-003"])
    summary = summarise_event(event, articles)
    assert summary and {s.article_id for s in summary} == {"seed-003"}
    assert n_tokens(summary) <= DEFAULT_MAX_TOKENS
    events = list(SummariseStage(max_tokens=80).run_events([Event(id="e2", article_ids=["seed-000", "seed-003"])],
                                                           articles))
    assert events[0].summary and n_tokens(events[0].summary) <= 80
    assert_attributed(events[0].summary, articles)
    duplicate = Article(id="dup", title=seed_summit.title, lead=seed_summit.lead, body=seed_summit.body,
                        duplicate_of="seed-003")
    summary = summarise_event(Event(id="e3", article_ids=["seed-003", "dup"]), [seed_summit, duplicate])
    assert {s.article_id for s in summary} == {"seed-003"}


def test_a_very_large_event_is_summarised_from_articles_spread_over_its_time_span(seed_2plus2, seed_summit):
    from sukien.summarise import MAX_ARTICLES, spread_over_time

    start = datetime(2023, 1, 11, 8, tzinfo=VN)
    articles = []
    for k in range(3 * MAX_ARTICLES):  # the same two reports republished by many outlets over days
        source = seed_2plus2 if k % 2 else seed_summit
        articles.append(Article(id=f"copy-{k}", title=source.title, lead=source.lead, body=list(source.body),
                                published=start + timedelta(hours=k)))
    kept = spread_over_time(list(reversed(articles)))
    assert len(kept) == MAX_ARTICLES and len({a.id for a in kept}) == MAX_ARTICLES
    times = sorted(a.published for a in kept)
    assert times[0] == articles[0].published and times[-1] == articles[-1].published  # both ends of the span
    assert [a.id for a in kept] == [a.id for a in reversed(articles) if a in kept]  # input order kept
    summary = summarize(articles, max_tokens=120)
    assert_attributed(summary, articles)
    assert {s.article_id for s in summary} <= {a.id for a in kept}
