"""BM25 that takes writes: a sealed segment of term counts, a small one of what was added since, and what was deleted.

bm25s bakes each term's IDF into the scores it stores, so one added sentence changes every stored score and the
whole index had to be rebuilt. Here the segments keep raw term counts and BM25 is computed at question time from
the live collection's statistics (its size, mean length and each term's document frequency), with bm25s's own
formula (Lucene's: k1 1.5, b 0.75), so a segmented index ranks exactly as one built anew from the same texts.
Deleted documents stay in their segment, masked, until the next merge.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

K1, B = 1.5, 0.75  # bm25s's defaults, as the index built with bm25s used
_STEMMER = Stemmer.Stemmer("english")
_ARRAYS = ("term_ptr", "term_docs", "term_tfs", "doc_ptr", "doc_terms", "doc_tfs", "lengths")


def tokenize(texts: Sequence[str]) -> list[list[str]]:
    """Lowercased, stop-word-free, stemmed tokens; the same function serves documents and questions."""
    return bm25s.tokenize(list(texts), stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False)


@dataclass(frozen=True)
class Segment:
    """Term counts of a run of documents, by term (``term_*``: the documents holding each term and how often) and by
    document (``doc_*``: its terms and their counts), with each document's length in tokens. Never changed: a merge
    makes a new one."""

    terms: tuple[str, ...]
    vocab: dict[str, int]
    term_ptr: np.ndarray
    term_docs: np.ndarray
    term_tfs: np.ndarray
    doc_ptr: np.ndarray
    doc_terms: np.ndarray
    doc_tfs: np.ndarray
    lengths: np.ndarray

    @classmethod
    def of(cls, documents: Iterable[Counter[str] | dict[str, int]]) -> Segment:
        """A segment of documents given as term counts."""
        vocab: dict[str, int] = {}
        doc_ptr, doc_terms, doc_tfs = [0], [], []
        for counts in documents:
            for term, tf in counts.items():
                doc_terms.append(vocab.setdefault(term, len(vocab)))
                doc_tfs.append(tf)
            doc_ptr.append(len(doc_terms))
        return cls.of_rows(
            tuple(vocab),
            np.asarray(doc_ptr, dtype=np.int64),
            np.asarray(doc_terms, dtype=np.int32),
            np.asarray(doc_tfs, dtype=np.float32),
        )

    @classmethod
    def of_rows(
        cls, terms: tuple[str, ...], doc_ptr: np.ndarray, doc_terms: np.ndarray, doc_tfs: np.ndarray
    ) -> Segment:
        """A segment of documents given by row: document d's terms (ids into ``terms``) and counts are
        ``doc_terms[doc_ptr[d]:doc_ptr[d + 1]]`` and ``doc_tfs[…]``. The by-term arrays are made here."""
        rows = len(doc_ptr) - 1
        docs = np.repeat(np.arange(rows, dtype=np.int32), np.diff(doc_ptr))
        lengths = np.bincount(docs, weights=doc_tfs, minlength=rows)
        order = np.argsort(doc_terms, kind="stable")  # by term, each term's documents in order
        term_ptr = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(np.bincount(doc_terms, minlength=len(terms)), out=term_ptr[1:])
        vocab = {t: n for n, t in enumerate(terms)}
        lengths = lengths.astype(np.float32)
        return cls(terms, vocab, term_ptr, docs[order], doc_tfs[order], doc_ptr, doc_terms, doc_tfs, lengths)

    def rows(self, docs: np.ndarray, terms: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """These documents' rows (pointers, term ids, counts), their term ids mapped into ``terms`` (which gains any
        term it lacks): the pieces of a merged segment."""
        mapping = np.fromiter(
            (terms.setdefault(t, len(terms)) for t in self.terms), dtype=np.int32, count=len(self.terms)
        )
        starts, ends = self.doc_ptr[docs], self.doc_ptr[docs + 1]
        sizes = ends - starts
        ptr = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(sizes, out=ptr[1:])
        at = np.repeat(starts - ptr[:-1], sizes) + np.arange(ptr[-1])
        return ptr, mapping[self.doc_terms[at]], np.asarray(self.doc_tfs[at])

    def __len__(self) -> int:
        return len(self.lengths)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The documents holding ``term`` and how often it occurs in each."""
        t = self.vocab.get(term)
        if t is None:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        lo, hi = self.term_ptr[t], self.term_ptr[t + 1]
        return self.term_docs[lo:hi], self.term_tfs[lo:hi]

    def counts(self, doc: int) -> dict[str, int]:
        """Document ``doc``'s term counts."""
        lo, hi = self.doc_ptr[doc], self.doc_ptr[doc + 1]
        return {self.terms[t]: int(tf) for t, tf in zip(self.doc_terms[lo:hi], self.doc_tfs[lo:hi], strict=True)}

    def frequencies(self, docs: np.ndarray) -> Counter[str]:
        """How many of ``docs`` hold each term."""
        held: Counter[str] = Counter()
        for doc in docs:
            held.update(self.terms[t] for t in self.doc_terms[self.doc_ptr[doc] : self.doc_ptr[doc + 1]])
        return held

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "terms.json").write_text(json.dumps(self.terms), encoding="utf-8")
        for name in _ARRAYS:
            np.save(directory / f"{name}.npy", getattr(self, name))

    @classmethod
    def load(cls, directory: Path) -> Segment:
        """A saved segment, its arrays memory-mapped rather than read."""
        terms = tuple(json.loads((directory / "terms.json").read_text(encoding="utf-8")))
        arrays = {name: np.load(directory / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
        return cls(terms, {t: n for n, t in enumerate(terms)}, **arrays)


class LexicalIndex:
    """BM25 over (id, text) pairs: a sealed segment, the documents added since (``fresh``) and a mask of the deleted.

    ``updated`` returns a new index with documents added and removed, leaving this one as it was for the questions
    still using it; ``merged`` folds everything into one sealed segment.
    """

    def __init__(
        self,
        ids: Sequence[str],
        texts: Sequence[str] = (),
        sealed: Segment | None = None,
        fresh: tuple[Sequence[str], Segment] | None = None,
        deleted: np.ndarray | None = None,
        positions: dict[str, int] | None = None,
        lost: Counter[str] | None = None,
    ) -> None:
        self.sealed = sealed if sealed is not None else Segment.of(Counter(t) for t in tokenize(texts))
        self.fresh_ids, self.fresh = fresh if fresh is not None else ([], Segment.of([]))
        self.ids = [*ids, *self.fresh_ids]
        self.alive = np.ones(len(self.ids), dtype=bool) if deleted is None else ~deleted
        # The sealed documents' positions are shared by every update of the index (a million of them take ~0.1 s).
        self._sealed_position = positions if positions is not None else {id_: n for n, id_ in enumerate(ids)}
        base = len(self.sealed)
        self._fresh_position = {id_: base + n for n, id_ in enumerate(self.fresh_ids)}
        gone = np.flatnonzero(~self.alive)
        self._gone = gone
        # The live collection's statistics: documents, total length, and each term's documents lost to deletes.
        self._n = int(self.alive.sum())
        self._lengths = np.concatenate([np.asarray(self.sealed.lengths), np.asarray(self.fresh.lengths)])
        self._total = float(self._lengths[self.alive].sum()) if len(self._lengths) else 0.0
        # Each document's length normalisation, fixed while the collection is: k1 · (1 − b + b · length / mean).
        average = self._total / self._n if self._total else 1.0  # no word indexed yet: nothing to weigh
        self._norm = (K1 * ((1 - B) + B * self._lengths / average)).astype(np.float32)
        # (those of the sealed segment's passed on by an update, its own deletions added, not all counted again)
        self._sealed_lost = lost if lost is not None else self.sealed.frequencies(gone[gone < base])
        self._lost = self._sealed_lost + self.fresh.frequencies(gone[gone >= base] - base)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def live(self) -> int:
        """Documents not deleted."""
        return self._n

    def position(self, id_: str) -> int | None:
        """Where ``id_``'s score is in ``scores()``; None when not indexed (or deleted)."""
        n = self._fresh_position.get(id_, self._sealed_position.get(id_))
        return n if n is not None and self.alive[n] else None

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document, in ``ids`` order (zero for deleted ones and for a query of no known term);
        a term the query repeats counts each time, as in bm25s."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        if not self._n:
            return out
        base = len(self.sealed)
        for term in tokenize([query])[0]:
            docs, tfs = self.sealed.postings(term)
            new_docs, new_tfs = self.fresh.postings(term)
            df = len(docs) + len(new_docs) - self._lost.get(term, 0)
            if df <= 0:
                continue
            idf = self._idf(df)
            for at, tf in ((docs, tfs), (new_docs + base, new_tfs)):
                if len(at):
                    out[at] += np.float32(idf) * tf / (self._norm[at] + tf)
        if len(self._gone):
            out[self._gone] = 0.0
        return out

    def idf(self, term: str) -> float:
        """How rare a (tokenized) term is among the live documents, as BM25 weighs it; a term none holds is rarest."""
        df = len(self.sealed.postings(term)[0]) + len(self.fresh.postings(term)[0]) - self._lost.get(term, 0)
        return self._idf(max(df, 0))

    def _idf(self, df: int) -> float:
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def updated(self, add_ids: Sequence[str], add_texts: Sequence[str], remove_ids: Iterable[str]) -> LexicalIndex:
        """A new index with these documents added (an id already indexed is replaced) and those removed."""
        deleted = ~self.alive
        gone = {n for n in map(self.position, {*remove_ids, *add_ids}) if n is not None}
        base = len(self.sealed)
        keep = [n for n in range(len(self.fresh_ids)) if not deleted[base + n] and base + n not in gone]
        fresh_ids = [self.fresh_ids[n] for n in keep] + list(add_ids)
        counts = [self.fresh.counts(n) for n in keep] + [Counter(t) for t in tokenize(add_texts)]
        sealed_deleted = deleted[:base].copy()
        newly = np.asarray(sorted(g for g in gone if g < base and not deleted[g]), dtype=np.int64)
        sealed_deleted[newly] = True
        mask = np.concatenate([sealed_deleted, np.zeros(len(fresh_ids), dtype=bool)])
        fresh = (fresh_ids, Segment.of(counts))
        lost = self._sealed_lost + self.sealed.frequencies(newly)
        return LexicalIndex(
            self.ids[:base], sealed=self.sealed, fresh=fresh, deleted=mask, positions=self._sealed_position, lost=lost
        )

    def merged(self) -> LexicalIndex:
        """The same documents in one sealed segment, the deleted ones dropped."""
        base = len(self.sealed)
        live = np.flatnonzero(self.alive)
        terms: dict[str, int] = {}
        old_ptr, old_terms, old_tfs = self.sealed.rows(live[live < base], terms)
        new_ptr, new_terms, new_tfs = self.fresh.rows(live[live >= base] - base, terms)
        segment = Segment.of_rows(
            tuple(terms),
            np.concatenate([old_ptr, new_ptr[1:] + old_ptr[-1]]),
            np.concatenate([old_terms, new_terms]),
            np.concatenate([old_tfs, new_tfs]),
        )
        return LexicalIndex([self.ids[n] for n in live], sealed=segment)

    def save(self, directory: Path) -> None:
        """The index merged, written under ``directory``."""
        index = self if not len(self.fresh_ids) and self.alive.all() else self.merged()
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "ids.txt").write_text("\n".join(index.ids), encoding="utf-8")
        index.sealed.save(directory / "segment")

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        text = (directory / "ids.txt").read_text(encoding="utf-8")
        return cls(text.split("\n") if text else [], sealed=Segment.load(directory / "segment"))


def top_positions(scores: np.ndarray, n: int) -> np.ndarray:
    """Positions of the ``n`` highest positive scores, best first, without sorting the whole array."""
    head = np.argpartition(-scores, n)[:n] if len(scores) > n else np.arange(len(scores))
    head = head[scores[head] > 0]
    return head[np.argsort(-scores[head], kind="stable")]
