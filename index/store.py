"""The Chroma store: a collection of sentences (the retrieval unit) and one of whole articles.

Sentence ids are ``<article id>:<index>``; an article's row is written after its sentences, so a present article
row means a complete article. The collection records the model and splitter it was built with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from index.clean import Article
from index.embed import embedding_function, model_label
from index.sentences import SPLITTER_VERSION, Sentence


class StoreMismatchError(RuntimeError):
    """The store was built with another model or splitter than the one configured."""


@dataclass(frozen=True)
class StoredSentence:
    """A sentence as kept in the store."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


def sentence_id(article_id: str, index: int) -> str:
    return f"{article_id}:{index:05d}"


def neighbour_ids(id_: str) -> list[str]:
    """Ids of the sentences just before and after ``id_`` (which may not exist)."""
    article, index = id_.rsplit(":", 1)
    return [sentence_id(article, int(index) + step) for step in (-1, 1) if int(index) + step >= 0]


def _as_sentence(id_: str, text: str, meta: dict[str, Any]) -> StoredSentence:
    return StoredSentence(id_, meta["article_id"], meta["index"], meta["start"], meta["end"], text)


class SentenceStore:
    """Sentences and articles of one named collection in a Chroma store (embedded on disk, or a server)."""

    def __init__(self, path: Path, collection: str, model: str, client: Any | None = None) -> None:
        self.path = Path(path)
        self.model = model
        self.ef = embedding_function(model)
        if client is None:
            self.path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(str(self.path), settings=ChromaSettings(anonymized_telemetry=False))
        self._client = client
        build = {
            "model": model_label(model),
            "dimension": int(self.ef._model.get_embedding_dimension()),
            "splitter": SPLITTER_VERSION,
        }
        self.sentences = self._open(collection, build)
        self.articles = self._open(f"{collection}-articles", build)

    def _open(self, name: str, build: dict[str, Any]) -> chromadb.Collection:
        collection = self._client.get_or_create_collection(
            name, embedding_function=self.ef, configuration={"hnsw": {"space": "cosine"}}, metadata=build
        )
        recorded = {key: (collection.metadata or {}).get(key) for key in build}
        if recorded != build:
            raise StoreMismatchError(
                f"the collection '{name}' in {self.path} was built with {recorded}, but this assistant uses "
                f"{build}; use another store or collection, or rebuild it with `news-assistant reindex`"
            )
        return collection

    # --- writing -------------------------------------------------------------------------------------

    def write(self, batch: Sequence[tuple[Article, Sequence[Sentence], np.ndarray]]) -> None:
        """Store articles' sentences with their embeddings, then the article rows that mark them complete."""
        ids, texts, metas, vectors = [], [], [], []
        for article, sentences, embeddings in batch:
            ids += [sentence_id(article.id, s.index) for s in sentences]
            texts += [s.text for s in sentences]
            metas += [{"article_id": article.id, "index": s.index, "start": s.start, "end": s.end} for s in sentences]
            vectors.append(embeddings)
        self._add(self.sentences, ids, texts, metas, np.concatenate(vectors) if vectors else np.zeros((0, 1)))
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [
            {
                "title": a.title,
                "source": a.source,
                "author": a.author,
                "date": a.date,
                "url": a.url,
                "sentences": len(ss),
                "added": now,
            }
            for a, ss, _ in batch
        ]
        centroids = np.stack([e.mean(axis=0) for _, _, e in batch]) if batch else np.zeros((0, 1))
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
        self._add(
            self.articles,
            [a.id for a, _, _ in batch],
            [a.text for a, _, _ in batch],
            [{k: v for k, v in row.items() if v is not None} for row in rows],
            centroids,
        )

    def _add(self, collection: Any, ids: list[str], texts: list[str], metas: list[dict], vectors: np.ndarray) -> None:
        step = self._client.get_max_batch_size()
        for lo in range(0, len(ids), step):
            part = slice(lo, lo + step)
            collection.upsert(ids=ids[part], documents=texts[part], metadatas=metas[part], embeddings=vectors[part])

    def existing(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these articles are stored."""
        return set(self.articles.get(ids=list(article_ids), include=[])["ids"]) if article_ids else set()

    def articles_for_sources(self, sources: Sequence[str]) -> dict[str, str]:
        """Stored article id per source path, for the given sources."""
        if not sources:
            return {}
        got = self.articles.get(where={"source": {"$in": list(sources)}}, include=["metadatas"])
        return {m["source"]: i for i, m in zip(got["ids"], got["metadatas"], strict=True)}

    def delete(self, article_id: str) -> None:
        """Remove an article and all its sentences."""
        self.articles.delete(ids=[article_id])
        self.sentences.delete(where={"article_id": article_id})

    # --- reading -------------------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article's metadata plus its ``text``, or None."""
        got = self.articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return {"id": article_id, "text": got["documents"][0], **got["metadatas"][0]}

    def titles(self, article_ids: Sequence[str]) -> dict[str, str]:
        got = self.articles.get(ids=list(article_ids), include=["metadatas"])
        return {i: m.get("title", "") for i, m in zip(got["ids"], got["metadatas"], strict=True)}

    def list_articles(self) -> list[dict[str, Any]]:
        got = self.articles.get(include=["metadatas"])
        return [{"id": i, **m} for i, m in zip(got["ids"], got["metadatas"], strict=True)]

    def count(self) -> tuple[int, int]:
        """(articles, sentences)."""
        return self.articles.count(), self.sentences.count()

    def get_sentences(self, ids: Sequence[str]) -> dict[str, StoredSentence]:
        got = self.sentences.get(ids=list(ids), include=["documents", "metadatas"])
        return {
            i: _as_sentence(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }

    def get_texts(self, ids: Sequence[str]) -> dict[str, str]:
        got = self.sentences.get(ids=list(ids), include=["documents"])
        return dict(zip(got["ids"], got["documents"], strict=True))

    def all_texts(self, which: str = "sentences", page: int = 5000) -> tuple[list[str], list[str]]:
        """Every (id, text) of the sentences or articles collection, read in pages."""
        collection = self.sentences if which == "sentences" else self.articles
        ids: list[str] = []
        texts: list[str] = []
        while True:
            got = collection.get(include=["documents"], limit=page, offset=len(ids))
            ids.extend(got["ids"])
            texts.extend(got["documents"])
            if len(got["ids"]) < page:
                return ids, texts

    def embeddings_of(self, which: str, ids: Sequence[str]) -> dict[str, np.ndarray]:
        collection = self.sentences if which == "sentences" else self.articles
        got = collection.get(ids=list(ids), include=["embeddings"])
        return dict(zip(got["ids"], got["embeddings"], strict=True))

    def nearest(self, which: str, query: np.ndarray, n: int) -> dict[str, float]:
        """Cosine similarity of the ``n`` nearest sentences or articles to a normalised query vector."""
        collection = self.sentences if which == "sentences" else self.articles
        total = collection.count()
        if not total:
            return {}
        got = collection.query(query_embeddings=[query], n_results=min(n, total), include=["distances"])
        return {i: 1.0 - d for i, d in zip(got["ids"][0], got["distances"][0], strict=True)}
