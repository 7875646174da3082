"""Follow-ups end to end: they stay on the story the conversation is about, leave it when the question names
another, and bad history is refused or trimmed, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.question.conversation import HistoryError
from tests.support import SEEDS, write

ELECTION = (
    "Voters in the coastal province went to the polls on Sunday in a closely watched election.\n"
    "The governor said he was confident of a second term, citing new roads and a reopened harbour.\n"
    "His challenger promised to cut ferry fares and to build a hospital in the capital.\n"
    "Turnout was 64 percent, the highest in two decades, the electoral commission said.\n"
)


@pytest.fixture
def two_stories(empty_assistant: Assistant, tmp_path: Path) -> Assistant:
    empty_assistant.ingest([SEEDS / "kremlin-foreign-troops.txt", write(tmp_path / "election.txt", ELECTION)])
    return empty_assistant


def test_what_did_he_say_is_about_the_spokesperson_and_cites_his_quote(two_stories: Assistant) -> None:
    first = two_stories.ask("Who is the Kremlin spokesperson?")
    assert first.short_answer == "Dmitry Peskov"
    follow = two_stories.ask("What did he say?", history=[first])
    assert "Peskov" in follow.standalone_question
    assert "Definitely not, they cannot" in follow.citations[0].sentence


def test_he_is_never_resolved_to_a_place(two_stories: Assistant) -> None:
    first = two_stories.ask("who rejected foreign troops?")
    follow = two_stories.ask("What did he say about European forces?", history=[first])
    assert "Kyiv" not in (follow.standalone_question or "")
    assert not follow.abstained and follow.citations[0].article_id == first.citations[0].article_id


def test_a_vague_follow_up_stays_on_the_story_being_discussed(two_stories: Assistant) -> None:
    first = two_stories.ask("Who said he was confident of a second term?")
    assert "governor" in first.citations[0].sentence
    follow = two_stories.ask("What did the other one promise?", history=[first])
    assert follow.citations[0].sentence.startswith("His challenger promised")


def test_a_question_naming_another_story_leaves_the_conversation(two_stories: Assistant) -> None:
    first = two_stories.ask("Who is the Kremlin spokesperson?")
    question = "What was the turnout in the coastal province election?"
    moved = two_stories.ask(question, history=[first])
    alone = two_stories.ask(question)
    assert "election" in moved.citations[0].sentence or "Turnout" in moved.citations[0].sentence
    assert [c.sentence for c in moved.citations] == [c.sentence for c in alone.citations]


def test_history_as_text_pairs_works_too(two_stories: Assistant) -> None:
    follow = two_stories.ask("What did he say?", history=[("Who is the Kremlin spokesperson?", "Dmitry Peskov")])
    assert "Definitely not, they cannot" in follow.citations[0].sentence


def test_bad_history_is_refused_or_trimmed_with_a_notice(two_stories: Assistant) -> None:
    with pytest.raises(HistoryError, match="history item 2"):
        two_stories.ask("What did he say?", history=[("Who?", "Peskov"), 42])
    long = two_stories.ask("Who rejected foreign troops?", history=[(f"q{n}", f"a{n}") for n in range(200)])
    assert "Kremlin" in long.short_answer and "last 20" in long.notice
    huge = two_stories.ask("Who rejected foreign troops?", history=[("Who?" * 5000, "x" * 100_000), ("", "")])
    assert "Kremlin" in huge.short_answer and "cut" in huge.notice


def test_summarize_the_article_in_a_conversation_is_the_article_being_discussed(two_stories: Assistant) -> None:
    first = two_stories.ask("Who is the Kremlin spokesperson?")
    summary = two_stories.ask("Summarize the article", history=[first])
    assert summary.kind == "summary" and "most recently added" not in summary.text
    assert summary.citations[0].sentence.startswith("The Kremlin has dismissed proposals")
    assert "most recently added" in two_stories.ask("Summarize the article").text  # alone: a guess, and it says so
