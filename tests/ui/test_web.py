"""The browser chat in real headless Chromium, against ``news-assistant ui`` started by the test on 127.0.0.1.

Screenshots of each step are saved under ``test-artifacts/ui/`` (``browser.py``). (Over 250 lines: one browser, one
server on the demo store, one more on a store of one's own for its "Try" questions, each feature's walk through the
page.)
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, expect

from tests.support import CLI, CLI_ENV, KREMLIN, SEED_QUESTION, free_port, serving, ui_server, write, write_jsonl
from tests.ui.browser import Visit, chromium

pytestmark = [pytest.mark.slow, pytest.mark.integration]

MAX = "100000"  # upload limit of the test server, bytes


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real ``news-assistant ui`` command on a fresh store (seeds indexed on start); yields its URL."""
    store, log = tmp_path_factory.mktemp("ui-store"), tmp_path_factory.mktemp("ui-log") / "server.log"
    with ui_server(store, log, env={"NEWS_ASSISTANT_MAX_FILE_BYTES": MAX}) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Visit]:
    v = Visit(browser, server)
    yield v
    v.page.close()
    assert not v.errors, f"console errors: {v.errors}"
    assert v.hosts <= {server.split("/")[2]}, f"the page reached beyond the app: {v.hosts}"


def test_seed_question_shows_the_highlighted_kremlin_sentence(visit: Visit) -> None:
    answer = visit.ask("who rejected foreign troops?")
    assert "Kremlin" in answer.split("\n")[0]
    highlighted = visit.page.locator("#na-sources .na-source mark").first
    expect(highlighted).to_contain_text(KREMLIN)
    visit.shot("1-seed-question")
    marker = visit.page.locator("#na-chat a[href='#src-1-1']").first
    marker.click()
    source = visit.page.locator("#src-1-1")
    expect(source).to_have_class("na-source na-flash")
    expect(source).to_be_in_viewport()
    source.locator("summary").click()
    expect(source.locator("article.na-article")).to_contain_text("Erizia Rubyjeana")
    visit.shot("2-marker-and-whole-article")


def _box(locator: Locator) -> dict[str, float]:
    """Where ``locator``'s element is in the window now: its top, bottom, left and right edges, in pixels."""
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not shown"
    return {"top": box["y"], "bottom": box["y"] + box["height"], "left": box["x"], "right": box["x"] + box["width"]}


def _scrolls(visit: Visit) -> dict[str, object]:
    """What a click must not move: the page's scroll, the chat's box in the window and the chat's own scroll."""
    page = visit.page
    log = page.locator("#na-chat [role=log]")
    return {
        "page": page.evaluate("window.scrollY"),
        "chat": _box(page.locator("#na-chat")),
        "log": log.evaluate("e => e.scrollTop"),
    }


def _settled(visit: Visit) -> None:
    """Wait for the chat to have scrolled itself down to the newest answer, as it does after each."""
    visit.page.wait_for_function(
        "() => { const log = document.querySelector('#na-chat [role=log]'); "
        "return log.scrollTop + log.clientHeight >= log.scrollHeight - 2; }"
    )
    visit.page.wait_for_timeout(300)


def _scroll_chat_to(visit: Visit, selector: str) -> Locator:
    """Scroll the chat's messages, as a reader would, until the element at ``selector`` is near their top and stays
    there (the chat may still be scrolling itself after an answer or a resize)."""
    element = visit.page.locator(selector).first
    visit.page.wait_for_function(
        "e => { const log = e.closest('[role=log]'), at = log.scrollTop; "
        "log.scrollTop += e.getBoundingClientRect().top - log.getBoundingClientRect().top - 80; "
        "return Math.abs(log.scrollTop - at) < 1; }",
        arg=element.element_handle(),
        polling=250,
    )
    return element


def _inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return outer["top"] <= inner["top"] and inner["bottom"] <= outer["bottom"]


def _shown(visit: Visit, source: Locator) -> bool:
    """Whether the whole of ``source`` is in view: inside the sources panel's box, and that inside the window."""
    window = {"top": 0, "bottom": visit.page.evaluate("window.innerHeight")}
    return _inside(_box(source), _box(visit.page.locator("#na-sources"))) and _inside(_box(source), window)


