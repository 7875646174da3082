"""The one ranking a question is answered from (unit, on fakes): hybrid retrieval, then the question's period and
its wish for the latest, then a follow-up's focus let go where the conversation has moved on."""

from __future__ import annotations

import pytest

from assistant.question.period import Period
from assistant.question.read import Question
from assistant.question.shape import shape_of
from assistant.retrieval.fusion import FusionWeights
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.ranking import Ranker
from assistant.timing import StageClock
from tests.assistant.fakes import FakeLexical, FakeStore

# Two ferry stories told a month apart, and a council story.
ARTICLES = {
    "ferry-aug": ("Ferry in August", ["The Lindholm ferry carried 41 cars on Monday.", "Its refit is planned."]),
    "ferry-sep": ("Ferry in September", ["The Lindholm ferry carried 44 cars on Monday.", "Its refit is done."]),
    "council": ("Council vote", ["Councillor Ada Brook said the bridge work starts in spring."]),
}
WEIGHTS = FusionWeights(1.0, 0.0, 0.0, 0.0, 0.0, 0.22, 0.32, 0.34)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore(ARTICLES)
    store.dates = {"ferry-aug": "2025-08-04", "ferry-sep": "2025-09-08"}
    return store


def _ranker(store: FakeStore, recency: float = 0.3) -> Ranker:
    retriever = HybridRetriever(store=store, lexical=FakeLexical(store), weights=WEIGHTS, k=3, focus_weight=1.0)
    return Ranker(retriever, store, recency)


def _question(text: str, **read: object) -> Question:
    return Question(text, text, shape_of(text), **read)  # type: ignore[arg-type]


def _articles(ranked) -> list[str]:  # noqa: ANN001
    return list(dict.fromkeys(r.article_id for r in ranked))


def _scored(ranked) -> list[tuple[str, float]]:  # noqa: ANN001
    return [(r.id, round(r.score, 5)) for r in ranked]


def test_the_ranking_is_the_retrievers_when_the_question_asks_for_nothing_more(store: FakeStore) -> None:
    ranker, clock = _ranker(store), StageClock()
    question = _question("How many cars did the Lindholm ferry carry?")
    assert _scored(ranker.rank(question, clock)) == _scored(ranker.retriever.rank(question.text))
    assert {"retrieve", "embed", "fusion"} <= set(clock.timings) and "focus" not in clock.timings


def test_a_period_keeps_to_the_articles_published_in_it(store: FakeStore) -> None:
    question = _question("How many cars did the Lindholm ferry carry?", period=Period(until="2025-08-31"))
    assert _articles(_ranker(store).rank(question)) == ["ferry-aug"]  # the undated council story is left out too


def test_the_latest_puts_the_newer_of_two_about_equally_relevant_stories_first(store: FakeStore) -> None:
    ranked_plain = _ranker(store).rank(_question("How many cars did the Lindholm ferry carry on Monday?"))
    latest = _question("How many cars did the Lindholm ferry carry on Monday?", latest=True)
    assert _articles(_ranker(store).rank(latest))[0] == "ferry-sep"
    assert _scored(_ranker(store, recency=0.0).rank(latest)) == _scored(ranked_plain)  # no weight: no recency


def test_a_follow_up_naming_what_its_story_never_mentions_lets_the_focus_go(store: FakeStore) -> None:
    clock = StageClock()
    about_ferry = _question("What did Ada Brook say?", focus={"ferry-sep": 1.0})
    ranked = _ranker(store).rank(about_ferry, clock)
    assert ranked[0].article_id == "council" and "focus" in clock.timings
    plain = _ranker(store).rank(_question("What did Ada Brook say?"))
    assert [r.score for r in ranked] == pytest.approx([r.score for r in plain], abs=1e-5)  # the preference taken back


def test_a_follow_up_on_its_own_story_keeps_the_preference(store: FakeStore) -> None:
    focused = _ranker(store).rank(_question("How many cars did the ferry carry?", focus={"ferry-aug": 1.0}))
    assert focused[0].article_id == "ferry-aug"
