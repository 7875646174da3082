"""The routing table: for each shape of answer, what its answer stands on (and so how the decision to answer is
made), the function that writes it, and whether a language model may write it instead.

A new shape is one file in this folder (its ``answer`` function), one row here, a rule in
``assistant/question/shape.py`` and a line in ``prompts/shapes.txt``; tests/assistant/answers/test_routes.py checks
that they agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.answers import (
    changes,
    comparison,
    definition,
    fact,
    listing,
    news,
    overview,
    reason,
    record,
    summary,
    timeline,
    yes_no,
)
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision, Source
from assistant.question.read import Question
from assistant.question.shape import Shape
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer, Kind

Writer = Callable[[Question, Decision, Sequence[ScoredSentence], AnswerContext], Answer]
# How a language model may write an answer of this shape: "draft" it from the evidence instead of the extractive
# answer (a fact), "reshape" the extractive answer from the sentences it cites, or not at all (None).
LLMUse = Literal["draft", "reshape"] | None


@dataclass(frozen=True)
class Route:
    """One shape's way through the assistant."""

    write: Writer
    source: Source
    source_without_topic: Source | None = None  # where a question of this shape naming no topic is answered from
    llm: LLMUse = "reshape"

    def source_for(self, shape: Shape) -> Source:
        """What an answer to a question of ``shape`` stands on."""
        return self.source_without_topic if self.source_without_topic and not shape.topic else self.source


ROUTES: dict[Kind, Route] = {
    "fact": Route(fact.answer, "claim", llm="draft"),
    "summary": Route(summary.answer, "article"),
    "news": Route(news.answer, "news"),
    "overview": Route(overview.answer, "passage"),
    "list": Route(listing.answer, "names", source_without_topic="article_names"),  # "Which people are mentioned?"
    "definition": Route(definition.answer, "passage"),
    "yes_no": Route(yes_no.answer, "passage", llm=None),  # the verdict (the model may give it: llm/verdict.py), quoted
    "article": Route(record.answer, "record", llm=None),
    "comparison": Route(comparison.answer, "sides"),
    "timeline": Route(timeline.answer, "story", source_without_topic="news", llm=None),  # dates and order as found
    "changes": Route(changes.answer, "changes", llm=None),
    "reason": Route(reason.answer, "claim"),  # the sentence saying why, which is often not the closest one
}


def llm_use(route: Route, answer: Answer) -> LLMUse:
    """How a language model may write ``answer``, found on ``route``: never an abstention, nor sources that differ; a
    fact is drafted anew; another shape is reshaped from the sentences it cites, unless the answer fell back to a fact
    ("What countries use a red A?" answered in words) or cites nothing."""
    if answer.abstained or route.llm is None or answer.disagreement is not None:
        return None  # sources that differ are told in their own words, both quoted
    if route.llm == "draft":
        return "draft"
    return "reshape" if ROUTES[answer.kind].llm == "reshape" and answer.citations else None
