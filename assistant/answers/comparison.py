"""A comparison ("How did France's economy compare with Germany's?", "Which costs more, the PSP or the DS?"): a
sentence cited for each side, and where no sentence speaks of a side, the answer says so; a comparison asked as a
yes-or-no question gets the reader's yes or no when it is sure enough."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers import messages, yes_no
from assistant.answers.citations import cited_text
from assistant.answers.context import AnswerContext
from assistant.answers.fact import fact_from
from assistant.evidence.decision import Decision
from assistant.question.names import mentions
from assistant.question.nlp import nlp
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The sentences on both sides, quoted, after the short answer (the reader's phrase when it can say how the sides
    compare, or for a comparison asked as a yes-or-no question the reader's verdict when it is sure enough); the
    sides the articles don't speak of, said."""
    fact = fact_from(question.text, decision.evidence, context.limits.min_reading)
    phrase = fact.short_answer if fact.short_answer and _compares(fact.short_answer, question.shape.sides) else None
    short = yes_no.verdict(decision, context.limits.min_verdict) if question.shape.yes_no else phrase
    marked = f"{short} {yes_no.markers(decision, short, len(fact.citations))}" if short else None
    parts = [marked] if marked else [messages.YES_OR_NO] if question.shape.yes_no else []
    parts.append(cited_text(fact.citations))
    if decision.uncovered:
        parts.append(messages.SIDES_UNCOVERED.format(sides=messages.either(list(decision.uncovered))))
    return fact.model_copy(update={"text": "\n\n".join(parts), "short_answer": short, "kind": "comparison"})


_COMPARING = frozenset({"JJR", "JJS", "RBR", "RBS"})  # "better", "cheapest", "more", "most"


def _compares(phrase: str, sides: Sequence[str]) -> bool:
    """Whether the reader's phrase can say how the sides compare: a value ("19,800 yen", "down from $133m"), a word
    that describes ("better", "very low tuition fees") or one of the sides ("the PSP"); a thing named in the sentence
    ("victory", "Labour") is not bolded as the answer."""
    if re.search(r"\d", phrase) or any(mentions([phrase], side) for side in sides):
        return True
    tagged = nlp()(phrase, disable=["ner", "parser", "lemmatizer"])
    return any(t.tag_ in _COMPARING or t.pos_ == "ADJ" and t.text[:1].islower() for t in tagged)  # not "Labour"
