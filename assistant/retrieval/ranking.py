"""The ranking a question is answered from, in one call: hybrid retrieval, then the question's period and its wish
for the latest, then a follow-up's preference for its conversation's articles let go where the conversation has moved
on. Nothing re-orders the ranking afterwards."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from assistant.question.names import question_names
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence, unfocus
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.naming import articles_naming
from assistant.retrieval.rerank import in_period, newest_first
from assistant.timing import StageClock
from index.store import StoredArticle


class RankedStore(Protocol):
    """What re-ranking reads from a store: articles' headers (their dates) and texts (the names they mention)."""

    def headers(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]: ...

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]: ...


class Ranker:
    """Ranks the candidate sentences for a ``Question``, best first."""

    def __init__(self, retriever: HybridRetriever, store: RankedStore, recency_weight: float) -> None:
        self.retriever = retriever
        self.store = store
        self.recency_weight = recency_weight
        self._side = ThreadPoolExecutor(1, thread_name_prefix="question-names")

    def rank(self, question: Question, clock: StageClock | None = None) -> list[ScoredSentence]:
        """The ranked sentences (``clock`` gets the retriever's laps, "retrieve" over them, and "focus")."""
        clock = clock or StageClock()
        # The question's names (spaCy, ~2 ms; cached for the later steps) are found on the side while retrieval runs.
        names = self._side.submit(question_names, question.text)
        with clock.span("retrieve"):
            ranked = self.retriever.rank(question.text, clock=clock, focus=question.focus)
        names.result()
        latest = self.recency_weight > 0 and question.latest
        if question.period is not None or latest:
            ranked = self._dated(ranked, question, latest)
        if question.focus:
            ranked = self._refocus(question.text, ranked, question.focus)
            clock.lap("focus")
        return ranked

    def _dated(self, ranked: list[ScoredSentence], question: Question, latest: bool) -> list[ScoredSentence]:
        """The ranked sentences of the articles published within the question's period (if it gives one), newer
        articles first when it asks for the ``latest``."""
        headers = self.store.headers(list({r.article_id for r in ranked}))
        published = {a: h.date for a, h in headers.items()}
        if question.period is not None:
            ranked = in_period(ranked, published, question.period)
        if latest:
            ranked = newest_first(ranked, published, self.recency_weight)
        return ranked

    def _refocus(self, question: str, ranked: list[ScoredSentence], focus: Mapping[str, float]) -> list[ScoredSentence]:
        """The ranking without the preference for the focus articles that never mention what the question names:
        the conversation has moved on ("And what happened in Alaska?" after a story that never mentions Alaska)."""
        naming = set(articles_naming(self.store, question, list(focus)))
        moved_from = {article: weight for article, weight in focus.items() if article not in naming}
        return unfocus(ranked, moved_from, self.retriever.focus_weight) if moved_from else ranked
