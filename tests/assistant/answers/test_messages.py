"""What the assistant says when it does not answer (unit): each reason in words, the closest sentences shown as
related and never cited, and the answer's shape kept."""

from __future__ import annotations

import pytest

from assistant.answers import messages
from assistant.evidence.answerability import Answerability
from assistant.evidence.decision import Decision
from assistant.question.period import Period
from assistant.question.read import Question
from assistant.question.shape import shape_of
from index.store import StoredArticle
from tests.assistant.fakes import evidence

MACRON = "French President Emmanuel Macron announced that 26 Western allies had committed troops."


def _question(text: str, period: Period | None = None) -> Question:
    return Question(text, text, shape_of(text), period=period)


def test_a_question_not_answered_says_which_of_its_names_the_closest_sentences_lack() -> None:
    closest = (evidence(MACRON),)
    answer = messages.refusal(
        _question("How many troops will the allies send?"), Decision(closest, False, "not_answered", related=closest)
    )
    assert answer.abstained and answer.citations == [] and answer.short_answer is None and answer.kind == "fact"
    assert answer.text == messages.NOT_FOUND + messages.CLOSEST
    assert [r.sentence for r in answer.related] == [MACRON] and not hasattr(answer.related[0], "n")
    assert "[1]" not in answer.text
    lacking = Answerability(probability=0.9, likely=True, missing=("Germany", "Poland"))
    both = messages.refusal(
        _question("How many troops will Germany and Poland send?"),
        Decision(closest, False, "not_answered", lacking, related=closest),
        not_found="Not said.",
    )
    assert both.text == (
        "Not said. The closest sentences don't mention Germany or Poland; they are shown as related, not as an answer."
    )
    nothing = messages.refusal(_question("How many troops will Germany send?"), Decision((), False, "not_answered"))
    assert nothing.related == [] and nothing.text == messages.NOT_FOUND  # nothing found: nothing claimed of Germany


@pytest.mark.parametrize(
    ("question", "decision", "says", "kind"),
    [
        ("Summarise the article", Decision((), False, "no_articles"), messages.NO_ARTICLES, "summary"),
        ("Any news on Kyiv?", Decision((), False, "not_about"), messages.NOT_ABOUT, "news"),
        ("Which countries are mentioned?", Decision((), False, "no_names"), "name no countries;", "list"),
        ("Which people are mentioned?", Decision((), False, "no_names"), "name no people;", "list"),
        (
            "Who wrote the article?",
            Decision((), False, "unrecorded", article=StoredArticle("a", title="Harbour reopens")),
            "The articles don't say who wrote “Harbour reopens”.",
            "article",
        ),
    ],
)
def test_each_reason_is_said_in_words_in_the_questions_shape(
    question: str, decision: Decision, says: str, kind: str
) -> None:
    answer = messages.refusal(_question(question), decision)
    assert answer.abstained and says in answer.text and answer.kind == kind


def test_no_article_in_the_period_names_the_period() -> None:
    answer = messages.refusal(
        _question("Summarise the article", Period(since="2025-09-01")), Decision((), False, "none_in_period")
    )
    assert answer.text == "The articles don't say: none was published since 2025-09-01."


def test_what_the_articles_say_is_not_known_yet_is_said_so_with_that_sentence_as_related() -> None:
    unknown = (evidence("The Tories plan tax cuts, although the specific taxes to be cut have not been announced."),)
    answer = messages.refusal(
        _question("Which taxes would the Tories cut?"), Decision(unknown, False, "not_known", related=unknown)
    )
    assert answer.abstained and answer.text == messages.NOT_KNOWN and answer.citations == []
    assert [r.sentence for r in answer.related] == [unknown[0].text]
