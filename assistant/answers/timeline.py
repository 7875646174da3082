"""A story's timeline: the dated events of the articles that tell it, oldest first, one cited sentence a line.

An event's date is the one its sentence gives ("on 5 March", "last week", resolved against its article's date), else
its article's date; articles with no date are said apart, after the dated ones. A story told by one article is said
to be one article, with the dated sentences it has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answers.citations import citations_for
from assistant.answers.context import AnswerContext
from assistant.answers.dates import resolve_relative_dates
from assistant.evidence.decision import Decision
from assistant.evidence.select import Evidence
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer, Citation

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
_MONTHS += ("November", "December")
_MONTH_NAMES = "|".join(_MONTHS)  # capitalised, as news writes them: "may" is a verb
# "5 March 2025", "5 March", "March 5, 2025", "March 2025": a month named with a day or a year.
_ABSOLUTE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_NAMES})(?:\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<month2>{_MONTH_NAMES})"
    rf"\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year2>(?:19|20)\d\d))?|(?P<year3>(?:19|20)\d\d)))\b",
)
MIN_WORDS = 5  # shorter lines are bylines and headings, not events


@dataclass(frozen=True)
class Event:
    """One line of a timeline: the sentence, when it happened (ISO 8601: a day, a month or a year; "" when its
    article has no date) and that date as people write it."""

    evidence: Evidence
    when: str
    shown: str


def event_date(sentence: str, published: str | None) -> tuple[str, str]:
    """When ``sentence`` says its event happened, as (ISO 8601, shown): a date it names (a missing year is its
    article's), else a relative one resolved against ``published``, else ``published`` itself; ("", "") without."""
    year = (published or "")[:4]
    for found in _ABSOLUTE.finditer(sentence):
        month = _MONTHS.index(found["month"] or found["month2"]) + 1
        day, when_year = found["day"] or found["day2"], found["year"] or found["year2"] or found["year3"] or year
        if not when_year:
            continue
        name = _MONTHS[month - 1]
        if day and 1 <= int(day) <= 31:
            return f"{when_year}-{month:02d}-{int(day):02d}", f"{int(day)} {name} {when_year}"
        return f"{when_year}-{month:02d}", f"{name} {when_year}"
    relative = resolve_relative_dates(sentence, published)
    if relative:
        return relative[0].means, relative[0].shown
    if published and re.fullmatch(r"\d{4}-\d\d-\d\d.*", published):
        y, m, d = (int(part) for part in published[:10].split("-"))
        return published[:10], f"{d} {_MONTHS[m - 1]} {y}"
    return "", ""


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The decision's sentences as dated events, oldest first (of each article those giving a date, else its best),
    undated articles apart; a story one article tells is said to be one, with its dated sentences."""
    by_article: dict[str, list[Evidence]] = {}
    for e in decision.evidence:
        by_article.setdefault(e.article_id, []).append(e)
    if len(by_article) == 1:
        return _one_article(question, decision.evidence, context)
    chosen = [e for told in by_article.values() for e in ([e for e in told if _says_a_date(e)] or told[:1])]
    events = [Event(e, *event_date(e.text, e.published)) for e in chosen]
    if not any(ev.when for ev in events):
        lead = "The articles telling this story give no dates, so their order is not known; what each reports:"
        return _timeline(question, events, lead, undated="")
    return _timeline(question, events)


def _one_article(question: Question, found: Sequence[Evidence], context: AnswerContext) -> Answer:
    """One article's events: its sentences giving a date, by date; without a date of its own, the sentences found, in
    its order."""
    when = event_date("", found[0].published)[1]
    if not when:
        lead = "One article tells this story, and it gives no date; what it reports, in its order:"
        told = sorted(found, key=lambda e: e.sentence.index)
        return _timeline(question, [Event(e, "", "") for e in told], lead, undated="", titled=False)
    prose = [e for e in context.selector.of_article(found[0].article) if len(e.text.split()) >= MIN_WORDS]
    dated = [e for e in prose if _says_a_date(e)] or list(found)
    lead = f"One article tells this story (published {when}); its dated events:"
    return _timeline(question, [Event(e, *event_date(e.text, e.published)) for e in dated], lead, titled=False)


def _timeline(
    question: Question, events: list[Event], lead: str = "", undated: str = "Undated:", titled: bool = True
) -> Answer:
    """The answer: ``lead``, the dated events oldest first, one line each (with its article's title when
    ``titled``), then the undated under ``undated``."""
    events = sorted(events, key=lambda ev: (not ev.when, ev.when))
    citations = citations_for([ev.evidence for ev in events])
    dated = [_line(ev.shown, c, titled) for ev, c in zip(events, citations, strict=True) if ev.when]
    rest = [_line("", c, titled) for ev, c in zip(events, citations, strict=True) if not ev.when]
    parts = [lead, "\n".join(dated), "\n".join([undated, *rest] if undated else rest) if rest else ""]
    text = "\n\n".join(part for part in parts if part)
    return Answer(question=question.text, text=text, citations=citations, kind="timeline")


def _says_a_date(e: Evidence) -> bool:
    """Whether the sentence names a date, or a relative one its article's date resolves."""
    return bool(_ABSOLUTE.search(e.text) or resolve_relative_dates(e.text, e.published))


def _line(shown: str, citation: Citation, titled: bool) -> str:
    """ "- 5 March 2025 — the sentence [n] (title)"."""
    when = f"{shown} — " if shown else ""
    title = f" ({citation.title})" if citation.title and titled else ""
    return f"- {when}{citation.sentence} [{citation.n}]{title}"