def test_a_citation_click_scrolls_the_sources_panel_alone_to_the_source(visit: Visit) -> None:
    for question in (SEED_QUESTION, "Summarize the article", "Which leaders are mentioned?"):
        visit.ask(question)
    _settled(visit)
    page, source = visit.page, visit.page.locator("#src-1-1")  # the first answer's source: at the panel's bottom
    marker = _scroll_chat_to(visit, "#na-chat a[href='#src-1-1']")
    before, panel = _scrolls(visit), _box(page.locator("#na-sources"))
    assert not _shown(visit, source)
    marker.click()
    expect(source).to_have_class(re.compile(r"\bna-flash\b"))
    page.wait_for_timeout(1000)  # for any smooth scrolling to end
    assert _scrolls(visit) == before, "the page or the chat moved"
    assert _box(page.locator("#na-sources")) == panel and _shown(visit, source)
    visit.shot("14-citation-scrolls-the-sources-panel")

    # Narrow, the panels stack: the page scrolls down to the source, the chat keeps its own scroll.
    page.set_viewport_size({"width": 400, "height": 800})
    page.wait_for_function(
        "() => document.querySelector('#na-sources').getBoundingClientRect().top > "
        "document.querySelector('#na-chat').getBoundingClientRect().bottom"
    )
    source = page.locator("#src-2-1")
    marker = _scroll_chat_to(visit, "#na-chat a[href='#src-2-1']")
    before = _scrolls(visit)
    assert before["page"] == 0 and not _shown(visit, source)
    marker.click()
    expect(source).to_have_class(re.compile(r"\bna-flash\b"))
    page.wait_for_timeout(1000)
    after = _scrolls(visit)
    assert after["log"] == before["log"] and after["page"] > 0 and _shown(visit, source)
    visit.shot("15-citation-narrow-screen")


def test_the_chat_label_covers_no_message_on_a_narrow_screen(visit: Visit) -> None:
    visit.page.set_viewport_size({"width": 400, "height": 800})
    visit.ask("How many Western allies committed to supporting Ukraine with troops?")
    visit.ask("Summarize the article")  # longer than the chat is tall: it scrolls under where the label is
    label, log = visit.page.locator("#na-chat [data-testid=block-label]"), visit.page.locator("#na-chat [role=log]")
    expect(label).to_contain_text("Conversation")
    bubbles = visit.page.locator("#na-chat [data-testid=user], #na-chat [data-testid=bot]")
    for end in ("0", "e.scrollHeight"):  # the first bubble, then the last ones with earlier ones scrolled past
        log.evaluate(f"e => {{ e.scrollTop = {end}; }}")
        visit.shot(f"16-chat-label-narrow-{'top' if end == '0' else 'bottom'}")
        tag, frame = _box(label), _box(log)
        assert tag["bottom"] <= frame["top"], "the label sits over the messages"
        for bubble in bubbles.all():
            shown = _box(bubble)
            top, bottom = max(shown["top"], frame["top"]), min(shown["bottom"], frame["bottom"])  # its part in view
            overlap = min(bottom, tag["bottom"]) - max(top, tag["top"]) > 0 and shown["left"] < tag["right"]
            assert not overlap, f"the label covers {bubble.inner_text()[:40]!r}"


def test_the_demo_store_suggests_questions_about_the_demo_article(visit: Visit) -> None:
    expect(visit.page.locator("#na-try button").first).to_have_text(SEED_QUESTION)


def test_follow_up_is_rewritten_and_answered(visit: Visit) -> None:
    assert "Mark Rutte" in visit.ask("Who is the NATO chief?")
    answer = visit.ask("What did he say about Russia?")
    assert "no veto" in answer
    assert "Understood as: What did Mark Rutte say about Russia?" in answer
    expect(visit.page.locator("#src-2-1 .na-paragraph mark")).to_contain_text("Mark Rutte said Russia had")
    visit.shot("3-follow-up")


def test_unanswerable_question_looks_different(visit: Visit) -> None:
    answer = visit.ask("What is the population of Brazil?")
    assert answer.startswith("∅") and "The articles don't say" in answer
    expect(visit.page.locator("#na-sources .na-abstained")).to_have_count(1)
    expect(visit.page.locator("#na-sources mark")).to_have_count(0)
    visit.shot("4-abstained")


