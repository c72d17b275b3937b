"""A tiny OpenAI-compatible chat-completions server for tests (http.server, no dependencies).

    python fake_llm_server.py PORT MODE

MODE:
- ok: parses the request, reads the numbered sentences from the user message and answers
  with a Vietnamese rewrite in the JSON format the abstractive step asks for, merging
  sentences 1 and 2 into one (so attribution of a merged sentence is exercised);
- slow: sleeps 5 s before answering (timeouts);
- error: HTTP 500;
- garbage: HTTP 200 with a body that is not JSON;
- badjson: a valid chat completion whose content is not the JSON asked for.
Prints "READY" once listening. Every request body is checked: a request without a model or
messages gets HTTP 400.
"""

from __future__ import annotations

import json
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

MODE = "ok"


def rewrite_sentences(user_message: str) -> list[dict]:
    numbered = re.findall(r"^(\d+)\. (.+)$", user_message, flags=re.MULTILINE)
    out = []
    if len(numbered) >= 2:
        first, second = numbered[0][1].rstrip(". "), numbered[1][1].rstrip(". ")
        out.append({"text": f"Tóm lại, {first[0].lower() + first[1:]}; đồng thời, {second[0].lower() + second[1:]}.",
                    "sources": [int(numbered[0][0]), int(numbered[1][0])]})
        rest = numbered[2:]
    else:
        rest = numbered
    for number, text in rest:
        out.append({"text": f"Theo tin được đưa, {text[0].lower() + text[1:]}", "sources": [int(number)]})
    return out


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        try:
            request = json.loads(self.rfile.read(length))
            messages = request["messages"]
            model = request["model"]
            user = next(m["content"] for m in messages if m["role"] == "user")
        except (ValueError, KeyError, StopIteration):
            self._send(400, b'{"error": "bad request"}')
            return
        if not self.path.endswith("/chat/completions"):
            self._send(404, b'{"error": "not found"}')
            return
        if MODE == "slow":
            time.sleep(5)
        if MODE == "error":
            self._send(500, b'{"error": "internal server error"}')
            return
        if MODE == "garbage":
            self._send(200, b"<html>this is not json</html>", "text/html")
            return
        content = "Xin lỗi, tôi không thể." if MODE == "badjson" else json.dumps(
            {"sentences": rewrite_sentences(user)}, ensure_ascii=False)
        answer = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        }
        self._send(200, json.dumps(answer, ensure_ascii=False).encode("utf-8"))


def main() -> None:
    global MODE
    port, MODE = int(sys.argv[1]), sys.argv[2]
    server = HTTPServer(("127.0.0.1", port), Handler)
    print("READY", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
