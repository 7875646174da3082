"""What an evaluation produces: one scored row per question, and their summary over every metric."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, computed_field

from assistant import Citation
from evaluation.metrics import exact_match, is_yes_or_no, normalize, ratio, reciprocal_rank, within


class CitedSentence(Citation):
    """A sentence the answer cited, and whether it supports the gold (holds a gold answer or the evidence)."""

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
    kind: str = "fact"
    expected_kind: str | None = None
    follow_up: bool = False
    standalone_question: str | None = None
    differs: bool | None = None  # labelled: the articles state the answer differently (None: not labelled)
    differ_values: tuple[str, str] | None = None  # the answer said sources differ, on these two values
    notice: str | None = None  # said beside the answer ("The articles say this will … happen, not that it has.")
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
        """Answerable: the short answer matches a gold answer exactly (a summary or overview, which has none: its
        first citation supports the gold); unanswerable: the assistant abstained."""
        if not self.answers:
            return self.abstained
        if self.exact_match is None:
            return bool(self.citations) and self.citations[0].supports
        return self.exact_match == 1.0


class Summary(BaseModel):
    """Counts, every metric of ``evaluation.metrics.METRICS`` (None = nothing to count), and how the run was made."""

    questions: int
    answerable: int
    unanswerable: int
    k: int
    metrics: dict[str, float | None]
    by_kind: dict[str, dict[str, float | None]] = {}
    by_turn: dict[str, dict[str, float | None]] = {}
    run: dict[str, Any] = {}


class EvalResult(BaseModel):
    """The per-question rows and their summary; ``out`` is where the report files were written, if anywhere."""

    summary: Summary
    rows: list[QuestionResult]
    out: Path | None = None


def summarize(
    rows: Sequence[QuestionResult], k: int, ingest_seconds: float | None = None, run: dict[str, Any] | None = None
) -> Summary:
    """Aggregate per-question rows into the summary metrics (definitions in ``evaluation.metrics.METRICS``)."""
    answerable = [r for r in rows if r.answers]
    unanswerable = [r for r in rows if not r.answers]
    abstained = [r for r in rows if r.abstained]
    cited = [c for r in answerable for c in r.citations]
    named = [r for r in answerable if r.article_named]
    latencies = np.array([r.latency_ms for r in rows])
    shaped = [r for r in rows if r.expected_kind]
    phrased = [r for r in answerable if r.f1 is not None and r.exact_match is not None]
    verdicts = [r for r in answerable if is_yes_or_no(r.answers)]
    labelled = [r for r in rows if r.differs is not None]
    said = [r for r in labelled if r.differ_values is not None]
    right = [r for r in said if r.differs and all(_among(v, r.answers) for v in r.differ_values or ())]
    metrics = {
        "shape_accuracy": ratio(sum(r.kind == r.expected_kind for r in shaped), len(shaped)),
        "exact_match": ratio(sum(r.exact_match for r in phrased), len(phrased)),
        "f1": ratio(sum(r.f1 for r in phrased), len(phrased)),
        "yes_no_accuracy": ratio(
            sum(not r.abstained and exact_match(r.short_answer or "", r.answers[0]) for r in verdicts), len(verdicts)
        ),
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
        "disagreement_precision": ratio(len(right), len(said)),
        "disagreement_recall": ratio(len(right), sum(bool(r.differs) for r in labelled)),
        "false_disagreement_rate": ratio(
            sum(r.differ_values is not None for r in labelled if r.differs is False),
            sum(r.differs is False for r in labelled),
        ),
        "disagreement_rate": ratio(sum(r.differ_values is not None for r in rows), len(rows)),
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
        by_kind={kind: _group_metrics([r for r in rows if r.kind == kind]) for kind in sorted({r.kind for r in rows})},
        by_turn={
            turn: _group_metrics([r for r in rows if r.follow_up == (turn == "follow-up")])
            for turn in ("first", "follow-up")
        }
        if any(r.follow_up for r in rows)
        else {},
        run=run or {},
    )


def _among(value: str, answers: Sequence[str]) -> bool:
    """Whether a value the answer says a source states is one of the gold answers (after normalisation), perhaps
    told with its scale ("25 percent" for the gold "25")."""
    said = normalize(value)
    return any(said == normalize(gold) or said.startswith(normalize(gold) + " ") for gold in answers)


def _group_metrics(rows: Sequence[QuestionResult]) -> dict[str, float | None]:
    """A group of questions (one shape, or the follow-ups): how many, and how well (answerable ones: top citation,
    F1)."""
    answerable = [r for r in rows if r.answers]
    return {
        "questions": len(rows),
        "top_citation_accuracy": ratio(
            sum(bool(r.citations) and r.citations[0].supports for r in answerable), len(answerable)
        ),
        "f1": ratio(sum(r.f1 for r in answerable if r.f1 is not None), sum(r.f1 is not None for r in answerable)),
        "abstained": ratio(sum(r.abstained for r in rows), len(rows)),
    }
