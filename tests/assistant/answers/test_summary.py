"""Centroid summaries over given vectors (unit: no model)."""

from __future__ import annotations

import numpy as np

from assistant.answers.summary import central_sentences


def _vectors(*rows: list[float]) -> np.ndarray:
    return np.array(rows, dtype=np.float32)


TEXTS = [
    "The lead sentence says what happened today.",
    "A sentence about the main topic of the story.",
    "Another sentence about the main topic here.",
    "An aside about something else entirely now.",
    "Follow us on:",
]
VECTORS = _vectors([1, 1, 0], [1, 0.9, 0.1], [0.9, 1, 0], [0, 0, 1], [1, 1, 0])


def test_the_lead_and_the_sentences_nearest_the_centroid_in_article_order() -> None:
    assert central_sentences(TEXTS, VECTORS, 3) == [0, 1, 2]


def test_the_aside_comes_last_and_page_furniture_never() -> None:
    assert central_sentences(TEXTS, VECTORS, 10) == [0, 1, 2, 3]


def test_one_sentence_asked_for_is_the_lead() -> None:
    assert central_sentences(TEXTS, VECTORS, 1) == [0]


def test_an_article_of_one_sentence_is_its_own_summary() -> None:
    assert central_sentences(["Only one line here, and it is prose."], _vectors([0.3, 0.4, 0]), 4) == [0]


def test_short_lines_count_when_there_is_nothing_else() -> None:
    assert central_sentences(["Breaking news.", "More soon."], _vectors([1, 0], [0, 1]), 4) == [0, 1]


def test_no_sentences_no_summary() -> None:
    assert central_sentences([], np.zeros((0, 3)), 4) == []
