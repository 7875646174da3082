"""A comparison ("How did France's economy compare with Germany's?", "Which costs more, the PSP or the DS?"): a
sentence cited for each side, and where no sentence speaks of a side, the answer says so; a comparison asked as a
yes-or-no question gets the reader's yes or no when it is sure enough."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers import messages, yes_no
from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The sentences on both sides, quoted; a verdict first if it was asked for and the reader gives one; the
    sides the articles don't speak of, said."""
    citations = citations_for(decision.evidence)
    parts = [cited_text(citations)]
    if decision.uncovered:
        parts.append(messages.SIDES_UNCOVERED.format(sides=messages.either(list(decision.uncovered))))
    verdict = yes_no.verdict(decision, context.limits.min_verdict)
    if verdict is not None:
        parts.insert(0, f"{verdict} [1]")
    return Answer(
        question=question.text, text="\n\n".join(parts), short_answer=verdict, citations=citations, kind="comparison"
    )
