"""A local feed server for the service's tests: RSS feeds whose items the test publishes one
by one, answering conditional requests (ETag) like a real site."""

from __future__ import annotations

import html
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Item:
    guid: str
    title: str
    text: str
    day: str = "Tue, 12 Sep 2023 08:00:00 GMT"


@dataclass
class Feeds:
    """Feeds by path (``/seed-wire.xml``): each a title and the items published so far."""

    items: dict[str, list[Item]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    requests: list[tuple[str, int]] = field(default_factory=list)
    port: int = 0
    slow: dict[str, float] = field(default_factory=dict)  # name: seconds between body bytes

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}.xml"

    def publish(self, name: str, title: str, item: Item) -> None:
        self.titles[name] = title
        self.items.setdefault(name, []).append(item)

    def body(self, name: str) -> bytes:
        entries = "".join(
            f"<item><guid>{html.escape(i.guid)}</guid><title>{html.escape(i.title)}</title>"
            f"<link>https://{name}.example/{html.escape(i.guid)}</link>"
            f"<description>{html.escape(i.text)}</description><pubDate>{i.day}</pubDate></item>"
            for i in self.items.get(name, [])
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{html.escape(self.titles.get(name, name))}</title>"
            f"<link>https://{name}.example/</link>{entries}</channel></rss>"
        ).encode()


@contextmanager
def feed_server() -> Iterator[Feeds]:
    feeds = Feeds()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            name = self.path.strip("/").removesuffix(".xml")
            if name not in feeds.items:
                self.send_response(404)
                self.end_headers()
                feeds.requests.append((self.path, 404))
                return
            body = feeds.body(name)
            etag = f'"{len(feeds.items[name])}-{len(body)}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                feeds.requests.append((self.path, 304))
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            pause = feeds.slow.get(name)
            if pause is None:
                self.wfile.write(body)
            else:  # a site that trickles: one byte, then a pause, until the client leaves
                try:
                    for k in range(len(body)):
                        self.wfile.write(body[k : k + 1])
                        self.wfile.flush()
                        time.sleep(pause)
                except OSError:
                    return
            feeds.requests.append((self.path, 200))

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    feeds.port = server.server_port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield feeds
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