def test_a_question_the_article_only_seems_to_answer_shows_related_sentences_apart(visit: Visit) -> None:
    answer = visit.ask("How many troops will Germany send?")
    assert answer.startswith("∅") and "don't mention Germany" in answer and "[1]" not in answer
    turn = visit.page.locator("#na-sources .na-turn").first
    expect(turn.locator(".na-related-head")).to_have_text("Related, not an answer")
    expect(turn.locator(".na-related mark").first).to_be_visible()
    expect(turn.locator(".na-source:not(.na-related)")).to_have_count(0)  # nothing cited, nothing numbered
    assert "[1]" not in turn.inner_text()
    visit.shot("4b-related")


def test_answers_in_other_shapes_say_which_and_cite_every_sentence(visit: Visit) -> None:
    summary = visit.ask("Summarize the article")
    assert summary.startswith("The Kremlin has dismissed") and "Summary: the article's lead" in summary
    turn = visit.page.locator("#na-sources .na-turn").first
    expect(turn.locator(".na-source")).to_have_count(4)
    expect(turn.locator("mark").first).to_contain_text(KREMLIN)
    visit.shot("4c-summary")
    listed = visit.ask("Which leaders are mentioned?")
    assert listed.startswith("Dmitry Peskov [1], Emmanuel Macron [2]") and "List: the names" in listed
    expect(visit.page.locator("#na-chat a[href='#src-2-1']").first).to_be_visible()
    defined = visit.ask("Who is Keir Starmer?")
    assert defined.startswith("Keir Starmer: UK Prime Minister [1]") and "Definition:" in defined
    expect(visit.page.locator("#na-chat strong").last).to_have_text("UK Prime Minister")
    visit.shot("4d-list-and-definition")
    timeline = visit.ask("Timeline of the ceasefire talks")
    assert timeline.startswith("One article tells this story") and "Timeline:" in timeline
    event = visit.page.locator("#na-chat [role=log] li", has_text="rejected a temporary ceasefire")  # a list item
    expect(event).to_have_count(1)
    expect(event.locator("a[href^='#src-']")).to_have_count(1)
    visit.shot("4e-timeline")


def test_a_period_keeps_to_articles_published_in_it_and_a_bad_one_is_explained(visit: Visit) -> None:
    visit.page.get_by_text("Settings").click()
    since = visit.page.locator("#na-since textarea, #na-since input").first
    for _ in range(3):  # within a second of the page's load a typed field was seen redrawn empty (cause not found)
        since.fill("soon")
        since.press("Tab")  # left, as a reader leaves a field
        visit.page.wait_for_timeout(1000)
        if since.input_value() == "soon":
            break
    expect(since).to_have_value("soon")
    box = visit.page.locator("#na-question textarea")
    box.fill("who rejected foreign troops?")
    box.press("Enter")
    expect(visit.page.get_by_text("since 'soon' is not a date")).to_be_visible(timeout=10_000)
    since.fill("2025-01-01")
    answer = visit.ask("who rejected foreign troops?")  # the seed article has no date: outside any period
    assert answer.startswith("∅")
    since.fill("")
    assert "Kremlin" in visit.ask("who rejected foreign troops?")


def test_empty_question_is_refused_in_the_page(visit: Visit) -> None:
    visit.page.locator("#na-question textarea").fill("   ")
    visit.page.locator("#na-question textarea").press("Enter")
    expect(visit.page.get_by_text("The question is empty")).to_be_visible(timeout=10_000)
    expect(visit.page.locator("#na-chat [data-testid='bot']")).to_have_count(0)


def _upload(visit: Visit, path: Path, shot: str) -> str:
    visit.page.get_by_role("tab", name="Articles").click()
    visit.page.locator("#na-files input[type=file]").set_input_files(str(path))
    visit.page.get_by_role("button", name="Index these files").click()
    status = visit.page.locator("#na-status")
    expect(status).to_contain_text("added", timeout=60_000)
    expect(visit.page.locator("#na-articles")).to_contain_text(path.stem.replace("-", " ").title()[:5], timeout=10_000)
    text = status.inner_text()
    visit.shot(shot)
    visit.page.get_by_role("tab", name="Chat").click()
    return text


def test_uploaded_article_is_listed_and_answered(visit: Visit, tmp_path: Path) -> None:
    article = write(
        tmp_path / "harbour-ferry.txt",
        "Harbour ferry returns\nThe Lindholm ferry returned to service on Monday after a winter refit.\n"
        "Captain Ingrid Solberg said the refit added space for 41 cars.\nTessa Marr\n",
    )
    assert "1 added" in _upload(visit, article, "5-uploaded")
    answer = visit.ask("How many cars did the refit add space for?")
    assert answer.split("\n")[0].startswith("41")
    expect(visit.page.locator("#na-sources .na-source mark").first).to_contain_text("space for 41 cars")
    visit.shot("6-uploaded-answered")


