"""clean_html: trafilatura for the text, then the same Vietnamese rules; HTML metadata kept."""

from datetime import datetime, timedelta, timezone

from sukien.clean import CleanStage, clean_html
from sukien.model import Article

PARAGRAPHS = [
    "Theo cơ quan điều tra, vào khoảng 20h ngày 9/8, đối tượng ngồi nhậu trước cửa tiệm sửa xe của anh T. ở xã Lộc Bổn.",
    "Thấy anh T. ngủ say, đối tượng lén lấy chìa khóa, dắt xe máy ra khỏi tiệm rồi lấy thêm một điện thoại di động.",
    "Đến khoảng 21h cùng ngày, đối tượng thuê phòng nghỉ và thế chấp chiếc xe máy lấy được cho chủ nhà nghỉ.",
    "Tại cơ quan công an, bước đầu, đối tượng đã khai nhận toàn bộ hành vi phạm tội của mình.",
]
LEAD = "Công an huyện Phú Lộc vừa bắt giữ một đối tượng trộm xe máy rồi đem thế chấp để trả tiền phòng nhà nghỉ."
HTML = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Bắt đối tượng trộm xe máy đem thế chấp trả phí nhà nghỉ - Báo Mẫu</title>
<meta property="article:published_time" content="2018-08-10T21:05:00+07:00">
</head><body>
<nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/phap-luat">Pháp luật</a></nav>
<article>
<h1>Bắt đối tượng trộm xe máy đem thế chấp trả phí nhà nghỉ</h1>
<p class="sapo">{LEAD}</p>
<div class="content">
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[:2])}
<figure><img src="a.jpg"><figcaption>Đối tượng tại cơ quan công an. Ảnh: CTV</figcaption></figure>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[2:])}
<p>Hải Đăng</p>
</div>
<div class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/1">Bắt nhóm trộm xe máy liên tỉnh</a></li><li><a href="/2">Triệt phá đường dây tiêu thụ xe gian</a></li>
</ul></div>
</article>
<footer>© 2024 Báo Mẫu. Giấy phép số 123/GP-BTTTT</footer>
</body></html>"""


def test_clean_html_article():
    a = clean_html(HTML, url="https://www.baomau.vn/bat-doi-tuong.html")
    assert a.title == "Bắt đối tượng trộm xe máy đem thế chấp trả phí nhà nghỉ"
    assert a.lead == LEAD
    assert a.body == PARAGRAPHS
    assert a.published == datetime(2018, 8, 10, 21, 5, tzinfo=timezone(timedelta(hours=7)))
    assert a.published_source == "html-meta"
    assert a.outlet == "baomau.vn"
    assert a.author == "Hải Đăng"
    assert "Tin liên quan" not in a.text and "Giấy phép" not in a.text


def test_stage_parses_html_raw():
    out = next(CleanStage().run([Article(id="h1", raw=HTML, raw_format="html", url="https://baomau.vn/x")]))
    assert out.id == "h1" and out.raw_format is None
    assert out.body == PARAGRAPHS
