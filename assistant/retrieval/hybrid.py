"""Hybrid retrieval of sentences: dense (Chroma) and BM25 candidates, each with the eight features fusion weighs.

A sentence is scored by its own dense and lexical match and by those of its article, since a question often
shares words with the passage rather than the one sentence that answers it (``assistant.retrieval.fusion``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from assistant.question.wanted import type_match, wanted_labels
from assistant.retrieval.fusion import FEATURES, FusionWeights, ScoredSentence, fuse
from assistant.timing import StageClock
from index.bm25 import LexicalIndex, tokenize, top_positions
from index.store import StoredArticle, StoredSentence, article_of, neighbour_ids, sentence_id

_RRF_K = 30.0
_FOCUS_CANDIDATES = 2  # articles in a conversation's focus whose every sentence is a candidate
_FOCUS_SENTENCES = 300  # of each, at most


@runtime_checkable
class SearchableStore(Protocol):
    """What retrieval reads from a store: its embedding function, vector search, stored vectors and texts."""

    ef: Callable[[list[str]], Any]

    def nearest(self, which: str, query: np.ndarray, n: int) -> dict[str, float]: ...

    def embeddings_of(self, which: str, ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def get_texts(self, ids: Sequence[str]) -> dict[str, str]: ...

    def get_sentences(self, ids: Sequence[str]) -> dict[str, StoredSentence]: ...

    def headers(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]: ...


@runtime_checkable
class LexicalSource(Protocol):
    """The current BM25 indexes of the store's sentences and articles (``index.lexical.LexicalIndexes``)."""

    def current(self) -> tuple[LexicalIndex, LexicalIndex]: ...


@dataclass(frozen=True)
class Candidates:
    """Candidate sentence ids with their feature matrix (one row per id, columns as ``FEATURES``)."""

    ids: list[str]
    article_ids: list[str]
    features: np.ndarray


