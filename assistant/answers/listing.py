"""A list: the names of the kind asked for that the evidence gives ("Which leaders are mentioned?"), each cited to a
sentence naming it, then those sentences quoted. A list question whose sentences name nothing of the kind ("What
countries use a red A for pharmacies?") may be answered in words: as a fact."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.answers.fact import fact_from
from assistant.answers.role import role_fillers
from assistant.answers.short_answer import verb_stem_of
from assistant.evidence.decision import Decision
from assistant.evidence.names import Named
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """ "Ukraine [1], US [2], UK [3], Russia [3]", then the cited sentences; a fact where no names were found. Asked
    who was done something to ("Which companies did Yukos sue?"), the names in that role where a sentence gives
    them, not every name of the kind ("Yuganskneftegas", whose sale it sued over); asked who did something, the
    names the reader's phrase holds where it holds several ("Sony, IBM and Toshiba", not Intel of the next sentence).
    """
    named = _in_role(question.text, decision) or _read_whole(question, decision) or decision.names
    named = _said_with_the_verb(question.text, decision, named)
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


def _read_whole(question: Question, decision: Decision) -> tuple[Named, ...]:
    """Asked who or what did something ("Which companies developed the Cell processor?"), the names in the reader's
    phrase of the best sentence where it holds two or more and all that sentence names ("Sony, IBM and Toshiba"):
    that sentence gives the list whole. Empty for a question asking what is there ("Which countries are
    mentioned?", "Which teams are in…?"), which other sentences add to, and where the sentence names more than the
    phrase holds (the reader may have read the wrong part of it: SQuAD's held-out "Which countries use the green
    Greek cross…?" took the red A's "Germany, Austria" without that)."""
    top = decision.evidence[0] if decision.evidence else None
    if top is None or top.answer is None or not question.shape.topic or _ASKS_WHAT_IS.match(question.text):
        return ()
    read = top.text[slice(*top.answer)]
    own = [n for n in decision.names if n.sentence == 0]
    inside = tuple(n for n in own if n.name in read)
    return inside if len(inside) > 1 and len(inside) == len(own) else ()


def _said_with_the_verb(question: str, decision: Decision, named: Sequence[Named]) -> Sequence[Named]:
    """The names of the sentences that say the question's verb, where the best says it and names two or more ("Which
    keepers have Arsenal been linked with?" of "Arsenal have been linked with … Mark Schwarzer, Fulham's Edwin van der
    Sar…", not the keepers of the next sentences, who play for Arsenal); all of them otherwise."""
    verb = verb_stem_of(question)
    if verb is None:
        return named
    saying = {i for i, e in enumerate(decision.evidence) if re.search(rf"\b{re.escape(verb)}", e.text.lower())}
    if 0 not in saying or sum(n.sentence == 0 for n in named) < 2:
        return named
    return tuple(n for n in named if n.sentence in saying)


_ASKS_WHAT_IS = re.compile(r"^\s*(?:which|what)\s+(?:\w+\s+){1,3}?(?:is|are|was|were|mentioned|named|listed)\b", re.I)
