"""BM25 over stored texts (bm25s with a Snowball stemmer): the lexical half of hybrid retrieval.

The indexes are saved beside an on-disk store and memory-mapped back, so a new process does not re-tokenise the
corpus (at 100k sentences that is ~20 s) and a question costs one sparse sum and a partial sort.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

from index.store import SentenceStore

logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import; its build notes are not news

_STEMMER = Stemmer.Stemmer("english")
_FORMAT = "bm25s-0.3.16/snowball-en/1"  # bump when tokenisation or the saved layout changes
_ABANDONED_SECONDS = 3600  # a scratch directory this old is a crashed save's (a save at 1M sentences takes ~90 s)


def tokenize(texts: Sequence[str]) -> list[list[str]]:
    """Lowercased, stop-word-free, stemmed tokens; the same function serves documents and questions."""
    return bm25s.tokenize(list(texts), stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False)


class LexicalIndex:
    """A BM25 index of (id, text) pairs that scores every document for a query in one vectorised call."""

    def __init__(self, ids: Sequence[str], texts: Sequence[str] = (), bm25: bm25s.BM25 | None = None) -> None:
        self.ids = list(ids)
        self._position = {id_: n for n, id_ in enumerate(self.ids)}
        self._bm25 = bm25
        if bm25 is None and self.ids:
            tokens = tokenize(texts)
            if any(tokens):  # bm25s cannot index a corpus without a single term (e.g. only "0" or "…")
                self._bm25 = bm25s.BM25()
                self._bm25.index(tokens, show_progress=False)

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document, in ``ids`` order (zeros for a query with no known terms)."""
        if self._bm25 is None:
            return np.zeros(len(self.ids), dtype=np.float32)
        tokens = [t for t in tokenize([query])[0] if t in self._bm25.vocab_dict]
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return self._bm25.get_scores(tokens)

    def position(self, id_: str) -> int | None:
        return self._position.get(id_)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "ids.txt").write_text("\n".join(self.ids), encoding="utf-8")
        if self._bm25 is not None:
            self._bm25.save(str(directory / "bm25"), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        """A saved index, its score matrix memory-mapped rather than read."""
        text = (directory / "ids.txt").read_text(encoding="utf-8")
        bm25 = None
        if (directory / "bm25").is_dir():
            bm25 = bm25s.BM25.load(str(directory / "bm25"), mmap=True, show_progress=False)
        return cls(text.split("\n") if text else [], bm25=bm25)


def top_positions(scores: np.ndarray, n: int) -> np.ndarray:
    """Positions of the ``n`` highest positive scores, best first, without sorting the whole array."""
    head = np.argpartition(-scores, n)[:n] if len(scores) > n else np.arange(len(scores))
    head = head[scores[head] > 0]
    return head[np.argsort(-scores[head], kind="stable")]


class LexicalIndexes:
    """The BM25 indexes of a store's sentences and articles, kept up to date with it.

    Loaded on first use from ``<store>/bm25/`` when they were saved for the store's current state (its collections'
    ids, generation and row counts), else built from the stored texts and saved there. Changes made through this
    process are followed by ``refresh()``, which rebuilds while questions go on with the previous indexes; changes
    from other processes sharing a Chroma server are noticed by a state check at most every ``recheck_seconds``,
    run in the background (Chroma's count scans the collection: ~7 ms at 100k rows, too slow for every question).
    A Chroma server's store has no directory here: its indexes stay in memory.
    """

    def __init__(self, store: SentenceStore, recheck_seconds: float = 2.0) -> None:
        self.store = store
        self.recheck_seconds = recheck_seconds
        self._lock = threading.Lock()  # one build at a time
        self._built: tuple[str, LexicalIndex, LexicalIndex] | None = None
        self._checked = 0.0
        self._checking = False
        self.loaded_from: Path | None = None  # the saved indexes in use, None when built here (or in memory)

    def current(self) -> tuple[LexicalIndex, LexicalIndex]:
        """The (sentences, articles) indexes: built or loaded on first use, then checked in the background."""
        built = self._built
        if built is None:
            with self._lock:
                if self._built is None:
                    self._rebuild()
                built = self._built
        elif time.monotonic() - self._checked > self.recheck_seconds and not self._checking:
            self._checking = True
            threading.Thread(target=self._check, name="bm25-check", daemon=True).start()
        return built[1], built[2]

    def refresh(self) -> None:
        """Bring the indexes up to date after a change to the store; until done, questions use the previous ones."""
        with self._lock:
            self._rebuild()

    def invalidate(self) -> None:
        """Forget the indexes: the next question rebuilds (or loads) them first."""
        self._built = None

    def _check(self) -> None:
        try:
            if self._built is not None and self._built[0] != self._state():
                self.refresh()
        except Exception:  # noqa: BLE001 - a failed background check is retried at the next interval
            pass
        finally:
            self._checked = time.monotonic()
            self._checking = False

    def _rebuild(self) -> None:
        key = self._state()
        if self._built is None or self._built[0] != key:
            self._built = (key, *self._load_or_build(key))
        self._checked = time.monotonic()

    def _state(self) -> str:
        """A key of the store's contents: collection ids, generation (bumped by every write) and row counts."""
        articles, sentences = self.store.count()
        collections = [str(self.store.sentences.id), str(self.store.articles.id)]
        state = [_FORMAT, *collections, self.store.generation(), articles, sentences]
        return hashlib.sha256(json.dumps(state).encode()).hexdigest()[:16]

    def _directory(self) -> Path | None:
        return self.store.path / "bm25" / self.store.collection if self.store.on_disk else None

    def _load_or_build(self, key: str) -> tuple[LexicalIndex, LexicalIndex]:
        home = self._directory()
        saved = home / key if home else None
        if saved and (saved / "complete").exists():
            try:
                loaded = LexicalIndex.load(saved / "sentences"), LexicalIndex.load(saved / "articles")
                self.loaded_from = saved
                return loaded
            except (OSError, ValueError, KeyError):  # a damaged save is rebuilt below
                shutil.rmtree(saved, ignore_errors=True)
        self.loaded_from = None
        sentences = LexicalIndex(*self.store.all_texts("sentences"))
        articles = LexicalIndex(*self.store.all_texts("articles"))
        if home:
            self._save(home, key, sentences, articles)
        return sentences, articles

    @staticmethod
    def _save(home: Path, key: str, sentences: LexicalIndex, articles: LexicalIndex) -> None:
        """Write to a temporary directory and rename it into place, so a reader never sees half an index;
        older saves are removed, and scratch directories a crashed save left. A failure to save only costs a
        rebuild next time."""
        try:
            home.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=home))
            sentences.save(scratch / "sentences")
            articles.save(scratch / "articles")
            (scratch / "complete").touch()
            try:
                os.rename(scratch, home / key)
            except OSError:  # another process saved the same state first
                shutil.rmtree(scratch, ignore_errors=True)
            for old in home.iterdir():
                abandoned = old.name.startswith(".") and time.time() - old.stat().st_mtime > _ABANDONED_SECONDS
                if old.name != key and (abandoned or not old.name.startswith(".")):
                    shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
