"""No input makes the clean stage raise: empty, binary, huge, article-less, odd types."""

import time

import pytest

from sukien.clean import CleanStage, clean_html, clean_text
from sukien.model import Article


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "\x00\x01\x02", "a", "\ufeff\u200b"])
def test_empty_and_tiny(text):
    a = clean_text(text)
    assert a.body == [] and a.lead == ""
    assert any("no article" in w for w in a.warnings)
    h = clean_html(text)
    assert h.body == [] and h.lead == ""


def test_binary_bytes_give_a_warning_not_an_exception():
    a = clean_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10)
    assert a.body == []
    assert any("binary" in w for w in a.warnings)


def test_non_text_input():
    assert clean_text(None).warnings  # type: ignore[arg-type]
    assert clean_html(12345).warnings  # type: ignore[arg-type]


def test_page_with_no_article():
    menu = "\n".join(
        ["Trang chủ", "Thời sự | Thế giới | Kinh doanh | Giải trí | Thể thao", "Tin mới nhất",
         "Đăng nhập", "Liên hệ quảng cáo", "© 2024 Báo điện tử. All rights reserved."]
    )
    a = clean_text(menu)
    assert a.body == [] and a.lead == ""
    assert any("no article" in w for w in a.warnings)


@pytest.mark.slow
def test_50_mb_of_text_is_linear(seed_003):
    lines = [line for line in seed_003.split("\n") if line.strip()]

    def page(size: int) -> str:
        parts, n, i = [], 0, 0
        while n < size:
            line = f"{i} {lines[i % len(lines)]}"
            parts.append(line)
            n += len(line.encode("utf-8")) + 1
            i += 1
        return "\n".join(parts)

    small, big = page(2_000_000), page(50_000_000)
    start = time.process_time()
    clean_text(small)
    small_cost = time.process_time() - start
    start = time.process_time()
    a = clean_text(big)
    big_cost = time.process_time() - start
    assert a.body  # numbered lines are all distinct prose
    assert big_cost < 180
    assert big_cost < 25 * 3 * max(small_cost, 0.05)  # 25x the text, far from 625x (quadratic)


def test_stage_survives_broken_articles():
    broken = [
        Article(id="a", raw=None, raw_format="text"),
        Article(id="b", raw=b"\x00\x01binary", raw_format="text"),  # type: ignore[arg-type]
        Article(id="c", raw="<html><body><p>x</p></body></html>", raw_format="html"),
        Article(id="d", raw_format="pdf", title="Tiêu đề"),
        Article(id="e", body=None),  # type: ignore[arg-type]
        Article(id="f", title=None, lead=None, body=["", "  "]),  # type: ignore[arg-type]
    ]
    out = list(CleanStage().run(broken))
    assert [a.id for a in out] == ["a", "b", "c", "d", "e", "f"]
    assert all(a.raw_format is None for a in out)
    assert any("raw_format" in w for w in out[3].warnings)


def test_clean_page_picks_the_parser_and_decodes(seed_003):
    from sukien.clean import clean_page, to_record

    text_article = clean_page(seed_003.encode("utf-8"))
    assert text_article.outlet == "VOV.VN" and len(text_article.related) == 6
    html = "<!DOCTYPE html><html><body><article><h1>Tiêu đề bài báo thử nghiệm ở đây</h1>" + "".join(
        f"<p>{line}</p>" for line in seed_003.split("\n")[2:20] if line.strip()
    ) + "</article></body></html>"
    html_article = clean_page(html)
    assert html_article.lead.startswith("Ngày 10/4 (theo giờ địa phương)")
    record = to_record(text_article)
    assert set(record) == {"title", "published", "author", "credit", "outlet", "lead", "body", "captions",
                           "related", "warnings"}
    assert record["body"].split("\n") == [text_article.lead] + text_article.body
    broken = clean_page(b"\x00\x01\x02binary")
    assert broken.body == [] and "binary" in broken.warnings[0]


def test_generator_shares_no_code_with_the_cleaner():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "bench" / "data" / "clean" / "make_pages.py").read_text(encoding="utf-8")
    assert "import sukien" not in source and "from sukien" not in source


@pytest.mark.slow
def test_long_related_block_is_linear():
    # a related header followed by thousands of headline/teaser pairs must not go quadratic
    def page(pairs: int) -> str:
        lines = ["Tiêu đề bài báo về một sự kiện quan trọng trong ngày", "Tin liên quan"]
        for i in range(pairs):
            lines.append(f"Tin số {i} về diễn biến mới của sự kiện")
            lines.append(f"Nội dung tóm tắt số {i} của bản tin được đăng kèm theo tiêu đề ở trên.")
        return "\n".join(lines)

    start = time.process_time()
    clean_text(page(5_000))
    small = time.process_time() - start
    start = time.process_time()
    a = clean_text(page(50_000))
    big = time.process_time() - start
    assert big < 10 * 3 * max(small, 0.05)
    assert len(a.related) > 1000
