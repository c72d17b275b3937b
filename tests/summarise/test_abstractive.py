"""The optional abstractive step against a real local HTTP server process (fake_llm_server.py)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sukien.model import SummarySentence
from sukien.summarise.abstractive import parse_answer, rewrite

SERVER = Path(__file__).with_name("fake_llm_server.py")

SENTENCES = [
    SummarySentence("Máy bay MS804 của EgyptAir mất tích trên Địa Trung Hải rạng sáng 19/5.", "a", 0, 72),
    SummarySentence("Trên máy bay có 66 người, trong đó có 30 công dân Ai Cập.", "b", 10, 68),
    SummarySentence("Pháp và Hy Lạp đã cử tàu tham gia tìm kiếm.", "c", 5, 49),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(request):
    """Start fake_llm_server.py in the mode given by the test's parameter; yield its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(SERVER), str(port), request.param],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "READY"
        deadline = time.time() + 10
        while time.time() < deadline:  # wait until the port accepts connections
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def assert_extractive_kept(result) -> None:
    assert result.error
    assert result.text == " ".join(s.text for s in SENTENCES)
    assert [s.sources for s in result.sentences] == [[0], [1], [2]]
    assert [s.article_ids for s in result.sentences] == [["a"], ["b"], ["c"]]


@pytest.mark.parametrize("server", ["ok"], indirect=True)
def test_rewrite_through_a_real_server_keeps_attribution(server):
    result = rewrite(SENTENCES, server, "test-model", api_key="secret", timeout=10)
    assert result.error is None, result.error
    assert result.ok
    # the server merged sentences 1 and 2 and rephrased 3, all built from the prompt's sentences
    assert len(result.sentences) == 2
    assert result.sentences[0].sources == [0, 1] and result.sentences[0].article_ids == ["a", "b"]
    assert result.sentences[1].sources == [2] and result.sentences[1].article_ids == ["c"]
    assert "MS804" in result.sentences[0].text and "66 người" in result.sentences[0].text
    assert result.sentences[1].text.startswith("Theo tin được đưa, pháp và Hy Lạp")
    assert result.text == " ".join(s.text for s in result.sentences)
    assert result.extractive == SENTENCES


def test_server_down_keeps_extractive_summary():
    result = rewrite(SENTENCES, f"http://127.0.0.1:{free_port()}/v1", "test-model", timeout=5)
    assert_extractive_kept(result)
    assert "unreachable" in result.error


@pytest.mark.parametrize("server", ["slow"], indirect=True)
def test_timeout_keeps_extractive_summary(server):
    started = time.time()
    result = rewrite(SENTENCES, server, "test-model", timeout=0.5)
    assert time.time() - started < 4
    assert_extractive_kept(result)
    assert "timed out" in result.error


@pytest.mark.parametrize("server", ["error"], indirect=True)
def test_http_500_keeps_extractive_summary(server):
    result = rewrite(SENTENCES, server, "test-model", timeout=5)
    assert_extractive_kept(result)
    assert "HTTP 500" in result.error


@pytest.mark.parametrize("server", ["garbage"], indirect=True)
def test_invalid_json_keeps_extractive_summary(server):
    result = rewrite(SENTENCES, server, "test-model", timeout=5)
    assert_extractive_kept(result)
    assert "malformed" in result.error


@pytest.mark.parametrize("server", ["badjson"], indirect=True)
def test_unusable_model_answer_keeps_extractive_summary(server):
    result = rewrite(SENTENCES, server, "test-model", timeout=5)
    assert_extractive_kept(result)
    assert "rejected" in result.error


def test_not_configured_or_empty():
    assert "not configured" in rewrite(SENTENCES, "", "m").error
    empty = rewrite([], "http://127.0.0.1:9/v1", "m")
    assert empty.error and empty.text == ""


@pytest.mark.parametrize("answer,reason", [
    ('{"sentences": [{"text": "Câu viết lại đầy đủ.", "sources": [1, 2]}]}', "dropped"),
    ('{"sentences": [{"text": "Câu viết lại.", "sources": [4]}]}', "not a sentence number"),
    ('{"sentences": [{"text": "", "sources": [1, 2, 3]}]}', "no text"),
    ('{"sentences": []}', "non-empty"),
    ("không phải json", "no JSON"),
    ('{"sentences": [{"text": "Câu.", "sources": [1,]}]}', "not valid JSON"),
])
def test_answer_validation(answer, reason):
    with pytest.raises(ValueError, match=reason):
        parse_answer(answer, SENTENCES)


def test_answer_in_code_fence_is_accepted():
    answer = '```json\n{"sentences": [{"text": "Một câu gộp cả ba ý.", "sources": [1, 2, 3]}]}\n```'
    (sentence,) = parse_answer(answer, SENTENCES)
    assert sentence.article_ids == ["a", "b", "c"]


def _cluster_file(tmp_path) -> Path:
    import json

    records = [
        {"id": "a", "title": "Máy bay EgyptAir mất tích", "body": "Máy bay MS804 của EgyptAir mất tích trên Địa Trung Hải rạng sáng 19/5. Trên máy bay có 66 người, trong đó có 30 công dân Ai Cập."},
        {"id": "b", "title": "Tìm kiếm máy bay Ai Cập", "body": "Pháp và Hy Lạp đã cử tàu tham gia tìm kiếm máy bay MS804 trên Địa Trung Hải. Máy bay chở 66 người khi biến mất khỏi màn hình radar."},
    ]
    path = tmp_path / "cluster.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("server", ["ok"], indirect=True)
def test_cli_summarize_with_a_configured_endpoint(server, tmp_path):
    import json

    from typer.testing import CliRunner

    from sukien.cli import app

    result = CliRunner().invoke(app, ["summarize", "--input", str(_cluster_file(tmp_path)), "--max-tokens", "60",
                                      "--llm-endpoint", server, "--llm-model", "test-model", "--llm-timeout", "10"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["abstractive"]["error"] is None
    assert output["abstractive"]["text"] and output["abstractive"]["text"] != output["summary"]
    assert {i for s in output["abstractive"]["sentences"] for i in s["article_ids"]} <= {"a", "b"}


def test_cli_summarize_keeps_the_extractive_summary_when_the_endpoint_is_down(tmp_path):
    import json

    from typer.testing import CliRunner

    from sukien.cli import app

    result = CliRunner().invoke(app, ["summarize", "--input", str(_cluster_file(tmp_path)), "--max-tokens", "60",
                                      "--llm-endpoint", f"http://127.0.0.1:{free_port()}/v1", "--llm-timeout", "3"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["abstractive"]["error"] and output["abstractive"]["text"] == output["summary"]
    assert "abstractive step failed" in result.stderr
