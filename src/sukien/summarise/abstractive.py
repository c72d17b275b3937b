"""Optional abstractive step: rewrite an extractive summary into fluent Vietnamese.

Off by default; the user configures an OpenAI-compatible chat-completions endpoint (llama.cpp's
`llama-server`, vLLM, ...): base URL, model name, optional API key, timeout.

Attribution is kept by construction: the model receives the summary as numbered sentences and
must answer with JSON, one object per output sentence naming the input sentences it rewrites:

    {"sentences": [{"text": "...", "sources": [1, 2]}, ...]}

The answer is validated (JSON, every source index exists, every input sentence used, text in
non-empty Vietnamese-looking prose). Whenever anything fails — connection refused, timeout,
HTTP error, invalid JSON, an answer that does not validate — `rewrite` returns the
extractive summary unchanged with a clear `error`; it never raises.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import httpx
import regex

from sukien.model import SummarySentence

SYSTEM_PROMPT = (
    "Bạn là biên tập viên tin tức. Viết lại bản tóm tắt sau thành tiếng Việt trôi chảy, ngắn gọn, "
    "giữ nguyên mọi sự kiện, con số, tên riêng; không thêm thông tin mới. "
    "Trả lời CHỈ bằng JSON dạng {\"sentences\": [{\"text\": \"...\", \"sources\": [1, 2]}]}, "
    "trong đó sources là số thứ tự các câu gốc mà câu viết lại dựa vào; mỗi câu gốc phải được dùng."
)


@dataclass
class RewrittenSentence:
    text: str
    sources: list[int]  # indices into the input sentences
    article_ids: list[str]  # the articles those sentences come from


@dataclass
class AbstractiveResult:
    text: str  # the rewritten summary, or the extractive one when `error` is set
    sentences: list[RewrittenSentence] = field(default_factory=list)
    error: str | None = None
    extractive: list[SummarySentence] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def build_messages(sentences: list[SummarySentence]) -> list[dict[str, str]]:
    numbered = "\n".join(f"{i + 1}. {s.text}" for i, s in enumerate(sentences))
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": f"Các câu gốc:\n{numbered}"},
    ]


def _extractive_result(sentences: list[SummarySentence], error: str | None) -> AbstractiveResult:
    return AbstractiveResult(
        text=" ".join(s.text for s in sentences),
        sentences=[RewrittenSentence(s.text, [i], [s.article_id]) for i, s in enumerate(sentences)],
        error=error,
        extractive=list(sentences),
    )


_JSON_OBJECT = regex.compile(r"\{.*\}", regex.DOTALL)
_LETTERS = regex.compile(r"\p{L}")


def parse_answer(content: str, sentences: list[SummarySentence]) -> list[RewrittenSentence]:
    """Validate the model's answer; raises ValueError with the reason when it is unusable."""
    if not isinstance(content, str) or not content.strip():
        raise ValueError("empty answer")
    match = _JSON_OBJECT.search(content)  # tolerate ```json fences and chatter around the object
    if not match:
        raise ValueError("answer holds no JSON object")
    try:
        payload = json.loads(match.group(0))
    except json.JSONDecodeError as exc:
        raise ValueError(f"answer is not valid JSON ({exc.msg})") from None
    items = payload.get("sentences") if isinstance(payload, dict) else None
    if not isinstance(items, list) or not items:
        raise ValueError('answer lacks a non-empty "sentences" list')
    out, used = [], set()
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("a sentence entry is not an object")
        text, sources = item.get("text"), item.get("sources")
        if not isinstance(text, str) or len(_LETTERS.findall(text)) < 3:
            raise ValueError("a rewritten sentence has no text")
        if not isinstance(sources, list) or not sources:
            raise ValueError("a rewritten sentence names no source sentence")
        indices = []
        for number in sources:
            if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(sentences):
                raise ValueError(f"source {number!r} is not a sentence number 1..{len(sentences)}")
            indices.append(number - 1)
        used.update(indices)
        out.append(RewrittenSentence(text.strip(), indices, sorted({sentences[i].article_id for i in indices})))
    missing = set(range(len(sentences))) - used
    if missing:
        raise ValueError(f"source sentences {sorted(i + 1 for i in missing)} were dropped")
    return out


def rewrite(sentences: list[SummarySentence], endpoint: str, model: str, api_key: str | None = None,
            timeout: float = 30) -> AbstractiveResult:
    """Rewrite the summary through an OpenAI-compatible endpoint (e.g. "http://127.0.0.1:8080/v1").

    Never raises: on any failure the result carries the extractive text and `error`.
    """
    sentences = [s for s in (sentences or []) if isinstance(s, SummarySentence)]
    if not sentences:
        return _extractive_result([], "nothing to rewrite: the summary is empty")
    if not endpoint or not model:
        return _extractive_result(sentences, "abstractive step not configured (endpoint and model are required)")
    url = endpoint.rstrip("/")
    if not url.endswith("/chat/completions"):
        url += "/chat/completions"
    headers = {"Content-Type": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    body = {"model": model, "messages": build_messages(sentences), "temperature": 0.2}
    try:
        response = httpx.post(url, json=body, headers=headers, timeout=timeout)
    except httpx.TimeoutException:
        return _extractive_result(sentences, f"endpoint {url} timed out after {timeout:g} s")
    except httpx.HTTPError as exc:
        return _extractive_result(sentences, f"endpoint {url} unreachable: {type(exc).__name__}: {exc}")
    except Exception as exc:  # invalid URL and the like
        return _extractive_result(sentences, f"endpoint {url} unusable: {type(exc).__name__}: {exc}")
    if response.status_code != 200:
        return _extractive_result(sentences, f"endpoint {url} answered HTTP {response.status_code}: "
                                             f"{response.text[:200]}")
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return _extractive_result(sentences, f"endpoint {url} returned a malformed chat completion: "
                                             f"{response.text[:200]!r}")
    try:
        rewritten = parse_answer(content, sentences)
    except ValueError as exc:
        return _extractive_result(sentences, f"model answer rejected: {exc}")
    return AbstractiveResult(
        text=" ".join(s.text for s in rewritten),
        sentences=rewritten,
        error=None,
        extractive=list(sentences),
    )
