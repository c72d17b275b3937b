"""CleanStage: raw pages keep their identity and given metadata; structured input is tidied."""

from datetime import datetime, timedelta, timezone

from sukien.clean import CleanStage
from sukien.model import Article

ICT = timezone(timedelta(hours=7))


def test_text_page_keeps_id_source_url_and_given_metadata(seed_000):
    given = datetime(2023, 1, 12, 8, 0, tzinfo=ICT)
    article = Article(id="in-1", source="feed.jsonl:3", url="https://example.vn/a.html", raw=seed_000,
                      raw_format="text", published=given, outlet="Báo Mẫu", title="")
    out = next(CleanStage().run([article]))
    assert (out.id, out.source, out.url) == ("in-1", "feed.jsonl:3", "https://example.vn/a.html")
    assert out.published == given and out.published_source == "input"
    assert out.outlet == "Báo Mẫu"
    assert out.title == "Mỹ, Nhật công bố kế hoạch củng cố liên minh"  # empty input title: parsed one
    assert out.author == "Bảo Nghi" and out.credit == "AP"
    assert out.raw_format is None and out.raw == seed_000


def test_text_page_without_given_metadata_uses_the_page(seed_003):
    out = next(CleanStage().run([Article(id="x", raw=seed_003, raw_format="text", title="Tiêu đề từ nguồn")]))
    assert out.title == "Tiêu đề từ nguồn"  # input title wins
    assert out.outlet == "VOV.VN"
    assert len(out.related) == 6


def test_structured_article_loses_furniture():
    article = Article(
        id="s1",
        title="  Hai nước ký thỏa thuận hợp tác\u200b ",
        lead="Hôm nay, hai nước đã ký thỏa thuận hợp tác về kinh tế và thương mại.",
        body=[
            "Thỏa thuận được ký tại Hà Nội với sự chứng kiến của lãnh đạo hai nước.",
            "Quang cảnh lễ ký kết. (Ảnh: TTXVN)",
            "Theo thỏa thuận, hai bên sẽ tăng cường trao đổi thương mại trong 5 năm tới.",
            "Mời quý độc giả theo dõi Báo Mẫu trên",
            "Tin liên quan",
            "Hai nước thúc đẩy hợp tác kinh tế",
            "Hai nước thúc đẩy hợp tác kinh tế",
            "Minh Anh (Theo Reuters)",
        ],
    )
    out = next(CleanStage().run([article]))
    assert out.title == "Hai nước ký thỏa thuận hợp tác"
    assert out.body == [
        "Thỏa thuận được ký tại Hà Nội với sự chứng kiến của lãnh đạo hai nước.",
        "Theo thỏa thuận, hai bên sẽ tăng cường trao đổi thương mại trong 5 năm tới.",
    ]
    assert out.captions == ["Quang cảnh lễ ký kết. (Ảnh: TTXVN)"]
    assert out.related == ["Hai nước thúc đẩy hợp tác kinh tế"]
    assert (out.author, out.credit) == ("Minh Anh", "Reuters")
    assert out.raw_format is None


def test_structured_vietnews_like_article_is_untouched_when_clean():
    body = [
        "Ngày 22/6, cơ quan CSĐT Công an thị xã đã ra quyết định khởi tố vụ án hình sự.",
        "Theo hồ sơ điều tra ban đầu, sáng 13/6, UBND xã phối hợp với các cơ quan chức năng.",
        "Tr.",
        "(SN 1997) kết hôn.",
    ]
    out = next(CleanStage().run([Article(id="v", title="Khởi tố hai nhân viên", lead="Lead.", body=list(body))]))
    assert out.body == body
