"""A yes-or-no question: "Yes" or "No" when a sentence of the evidence says so in the question's words (or a reader,
reading the candidates together, finds one likely enough), cited to the sentence it turns on; otherwise the
sentences it turns on, said to be no yes or no."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers import messages
from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer

_SAID = {"yes": "Yes", "no": "No"}


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """ "Yes [1]" or "No [1]" then the sentences quoted, the deciding one first (a language model's verdict: "Yes
    [1][2][3]", the passage it read); or what the articles say, introduced as not a yes or a no."""
    citations = citations_for(decision.evidence)
    said = verdict(decision, context.limits.min_verdict)
    if said is None:
        text = f"{messages.YES_OR_NO}\n\n{cited_text(citations)}"
        return Answer(question=question.text, text=text, citations=citations, kind="yes_no")
    text = f"{said} {markers(decision, said, len(citations))}\n\n{cited_text(citations)}"
    return Answer(question=question.text, text=text, short_answer=said, citations=citations, kind="yes_no")


def markers(decision: Decision, said: str, cited: int) -> str:
    """The citation markers of a verdict: "[1]", its deciding sentence; a language model's, "[1][2][3]", the passage
    it read (first among the ``cited``)."""
    cites = decision.verdict.cites if decision.verdict is not None and said == _SAID[decision.verdict.said] else 1
    return "".join(f"[{n}]" for n in range(1, min(cites, cited) + 1)) or "[1]"


def verdict(decision: Decision, min_verdict: float) -> str | None:
    """ "Yes" or "No" when the reader gives it at least ``min_verdict`` of its probability, else what the deciding
    sentence says in the question's words (``Decision.verdict``), else None."""
    kinds = decision.kinds or {}
    said = max(("yes", "no"), key=lambda kind: kinds.get(kind, 0.0))
    if kinds.get(said, 0.0) >= min_verdict:
        return _SAID[said]
    return _SAID[decision.verdict.said] if decision.verdict is not None else None
