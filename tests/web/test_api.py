"""The JSON API: records, paging, filters, errors, OpenAPI."""

from __future__ import annotations


def test_events_listing_paging_and_bounds(client):
    first = client.get("/api/events", params={"per_page": 3}).json()
    assert first["per_page"] == 3 and len(first["events"]) == 3 and first["total"] >= 10
    second = client.get("/api/events", params={"per_page": 3, "page": 2}).json()
    assert {e["id"] for e in first["events"]}.isdisjoint(e["id"] for e in second["events"])
    for params in ({"per_page": 101}, {"per_page": 0}, {"page": 0}, {"page": 10_001}, {"from": "2024-02-30"},
                   {"to": "24-1-1"}, {"entity": "a b"}, {"outlet": "x" * 101}):
        response = client.get("/api/events", params=params)
        assert response.status_code == 422, params
        assert response.json()["status"] == 422


def test_events_filters(client):
    def listed(**params):
        return {e["id"] for e in client.get("/api/events", params={"per_page": 100, **params}).json()["events"]}

    assert listed(outlet="VOV") == {"ev-web-1", "ev-web-2"}
    assert listed(entity="per-biden") == {"ev-web-1", "ev-web-2"}
    assert listed(entity="per-kishida") == {"ev-web-1"}
    assert listed(**{"from": "2024-04-11", "to": "2024-04-30"}) == {"ev-web-1", "ev-xss"}
    assert listed(**{"from": "2024-06-02"}) == {"ev-dn"}
    assert listed(outlet="VOV", **{"from": "2024-05-01"}) == {"ev-web-2"}
    assert listed(outlet="không có") == set()


def test_event_card_fields(client):
    events = client.get("/api/events", params={"outlet": "VOV"}).json()["events"]
    card = next(e for e in events if e["id"] == "ev-web-1")
    assert card["article_count"] == 2 and card["outlets"] == ["VOV", "VnExpress"]
    # equal mention counts: ordered by name
    assert [e["id"] for e in card["top_entities"]] == ["per-kishida", "per-biden"]
    assert card["storyline_id"] == "sl-web-1"


def test_event_record(client, web_store):
    event = client.get("/api/events/ev-web-1").json()
    assert event["event_id"] == "ev-web-1" and event["article_ids"] == ["web-a1", "web-a2"]
    s1 = web_store["summary"][0]
    assert event["summary_sentences"][0] == {"text": s1.text, "article_id": "web-a1", "start": s1.start,
                                             "end": s1.end, "source_number": 1}
    assert event["timeline"][0]["value"] == "2024-04-10"
    assert {e["id"]: e["mentions"] for e in event["entities"]} == {"per-biden": 2, "per-kishida": 2}
    assert [a["outlet"] for a in event["articles"]] == ["VOV", "VnExpress"]
    assert event["storyline"] == {"id": "sl-web-1", "title": "Quan hệ Mỹ - Nhật 2024"}


def test_article_record(client, web_store):
    article = client.get("/api/articles/web-a1").json()
    assert article["id"] == "web-a1" and article["event_id"] == "ev-web-1"
    assert article["text"] == web_store["articles"]["web-a1"].text
    assert "raw" not in article
    assert client.get("/api/articles/web-a1", params={"raw": "true"}).json()["raw"].startswith("Tổng thống")
    mention = article["mentions"][0]
    assert article["text"][mention["start"]:mention["end"]] == mention["text"]


def test_entity_record(client):
    entity = client.get("/api/entities/per-biden").json()
    assert entity["name"] == "Joe Biden" and "Biden" in entity["aliases"]
    assert entity["mentions"] == 3 and entity["events_total"] == 2
    assert entity["mentions_over_time"] == [{"date": "2024-04-10", "mentions": 1}, {"date": "2024-04-11", "mentions": 1},
                                            {"date": "2024-05-02", "mentions": 1}]
    assert [e["id"] for e in entity["events"]] == ["ev-web-2", "ev-web-1"]
    paged = client.get("/api/entities/per-biden", params={"per_page": 1, "page": 2}).json()
    assert [e["id"] for e in paged["events"]] == ["ev-web-1"]


def test_storyline_record(client):
    storyline = client.get("/api/storylines/sl-web-1").json()
    assert storyline["storyline_id"] == "sl-web-1" and storyline["event_ids"] == ["ev-web-1", "ev-web-2"]
    assert [e["id"] for e in storyline["events"]] == ["ev-web-1", "ev-web-2"]
    assert len(storyline["timeline"]) == 2


def test_unknown_ids_are_404_json(client):
    for url in ("/api/events/khong-co", "/api/articles/khong-co", "/api/entities/khong-co", "/api/storylines/khong-co",
                "/api/khong-co"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"] == "application/json"
        assert response.json()["status"] == 404 and response.json()["detail"]


def test_openapi_lists_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/storylines/{storyline_id}", "/api/entities/{entity_id}",
            "/api/articles/{article_id}", "/api/search"} <= set(spec["paths"])
    assert "/events/{event_id}" not in spec["paths"]  # HTML pages are not part of the API
    schemas = spec["components"]["schemas"]
    assert {"id", "title", "event_id", "snippet"} <= set(schemas["SearchResult"]["properties"])
    assert "article_ids" in schemas["EventOut"]["properties"]
    search = spec["paths"]["/api/search"]["get"]
    assert {"200", "404", "422"} <= set(search["responses"])
    per_page = next(p for p in search["parameters"] if p["name"] == "per_page")
    assert per_page["schema"]["maximum"] == 100
