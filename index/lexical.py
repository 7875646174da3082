"""The lexical half of hybrid retrieval kept in step with the store: BM25 indexes (``index.bm25``) of its sentences
and articles that take each write as it comes, in every process sharing the store.

Every write to the store marks a new generation (``index/store/marks.py``). Before a question, at most every
``recheck_seconds``, a process reads the generation (one small read); when it has moved, it reads the articles
written since its last catch-up, the store's log of recent deletions and its article count, indexes the new
articles' sentences and masks the gone ones': milliseconds for an article, whatever the size of the store (the count
disagreeing, every article id is read and compared). The indexes of a store on disk are saved beside it
(``<store>/bm25/``), merged into one segment, with the generation they hold; a process opening the store loads them
and catches up the same way, and merges and saves again once what changed passes ``MERGE_SHARE`` of them. A whole
build happens only for a new store, a reindexed one (new collections) or a new index format. A store reached only by
its server's address (``NEWS_ASSISTANT_CHROMA_URL``) has no directory here: its indexes are built in memory, then
kept in step the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from index.bm25 import LexicalIndex
from index.store import SentenceStore, sentence_id

_FORMAT = "segments-1/snowball-en/lucene-1.5-0.75"  # bump when tokenisation or the saved layout changes
_ABANDONED_SECONDS = 3600  # a scratch directory this old is a crashed save's
MERGE_SHARE = 0.02  # documents added or deleted since the sealed segment, as a share of it, that start a merge
MIN_MERGE = 2000  # ... and at least this many
SLACK = 60.0  # seconds before the last catch-up from which written articles are looked for again


@dataclass(frozen=True)
class Indexed:
    """The indexes of one generation of the store, and the articles they hold."""

    generation: str
    sentences: LexicalIndex
    articles: LexicalIndex
    article_ids: frozenset[str]
    since: float | None = None  # when the store was last read whole or for what was added since (epoch seconds)

    def changed_since_sealed(self) -> int:
        """Documents added or deleted since the sentences' sealed segment was made."""
        return len(self.sentences.fresh_ids) + int((~self.sentences.alive).sum())


