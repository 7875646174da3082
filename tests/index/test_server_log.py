"""The store server's log: plain text, and never more than its cap however much the server writes."""

from __future__ import annotations

from pathlib import Path

from index.store.server import copy_log


def test_the_log_is_plain_text_and_stays_under_its_cap(tmp_path: Path) -> None:
    line = '\x1b[32mINFO\x1b[0m:     127.0.0.1:5555 - "GET /api/v2/heartbeat HTTP/1.1" 200 ' + "x" * 60 + "\n"
    copy_log((line for _ in range(40_000)), tmp_path / "server.log", max_bytes=100_000)  # ~5 MB written
    parts = sorted(tmp_path.iterdir())
    assert [p.name for p in parts] == ["server.log", "server.log.1"]
    assert sum(p.stat().st_size for p in parts) <= 100_000
    text = (tmp_path / "server.log").read_text(encoding="utf-8")
    assert "\x1b" not in text and text.splitlines()[-1].startswith('INFO:     127.0.0.1:5555 - "GET')
