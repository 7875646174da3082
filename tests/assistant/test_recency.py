"""Questions asking for the latest: which questions do, and how newer articles move up the ranking."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.recency import asks_for_latest, newest_first
from assistant.retrieve import ScoredSentence


@pytest.mark.parametrize(
    "question",
    [
        "What is the latest fare on the Lindholm crossing?",
        "What's the most recent news on Ukraine?",
        "Who is the newest member of the coalition?",
        "What happened this week in Kyiv?",
        "How many cars does the ferry carry now?",
        "Is the harbour still closed?",
    ],
)
def test_questions_asking_for_the_latest(question: str) -> None:
    assert asks_for_latest(question)


@pytest.mark.parametrize(
    "question",
    ["Who rejected foreign troops?", "When did the harbour reopen?", "Who knows the slatest news?", "What is snow?"],
)
def test_questions_not_asking_for_the_latest(question: str) -> None:
    assert not asks_for_latest(question)


def _ranked(*pairs: tuple[str, float]) -> list[ScoredSentence]:
    return [ScoredSentence(id=f"{article}:0", score=score, features=np.zeros(1)) for article, score in pairs]


def _order(ranked: list[ScoredSentence]) -> list[str]:
    return [r.article_id for r in ranked]


def test_a_newer_article_about_as_relevant_overtakes_an_older_one() -> None:
    ranked = _ranked(("old", 2.00), ("new", 1.98), ("mid", 1.5))
    dates = {"old": "2025-09-01", "new": "2025-09-20T08:00:00+02:00", "mid": "2025-09-10"}
    assert _order(newest_first(ranked, dates, 0.1)) == ["new", "old", "mid"]


def test_a_much_more_relevant_older_article_stays_first() -> None:
    ranked = _ranked(("old", 2.5), ("new", 1.5))
    assert _order(newest_first(ranked, {"old": "2025-09-01", "new": "2025-09-20"}, 0.1)) == ["old", "new"]


def test_undated_or_unreadable_dates_get_nothing_and_weight_zero_changes_nothing() -> None:
    ranked = _ranked(("undated", 2.0), ("garbled", 1.99), ("dated", 1.95))
    dates = {"undated": None, "garbled": "Tuesday", "dated": "2025-09-01"}
    assert _order(newest_first(ranked, dates, 0.1)) == ["dated", "undated", "garbled"]
    assert _order(newest_first(ranked, dates, 0.0)) == ["undated", "garbled", "dated"]
    assert _order(newest_first(ranked, {"undated": None}, 0.1)) == ["undated", "garbled", "dated"]
