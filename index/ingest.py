"""Ingestion: files → load → clean → split → embed → store, idempotent by article content hash."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from index.clean import Article, clean
from index.fetch import FetchLimits, is_url, load_url
from index.load import LoadError, find_files, load_file
from index.sentences import Sentence, SentenceSplitter
from index.store import EmbeddedArticle, SentenceStore


@dataclass
class IngestReport:
    """What one ingestion did: counts of articles added, skipped (already there) and replaced, problems, and the
    articles given twice in one ingestion (each named with the one it repeats)."""

    added: int = 0
    skipped: int = 0
    replaced: int = 0
    sentences_added: int = 0
    errors: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # read past: fields not read, values not used (load.Loaded)
    written: list[str] = field(default_factory=list)  # "<title> (<id>)" of each article added or replaced

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.replaced} replaced, {self.skipped} unchanged; "
            f"{self.sentences_added} sentences added"
        )
        text += f"; {len(self.duplicates)} given twice (not added again)" if self.duplicates else ""
        text += f"; {len(self.ignored)} thing(s) not read" if self.ignored else ""
        return text + (f"; {len(self.errors)} problem(s)" if self.errors else "")


class Ingestor:
    """Writes articles into a store; the same text twice is skipped, a changed file replaces its old version.

    Resumable: an ingest killed midway is completed by running it again (stored articles are skipped by content
    hash, and sentences a crash left without their article row are removed first). One ingest runs at a time.
    """

    def __init__(
        self,
        store: SentenceStore,
        batch_size: int = 64,
        max_file_bytes: int = 20_000_000,
        fetch_limits: FetchLimits | None = None,
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.max_file_bytes = max_file_bytes
        self.fetch_limits = fetch_limits or FetchLimits()
        self.splitter = SentenceSplitter()
        self.articles_per_check = 64  # articles looked up in the store at once
        self.sentences_per_write = 1024  # sentences encoded and written at once (a crash loses at most these)
        self._lock = threading.Lock()

    def ingest(self, paths: Iterable[str | Path], progress: bool = False) -> IngestReport:
        """Load, clean and store the articles in these files, directories, web pages and feeds (``http(s)://``
        addresses); problems are reported, not raised."""
        report = IngestReport()
        articles: dict[str, Article] = {}
        paths = list(paths)
        sources = [*(p for p in paths if is_url(p)), *find_files(p for p in paths if not is_url(p))]
        for path in sources:
            try:
                loaded = load_url(path, self.fetch_limits) if is_url(path) else load_file(path, self.max_file_bytes)
            except LoadError as err:
                report.errors.append(str(err))
                continue
            report.errors.extend(loaded.problems)
            report.ignored.extend(loaded.ignored)
            for raw in loaded.documents:
                try:
                    article = clean(raw)
                except LoadError as err:
                    report.errors.append(str(err))
                    continue
                first = articles.setdefault(article.id, article)
                if first is not article:
                    report.duplicates.append(f"{raw.source}: the same text as {first.source}")
        return self.ingest_articles(articles.values(), progress=progress, report=report)

    def ingest_articles(
        self, articles: Iterable[Article], progress: bool = False, report: IngestReport | None = None
    ) -> IngestReport:
        """Store cleaned articles (from files, or read back from another store) in batches."""
        report = report or IngestReport()
        unique: dict[str, Article] = {}
        for article in articles:
            unique.setdefault(article.id, article)
        pending = list(unique.values())
        with (
            self._lock,
            tqdm(total=len(pending), unit="article", disable=not progress, desc="ingest") as bar,
            ThreadPoolExecutor(1, thread_name_prefix="encode") as encoder,
            ThreadPoolExecutor(1, thread_name_prefix="write") as writer,
        ):
            self.store.remove_orphans()
            # A pipeline: this thread splits the next articles while the encoder (ONNX Runtime / torch, outside the
            # GIL) embeds the previous ones and the writer stores those before them, in order.
            writing: Future[None] | None = None

            def flush(split: list[tuple[Article, list[Sentence]]]) -> None:
                nonlocal writing
                if not split:
                    return
                vectors = encoder.submit(self._encode, split)
                if writing is not None:
                    writing.result()  # at most one batch waits to be written: memory stays bounded
                writing = writer.submit(self._write, split, vectors, report, bar)

            split: list[tuple[Article, list[Sentence]]] = []
            for lo in range(0, len(pending), self.articles_per_check):
                chunk = pending[lo : lo + self.articles_per_check]
                present = self.store.existing([a.id for a in chunk])
                report.skipped += len(present)
                bar.update(len(present))
                for article in (a for a in chunk if a.id not in present):
                    sentences = self.splitter.split(article.text)
                    if sentences:
                        split.append((article, sentences))
                    else:  # only symbols ("☇"): nothing a question could cite, and no vector to store it by
                        report.errors.append(f"{article.source}: no sentence to index in its text (not stored)")
                        bar.update(1)
                if sum(len(sentences) for _, sentences in split) >= self.sentences_per_write:
                    flush(split)
                    split = []
            flush(split)
            if writing is not None:
                writing.result()
        return report

    def _encode(self, split: list[tuple[Article, list[Sentence]]]) -> np.ndarray:
        """The sentences' vectors, in one encoder call (sorted by length there, so little padding)."""
        texts = [s.text for _, sentences in split for s in sentences]
        return np.asarray(
            self.store.encoder.encode(texts, batch_size=self.batch_size, normalize_embeddings=True), dtype=np.float32
        )

    def _write(
        self, split: list[tuple[Article, list[Sentence]]], vectors: Future[np.ndarray], report: IngestReport, bar: tqdm
    ) -> None:
        """Store the articles with their vectors once encoded, replacing older versions of the same sources."""
        previous = self.store.articles_for_sources([a.source for a, _ in split])
        embedded = vectors.result()
        batch, offset = [], 0
        for article, sentences in split:
            batch.append(EmbeddedArticle(article, sentences, embedded[offset : offset + len(sentences)]))
            offset += len(sentences)
        self.store.write(batch)
        report.sentences_added += offset
        for article, _ in split:
            report.written.append(f"{article.title or 'Untitled'} ({article.id[:12]})")
            old = previous.get(article.source)
            if old and old != article.id:
                self.store.delete(old)
                report.replaced += 1
            else:
                report.added += 1
        bar.update(len(split))
