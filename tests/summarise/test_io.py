import json

from sukien.summarise import summarize
from sukien.summarise.io import read_articles_jsonl, summary_to_json


def test_jsonl_round_trip(tmp_path, seed_2plus2, seed_summit):
    path = tmp_path / "cluster.jsonl"
    lines = [
        json.dumps({"id": a.id, "title": a.title, "lead": a.lead, "body": a.body,
                    "published": a.published.isoformat()}, ensure_ascii=False)
        for a in (seed_2plus2, seed_summit)
    ]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"id": "s", "title": "T", "body": "Đoạn một có nội dung.\nĐoạn hai có nội dung."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read_articles_jsonl(path)
    assert [a.id for a in articles] == ["seed-000", "seed-003", "s"]
    assert problems and "line 2" in problems[0]
    assert articles[0].text == seed_2plus2.text and articles[0].published == seed_2plus2.published
    assert articles[2].body == ["Đoạn một có nội dung.", "Đoạn hai có nội dung."]
    out = summary_to_json(summarize(articles[:2], max_tokens=120))
    by_id = {a.id: a for a in articles}
    assert out["summary"] == " ".join(s["text"] for s in out["sentences"])
    for s in out["sentences"]:
        assert by_id[s["article_id"]].text[s["start"]:s["end"]] == s["text"]
