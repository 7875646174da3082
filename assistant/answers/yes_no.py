"""A yes-or-no question: the sentences it turns on, without a yes or a no. No rule or model here tells them apart
well enough (docs/evaluation.md), so the reader judges from the cited sentences."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers import messages
from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """What the articles say, introduced as not a yes or a no."""
    citations = citations_for(decision.evidence)
    text = f"{messages.YES_OR_NO}\n\n{cited_text(citations)}"
    return Answer(question=question.text, text=text, citations=citations, kind="yes_no")
