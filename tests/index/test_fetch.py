"""Articles from the web: pages and RSS/Atom feeds served by a local HTTP server (127.0.0.1, started here), with
every way a source can fail giving one clear line while the rest is ingested."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from tests.feeds import ITEMS, PAGE, Site, news_site
from tests.support import run_cli


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    with news_site() as served:
        yield served


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


@pytest.mark.slow
@pytest.mark.integration
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
