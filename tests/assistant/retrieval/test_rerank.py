"""Re-ranking by date (unit): newer articles move up the ranking of a question asking for the latest, and a period
keeps to its articles."""

from __future__ import annotations

import numpy as np

from assistant.question.period import Period
from assistant.retrieval.fusion import ScoredSentence
from assistant.retrieval.rerank import in_period, newest_first


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


def test_a_period_keeps_the_sentences_of_the_articles_published_in_it_in_their_order() -> None:
    ranked = _ranked(("old", 3.0), ("new", 2.0), ("undated", 1.0), ("new", 0.5))
    published = {"old": "2025-08-01", "new": "2025-09-10", "undated": None}
    assert _order(in_period(ranked, published, Period(since="2025-09-01"))) == ["new", "new"]
    assert _order(in_period(ranked, published, Period(until="2025-08-31"))) == ["old"]
