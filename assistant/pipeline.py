"""The Assistant: one object that ingests articles and answers questions, used by ``ask()``, the CLI and UI."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from assistant.answer import ExtractiveAnswerer
from assistant.evidence import EvidenceSelector
from assistant.followup import standalone_question
from assistant.retrieve import FEATURES, FusionWeights, HybridRetriever, LexicalIndexes
from assistant.settings import Settings
from assistant.types import Answer
from index.ingest import Ingestor, IngestReport
from index.store import SentenceStore


class QuestionError(ValueError):
    """A question that cannot be asked as given (empty, too long); the message says what to change."""


class Assistant:
    """Retrieve → select evidence → answer, over one store collection.

    Args:
        store_path: the Chroma store directory (default: ``Settings().store``).
        collection: the collection inside it (default: ``Settings().collection``).
        settings: a Settings object; keyword overrides are applied on top of it.

    An empty collection is filled with the seed articles first, unless ``seeds=None`` is given.
    """

    def __init__(
        self,
        store_path: str | Path | None = None,
        collection: str | None = None,
        settings: Settings | None = None,
        **overrides: Any,
    ) -> None:
        updates = {k: v for k, v in {"store": store_path, "collection": collection}.items() if v is not None}
        self.settings = (settings or Settings()).model_copy(update={**updates, **overrides})
        s = self.settings
        self.store = SentenceStore(Path(s.store), s.collection, s.model)
        self.lexical = LexicalIndexes(self.store)
        self.retriever = HybridRetriever(
            store=self.store,
            lexical=self.lexical,
            weights=FusionWeights(**{f: getattr(s, f"w_{f}") for f in FEATURES}),
            candidates=s.candidates,
            k=s.k,
        )
        self.selector = EvidenceSelector(self.store, k=s.k, min_relevance=s.min_relevance, margin=s.margin)
        self.answerer = ExtractiveAnswerer()
        self._ingestor = Ingestor(self.store, batch_size=s.batch_size, max_file_bytes=s.max_file_bytes)
        if s.seeds is not None and self.store.count()[0] == 0:
            self.ingest([s.seeds])

    def ingest(self, paths: Iterable[str | Path], progress: bool = False) -> IngestReport:
        """Add articles from files or directories; re-ingesting the same text adds nothing."""
        report = self._ingestor.ingest(paths, progress=progress)
        if report.changed:
            self.lexical.invalidate()
        return report

    def delete(self, article_id: str) -> None:
        self.store.delete(article_id)
        self.lexical.invalidate()

    def check_question(self, question: str) -> str:
        """The question stripped, or a QuestionError saying why it cannot be asked."""
        text = " ".join(str(question or "").split())
        if not text:
            raise QuestionError("The question is empty; type a question about the articles.")
        if len(text) > self.settings.max_question_chars:
            raise QuestionError(
                f"The question is {len(text):,} characters long; ask in at most {self.settings.max_question_chars:,}."
            )
        return text

    def ask(self, question: str, history: Sequence[tuple[str, str]] | None = None, k: int | None = None) -> Answer:
        """Answer one question citing at most ``k`` sentences (default ``settings.k``).

        With ``history`` (earlier (question, answer) turns) a follow-up is first made standalone.
        """
        started = time.perf_counter()
        text = self.check_question(question)
        timings: dict[str, float] = {}
        tick = time.perf_counter()
        standalone = standalone_question(text, history)
        timings["rewrite"] = time.perf_counter() - tick
        tick = time.perf_counter()
        ranked = self.retriever.rank(standalone)
        timings["retrieve"] = time.perf_counter() - tick
        tick = time.perf_counter()
        evidence = self.selector.select([(id_, score) for id_, score, _ in ranked], k=k)
        timings["evidence"] = time.perf_counter() - tick
        tick = time.perf_counter()
        answer = self.answerer.answer(standalone, evidence)
        timings["answer"] = time.perf_counter() - tick
        timings["total"] = time.perf_counter() - started
        return answer.model_copy(
            update={
                "question": text,
                "standalone_question": standalone if standalone != text else None,
                "timings": {k: round(v, 4) for k, v in timings.items()},
            }
        )

    def stats(self) -> dict[str, Any]:
        articles, sentences = self.store.count()
        return {
            "articles": articles,
            "sentences": sentences,
            "store": str(self.store.path),
            "collection": self.settings.collection,
            "model": self.settings.model,
        }
