"""A list: the names of the kind asked for that the evidence gives ("Which leaders are mentioned?"), each cited to a
sentence naming it, then those sentences quoted. A list question whose sentences name nothing of the kind ("What
countries use a red A for pharmacies?") may be answered in words: as a fact."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.answers.fact import fact_from
from assistant.answers.role import role_fillers
from assistant.evidence.decision import Decision
from assistant.evidence.names import Named
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """ "Ukraine [1], US [2], UK [3], Russia [3]", then the cited sentences; a fact where no names were found. Asked
    who was done something to ("Which companies did Yukos sue?"), the names in that role where a sentence gives
    them, not every name of the kind ("Yuganskneftegas", whose sale it sued over)."""
    named = _in_role(question.text, decision) or decision.names
    if not named:
        return fact_from(question.text, decision.evidence, context.limits.min_reading)
    cited = sorted({n.sentence for n in named})
    citations = citations_for([decision.evidence[i] for i in cited])
    number = {position: c.n for position, c in zip(cited, citations, strict=True)}
    items = ", ".join(f"{n.name} [{number[n.sentence]}]" for n in named)
    return Answer(
        question=question.text,
        text=f"{items}\n\n{cited_text(citations)}",
        short_answer=", ".join(n.name for n in named),
        citations=citations,
        kind="list",
    )


def _in_role(question: str, decision: Decision) -> tuple[Named, ...]:
    """The names the evidence gives the role the question asks about, each with the first sentence giving it."""
    found: dict[str, Named] = {}
    for position, e in enumerate(decision.evidence):
        for name in role_fillers(question, e.text):
            found.setdefault(name, Named(name, "", position))  # no entity label: found by its role, not its kind
    return tuple(found.values())
