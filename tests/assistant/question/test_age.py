"""How old someone is (unit): the person asked about, and the age a sentence gives them in news's usual shapes."""

from __future__ import annotations

import pytest

from assistant.question.age import (
    age_in,
    age_of,
    asked_age,
    asked_age_at_death,
    died_aged,
    gives_an_age,
    lead_age,
    names_another,
)
from assistant.question.places import from_a_place


def test_the_person_asked_about() -> None:
    assert asked_age("How old is Bernie Ebbers?") == "Bernie Ebbers"
    assert asked_age("how old was Kalusha Bwalya") == "Kalusha Bwalya"
    assert asked_age("How old was Tesla when he died?") is None  # his age then, not now
    assert asked_age("How old is the cathedral?") is None  # no one named


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Prosecutors have alleged that Mr Ebbers, 63, directed Mr Sullivan.", "63"),
        ("Bernie Ebbers (63) denies the charges.", "63"),
        ("However the 41 year-old Ebbers is uncertain whether he will play.", "41"),
        ("The 63-year-old Bernie Ebbers denies it.", "63"),
        ("Ebbers, aged 63, denies it.", "63"),
        ("Ebbers, who is 63, denies it.", "63"),
        ("Mr Ebbers could face a sentence of 85 years.", None),  # a number that is no age
        ("Mr Sullivan, 42, pleaded guilty.", None),  # someone else's age
    ],
)
def test_the_age_a_sentence_gives(sentence: str, age: str | None) -> None:
    found = age_in("Bernie Ebbers", sentence)
    assert (found.text if found else None) == age
    if found is not None:
        assert sentence[found.start : found.end] == age


def test_the_age_of_the_sentence_after_the_one_naming_them() -> None:
    before = "Lindsay Davenport has put any talk of retirement on hold."
    sentence = "The 28-year-old world number one had said that she would quit."
    age = age_of("Lindsay Davenport", sentence, before)
    assert age is not None and age.text == "28" and sentence[age.start : age.end] == "28"
    assert age_of("Lindsay Davenport", sentence) is None  # no one named before it
    assert age_of("Serena Williams", sentence, before) is None  # another is named before it
    assert age_of("Bernie Ebbers", "Mr Ebbers, 63, directed it.", "The trial went on.").text == "63"
    # the person named late in the sentence before is not the one "The 21-year-old" is about
    rally = "Garcia-Lopez, ranked 106 in the world, withstood a third-set rally from Moya to hang on."
    assert age_of("Carlos Moya", "The 21-year-old plays Kevin Kim in the second round.", rally) is None
    assert age_in("Chrissie Hynde", '"We are a tribute band," said Hynde, 53.').text == "53"  # at the sentence's end


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("Mr Ebbers, 63, directed it.", True),
        ("The approach by the 76-year-old owner of the Tampa Bay Buccaneers.", True),
        ("Ebbers, aged 63, was convicted.", True),
        ("5 Carlos Moya (Spain)", False),  # a seeding, not an age
        ("Moya began 2005 with victory in the Chennai Open.", False),
    ],
)
def test_whether_a_text_gives_anyone_an_age(text: str, gives: bool) -> None:
    assert gives_an_age(text) is gives


@pytest.mark.parametrize(
    ("lead", "sentence", "age"),
    [
        ("Actor Michael Douglas is to star in an adventure film.", "On a visit, the 60-year-old actor said so.", "60"),
        ("Hollywood legend Michael Douglas has hit out at films.", "The 67-year-old also said he stopped.", "67"),
        # another's age: another word for them, a name after it, a lead that does not open with him
        ("Actor Michael Douglas is to star in a film.", "The 67-year-old later returned to the stage.", "67"),
        ("Actor Michael Douglas is to star in a film.", "The 21-year-old striker scored twice.", None),
        ("Actor Michael Douglas is to star in a film.", "The 40-year-old Smith will co-star.", None),
        ("Aishwarya Rai will star beside the actor Michael Douglas.", "The 60-year-old actor said so.", None),
    ],
)
def test_the_age_a_story_gives_the_one_its_lead_opens_with(lead: str, sentence: str, age: str | None) -> None:
    found = lead_age("Michael Douglas", lead, sentence)
    assert (found.text if found else None) == age
    assert found is None or sentence[found.start : found.end] == age


