"""Wiring: the one place that builds an Assistant's parts (and a store's rebuild) from settings.

The parts are made here and handed to ``Assistant``, which only runs them: the store and its BM25 indexes, the
retriever, the evidence selector (with the reader), the answerers (extractive, shaped, and the LLM's when one is
configured) and the ingestor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.language_models import BaseLanguageModel

from assistant.answer import ExtractiveAnswerer
from assistant.answerability import AnswerabilityCheck, AnswerabilityWeights
from assistant.evidence import EvidenceSelector
from assistant.generate import LLMAnswerer
from assistant.llm import LLMUnavailable, build_llm
from assistant.prompts import load_prompts
from assistant.retrieve import FEATURES, FusionWeights, HybridRetriever
from assistant.settings import Settings
from assistant.shaped import ShapedAnswerer, ShapeLimits
from assistant.verify import Verifier
from index.fetch import FetchLimits
from index.ingest import Ingestor
from index.lexical import LexicalIndexes
from index.models.reader import reader
from index.reindex import ReindexReport, reindex
from index.store import SentenceStore
from index.store.client import server_client


@dataclass(frozen=True)
class Parts:
    """Everything an Assistant runs, built from one Settings; ``llm_problem`` says why a configured LLM is missing."""

    store: SentenceStore
    lexical: LexicalIndexes
    retriever: HybridRetriever
    selector: EvidenceSelector
    answerability: AnswerabilityCheck
    answerer: ExtractiveAnswerer
    shaped: ShapedAnswerer
    llm_answerer: LLMAnswerer | None
    llm_problem: str | None
    ingestor: Ingestor


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
    lexical = LexicalIndexes(store)
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
        reader=reader(s.model, str(s.encoder_cache)) if s.reader else None,
        read_depth=s.read_depth,
        read_weight=s.read_weight,
    )
    prompts = load_prompts(s.prompts)
    llm_problem = None
    if llm is None:
        try:
            llm = build_llm(s)
        except LLMUnavailable as err:
            llm_problem = str(err)
    answerer = ExtractiveAnswerer(prompts.not_found, min_reading=s.min_reading)
    llm_answerer = None
    if llm is not None:

        def embed(texts: list[str]) -> np.ndarray:
            return np.asarray(store.ef(texts), dtype=np.float32)

        verifier = Verifier(embed, s.verify_min_overlap, s.verify_min_similarity)
        llm_answerer = LLMAnswerer(llm, prompts, verifier, fallback=answerer)
    return Parts(
        store=store,
        lexical=lexical,
        retriever=retriever,
        selector=selector,
        answerability=AnswerabilityCheck(
            store,
            AnswerabilityWeights(s.answerable_bias, s.answerable_w_reading, s.answerable_w_relevance),
            s.min_answerable,
        ),
        answerer=answerer,
        shaped=ShapedAnswerer(
            store,
            selector,
            answerer,
            ShapeLimits(s.summary_sentences, s.overview_sentences, s.news_articles, s.min_relevance),
        ),
        llm_answerer=llm_answerer,
        llm_problem=llm_problem,
        ingestor=Ingestor(
            store,
            batch_size=s.batch_size,
            max_file_bytes=s.max_file_bytes,
            fetch_limits=FetchLimits(timeout=s.fetch_timeout, max_bytes=s.fetch_max_bytes),
        ),
    )


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
