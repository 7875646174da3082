"""The Chroma store: a collection of sentences (the retrieval unit) and one of whole articles.

Sentence ids are ``<article id>:<index>``; an article's row is written after its sentences, so a present article
row means a complete article; the articles being written are recorded in the collection's metadata until done, so
the next ingest removes what a crash left half written. Every write also records a new generation, which tells
caches of the contents (BM25) in any process to rebuild. The collection records the model, encoder and splitter it
was built with.

Chroma's on-disk store serves one process at a time (a second writer leaves the first one's view broken), so a
store directory is locked by the process that opens it; a locked, corrupted or lost store is refused with a
``StoreError`` that says what to do.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import sqlite3
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from index.clean import Article
from index.embed import DEFAULT_ENCODER, embedding_function, encoder_of, model_label
from index.hnsw_files import vector_index_damage
from index.sentences import SPLITTER_VERSION, Sentence

DATABASE = "chroma.sqlite3"
LOCK_FILE = "news-assistant.lock"
_COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,400}[A-Za-z0-9]")
_LOCKS: dict[Path, int] = {}  # store directory -> lock file descriptor held by this process
# What a collection recorded before a build key existed was built with (stores from before the ``encoder`` key).
_BUILD_BEFORE_KEY = {"encoder": "torch"}


class StoreError(RuntimeError):
    """The store cannot be used as it is; the message says why and what to do, ``reason`` only why."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class StoreMismatchError(StoreError):
    """The store was built with another model or splitter than the one configured."""


class StoreLockedError(StoreError):
    """Another process holds the store."""


class StoreCorruptError(StoreError):
    """The store's files are damaged or missing."""


def reindex_hint(path: Path, collection: str | None = None, texts_lost: bool = False) -> str:
    """The command that rebuilds a store, for error messages."""
    command = f"news-assistant --store {path}{f' --collection {collection}' if collection else ''} reindex"
    if texts_lost:
        return (
            f"rebuild it from the article files with `{command} --from FILES...` "
            f"(files uploaded in the browser, kept in {path / 'uploads'}, are included)"
        )
    return f"rebuild it with `{command}` (from the articles' texts kept in the store)"


def check_collection_name(name: str) -> None:
    """Refuse a name Chroma cannot store (3-400 letters, digits, ``._-``, starting and ending alphanumeric)."""
    if not _COLLECTION_NAME.fullmatch(name):
        raise StoreError(
            f"'{name}' is not a usable collection name: use 3-400 letters, digits, '.', '_' or '-', "
            "starting and ending with a letter or digit"
        )


def lock_store(path: Path) -> None:
    """Hold an exclusive lock on the store directory for the rest of this process (released when it exits)."""
    key = path.resolve()
    if key in _LOCKS:
        return
    fd = os.open(key / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 300, 0).decode("utf-8", "replace").strip() or "another process"
        os.close(fd)
        raise StoreLockedError(
            f"the store {path} is in use by {holder}; stop that process (or ask through it), or use another --store"
        ) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} ({' '.join(sys.argv)[:250]})".encode(), 0)
    _LOCKS[key] = fd


def unlock_store(path: Path) -> None:
    """Release this process's lock on the store directory, if it holds one."""
    fd = _LOCKS.pop(Path(path).resolve(), None)
    if fd is not None:
        os.close(fd)


def check_store_files(path: Path, busy_timeout: float = 5.0) -> None:
    """Refuse a store path that is not a directory, has lost its database, or whose database is locked or damaged.

    A missing directory is fine: it becomes a new, empty store.
    """
    if path.exists() and not path.is_dir():
        raise StoreError(f"the store path {path} is a file, not a directory; give a directory with --store")
    if not path.is_dir():
        return
    db = path / DATABASE
    others = [p.name for p in path.iterdir() if p.name not in {LOCK_FILE, DATABASE}]
    if (not db.is_file() or db.stat().st_size == 0) and others:
        reason = f"{path} holds files ({', '.join(sorted(others)[:3])}…) but no Chroma database ({DATABASE})"
        raise StoreCorruptError(
            f"{reason}: it is not a store, or its database was lost; use a new directory, or "
            f"{reindex_hint(path, texts_lost=True)}",
            reason,
        )
    if not db.is_file():
        return
    try:
        con = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=busy_timeout)
        try:
            con.execute("BEGIN IMMEDIATE")  # waits up to busy_timeout for another writer, then fails
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            con.rollback()
        finally:
            con.close()
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            raise StoreLockedError(
                f"the store database {db} is locked by another program ({err}); close it and try again"
            ) from err
        reason = f"the store database {db} cannot be read ({err})"
        raise StoreCorruptError(f"{reason}; {reindex_hint(path, texts_lost=True)}", reason) from err
    except sqlite3.DatabaseError as err:
        reason = f"the store database {db} is damaged ({err})"
        raise StoreCorruptError(f"{reason}; {reindex_hint(path, texts_lost=True)}", reason) from err


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


def read_all(collection: Any, include: list[str], page: int = 5000) -> dict[str, list[Any]]:
    """Every row of a collection (``ids`` and the ``include``d fields), read in pages to bound memory per call."""
    out: dict[str, list[Any]] = {"ids": [], **{field: [] for field in include}}
    while True:
        got = collection.get(include=include, limit=page, offset=len(out["ids"]))
        for key in out:
            out[key].extend(got[key])
        if len(got["ids"]) < page:
            return out


