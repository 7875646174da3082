"""The running UI from outside, as an attacker would try it: files outside the app are never served, uploads of
other types or sizes are refused by the server itself (not just the browser's file filter), and exposure is
warned about. Rendering of hostile article text in the browser is in test_ui."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from tests.support import ROOT, run_cli, ui_server, write

pytestmark = [pytest.mark.slow, pytest.mark.integration]

MAX = 100_000  # upload limit of the test server, bytes


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A running ``news-assistant ui`` and its store directory."""
    store = tmp_path_factory.mktemp("sec") / "store"
    log = tmp_path_factory.mktemp("sec-log") / "server.log"
    with ui_server(store, log, env={"NEWS_ASSISTANT_MAX_FILE_BYTES": str(MAX)}) as url:
        yield url, store


def _get(url: str, raw_path: str) -> tuple[int, bytes]:
    """GET a path exactly as written (no client-side normalisation of ``..`` or ``%2e``)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", raw_path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_files_outside_the_app_are_not_served(served: tuple[str, Path]) -> None:
    url, store = served
    client = Client(url, verbose=False)
    note = write(store.parent / "note.txt", "A quiet day.")
    assert "1 added" in client.predict([handle_file(str(note))], api_name="/upload")
    secrets = {
        "/etc/passwd": b"root:",
        str(store / "chroma.sqlite3"): b"SQLite format",
        str(store / "uploads" / "note.txt"): b"A quiet day.",
        str(ROOT / "pyproject.toml"): b"[project]",
    }
    tried = []
    for target, marker in secrets.items():
        for path in (
            f"/gradio_api/file={target}",
            f"/gradio_api/file=/{target}",
            f"/gradio_api/file=../../../../../..{target}",
            f"/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e{target}",
            f"/gradio_api/file=/tmp/gradio/../../..{target}",
            f"/file={target}",
            f"/static/../../../../../..{target}",
            f"/assets/..%2f..%2f..%2f..%2f..%2f..{target.replace('/', '%2f')}",
        ):
            status, body = _get(url, path)
            tried.append(path)
            assert status != 200 and marker not in body, (path, status, body[:200])
    assert len(tried) == 32


def test_uploads_of_other_types_are_refused_by_the_server(served: tuple[str, Path], tmp_path: Path) -> None:
    url, store = served
    client = Client(url, verbose=False)
    before = len(client.predict(api_name="/refresh")[1]["choices"])
    for name, content in [("setup.exe", b"MZ\x90\x00\x03"), ("report.pdf", b"%PDF-1.4\n"), ("page.svg", b"<svg/>")]:
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(AppError, match="Invalid file type"):
            client.predict([handle_file(str(path))], api_name="/upload")
    disguised = tmp_path / "disguised.txt"
    disguised.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 20)
    status = client.predict([handle_file(str(disguised))], api_name="/upload")
    assert "Not indexed" in status and "disguised\\.txt: looks like a binary file" in status
    oversized = write(tmp_path / "oversized.txt", "A sentence about nothing much. " * 4000)
    with pytest.raises(Exception, match="(?i)size|large"):
        client.predict([handle_file(str(oversized))], api_name="/upload")
    assert len(client.predict(api_name="/refresh")[1]["choices"]) == before
    assert not {"setup.exe", "report.pdf", "page.svg", "disguised.txt", "oversized.txt"} & {
        p.name for p in (store / "uploads").iterdir()
    }


def test_a_refused_upload_does_not_cost_the_good_file_of_that_name(served: tuple[str, Path], tmp_path: Path) -> None:
    url, store = served
    client = Client(url, verbose=False)
    good = write(tmp_path / "good" / "harbour.txt", "The harbour master logged 63 arrivals in March.")
    assert "1 added" in client.predict([handle_file(str(good))], api_name="/upload")
    bad = tmp_path / "bad" / "harbour.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00binary\x00" * 30)
    assert "harbour\\.txt: looks like a binary file" in client.predict([handle_file(str(bad))], api_name="/upload")
    assert (store / "uploads" / "harbour.txt").read_text() == good.read_text()
    mixed = write(tmp_path / "mixed.jsonl", '{"text": "The quay reopened on Friday."}\n{broken\n')
    status = client.predict([handle_file(str(mixed))], api_name="/upload")
    assert "1 added" in status and "mixed\\.jsonl:2: not valid JSON" in status
    assert (store / "uploads" / "mixed.jsonl").is_file(), "a file with a bad line but good ones is kept"
    assert not [p for p in (store / "uploads").iterdir() if p.name.startswith(".")]


def test_exposed_host_without_users_is_refused_with_the_fix_or_warned_about_with_no_auth(tmp_path: Path) -> None:
    not_a_store = write(tmp_path / "store", "a file")  # the store is refused after the warning: nothing is bound
    refused = run_cli("--store", not_a_store, "ui", "--host", "0.0.0.0", "--port", "9")
    assert refused.returncode == 2 and refused.stderr.startswith("error: --host 0.0.0.0 would let other machines")
    assert "news-assistant users add NAME --role editor" in refused.stderr and "--no-auth" in refused.stderr
    result = run_cli("--store", not_a_store, "ui", "--host", "0.0.0.0", "--port", "9", "--no-auth")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("warning: News Assistant is exposed beyond this machine (on 0.0.0.0)")
    assert "Use --host 127.0.0.1" in first
    quiet = run_cli("--store", not_a_store, "ui")
    assert "warning" not in quiet.stderr and quiet.returncode == 2


def test_bad_questions_leave_the_conversation_as_it_was(served: tuple[str, Path]) -> None:
    client = Client(served[0], verbose=False)
    for question in ["", "   \n\t", "x" * 20_000]:
        message, chat, _ = client.predict(question, [], 3, api_name="/ask")
        assert (message, chat) == (question, []), "a refused question is left in the box, and nothing is answered"
    _, chat, _ = client.predict("who rejected foreign troops?", [], 3, api_name="/ask")
    assert "Kremlin" in chat[-1]["content"][0]["text"]
