"""An overview ("Tell me about X"): several relevant sentences, the evidence's first, with no short answer picked
from one of them."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The evidence, then the next best-ranked relevant sentences, up to ``overview_sentences``."""
    limits = context.limits
    chosen = list(decision.evidence)
    seen = {e.sentence_id for e in chosen}
    more = [r for r in ranked[: limits.overview_sentences] if r.id not in seen and r.score >= limits.min_relevance]
    chosen += context.selector.sentences(more)
    citations = citations_for(chosen[: limits.overview_sentences])
    return Answer(question=question.text, text=cited_text(citations), citations=citations, kind="overview")
