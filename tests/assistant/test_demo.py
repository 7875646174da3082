"""The demo article goes into the default store (what `make run` opens) or a store asked for it, never into a store
a user names and fills: their stats count only their articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import Settings
from tests.support import run_cli, write

pytestmark = pytest.mark.integration


def test_only_the_default_store_is_the_demo_store(tmp_path: Path) -> None:
    assert Settings().is_demo_store  # the default store and collection
    assert not Settings(store=tmp_path / "mine").is_demo_store
    assert not Settings(collection="mine").is_demo_store
    assert Settings(store=tmp_path / "mine", demo=True).is_demo_store
    assert not Settings(demo=True, seeds=None).is_demo_store  # no demo article to put in


def test_a_named_store_holds_only_what_is_put_in_it(tmp_path: Path) -> None:
    assert Assistant(store_path=tmp_path / "mine", collection="news").stats()["articles"] == 0
    assert Assistant(store_path=tmp_path / "demo", collection="news", demo=True).stats()["articles"] == 1


def test_the_cli_ingests_into_a_named_store_without_the_demo_unless_asked(tmp_path: Path) -> None:
    story = write(tmp_path / "dam.txt", "The Arlen dam held overnight after record rain.")
    done = run_cli("--store", tmp_path / "mine", "ingest", story)
    assert done.returncode == 0 and done.stdout.startswith("1 added"), done.stderr
    stats = run_cli("--store", tmp_path / "mine", "stats")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["articles"] == 1
    demo = run_cli("--store", tmp_path / "demo", "--demo", "stats")
    assert json.loads(demo.stdout)["articles"] == 1 and json.loads(demo.stdout)["sentences"] == 14
