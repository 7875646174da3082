"""Follow-up questions without an LLM: pronouns and ellipsis resolved from the previous turn, then retrieved."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.question.standalone import standalone_question, without_carried

KREMLIN_TURN = (
    "who rejected foreign troops?",
    "The Kremlin [1]\n\nThe Kremlin has dismissed proposals for foreign troops to be stationed in Ukraine as part of "
    "post-war security guarantees, warning that European and American forces could never provide Kyiv’s "
    "protection. [1]",
)
NATO_TURN = ("Who is the NATO chief?", "Mark Rutte [1]\n\nNATO chief Mark Rutte said Russia had “no veto” [1]")


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        ("What did he say about Russia?", [NATO_TURN], "What did Mark Rutte say about Russia?"),
        ("What was his warning?", [NATO_TURN], "What was Mark Rutte's warning?"),
        (
            "Where did he meet Trump?",
            [("Who rejected a temporary ceasefire?", "Putin [1]\n\nPutin, while claiming … [1]")],
            "Where did Putin meet Trump?",
        ),
        (
            "What about Macron?",
            [("What did Keir Starmer call the commitment?", "unbreakable pledge [1]\n\n…")],
            "What did Macron call the commitment?",
        ),
        (  # "And X?": the same question of another name
            "And the Tories?",
            [("What did Labour promise on tax?", "no rise [1]\n\n…")],
            "What did Tories promise on tax?",
        ),
        ("What did he say about Russia?", [], "What did he say about Russia?"),
        ("What did they say?", [KREMLIN_TURN], "What did Kremlin say?"),  # they: an organisation
        (
            "What did he say?",
            [("Who is the Kremlin spokesperson?", "Dmitry Peskov [1]\n\n…")],
            "What did Dmitry Peskov say?",
        ),
        (  # asked who, a full name answers: a person, though spaCy's small model takes it for an organisation's
            "Which club does he play for?",
            [("Who got his first call-up?", "Jean-Philippe Granclaude [1]\n\nPerpignan centre Jean-Philippe …")],
            "Which club does Jean-Philippe Granclaude play for?",
        ),
        (  # the name two turns back, when the last turn has none
            "Where did he meet Trump?",
            [("Who rejected a temporary ceasefire?", "Putin [1]\n\n…"), ("Was it temporary?", "yes")],
            "Where did Putin meet Trump?",
        ),
        ("Who rejected foreign troops?", [NATO_TURN], "Who rejected foreign troops?"),
        (  # asked what it is called, the name answering is "it" next, though spaCy takes it for a person's
            "Who directed it?",
            [
                (
                    "What is the George Michael documentary called?",
                    "A Different Story [1]\n\nA documentary about George Michael, A Different Story will be screened "
                    "at the Berlin Film Festival. [1]",
                )
            ],
            "Who directed A Different Story?",
        ),
        (  # asked who someone is, "he" is them next, not a name in what they are
            "Which viruses was he behind?",
            [("Who is Sven Jaschen?", "the Netsky and Sasser virus families [1]\n\nGerman teenager Sven Jaschen…")],
            "Which viruses was Sven Jaschen behind?",
        ),
        (  # a name the entity recogniser misses in the earlier question is still "its" next
            "Who is its spokesman?",
            [("Did Ladbrokes stop taking bets?", "The articles don't say yes or no…\n\nCelebrity Big Brother…")],
            "Who is Ladbrokes's spokesman?",
        ),
        (  # nor "they": the students who used it, not the name
            "Are there other drugs they use?",
            [("What percent of students have used Aderall?", "30% [1]")],
            "Are there other drugs they use? (percent students Aderall)",
        ),
        (  # an "it" before an adjective and what it is said of stands for nothing said before
            "Is it hard to get Adderall without a prescription?",
            [("What does Adderall treat?", "attention deficit hyperactivity disorder [1]")],
            "Is it hard to get Adderall without a prescription? (treat)",
        ),
        (
            "Was it built to last?",
            [("What is the Forth Bridge?", "a bridge [1]")],
            "Was the Forth Bridge built to last?",
        ),
        # a name asked about in the possessive is the name alone in the next question
        (
            "Where did he work before?",
            [("What is Sandy Walkington's job title?", "director of general election communications [1]")],
            "Where did Sandy Walkington work before?",
        ),
    ],
)
def test_standalone_question(question: str, history: list[tuple[str, str]], expected: str) -> None:
    assert standalone_question(question, history) == expected


def test_he_is_never_a_place() -> None:
    """spaCy's small model labels "Kyiv's protection" a person's: "he" must not become Kyiv."""
    rewritten = standalone_question("What did he say about European forces?", [KREMLIN_TURN])
    assert "Kyiv" not in rewritten and rewritten.startswith("What did he say about European forces?")


