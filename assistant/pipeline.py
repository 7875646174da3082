"""The Assistant: runs a question through its steps and keeps the articles it answers from.

A question goes standalone question → its shape → retrieve → evidence → answerability → answer (extractive, in
the question's shape, or an LLM's draft) → verify, each step handing the next a typed value and taking its laps on
one clock. ``ask()``, the web chat, the CLI and the evaluation all use this class; its parts are built by
``assistant.wiring``. (A little over 250 lines: ``ask`` is the one place the steps meet, kept whole so the flow reads
top to bottom.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseLanguageModel

from assistant.answerability import Decision, question_names
from assistant.conversation import conversation_of, focus_of
from assistant.period import Period, PeriodError, published_between
from assistant.recency import asks_for_latest, newest_first
from assistant.retrieve import ScoredSentence
from assistant.settings import Settings, load_settings
from assistant.shape import shape_of
from assistant.standalone import standalone_question
from assistant.stream import AnswerStream
from assistant.timing import StageClock
from assistant.types import Answer
from assistant.wiring import Parts, build_parts
from index.ingest import IngestReport
from index.store import StoredArticle, StoredSentence

_ANSWERED_AS_IS = ("fact", "article")  # shaped, but not rewritten by an LLM: a fact fallen back to; a record
_NAMING_DEPTH = 20  # candidates whose articles are looked at when the top ones never name what is asked about


class QuestionError(ValueError):
    """A question that cannot be asked as given (empty, too long); the message says what to change."""


class Assistant:
    """Answers questions about the articles of one collection, citing the sentences it relied on.

    Args:
        store_path: the Chroma store directory (default: ``Settings().store``).
        collection: the collection inside it (default: ``Settings().collection``).
        settings: a Settings object; keyword overrides (any Settings field, e.g. ``k=5``) are validated and applied
            on top of it.
        llm: any LangChain chat model (or LLM) to answer with, or a backend name ("openai", "ollama", "llamacpp");
            by default ``settings.llm`` names one, or none.

    An empty collection is filled with the seed articles first, unless ``seeds=None`` is given.

    >>> Assistant(k=5).ask("Who is the NATO chief?").short_answer
    'Mark Rutte'
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
        named = {
            key: value for key, value in {"store": store_path, "collection": collection}.items() if value is not None
        }
        self.settings = (settings or load_settings()).updated(**named, **overrides)
        self.parts: Parts = build_parts(self.settings, llm)
        self._side = ThreadPoolExecutor(2, thread_name_prefix="question")
        if self.settings.seeds is not None and self.parts.store.count()[0] == 0:
            self.ingest([self.settings.seeds])

    # --- the articles -------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], progress: bool = False) -> IngestReport:
        """Add articles from files or directories; re-ingesting the same text adds nothing."""
        report = self.parts.ingestor.ingest(paths, progress=progress)
        if report.changed:
            self.parts.lexical.refresh()
        return report

    def delete(self, article_id: str) -> None:
        """Remove an article and its sentences."""
        self.parts.store.delete(article_id)
        self.parts.lexical.refresh()

    def articles(self) -> list[StoredArticle]:
        """Every stored article's metadata (no text)."""
        return self.parts.store.list_articles()

    def article(self, article_id: str) -> StoredArticle | None:
        """One article with its text, or None when it is not (or no longer) stored."""
        return self.parts.store.article(article_id)

    def stats(self) -> dict[str, Any]:
        """What the assistant answers from: counts, where the store is, which model and encoder."""
        articles, sentences = self.parts.store.count()
        return {
            "articles": articles,
            "sentences": sentences,
            "store": self.settings.chroma_url or str(self.parts.store.path),
            "collection": self.settings.collection,
            "model": self.settings.model,
            "encoder": self.settings.encoder,
        }

    # --- questions ----------------------------------------------------------------------------------

    @property
    def llm_problem(self) -> str | None:
        """Why the configured LLM cannot be used (not installed, no model file), or None."""
        return self.parts.llm_problem

    @property
    def has_llm(self) -> bool:
        """Whether answers can be written by a language model."""
        return self.parts.llm_answerer is not None

    def warm(self) -> None:
        """Load what the first question would otherwise wait for (the reader; exported on its very first use)."""
        if self.parts.selector.reader is not None:
            self.parts.selector.reader.load()

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

    def ranking(self, question: str) -> list[StoredSentence]:
        """The candidate sentences in the retriever's order for ``question``, before evidence selection."""
        ranked = self.parts.retriever.rank(question)
        stored = self.parts.store.get_sentences([r.id for r in ranked])
        return [stored[r.id] for r in ranked]

    def ask(
        self,
        question: str,
        history: Sequence[Answer | tuple[str, str]] | None = None,
        k: int | None = None,
        stream: bool = False,
        answerer: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
    ) -> Answer | AnswerStream:
        """Answer one question citing at most ``k`` sentences (default ``settings.k``).

        With ``history`` (earlier Answers, or (question, answer) pairs; oldest first) a follow-up is first made
        standalone, and retrieval prefers the articles the conversation has been about. With
        ``stream=True`` an AnswerStream is returned: iterate it for the text as it is produced, then read ``.answer``.
        ``answerer="extractive"`` skips a configured LLM for this question. ``since`` and ``until`` (dates, inclusive)
        keep to the articles published between them; an article without a date is then left out.
        """
        clock = StageClock()
        text = self.check_question(question)
        try:
            period = published_between(since, until)
        except PeriodError as err:
            raise QuestionError(str(err)) from err
        conversation = conversation_of(history)
        standalone = self._standalone(text, conversation.pairs)
        focus = focus_of(conversation, self.parts.lexical.current()[1]) if conversation.turns else {}
        clock.lap("rewrite")
        shape = shape_of(standalone)
        clock.lap("shape")
        # The question's names (spaCy, ~2 ms) are found on the side while retrieval runs.
        names = self._side.submit(question_names, standalone)
        with clock.span("retrieve"):
            ranked = self.parts.retriever.rank(standalone, clock=clock, focus=focus)
        names.result()
        latest = self.settings.w_recency > 0 and asks_for_latest(standalone)
        if period is not None or latest:
            ranked = self._dated(ranked, period, latest)
        if focus:
            ranked = self._refocus(standalone, ranked, focus)
            clock.lap("focus")
        llm, evidence, extractive, shaped = None, [], None, False
        if shape.kind in ("summary", "news", "article") or (shape.kind == "list" and not shape.topic):
            # About the articles themselves, not a claim to find: only articles naming what the question names.
            if shape.kind == "news":
                naming = set(self.parts.answerability.articles_naming(standalone, [r.article_id for r in ranked]))
                ranked = [r for r in ranked if r.article_id in naming]
            answered = self.parts.shaped.answer(standalone, shape, ranked, focus=focus, period=period)
            extractive, shaped = answered, True
            clock.lap("answer")
        else:
            decision = self._judge(standalone, ranked, k, clock)
            evidence = list(decision.evidence)
            clock.lap("answerability")
            # The reader judges whether a sentence answers a question of fact; "Tell me about X" is answered by any
            # relevant sentence about X, unless the articles never name what it names.
            answerable = decision.answerable if shape.kind == "fact" else bool(evidence) and not decision.missing
            if not answerable:  # never sent to a language model
                extractive = self.parts.answerer.abstain(standalone, evidence, decision.missing)
            elif shape.kind != "fact":  # in its shape, or a fact where the sentences give no names or role
                extractive, shaped = self.parts.shaped.answer(standalone, shape, ranked, evidence, focus), True
            elif answerer != "extractive" and self.parts.llm_answerer is not None:
                llm = self.parts.llm_answerer
            else:
                extractive = self.parts.answerer.answer(standalone, evidence)
            if extractive is not None:
                clock.lap("answer")
        # An answer in another shape than a fact: an LLM (if used) writes it in that shape from the sentences it cites.
        in_shape = extractive if shaped and extractive.kind not in _ANSWERED_AS_IS and extractive.citations else None
        if in_shape is not None and answerer != "extractive" and self.parts.llm_answerer is not None:
            llm, extractive = self.parts.llm_answerer, None
            evidence = self.parts.selector.quoted(in_shape.citations)
        else:
            in_shape = None

        def finish(draft: str, error: Exception | None) -> Answer:
            answer = extractive
            if answer is None:  # an LLM draft: verify it
                clock.lap("generate")
                answer = llm.finish(standalone, evidence, draft, error, shaped=in_shape)
                clock.lap("verify")
            timings = {**clock.timings, "total": clock.elapsed()}
            return answer.model_copy(
                update={
                    "question": text,
                    "kind": answer.kind if shaped else shape.kind,
                    "standalone_question": standalone if standalone != text else None,
                    "notice": answer.notice or self.parts.llm_problem or conversation.notice,
                    "timings": {key: round(value, 4) for key, value in timings.items()},
                }
            )

        kind = in_shape.kind if in_shape is not None else "fact"
        chunks = llm.stream(standalone, evidence, kind) if llm is not None else [extractive.text]
        result = AnswerStream(chunks, finish)
        return result if stream else result.result()

    def judge(self, question: str, k: int | None = None) -> Decision:
        """The evidence ``ask`` would answer ``question`` from, and whether it answers, without answering."""
        return self._judge(question, self.parts.retriever.rank(question), k, StageClock())

    def _judge(self, question: str, ranked: list[ScoredSentence], k: int | None, clock: StageClock) -> Decision:
        """Evidence from the ranked sentences and the decision on it; when the best sentences' articles never name
        what the question names, evidence from the best-ranked articles that do, if that answers."""
        decision = self.parts.answerability.decide(
            question, self.parts.selector.select(ranked, k=k, question=question, clock=clock)
        )
        if not decision.missing:
            return decision
        check = self.parts.answerability
        naming = set(check.articles_naming(question, [r.article_id for r in ranked[:_NAMING_DEPTH]]))
        if naming:
            named = [r for r in ranked if r.article_id in naming]
            retry = check.decide(question, self.parts.selector.select(named, k=k, question=question, clock=clock))
            if retry.answerable:
                return retry
        return decision

    def _dated(self, ranked: list[ScoredSentence], period: Period | None, latest: bool) -> list[ScoredSentence]:
        """The ranked sentences of the articles published within ``period`` (if given), newer articles first when
        the question asks for the ``latest``."""
        headers = self.parts.store.headers(list({r.article_id for r in ranked}))
        if period is not None:
            kept = {a for a, h in headers.items() if period.holds(h.date)}
            ranked = [r for r in ranked if r.article_id in kept]
        if latest:
            ranked = newest_first(ranked, {a: h.date for a, h in headers.items()}, self.settings.w_recency)
        return ranked

    def _refocus(self, question: str, ranked: list[ScoredSentence], focus: dict[str, float]) -> list[ScoredSentence]:
        """The ranking without the preference for the focus articles that never mention what the question names:
        the conversation has moved on ("And what happened in Alaska?" after a story that never mentions Alaska)."""
        naming = set(self.parts.answerability.articles_naming(question, list(focus)))
        moved_from = {article: weight for article, weight in focus.items() if article not in naming}
        return self.parts.retriever.unfocus(ranked, moved_from) if moved_from else ranked

    def _standalone(self, question: str, history: list[tuple[str, str]]) -> str:
        """The follow-up made standalone: by the LLM when there is one (and it answers), else by rule."""
        rewritten = None
        if history and self.parts.llm_answerer is not None:
            try:
                rewritten = self.parts.llm_answerer.rewrite(question, history)
            except Exception:  # noqa: BLE001 - an unreachable model falls back to the rule-based rewrite
                rewritten = None
        return rewritten or standalone_question(question, history)
