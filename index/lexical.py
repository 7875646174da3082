"""BM25 over stored texts (bm25s with a Snowball stemmer): the lexical half of hybrid retrieval."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np
import Stemmer

_STEMMER = Stemmer.Stemmer("english")


def tokenize(texts: Sequence[str]) -> list[list[str]]:
    """Lowercased, stop-word-free, stemmed tokens; the same function serves documents and questions."""
    return bm25s.tokenize(list(texts), stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False)


class LexicalIndex:
    """A BM25 index of (id, text) pairs that scores every document for a query in one vectorised call."""

    def __init__(self, ids: Sequence[str], texts: Sequence[str]) -> None:
        self.ids = list(ids)
        self._position = {id_: n for n, id_ in enumerate(self.ids)}
        self._bm25 = bm25s.BM25()
        tokens = tokenize(texts) if self.ids else []
        self._indexed = any(tokens)  # bm25s cannot index a corpus without a single term (e.g. only "0" or "…")
        if self._indexed:
            self._bm25.index(tokens, show_progress=False)

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document, in ``ids`` order (zeros for a query with no known terms)."""
        if not self._indexed:
            return np.zeros(len(self.ids), dtype=np.float32)
        tokens = [t for t in tokenize([query])[0] if t in self._bm25.vocab_dict]
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return self._bm25.get_scores(tokens)

    def position(self, id_: str) -> int | None:
        return self._position.get(id_)
