"""Rebuild a collection into a fresh store and swap it in: after a model change, or when the store is damaged.

The articles are read back from the old store's articles collection (their cleaned texts and metadata), without
the embedding model, so a store built with another model can still be read. When that collection cannot be read,
the recorded sources are used instead: the files uploaded through the UI (``<store>/uploads``) and the files given.
The new store is built beside the old one and renamed into place only once complete; the old one is kept as
``<store>.bak-<time>``.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chromadb.errors import ChromaError

from index.clean import Article, article_id
from index.embed import DEFAULT_ENCODER
from index.ingest import Ingestor, IngestReport
from index.store import SentenceStore, StoreCorruptError, StoreError, check_collection_name, read_all, unlock_store
from index.store.client import unchecked_client
from index.store.files import DATABASE, check_store_files
from index.store.lock import lock_store

UPLOADS = "uploads"


@dataclass
class ReindexReport:
    """What a rebuild did: articles read back, what the new store holds, where the old one went."""

    read_back: int = 0
    unreadable: str | None = None
    ingest: IngestReport = field(default_factory=IngestReport)
    articles: int = 0
    sentences: int = 0
    backup: Path | None = None
    left_behind: list[str] = field(default_factory=list)

    def summary(self, path: Path) -> str:
        lines = [f"rebuilt {path}: {self.articles} articles, {self.sentences} sentences"]
        if self.unreadable:
            lines.append(f"the old articles could not be read ({self.unreadable}); rebuilt from the files instead")
        else:
            lines.append(f"{self.read_back} articles read back from the old store")
        if self.backup:
            lines.append(f"the old store is kept at {self.backup}")
        if self.left_behind:
            lines.append(f"other collections not carried over (still in the backup): {', '.join(self.left_behind)}")
        return "\n".join(lines)


def read_articles(path: Path, collection: str) -> tuple[list[Article], list[str]]:
    """The stored articles of ``collection`` and the names of the store's other collections.

    Raises StoreError when the store or the collection cannot be read.
    """
    check_store_files(path)
    if not (path / DATABASE).is_file():
        raise StoreCorruptError(f"no Chroma database in {path}")
    try:
        client = unchecked_client(path)
        names = [c.name for c in client.list_collections()]
        if f"{collection}-articles" not in names:
            raise StoreCorruptError(f"the store has no collection '{collection}-articles'")
        got = read_all(client.get_collection(f"{collection}-articles"), ["documents", "metadatas"])
    except (ChromaError, sqlite3.DatabaseError) as err:
        raise StoreCorruptError(str(err)) from err
    articles = [
        Article(
            id=article_id(text),
            text=text,
            title=meta.get("title") or "",
            source=meta.get("source") or "",
            author=meta.get("author"),
            date=meta.get("date"),
            url=meta.get("url"),
        )
        for text, meta in zip(got["documents"], got["metadatas"], strict=True)
        if text
    ]
    return articles, sorted(set(names) - {collection, f"{collection}-articles"})


def reindex(
    path: Path,
    collection: str,
    model: str,
    sources: Sequence[str | Path] = (),
    progress: bool = False,
    encoder: str = DEFAULT_ENCODER,
    encoder_cache: Path | None = None,
) -> ReindexReport:
    """Rebuild ``collection`` of the store at ``path`` with ``model`` run by ``encoder``, and swap the new store in."""
    path = Path(path)
    check_collection_name(collection)
    report = ReindexReport()
    if path.is_dir():
        lock_store(path)  # nobody else may use the old store while it is read and replaced
    try:
        articles, report.left_behind = read_articles(path, collection)
        report.read_back = len(articles)
    except StoreCorruptError as err:
        articles, report.unreadable = [], err.reason
        uploads = path / UPLOADS
        sources = [*sources, *([uploads] if uploads.is_dir() else [])]
        if not sources:
            raise StoreError(
                f"the articles in {path} cannot be read ({err.reason}); give the article files to rebuild from: "
                f"`news-assistant --store {path} --collection {collection} reindex --from FILES...`"
            ) from err
    fresh = path.with_name(f".{path.name}.reindex")
    shutil.rmtree(fresh, ignore_errors=True)
    store = SentenceStore(fresh, collection, model, encoder=encoder, encoder_cache=encoder_cache)
    ingestor = Ingestor(store)
    report.ingest = ingestor.ingest_articles(articles, progress=progress)
    if sources:
        from_files = ingestor.ingest(sources, progress=progress)
        report.ingest.added += from_files.added
        report.ingest.skipped += from_files.skipped
        report.ingest.sentences_added += from_files.sentences_added
        report.ingest.errors += from_files.errors
    report.articles, report.sentences = store.count()
    if report.articles < len(articles):
        raise StoreError(f"the rebuilt store holds {report.articles} of {len(articles)} articles; {path} is unchanged")
    _swap(path, fresh, report)
    return report


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where that is unsupported."""
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _swap(path: Path, fresh: Path, report: ReindexReport) -> None:
    """Put the complete new store at ``path`` in one step; the old one (and its uploads) goes to a backup beside it."""
    if not path.exists():
        fresh.rename(path)
        unlock_store(fresh)
        return
    report.backup = path.with_name(f"{path.name}.bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
    if _exchange(fresh, path):
        fresh.rename(report.backup)
    else:  # two renames: for a moment there is no store at ``path``
        path.rename(report.backup)
        fresh.rename(path)
    unlock_store(path)
    unlock_store(fresh)
    if (report.backup / UPLOADS).is_dir():
        shutil.copytree(report.backup / UPLOADS, path / UPLOADS)
