"""One collection's sentences and articles in a Chroma store: writing, reading, deleting, nearest neighbours.

Sentence ids are ``<article id>:<index>``; an article's row is written after its sentences, so a present article
row means a complete article. Every write and delete is marked (``marks.py``), so the next ingest removes what a
crash left half written and other processes' caches of the contents rebuild. (It runs a little over 250 lines: one
class for every read and write of one pair of collections; what it relies on has modules of its own.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.errors import ChromaError

from index.embed import DEFAULT_ENCODER, embedding_function, encoder_of, model_label
from index.sentences import SPLITTER_VERSION
from index.store.build import check_build
from index.store.client import local_client
from index.store.errors import StoreCorruptError, check_collection_name, reindex_hint
from index.store.marks import Marks
from index.store.records import EmbeddedArticle, StoredArticle, StoredSentence, read_all, sentence_id


class SentenceStore:
    """Sentences and articles of one named collection in a Chroma store (embedded on disk, or a server's).

    Opening checks the store's files (on disk) and the collection's build key, then loads the embedding model and
    each vector index, so a damaged or mismatched store fails here with the command that fixes it.
    """

    def __init__(
        self,
        path: Path,
        collection: str,
        model: str,
        client: ClientAPI | None = None,
        encoder: str = DEFAULT_ENCODER,
        encoder_cache: Path | None = None,
    ) -> None:
        self.path = Path(path)
        self.model = model
        self.encoder_name = encoder
        self.collection = collection
        check_collection_name(collection)
        self.on_disk = client is None
        self._client = client or local_client(self.path, collection)
        build: dict[str, Any] = {"model": model_label(model), "encoder": encoder, "splitter": SPLITTER_VERSION}
        try:
            existing = {c.name for c in self._client.list_collections()}
            for name in (collection, f"{collection}-articles"):  # refuse a mismatch before loading the model
                if name in existing:
                    check_build(name, self._client.get_collection(name).metadata, build, self.path, collection)
            self.ef = embedding_function(model, encoder, str(encoder_cache) if encoder_cache else None)
            self.encoder = encoder_of(self.ef)
            build["dimension"] = int(self.encoder.get_embedding_dimension())
            self.sentences = self._open(collection, build)
            self.articles = self._open(f"{collection}-articles", build)
            self.marks = Marks(self._client, self.articles, self.ef)
            probe = np.eye(1, build["dimension"], dtype=np.float32)[0]
            for which in ("sentences", "articles"):  # loads each vector index now: a damaged one fails here
                self.nearest(which, probe, 1)
        except ChromaError as err:
            hint = reindex_hint(self.path, collection)
            raise StoreCorruptError(f"the store {self.path} cannot be read ({err}); {hint}") from err

    def _open(self, name: str, build: dict[str, Any]) -> chromadb.Collection:
        collection = self._client.get_or_create_collection(
            name, embedding_function=self.ef, configuration={"hnsw": {"space": "cosine"}}, metadata=build
        )
        check_build(name, collection.metadata, build, self.path, self.collection)
        return collection

    # --- writing -------------------------------------------------------------------------------------

    def write(self, batch: Sequence[EmbeddedArticle]) -> None:
        """Store articles' sentences with their embeddings, then the article rows that mark them complete."""
        self.marks.mark(writing=[e.article.id for e in batch])
        ids, texts, metas = [], [], []
        for e in batch:
            ids += [sentence_id(e.article.id, s.index) for s in e.sentences]
            texts += [s.text for s in e.sentences]
            metas += [
                {"article_id": e.article.id, "index": s.index, "start": s.start, "end": s.end} for s in e.sentences
            ]
        vectors = np.concatenate([e.vectors for e in batch]) if batch else np.zeros((0, 1))
        self._add(self.sentences, ids, texts, metas, vectors)
        moment = dt.datetime.now(dt.UTC)
        now = moment.isoformat(timespec="milliseconds")  # orders articles added a moment apart
        rows = [
            {
                "title": e.article.title,
                "source": e.article.source,
                "author": e.article.author,
                "date": e.article.date,
                "url": e.article.url,
                "sentences": len(e.sentences),
                "added": now,
                "added_at": moment.timestamp(),  # a number, so other processes can ask for the articles added since
            }
            for e in batch
        ]
        centroids = np.stack([e.vectors.mean(axis=0) for e in batch]) if batch else np.zeros((0, 1))
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
        self._add(
            self.articles,
            [e.article.id for e in batch],
            [e.article.text for e in batch],
            [{k: v for k, v in row.items() if v is not None} for row in rows],
            centroids,
        )
        self.mark_changed()

    def mark_changed(self) -> None:
        """Record a new generation of the collection, so caches of its contents (BM25) in any process rebuild."""
        self.marks.mark()

    def generation(self) -> str:
        """The collection's current generation, as last written by any process."""
        return self.marks.generation()

    def max_batch_size(self) -> int:
        """The most rows Chroma takes in one call."""
        return self._client.get_max_batch_size()

    def _add(self, collection: Any, ids: list[str], texts: list[str], metas: list[dict], vectors: np.ndarray) -> None:
        step = self.max_batch_size()
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
        self.marks.mark(writing=[article_id])
        self.articles.delete(ids=[article_id])
        self.sentences.delete(where={"article_id": article_id})
        self.marks.mark(deleted=[article_id])

    # --- reading -------------------------------------------------------------------------------------

    def article(self, article_id: str) -> StoredArticle | None:
        """The article's metadata and text, or None."""
        got = self.articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return StoredArticle.from_row(article_id, got["metadatas"][0], got["documents"][0])

    def headers(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        """The metadata (title, byline, date…) of those of these articles that are stored, without their text."""
        if not article_ids:
            return {}
        got = self.articles.get(ids=list(article_ids), include=["metadatas"])
        return {i: StoredArticle.from_row(i, m) for i, m in zip(got["ids"], got["metadatas"], strict=True)}

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The whole texts of those of these articles that are stored."""
        if not article_ids:
            return {}
        got = self.articles.get(ids=list(article_ids), include=["documents"])
        return dict(zip(got["ids"], got["documents"], strict=True))

    def list_articles(self) -> list[StoredArticle]:
        """Every article's metadata, without its text."""
        got = read_all(self.articles, ["metadatas"])
        return [StoredArticle.from_row(i, m) for i, m in zip(got["ids"], got["metadatas"], strict=True)]

    def count(self) -> tuple[int, int]:
        """(articles, sentences)."""
        return self.articles.count(), self.sentences.count()

    def get_sentences(self, ids: Sequence[str]) -> dict[str, StoredSentence]:
        if not ids:
            return {}
        got = self.sentences.get(ids=list(ids), include=["documents", "metadatas"])
        return {
            i: StoredSentence(i, m["article_id"], m["index"], m["start"], m["end"], d)
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }

    def get_texts(self, ids: Sequence[str]) -> dict[str, str]:
        if not ids:  # Chroma refuses an empty id list
            return {}
        got = self.sentences.get(ids=list(ids), include=["documents"])
        return dict(zip(got["ids"], got["documents"], strict=True))

    def all_texts(self, which: str = "sentences") -> tuple[list[str], list[str]]:
        """Every (id, text) of the articles, or of the sentences of complete articles.

        Sentences are read by id (known from each article's sentence count), which at a million rows is several
        times faster than paging through the collection by offset.
        """
        if which != "sentences":
            got = read_all(self.articles, ["documents"])
            return got["ids"], got["documents"]
        articles = read_all(self.articles, ["metadatas"])
        return self._sentence_texts(articles["ids"], articles["metadatas"])

    def article_ids(self) -> list[str]:
        """The ids of every complete article (its row written after its sentences)."""
        return read_all(self.articles, [])["ids"]

    def articles_added_since(self, moment: float) -> list[str]:
        """The ids of the complete articles written at or after ``moment`` (seconds since the epoch): one filtered
        read, however large the store (articles written before this field was kept have none, and are never new)."""
        return read_all(self.articles, [], where={"added_at": {"$gte": moment}})["ids"]

    def article_count(self) -> int:
        return self.articles.count()

    def deleted_since(self, moment: float) -> list[str]:
        """The articles deleted at or after ``moment`` (epoch seconds), from the log of recent deletions."""
        return self.marks.deleted_since(moment)

    def texts_of(self, article_ids: Sequence[str]) -> tuple[tuple[list[str], list[str]], tuple[list[str], list[str]]]:
        """The (ids, texts) of these articles' sentences, and of the articles themselves: what an index of the
        store's texts adds when they are written. An article deleted meanwhile is left out."""
        got = self.articles.get(ids=list(article_ids), include=["documents", "metadatas"]) if article_ids else None
        if got is None or not got["ids"]:
            return ([], []), ([], [])
        return self._sentence_texts(got["ids"], got["metadatas"]), (got["ids"], got["documents"])

    def _sentence_texts(self, article_ids: Sequence[str], metas: Sequence[Any]) -> tuple[list[str], list[str]]:
        """The (ids, texts) of these articles' sentences, read by id in batches."""
        wanted = [
            sentence_id(article, n)
            for article, meta in zip(article_ids, metas, strict=True)
            for n in range(meta["sentences"])
        ]
        ids: list[str] = []
        texts: list[str] = []
        step = self.max_batch_size()
        for lo in range(0, len(wanted), step):
            got = self.sentences.get(ids=wanted[lo : lo + step], include=["documents"])
            ids += got["ids"]
            texts += got["documents"]
        return ids, texts

    def orphan_sentences(self) -> list[str]:
        """Ids of sentences whose article row is missing: what a crash between the two writes leaves behind.

        Reads every row (minutes at a million sentences): for checks and tests; ingestion uses ``remove_orphans``.
        """
        articles = set(read_all(self.articles, [])["ids"])
        got = read_all(self.sentences, ["metadatas"])
        return [i for i, m in zip(got["ids"], got["metadatas"], strict=True) if m["article_id"] not in articles]

    def remove_orphans(self) -> int:
        """Delete the sentences a write or delete cut short left without their article row (never visible to
        answers, see retrieval); how many. Only the articles recorded as in progress are looked at."""
        writing = self.marks.in_progress()
        if not writing:
            return 0
        incomplete = [a for a in writing if a not in self.existing(writing)]
        orphans = self.sentences.get(where={"article_id": {"$in": incomplete}}, include=[])["ids"] if incomplete else []
        step = self.max_batch_size()
        for lo in range(0, len(orphans), step):
            self.sentences.delete(ids=orphans[lo : lo + step])
        self.mark_changed()
        return len(orphans)

    def embeddings_of(self, which: str, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        collection = self.sentences if which == "sentences" else self.articles
        got = collection.get(ids=list(ids), include=["embeddings"])
        return dict(zip(got["ids"], got["embeddings"], strict=True))

    def nearest(self, which: str, query: np.ndarray, n: int) -> dict[str, float]:
        """Cosine similarity of the ``n`` nearest sentences or articles to a normalised query vector."""
        collection = self.sentences if which == "sentences" else self.articles
        # No count() first: it scans the collection (~7 ms at 100k rows), and a query asking for more rows than
        # there are returns what there is.
        got = collection.query(query_embeddings=[query], n_results=n, include=["distances"])
        return {i: 1.0 - d for i, d in zip(got["ids"][0], got["distances"][0], strict=True)}
