"""Articles from the web: pages and RSS/Atom feeds served by a local HTTP server (127.0.0.1, started here), with
every way a source can fail giving one clear line while the rest is ingested."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant import Assistant
from tests.support import run_cli

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


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
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
    yield served, base
    server.shutdown()


@pytest.fixture
def web_assistant(empty_assistant: Assistant) -> Assistant:
    return Assistant(
        store_path=empty_assistant.settings.store,
        collection=empty_assistant.settings.collection,
        seeds=None,
        fetch_timeout=1.0,
    )


def test_a_feed_is_ingested_with_titles_authors_and_dates_once(web_assistant: Assistant, site) -> None:  # noqa: ANN001
    _, base = site
    report = web_assistant.ingest([f"{base}/feed.xml", f"{base}/atom.xml"])
    assert (report.added, report.errors) == (4, [])
    articles = {a.title: a for a in web_assistant.articles()}
    assert {t: (a.author, a.date) for t, a in articles.items()} == {
        "Ferry fares rise": ("Tessa Marr", "2025-09-01"),
        "Harbour reopens": ("Ada Brenner", "2025-09-10"),
        "Bridge vote delayed": ("Ola Berg", "2025-09-20"),
        "Orchard harvest starts": ("Lena Frost", "2025-09-12T08:00:00+00:00"),  # the feed's, the page has none
    }
    assert articles["Harbour reopens"].url == f"{base}/a2.html"
    again = web_assistant.ingest([f"{base}/feed.xml", f"{base}/atom.xml"])
    assert (again.added, again.replaced, again.skipped) == (0, 0, 4)
    answer = web_assistant.ask("What did ferry fares rise to?")
    assert "five euros" in answer.citations[0].sentence and answer.citations[0].published == "2025-09-01"


def test_an_edited_item_replaces_its_earlier_version(web_assistant: Assistant, site) -> None:  # noqa: ANN001
    served, base = site
    web_assistant.ingest([f"{base}/feed.xml"])
    title, author, date, _ = ITEMS["a1"]
    edited = "Ferry fares on the Lindholm crossing rose to six euros, not five."
    served.pages["a1.html"] = ("text/html", PAGE.format(title=title, author=author, date=date, body=edited))
    report = web_assistant.ingest([f"{base}/feed.xml"])
    assert (report.added, report.replaced, report.skipped) == (0, 1, 2)
    assert len(web_assistant.articles()) == 3
    assert "six euros" in web_assistant.ask("What did ferry fares rise to?").citations[0].sentence


def test_a_page_by_its_address(web_assistant: Assistant, site) -> None:  # noqa: ANN001
    served, base = site
    xhtml = '<?xml version="1.0"?>' + PAGE.format(title="Quay", author="", date="", body="The quay was rebuilt in oak.")
    served.pages["quay.html"] = ("text/html; charset=no-such-charset", xhtml)  # a page, though it starts as XML
    assert web_assistant.ingest([f"{base}/quay.html"]).added == 1
    web_assistant.delete(web_assistant.articles()[0].id)
    report = web_assistant.ingest([f"{base}/a3.html"])
    (article,) = web_assistant.articles()
    assert report.added == 1 and (article.title, article.author, article.url) == (
        "Bridge vote delayed",
        "Ola Berg",
        f"{base}/a3.html",
    )


def test_each_failure_is_one_clear_line_and_the_rest_is_ingested(web_assistant: Assistant, site) -> None:  # noqa: ANN001
    served, base = site
    served.pages["a2.html"] = ("text/html", "")  # a page with nothing in it: the feed's summary stands in
    del served.pages["a3.html"]  # a 404 item: its summary stands in too
    urls = [f"{base}/{p}" for p in ("feed.xml", "missing.html", "bad.xml", "report.html", "big.html", "loop", "slow")]
    report = web_assistant.ingest(urls)
    assert report.added == 3  # the feed's three items: one page, two summaries
    lines = report.errors
    expected = [
        "a3.html: HTTP 404",
        "missing.html: HTTP 404 Not Found; skipped",
        "bad.xml: not a readable RSS or Atom feed",
        "report.html: a PDF served as text/html",
        "big.html: over the 5,000,000-byte limit",
        "loop: a redirect loop or too many redirects",
        "slow: could not be fetched",
    ]
    for part in expected:
        assert sum(part in line for line in lines) == 1, (part, lines)
    assert len(lines) == len(expected) + 1  # and a2's empty page


def test_watch_keeps_a_store_current_one_line_a_run(site, tmp_path: Path) -> None:  # noqa: ANN001
    served, base = site
    store = tmp_path / "store"
    args = ["--store", store, "--collection", "watched", "watch", f"{base}/feed.xml", f"{base}/gone.html"]
    first = run_cli(*args, "--every", "1s", "--runs", "1")
    assert first.returncode == 0 and " 3 added, 0 updated, 0 unchanged, 1 failed" in first.stdout
    assert "gone.html: HTTP 404" in first.stderr
    title, author, date, _ = ITEMS["a2"]
    served.pages["a2.html"] = ("text/html", PAGE.format(title=title, author=author, date=date, body="It shut again."))
    second = run_cli(*args, "--every", "1s", "--runs", "2")
    lines = [line for line in second.stdout.splitlines() if " added, " in line]
    assert [line.split(" ", 2)[2] for line in lines] == [
        "0 added, 1 updated, 2 unchanged, 1 failed",
        "0 added, 0 updated, 3 unchanged, 1 failed",
    ]
    bad = run_cli(*args, "--every", "soon")
    assert bad.returncode == 2 and "'soon' is not an interval" in bad.stderr
