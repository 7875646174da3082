"""What kind of phrase a question asks for (unit): a sentence giving no amount cannot answer how many or how much."""

from __future__ import annotations

import pytest

from assistant.question.wanted import says_no_amount


@pytest.mark.parametrize(
    ("question", "sentence", "none"),
    [
        ("How much did U2 pay to enter the Hall of Fame?", "Springsteen inducted the band U2 in New York.", True),
        ("How much did Lenovo make?", "Lenovo's profit was HK$327m.", False),
        ("How many people were surveyed?", "Most people surveyed had worries.", False),  # an amount in words
        ("How big are the tax cuts?", "He revealed the full scale of his planned tax cuts.", True),
        ("What was the score between Charlton and Norwich?", "West Ham v Norwich", True),
        ("What was the score?", "Charlton won 4-0.", False),
        ("Who won?", "Nobody won.", False),  # not asked for an amount
    ],
)
def test_a_sentence_giving_no_amount(question: str, sentence: str, none: bool) -> None:
    assert says_no_amount(question, sentence) is none
