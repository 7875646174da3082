"""Finding the server of a store another process serves: only an address that answers counts."""

from __future__ import annotations

import json
from pathlib import Path

from index.store.server import ADDRESS_FILE, served_url
from tests.support import free_port


def test_no_address_file_means_not_served(tmp_path: Path) -> None:
    assert served_url(tmp_path) is None
    assert served_url(tmp_path / "missing") is None


def test_an_unreadable_or_silent_address_means_not_served(tmp_path: Path) -> None:
    for content in ("not json", json.dumps({"pid": 1}), json.dumps(["url"]), json.dumps({"url": "nowhere"})):
        (tmp_path / ADDRESS_FILE).write_text(content)
        assert served_url(tmp_path) is None, content
    (tmp_path / ADDRESS_FILE).write_text(json.dumps({"url": f"http://127.0.0.1:{free_port()}"}))
    assert served_url(tmp_path) is None
