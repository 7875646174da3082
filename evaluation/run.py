"""Run a question set through the assistant and score every answer: ``evaluate()`` and ``news-assistant eval``.

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

from tqdm import tqdm

from assistant import Assistant, QuestionError
from evaluation.metrics import best_over_gold, exact_match, f1, first_rank, is_evidence_sentence, supports
from evaluation.question_sets import EvalQuestion, QuestionFileError, load_questions
from evaluation.report import write_report
from evaluation.results import CitedSentence, EvalResult, QuestionResult, summarize
from index.load import find_files
from index.store import StoredArticle

ANSWERERS = ("extractive", "llm")


class EvaluationError(ValueError):
    """An evaluation that cannot run as asked; the message says what to change."""


def article_aliases(articles: Sequence[StoredArticle]) -> dict[str, set[str]]:
    """Stored article ids by every name a question may use for them: the stored id, the source path or file
    name, and a JSONL record's own ``id`` (the part of the source after ``#``)."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        source = article.source
        path, _, record = source.partition("#")
        for alias in (article.id, source, path, Path(path).name, record):
            if alias:
                aliases[alias].add(article.id)
    return aliases


def gold_articles(q: EvalQuestion, aliases: dict[str, set[str]]) -> set[str]:
    """The stored ids of the article a question names by ``article_id`` or ``source`` (empty if none resolve)."""
    return aliases.get(q.article_id or "", set()) | aliases.get(q.source or "", set())


PHRASED = ("fact", "list", "definition", "article", "reason")  # the shapes of answer with a short answer


def score_question(
    assistant: Assistant,
    q: EvalQuestion,
    k: int,
    aliases: dict[str, set[str]],
    answerer: str = "extractive",
    history: bool = True,
) -> QuestionResult:
    """Ask one question (with its conversation's earlier turns, unless ``history`` is off), time it, and score its
    answer, citations and (if answerable) retrieval ranks."""
    started = time.perf_counter()
    answer = assistant.ask(q.question, history=q.history if history else None, answerer=answerer)
    latency_ms = (time.perf_counter() - started) * 1000
    row = QuestionResult(
        **q.model_dump(include={"id", "question", "answers", "evidence", "article_id", "source", "differs"}),
        answer=answer.text,
        short_answer=answer.short_answer,
        abstained=answer.abstained,
        kind=answer.kind,
        expected_kind=q.kind,
        follow_up=bool(q.history),
        standalone_question=answer.standalone_question,
        notice=answer.notice,
        differ_values=answer.disagreement.values if answer.disagreement is not None else None,
        citations=[
            CitedSentence(**c.model_dump(), supports=supports(c.sentence, q.answers, q.evidence))
            for c in answer.citations
        ],
        article_named=bool(q.article_id or q.source),
        latency_ms=round(latency_ms, 2),
    )
    if not q.answers:
        return row
    short = "" if answer.abstained else answer.short_answer or ""
    sentences = assistant.ranking(answer.question)
    gold = gold_articles(q, aliases)
    phrased = answer.abstained or answer.kind in PHRASED  # summaries and overviews pick out no phrase to score
    return row.model_copy(
        update={
            "exact_match": best_over_gold(exact_match, short, q.answers) if phrased else None,
            "f1": best_over_gold(f1, short, q.answers) if phrased else None,
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
    if not assistant.stats()["articles"]:
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
    history: bool = True,
    **overrides: Any,
) -> EvalResult:
    """Ask every question of a JSONL/CSV set and score the answers; write the report files to ``out`` if given.

    Without ``articles`` the questions are asked against ``collection`` of ``store`` (default: the user's,
    seeded when empty); with them, against an ``eval-<hash>`` collection of the same store holding just those
    articles. ``k`` is the cut-off of the retrieval recall@k metrics; follow-ups are asked with their ``history``
    unless ``history=False`` (the baseline); ``overrides`` are Settings fields (e.g. ``min_relevance=1.2``) for the
    evaluated Assistant.
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
    if answerer == "llm" and not assistant.has_llm:
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
    aliases = article_aliases(assistant.articles())
    # Untimed warm-up: BM25 indexes, the first model call, spaCy for short answers.
    assistant.ask(questions[0].question, answerer=answerer)
    bar = tqdm(questions, desc="eval", unit="question", disable=not progress)
    rows = [score_question(assistant, q, k, aliases, answerer, history) for q in bar]
    unresolved = sum(1 for q in questions if (q.article_id or q.source) and not gold_articles(q, aliases))
    run = {
        "questions_file": str(Path(questions_path).resolve()),
        "answerer": answerer,
        "history": history,
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
