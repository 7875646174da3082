"""Whom someone plays for (unit): the player a question asks about and the club a sentence gives them."""

from __future__ import annotations

import pytest

from assistant.question.club import asked_club, asks_for_a_club, club_in


@pytest.mark.parametrize(
    ("question", "player"),
    [
        ("Which club does Jean-Philippe Granclaude play for?", "Jean-Philippe Granclaude"),
        ("Who does Matt Stevens play for?", "Matt Stevens"),
        ("What team did Simon Taylor play for on loan?", "Simon Taylor"),
        ("Which club does he play for?", None),  # no one named: the conversation names him first
        ("Who plays for Bath?", None),  # asks for a player, not a club
    ],
)
def test_the_player_asked_about(question: str, player: str | None) -> None:
    assert asked_club(question) == player


@pytest.mark.parametrize(
    ("player", "sentence", "club"),
    [
        ("Jean-Philippe Granclaude", "Meanwhile, Perpignan centre Jean-Philippe Granclaude is delighted.", "Perpignan"),
        (
            "Andrew Sheridan",
            "England confirmed that Sale Sharks prop Andrew Sheridan was not considered.",
            "Sale Sharks",
        ),
        ("Matt Stevens", "G Rowntree (Leicester), M Stevens (Bath), D Grewcock (Bath).", "Bath"),
        ("Dave Hodges", "Scarlets and USA Eagles forward Dave Hodges has retired.", "Scarlets and USA Eagles"),
        ("Matt Stevens", "Matt Stevens has been called up to the England squad.", None),  # no club given
        ("Matt Stevens", "Bath prop Duncan Bell will start on the bench.", None),  # another player's
    ],
)
def test_the_club_a_sentence_gives(player: str, sentence: str, club: str | None) -> None:
    found = club_in(player, sentence)
    assert (found.text if found else None) == club
    if found is not None:
        assert sentence[found.start : found.end] == club


def test_asked_for_a_club_a_national_side_is_none() -> None:
    sentence = '" And Scotland forward Simon Taylor looks certain to get the call.'
    found = club_in("Simon Taylor", sentence)
    assert found is not None and found.text == "Scotland"  # not "And Scotland"
    assert club_in("Simon Taylor", sentence, country=False) is None
    assert asks_for_a_club("Which club does Simon Taylor play for?")
    assert not asks_for_a_club("Who does Simon Taylor play for?")