def test_a_conversation_stays_on_its_story_until_the_question_names_another(visit: Visit, tmp_path: Path) -> None:
    article = write(
        tmp_path / "coastal-election.txt",
        "Coastal election\nVoters in the coastal province went to the polls on Sunday in a closely watched election.\n"
        "Turnout was 64 percent, the highest in two decades, the electoral commission said.\n",
    )
    _upload(visit, article, "5b-election-uploaded")
    assert "Dmitry Peskov" in visit.ask("Who is the Kremlin spokesperson?")
    said = visit.ask("What did he say?")
    assert "Definitely not, they cannot" in said and "Understood as: What did Dmitry Peskov say?" in said
    moved = visit.ask("What was the turnout in the coastal province election?")
    assert "Kremlin" not in moved and "Peskov" not in moved
    expect(visit.page.locator("#src-3-1")).to_contain_text("Coastal election")  # the new story's title
    visit.shot("6b-conversation")
    assert "Kremlin" in visit.ask("who rejected foreign troops?")
    assert "Kyiv" not in visit.ask("What did he say about European forces?")


def test_an_article_is_added_by_its_web_address(visit: Visit) -> None:
    page = (
        b"<html><head><title>Lighthouse relit</title><meta name='author' content='Ines Vik'></head><body><article>"
        b"<h1>Lighthouse relit</h1><p>The Skarv lighthouse was relit on Friday after a two-year restoration costing "
        b"eleven million crowns.</p><p>Its keeper said the lamp can be seen from forty kilometres out to sea.</p>"
        b"</article></body></html>"
    )

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        visit.page.get_by_role("tab", name="Articles").click()
        visit.page.locator("#na-address textarea, #na-address input").first.fill("not-a-web-address")
        visit.page.get_by_role("button", name="Add", exact=True).click()
        expect(visit.page.locator("#na-status")).to_contain_text("Not a web address", timeout=10_000)
        url = f"http://127.0.0.1:{server.server_address[1]}/lighthouse.html"
        visit.page.locator("#na-address textarea, #na-address input").first.fill(url)
        visit.page.get_by_role("button", name="Add", exact=True).click()
        expect(visit.page.locator("#na-status")).to_contain_text("1 added", timeout=60_000)
        expect(visit.page.locator("#na-articles")).to_contain_text("Lighthouse relit", timeout=10_000)
        visit.shot("5c-added-by-address")
        refused = "http://127.0.0.1:9/nothing_here.html"  # nothing listens on port 9: the fetch fails
        visit.page.locator("#na-address textarea, #na-address input").first.fill(refused)
        visit.page.get_by_role("button", name="Add", exact=True).click()
        status = visit.page.locator("#na-status")
        expect(status).to_contain_text(refused, timeout=30_000)  # the address as typed, no escaping backslashes
        assert "\\" not in status.inner_text()
        assert all("\\" not in (a.get_attribute("href") or "") for a in status.locator("a").all())
        visit.page.get_by_role("tab", name="Chat").click()
        assert "eleven million crowns" in visit.ask("How much did the Skarv lighthouse restoration cost?")
    finally:
        server.shutdown()


def test_hostile_article_renders_as_text(visit: Visit, tmp_path: Path) -> None:
    article = write(
        tmp_path / "hostile-page.txt",
        "Hostile page\nThe quay warden <script>window.__pwned=1</script> counted 17 gulls "
        '<img src=x onerror="window.__pwned=2"> at dawn.\n'
        "**Loud** ![beacon](http://198.51.100.7/x.png) [click](javascript:window.__pwned=3)\n",
    )
    _upload(visit, article, "7-hostile-uploaded")
    answer = visit.ask("How many gulls did the quay warden count?")
    assert "<script>window.__pwned=1</script>" in answer
    source = visit.page.locator("#na-sources .na-source").first
    expect(source).to_contain_text('<img src=x onerror="window.__pwned=2">')
    source.locator("summary").click()
    expect(source.locator("article")).to_contain_text("![beacon](http://198.51.100.7/x.png)")
    visit.shot("8-hostile-inert")
    assert visit.page.evaluate("window.__pwned") is None
    assert visit.page.locator("img[src='x'], script:has-text('__pwned'), a[href^='javascript']").count() == 0


