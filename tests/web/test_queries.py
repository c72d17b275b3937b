"""Unit tests of the query helpers: FTS expressions, highlighting, snippets, article layout."""

from __future__ import annotations

from sukien.store import queries


def test_query_tokens_are_folded_words():
    assert queries.query_tokens('Nhật Bản "OR" hoà-bình*') == ["nhat", "ban", "or", "hoa", "binh"]
    assert queries.query_tokens("x" * 500) == ["x" * queries.MAX_QUERY_LENGTH]
    assert len(queries.query_tokens(" ".join(f"w{i}" for i in range(40)))) == queries.MAX_QUERY_TOKENS


def test_fts_queries_quote_every_token():
    assert queries.fts_queries([]) == []
    assert queries.fts_queries(["nhat"]) == ['"nhat"']
    assert queries.fts_queries(["nhat", "ban"]) == ['"nhat ban"', '("nhat" AND "ban") NOT "nhat ban"']
    # repeated words stay in the phrase, once in the AND
    tokens, sequence = queries.query_tokens("Việt Nam - Nam Phi"), queries.query_tokens("Việt Nam - Nam Phi", unique=False)
    assert (tokens, sequence) == (["viet", "nam", "phi"], ["viet", "nam", "nam", "phi"])
    assert queries.fts_queries(tokens, sequence) == ['"viet nam nam phi"', '("viet" AND "nam" AND "phi") NOT "viet nam nam phi"']
    assert queries.fts_queries(["ha"], ["ha", "ha"]) == ['"ha ha"', '("ha") NOT "ha ha"']


def test_hits_are_whole_words_in_the_original():
    text = "Hoà bình ở Nhật Bản; hoạt động bình thường"
    hits = queries.find_hits(text, ["hoa", "binh"])
    assert [text[s:e] for s, e in hits] == ["Hoà", "bình", "bình"]


def test_hits_survive_text_whose_fold_changes_length():
    text = "İstanbul và hòa bình"  # "İ".lower() is two characters
    hits = queries.find_hits(text, ["hoa"])
    assert [text[s:e] for s, e in hits] == ["hòa"]


def test_snippet_centres_on_the_best_cluster_and_maps_highlights():
    text = ("Mở đầu không liên quan. " * 20) + "Thủ tướng Nhật Bản thăm Hoa Kỳ. " + ("Đoạn kết. " * 30)
    snippet = queries.make_snippet(text, ["nhat", "ban"], width=120)
    assert snippet["text"].startswith("…") and snippet["text"].endswith("…")
    assert [snippet["text"][s:e] for s, e in snippet["highlights"]] == ["Nhật", "Bản"]
    assert "".join(p["text"] for p in snippet["segments"]) == snippet["text"]
    assert [p["text"] for p in snippet["segments"] if p["hit"]] == ["Nhật", "Bản"]


def test_snippet_without_hits_is_the_start():
    snippet = queries.make_snippet("Một hai ba bốn năm sáu bảy tám chín mười.", ["khong"], width=12)
    assert snippet["text"].startswith("Một") and snippet["highlights"] == []


def test_article_layout_keeps_the_text_and_anchors_cited_spans():
    text = "Câu thứ nhất. Câu thứ hai có Biden.\nĐoạn hai. Câu cuối."
    cited = [(text.index("Câu thứ hai"), text.index("Biden.") + 6)]
    mention = {"start": text.index("Biden"), "end": text.index("Biden") + 5, "entity_id": "per-biden"}
    layout = queries.article_layout(text, cited, [mention], [(0, 3)])
    rebuilt = "\n".join("".join(part["text"] for piece in paragraph for part in piece["parts"]) for paragraph in layout)
    assert rebuilt == text
    anchors = {piece["anchor"]: piece for paragraph in layout for piece in paragraph if piece["anchor"]}
    target = anchors[f"s-{cited[0][0]}"]
    assert target["cited"] and "".join(p["text"] for p in target["parts"]) == text[cited[0][0]:cited[0][1]]
    assert {"text": "Biden", "entity": "per-biden"} in target["parts"]
    assert {"text": "Câu", "hit": True} in layout[0][0]["parts"]
    assert "s-0" in anchors and f"s-{text.index('Đoạn hai')}" in anchors


def test_article_layout_ignores_spans_outside_the_text():
    layout = queries.article_layout("Ngắn.", [(3, 99), (-5, 2)], [{"start": 0, "end": 50, "entity_id": "x"}])
    assert "".join(part["text"] for piece in layout[0] for part in piece["parts"]) == "Ngắn."
