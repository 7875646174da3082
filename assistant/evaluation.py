"""Run a question set through the assistant and score every answer: ``assistant.evaluate()`` and ``eval``.

Articles given for an evaluation are indexed into their own collection, named after the files' content
(``eval-<hash>``), so an evaluation never changes the user's collection and a rerun on the same files reuses it.
Each question is asked once through ``Assistant.ask`` (timed) and, when it has gold answers, ranked once more
through the retriever to see where the gold evidence sentence and article stand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, computed_field
from tqdm import tqdm

from assistant.metrics import (
    best_over_gold,
    exact_match,
    f1,
    first_rank,
    is_evidence_sentence,
    ratio,
    reciprocal_rank,
    supports,
    within,
)
from assistant.pipeline import Assistant, QuestionError
from assistant.question_sets import EvalQuestion, QuestionFileError, load_questions
from assistant.report import write_report
from index.load import find_files

ANSWERERS = ("extractive", "llm")


class EvaluationError(ValueError):
    """An evaluation that cannot run as asked; the message says what to change."""


class CitedSentence(BaseModel):
    """A sentence the answer cited, and whether it supports the gold (holds a gold answer or the evidence)."""

    n: int
    article_id: str
    title: str
    sentence: str
    supports: bool


class QuestionResult(BaseModel):
    """One question's answer and scores; ``exact_match``/``f1``/ranks are None where they do not apply."""

    id: str
    question: str
    answers: list[str]
    evidence: str | None = None
    article_id: str | None = None
    source: str | None = None
    answer: str
    short_answer: str | None = None
    abstained: bool
    citations: list[CitedSentence] = []
    exact_match: float | None = None
    f1: float | None = None
    evidence_rank: int | None = None
    article_named: bool = False
    article_rank: int | None = None
    latency_ms: float

    @computed_field
    @property
    def correct(self) -> bool:
        """Answerable: the short answer matches a gold answer exactly; unanswerable: the assistant abstained."""
        return self.exact_match == 1.0 if self.answers else self.abstained


class Summary(BaseModel):
    """Counts, every metric of ``assistant.metrics.METRICS`` (None = nothing to count), and how the run was made."""

    questions: int
    answerable: int
    unanswerable: int
    k: int
    metrics: dict[str, float | None]
    run: dict[str, Any] = {}


class EvalResult(BaseModel):
    """The per-question rows and their summary; ``out`` is where the report files were written, if anywhere."""

    summary: Summary
    rows: list[QuestionResult]
    out: Path | None = None


def summarize(
    rows: Sequence[QuestionResult], k: int, ingest_seconds: float | None = None, run: dict[str, Any] | None = None
) -> Summary:
    """Aggregate per-question rows into the summary metrics (definitions in ``assistant.metrics.METRICS``)."""
    answerable = [r for r in rows if r.answers]
    unanswerable = [r for r in rows if not r.answers]
    abstained = [r for r in rows if r.abstained]
    cited = [c for r in answerable for c in r.citations]
    named = [r for r in answerable if r.article_named]
    latencies = np.array([r.latency_ms for r in rows])
    metrics = {
        "exact_match": ratio(sum(r.exact_match or 0.0 for r in answerable), len(answerable)),
        "f1": ratio(sum(r.f1 or 0.0 for r in answerable), len(answerable)),
        "citation_precision": ratio(sum(c.supports for c in cited), len(cited)),
        "citation_recall": ratio(sum(any(c.supports for c in r.citations) for r in answerable), len(answerable)),
        "top_citation_accuracy": ratio(
            sum(r.citations[0].supports for r in answerable if r.citations), len(answerable)
        ),
        "retrieval_recall_at_1": ratio(sum(within(r.evidence_rank, 1) for r in answerable), len(answerable)),
        "retrieval_recall_at_k": ratio(sum(within(r.evidence_rank, k) for r in answerable), len(answerable)),
        "retrieval_mrr": ratio(sum(reciprocal_rank(r.evidence_rank) for r in answerable), len(answerable)),
        "article_recall_at_k": ratio(sum(within(r.article_rank, k) for r in named), len(named)),
        "article_mrr": ratio(sum(reciprocal_rank(r.article_rank) for r in named), len(named)),
        "abstention_precision": ratio(sum(not r.answers for r in abstained), len(abstained)),
        "abstention_recall": ratio(sum(r.abstained for r in unanswerable), len(unanswerable)),
        "wrong_abstention_rate": ratio(sum(r.abstained for r in answerable), len(answerable)),
        "latency_p50_ms": float(np.percentile(latencies, 50)) if rows else None,
        "latency_p95_ms": float(np.percentile(latencies, 95)) if rows else None,
        "ingest_seconds": ingest_seconds,
    }
    rounded = {name: None if value is None else round(value, 4) for name, value in metrics.items()}
    return Summary(
        questions=len(rows),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        k=k,
        metrics=rounded,
        run=run or {},
    )


