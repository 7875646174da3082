"""What the evidence selector and the extractive answerer do with the real reader's readings: re-order the top
sentences, never abstain because of a reading, and take the reader's span as the short answer when it is sure."""

from __future__ import annotations

import numpy as np
import pytest

from assistant import Assistant
from assistant.answers.fact import fact_from
from assistant.evidence.reader import Reader
from assistant.evidence.select import EvidenceSelector
from assistant.retrieval.fusion import FEATURES, ScoredSentence
from assistant.timing import StageClock
from tests.support import gold_sentence_id

pytestmark = pytest.mark.integration


def _scored(id_: str, score: float) -> ScoredSentence:
    return ScoredSentence(id_, score, np.zeros(len(FEATURES), dtype=np.float32))


def test_rereading_puts_the_answering_sentence_first(seed_assistant: Assistant, seed_reader, seed_sentences) -> None:
    question = "Who is the Kremlin spokesperson?"
    gold = gold_sentence_id(seed_sentences, "Kremlin spokesperson Dmitry Peskov")
    decoy = gold_sentence_id(seed_sentences, "The Kremlin has dismissed proposals")
    ranked = [_scored(decoy, 2.0), _scored(gold, 1.95)]
    plain = EvidenceSelector(seed_assistant.parts.store, k=1).select(ranked, question=question)
    assert [e.sentence_id for e in plain] == [decoy] and plain[0].answer is None
    clock = StageClock()
    reading = EvidenceSelector(seed_assistant.parts.store, k=1, reader=seed_reader, read_weight=0.1)
    (top,) = reading.select(ranked, question=question, clock=clock)
    assert top.sentence_id == gold and top.reading.score > 0
    assert top.text[top.answer[0] : top.answer[1]] == "Dmitry Peskov"
    assert {"read", "evidence"} <= set(clock.timings)
    # Without a question there is nothing to read: the fused order stands.
    assert reading.select(ranked)[0].sentence_id == decoy


def test_rereading_never_turns_an_answer_into_an_abstention(
    seed_assistant: Assistant, seed_reader: Reader, seed_sentences: dict[str, str]
) -> None:
    """Whether to abstain is decided on fused scores; a poor reading lowers the top's score under the floor."""
    sentence = gold_sentence_id(seed_sentences, "The Kremlin has dismissed proposals")
    selector = EvidenceSelector(seed_assistant.parts.store, k=3, min_relevance=1.1, reader=seed_reader, read_weight=0.1)
    (top,) = selector.select([_scored(sentence, 1.2)], question="What is the population of Brazil?")
    assert top.sentence_id == sentence and top.reading.score < -1 and top.score < 1.1


def test_short_answer_is_the_span_only_when_the_reader_is_sure(seed_assistant: Assistant, seed_reader) -> None:
    question = "Who is the Kremlin spokesperson?"
    selector = EvidenceSelector(seed_assistant.parts.store, k=1, reader=seed_reader, read_weight=0.1)
    evidence = selector.select(seed_assistant.parts.retriever.rank(question), question=question)
    score = evidence[0].reading.score
    assert fact_from(question, evidence, min_reading=score - 1).short_answer == "Dmitry Peskov"
    unsure = fact_from(question, evidence, min_reading=score + 1)
    assert unsure.short_answer and "Peskov" in unsure.short_answer  # spaCy's phrase, from the same sentence