def _as_sentence(id_: str, text: str, meta: dict[str, Any]) -> StoredSentence:
    return StoredSentence(id_, meta["article_id"], meta["index"], meta["start"], meta["end"], text)


class SentenceStore:
    """Sentences and articles of one named collection in a Chroma store (embedded on disk, or a server)."""

    def __init__(
        self,
        path: Path,
        collection: str,
        model: str,
        client: Any | None = None,
        encoder: str = DEFAULT_ENCODER,
        encoder_cache: Path | None = None,
    ) -> None:
        self.path = Path(path)
        self.model = model
        self.encoder_name = encoder
        self.collection = collection
        check_collection_name(collection)
        self.on_disk = client is None
        if client is None:
            check_store_files(self.path)
            damage = vector_index_damage(self.path)
            if damage:
                hint = reindex_hint(self.path, collection)
                raise StoreCorruptError(f"the store {self.path} cannot be read ({damage}); {hint}", damage)
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"cannot create the store directory {self.path} ({err.strerror or err})") from err
            lock_store(self.path)
            client = chromadb.PersistentClient(str(self.path), settings=ChromaSettings(anonymized_telemetry=False))
        self._client = client
        build: dict[str, Any] = {"model": model_label(model), "encoder": encoder, "splitter": SPLITTER_VERSION}
        try:
            existing = {c.name for c in client.list_collections()}
            for name in (collection, f"{collection}-articles"):  # refuse a mismatch before loading the model
                if name in existing:
                    self._check_build(name, client.get_collection(name).metadata, build)
            self.ef = embedding_function(model, encoder, str(encoder_cache) if encoder_cache else None)
            self.encoder = encoder_of(self.ef)
            build["dimension"] = int(self.encoder.get_embedding_dimension())
            self.sentences = self._open(collection, build)
            self.articles = self._open(f"{collection}-articles", build)
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
        self._check_build(name, collection.metadata, build)
        return collection

    def _check_build(self, name: str, metadata: dict[str, Any] | None, build: dict[str, Any]) -> None:
        """Refuse a collection recorded as built with another model, encoder, dimension or splitter than ``build``."""
        recorded = {key: (metadata or {}).get(key, _BUILD_BEFORE_KEY.get(key)) for key in build}
        if recorded != build:
            differs = ", ".join(
                f"{key} {recorded[key]!r} (this assistant uses {build[key]!r})"
                for key in build
                if recorded[key] != build[key]
            )
            raise StoreMismatchError(
                f"the collection '{name}' in {self.path} was built with {differs}; its vectors cannot be mixed with "
                f"new ones: use another store or collection, or {reindex_hint(self.path, self.collection)}"
            )

    # --- writing -------------------------------------------------------------------------------------

    def write(self, batch: Sequence[tuple[Article, Sequence[Sentence], np.ndarray]]) -> None:
        """Store articles' sentences with their embeddings, then the article rows that mark them complete."""
        self._mark(writing=[article.id for article, _, _ in batch])
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
        self.mark_changed()

    def mark_changed(self) -> None:
        """Record a new generation of the collection, so caches of its contents (BM25) in any process rebuild."""
        self._mark()

    def _mark(self, writing: Sequence[str] = ()) -> None:
        """A new generation, and the articles being written or deleted (until the next mark): what a crash could
        leave half done, so the next ingest checks just those instead of scanning every sentence."""
        metadata = {k: v for k, v in (self.articles.metadata or {}).items() if k not in {"generation", "writing"}}
        metadata["generation"] = uuid.uuid4().hex
        if writing:
            metadata["writing"] = json.dumps(list(writing))
        self.articles.modify(metadata=metadata)

    def generation(self) -> str:
        """The collection's current generation, as last written by any process."""
        return self._stored_metadata().get("generation", "")

    def _stored_metadata(self) -> dict[str, Any]:
        """The articles collection's metadata as stored now (``self.articles.metadata`` is this process's copy)."""
        return self._client.get_collection(self.articles.name, embedding_function=self.ef).metadata or {}

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
        self._mark(writing=[article_id])
        self.articles.delete(ids=[article_id])
        self.sentences.delete(where={"article_id": article_id})
        self.mark_changed()

    # --- reading -------------------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article's metadata plus its ``text``, or None."""
        got = self.articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return {"id": article_id, "text": got["documents"][0], **got["metadatas"][0]}

    def titles(self, article_ids: Sequence[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        got = self.articles.get(ids=list(article_ids), include=["metadatas"])
        return {i: m.get("title", "") for i, m in zip(got["ids"], got["metadatas"], strict=True)}

    def list_articles(self) -> list[dict[str, Any]]:
        got = self.articles.get(include=["metadatas"])
        return [{"id": i, **m} for i, m in zip(got["ids"], got["metadatas"], strict=True)]

    def count(self) -> tuple[int, int]:
        """(articles, sentences)."""
        return self.articles.count(), self.sentences.count()

    def get_sentences(self, ids: Sequence[str]) -> dict[str, StoredSentence]:
        if not ids:
            return {}
        got = self.sentences.get(ids=list(ids), include=["documents", "metadatas"])
        return {
            i: _as_sentence(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
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
        wanted = [
            sentence_id(article, n)
            for article, meta in zip(articles["ids"], articles["metadatas"], strict=True)
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
        writing = json.loads(self._stored_metadata().get("writing") or "[]")
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