def article_aliases(articles: Sequence[dict[str, Any]]) -> dict[str, set[str]]:
    """Stored article ids by every name a question may use for them: the stored id, the source path or file
    name, and a JSONL record's own ``id`` (the part of the source after ``#``)."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        source = article.get("source", "")
        path, _, record = source.partition("#")
        for alias in (article["id"], source, path, Path(path).name, record):
            if alias:
                aliases[alias].add(article["id"])
    return aliases


def gold_articles(q: EvalQuestion, aliases: dict[str, set[str]]) -> set[str]:
    """The stored ids of the article a question names by ``article_id`` or ``source`` (empty if none resolve)."""
    return aliases.get(q.article_id or "", set()) | aliases.get(q.source or "", set())


def score_question(
    assistant: Assistant, q: EvalQuestion, k: int, aliases: dict[str, set[str]], answerer: str = "extractive"
) -> QuestionResult:
    """Ask one question, time it, and score its answer, citations and (if answerable) retrieval ranks."""
    started = time.perf_counter()
    answer = assistant.ask(q.question, answerer=answerer)
    latency_ms = (time.perf_counter() - started) * 1000
    row = QuestionResult(
        **q.model_dump(include={"id", "question", "answers", "evidence", "article_id", "source"}),
        answer=answer.text,
        short_answer=answer.short_answer,
        abstained=answer.abstained,
        citations=[
            CitedSentence(
                n=c.n,
                article_id=c.article_id,
                title=c.title,
                sentence=c.sentence,
                supports=supports(c.sentence, q.answers, q.evidence),
            )
            for c in answer.citations
        ],
        article_named=bool(q.article_id or q.source),
        latency_ms=round(latency_ms, 2),
    )
    if not q.answers:
        return row
    short = "" if answer.abstained else answer.short_answer or ""
    ranked = [id_ for id_, _, _ in assistant.retriever.rank(answer.question)]
    stored = assistant.store.get_sentences(ranked)
    sentences = [stored[id_] for id_ in ranked]
    gold = gold_articles(q, aliases)
    return row.model_copy(
        update={
            "exact_match": best_over_gold(exact_match, short, q.answers),
            "f1": best_over_gold(f1, short, q.answers),
            "evidence_rank": first_rank(is_evidence_sentence(s.text, q.answers, q.evidence) for s in sentences),
            "article_rank": first_rank(s.article_id in gold for s in sentences) if gold else None,
        }
    )


def eval_collection(files: Sequence[Path]) -> str:
    """The evaluation collection's name: a hash of the article files' content (not their names or order)."""
    digests = sorted(hashlib.sha256(f.read_bytes()).hexdigest() for f in files)
    return "eval-" + hashlib.sha256("".join(digests).encode()).hexdigest()[:16]


def open_assistant(
    articles: Sequence[str | Path] | None,
    store: str | Path | None,
    collection: str | None,
    progress: bool,
    overrides: dict[str, Any],
) -> tuple[Assistant, float | None, dict[str, Any]]:
    """The Assistant to evaluate, with the seconds its articles took to index and what the indexing did.

    Without ``articles``: the given collection as is. With them: an ``eval-<hash>`` collection holding them.
    """
    if not articles:
        return Assistant(store_path=store, collection=collection, **overrides), None, {}
    if collection:
        raise EvaluationError("give --articles or --collection, not both: articles get their own eval collection")
    files = find_files(articles)
    missing = [str(f) for f in files if not f.is_file()]
    if missing or not files:
        raise EvaluationError(f"no article files at {', '.join(missing or map(str, articles))}")
    assistant = Assistant(store_path=store, collection=eval_collection(files), seeds=None, **overrides)
    started = time.perf_counter()
    report = assistant.ingest(files, progress=progress)
    seconds = time.perf_counter() - started
    if not assistant.store.count()[0]:
        raise EvaluationError("no article could be indexed: " + "; ".join(report.errors[:3]))
    return assistant, round(seconds, 2), {"files": [str(f) for f in files], "ingest": report.summary()}


def evaluate(
    questions_path: str | Path,
    articles: Sequence[str | Path] | None = None,
    out: str | Path | None = None,
    k: int = 5,
    answerer: str = "extractive",
    *,
    store: str | Path | None = None,
    collection: str | None = None,
    progress: bool = False,
    **overrides: Any,
) -> EvalResult:
    """Ask every question of a JSONL/CSV set and score the answers; write the report files to ``out`` if given.

    Without ``articles`` the questions are asked against ``collection`` of ``store`` (default: the user's,
    seeded when empty); with them, against an ``eval-<hash>`` collection of the same store holding just those
    articles. ``k`` is the cut-off of the retrieval recall@k metrics; ``overrides`` are Settings fields (e.g.
    ``min_relevance=1.2``) for the evaluated Assistant.
    """
    if answerer not in ANSWERERS:
        raise EvaluationError(f"unknown answerer '{answerer}'; use one of {', '.join(ANSWERERS)}")
    if k < 1:
        raise EvaluationError(f"k must be at least 1, not {k}")
    try:
        questions = load_questions(questions_path)
    except QuestionFileError as err:
        raise EvaluationError(str(err)) from err
    started = dt.datetime.now(dt.UTC)
    assistant, ingest_seconds, ingest = open_assistant(articles, store, collection, progress, overrides)
    if answerer == "llm" and assistant.llm_answerer is None:
        why = assistant.llm_problem or "set NEWS_ASSISTANT_LLM (and its model settings) first"
        raise EvaluationError(f"no LLM is configured: {why}")
    refused = []
    for q in questions:  # before the run, not an hour into it
        try:
            assistant.check_question(q.question)
        except QuestionError as err:
            refused.append(f"question {q.id}: {err}")
    if refused:
        raise EvaluationError("\n".join(refused))
    aliases = article_aliases(assistant.store.list_articles())
    # Untimed warm-up: BM25 indexes, the first model call, spaCy for short answers.
    assistant.ask(questions[0].question, answerer=answerer)
    bar = tqdm(questions, desc="eval", unit="question", disable=not progress)
    rows = [score_question(assistant, q, k, aliases, answerer) for q in bar]
    unresolved = sum(1 for q in questions if (q.article_id or q.source) and not gold_articles(q, aliases))
    run = {
        "questions_file": str(Path(questions_path).resolve()),
        "answerer": answerer,
        "started": started.isoformat(timespec="seconds"),
        "seconds": round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1),
        "unresolved_article_references": unresolved,
        **assistant.stats(),
        **ingest,
    }
    result = EvalResult(summary=summarize(rows, k, ingest_seconds, run), rows=rows)
    if out is not None:
        result.out = Path(out)
        write_report(result, result.out)
    return result
