"""Chroma's own server (`chroma run`) shared by several processes: ingest through one, answer through another."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from tests.support import KREMLIN, SEEDS, free_port, serving, write

pytestmark = [pytest.mark.slow, pytest.mark.integration]

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` on a free loopback port, stopped after the module."""
    port, path = free_port(), tmp_path_factory.mktemp("chroma-server")
    command = [BIN / "chroma", "run", "--path", path / "data", "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with serving(command, path / "server.log", f"{url}/api/v2/heartbeat", env={"ANONYMIZED_TELEMETRY": "False"}):
        yield url


def _cli(url: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command on the server's collection; ``home`` is its store setting (where its audit log goes)."""
    env = {**os.environ, "NEWS_ASSISTANT_CHROMA_URL": url, "NEWS_ASSISTANT_COLLECTION": "shared", "HF_HUB_OFFLINE": "1"}
    env["NEWS_ASSISTANT_STORE"] = str(home)
    return subprocess.run([BIN / "news-assistant", *args], capture_output=True, text=True, env=env, timeout=180)


def test_processes_share_one_index_through_the_server(chroma_url: str, tmp_path: Path) -> None:
    here = Assistant(store_path=tmp_path / "local", collection="shared", chroma_url=chroma_url, seeds=SEEDS)
    assert here.stats()["articles"] == 1
    assert here.ask("who rejected foreign troops?").citations[0].sentence.startswith(KREMLIN)
    assert not (tmp_path / "local").exists(), "server mode must not create an embedded store"

    other = _cli(chroma_url, tmp_path / "cli", "ask", "--json", "who rejected foreign troops?")
    assert other.returncode == 0, other.stderr
    assert json.loads(other.stdout)["citations"][0]["sentence"].startswith(KREMLIN)

    article = write(tmp_path / "ferry.txt", "Harbour ferry\nThe Lindholm ferry now carries 41 cars after a refit.\n")
    added = _cli(chroma_url, tmp_path / "cli", "ingest", str(article))
    assert added.returncode == 0 and "1 added" in added.stdout, added.stderr
    assert "Harbour ferry" in (tmp_path / "cli" / "audit.jsonl").read_text(), "the change is audited by its process"
    answer = here.ask("How many cars does the Lindholm ferry carry?")
    assert answer.short_answer == "41" and "Lindholm" in answer.citations[0].sentence
    assert here.stats()["articles"] == 2
