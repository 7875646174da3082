"""Serving to a team: sign-in, readers and editors, limits and the audit log, against the real app bound to
0.0.0.0 (reached on 127.0.0.1), through the browser and through Gradio's API."""

from __future__ import annotations

import http.client
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError, AuthenticationError
from playwright.sync_api import Browser, expect

from index.store.server import ADDRESS_FILE
from tests.support import SEED_QUESTION, run_cli, ui_server, write
from tests.ui.browser import Visit, chromium, sign_in_page

pytestmark = [pytest.mark.slow, pytest.mark.integration]

COLLECTION = "team"
USERS = {"rita": ("reader", "rita reads the news"), "ed": ("editor", "ed edits the news"),
         "quinn": ("reader", "quinn asks a lot")}  # fmt: skip
LIMIT, WINDOW = 4, 6  # questions a user may ask per WINDOW seconds


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The app with three users, bound to every interface: its store and its loopback URL."""
    root = tmp_path_factory.mktemp("team")
    store = root / "store"
    for name, (role, password) in USERS.items():
        added = run_cli("--store", store, "users", "add", name, "--role", role, "--password-stdin", stdin=password)
        assert added.returncode == 0 and f"added {name} ({role})" in added.stdout, added.stderr
    env = {"NEWS_ASSISTANT_MAX_QUESTIONS": str(LIMIT), "NEWS_ASSISTANT_QUESTION_WINDOW": str(WINDOW)}
    with ui_server(store, root / "ui.log", COLLECTION, env=env, args=["--host", "0.0.0.0"]) as url:
        yield store, url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def _client(url: str, name: str) -> Client:
    return Client(url, auth=(name, USERS[name][1]), verbose=False)


def _article_ids(store: Path) -> list[str]:
    """The stored articles' ids, read straight from the store's server."""
    port = int(json.loads((store / ADDRESS_FILE).read_text())["url"].rsplit(":", 1)[1])
    client = chromadb.HttpClient(host="127.0.0.1", port=port)
    return sorted(client.get_collection(f"{COLLECTION}-articles").get(include=[])["ids"])


def _audit(store: Path) -> list[dict]:
    listed = run_cli("--store", store, "audit", "--json", "--last", "100")
    assert listed.returncode == 0, listed.stderr
    return [json.loads(line) for line in listed.stdout.splitlines()]


def _last_reply(result: tuple) -> str:
    content = result[1][-1]["content"]
    return " ".join(part.get("text", "") for part in content) if isinstance(content, list) else str(content)


def test_passwords_are_kept_only_as_hashes(team: tuple[Path, str]) -> None:
    text = (team[0] / "users.json").read_text()
    assert "$argon2id$" in text and not [p for _, p in USERS.values() if p in text]


def test_anonymous_callers_get_nothing_and_readers_cannot_change_the_articles(
    team: tuple[Path, str], tmp_path: Path
) -> None:
    store, url = team
    before = _article_ids(store)
    with pytest.raises(AuthenticationError):
        Client(url, verbose=False)
    host, port = url.split("/")[2].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    join = json.dumps({"data": [before[0]], "fn_index": 0, "session_hash": "anonymous"}).encode()
    for path, body, kind in [("/gradio_api/upload", b"x", "multipart/form-data; boundary=b"),
                             ("/gradio_api/queue/join", join, "application/json")]:  # fmt: skip
        conn.request("POST", path, body=body, headers={"Content-Type": kind})
        response = conn.getresponse()
        response.read()
        assert response.status == 401, path
    reader = _client(url, "rita")
    article = write(tmp_path / "ferry.txt", "Ferry\nThe Skarvik ferry carries 41 cars.\n")
    for args, api in [([handle_file(str(article))], "/upload"), ("http://127.0.0.1:9/x", "/add_url"),
                      (before[0], "/delete")]:  # fmt: skip
        with pytest.raises(AppError, match="Only editors may add or delete articles; rita is a reader"):
            reader.predict(args, api_name=api)
    assert _article_ids(store) == before
    assert "rita" not in {e["user"] for e in _audit(store)}
    assert "Kremlin" in _last_reply(reader.predict(SEED_QUESTION, [], 3, "extractive", "", "", api_name="/ask"))


def test_an_editors_upload_and_delete_are_done_and_audited(team: tuple[Path, str], tmp_path: Path) -> None:
    store, url = team
    before = _article_ids(store)
    editor = _client(url, "ed")
    article = write(tmp_path / "quay.txt", "Quay reopens\nThe Marsh quay reopened on Friday after repairs.\n")
    assert "1 added" in editor.predict([handle_file(str(article))], api_name="/upload")
    (added,) = set(_article_ids(store)) - set(before)
    assert "Deleted “Quay reopens”" in editor.predict(added, api_name="/delete")
    assert _article_ids(store) == before
    mine = [e for e in _audit(store) if e["user"] == "ed" and any("Quay reopens" in a for a in e["articles"])]
    assert [(e["action"], e.get("added"), e.get("deleted")) for e in mine] == [("upload", 1, None), ("delete", None, 1)]
    assert mine[0]["sources"] == ["quay.txt"] and mine[1]["articles"] == [f"Quay reopens ({added[:12]})"]


def test_the_question_limit_trips_at_its_count_and_recovers_after_its_window(team: tuple[Path, str]) -> None:
    asker = _client(team[1], "quinn")
    ask = lambda: _last_reply(asker.predict(SEED_QUESTION, [], 3, "extractive", "", "", api_name="/ask"))  # noqa: E731
    started = time.monotonic()
    assert all("Kremlin" in ask() for _ in range(LIMIT))
    limited = ask()
    assert f"You have asked {LIMIT} questions in the last {WINDOW} seconds; ask again in" in limited
    time.sleep(max(0.0, started + WINDOW + 0.5 - time.monotonic()))
    assert "Kremlin" in ask()


def test_a_reader_signs_in_asks_and_sees_no_article_controls(team: tuple[Path, str], browser: Browser) -> None:
    context, page = sign_in_page(browser, team[1], "rita", USERS["rita"][1])
    page.locator("#na-question textarea").wait_for()
    session = [c for c in context.cookies() if c["name"].startswith("access-token")]
    assert session and all(c["httpOnly"] for c in session), "the session cookie is out of the page scripts' reach"
    visit = Visit(context, team[1])
    expect(visit.page.locator("#na-account")).to_contain_text("Signed in as rita (reader)")
    answer = visit.ask(SEED_QUESTION)
    assert "Kremlin" in answer.split("\n")[0]
    expect(visit.page.locator("#na-sources .na-source mark").first).to_contain_text("The Kremlin has dismissed")
    visit.page.get_by_role("tab", name="Articles").click()
    expect(visit.page.locator("#na-articles")).to_be_visible()
    for hidden in ("#na-files", "#na-address"):
        expect(visit.page.locator(hidden)).to_be_hidden()
    for button in ("Index these files", "Delete"):
        expect(visit.page.get_by_role("button", name=button)).to_have_count(0)
    visit.shot("team-1-reader")
    assert not visit.errors, visit.errors
    context.close()


def test_an_editor_uploads_an_article_and_deletes_it(team: tuple[Path, str], browser: Browser, tmp_path: Path) -> None:
    context, page = sign_in_page(browser, team[1], "ed", USERS["ed"][1])
    page.locator("#na-question textarea").wait_for()
    visit = Visit(context, team[1])
    expect(visit.page.locator("#na-chat")).not_to_contain_text("foreign troops")  # rita's conversation is hers
    article = write(tmp_path / "orchard-frost.txt", "Orchard frost\nA late frost cost the Vell orchards 30 tonnes.\n")
    visit.page.get_by_role("tab", name="Articles").click()
    visit.page.locator("#na-files input[type=file]").set_input_files(str(article))
    visit.page.get_by_role("button", name="Index these files").click()
    expect(visit.page.locator("#na-status")).to_contain_text("1 added", timeout=60_000)
    visit.page.locator("#na-picked input").click()
    visit.page.get_by_role("option", name=re.compile("Orchard frost")).click()
    visit.page.get_by_role("button", name="Delete").click()
    expect(visit.page.locator("#na-status")).to_contain_text("Deleted “Orchard frost”")
    visit.shot("team-2-editor")
    assert [e["action"] for e in _audit(team[0]) if any("Orchard frost" in a for a in e["articles"])] == [
        "upload",
        "delete",
    ]
    context.close()


def test_a_wrong_password_is_refused_and_signing_out_returns_to_sign_in(
    team: tuple[Path, str], browser: Browser
) -> None:
    context, page = sign_in_page(browser, team[1], "rita", "not rita's password")
    expect(page.get_by_text(re.compile("Incorrect credentials", re.IGNORECASE))).to_be_visible(timeout=10_000)
    expect(page.locator("#na-question")).to_have_count(0)
    context.close()
    context, page = sign_in_page(browser, team[1], "rita", USERS["rita"][1])
    page.locator("#na-question textarea").wait_for()
    page.get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("button", name="Login")).to_be_visible(timeout=10_000)
    page.goto(team[1], wait_until="domcontentloaded")
    expect(page.get_by_role("button", name="Login")).to_be_visible(timeout=10_000)
    context.close()
