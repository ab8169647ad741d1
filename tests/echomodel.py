"""A stand-in OpenAI chat endpoint on loopback, for the tests of the LLM summary path: it
copies fact [1] of the prompt, cited, then adds a sentence its evidence cannot support."""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UNSUPPORTED = "The bridge was painted pink in 1990 by 300 volunteers."


class _EchoModel(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = body["messages"][-1]["content"]
        first = re.search(r"^\[1\] (.+)$", prompt, re.MULTILINE)
        assert first is not None
        reply = f"{first[1]} [1]\n{UNSUPPORTED} [1]"
        data = json.dumps({"choices": [{"message": {"content": reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def echo_model_url() -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT/v1``) of a stand-in server, stopped on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EchoModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