@pytest.mark.parametrize("question", ["Where?", "When?", "For how many years?", "By who?"])
def test_a_question_with_barely_a_word_of_its_own_takes_the_previous_ones(question: str) -> None:
    rewritten = standalone_question(question, [("How often was the telethon held?", "annual")])
    assert rewritten.startswith(question) and "telethon" in rewritten


def test_ellipsis_without_a_name_carries_the_previous_words() -> None:
    rewritten = standalone_question("And why?", [("Who rejected foreign troops?", "The Kremlin [1]\n\n…")])
    assert rewritten.startswith("And why?")
    assert {"rejected", "foreign", "troops"} <= set(rewritten.strip("()?").replace("(", " ").split())


def test_follow_up_is_retrieved_from_the_right_sentence(seed_assistant: Assistant) -> None:
    first = seed_assistant.ask("Who is the NATO chief?")
    assert "Rutte" in (first.short_answer or "")
    follow = seed_assistant.ask("What did he say about Russia?", history=[(first.question, first.text)])
    assert follow.question == "What did he say about Russia?"
    assert follow.standalone_question is not None and "Rutte" in follow.standalone_question
    assert "Mark Rutte said Russia had “no veto”" in follow.citations[0].sentence
    alone = seed_assistant.ask("What did he say about Russia?")
    assert alone.standalone_question is None


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        ("What did the chief say?", [NATO_TURN], "What did Mark Rutte say?"),
        (
            "What did the president announce?",
            [("Who announced it?", "Emmanuel Macron [1]\n\nFrench President Emmanuel Macron announced a pledge. [1]")],
            "What did Emmanuel Macron announce?",
        ),
        (
            "Where is the company based?",
            [("Who makes the phone?", "Apple [1]\n\nApple said sales of the phone rose. [1]")],
            "Where is Apple based?",
        ),
        ("What did the Kremlin say?", [NATO_TURN], "What did the Kremlin say?"),  # a name, not a description
    ],
)
def test_the_president_and_the_company_are_the_earlier_names_they_stand_for(
    question: str, history: list[tuple[str, str]], expected: str
) -> None:
    assert standalone_question(question, history) == expected


@pytest.mark.parametrize(
    ("previous", "follow_up", "standalone"),
    [
        ("What is the BDO optimism index?", "What was it in January?", "What was the BDO optimism index in January?"),
        ("How much does the Apple iPod cost?", "When was it launched?", "When was the Apple iPod launched?"),
        ("Why did Fiat sue GM?", "What did it say?", "What did Fiat say?"),  # the name stands alone there
    ],
)
def test_it_takes_the_thing_a_name_describes_in_the_previous_question(
    previous: str, follow_up: str, standalone: str
) -> None:
    assert standalone_question(follow_up, [(previous, "An answer [1]")]) == standalone


@pytest.mark.parametrize(
    ("text", "asked"),
    [("Could it fire? (weapon found)", "Could it fire?"), ("Was Steyn broken?", "Was Steyn broken?"),
     ("Did the (old) rifle fire?", "Did the (old) rifle fire?")],
)  # fmt: skip
def test_the_words_a_follow_up_carries_come_off_as_asked(text: str, asked: str) -> None:
    assert without_carried(text) == asked


def test_he_of_a_question_naming_the_earlier_answer_is_someone_else() -> None:
    turns = [
        (
            "Who defended the courts?",
            "Lleyton Hewitt [1]\n\nThe official defended the courts after criticism by Lleyton Hewitt. [1]",
        )
    ]
    assert "Lleyton Hewitt say" not in standalone_question("What did he say about Hewitt's performances?", turns)
    assert (
        standalone_question("What did he say about the courts?", turns)
        == "What did Lleyton Hewitt say about the courts?"
    )
    assert standalone_question("What did his coach say?", turns) == "What did Lleyton Hewitt's coach say?"  # may be his
