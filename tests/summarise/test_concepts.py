"""Event concepts (syllable bigrams): their features and the weights the summariser covers."""

from __future__ import annotations

import numpy as np
import pytest

from sukien.model import Article
from sukien.summarise.candidates import build_candidates
from sukien.summarise.concepts import (CONCEPT_FEATURES, concept_features, default_concept_model,
                                       heuristic_weights)
from sukien.summarise.features import compute_features


def three_outlets() -> list[Article]:
    return [
        Article(id="a", title="Máy bay EgyptAir mất tích trên Địa Trung Hải", body=[
            "Máy bay EgyptAir chở 66 người mất tích trên Địa Trung Hải khi bay từ Paris tới Cairo.",
            "Quân đội Ai Cập cho biết không nhận được tín hiệu cầu cứu nào từ máy bay."]),
        Article(id="b", title="Tìm thấy mảnh vỡ máy bay EgyptAir", body=[
            "Các đội tìm kiếm đã phát hiện mảnh vỡ của máy bay EgyptAir trên Địa Trung Hải.",
            "Hy Lạp cho biết máy bay đã rẽ gấp trước khi biến mất khỏi màn hình radar."]),
        Article(id="c", title="Pháp cử tàu tham gia tìm kiếm", body=[
            "Pháp đã cử tàu và máy bay tham gia tìm kiếm máy bay EgyptAir trên Địa Trung Hải.",
            "Tổng thống Pháp nói chưa loại trừ khả năng máy bay bị tấn công khủng bố."]),
    ]


def features_of(articles):
    candidates = [c for c in build_candidates(articles) if c.usable]
    X, m, _ = compute_features(candidates, articles)
    F, presence = concept_features(candidates, articles, m, X)
    n_uni = len(m.idf_vector)
    vocab = {i: t for t, i in m.uni_vocab.items()}
    names = [(vocab[int(c // n_uni)], vocab[int(c % n_uni)]) for c in m.bigram_codes]
    return candidates, F, presence, names


def test_concept_features_count_articles_headlines_and_leads():
    articles = three_outlets()
    candidates, F, presence, names = features_of(articles)
    col = {name: i for i, name in enumerate(CONCEPT_FEATURES)}
    assert F.shape == (len(names), len(CONCEPT_FEATURES)) and presence.shape == (len(candidates), len(names))
    everywhere = names.index(("địa", "trung"))  # "Địa Trung Hải": in every article, in a lead each time
    assert F[everywhere, col["df"]] == 3 and F[everywhere, col["df_frac"]] == 1.0
    assert F[everywhere, col["in_lead"]] == 1 and F[everywhere, col["first_pos"]] == 0
    assert F[everywhere, col["title_frac"]] == 1 / 3  # only the first headline names the sea
    once = names.index(("khủng", "bố"))  # one article, its second sentence, no headline
    assert F[once, col["df"]] == 1 and F[once, col["in_title"]] == 0 and F[once, col["first_pos"]] == 1
    assert F[names.index(("66", "người")), col["has_digit"]] == 1
    # presence: the sentences holding a bigram are exactly those whose text has it
    holders = presence[:, everywhere].nonzero()[0]
    assert {candidates[i].article_id for i in holders} == {"a", "b", "c"}
    assert all("Địa Trung Hải" in candidates[i].text for i in holders)


def test_weights_prefer_what_many_outlets_say():
    _, F, _, names = features_of(three_outlets())
    heuristic = heuristic_weights(F)
    assert heuristic[names.index(("địa", "trung"))] == pytest.approx(1.0)
    assert heuristic[names.index(("khủng", "bố"))] == 0.0
    model = default_concept_model()
    assert model is not None
    learned = model.predict(F)
    assert np.isfinite(learned).all()
    assert learned[names.index(("địa", "trung"))] > learned[names.index(("khủng", "bố"))]


def test_without_the_model_the_summary_falls_back_to_article_frequency(monkeypatch):
    import sukien.summarise as summarise

    articles = three_outlets()
    monkeypatch.setattr(summarise, "default_concept_model", lambda: None)
    summary = summarise.summarize(articles, max_tokens=60)
    by_id = {a.id: a for a in articles}
    assert summary
    for s in summary:
        assert by_id[s.article_id].text[s.start:s.end] == s.text
    # the sentence with the most repeated bigrams ("máy bay EgyptAir", "Địa Trung Hải") leads
    assert any("EgyptAir" in s.text and "Địa Trung Hải" in s.text for s in summary)
