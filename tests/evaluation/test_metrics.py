"""Metric functions against hand-computed cases: SQuAD normalisation, EM/F1 over gold answers, support, ranks."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from evaluation.metrics import (
    best_over_gold,
    exact_match,
    f1,
    first_rank,
    holds_answer,
    is_evidence_sentence,
    normalize,
    ratio,
    reciprocal_rank,
    supports,
    within,
)
from evaluation.results import CitedSentence, QuestionResult, summarize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The  Kremlin!", "kremlin"),
        ("A.B.C.", "abc"),
        ("an apple, a pear and the fig", "apple pear and fig"),
        ("Theory of anything", "theory of anything"),  # articles only as whole words
        ("  \t\n ", ""),
        ("THE", ""),
        ("Peskov’s", "peskov’s"),  # SQuAD strips ASCII punctuation only
        ("26-nation (coalition)", "26nation coalition"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_exact_match_ignores_case_punctuation_articles_whitespace() -> None:
    assert exact_match("the Kremlin.", "  kremlin ") == 1.0
    assert exact_match("Kremlin spokesman", "Kremlin") == 0.0
    assert exact_match("", "") == 1.0


@pytest.mark.parametrize(
    ("prediction", "gold", "expected"),
    [
        ("Dmitry Peskov said", "Dmitry Peskov", 0.8),  # P 2/3, R 1
        ("x x y", "x y y", 2 / 3),  # shared tokens counted with multiplicity: 2 of 3 each way
        ("Mark Rutte", "The Rutte", 2 / 3),  # P 1/2, R 1
        ("", "Kremlin", 0.0),
        ("the", "a", 0.0),  # both empty after normalisation: no shared token (SQuAD v1.1)
    ],
)
def test_f1(prediction: str, gold: str, expected: float) -> None:
    assert f1(prediction, gold) == pytest.approx(expected)


def test_best_over_gold_takes_the_best_answer_and_zero_without_gold() -> None:
    assert best_over_gold(exact_match, "26", ["twenty-six", "26"]) == 1.0
    assert best_over_gold(f1, "Mark Rutte", ["Rutte", "Mark Rutte NATO"]) == pytest.approx(0.8)
    assert best_over_gold(f1, "anything", []) == 0.0


def test_holds_answer_on_word_boundaries() -> None:
    sentence = "The Kremlin has dismissed proposals for foreign troops."
    assert holds_answer(sentence, ["kremlin"])
    assert holds_answer(sentence, ["nothing", "Foreign troops"])
    assert not holds_answer("The Kremlins met.", ["Kremlin"])
    assert not holds_answer(sentence, [""])
    assert not holds_answer(sentence, [])


def test_supports_by_answer_or_evidence() -> None:
    sentence = "Russian state media quoted Kremlin spokesperson Dmitry Peskov on Friday."
    assert supports(sentence, ["Dmitry Peskov"], None)
    assert supports(sentence, ["Peskov's office"], "quoted Kremlin spokesperson")
    assert not supports(sentence, ["Peskov's office"], None)
    assert not supports(sentence, [], "")


def test_evidence_sentence_with_a_finer_split_than_the_question_set() -> None:
    evidence = "It was signed by C. J. Anderson. The treaty lasted 40 years."
    assert is_evidence_sentence(f"Before that, {evidence}", ["40 years"], evidence)  # contains the evidence
    assert is_evidence_sentence("The treaty lasted 40 years.", ["40 years"], evidence)  # a piece holding the answer
    assert not is_evidence_sentence("It was signed by C.", ["40 years"], evidence)  # a piece without it
    assert not is_evidence_sentence("Elsewhere it lasted 40 years.", ["40 years"], evidence)
    assert is_evidence_sentence("Elsewhere it lasted 40 years.", ["40 years"], None)  # no evidence: the answer


def test_ranks() -> None:
    assert first_rank([False, False, True, True]) == 3
    assert first_rank([]) is None
    assert reciprocal_rank(4) == 0.25
    assert reciprocal_rank(None) == 0.0
    assert within(3, 3) and not within(4, 3) and not within(None, 5)


def test_ratio_is_none_when_nothing_was_counted() -> None:
    assert ratio(1, 4) == 0.25
    assert ratio(0, 0) is None


def _row(
    answers: list[str], abstained: bool, latency_ms: float, cited: Sequence[bool] = (), **scores
) -> QuestionResult:
    citations = [
        CitedSentence(n=n, article_id="a", title="t", sentence="s", start=0, end=1, score=1.0, supports=ok)
        for n, ok in enumerate(cited, 1)
    ]
    return QuestionResult(
        id="q", question="q?", answers=answers, answer="", abstained=abstained, citations=citations,
        latency_ms=latency_ms, **scores,
    )  # fmt: skip


def test_summary_metrics_on_hand_computed_rows() -> None:
    rows = [
        _row(["Paris"], False, 10, [True, False], exact_match=1, f1=1, evidence_rank=1, article_named=True,
             article_rank=2),
        _row(["Lyon"], False, 20, [False], exact_match=0, f1=0.5, evidence_rank=4, article_named=True),
        _row(["Nice"], True, 30, exact_match=0, f1=0),
        _row([], True, 40),
        _row([], False, 50, [False]),
    ]  # fmt: skip
    summary = summarize(rows, k=5, ingest_seconds=1.5)
    assert (summary.questions, summary.answerable, summary.unanswerable) == (5, 3, 2)
    expected = {
        "exact_match": 1 / 3,
        "f1": 1.5 / 3,
        "citation_precision": 1 / 3,  # 1 of the 3 sentences cited on answerable questions
        "citation_recall": 1 / 3,
        "top_citation_accuracy": 1 / 3,
        "retrieval_recall_at_1": 1 / 3,
        "retrieval_recall_at_k": 2 / 3,  # ranks 1 and 4 are within 5
        "retrieval_mrr": (1 + 1 / 4 + 0) / 3,
        "article_recall_at_k": 1 / 2,  # of the two questions naming an article
        "article_mrr": (1 / 2 + 0) / 2,
        "abstention_precision": 1 / 2,  # abstained on one answerable, one unanswerable
        "abstention_recall": 1 / 2,
        "wrong_abstention_rate": 1 / 3,
        "latency_p50_ms": 30,
        "latency_p95_ms": 48,  # linear interpolation between 40 and 50
        "ingest_seconds": 1.5,
    }
    assert summary.metrics.pop("shape_accuracy") is None  # no question says which shape it wants
    assert summary.metrics.pop("yes_no_accuracy") is None  # no question's answer is yes or no
    for unlabelled in ("disagreement_precision", "disagreement_recall", "false_disagreement_rate"):
        assert summary.metrics.pop(unlabelled) is None  # no question is labelled as to whether its sources differ
    assert summary.metrics.pop("disagreement_rate") == 0  # and no answer said they do
    assert summary.metrics == pytest.approx(expected, abs=1e-4)
    assert [r.correct for r in rows] == [True, False, False, True, False]


def test_sources_differ_is_scored_against_the_labels_and_the_two_values() -> None:
    rows = [
        _row(["26", "24"], False, 10, differs=True, differ_values=("26", "24")),  # right: both gold values
        _row(["26", "24"], False, 10, differs=True, differ_values=("26", "1998")),  # said, on the wrong sentence
        _row(["26", "24"], False, 10, differs=True),  # missed
        _row(["Paris"], False, 10, differs=False, differ_values=("Paris", "Lyon")),  # false: the sources agree
        _row(["Paris"], False, 10, differs=False),
        _row(["Nice"], False, 10, differ_values=("Nice", "Metz")),  # not labelled: counted as said only
    ]
    metrics = summarize(rows, k=5).metrics
    assert metrics["disagreement_precision"] == pytest.approx(1 / 3, abs=1e-4)  # 1 right of the 3 labelled ones said
    assert metrics["disagreement_recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert metrics["false_disagreement_rate"] == pytest.approx(1 / 2)
    assert metrics["disagreement_rate"] == pytest.approx(4 / 6, abs=1e-4)


def test_yes_or_no_questions_are_scored_on_the_verdict_given() -> None:
    rows = [
        _row(["yes"], False, 10, [True], short_answer="Yes"),
        _row(["No"], False, 10, [True], short_answer="Yes"),  # the wrong verdict
        _row(["no"], False, 10, [True]),  # no verdict given, only the sentences
        _row(["no"], True, 10),  # abstained
        _row(["Paris"], False, 10, [True], short_answer="Paris", exact_match=1, f1=1),  # not a yes-or-no question
    ]
    assert summarize(rows, k=5).metrics["yes_no_accuracy"] == pytest.approx(1 / 4)


def test_shapes_are_scored_apart_and_summaries_pick_no_phrase_to_score() -> None:
    rows = [
        _row(["Paris"], False, 10, [True], exact_match=1, f1=1, kind="fact", expected_kind="fact"),
        _row(["Lyon"], False, 10, [False], exact_match=0, f1=0.5, kind="fact", expected_kind="list"),
        _row(["harbour"], False, 10, [True], kind="summary", expected_kind="summary"),
        _row(["orchard"], False, 10, [False], kind="summary"),
        _row([], True, 10, kind="definition", expected_kind="definition"),
    ]
    summary = summarize(rows, k=5)
    assert summary.metrics["shape_accuracy"] == pytest.approx(3 / 4)
    assert summary.metrics["exact_match"] == pytest.approx(1 / 2)  # the two facts; summaries have no phrase
    assert summary.metrics["f1"] == pytest.approx(1.5 / 2)
    assert summary.by_kind["summary"] == {"questions": 2, "top_citation_accuracy": 0.5, "f1": None, "abstained": 0.0}
    assert summary.by_kind["fact"]["f1"] == pytest.approx(0.75)
    assert summary.by_kind["definition"]["abstained"] == 1.0
    assert [r.correct for r in rows] == [True, False, True, False, True]


def test_summary_of_nothing_is_not_a_number_but_none() -> None:
    summary = summarize([_row([], False, 5)], k=3)
    assert summary.metrics["exact_match"] is None and summary.metrics["abstention_precision"] is None
    assert summary.metrics["abstention_recall"] == 0.0
