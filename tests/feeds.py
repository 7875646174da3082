"""A small news site for tests: pages and RSS/Atom feeds served from 127.0.0.1 by a thread of the test process,
with the ways a source fails (404, a redirect loop, a server that never answers, 50 MB, a PDF, malformed XML)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<html><head><title>{title}</title><meta name="author" content="{author}">
<meta property="article:published_time" content="{date}"></head><body><article><h1>{title}</h1>
<p>{body}</p><p>The harbour board said more details would follow in the coming weeks, after the inspection.</p>
</article></body></html>"""
ITEMS = {
    "a1": ("Ferry fares rise", "Tessa Marr", "2025-09-01", "Ferry fares on the Lindholm crossing rose to five euros."),
    "a2": ("Harbour reopens", "Ada Brenner", "2025-09-10", "The harbour reopened on Monday after the winter storm."),
    "a3": ("Bridge vote delayed", "Ola Berg", "2025-09-20", "The council delayed its vote on the new bridge again."),
}
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title>
{items}</channel></rss>"""
RSS_ITEM = (
    "<item><title>{title}</title><link>{base}/{key}.html</link><pubDate>{date}</pubDate>"
    "<description>{summary}</description></item>"
)
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley news</title>
<entry><title>Orchard harvest starts</title><link href="{base}/orchard.html"/><updated>2025-09-12T08:00:00Z</updated>
<author><name>Lena Frost</name></author><summary>The harvest began early.</summary></entry></feed>"""


class Site:
    """What the test server serves, editable while it runs."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str | bytes]] = {}


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.lstrip("/")
            if path == "loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
                return
            if path == "slow":
                time.sleep(5)
                return
            if path == "big.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                chunk = b"<p>" + b"x" * 65_536 + b"</p>"
                try:
                    for _ in range(800):  # ~50 MB, never held in memory
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            if path not in site.pages:
                self.send_error(404, "Not Found")
                return
            content_type, body = site.pages[path]
            data = body.encode() if isinstance(body, str) else body
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def news_site() -> Iterator[tuple[Site, str]]:
    """The site served on a free loopback port: what it serves (editable) and its base address."""
    served = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for key, (title, author, date, body) in ITEMS.items():
        served.pages[f"{key}.html"] = ("text/html", PAGE.format(title=title, author=author, date=date, body=body))
    items = "".join(RSS_ITEM.format(title=t, base=base, key=k, date=d, summary=b) for k, (t, _, d, b) in ITEMS.items())
    served.pages["feed.xml"] = ("application/rss+xml", RSS.format(items=items))
    served.pages["atom.xml"] = ("application/atom+xml", ATOM.format(base=base))
    served.pages["orchard.html"] = (
        "text/html",
        PAGE.format(title="Orchard harvest starts", author="", date="", body="The apple harvest began early."),
    )
    served.pages["bad.xml"] = ("application/rss+xml", "<rss><channel><item><title>Broken")
    served.pages["report.html"] = ("text/html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    try:
        yield served, base
    finally:
        server.shutdown()
