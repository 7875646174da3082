"""The record of who changed the articles: one JSON line per ingest, replace, delete or reindex, under the store."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only named: the command line loads this without the ingest's libraries
    from index.ingest import IngestReport

AUDIT_FILE = "audit.jsonl"


class AuditLog:
    """Appends and reads ``<store>/audit.jsonl``; a line is written whole with one ``write`` (append mode), so
    processes writing at once do not interleave."""

    def __init__(self, store: Path) -> None:
        self.path = Path(store) / AUDIT_FILE

    def record(self, user: str, action: str, articles: Sequence[str] = (), **counts: Any) -> None:
        """One line: the time (UTC), ``user``, ``action``, the articles' titles or ids, and counts."""
        entry = {"time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "user": user, "action": action}
        entry.update(articles=list(articles), **counts)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
        finally:
            os.close(fd)

    def ingested(self, user: str, action: str, report: IngestReport, sources: Sequence[str]) -> None:
        """One line for an ingestion: the articles it wrote, what it was given, and its counts."""
        self.record(
            user, action, report.written, sources=[str(s) for s in sources], added=report.added,
            replaced=report.replaced, unchanged=report.skipped, failed=len(report.errors),
            duplicates=len(report.duplicates), ignored=len(report.ignored),
        )  # fmt: skip

    def recent(self, count: int = 20) -> list[dict[str, Any]]:
        """The last ``count`` entries, oldest first (a line that is not JSON is skipped)."""
        if not self.path.exists():
            return []
        entries = []
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines()[-count:]:
            try:
                entries.append(json.loads(line))
            except ValueError:
                continue
        return entries
