"""The role a "Who…?" question asks about, and whether a phrase is part of that verb's clause (spaCy's parse)."""

from __future__ import annotations

import pytest

from assistant.question.role import (
    Role,
    answered_before,
    asked_role,
    done_by_the_named,
    in_the_verbs_clause,
    maker_of,
    names_someone,
    says_it_in_any_words,
)


def test_a_verb_the_parse_takes_for_a_noun_after_an_auxiliary_is_the_verb_asked_about() -> None:
    # spaCy's small model tags "play" a noun after "Hearts of Oak"
    role = asked_role("Who will Hearts of Oak play in the Confederation Cup final?")
    assert role is not None and (role.verb, role.subject) == ("play", False)
    assert asked_role("Who is the chairman of the club?") is None  # "be" asks about no doing


def test_a_phrase_is_in_the_verbs_clause_only_as_part_of_that_verb() -> None:
    sentence = "The win for Hearts means they will play Asante Kotoko in the two-leg final."
    at = sentence.index("Asante Kotoko")
    assert in_the_verbs_clause("play", sentence, (at, at + len("Asante Kotoko")))
    scoring = "Deportivo coach Javier Irureta said: we have now gone six games at home without scoring."
    at = scoring.index("Javier Irureta")
    assert not in_the_verbs_clause("score", scoring, (at, at + len("Javier Irureta")))
    assert isinstance(asked_role("Who scored the goal?"), Role)
    until = "Both clubs have until 23 December to respond."
    at = until.index("23 December")
    assert in_the_verbs_clause("respond", until, (at, at + len("23 December")))  # through "have … to"


def test_a_verb_said_in_other_words_is_said() -> None:
    assert says_it_in_any_words("beat", "The Panthers defeated the Arizona Cardinals.")
    assert says_it_in_any_words("reject", "The Kremlin has dismissed proposals for foreign troops.")
    assert not says_it_in_any_words("beat", "The Panthers set up a final with the Broncos.")


def test_a_phrase_naming_someone_who_may_do_something() -> None:
    final = "Hearts of Oak set up an all Ghanaian Confederation Cup final."
    at = final.index("Ghanaian")
    assert not names_someone(final, (at, at + len("Ghanaian")))  # a people as an adjective
    cardinals = "The Panthers then blew out the Arizona Cardinals in the NFC Championship Game."
    at = cardinals.index("the Arizona Cardinals")
    assert names_someone(cardinals, (at, at + len("the Arizona Cardinals")))
    assert not names_someone(cardinals, None)


@pytest.mark.parametrize(
    ("question", "sentence", "before", "named"),
    [
        # asked which one of a kind did something: the one the sentence before names before its verb
        ("Which show won best TV comedy?", "The BBC show beat The Office in the best TV comedy category.",
         "Top TV cult hit Little Britain has triumphed over The Office.", "Little Britain"),
        # not asked what did it ("What is…?"), nor which one something was done to
        ("What is the axis of Warsaw which divides it into two parts?",
         "The Vistula River is the main axis of the city.", "Warsaw is the capital of Poland.", None),
        ("Which show did Little Britain beat?", "The BBC show beat The Office in the best TV comedy category.",
         "Top TV cult hit Little Britain has triumphed over The Office.", None),
        # the sentence names it itself, after "of"
        ("What former administrative building was used for the MSP's offices?",
         "The former administrative building of Lothian Regional Council was used for the MSP's offices.",
         "In addition, the Parliament also used the General Assembly Hall.", None),
    ],
)  # fmt: skip
def test_which_one_did_it_is_the_one_named_before(question: str, sentence: str, before: str, named: str | None) -> None:
    found = answered_before(question, sentence, before, None)
    assert (found.text if found else None) == named


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Who won best female artist at the Australian MTV awards?", "Delta Goodrem"),  # the unnamed opening won it
        ("Who won best male?", None),  # another did ("…with Shannon Noll taking the title of best male")
    ],
)
def test_who_did_it_is_the_one_named_before_where_the_sentence_opening_unnamed_did_it(
    question: str, named: str | None
) -> None:
    sentence = (
        "The 21-year-old singer won the award for best female artist, with Australian Idol runner-up Shannon Noll "
        "taking the title of best male at the ceremony."
    )
    before = "Pop singer Delta Goodrem has scooped one of the top individual prizes at the first MTV Music Awards."
    at = sentence.index("Shannon Noll")
    found = answered_before(question, sentence, before, (at, at + len("Shannon Noll")))  # the reader's name
    assert (found.text if found else None) == named


def test_the_maker_a_sentence_gives_a_work_by_a_possessive() -> None:
    question = "Who directed Vera Drake?"
    assert maker_of(question, "Mike Leigh's Vera Drake is among the nominees for best British film.") == "Mike Leigh"
    bashir = "It aired after Martin Bashir's film Living with Michael Jackson."
    assert maker_of("Who made the documentary Living with Michael Jackson?", bashir) == "Martin Bashir"
    assert maker_of("Who played Vera Drake?", "Mike Leigh's Vera Drake is among the nominees.") is None  # no making


def test_what_the_one_named_did_it_to_is_the_thing_without_where_or_when() -> None:
    baran = (
        "Paul Baran developed the concept Distributed Adaptive Message Block Switching with the goal to provide a "
        "fault-tolerant network."
    )
    found = done_by_the_named("What did Paul Baran develop?", baran)
    assert found is not None and found.text == "the concept Distributed Adaptive Message Block Switching"
    proposed = "Alec Shelbrooke proposed the payments of benefits and tax credits on a Welfare Cash Card."
    assert done_by_the_named("What did Alec Shelbrooke propose payments of benefits to be made on?", proposed) is None
