"""The one place that builds an Assistant's parts from settings (and a store's rebuild).

The parts are made here and handed to ``Assistant``, which only runs them: the store and its BM25 indexes, then one
part per step of a question (reader of questions, ranker, judge, the answerers' context, the language model when one
is configured) and the ingestor. ``assemble`` makes the steps from any store, lexical indexes and reader, so tests
can run the whole pipeline on fakes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.language_models import BaseLanguageModel

from assistant.answers.context import AnswerContext, AnswerLimits
from assistant.evidence.answerability import AnswerabilityCheck, AnswerabilityWeights
from assistant.evidence.decision import Judge, JudgeLimits
from assistant.evidence.reader import Reader, exported_reader, reader
from assistant.evidence.select import EvidenceSelector
from assistant.llm.backends import LLMUnavailable, build_llm, judging
from assistant.llm.draft import LLMAnswerer
from assistant.llm.prompts import load_prompts
from assistant.llm.verdict import VerdictJudge
from assistant.llm.verify import Verifier
from assistant.question.read import QuestionReader
from assistant.retrieval.fusion import FEATURES, FusionWeights
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.ranking import Ranker
from assistant.settings import Settings
from index.fetch import FetchLimits
from index.ingest import Ingestor
from index.lexical import LexicalIndexes
from index.models.encoder import ONNX_ENCODERS, exported_model
from index.models.onnx import planned_exports
from index.reindex import ReindexReport, reindex
from index.store import SentenceStore
from index.store.client import server_client


@dataclass(frozen=True)
class Parts:
    """Everything an Assistant runs, built from one Settings; ``llm_problem`` says why a configured LLM is missing."""

    store: SentenceStore
    lexical: LexicalIndexes
    questions: QuestionReader
    retriever: HybridRetriever
    ranker: Ranker
    selector: EvidenceSelector
    judge: Judge
    answers: AnswerContext
    not_found: str
    llm: LLMAnswerer | None
    llm_problem: str | None
    ingestor: Ingestor | None
    verdicts: VerdictJudge | None = None  # a language model deciding yes-or-no questions the evidence leaves open


def build_parts(settings: Settings, llm: BaseLanguageModel | None = None) -> Parts:
    """The parts ``settings`` describe; ``llm`` (a LangChain model) takes the place of ``settings.llm``."""
    s = settings
    store = SentenceStore(
        Path(s.store),
        s.collection,
        s.model,
        client=server_client(s.chroma_url) if s.chroma_url else None,
        encoder=s.encoder,
        encoder_cache=s.encoder_cache,
    )
    llm_problem = None
    if llm is None:
        try:
            llm = build_llm(s)
        except LLMUnavailable as err:
            llm_problem = str(err)
    ingestor = Ingestor(
        store,
        batch_size=s.batch_size,
        max_file_bytes=s.max_file_bytes,
        fetch_limits=FetchLimits(timeout=s.fetch_timeout, max_bytes=s.fetch_max_bytes),
    )
    the_reader = reader(s.model, str(s.encoder_cache)) if s.reader else None
    return assemble(s, store, LexicalIndexes(store), the_reader, llm, llm_problem, ingestor)


def assemble(
    settings: Settings,
    store: Any,
    lexical: Any,
    reader: Reader | None,
    llm: BaseLanguageModel | None = None,
    llm_problem: str | None = None,
    ingestor: Ingestor | None = None,
) -> Parts:
    """The steps of a question made from a store (a ``SentenceStore``, or anything answering as one), its lexical
    indexes and a reader, configured by ``settings``."""
    s = settings
    prompts = load_prompts(s.prompts)
    retriever = HybridRetriever(
        store=store,
        lexical=lexical,
        weights=FusionWeights(**{f: getattr(s, f"w_{f}") for f in FEATURES}),
        candidates=s.candidates,
        k=s.k,
        focus_weight=s.w_focus,
    )
    selector = EvidenceSelector(
        store,
        k=s.k,
        min_relevance=s.min_relevance,
        margin=s.margin,
        reader=reader,
        read_depth=s.read_depth,
        read_weight=s.read_weight,
    )
    weights = AnswerabilityWeights(
        s.answerable_bias,
        s.answerable_w_reading,
        s.answerable_w_relevance,
        s.answerable_w_none,
        s.answerable_w_elsewhere,
    )
    judge = Judge(
        store,
        selector,
        AnswerabilityCheck(store, weights, s.min_answerable, idf=lexical.article_idf),
        JudgeLimits(
            news_articles=s.news_articles,
            related=s.overview_sentences,
            min_relevance=s.min_relevance,
            min_verdict_match=s.min_verdict_match,
        ),
    )
    limits = AnswerLimits(s.summary_sentences, s.overview_sentences, s.min_relevance, s.min_reading, s.min_verdict)
    llm_answerer = verdicts = None
    if llm is not None and prompts.verdict is not None:
        verdicts = VerdictJudge(judging(llm, s), prompts.verdict, s.min_verdict_match)
    if llm is not None and s.llm_role == "answer":

        def embed(texts: list[str]) -> np.ndarray:
            return np.asarray(store.ef(texts), dtype=np.float32)

        verifier = Verifier(embed, s.verify_min_overlap, s.verify_min_similarity, s.verify_min_copy)
        llm_answerer = LLMAnswerer(llm, prompts, verifier)
    return Parts(
        store=store,
        lexical=lexical,
        questions=QuestionReader(lexical, s.max_question_chars, rewriter=llm_answerer),
        retriever=retriever,
        ranker=Ranker(retriever, store, s.w_recency),
        selector=selector,
        judge=judge,
        answers=AnswerContext(store, selector, limits),
        not_found=prompts.not_found,
        llm=llm_answerer,
        llm_problem=llm_problem,
        ingestor=ingestor,
        verdicts=verdicts,
    )


def prepare_models(settings: Settings) -> list[Path]:
    """Export the ONNX models ``settings`` run (the encoder, the reader) into ``encoder_cache`` now, unless they are
    there already: what their first use would otherwise do. Their files."""
    s = settings
    files = [exported_model(s.model, s.encoder, s.encoder_cache)] if s.encoder in ONNX_ENCODERS else []
    return files + ([exported_reader(s.model, s.encoder_cache)] if s.reader else [])


def models_to_prepare(settings: Settings) -> list[Path]:
    """The exports ``prepare_models`` would make (none once they are in the cache), found without making any."""
    with planned_exports() as planned:
        prepare_models(settings)
    return planned


def reindex_store(settings: Settings, sources: Sequence[str | Path] = (), progress: bool = False) -> ReindexReport:
    """Rebuild the collection ``settings`` name with its model and encoder (``news-assistant reindex``)."""
    return reindex(
        Path(settings.store),
        settings.collection,
        settings.model,
        sources,
        progress=progress,
        encoder=settings.encoder,
        encoder_cache=settings.encoder_cache,
    )
