"""A store shared while the chat serves it: ``news-assistant ui`` runs Chroma's server on its store, so ``ingest``,
``watch`` and ``ask`` on the same store work meanwhile, and the chat answers from what they add without a restart."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from index.store.server import ADDRESS_FILE
from tests.feeds import news_site
from tests.support import KREMLIN, SEED_QUESTION, free_port, run_cli, ui_server, write
from tests.ui.browser import Visit, chromium
from ui.running_app import APP_FILE

pytestmark = [pytest.mark.slow, pytest.mark.integration]

COLLECTION = "served"


def _cli(store: Path, *args: str | Path, env: dict[str, str] | None = None):  # noqa: ANN202 - a CompletedProcess
    return run_cli("--store", store, "--collection", COLLECTION, *args, env=env)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The real app serving a fresh store (seeds indexed on start): the store's directory and the app's URL."""
    root = tmp_path_factory.mktemp("served")
    with ui_server(root / "store", root / "ui.log", collection=COLLECTION) as url:
        yield root / "store", url


def test_watch_adds_a_feed_while_the_chat_serves_and_the_chat_answers_from_it(served: tuple[Path, str]) -> None:
    store, url = served
    with news_site() as (_, base):
        watched = _cli(store, "watch", f"{base}/feed.xml", "--runs", "1")
    assert watched.returncode == 0, watched.stderr
    assert " 3 added, 0 updated, 0 unchanged, 0 failed" in watched.stdout

    asked = _cli(store, "ask", "--json", "How much are ferry fares on the Lindholm crossing?")
    assert asked.returncode == 0, asked.stderr
    assert "five euros" in json.loads(asked.stdout)["citations"][0]["sentence"]

    with chromium() as browser:
        visit = Visit(browser, url)
        assert "Monday" in visit.ask("When did the harbour reopen?")
        expect(visit.page.locator("#na-sources")).to_contain_text("Harbour reopens")
        visit.shot("served-store-feed-article")
        assert "Kremlin" in visit.ask(SEED_QUESTION), "the articles it served before are still answered"
        assert not visit.errors, visit.errors


def test_files_are_ingested_while_the_chat_serves_but_a_reindex_is_refused(served: tuple[Path, str]) -> None:
    store, _ = served
    article = write(store.parent / "ferry.txt", "Ferry refit\nThe Skarvik ferry now carries 41 cars after a refit.\n")
    added = _cli(store, "ingest", article)
    assert added.returncode == 0 and "1 added" in added.stdout, added.stderr
    asked = _cli(store, "ask", "--json", "How many cars does the Skarvik ferry carry?")
    assert json.loads(asked.stdout)["short_answer"] == "41"
    audited = [json.loads(line) for line in _cli(store, "audit", "--json").stdout.splitlines()]
    assert [(e["user"].endswith(" (cli)"), e["action"]) for e in audited][-2:] == [(True, "watch"), (True, "ingest")]
    assert audited[-1]["articles"][0].startswith("Ferry refit (") and audited[-1]["sources"] == [str(article)]

    rebuilt = _cli(store, "reindex")  # it replaces the store's files: never under the server's feet
    assert rebuilt.returncode == 2 and "is in use by" in rebuilt.stderr and "news-assistant" in rebuilt.stderr


def test_ask_stats_and_articles_are_answered_by_the_app_without_loading_a_model(served: tuple[Path, str]) -> None:
    store, _ = served
    profiled = {"PYTHONPROFILEIMPORTTIME": "1"}  # each import the command makes, on its standard error
    asked = _cli(store, "ask", "--json", SEED_QUESTION, env=profiled)
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["citations"][0]["sentence"].startswith(KREMLIN)
    stats = _cli(store, "stats", env=profiled)
    assert json.loads(stats.stdout)["collection"] == COLLECTION and json.loads(stats.stdout)["articles"] >= 1
    listed = _cli(store, "articles", env=profiled)
    assert listed.returncode == 0 and "Kremlin" in listed.stdout, listed.stderr
    refused = _cli(store, "ask", "   ", env=profiled)
    assert refused.returncode == 2 and "error: " in refused.stderr and "Traceback" not in refused.stderr
    for done in (asked, stats, listed, refused):
        heavy = _imported(done.stderr) & {"chromadb", "torch", "spacy", "onnxruntime", "gradio"}
        assert not heavy, f"{done.args[1:]} answered by loading {heavy} itself"


def test_the_app_is_asked_only_with_the_same_settings(served: tuple[Path, str]) -> None:
    store, _ = served
    other = _cli(store, "ask", "--json", SEED_QUESTION, env={"NEWS_ASSISTANT_K": "2", "PYTHONPROFILEIMPORTTIME": "1"})
    assert other.returncode == 0, other.stderr
    assert "chromadb" in _imported(other.stderr), "answered here, through the store's server"
    assert len(json.loads(other.stdout)["citations"]) <= 2


def _imported(profile: str) -> set[str]:
    """The top-level packages named in ``-X importtime`` lines."""
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in profile.splitlines() if "import time:" in line}


def test_stopping_the_app_stops_its_store_server_and_the_store_opens_embedded(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with ui_server(store, tmp_path / "ui.log", collection=COLLECTION):
        address = json.loads((store / ADDRESS_FILE).read_text())
        assert (store / APP_FILE).exists()
    assert not (store / ADDRESS_FILE).exists() and not (store / APP_FILE).exists()
    deadline = time.monotonic() + 15
    while _alive(address["server_pid"]):
        assert time.monotonic() < deadline, "Chroma's server outlived the app"
        time.sleep(0.2)
    asked = _cli(store, "ask", "--json", SEED_QUESTION)
    assert asked.returncode == 0 and json.loads(asked.stdout)["citations"][0]["sentence"].startswith(KREMLIN)


def test_the_address_of_a_server_that_no_longer_answers_is_ignored(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert _cli(store, "--demo", "stats").returncode == 0  # a store with the demo article
    (store / ADDRESS_FILE).write_text(json.dumps({"url": f"http://127.0.0.1:{free_port()}", "pid": 1}))
    asked = _cli(store, "ask", "--json", SEED_QUESTION)
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["citations"][0]["sentence"].startswith(KREMLIN)
    assert not (store / ADDRESS_FILE).exists(), "the stale address is removed once the store is opened embedded"


def test_a_damaged_store_is_refused_before_a_server_starts(tmp_path: Path) -> None:
    store = write(tmp_path / "store" / "segment" / "data_level0.bin", "x").parent.parent  # no database
    refused = _cli(store, "ui", "--port", str(free_port()))
    assert refused.returncode == 2
    assert "no Chroma database" in refused.stderr and "reindex" in refused.stderr
    assert not (store / ADDRESS_FILE).exists()


def test_with_serving_turned_off_the_app_keeps_its_store_to_itself(tmp_path: Path) -> None:
    store, off = tmp_path / "store", {"NEWS_ASSISTANT_SERVE_STORE": "false"}
    with ui_server(store, tmp_path / "ui.log", collection=COLLECTION, env=off):
        assert not (store / ADDRESS_FILE).exists()
        refused = _cli(store, "ingest", write(tmp_path / "a.txt", "Title\nThe ferry carries 41 cars.\n"))
    assert refused.returncode == 2 and "is in use by" in refused.stderr


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting to be reaped has stopped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
