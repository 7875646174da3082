"""The running app answers the command line (``ui/running_app.py``): found through the store, asked with its token,
used only for the same collection and settings, and ignored when stale."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings
from tests.assistant.fakes import fake_assistant
from ui.running_app import APP_FILE, AppRefused, RunningApp, serve_cli

ARTICLES = {
    "fiat": ("Fiat names a new boss", ["Sergio Marchionne has replaced Herbert Demel as chief executive of Fiat."]),
}


@pytest.fixture
def served(tmp_path: Path) -> tuple[Assistant, Settings]:
    """An app's answers served from a fake assistant on ``tmp_path``; the settings the CLI would read."""
    assistant, store = fake_assistant(ARTICLES, store=tmp_path, collection="mine")
    store.path = tmp_path  # what stats() names
    serve_cli(assistant)
    return assistant, Settings(seeds=None, store=tmp_path, collection="mine")


def test_the_cli_gets_the_apps_answer_stats_and_articles(served: tuple[Assistant, Settings]) -> None:
    assistant, settings = served
    app = RunningApp.serving(settings)
    assert app is not None
    question = "Who replaced Herbert Demel?"
    replied = app.request("/ask", {"question": question, "since": None, "until": None})
    assert replied == assistant.ask(question).model_dump(mode="json") | {"timings": replied["timings"]}
    assert app.request("/stats") == assistant.stats()
    assert [a["id"] for a in app.request("/articles")] == ["fiat"]


def test_the_address_is_for_its_owner_only(served: tuple[Assistant, Settings]) -> None:
    _, settings = served
    assert (settings.store / APP_FILE).stat().st_mode & 0o077 == 0


def test_another_collection_or_other_settings_answer_here(served: tuple[Assistant, Settings]) -> None:
    _, settings = served
    assert RunningApp.serving(settings.updated(collection="other")) is None
    assert RunningApp.serving(settings.updated(k=5)) is None
    assert RunningApp.serving(settings.updated(demo=True)) is not None, "the demo only matters to an empty store"


def test_a_question_the_app_refuses_is_refused_with_its_reason(served: tuple[Assistant, Settings]) -> None:
    _, settings = served
    app = RunningApp.serving(settings)
    with pytest.raises(AppRefused, match="empty"):
        app.request("/ask", {"question": "   "})
    with pytest.raises(AppRefused, match="not a question request"):
        app.request("/ask", {"asked": "no question field"})


def test_without_the_token_nothing_is_answered(served: tuple[Assistant, Settings]) -> None:
    _, settings = served
    app = RunningApp.serving(settings)
    assert RunningApp(app.url, "a guessed token").request("/stats") is None
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{app.url}/stats", timeout=5)
    assert refused.value.code == 401


def test_a_stale_or_damaged_address_is_ignored(tmp_path: Path) -> None:
    settings = Settings(seeds=None, store=tmp_path)
    assert RunningApp.serving(settings) is None, "no app"
    (tmp_path / APP_FILE).write_text("{not json", encoding="utf-8")
    assert RunningApp.serving(settings) is None
    dead = {"url": "http://127.0.0.1:9", "token": "t", "pid": 2**22 + 12345, "collection": "news", "settings": "x"}
    (tmp_path / APP_FILE).write_text(json.dumps(dead), encoding="utf-8")
    assert RunningApp.serving(settings) is None
    assert RunningApp("http://127.0.0.1:9", "t").request("/stats") is None, "an app that no longer answers"
