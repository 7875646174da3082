"""The verifier's parts: reading [n] markers, spotting names and numbers the sources never mention, and citing a
sentence copied from a source without its marker."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.llm.verify import Verifier, missing_names, overlap, parse_claims, swapped_names


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


EVIDENCE = ["Rutte said Russia had no veto over the deployment.", "Macron announced 26 allies had committed troops."]


def _verifier(min_copy: float) -> Verifier:
    return Verifier(lambda texts: np.zeros((len(texts), 4), dtype=np.float32), 0.45, 0.65, min_copy=min_copy)


def test_a_copied_sentence_without_its_marker_or_with_the_wrong_one_is_cited_to_its_source() -> None:
    verdict = _verifier(0.8).check("Macron announced 26 allies had committed troops. Paris agreed [1].", EVIDENCE)
    assert verdict.text == "Macron announced 26 allies had committed troops [2]." and verdict.unsupported == [
        "Paris agreed."
    ]
    renumbered = _verifier(0.8).check("Macron announced 26 allies had committed troops [1].", EVIDENCE)
    assert renumbered.text == "Macron announced 26 allies had committed troops [2]."


def test_a_near_copy_with_another_number_or_a_lower_bar_unset_is_not_repaired() -> None:
    assert _verifier(0.8).check("Macron announced 27 allies had committed troops.", EVIDENCE).kept == []
    assert _verifier(1.1).check("Macron announced 26 allies had committed troops.", EVIDENCE).kept == []


def test_of_several_citations_the_one_that_says_the_claim_alone_is_kept() -> None:
    verdict = _verifier(1.1).check("Macron announced 26 allies had committed troops [1][2].", EVIDENCE)
    assert verdict.text == "Macron announced 26 allies had committed troops [2]."
    both = _verifier(1.1).check("Rutte said Russia had no veto; 26 allies had committed troops [1][2].", EVIDENCE)
    assert both.cited == [1, 2]  # each says half of it


def test_a_name_from_around_the_sentence_standing_in_for_one_it_gives_is_a_swap() -> None:
    sentence = "Blackpool will get the much smaller February spring conference instead."
    assert swapped_names("Manchester gets the much smaller February spring conference.", sentence) == (
        "manchester",
        "blackpool",
    )
    putin = "Putin, while claiming Russian advances on all fronts, has rejected a temporary ceasefire."
    assert swapped_names("The Kremlin rejected a temporary ceasefire.", putin) == ("kremlin", "putin")
    assert swapped_names("Manchester hosts a meeting.", sentence) is None  # in other words: not a swap
    assert swapped_names("Kilroy Silk quit the party in February.", "He quit the party in February.") is None
    assert swapped_names("Blackpool gets the spring conference.", sentence) is None
    context = [f"Labour will meet in Manchester. {sentence}"]
    claim = "Manchester gets the much smaller February spring conference [1]."
    for min_copy in (1.1, 0.8):  # nor is it cited to the sentence it copies
        verdict = _verifier(min_copy).check(claim, [sentence], context)
        assert verdict.kept == [] and "where its sources say blackpool" in verdict.claims[0].reason
    both = [sentence, "Labour will hold its autumn conference in Manchester."]  # citing one that names Manchester
    verdict = _verifier(1.1).check(claim.replace("[1]", "[1][2]"), both, both)
    assert verdict.kept == [] and "where its sources say blackpool" in verdict.claims[0].reason


def test_a_claim_that_only_restates_the_question_is_not_kept() -> None:
    question = "Who will Macron announce as allies?"
    restated = _verifier(1.1).check("Macron announced allies [2].", EVIDENCE, question=question)
    assert restated.kept == [] and restated.claims[0].reason == "says only what the question asks"
    answered = _verifier(1.1).check("Macron announced 26 allies had committed troops [2].", EVIDENCE, question=question)
    assert answered.text == "Macron announced 26 allies had committed troops [2]."
