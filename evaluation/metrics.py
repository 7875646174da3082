"""Evaluation metrics as pure functions of strings and ranks, and the definition of every reported metric.

Short answers are scored with SQuAD v1.1's normalisation and token F1 (Rajpurkar et al., 2016), so figures can be
compared with published ones; a cited or retrieved sentence "supports" a question when it holds a gold answer or
the gold evidence text. The benchmarks import these same functions.
"""

from __future__ import annotations

import collections
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

_PUNCTUATION = frozenset(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize(text: str) -> str:
    """SQuAD's answer normalisation: lowercase, no ASCII punctuation, no articles, single spaces."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def exact_match(prediction: str, gold: str) -> float:
    """1.0 when prediction and gold are equal after normalisation, else 0.0."""
    return float(normalize(prediction) == normalize(gold))


def f1(prediction: str, gold: str) -> float:
    """SQuAD token F1 between the normalised prediction and gold (0.0 when they share no token)."""
    pred, ref = normalize(prediction).split(), normalize(gold).split()
    common = sum((collections.Counter(pred) & collections.Counter(ref)).values())
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def best_over_gold(metric: Callable[[str, str], float], prediction: str, answers: Sequence[str]) -> float:
    """The best score of ``prediction`` against any gold answer, as SQuAD does; 0.0 with no gold answers."""
    return max((metric(prediction, gold) for gold in answers), default=0.0)


def _contains(text: str, part: str) -> bool:
    """Whether normalised ``part`` occurs in normalised ``text`` on word boundaries; an empty part never does."""
    part = normalize(part)
    return bool(part) and f" {part} " in f" {normalize(text)} "


def holds_answer(sentence: str, answers: Sequence[str]) -> bool:
    """Whether a sentence contains one of the gold answers (after SQuAD normalisation)."""
    return any(_contains(sentence, answer) for answer in answers)


def supports(sentence: str, answers: Sequence[str], evidence: str | None) -> bool:
    """Whether a cited sentence supports the gold: it holds a gold answer or contains the evidence text."""
    return holds_answer(sentence, answers) or _contains(sentence, evidence or "")


def is_evidence_sentence(sentence: str, answers: Sequence[str], evidence: str | None) -> bool:
    """Whether a sentence is the gold evidence sentence, for retrieval metrics.

    It contains the evidence text, or, where a question set split its evidence differently from our splitter, it
    lies inside the evidence and holds a gold answer. Without evidence: any sentence holding a gold answer.
    """
    if not evidence:
        return holds_answer(sentence, answers)
    return _contains(sentence, evidence) or (_contains(evidence, sentence) and holds_answer(sentence, answers))


def is_yes_or_no(answers: Sequence[str]) -> bool:
    """Whether a question's gold answers are a verdict: all of them "yes", or all "no"."""
    said = {normalize(a) for a in answers}
    return said in ({"yes"}, {"no"})


def first_rank(hits: Iterable[bool]) -> int | None:
    """1-based position of the first true value, or None when there is none."""
    return next((rank for rank, hit in enumerate(hits, start=1) if hit), None)


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def within(rank: int | None, k: int) -> bool:
    """Whether a 1-based rank is in the top ``k``."""
    return rank is not None and rank <= k


def ratio(part: float, whole: float) -> float | None:
    """``part / whole``, or None (reported as n/a) when nothing was counted."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Metric:
    """How a summary metric is shown and compared: its label, definition, unit and which way is better."""

    label: str
    definition: str
    unit: str = ""
    higher_is_better: bool = True


_GOLD_SENTENCE = (
    "the gold evidence sentence (one containing the `evidence` text, or inside it and holding a gold answer; "
    "without `evidence`, any sentence holding a gold answer)"
)

METRICS: dict[str, Metric] = {
    "shape_accuracy": Metric(
        "Shape accuracy",
        "Of the questions whose set gives the expected `kind` (fact, summary, list, yes_no, reason…), the share "
        "answered in that shape.",
    ),
    "exact_match": Metric(
        "Short answer exact match",
        "Share of answerable questions whose short answer equals a gold answer after SQuAD normalisation "
        "(lowercase; ASCII punctuation and a/an/the removed; whitespace collapsed), best over the gold answers; "
        "an abstention scores 0. Summaries, round-ups, overviews and yes-or-no answers, which pick out no phrase, are "
        "not counted.",
    ),
    "f1": Metric(
        "Short answer F1",
        "Mean over answerable questions of SQuAD token F1, best over the gold answers (counted as exact match is).",
    ),
    "yes_no_accuracy": Metric(
        "Yes/no accuracy",
        "Of the questions whose gold answer is yes or no, the share answered with that word as the short answer; an "
        "answer giving no verdict (only the sentences the question turns on) or abstaining scores 0.",
    ),
    "citation_precision": Metric(
        "Citation precision",
        "Share of the sentences cited on answerable questions that support the gold: they contain a gold answer "
        "or the `evidence` text (normalised).",
    ),
    "citation_recall": Metric(
        "Citation recall", "Share of answerable questions with at least one cited sentence that supports the gold."
    ),
    "top_citation_accuracy": Metric(
        "Top citation accuracy", "Share of answerable questions whose first citation [1] supports the gold."
    ),
    "retrieval_recall_at_1": Metric(
        "Retrieval recall@1", f"Share of answerable questions where the retriever ranks {_GOLD_SENTENCE} first."
    ),
    "retrieval_recall_at_k": Metric(
        "Retrieval recall@k", f"Share of answerable questions with {_GOLD_SENTENCE} in the retriever's top k."
    ),
    "retrieval_mrr": Metric(
        "Retrieval MRR",
        "Mean over answerable questions of 1 / rank of the gold evidence sentence among the retriever's ranked "
        "candidates (0 when it is not among them).",
    ),
    "article_recall_at_k": Metric(
        "Article recall@k",
        "Among answerable questions naming an `article_id` or `source`, share with a sentence of that article in "
        "the retriever's top k.",
    ),
    "article_mrr": Metric(
        "Article MRR", "Mean of 1 / rank of the first sentence from the named article (0 when absent)."
    ),
    "disagreement_precision": Metric(
        "Sources differ: precision",
        'Of the questions labelled `differs` (true or false) answered "Sources differ", the share labelled true '
        "whose two stated values are both gold answers, perhaps followed by their scale (the right two sentences).",
    ),
    "disagreement_recall": Metric(
        "Sources differ: recall",
        'Of the questions labelled `differs: true`, the share answered "Sources differ" with both gold values.',
    ),
    "false_disagreement_rate": Metric(
        "Sources differ: false",
        'Of the questions labelled `differs: false` (the sources agree), the share answered "Sources differ".',
        "",
        False,
    ),
    "disagreement_rate": Metric(
        "Sources differ: said",
        'Share of all questions answered "Sources differ" (on a set of real articles without labels, each one is '
        "worth reading: a real disagreement or a false one).",
        "",
        False,
    ),
    "abstention_precision": Metric(
        "Abstention precision", "Of the questions the assistant abstained on, the share that are unanswerable."
    ),
    "abstention_recall": Metric(
        "Abstention recall", "Of the unanswerable questions (no gold answers), the share the assistant abstained on."
    ),
    "wrong_abstention_rate": Metric(
        "Wrong abstentions", "Of the answerable questions, the share the assistant abstained on.", "", False
    ),
    "latency_p50_ms": Metric(
        "Latency p50", "Median wall time of one `ask()`, after one untimed warm-up question.", "ms", False
    ),
    "latency_p95_ms": Metric("Latency p95", "95th percentile of the wall time of one `ask()`.", "ms", False),
    "ingest_seconds": Metric(
        "Ingestion time",
        "Wall time to index the `--articles` files (near 0 when the evaluation collection already holds them).",
        "s",
        False,
    ),
}
