"""The Assistant: one object that ingests articles and answers questions, used by ``ask()``, the CLI and UI."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from langchain_core.language_models import BaseLanguageModel
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from assistant.answer import ExtractiveAnswerer
from assistant.evidence import EvidenceSelector
from assistant.followup import standalone_question
from assistant.generate import LLMAnswerer
from assistant.llm import LLMUnavailable, build_llm
from assistant.prompts import load_prompts
from assistant.reader import reader
from assistant.retrieve import FEATURES, FusionWeights, HybridRetriever
from assistant.settings import Settings
from assistant.stream import AnswerStream
from assistant.types import Answer
from assistant.verify import Verifier
from index.ingest import Ingestor, IngestReport
from index.lexical import LexicalIndexes
from index.store import SentenceStore


def chroma_client(url: str | None) -> Any | None:
    """A client of the Chroma server at ``url``, or None for the embedded on-disk store."""
    if not url:
        return None
    parsed = urlparse(url if "://" in url else f"http://{url}")
    return chromadb.HttpClient(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 8000,
        ssl=parsed.scheme == "https",
        settings=ChromaSettings(anonymized_telemetry=False),
    )


class QuestionError(ValueError):
    """A question that cannot be asked as given (empty, too long); the message says what to change."""


class Assistant:
    """Standalone question → retrieve → select evidence → answer (extractive, or LLM + verifier), over one collection.

    Args:
        store_path: the Chroma store directory (default: ``Settings().store``).
        collection: the collection inside it (default: ``Settings().collection``).
        settings: a Settings object; keyword overrides are applied on top of it.
        llm: any LangChain chat model (or LLM) to answer with, or a backend name ("openai", "ollama", "llamacpp");
            by default ``settings.llm`` names one, or none.

    An empty collection is filled with the seed articles first, unless ``seeds=None`` is given.
    """

    def __init__(
        self,
        store_path: str | Path | None = None,
        collection: str | None = None,
        settings: Settings | None = None,
        llm: BaseLanguageModel | str | None = None,
        **overrides: Any,
    ) -> None:
        if isinstance(llm, str):  # a backend name, as NEWS_ASSISTANT_LLM would give it
            overrides["llm"], llm = llm, None
        updates = {k: v for k, v in {"store": store_path, "collection": collection}.items() if v is not None}
        self.settings = (settings or Settings()).model_copy(update={**updates, **overrides})
        s = self.settings
        self.store = SentenceStore(
            Path(s.store),
            s.collection,
            s.model,
            client=chroma_client(s.chroma_url),
            encoder=s.encoder,
            encoder_cache=s.encoder_cache,
        )
        self.lexical = LexicalIndexes(self.store)
        self.retriever = HybridRetriever(
            store=self.store,
            lexical=self.lexical,
            weights=FusionWeights(**{f: getattr(s, f"w_{f}") for f in FEATURES}),
            candidates=s.candidates,
            k=s.k,
        )
        self.selector = EvidenceSelector(
            self.store,
            k=s.k,
            min_relevance=s.min_relevance,
            margin=s.margin,
            reader=reader(s.model, str(s.encoder_cache)) if s.reader else None,
            read_depth=s.read_depth,
            read_weight=s.read_weight,
        )
        self.prompts = load_prompts(s.prompts)
        self.answerer = ExtractiveAnswerer(self.prompts.not_found, min_reading=s.min_reading)
        self.llm_problem: str | None = None
        if llm is None:
            try:
                llm = build_llm(s)
            except LLMUnavailable as err:
                self.llm_problem = str(err)
        verifier = Verifier(self._embed, s.verify_min_overlap, s.verify_min_similarity)
        self.llm_answerer = LLMAnswerer(llm, self.prompts, verifier) if llm is not None else None
        # The retrieval half of the pipeline as a LangChain runnable: {question, history, k} → + standalone, evidence
        self.prepare = RunnablePassthrough.assign(
            standalone=RunnableLambda(self._standalone)
        ) | RunnablePassthrough.assign(evidence=RunnableLambda(self._evidence))
        self._ingestor = Ingestor(self.store, batch_size=s.batch_size, max_file_bytes=s.max_file_bytes)
        if s.seeds is not None and self.store.count()[0] == 0:
            self.ingest([s.seeds])

    def ingest(self, paths: Iterable[str | Path], progress: bool = False) -> IngestReport:
        """Add articles from files or directories; re-ingesting the same text adds nothing."""
        report = self._ingestor.ingest(paths, progress=progress)
        if report.changed:
            self.lexical.refresh()
        return report

    def delete(self, article_id: str) -> None:
        self.store.delete(article_id)
        self.lexical.refresh()

    def warm(self) -> None:
        """Load what the first question would otherwise wait for (the reader; exported on its very first use)."""
        if self.selector.reader is not None:
            self.selector.reader.load()

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

    def _embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.store.ef(texts), dtype=np.float32)

    def _standalone(self, state: dict[str, Any]) -> str:
        tick = time.perf_counter()
        question, history = state["question"], state["history"]
        rewritten = None
        if history and self.llm_answerer is not None:
            try:
                rewritten = self.llm_answerer.rewrite(question, history)
            except Exception:  # noqa: BLE001 - an unreachable model falls back to the rule-based rewrite
                rewritten = None
        rewritten = rewritten or standalone_question(question, history)
        state["timings"]["rewrite"] = time.perf_counter() - tick
        return rewritten

    def _evidence(self, state: dict[str, Any]) -> list:
        tick = time.perf_counter()
        ranked = self.retriever.rank(state["standalone"], timings=state["timings"])
        state["timings"]["retrieve"] = time.perf_counter() - tick
        return self.selector.select(
            [(id_, score) for id_, score, _ in ranked],
            k=state["k"],
            question=state["standalone"],
            timings=state["timings"],
        )

    def ask(
        self,
        question: str,
        history: Sequence[tuple[str, str]] | None = None,
        k: int | None = None,
        stream: bool = False,
        answerer: str | None = None,
    ) -> Answer | AnswerStream:
        """Answer one question citing at most ``k`` sentences (default ``settings.k``).

        With ``history`` (earlier (question, answer) turns) a follow-up is first made standalone. With
        ``stream=True`` an AnswerStream is returned: iterate it for the text as it is produced, then read ``.answer``.
        ``answerer="extractive"`` skips a configured LLM for this question.
        """
        started = time.perf_counter()
        text = self.check_question(question)
        timings: dict[str, float] = {}
        state = self.prepare.invoke({"question": text, "history": list(history or []), "k": k, "timings": timings})
        standalone, evidence = state["standalone"], state["evidence"]

        use_llm = self.llm_answerer is not None and bool(evidence) and answerer != "extractive"
        extractive: Answer | None = None
        if not use_llm:
            tick = time.perf_counter()
            extractive = self.answerer.answer(standalone, evidence)
            timings["answer"] = time.perf_counter() - tick
        generating = time.perf_counter()

        def finish(draft: str, error: Exception | None) -> Answer:
            answer = extractive
            if answer is None:  # an LLM draft: verify it
                tick = time.perf_counter()
                timings["generate"] = tick - generating
                answer = self.llm_answerer.finish(standalone, evidence, draft, error)
                timings["verify"] = time.perf_counter() - tick
            timings["total"] = time.perf_counter() - started
            return answer.model_copy(
                update={
                    "question": text,
                    "standalone_question": standalone if standalone != text else None,
                    "notice": answer.notice or self.llm_problem,
                    "timings": {key: round(value, 4) for key, value in timings.items()},
                }
            )

        chunks = self.llm_answerer.stream(standalone, evidence) if use_llm else [extractive.text]
        result = AnswerStream(chunks, finish)
        return result if stream else result.result()

    def stats(self) -> dict[str, Any]:
        articles, sentences = self.store.count()
        return {
            "articles": articles,
            "sentences": sentences,
            "store": self.settings.chroma_url or str(self.store.path),
            "collection": self.settings.collection,
            "model": self.settings.model,
            "encoder": self.settings.encoder,
        }
