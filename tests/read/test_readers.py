import gzip
import json

from sukien.read import read_paths


def collect(paths):
    errors = []
    articles = list(read_paths(paths, errors.append))
    return articles, [str(e) for e in errors]


def test_text_pages_are_read_raw_for_the_clean_stage(seeds_dir):
    articles, errors = collect([seeds_dir])
    assert errors == []
    assert len(articles) == 2
    assert all(a.raw_format == "text" and a.raw for a in articles)
    assert len({a.id for a in articles}) == 2


def test_jsonl_plain_and_gzipped_with_a_malformed_line(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "Bão số 3 đổ bộ Quảng Ninh", "lead": "Sáng nay bão vào bờ.",
                    "body": "Gió mạnh cấp 12.\nNhiều cây đổ.", "published": "2024-09-07T10:00:00"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a2", "title": "Giá vàng tăng", "body": ["Giá vàng SJC tăng 500.000 đồng."]}, ensure_ascii=False),
    ]
    plain = tmp_path / "news.jsonl"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    zipped = tmp_path / "more.jsonl.gz"
    with gzip.open(zipped, "wt", encoding="utf-8") as handle:
        handle.write(lines[0].replace('"a1"', '"b1"') + "\n")
    articles, errors = collect([plain, zipped])
    assert [a.id for a in articles] == ["a1", "a2", "b1"]
    assert articles[0].body == ["Gió mạnh cấp 12.", "Nhiều cây đổ."]
    assert articles[0].published.isoformat() == "2024-09-07T10:00:00+07:00"
    assert len(errors) == 1 and "news.jsonl:2" in errors[0] and "malformed JSON" in errors[0]


def test_binary_and_invalid_utf8_files_are_reported_by_name(tmp_path, seeds_dir):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "latin.txt").write_bytes("Hà Nội".encode("utf-16-le"))
    good = tmp_path / "good.txt"
    good.write_text((seeds_dir / "000_7547b9468bdb06db.txt").read_text(encoding="utf-8"), encoding="utf-8")
    articles, errors = collect([tmp_path])
    assert len(articles) == 1
    assert any("image.txt" in e and "binary" in e for e in errors)
    assert any("latin.txt" in e for e in errors)


def test_missing_file_and_unknown_format(tmp_path):
    (tmp_path / "table.csv").write_text("a,b\n", encoding="utf-8")
    articles, errors = collect([tmp_path / "nope.txt", tmp_path / "table.csv"])
    assert articles == []
    assert "nope.txt: no such file" in errors[0]
    assert "unknown input format" in errors[1]


def test_html_and_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    import io

    page = "<html><head><title>Hà Nội mưa lớn</title></head><body><article><p>Mưa lớn gây ngập nhiều tuyến phố.</p></article></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    with open(tmp_path / "crawl.warc.gz", "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://vnexpress.net/ha-noi-mua-lon.html", "response",
                                           payload=io.BytesIO(page.encode("utf-8")), http_headers=headers)
        writer.write_record(record)
    articles, errors = collect([tmp_path])
    assert errors == []
    assert sorted(a.raw_format for a in articles) == ["html", "html"]
    warc_article = next(a for a in articles if a.url)
    assert warc_article.url == "https://vnexpress.net/ha-noi-mua-lon.html"
