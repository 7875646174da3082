"""The marks a collection keeps in its metadata, for other processes and for the next run after a crash.

A generation, new at every write, tells caches of the contents (BM25) in any process to rebuild. The articles being
written or deleted are recorded until the next mark: what a crash could leave half done, so the next ingest checks
just those instead of scanning every sentence.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection


class Marks:
    """Reads and writes the marks on a store's articles collection."""

    def __init__(self, client: ClientAPI, articles: Collection, embedding_function: Any) -> None:
        self._client = client
        self._articles = articles
        self._ef = embedding_function

    def mark(self, writing: Sequence[str] = ()) -> None:
        """A new generation, and ``writing`` as the articles in progress (none: the previous ones are done)."""
        metadata = {k: v for k, v in (self._articles.metadata or {}).items() if k not in {"generation", "writing"}}
        metadata["generation"] = uuid.uuid4().hex
        if writing:
            metadata["writing"] = json.dumps(list(writing))
        self._articles.modify(metadata=metadata)

    def generation(self) -> str:
        """The collection's current generation, as last written by any process."""
        return self._stored().get("generation", "")

    def in_progress(self) -> list[str]:
        """The articles recorded as being written or deleted, as last written by any process."""
        return json.loads(self._stored().get("writing") or "[]")

    def _stored(self) -> dict[str, Any]:
        """The metadata as stored now (the collection object holds this process's copy)."""
        return self._client.get_collection(self._articles.name, embedding_function=self._ef).metadata or {}
