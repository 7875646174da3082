"""The people someone is of: asked "What nationality is X?", read from the word before their name or, in their
own story, from the description opening a sentence."""

from __future__ import annotations

import pytest

from assistant.question.nationality import asked_nationality, nationality_in, story_about


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("What nationality is William Gallas?", "William Gallas"),
        ("What nationality was the new coach?", "new coach"),
        ("What is the nationality of Matt Williams?", "Matt Williams"),
        ("Who is William Gallas?", None),
    ],
)
def test_the_person_asked_about(question: str, person: str | None) -> None:
    assert asked_nationality(question) == person


@pytest.mark.parametrize(
    ("sentence", "own", "people"),
    [
        ("French defender William Gallas believes they will win.", False, "French"),
        ("The Australian Matt Williams will not quit.", False, "Australian"),
        ("Chelsea's William Gallas believes they will win.", False, None),  # a club, not a people
        # in his own story, the description opening a sentence is him
        ("And the French international defender believes Mourinho is perfectly suited to the job.", True, "French"),
        ("And the French international defender believes Mourinho is perfectly suited to the job.", False, None),
        ("The Chelsea defender believes it.", True, None),
    ],
)
def test_the_people_a_sentence_says_they_are_of(sentence: str, own: bool, people: str | None) -> None:
    found = nationality_in("William Gallas" if "Williams" not in sentence else "Matt Williams", sentence, own=own)
    assert (found.text if found else None) == people
    if found is not None:
        assert sentence[found.start : found.end] == people


def test_a_story_is_about_someone_its_title_or_lead_names_in_full() -> None:
    assert story_about("William Gallas", "Gallas sees two-horse race", "Chelsea's William Gallas believes…\n\nMore.")
    assert not story_about("Matt Williams", "Robbie Williams tops the chart", "Robbie Williams is back.\n\nMore.")
