"""A conversation's history checked and trimmed, and the articles it is about (unit: no model, no store)."""

from __future__ import annotations

import pytest

from assistant import Answer, Citation
from assistant.question.conversation import MAX_TURN_CHARS, MAX_TURNS, HistoryError, conversation_of, focus_of
from index.bm25 import LexicalIndex


def _answer(question: str, articles: list[str], standalone: str | None = None) -> Answer:
    citations = [
        Citation(n=n, article_id=a, title="t", sentence="s.", start=0, end=2, score=1.0)
        for n, a in enumerate(articles, 1)
    ]
    return Answer(question=question, text="x [1]", citations=citations, standalone_question=standalone)


def test_answers_give_their_questions_as_understood_and_the_articles_they_cited() -> None:
    conversation = conversation_of([_answer("What did he say?", ["a", "b", "a"], "What did Peskov say?")])
    (turn,) = conversation.turns
    assert (turn.question, turn.articles) == ("What did Peskov say?", ("a", "b"))
    assert conversation.pairs == [("What did Peskov say?", "x [1]")] and conversation.notice is None


def test_pairs_are_taken_as_they_are_and_empty_turns_skipped() -> None:
    conversation = conversation_of([("Who?", "Mark Rutte"), ("", "  "), ["What  did he say?", "no veto"]])
    assert conversation.pairs == [("Who?", "Mark Rutte"), ("What did he say?", "no veto")]


@pytest.mark.parametrize(
    ("history", "says"),
    [
        ("Who is the NATO chief?", "not str"),
        ({"question": "Who?"}, "not dict"),
        ([("Who?",)], "history item 1 is tuple"),
        ([("Who?", "Rutte"), ("What?", 3)], "history item 2 is tuple"),
        ([None], "history item 1 is NoneType"),
    ],
)
def test_history_of_the_wrong_type_is_refused_by_item(history: object, says: str) -> None:
    with pytest.raises(HistoryError, match=says):
        conversation_of(history)  # type: ignore[arg-type]


def test_a_long_conversation_keeps_its_last_turns_and_says_so() -> None:
    conversation = conversation_of([(f"Question {n}?", f"answer {n}") for n in range(200)])
    assert len(conversation.turns) == MAX_TURNS and conversation.turns[-1].question == "Question 199?"
    assert f"last {MAX_TURNS} of the conversation's 200" in conversation.notice


def test_an_enormous_turn_is_cut_and_says_so() -> None:
    conversation = conversation_of([("Who?" + "x" * 50_000, "y" * 50_000)])
    (turn,) = conversation.turns
    assert len(turn.question) == len(turn.answer) == MAX_TURN_CHARS
    assert "cut" in conversation.notice


def test_the_focus_is_the_articles_cited_the_latest_turn_weighing_most() -> None:
    history = [_answer("q1", ["old"]), _answer("q2", ["a"]), _answer("q3", ["b", "a"])]
    assert focus_of(conversation_of(history), LexicalIndex([])) == {"b": 1.0, "a": 1.0}
    history = [_answer("q1", ["old"]), _answer("q2", ["a"]), _answer("q3", ["b"])]
    assert focus_of(conversation_of(history), LexicalIndex([])) == {"b": 1.0, "a": 0.5}  # "old": two turns back


def test_turns_given_as_text_focus_on_the_articles_sharing_their_words() -> None:
    articles = LexicalIndex(
        ["harbour", "orchard", "summit"],
        [
            "The harbour reopened after the storm; ferries sailed again.",
            "The orchard harvest began early in the valley.",
            "Leaders met at the summit to discuss troops.",
        ],
    )
    focus = focus_of(conversation_of([("When did the ferries sail?", "after the storm")]), articles)
    assert max(focus, key=focus.get) == "harbour" and focus["harbour"] == 1.0
    assert "orchard" not in focus
    assert focus_of(conversation_of([("Why?", "yes")]), articles) == {}  # nothing to go on
