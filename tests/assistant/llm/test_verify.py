"""The verifier's parts: reading [n] markers, spotting names and numbers the sources never mention."""

from __future__ import annotations

import pytest

from assistant.llm.verify import missing_names, overlap, parse_claims


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Kyiv said no [1]. Moscow agreed [2][3].", [("Kyiv said no.", [1]), ("Moscow agreed.", [2, 3])]),
        ("Both sides met [1, 3]. No cite here.", [("Both sides met.", [1, 3]), ("No cite here.", [])]),
        ("The U.S. envoy left on Friday. [2]", [("The U.S. envoy left on Friday.", [2])]),
        ("  ", []),
    ],
)
def test_parse_claims(answer: str, expected: list[tuple[str, list[int]]]) -> None:
    assert parse_claims(answer) == expected


def test_missing_names_and_numbers() -> None:
    source = "NATO chief Mark Rutte said Russia had “no veto” over 26 allies' deployment."
    assert missing_names("Mark Rutte said Russia had no veto.", source) == set()
    assert missing_names("Boris Johnson said Russia had no veto.", source) == {"boris", "johnson"}
    assert missing_names("Rutte said 27 allies would deploy.", source) == {"27"}
    assert missing_names("It said nato had no veto.", source) == set()


def test_overlap_counts_stemmed_content_words() -> None:
    assert overlap("The allies committed troops", "26 allies had committed to supporting Ukraine with troops") == 1.0
    assert overlap("Paris agreed", "The Kremlin dismissed proposals") == 0.0
