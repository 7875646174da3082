"""Hybrid retrieval on a small in-memory store (no model, no Chroma): candidates from both halves, each feature
what it says it is, the fused score their weighted sum, and no sentence of an article that is not complete."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.retrieval.fusion import FEATURES, FusionWeights, unfocus
from assistant.retrieval.hybrid import HybridRetriever
from assistant.timing import StageClock
from index.bm25 import tokenize
from tests.assistant.fakes import COUNCIL, FERRY, FakeLexical, FakeStore

ARTICLES = {
    "ferry": FERRY,
    "council": COUNCIL,
    "weather": ("Weather", ["Heavy rain is expected across the north.", "Ferry services may be delayed by the rain."]),
}
QUESTION = "How many cars did the Lindholm ferry carry?"
SHIPPED = FusionWeights(0.7, -0.1, 0.2, 0.13, 0.1, 0.22, 0.32, 0.34)


def _retriever(store: FakeStore, weights: FusionWeights = SHIPPED, candidates: int = 40) -> HybridRetriever:
    return HybridRetriever(store=store, lexical=FakeLexical(store), weights=weights, candidates=candidates, k=3)


def _only(feature: str) -> FusionWeights:
    return FusionWeights(**{f: float(f == feature) for f in FEATURES})


def test_fused_score_is_the_weighted_sum_of_the_features_best_first() -> None:
    ranked = _retriever(FakeStore(ARTICLES)).rank(QUESTION)
    assert ranked and len({r.id for r in ranked}) == len(ranked)
    for r in ranked:
        assert r.features.shape == (len(FEATURES),)
        assert r.score == pytest.approx(float(r.features @ SHIPPED.as_array()), abs=1e-5)
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    assert ranked[0].id == "ferry:00000" and ranked[0].article_id == "ferry"


def test_dense_alone_ranks_by_embedding_similarity() -> None:
    store = FakeStore(ARTICLES)
    ranked = _retriever(store, _only("dense")).rank("rain in the north")
    query = store.embed("rain in the north")
    expected = sorted(store.vectors, key=lambda id_: -float(store.vectors[id_] @ query))
    assert [r.id for r in ranked][:3] == expected[:3]
    assert ranked[0].id == "weather:00000"


def test_each_feature_is_what_it_says() -> None:
    store = FakeStore(ARTICLES)
    ranked = _retriever(store).rank(QUESTION)
    row = dict(zip(FEATURES, next(r for r in ranked if r.id == "ferry:00000").features, strict=True))
    question_terms = set(tokenize([QUESTION])[0])
    own = set(tokenize([store.sentences["ferry:00000"].text])[0])
    window = own | set(tokenize([store.sentences["ferry:00001"].text])[0])
    assert row["dense"] == pytest.approx(float(store.embed(QUESTION) @ store.vectors["ferry:00000"]), abs=1e-6)
    assert row["lexical"] == pytest.approx(1.0)  # the best BM25 sentence, max-normalised
    assert row["article_lexical"] == pytest.approx(1.0)
    assert row["article_dense"] == pytest.approx(
        float(store.embed(QUESTION) @ store.article_vectors["ferry"]), abs=1e-6
    )
    assert row["type_match"] == 1.0  # "how many" wants a number; the sentence has 41
    assert row["coverage"] == pytest.approx(len(question_terms & own) / len(question_terms))
    assert row["window_coverage"] == pytest.approx(len(question_terms & window) / len(question_terms))
    assert row["rank_fusion"] == pytest.approx(2.0)  # first in both the dense and the BM25 ranking: 30/30 + 30/30
    captain = dict(zip(FEATURES, next(r for r in ranked if r.id == "ferry:00001").features, strict=True))
    assert captain["coverage"] == 0.0  # none of the question's words, but its neighbour has them
    assert captain["window_coverage"] == pytest.approx(len(question_terms & own) / len(question_terms))
    harbour = dict(zip(FEATURES, next(r for r in ranked if r.id == "ferry:00002").features, strict=True))
    assert harbour["type_match"] == 0.0 and harbour["lexical"] < 1.0 and harbour["rank_fusion"] < 2.0


def test_candidates_come_from_both_halves_and_are_bounded() -> None:
    store = FakeStore(ARTICLES)
    ranked = _retriever(store, candidates=2).rank("Councillor Ada Brook bridge")
    assert 2 <= len(ranked) <= 4  # the top 2 dense and the top 2 BM25 sentences, merged
    assert "council:00001" in {r.id for r in ranked}


def test_sentences_of_an_article_not_yet_complete_are_never_ranked() -> None:
    store = FakeStore(ARTICLES)
    store.hidden_articles.add("ferry")  # its sentences are written, its article row is not (yet)
    ranked = _retriever(store).rank(QUESTION)
    assert ranked and all(r.article_id != "ferry" for r in ranked)


def test_an_empty_store_ranks_nothing() -> None:
    assert _retriever(FakeStore({})).rank(QUESTION) == []


def test_every_stage_is_timed_on_the_one_clock() -> None:
    clock = StageClock()
    _retriever(FakeStore(ARTICLES)).rank(QUESTION, clock=clock)
    assert set(clock.timings) == {"embed", "dense", "bm25", "fetch", "features", "fusion"}
    assert sum(clock.timings.values()) <= clock.elapsed()


def test_the_question_vector_is_computed_once_per_question() -> None:
    store = FakeStore(ARTICLES)
    calls: list[list[str]] = []
    embed = store.ef
    store.ef = lambda texts: calls.append(texts) or embed(texts)  # type: ignore[method-assign]
    retriever = _retriever(store)
    first, second = retriever.rank(QUESTION), retriever.rank(QUESTION)
    assert calls == [[QUESTION]]
    assert [r.id for r in first] == [r.id for r in second]
    assert np.array_equal(first[0].features, second[0].features)


def test_a_conversation_focus_prefers_its_articles_adds_their_sentences_and_can_be_taken_back() -> None:
    store = FakeStore(ARTICLES)
    retriever = HybridRetriever(
        store=store, lexical=FakeLexical(store), weights=SHIPPED, candidates=1, k=3, focus_weight=1.0
    )
    plain = retriever.rank("Is rain expected?")
    assert plain[0].article_id == "weather"
    focused = retriever.rank("Is rain expected?", focus={"ferry": 1.0})
    assert {f"ferry:{i:05d}" for i in range(len(FERRY[1]))} <= {r.id for r in focused}  # every sentence a candidate
    by_id = {r.id: r for r in plain}
    for r in focused:
        if r.id in by_id:
            assert r.score == pytest.approx(by_id[r.id].score + (1.0 if r.article_id == "ferry" else 0.0), abs=1e-5)
    back = unfocus(focused, {"ferry": 1.0}, retriever.focus_weight)
    assert [r.id for r in back if r.id in by_id] == [r.id for r in plain]
