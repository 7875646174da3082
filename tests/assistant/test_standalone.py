"""Follow-up questions without an LLM: pronouns and ellipsis resolved from the previous turn, then retrieved."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.standalone import standalone_question

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
        ("What did he say about Russia?", [], "What did he say about Russia?"),
        ("Who rejected foreign troops?", [NATO_TURN], "Who rejected foreign troops?"),
    ],
)
def test_standalone_question(question: str, history: list[tuple[str, str]], expected: str) -> None:
    assert standalone_question(question, history) == expected


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
