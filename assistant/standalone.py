"""Follow-up questions made standalone without an LLM: pronouns take the previous turn's entities.

"Who is the NATO chief?" answered "Mark Rutte", then "What did he say about Russia?" is retrieved as "What did Mark
Rutte say about Russia?". A follow-up that names nothing ("And why?", "What about Macron?") borrows the previous
question's words, so retrieval stays on the same story. Questions that stand on their own are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.nlp import nlp

_PERSON_PRONOUNS = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_THING_PRONOUNS = re.compile(r"\b(they|them|their|it|its)\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"^\s*(and|what about|how about|and what about|also|why|why not|how so)\b", re.IGNORECASE)
_ELLIPSIS_WORDS = 5  # "What about Macron?" is a follow-up; a longer question usually stands alone
_MARKER = re.compile(r"\s*\[\d+\]")
_PERSON = ("PERSON",)
_THING = ("ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")


def _previous_names(turn: tuple[str, str]) -> list[tuple[str, str]]:
    """(name, label) entities of one earlier turn: the answer's first line (its short answer) first, then the
    question's, then the rest of the answer's."""
    question, answer = turn
    first_line, _, rest = _MARKER.sub("", answer).partition("\n")
    return [(e.text, e.label_) for text in (first_line, question, rest) for e in nlp()(text).ents]


def _replace_pronouns(question: str, pattern: re.Pattern[str], name: str) -> str:
    def swap(match: re.Match[str]) -> str:
        return f"{name}'s" if match.group().lower() in ("his", "hers", "their", "its") else name

    return pattern.sub(swap, question)


def standalone_question(question: str, history: Sequence[tuple[str, str]] | None) -> str:
    """``question`` rewritten to stand on its own, using the most recent earlier (question, answer) turn."""
    if not history:
        return question
    turn = history[-1]
    rewritten = question
    if _PERSON_PRONOUNS.search(rewritten) or _THING_PRONOUNS.search(rewritten):
        previous = _previous_names(turn)
        for pattern, labels in ((_PERSON_PRONOUNS, _PERSON), (_THING_PRONOUNS, _THING)):
            names = [name for name, label in previous if label in labels]
            if names and pattern.search(rewritten):
                rewritten = _replace_pronouns(rewritten, pattern, names[0])
    if _PERSON_PRONOUNS.search(rewritten) or _THING_PRONOUNS.search(rewritten):
        return _carry_context(rewritten, turn[0])
    if _ELLIPSIS.search(question) and len(question.split()) <= _ELLIPSIS_WORDS:
        return _substitute(question, turn[0])
    return rewritten


def _substitute(question: str, previous_question: str) -> str:
    """'What about Macron?' after 'What did Starmer promise?' → 'What did Macron promise?'; else carry context."""
    named = [e for e in nlp()(question).ents if e.label_ not in ("CARDINAL", "ORDINAL")]
    previous = [e for e in nlp()(previous_question).ents if e.label_ not in ("CARDINAL", "ORDINAL")]
    if named and previous:
        first = previous[0]
        return previous_question[: first.start_char] + named[0].text + previous_question[first.end_char :]
    return _carry_context(question, previous_question)


def _carry_context(question: str, previous_question: str) -> str:
    """The question followed by the previous question's content words it lacks (query expansion)."""
    have = {w.lower() for w in re.findall(r"\w+", question)}
    carried = [w for w in re.findall(r"\w+", previous_question) if w.lower() not in have and not _is_stop(w)]
    return f"{question} ({' '.join(dict.fromkeys(carried))})" if carried else question


def _is_stop(word: str) -> bool:
    return nlp().vocab[word.lower()].is_stop
