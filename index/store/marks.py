"""The marks a collection keeps in its metadata, for other processes and for the next run after a crash.

A generation, new at every write, tells caches of the contents (BM25) in any process to catch up, and a short log of
recent deletions tells them which articles went. The articles being
written or deleted are recorded until the next mark: what a crash could leave half done, so the next ingest checks
just those instead of scanning every sentence.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from typing import Any

from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection

DELETIONS_KEPT = 500  # entries of the log of recent deletions
DELETIONS_KEPT_SECONDS = 86400.0


class Marks:
    """Reads and writes the marks on a store's articles collection."""

    def __init__(self, client: ClientAPI, articles: Collection, embedding_function: Any) -> None:
        self._client = client
        self._articles = articles
        self._ef = embedding_function

    def mark(self, writing: Sequence[str] = (), deleted: Sequence[str] = ()) -> None:
        """A new generation, and ``writing`` as the articles in progress (none: the previous ones are done);
        ``deleted`` articles join the log of recent deletions (``deleted_since``)."""
        stored = self._stored()
        metadata = {k: v for k, v in stored.items() if k not in {"generation", "writing", "deleted"}}
        metadata["generation"] = uuid.uuid4().hex
        if writing:
            metadata["writing"] = json.dumps(list(writing))
        now = time.time()
        log = [entry for entry in json.loads(stored.get("deleted") or "[]") if entry[0] > now - DELETIONS_KEPT_SECONDS]
        log = [*log, *([now, article] for article in deleted)][-DELETIONS_KEPT:]
        if log:
            metadata["deleted"] = json.dumps(log)
        self._articles.modify(metadata=metadata)

    def deleted_since(self, moment: float) -> list[str]:
        """The articles deleted at or after ``moment`` (epoch seconds), as far as the log of recent deletions goes
        (its last ``DELETIONS_KEPT``, of the last day): a reader still checks the count of articles."""
        return [article for at, article in json.loads(self._stored().get("deleted") or "[]") if at >= moment]

    def generation(self) -> str:
        """The collection's current generation, as last written by any process."""
        return self._stored().get("generation", "")

    def in_progress(self) -> list[str]:
        """The articles recorded as being written or deleted, as last written by any process."""
        return json.loads(self._stored().get("writing") or "[]")

    def _stored(self) -> dict[str, Any]:
        """The metadata as stored now (the collection object holds this process's copy)."""
        return self._client.get_collection(self._articles.name, embedding_function=self._ef).metadata or {}
