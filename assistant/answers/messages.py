"""Every text the assistant says instead of, or before, an answer: why the articles don't say, and notices.

A question the judge did not answer (``assistant.evidence.decision``) is answered here, and only here, with the
``Decision``'s reason in words and its closest sentences shown apart (never cited). The general "the articles don't
say" sentence is ``prompts/not_found.txt``, which the language model is told to use too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.answers.citations import quotes_for
from assistant.evidence.decision import Decision, Why
from assistant.question.read import Question
from assistant.types import Answer

NOT_FOUND = "The articles don't say: nothing in the indexed articles answers this question."  # not_found.txt's default
NO_ARTICLES = "There are no articles to answer from yet; add some first."
NOT_ABOUT = "The articles don't say: no article is about this."
CONDITIONAL = (
    "The articles don't say: they only say what would follow if it happened (shown as related, not as an answer)."
)
NO_AMOUNT = "The articles don't say: the closest sentences give no amount (shown as related, not as an answer)."
NO_AGE = "The articles don't say: the closest sentences give no age (shown as related, not as an answer)."
NOT_KNOWN = "The articles don't say: they say it is not known yet (shown as related, not as an answer)."
OTHER_YEAR = (
    "The articles don't say: the closest sentences speak of {years}, not the year asked about (shown as related, not "
    "as an answer)."
)
NONE_IN_PERIOD = "The articles don't say: none was published {period}."
NOTHING_SINCE = "Nothing new: no article about this was published since {since}."
UNDATED = "The articles don't say what is new: those about this give no dates."
NOTHING_CHANGED = "Nothing new: what the articles since {since} say about this, earlier ones had already said."
CLOSEST = " The closest sentences are shown as related, not as an answer."
CLOSEST_LACK = " The closest sentences don't mention {names}; they are shown as related, not as an answer."
NO_NAMES = "The closest sentences name no {what}; they are shown as related, not as an answer."
UNRECORDED = {
    "author": "The articles don't say who wrote “{title}”.",
    "date": "The articles don't say when “{title}” was published.",
    "title": "The articles don't say what the article is titled.",
    "source": "The articles don't say where “{title}” was published (it has no address).",
}
SIDES_UNCOVERED = "The articles don't say about {sides}."
# Said before an answer that is not quite what was asked.
YES_OR_NO = "The articles don't say yes or no in so many words, but here is what they say:"
NOT_DEFINED = "The articles don't say what {topic} is; they mention it here:"
GUESSED_SAYS = "The most recently added article, “{title}”, says:"
GUESSED_IS = "The most recently added article, “{title}”, is {said}"
EXPECTED = "The articles say this will, may or is hoped to happen, not that it has."
MODEL_VERDICT = "The yes or no is the language model's reading of the sentences cited with it."
# Notices beside an answer the language model was to write.
LLM_FAILED = "The language model failed ({error})."
LLM_FOUND_NOTHING = "The language model found no answer in the retrieved sentences."
LLM_UNSUPPORTED = "The language model's answer was not supported by its sources."
LLM_OTHER_VERDICT = "The language model's yes or no was not the one its sources bear out."
SHOWING_SOURCES = "{notice} Showing the source sentences instead."

_WHAT_NAMES = {"PERSON": "people", "GPE": "places", "LOC": "places", "ORG": "organisations"}


def refusal(question: Question, decision: Decision, not_found: str = NOT_FOUND) -> Answer:
    """The answer to a question the judge did not answer: why, in words, with the closest sentences as related."""
    why: Why = decision.why or "not_answered"
    return Answer(
        question=question.text,
        text=_SAYING[why](question, decision, not_found),
        abstained=True,
        related=quotes_for(decision.related),
        kind=question.shape.kind,
    )


def _not_answered(question: Question, decision: Decision, not_found: str) -> str:
    """The articles don't say, and where the closest sentences are shown, the question's names they lack."""
    missing = decision.missing
    if decision.related and missing:
        return not_found + CLOSEST_LACK.format(names=either(missing))
    return not_found + (CLOSEST if decision.related else "")


def _no_names(question: Question, decision: Decision, not_found: str) -> str:
    shape = question.shape
    kinds = {_WHAT_NAMES.get(label, "names") for label in shape.labels}
    return NO_NAMES.format(what=shape.places or (kinds.pop() if len(kinds) == 1 else "names"))


def _unrecorded(question: Question, decision: Decision, not_found: str) -> str:
    title = decision.article.title if decision.article is not None else ""
    return UNRECORDED[question.shape.field or "title"].format(title=title)


def either(names: Sequence[str]) -> str:
    """ "Germany", "Germany or France", "Germany, Spain or France"."""
    return ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1]


_SAYING: dict[Why, Callable[[Question, Decision, str], str]] = {
    "not_answered": _not_answered,
    "no_articles": lambda question, decision, not_found: NO_ARTICLES,
    "none_in_period": lambda question, decision, not_found: NONE_IN_PERIOD.format(
        period=question.period.described if question.period else ""
    ),
    "not_about": lambda question, decision, not_found: NOT_ABOUT,
    "conditional": lambda question, decision, not_found: CONDITIONAL,
    "other_year": lambda question, decision, not_found: OTHER_YEAR.format(years=either(decision.years)),
    "no_amount": lambda question, decision, not_found: NO_AMOUNT,
    "no_age": lambda question, decision, not_found: NO_AGE,
    "not_known": lambda question, decision, not_found: NOT_KNOWN,
    "no_names": _no_names,
    "unrecorded": _unrecorded,
    "nothing_since": lambda question, decision, not_found: NOTHING_SINCE.format(since=decision.since),
    "undated": lambda question, decision, not_found: UNDATED,
}
