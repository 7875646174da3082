"""The log of the store's server (``index/store/server.py``): plain text, no line per request, and capped by size
with one older part, the server writing on at the start of the emptied file."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import chromadb
import pytest

from index.store.lock import unlock_store
from index.store.server import ADDRESS_FILE, LOG_FILE, open_log, roll_log, serve_store

ANSI = b"\x1b["
# A line of Chroma's log at the info level: an event (its time first), where it was logged, the request it was in.
LOG_LINE = re.compile(r"(  \d{4}-\d\d-\d\dT\S+Z +[A-Z]+ .*|    (at|in) .*|)")


@contextmanager
def _served(store: Path, **log: object) -> Iterator[chromadb.ClientAPI]:
    """``serve_store`` on ``store``, a client of its server, and the server stopped (the store unlocked) after."""
    url = serve_store(store, "news", **log)
    pid = json.loads((store / ADDRESS_FILE).read_text())["server_pid"]
    try:
        port = int(url.rsplit(":", 1)[1])
        yield chromadb.HttpClient(host="127.0.0.1", port=port, settings=chromadb.Settings(anonymized_telemetry=False))
    finally:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        while _answers(url) and time.monotonic() < deadline:
            time.sleep(0.1)
        unlock_store(store)


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2).close()
    except OSError:
        return False
    return True


def _use(client: chromadb.ClientAPI, rounds: int, start: int = 0) -> None:
    """Requests as the app makes them: add, query and count, ``rounds`` times."""
    collection = client.get_or_create_collection("news")
    for i in range(start, start + rounds):
        collection.add(ids=[f"a{i}"], embeddings=[[float(i), 1.0, 2.0]], documents=[f"article {i}"])
        assert collection.query(query_embeddings=[[1.0, 1.0, 2.0]], n_results=1)["ids"][0]
        assert collection.count() == i + 1


@pytest.mark.slow
@pytest.mark.integration
def test_the_server_log_is_plain_and_has_no_line_per_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RUST_LOG", raising=False)
    store = tmp_path / "store"
    store.mkdir()
    (store / LOG_FILE).write_bytes(b"\x1b[32m INFO\x1b[0m the last run's line\n")
    log, older = store / LOG_FILE, store / f"{LOG_FILE}.1"
    with _served(store) as client:
        started = log.read_bytes()
        assert ANSI not in started and b"((((" not in started, started.decode(errors="replace")
        first = started.decode().splitlines()[0]
        assert f"listens at http://127.0.0.1:{client.get_settings().chroma_server_http_port}" in first
        assert "RUST_LOG=warn" in first
        assert b"the last run's line" in older.read_bytes(), "a new start keeps the last run's log as the older part"

        _use(client, 20)
        assert client.heartbeat()
        assert log.read_bytes() == started, "no line for 61 requests (Chroma's default level writes 2.7 KB each)"


@pytest.mark.slow
@pytest.mark.integration
def test_the_server_log_is_capped_and_the_server_writes_on_after_the_cut(tmp_path: Path) -> None:
    store, cap = tmp_path / "store", 20_000
    log, older = store / LOG_FILE, store / f"{LOG_FILE}.1"
    with _served(store, log_level="info", log_bytes=cap, log_check=0.2) as client:
        _use(client, 60)  # some 600 bytes a request at the info level: 100 KB, five times the cap
        time.sleep(0.6)  # the timer has looked at the log since the last request
        kept = older.read_bytes()
        assert 0 < log.stat().st_size + len(kept) <= cap
        assert len(kept) > cap // 4, "the older part holds the log's last lines"
        assert all(LOG_LINE.fullmatch(line) for line in kept.decode().splitlines()), "it starts at a line's start"
        assert b"INFO" in kept and ANSI not in kept

        assert client.heartbeat()
        _use(client, 3, start=60)  # the server answers and logs on after the cut
        written = log.read_bytes()
        assert b"INFO" in written and b"\0" not in written and ANSI not in written
        assert LOG_LINE.fullmatch(written.decode().splitlines()[0]), "its next line lands at the start, no hole"


def test_a_writer_appending_to_the_log_writes_at_its_start_once_it_is_rolled_over(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    fd = open_log(log)
    script = "import sys\nfor n in '123': print(n * 999, flush=True)\nsys.stdin.readline()\nprint('after', flush=True)"
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=fd, stdin=subprocess.PIPE, text=True)
    os.close(fd)
    try:
        deadline = time.monotonic() + 30
        while log.stat().st_size < 3000:
            assert time.monotonic() < deadline and writer.poll() is None, log.read_bytes()[:100]
            time.sleep(0.05)
        roll_log(log, keep=1500)
        assert (tmp_path / "server.log.1").read_text() == "3" * 999 + "\n", "the last lines that fit, whole"
        assert log.stat().st_size == 0
    finally:
        writer.communicate("\n", timeout=30)
    assert log.read_bytes() == b"after\n", "written at the emptied file's start, not after a hole"
