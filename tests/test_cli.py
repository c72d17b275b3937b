import json

from typer.testing import CliRunner

from sukien.cli import app

runner = CliRunner()


def invoke(*args, input=None):
    result = runner.invoke(app, [str(a) for a in args], input=input)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_run_events_show_export_report(tmp_path, seeds_dir, vims_sample):
    db = tmp_path / "s.db"
    invoke("run", seeds_dir, vims_sample, "--db", db)
    listing = invoke("events", "--db", db, "--json")
    events = json.loads(listing)
    assert len(events) >= 2
    exported = [json.loads(line) for line in invoke("export", "--db", db, "--what", "events").splitlines()]
    assert {e["event_id"] for e in exported} == {e["event_id"] for e in events}
    for e in exported:
        assert e["article_ids"] and e["summary"] and e["summary_sentences"]
        assert all({"text", "article_id"} <= set(s) for s in e["summary_sentences"])
    articles = json.loads(invoke("export", "--db", db, "--what", "articles", "--format", "json"))
    assert len(articles) == 37
    assert {"vims-001-1", "vims-036-237"} <= {a["id"] for a in articles}
    assert all(a["event_id"] for a in articles) and all("storyline_id" in a for a in articles)
    seed_event = next(a["event_id"] for a in articles if a["title"].startswith("Mỹ, Nhật công bố"))
    shown = invoke("show", seed_event, "--db", db)
    assert "Mỹ, Nhật công bố kế hoạch củng cố liên minh" in shown and "Tóm tắt" in shown
    report = tmp_path / "report.html"
    invoke("report", "--db", db, "-o", report)
    html = report.read_text(encoding="utf-8")
    assert '<html lang="vi">' in html and "Mỹ - Nhật cam kết phối hợp" in html
    assert "Mời quý độc giả" not in html.split("<h1>Bài báo</h1>")[0]


def test_show_unknown_event_and_missing_store_fail_clearly(tmp_path, seeds_dir):
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output
    db = tmp_path / "s.db"
    invoke("run", seeds_dir, "--db", db)
    unknown = runner.invoke(app, ["show", "e000", "--db", str(db)])
    assert unknown.exit_code == 1 and "no event" in unknown.output


def test_run_reports_bad_files_and_keeps_going(tmp_path, seeds_dir):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "title": "Tin nhanh", "body": "Một câu."}\n[1, 2]\n', encoding="utf-8")
    result = runner.invoke(app, ["run", str(bad), str(seeds_dir), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0
    assert "bad.jsonl:2" in result.output and "expected a JSON object" in result.output
    assert "3 added" in result.output


def test_clean_filter_prints_json_per_input(seeds_dir):
    output = invoke("clean", seeds_dir / "003_26d975ab3c8963bb.txt")
    record = json.loads(output)
    assert record["title"] == "Mỹ - Nhật cam kết phối hợp trong mọi lĩnh vực, ở mọi cấp độ"
    assert "Mời quý độc giả" not in record["body"] and "Tin liên quan" not in record["body"]
    from_stdin = json.loads(invoke("clean", input=(seeds_dir / "000_7547b9468bdb06db.txt").read_text(encoding="utf-8")))
    assert from_stdin["title"] == "Mỹ, Nhật công bố kế hoạch củng cố liên minh"


def test_summarize_filter_attributes_sentences(write_jsonl, vims_sample):
    records = [json.loads(line) for line in vims_sample.read_text(encoding="utf-8").splitlines()]
    cluster = write_jsonl([r for r in records if r["id"].startswith("vims-001-")])
    result = json.loads(invoke("summarize", "--input", cluster, "--max-tokens", 80))
    assert result["summary"] and result["sentences"]
    by_id = {r["id"]: r for r in records}
    for s in result["sentences"]:
        article = by_id[s["article_id"]]
        text = "\n".join(article["body"])
        assert text[s["start"]:s["end"]] == s["text"]


def test_times_filter_reads_stdin_and_jsonl(tmp_path):
    result = json.loads(invoke("times", "--ref", "2023-01-12T18:00+07:00", input="Hôm qua (11/1), người phát ngôn cho biết"))
    assert [(m["text"], m["value"]) for m in result["mentions"]] == [("Hôm qua", "2023-01-11"), ("11/1", "2023-01-11")]
    lines = tmp_path / "sentences.jsonl"
    lines.write_text(json.dumps({"id": "s1", "text": "Thủ tướng sẽ thăm Mỹ ngày 20/12.", "ref": "2023-11-30"}, ensure_ascii=False)
                     + "\n", encoding="utf-8")
    result = json.loads(invoke("times", "--input", lines))
    assert result["id"] == "s1" and result["mentions"][0]["value"] == "2023-12-20"
    lines.write_text("{oops\n", encoding="utf-8")
    bad = runner.invoke(app, ["times", "--input", str(lines)])
    assert bad.exit_code == 2 and "sentences.jsonl:1" in bad.output


def test_entities_filter(tmp_path):
    text = "Thủ tướng Nhật Bản Fumio Kishida gặp Tổng thống Mỹ Joe Biden tại Washington. Ông Kishida cảm ơn ông Biden."
    result = json.loads(invoke("entities", input=text))
    names = {e["name"]: e for e in result["entities"]}
    assert {"Fumio Kishida", "Joe Biden"} <= set(names)
    kishida = names["Fumio Kishida"]
    assert kishida["type"] == "PER" and "Kishida" in kishida["aliases"]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in result["mentions"])
    lines = tmp_path / "texts.jsonl"
    lines.write_text(json.dumps({"id": "t1", "text": "Liên Hợp Quốc (LHQ) họp tại New York."}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    result = json.loads(invoke("entities", "--input", lines))
    assert result["id"] == "t1" and any(e["type"] == "ORG" for e in result["entities"])
