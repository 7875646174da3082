"""Reading a question (unit, on fakes): checked, its period parsed, a follow-up made standalone by a rewriter or by
rule, the conversation's articles in focus, its shape and its wish for the latest."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assistant import Answer, Citation
from assistant.question.read import QuestionError, QuestionReader
from assistant.timing import StageClock
from tests.assistant.fakes import COUNCIL, FERRY, FakeLexical, FakeStore


@pytest.fixture
def reader() -> QuestionReader:
    return QuestionReader(FakeLexical(FakeStore({"ferry": FERRY, "council": COUNCIL})), max_chars=200)


class Rewriter:
    def __init__(self, reply: str | None, fails: bool = False) -> None:
        self.reply, self.fails, self.asked = reply, fails, []

    def rewrite(self, question: str, history: Sequence[tuple[str, str]]) -> str | None:
        self.asked.append((question, list(history)))
        if self.fails:
            raise ConnectionError("no model")
        return self.reply


def test_a_question_is_read_for_its_shape_period_and_latest(reader: QuestionReader) -> None:
    clock = StageClock()
    asked = reader.read("  What is the latest   on the ferry? ", since="2025-09-01", clock=clock)
    assert asked.asked == asked.text == "What is the latest on the ferry?" and asked.rewritten is None
    assert asked.shape.kind == "news" and asked.latest
    assert asked.period is not None and asked.period.since == "2025-09-01" and asked.period.until is None
    assert asked.focus == {} and asked.notice is None
    assert {"rewrite", "shape"} <= set(clock.timings)


@pytest.mark.parametrize(
    ("question", "since", "until", "says"),
    [
        ("", None, None, "empty"),
        ("x" * 201, None, None, "201 characters long; ask in at most 200"),
        ("When?", "yesterday-ish", None, "is not a date"),
        ("When?", "2025-09-30", "2025-09-01", "swap them"),
    ],
)
def test_a_question_that_cannot_be_asked_says_why(
    reader: QuestionReader, question: str, since: str | None, until: str | None, says: str
) -> None:
    with pytest.raises(QuestionError, match=says):
        reader.read(question, since=since, until=until)


def test_a_follow_up_is_made_standalone_by_rule_and_keeps_to_the_articles_cited(reader: QuestionReader) -> None:
    earlier = Answer(
        question="Who said work starts in spring?",
        text="Ada Brook [1]",
        citations=[Citation(n=1, article_id="council", title="t", sentence="s", start=0, end=1, score=2.0)],
    )
    asked = reader.read("What did she say?", history=[earlier])
    assert asked.text == "What did Ada Brook say?" and asked.rewritten == asked.text and asked.asked != asked.text
    assert asked.focus == {"council": 1.0}


def test_a_rewriter_is_asked_first_and_the_rules_take_over_when_it_fails(reader: QuestionReader) -> None:
    history = [("Who said work starts in spring?", "Ada Brook")]
    model = Rewriter("What did Councillor Ada Brook say about the bridge?")
    reader.rewriter = model
    assert reader.read("What did she say?", history=history).text == model.reply
    assert model.asked == [("What did she say?", history)]
    reader.rewriter = Rewriter(None, fails=True)
    assert reader.read("What did she say?", history=history).text == "What did Ada Brook say?"
    reader.rewriter = Rewriter(None)  # nothing usable
    assert reader.read("What did she say?", history=history).text == "What did Ada Brook say?"


def test_turns_given_as_text_put_the_articles_matching_their_words_in_focus(reader: QuestionReader) -> None:
    asked = reader.read("And how many cars?", history=[("What did the Lindholm ferry carry?", "41 cars")])
    assert max(asked.focus, key=asked.focus.get) == "ferry"


def test_a_follow_up_takes_no_name_from_a_short_answer_the_assistant_was_unsure_of(reader: QuestionReader) -> None:
    said = "Sergio Marchionne has replaced Herbert Demel as chief executive of Fiat Auto."
    citation = Citation(n=1, article_id="ferry", title="t", sentence=said, start=0, end=len(said), score=2.0)
    earlier = Answer(
        question="Who is the chief executive of Fiat?", text=f"Herbert Demel [1]\n\n{said} [1]", citations=[citation]
    )
    unsure = reader.read("What did he say about the deal?", history=[earlier.model_copy(update={"confidence": 0.2})])
    assert unsure.text == "What did Sergio Marchionne say about the deal?"  # the cited sentence's first name
    sure = reader.read("What did he say about the deal?", history=[earlier.model_copy(update={"confidence": 0.9})])
    assert sure.text == "What did Herbert Demel say about the deal?"  # the short answer it was sure of