def test_the_age_a_story_gives_the_one_its_lead_opens_with_by_where_they_are_from() -> None:
    lead = "Richard Dunne is ready to commit his long-term future to Manchester City."
    sentence = "But the 25-year-old Dubliner underlined his intention to stay at Eastlands."
    found = lead_age("Richard Dunne", lead, sentence, from_a_place)
    assert found is not None and found.text == "25"
    assert lead_age("Richard Dunne", lead, sentence) is None  # without knowing Dublin, another's name for all it says
    assert lead_age("Richard Dunne", lead, "But the 31-year-old Walker stayed.", from_a_place) is None


def test_a_sentence_naming_another_of_the_surname_gives_not_their_age() -> None:
    student = "In answer to a question from 22 year old Liverpool student David Dunne, Mr Blair said talking was right."
    assert names_another("Richard Dunne", student)
    assert not names_another("David Dunne", student)
    assert not names_another("Dunne", student)  # a surname alone may be either
    assert not names_another("Richard Dunne", "Mr Dunne, 25, is a defender.")  # a title, not a first name
    assert not names_another("Mr. Creech", "John Lenzie Creech, 42, is to be arraigned.")  # asked by title: any name


def test_a_sentence_giving_its_age_to_another_name_gives_not_theirs() -> None:
    battle = "It looks a battle between himself and 23-year-old Leamy - three stone heavier than O'Connor - for it."
    assert names_another("O'Connor", battle)
    assert not names_another("Leamy", battle)
    assert not names_another("Richard Dunne", "The 22-year-old Liverpool striker Richard Dunne was hurt.")
    assert not names_another("Lleyton Hewitt", "The 23-year-old will face Federer in the final.")  # his own age


def test_the_age_of_the_one_opening_the_sentence_before_a_quotation_said_by_the_n_year_old() -> None:
    before = "Corbett, soon to reunite with Ronnie Barker for a new series, also criticised quiz shows."
    sentence = '"It\'s just laughing at each other," said the 74-year-old comedian.'
    found = age_of("Ronnie Corbett", sentence, before)
    assert found is not None and sentence[found.start : found.end] == "74"
    assert age_of("Ronnie Barker", sentence, before) is None  # not the one the sentence before opens with


def test_a_performer_the_lead_names_is_the_star_of_the_age_given_after() -> None:
    lead = "Singer Britney Spears is suing eight insurance companies."
    star = "The 22-year-old star initially missed a number of shows on the tour."
    assert (found := lead_age("Britney Spears", lead, star)) is not None and found.text == "22"
    assert lead_age("Gordon Brown", "Chancellor Gordon Brown has said it.", star) is None  # no performer: another's


def test_the_age_a_sentence_gives_at_a_death() -> None:
    assert asked_age_at_death("How old was Jim Morrison when he died?") == "Jim Morrison"
    assert asked_age_at_death("How old is Jim Morrison?") is None
    sentence = "The 1964 film shows the Doors frontman, who died aged 27 in 1971, playing a young man."
    found = died_aged(sentence)
    assert found is not None and found.text == "27" and sentence[found.start : found.end] == "27"
    assert died_aged("He died at the age of 84 at his London home.").text == "84"
    assert died_aged("A 40-year-old clip of Jim Morrison was found.") is None  # an age, but not at a death


def test_a_word_opening_the_sentence_before_the_surname_is_no_other_first_name() -> None:
    assert not names_another("Craig Bellamy", "But Bellamy, 25, has not been put on the transfer list.")
    assert names_another("Richard Dunne", "22 year old Liverpool student David Dunne was there.")
