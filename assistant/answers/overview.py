"""An overview ("Tell me about X"): several relevant sentences, the evidence's first, with no short answer picked
from one of them. Asked what someone says about something, the sentences naming that thing come first."""

from __future__ import annotations

import re
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
    about = _about(question.text)
    if about:  # "What does Gallas say about the Chelsea dressing-room?": "It is a changed dressing-room…" first
        chosen.sort(key=lambda e: -len(about & _stems(e.text)))
    citations = citations_for(chosen[: limits.overview_sentences])
    return Answer(question=question.text, text=cited_text(citations), citations=citations, kind="overview")


_SAYS_ABOUT = re.compile(
    r"\b(?:say|says|said|think|thinks|believe|believes|argue|argues|claim|claims)\s+(?:about|of|on)\s+(?P<about>.+)$",
    re.I,
)
_STEM = 5  # letters that say a word in any of its forms
_LITTLE = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "of", "and"})


def _about(question: str) -> set[str]:
    """The stems of what a "What does X say about Y?" question asks about (Y's words), or nothing."""
    found = _SAYS_ABOUT.search(question.rstrip(" ?"))
    return _stems(found["about"]) - {w[:_STEM] for w in _LITTLE} if found else set()


def _stems(text: str) -> set[str]:
    return {w[:_STEM] for w in re.findall(r"[a-z0-9]+", text.lower())}