class LexicalIndexes:
    """The BM25 indexes of a store's sentences and articles, kept up to date with it (see the module)."""

    def __init__(self, store: SentenceStore, recheck_seconds: float = 0.5) -> None:
        self.store = store
        self.recheck_seconds = recheck_seconds
        self._lock = threading.Lock()  # one update at a time
        self._indexed: Indexed | None = None
        self._checked = 0.0
        self._merging = False
        self.loaded_from: Path | None = None  # the saved indexes opened, None when built here (or in memory)
        self.built_whole = 0  # how many times this process built the indexes from every stored text

    def current(self) -> tuple[LexicalIndex, LexicalIndex]:
        """The (sentences, articles) indexes: opened on first use, then brought up to date with the store's writes
        at most every ``recheck_seconds`` (a question meanwhile gets the indexes as they are)."""
        indexed = self._indexed
        if indexed is None:
            with self._lock:
                if self._indexed is None:
                    self._indexed = self._open()
                    self._checked = time.monotonic()
                indexed = self._indexed
        elif time.monotonic() - self._checked > self.recheck_seconds and self._lock.acquire(blocking=False):
            try:
                indexed = self._update()
            except Exception:  # noqa: BLE001 - the store unreadable for a moment: answer from the indexes as they are
                self._checked = time.monotonic()
            finally:
                self._lock.release()
        return indexed.sentences, indexed.articles

    def article_idf(self, term: str) -> float:
        """How rare a (tokenized) term is among the stored articles, as BM25 over whole articles weighs it."""
        return self.current()[1].idf(term)

    def refresh(self) -> None:
        """Bring the indexes up to date now (after this process wrote to the store)."""
        with self._lock:
            if self._indexed is None:  # opening reads the store as it is now: nothing to catch up with after it
                self._indexed = self._open()
                self._checked = time.monotonic()
            else:
                self._update(force=True)

    def invalidate(self) -> None:
        """Forget the indexes: the next question opens (or builds) them again."""
        self._indexed = None

    # --- keeping up ---------------------------------------------------------------------------------------------

    def _update(self, force: bool = False) -> Indexed:
        """Catch up with the store's writes if its generation moved (``force``: whatever it says); merge and save in
        the background once enough has been added or deleted."""
        indexed = self._indexed
        assert indexed is not None
        generation = self.store.generation()
        self._checked = time.monotonic()
        if generation != indexed.generation or force:
            indexed = self._caught_up(indexed, generation)
            self._indexed = indexed
        sealed = len(indexed.sentences.sealed)
        if not self._merging and indexed.changed_since_sealed() > max(MIN_MERGE, MERGE_SHARE * sealed):
            self._merging = True
            threading.Thread(target=self._merge, args=(indexed,), name="bm25-merge", daemon=True).start()
        return indexed

    def _caught_up(self, indexed: Indexed, generation: str) -> Indexed:
        """``indexed`` with the articles the store holds now: the new ones' sentences added, the gone ones' masked.

        The new ones are those written since the last catch-up (less ``SLACK``, for clocks and writes in progress),
        the gone ones those the store's log of recent deletions names; when the store's article count disagrees
        (a deletion the log lost to a concurrent write), every article id is read and compared."""
        started = time.time()
        added: list[str] = []
        gone: frozenset[str] = frozenset()
        whole = indexed.since is None
        if not whole:
            moment = (indexed.since or 0.0) - SLACK
            added = sorted(set(self.store.articles_added_since(moment)) - indexed.article_ids)
            gone = frozenset(self.store.deleted_since(moment)) & indexed.article_ids
            whole = self.store.article_count() != len(indexed.article_ids) + len(added) - len(gone)

        if whole:
            held = frozenset(self.store.article_ids())
            added, gone = sorted(held - indexed.article_ids), indexed.article_ids - held
        if not added and not gone:
            return replace(indexed, generation=generation, since=started)
        (sentence_ids, sentence_texts), (article_ids, article_texts) = self.store.texts_of(added)
        gone_sentences = list(_sentences_of(indexed.sentences, gone))
        return Indexed(
            generation,
            indexed.sentences.updated(sentence_ids, sentence_texts, gone_sentences),
            indexed.articles.updated(article_ids, article_texts, gone),
            (indexed.article_ids - gone) | frozenset(article_ids),
            started,
        )

    def _merge(self, indexed: Indexed) -> None:
        """Fold ``indexed`` into sealed segments, then catch up with what was written meanwhile, and save."""
        try:
            merged = replace(indexed, sentences=indexed.sentences.merged(), articles=indexed.articles.merged())
            with self._lock:
                self._indexed = self._caught_up(merged, self.store.generation())
            self._save(merged)
        except Exception:  # noqa: BLE001 - a failed merge is tried again after the next write
            pass
        finally:
            self._merging = False

    # --- opening and saving -------------------------------------------------------------------------------------

    def _open(self) -> Indexed:
        """The saved indexes caught up with the store, or (none saved for its collections) built and saved."""
        generation = self.store.generation()
        home = self.saved_at()
        if home is not None and (home / "complete").exists():
            try:
                saved = Indexed(
                    (home / "generation").read_text(encoding="utf-8"),
                    LexicalIndex.load(home / "sentences"),
                    LexicalIndex.load(home / "articles"),
                    frozenset(),
                )
                since = (home / "since").read_text(encoding="utf-8")
                saved = replace(
                    saved, article_ids=frozenset(saved.articles.ids), since=None if since == "None" else float(since)
                )
                self.loaded_from = home
                return saved if saved.generation == generation else self._caught_up(saved, generation)
            except (OSError, ValueError, KeyError):  # a damaged save is rebuilt below
                shutil.rmtree(home, ignore_errors=True)
        self.loaded_from = None
        self.built_whole += 1
        started = time.time()
        sentences = LexicalIndex(*self.store.all_texts("sentences"))
        articles = LexicalIndex(*self.store.all_texts("articles"))
        indexed = Indexed(generation, sentences, articles, frozenset(articles.ids), started)
        self._save(indexed)
        return indexed

    def saved_at(self) -> Path | None:
        """Where this store's indexes are saved: one folder per pair of collections and index format."""
        if not self.store.on_disk:
            return None
        key = [_FORMAT, str(self.store.sentences.id), str(self.store.articles.id)]
        name = hashlib.sha256(json.dumps(key).encode()).hexdigest()[:16]
        return self.store.path / "bm25" / self.store.collection / name

    def _save(self, indexed: Indexed) -> None:
        """Write to a scratch folder and rename it into place, so a reader never sees half an index; the folder it
        replaces, and scratch folders a crashed save left, are removed. A failed save costs a catch-up next time."""
        home = self.saved_at()
        if home is None:
            return
        try:
            home.parent.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=f".{home.name}-", dir=home.parent))
            indexed.sentences.save(scratch / "sentences")
            indexed.articles.save(scratch / "articles")
            (scratch / "generation").write_text(indexed.generation, encoding="utf-8")
            (scratch / "since").write_text(repr(indexed.since), encoding="utf-8")
            (scratch / "complete").touch()
            old = home.with_name(f".{home.name}-old-{os.getpid()}-{time.monotonic_ns()}")
            if home.exists():
                os.rename(home, old)  # open memory maps of it stay valid until closed
            os.rename(scratch, home)
            for path in home.parent.iterdir():
                stale = path.name.startswith(".") and time.time() - path.stat().st_mtime > _ABANDONED_SECONDS
                if path != home and (stale or path == old or not path.name.startswith(".")):
                    shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass


def _sentences_of(index: LexicalIndex, articles: Iterable[str]) -> Iterable[str]:
    """The indexed sentence ids of these articles (an article's sentences are numbered from 0 without gaps)."""
    for article in articles:
        n = 0
        while index.position(sentence_id(article, n)) is not None:
            yield sentence_id(article, n)
            n += 1
