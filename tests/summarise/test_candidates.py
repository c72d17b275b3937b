import pytest

from sukien.model import Article
from sukien.summarise.candidates import build_candidates, is_dangling


def reasons(article: Article) -> dict[str, str]:
    return {c.text: c.reason for c in build_candidates([article])}


@pytest.mark.parametrize("text", [
    "Mời quý độc giả theo dõi VOV.VN trên",
    "* Mời quý độc giả theo dõi Truyền hình trực tuyến các kênh của Đài Truyền hình Việt Nam.",
    "Tin liên quan",
    "Xem thêm: Bão số 3 đổ bộ vào miền Bắc",
    "Ảnh minh hoạ: Getty Image",
    "Quang cảnh hội thảo sáng 19-5 - Ảnh: Quang Định",
    "(Ảnh: Getty).",
    "Bảo Nghi (Lược dịch từ AP)",
    "Chủ Nhật, 12/07/2020 10:29 (GMT+7)",
    "19/05/2016 10:25 GMT+7",
    "Tin tức nguồn: http://www.xaluan.com/modules.php?name=News&file=article&sid=1483094",
    "Công bố nhiều sáng kiến chiến lược mới",
    "Điều kiện và các yêu cầu để sử dụng dịch vụ:",
    "và tiếp tục như thế trong nhiều năm sau đó nữa.",
    "Nhất trí tăng cường hợp tác trong các lĩnh vực như an ninh kinh tế, mở rộng hợp tác trong lĩnh vực không gian …",
])
def test_boilerplate_and_fragments_are_not_usable(text):
    article = Article(id="a", title="T", body=[text])
    (candidate,) = build_candidates([article])
    assert not candidate.usable, candidate
    assert candidate.reason


def test_news_sentences_are_usable():
    body = ["Ngày 10/4, Tổng thống Mỹ Joe Biden và Thủ tướng Nhật Bản Kishida Fumio đã tổ chức hội nghị thượng đỉnh.",
            "82 người bị thương trong vụ tai nạn trên cầu Thanh Trì sáng nay."]
    for c in build_candidates([Article(id="a", title="T", body=body)]):
        assert c.usable, c


def test_caption_paragraph_is_dropped_whole():
    para = "Mỹ - Nhật Bản nỗ lực tăng cường hợp tác “trên tất cả các lĩnh vực”. Ảnh minh hoạ: Getty Image"
    cands = build_candidates([Article(id="a", title="T", body=[para])])
    assert len(cands) == 2 and not any(c.usable for c in cands)


def test_outlet_prefix_is_trimmed_and_offsets_stay_exact():
    article = Article(id="a", title="T", lead="VOV.VN - Ngày 10/4, hai nhà lãnh đạo đã tổ chức hội nghị thượng đỉnh.",
                      body=["(Dân trí) - Sáng nay, mưa lớn gây ngập nhiều tuyến phố ở Hà Nội."])
    cands = build_candidates([article])
    assert [c.text for c in cands] == ["Ngày 10/4, hai nhà lãnh đạo đã tổ chức hội nghị thượng đỉnh.",
                                       "Sáng nay, mưa lớn gây ngập nhiều tuyến phố ở Hà Nội."]
    for c in cands:
        assert article.text[c.start:c.end] == c.text


@pytest.mark.parametrize("text,expected", [
    ("Ông này cho biết sẽ kháng cáo bản án.", True),
    ("Trong khi đó, giá vàng thế giới tiếp tục giảm.", True),
    ("Tuy nhiên, các quan chức lưu ý đây chỉ là phỏng đoán.", True),
    ("Ông cho biết sẽ kháng cáo.", True),
    ("Theo ông, đây là bước đi đúng.", True),
    ("Họ nghi ngờ một quả bom khiến máy bay nổ tung.", True),
    ("Ông Obama cho biết sẽ thăm Việt Nam.", False),
    ("Theo ông Nguyễn Văn A, đây là bước đi đúng.", False),
    ("Hội nghị diễn ra tại Washington.", False),
    ("Người dân địa phương đã sơ tán.", False),
])
def test_dangling_openers(text, expected):
    assert is_dangling(text) is expected


def test_previous_links_sentences_of_one_article():
    a = Article(id="a", title="T", body=["Câu thứ nhất rất dài ở đây nhé. Câu thứ hai cũng khá dài đấy chứ."])
    b = Article(id="b", title="T", body=["Câu đầu bài hai khá dài đây nhé."])
    cands = build_candidates([a, b])
    assert [c.previous for c in cands] == [-1, 0, -1]
    assert [c.article for c in cands] == [0, 0, 1]


def test_captions_and_related_headlines_found_by_the_clean_stage_are_not_usable():
    caption = "Mỹ - Nhật Bản nỗ lực tăng cường hợp tác trên tất cả các lĩnh vực."
    related = "Thủ tướng Nhật Bản thăm Mỹ thúc đẩy hợp tác kinh tế và quốc phòng."
    article = Article(id="a", title="T", body=[f"{caption} Hai nước ký nhiều thỏa thuận hợp tác mới.", related],
                      captions=[caption + " Ảnh: Getty"], related=[related])
    usable = [c.text for c in build_candidates([article]) if c.usable]
    assert usable == ["Hai nước ký nhiều thỏa thuận hợp tác mới."]


def test_a_short_line_without_end_punctuation_is_a_heading_only_when_alone():
    line = "Công bố nhiều sáng kiến chiến lược mới cho khu vực"  # 10 syllables, no full stop
    alone = Article(id="a", title="T", body=[line, "Hai nước ký nhiều thỏa thuận hợp tác mới trong năm nay."])
    within = Article(id="b", title="T", body=[line + " Hai nước ký nhiều thỏa thuận hợp tác mới trong năm nay."])
    assert reasons(alone)[line] == "heading"
    first = build_candidates([within])[0]
    assert first.text.startswith("Công bố") and first.reason == ""  # the paragraph goes on: not a heading


def test_capitalised_and_number_words_are_counted_per_sentence():
    article = Article(id="a", title="T", body=["Ông Nguyễn Văn A nói 3 lần. Bà B đến lúc 9 giờ."])
    first, second = build_candidates([article])
    assert (first.n_capitalised, first.n_numbers) == (4, 1)
    assert (second.n_capitalised, second.n_numbers) == (2, 1)
