"""Short answers cut from the evidence sentence: the wanted kind of phrase, quotations for 'what did X say'."""

from __future__ import annotations

import pytest

from assistant.short_answer import extract_short_answer

RUTTE = (
    "UK Prime Minister Sir Keir Starmer described the alliance’s commitment as an “unbreakable pledge,” while NATO "
    "chief Mark Rutte said Russia had “no veto” over the deployment of Western forces in Ukraine, “It’s a sovereign "
    "country. It’s not for them to decide.”"
)


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("How did Keir Starmer describe the alliance's commitment?", RUTTE, "unbreakable pledge"),
        ("What did Mark Rutte say about Russia?", RUTTE, "no veto"),
        ("Who is the NATO chief?", RUTTE, "Mark Rutte"),
    ],
)
def test_short_answer(question: str, sentence: str, expected: str) -> None:
    assert extract_short_answer(question, sentence) == expected
