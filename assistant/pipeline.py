"""The Assistant: runs a question through its steps and keeps the articles it answers from.

A question goes question → ranking → evidence and the decision → its route's answer → (a language model's draft,
verified) → the answer, each step a part built by ``assistant.build`` and handing the next a typed value, all taking
their laps on one clock. ``ask()``, the web chat, the CLI and the evaluation all use this class.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseLanguageModel

from assistant.answers import disputed
from assistant.answers.messages import EXPECTED, MODEL_VERDICT, refusal
from assistant.answers.routes import ROUTES, LLMUse, Route, llm_use
from assistant.build import Parts, build_parts
from assistant.evidence.decision import Decision, Source
from assistant.evidence.select import Evidence
from assistant.llm.stream import AnswerStream
from assistant.question.read import Question, QuestionError
from assistant.retrieval.fusion import ScoredSentence
from assistant.settings import Settings, load_settings
from assistant.timing import StageClock
from assistant.types import Answer, Kind
from index.ingest import IngestReport
from index.store import StoredArticle, StoredSentence

__all__ = ["Assistant", "QuestionError"]


class Assistant:
    """Answers questions about the articles of one collection, citing the sentences it relied on.

    Args:
        store_path: the Chroma store directory (default: ``Settings().store``).
        collection: the collection inside it (default: ``Settings().collection``).
        settings: a Settings object; keyword overrides (any Settings field, e.g. ``k=5``) are validated and applied
            on top of it.
        llm: any LangChain chat model (or LLM) to answer with, or a backend name ("openai", "ollama", "llamacpp");
            by default ``settings.llm`` names one, or none.
        parts: the parts to run, made by ``assistant.build.assemble`` (tests: from fakes); by default built from the
            settings.

    The default store's collection, while empty, is filled with the demo article first (``seeds``); so is any store
    given ``seeds=PATH`` or ``demo=True``. A store you name otherwise holds only what you ingest.

    >>> Assistant(k=5).ask("Who is the NATO chief?").short_answer
    'Mark Rutte'
    """

    def __init__(
        self,
        store_path: str | Path | None = None,
        collection: str | None = None,
        settings: Settings | None = None,
        llm: BaseLanguageModel | str | None = None,
        parts: Parts | None = None,
        add_demo: bool = True,
        **overrides: Any,
    ) -> None:
        if isinstance(llm, str):  # a backend name, as NEWS_ASSISTANT_LLM would give it
            overrides["llm"], llm = llm, None
        named = {
            key: value for key, value in {"store": store_path, "collection": collection}.items() if value is not None
        }
        self._demo_asked = overrides.get("seeds") is not None  # seeds given by name are asked for, in any store
        self.settings = (settings or load_settings()).updated(**named, **overrides)
        self.parts: Parts = parts or build_parts(self.settings, llm)
        if add_demo and self.demo_due():  # `add_demo=False`: the caller indexes it (news-assistant ui, to time it)
            self.index_demo()

    # --- the articles -------------------------------------------------------------------------------

    def demo_due(self) -> bool:
        """Whether the demo articles are to be indexed: this is the demo's store (``Settings.is_demo_store``) or they
        were asked for by name (``seeds=``), and the store is empty."""
        wanted = self.settings.seeds is not None and (self._demo_asked or self.settings.is_demo_store)
        return wanted and self.parts.store.count()[0] == 0

    def index_demo(self) -> IngestReport:
        """Index the demo articles (``Settings.seeds``)."""
        return self.ingest([self.settings.seeds])

    def ingest(self, paths: Iterable[str | Path], progress: bool = False) -> IngestReport:
        """Add articles from files or directories; re-ingesting the same text adds nothing."""
        if self.parts.ingestor is None:
            raise RuntimeError("these parts were assembled without an ingestor")
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
        return self.parts.llm is not None

    @property
    def gives_verdicts(self) -> bool:
        """Whether a language model decides the yes/no questions the sentences' own words leave open."""
        return self.parts.verdicts is not None

    def warm(self) -> None:
        """Load what the first question would otherwise wait for (the reader; exported on its very first use)."""
        if self.parts.selector.reader is not None:
            self.parts.selector.reader.load()

    def check_question(self, question: str) -> str:
        """The question stripped, or a QuestionError saying why it cannot be asked."""
        return self.parts.questions.check(question)

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
        standalone, and retrieval prefers the articles the conversation has been about. With ``stream=True`` an
        AnswerStream is returned: iterate it for the text as it is produced, then read ``.answer``.
        ``answerer="extractive"`` skips a configured LLM for this question (one configured only to give yes/no
        verdicts, ``llm_role="verdicts"``, still gives them: its answers are extractive). ``since`` and ``until``
        (dates, inclusive) keep to the articles published between them; an article without a date is then left out.
        """
        clock = StageClock()
        asked = self.parts.questions.read(question, history, since, until, clock)
        route = ROUTES[asked.shape.kind]
        ranked = self.parts.ranker.rank(asked, clock)
        decision = self.parts.judge.decide(asked, ranked, route.source_for(asked.shape), k, clock)
        if answerer != "extractive" or self.settings.llm_role == "verdicts":  # a judge of extractive answers
            decision = self._verdict(asked, decision, clock)
        answer = self._answered(asked, route, decision, ranked)
        clock.lap("answer")
        use = llm_use(route, answer) if self.parts.llm is not None and answerer != "extractive" else None
        evidence, kind = self._drafted_from(use, decision, answer)
        chunks = self.parts.llm.stream(asked.text, evidence, kind) if use and self.parts.llm else [answer.text]
        result = AnswerStream(chunks, partial(self._finish, asked, answer, use, evidence, clock))
        return result if stream else result.result()

    def judge(
        self,
        question: str,
        k: int | None = None,
        history: Sequence[Answer | tuple[str, str]] | None = None,
        source: Source = "claim",
    ) -> Decision:
        """The evidence ``ask`` would answer ``question`` from (by default as a fact; ``source`` as another route's
        answer stands on), and whether it answers, without answering."""
        asked = self.parts.questions.read(question, history)
        return self.parts.judge.decide(asked, self.parts.ranker.rank(asked), source, k)

    def _verdict(self, asked: Question, decision: Decision, clock: StageClock) -> Decision:
        """The decision with a language model's yes or no (``parts.verdicts``) on a yes-or-no question whose evidence
        does not say it in the question's words; unchanged when there is no such model, or it fails or is not borne
        out (the answer then says the articles don't say yes or no)."""
        if self.parts.verdicts is None or not (asked.shape.yes_no and decision.answerable) or decision.verdict:
            return decision
        if decision.differs is not None:  # the sources say yes and no: a model does not choose between them
            return decision
        try:
            said = self.parts.verdicts.decide(asked.text, decision.evidence)
        except Exception:  # noqa: BLE001 - any backend failure: the extractive answer, without a verdict
            said = None
        clock.lap("llm_verdict")
        return decision.decided_by(said) if said is not None else decision

    def _answered(self, asked: Question, route: Route, decision: Decision, ranked: list[ScoredSentence]) -> Answer:
        """The route's answer in its shape, or the refusal, with how sure the decision was (and, where the evidence
        says only what is expected, or that a yes or no is a language model's reading, that said beside it); where two
        sources state it differently, both, neither chosen."""
        if decision.differs is not None:  # two sources state it differently: both told, neither chosen
            answer = disputed.answer(asked, decision, asked.shape.kind)
        elif decision.answerable:
            answer = route.write(asked, decision, ranked, self.parts.answers)
        else:
            answer = refusal(asked, decision, self.parts.not_found)
        sure = decision.answerability.probability if decision.answerability is not None else None
        update: dict[str, Any] = {"confidence": None if sure is None else round(sure, 4)}
        if decision.expected:
            update["notice"] = EXPECTED
        elif decision.verdict is not None and decision.verdict.how == "model" and answer.short_answer:
            update["notice"] = MODEL_VERDICT
        return answer.model_copy(update=update)

    def _drafted_from(self, use: LLMUse, decision: Decision, answer: Answer) -> tuple[list[Evidence], Kind]:
        """The sentences a language model writes from, and the shape it writes in: a fact from the evidence, the
        sentences its extractive answer cites first, in their order (the one that answers is [1]: "The Kremlin has
        dismissed…" where the reader ranked Macron's sentence above it); another shape from the sentences its
        extractive answer cites."""
        if use == "reshape":
            return self.parts.selector.quoted(answer.citations), answer.kind
        evidence = {(e.article_id, e.sentence.start): e for e in decision.evidence}
        cited = [(c.article_id, c.start) for c in answer.citations]
        if not all(key in evidence for key in cited):  # a sentence the answer found elsewhere in a story
            first = self.parts.selector.quoted(answer.citations)
        else:
            first = [evidence[key] for key in cited]
        have = {e.sentence_id for e in first}
        return [*first, *(e for e in decision.evidence if e.sentence_id not in have)], "fact"

    def _finish(
        self,
        asked: Question,
        answer: Answer,
        use: LLMUse,
        evidence: list[Evidence],
        clock: StageClock,
        draft: str,
        error: Exception | None,
    ) -> Answer:
        """The answer as returned: a language model's draft verified (else ``answer`` with a notice saying why), with
        the question as asked, the question as understood, notices and the stages' timings."""
        if use is not None and self.parts.llm is not None:
            clock.lap("generate")
            written = self.parts.llm.finish(asked.text, evidence, draft, error, answer, shaped=use == "reshape")
            answer = written.model_copy(update={"confidence": answer.confidence})
            clock.lap("verify")
        timings = {**clock.timings, "total": clock.elapsed()}
        return answer.model_copy(
            update={
                "question": asked.asked,
                "standalone_question": asked.rewritten,
                "notice": answer.notice or self.parts.llm_problem or asked.notice,
                "timings": {key: round(value, 4) for key, value in timings.items()},
            }
        )