class HybridRetriever(BaseRetriever):
    """A LangChain retriever returning sentence Documents, best first, with their scores in metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: SearchableStore
    lexical: LexicalSource
    weights: FusionWeights
    candidates: int = 40
    k: int = 5
    focus_weight: float = 0.0

    query_cache: int = 2048
    _encode: Any = PrivateAttr(None)

    def model_post_init(self, context: Any, /) -> None:
        self._encode = lru_cache(maxsize=self.query_cache)(self._encode_one)

    def _encode_one(self, text: str) -> np.ndarray:
        vector = np.asarray(self.store.ef([text])[0], dtype=np.float32)
        vector.setflags(write=False)  # shared by every later ask of the same question
        return vector

    def embed(self, text: str) -> np.ndarray:
        """The question's vector; the last ``query_cache`` questions are remembered (eval runs, UI examples)."""
        return self._encode(text)

    def candidate_features(
        self,
        query: str,
        query_vector: np.ndarray | None = None,
        clock: StageClock | None = None,
        focus: Mapping[str, float] | None = None,
    ) -> Candidates:
        """Collect dense and lexical candidates (and every sentence of the articles most in ``focus``) and compute
        every feature in ``FEATURES`` for each.

        ``clock`` (if given) gets laps per stage: embed, dense, bm25, fetch, features.
        """
        clock = clock or StageClock()
        qv = self.embed(query) if query_vector is None else query_vector
        clock.lap("embed")
        dense = self.store.nearest("sentences", qv, self.candidates)
        clock.lap("dense")
        # One snapshot of each BM25 index per call: an ingest in another thread may replace them meanwhile.
        sentence_index, article_index = self.lexical.current()
        lex_scores = sentence_index.scores(query)
        lex_ids = [sentence_index.ids[i] for i in top_positions(lex_scores, self.candidates)]
        art_lex = article_index.scores(query)
        clock.lap("bm25")
        ids = list(dict.fromkeys([*dense, *lex_ids, *self._focus_sentences(focus or {})]))
        article_vectors = self.store.embeddings_of("articles", list(dict.fromkeys(map(article_of, ids))))
        # A sentence whose article row is missing belongs to an ingest in progress or cut short (or a delete
        # under way): never an answer. Such ids are dropped before ranks are counted.
        neighbours = {id_: neighbour_ids(id_) for id_ in ids if article_of(id_) in article_vectors}
        texts = self.store.get_texts(list(dict.fromkeys([*neighbours, *(n for ns in neighbours.values() for n in ns)])))
        ids = [i for i in neighbours if i in texts]
        if not ids:
            return Candidates([], [], np.zeros((0, len(FEATURES)), dtype=np.float32))
        dense = {i: score for i, score in dense.items() if i in texts}
        lex_ids = [i for i in lex_ids if i in texts]
        missing = [i for i in ids if i not in dense]
        if missing:
            for id_, vector in self.store.embeddings_of("sentences", missing).items():
                dense[id_] = float(np.dot(vector, qv))
        clock.lap("fetch")
        article_ids = [article_of(i) for i in ids]
        art_lex_max = float(art_lex.max()) if art_lex.size and art_lex.max() > 0 else 1.0
        lex_max = float(lex_scores.max()) if lex_scores.size and lex_scores.max() > 0 else 1.0
        labels = wanted_labels(query)
        q_terms = set(tokenize([query])[0])
        terms_of = dict(zip(texts, map(set, tokenize(list(texts.values()))), strict=True))
        dense_rank = {id_: r for r, id_ in enumerate(sorted(dense, key=dense.get, reverse=True))}
        lex_rank = {id_: r for r, id_ in enumerate(lex_ids)}
        unranked = 2 * self.candidates
        features = np.zeros((len(ids), len(FEATURES)), dtype=np.float32)
        for row, (id_, art) in enumerate(zip(ids, article_ids, strict=True)):
            pos = sentence_index.position(id_)
            art_pos = article_index.position(art)
            vector = article_vectors.get(art)
            terms = terms_of[id_]
            window = terms.union(*(terms_of[n] for n in neighbours[id_] if n in terms_of))
            features[row] = (
                dense.get(id_, 0.0),
                lex_scores[pos] / lex_max if pos is not None else 0.0,
                float(np.dot(vector, qv)) if vector is not None else 0.0,
                art_lex[art_pos] / art_lex_max if art_pos is not None else 0.0,
                type_match(labels, texts[id_], query),
                len(q_terms & terms) / len(q_terms) if q_terms else 0.0,
                len(q_terms & window) / len(q_terms) if q_terms else 0.0,
                _RRF_K / (_RRF_K + dense_rank.get(id_, unranked)) + _RRF_K / (_RRF_K + lex_rank.get(id_, unranked)),
            )
        clock.lap("features")
        return Candidates(ids, article_ids, features)

    def _focus_sentences(self, focus: Mapping[str, float]) -> list[str]:
        """The ids of the sentences of the articles a conversation is most about."""
        top = sorted(focus, key=focus.__getitem__, reverse=True)[:_FOCUS_CANDIDATES]
        headers = self.store.headers(top) if top else {}
        return [
            sentence_id(a, i) for a in top if a in headers for i in range(min(headers[a].sentences, _FOCUS_SENTENCES))
        ]

    def rank(
        self,
        query: str,
        query_vector: np.ndarray | None = None,
        clock: StageClock | None = None,
        focus: Mapping[str, float] | None = None,
    ) -> list[ScoredSentence]:
        """Candidate sentences with fused score and features, best first (``clock`` as in ``candidate_features``).

        ``focus`` (article id → 0–1, a conversation's) adds ``focus_weight`` times its article's share to a
        sentence's score: a preference for the story being discussed, never a filter.
        """
        clock = clock or StageClock()
        cands = self.candidate_features(query, query_vector, clock, focus)
        ranked = fuse(cands.ids, cands.article_ids, cands.features, self.weights, focus, self.focus_weight)
        clock.lap("fusion")
        return ranked

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun | None = None
    ) -> list[Document]:
        ranked = self.rank(query)[: self.k]
        stored = self.store.get_sentences([r.id for r in ranked])
        docs = []
        for r in ranked:
            s = stored[r.id]
            meta = {"id": r.id, "article_id": s.article_id, "index": s.index, "start": s.start, "end": s.end}
            meta.update(score=r.score, **{f: float(v) for f, v in zip(FEATURES, r.features, strict=True)})
            docs.append(Document(page_content=s.text, id=r.id, metadata=meta))
        return docs