def test_bad_upload_is_explained_and_nothing_else_changes(visit: Visit, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    visit.page.get_by_role("tab", name="Articles").click()
    table = visit.page.locator("#na-articles")
    expect(table).to_contain_text("Kremlin", timeout=10_000)  # the list has loaded: the seed article is always there
    rows_before = table.locator("tbody tr").count()
    visit.page.locator("#na-files input[type=file]").set_input_files(str(broken))
    visit.page.get_by_role("button", name="Index these files").click()
    status = visit.page.locator("#na-status")
    expect(status).to_contain_text("Not indexed", timeout=30_000)
    expect(status).to_contain_text("broken.txt: looks like a binary file")
    assert "/uploads/" not in status.inner_text()
    assert "Traceback" not in status.inner_text()
    expect(table.locator("tbody tr")).to_have_count(rows_before)
    expect(table).not_to_contain_text("broken")
    visit.shot("9-bad-upload")


def test_oversized_upload_is_refused_in_the_page(visit: Visit, tmp_path: Path) -> None:
    big = write(tmp_path / "huge.txt", "A sentence about nothing much. " * 4000)
    visit.page.get_by_role("tab", name="Articles").click()
    visit.page.locator("#na-files input[type=file]").set_input_files(str(big))
    expect(visit.page.get_by_text("exceed the maximum allowed size")).to_be_visible(timeout=10_000)
    visit.shot("10-oversized-upload")


def test_article_can_be_opened_and_deleted(visit: Visit, tmp_path: Path) -> None:
    article = write(tmp_path / "orchard-frost.txt", "Orchard frost\nA late frost cost the Vell orchards 30 tonnes.\n")
    _upload(visit, article, "11-orchard-uploaded")
    visit.page.get_by_role("tab", name="Articles").click()
    visit.page.locator("#na-picked input").click()
    visit.page.get_by_role("option", name=re.compile("Orchard frost")).click()
    visit.page.get_by_role("button", name="Open").click()
    expect(visit.page.locator("#na-article article")).to_contain_text("30 tonnes")
    visit.page.get_by_role("button", name="Delete").click()
    expect(visit.page.locator("#na-status")).to_contain_text("Deleted “Orchard frost”")
    expect(visit.page.locator("#na-articles")).not_to_contain_text("Orchard frost")
    visit.shot("12-deleted")
    visit.page.get_by_role("tab", name="Chat").click()
    assert "Vell" not in visit.ask("How much did the late frost cost the Vell orchards?")


def test_hostile_title_and_byline_stay_text_in_the_table_picker_and_sources(visit: Visit, tmp_path: Path) -> None:
    title = '<img src=x onerror="window.__pwned=4">Tide tables'
    record = {
        "title": title,
        "author": "<script>window.__pwned=5</script>",
        "date": "**bold** [x](javascript:alert(1))",
        "text": "The harbour office printed 900 tide tables for the summer season.",
    }
    feed = write_jsonl(tmp_path / "tide-tables.jsonl", [record])
    visit.page.get_by_role("tab", name="Articles").click()
    visit.page.locator("#na-files input[type=file]").set_input_files(str(feed))
    visit.page.get_by_role("button", name="Index these files").click()
    expect(visit.page.locator("#na-status")).to_contain_text("1 added", timeout=60_000)
    expect(visit.page.locator("#na-articles")).to_contain_text(title, timeout=10_000)
    expect(visit.page.locator("#na-articles")).to_contain_text("<script>window.__pwned=5</script>")
    visit.page.locator("#na-picked input").click()
    expect(visit.page.get_by_role("option", name=re.compile("Tide tables"))).to_contain_text("<img src=x")
    visit.page.keyboard.press("Escape")
    visit.page.get_by_role("tab", name="Chat").click()
    assert "900" in visit.ask("How many tide tables did the harbour office print?")
    expect(visit.page.locator("#na-sources .na-source-head").first).to_contain_text(title)
    visit.shot("13-hostile-title")
    assert visit.page.evaluate("window.__pwned") is None
    assert visit.page.locator("img[src='x'], a[href^='javascript'], script:has-text('__pwned')").count() == 0


# Three stories of the user's own, the newest (by publication date) first; none is about the demo's.
OWN_STORIES = [
    {
        "title": "Tessa Marr named harbour master",
        "date": "2025-03-09",
        "text": 'Tessa Marr, the new harbour master of Lindholm, starts in April. "The harbour must pay its way," '
        "said Ms Marr.\nMarr ran the Lindholm pilots for a decade.",
    },
    {
        "title": "Frost costs the Vell Growers Union dear",
        "date": "2025-03-05",
        "text": "A late frost cost members of the Vell Growers Union 30 tonnes of apples. The Vell Growers Union "
        "asked the county for help.\nIts chair, Jon Abel, said the losses were the worst in years.",
    },
    {
        "title": "Skarvik ferry returns",
        "date": "2025-03-01",
        "text": "The Skarvik ferry returned to service on Monday after a winter refit. Crews on the Skarvik route "
        "said the refit added space for 41 cars.",
    },
]


@pytest.fixture
def own_store(tmp_path: Path) -> Iterator[str]:
    """The real app on an empty store of one's own (no --demo: no demo article, nor its questions); yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [CLI, "--store", tmp_path / "store", "--collection", "mine", "ui", "--port", str(port)]
    with serving(command, tmp_path / "server.log", url, env=CLI_ENV):
        yield url


def test_try_questions_are_about_the_served_stores_own_stories(
    browser: Browser, own_store: str, tmp_path: Path
) -> None:
    visit = Visit(browser, own_store)
    expect(visit.page.locator("#na-no-articles")).to_contain_text("No articles yet")
    expect(visit.page.locator("#na-try")).to_be_hidden()
    visit.shot("17-own-store-empty")
    _upload(visit, write_jsonl(tmp_path / "tessa-marr.jsonl", OWN_STORIES), "17b-own-store-uploaded")
    tries = visit.page.locator("#na-try button")
    own = ["Who is Tessa Marr?", "What's the latest on the Vell Growers Union?", "What's the latest on Skarvik?"]
    expect(tries).to_have_text(own)
    expect(visit.page.locator("#na-no-articles")).to_be_hidden()
    visit.shot("17c-own-store-try")
    tries.first.click()
    expect(visit.page.locator("#na-question textarea")).to_have_value(own[0])
    visit.page.locator("#na-question textarea").press("Enter")
    answers = visit.page.locator("#na-chat [data-testid='bot']")
    expect(answers).to_have_count(1, timeout=60_000)
    expect(answers.last).to_contain_text("harbour master", timeout=60_000)
    visit.shot("17d-own-store-answered")
    visit.page.reload()  # a fresh page asks the store again
    expect(visit.page.locator("#na-try button")).to_have_text(own)
    visit.page.close()
    assert not visit.errors, f"console errors: {visit.errors}"


# One story told twice, a week apart, the later telling stating the dam's size differently.
DAM = "The Orrin dam will hold {size} million cubic metres of water, its engineers said on Monday."
DAM_STORIES = [
    {"title": "Orrin dam plans approved", "date": "2025-04-01", "text": DAM.format(size=26) + " Work starts soon."},
    {"title": "Orrin dam work begins", "date": "2025-04-08", "text": DAM.format(size=24) + " Cranes arrived."},
]


def test_sources_that_differ_are_shown_side_by_side_and_highlighted_in_their_articles(
    browser: Browser, own_store: str, tmp_path: Path
) -> None:
    visit = Visit(browser, own_store)
    _upload(visit, write_jsonl(tmp_path / "orrin-dam.jsonl", DAM_STORIES), "18-differ-uploaded")
    answer = visit.ask("How much water will the Orrin dam hold?")
    assert answer.startswith("Sources differ: a report of 1 April 2025 says “26 million” [1]; a later one, of 8 April")
    cells = visit.page.locator("#na-chat [data-testid='bot']").last.locator("td")
    expect(cells).to_have_count(2)  # the two quotes side by side, each value in bold
    expect(cells.nth(0).locator("strong")).to_have_text("26 million")
    expect(cells.nth(1).locator("strong")).to_have_text("24 million")
    for n, size in ((1, 26), (2, 24)):
        source = visit.page.locator(f"#src-1-{n}")
        expect(source.locator(".na-paragraph mark")).to_have_text(DAM.format(size=size))
        source.locator("summary").click()
        expect(source.locator("article.na-article mark")).to_have_text(DAM.format(size=size))
    visit.shot("18b-sources-differ")
    visit.page.close()
    assert not visit.errors, f"console errors: {visit.errors}"
