"""Sources differ: the answer when two articles state what is asked differently, both quoted, neither chosen.

The judge found them (``Decision.differs``: the evidence's first two sentences); this says so, the older first and
"a later report" where the articles' dates say which is newer, since a later report may correct an earlier one.
"""

from __future__ import annotations

import datetime as dt

from assistant.answers.citations import citations_for, cited_text
from assistant.answers.dates import day_shown
from assistant.evidence.decision import Decision
from assistant.question.read import Question
from assistant.types import Answer, Disagreement, Kind


def answer(question: Question, decision: Decision, kind: Kind) -> Answer:
    """Says so ("Sources differ: one report says “26” [1]; another says “24” [2].") and quotes the cited sentences,
    for a question that would have had an answer in shape ``kind``."""
    differs = decision.differs
    if differs is None:
        raise ValueError("no disagreement to tell")
    citations = citations_for(decision.evidence)
    first, second = citations[0], citations[1]
    later = bool(first.published and second.published and first.published[:10] < second.published[:10])
    one, other = (_told(value, differs.what, kind) for value in (differs.first, differs.second))
    if later:
        lead = (
            f"Sources differ: a report of {_day(first.published)} says {one} [1]; "
            f"a later one, of {_day(second.published)}, says {other} [2]."
        )
    else:
        lead = f"Sources differ: one report says {one} [1]; another says {other} [2]."
    disagreement = Disagreement(
        what=differs.what, values=(differs.first, differs.second), citations=(first.n, second.n), later=later
    )
    return Answer(
        question=question.text,
        text=f"{lead}\n\n{cited_text(citations)}",
        citations=citations,
        kind=kind,
        disagreement=disagreement,
    )


def _told(value: str, what: str, kind: Kind) -> str:
    """A value as the lead says it: quoted; for a negation, "no" or "yes" to a yes-or-no question, else whether it
    happened."""
    if what != "negation":
        return f"“{value}”"
    negated = value.endswith("not")
    if kind == "yes_no":
        return "no" if negated else "yes"
    return "it did not happen" if negated else "it happened"


def _day(published: str | None) -> str:
    """An article's date as people write it: "8 March 2025"."""
    try:
        day = dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return (published or "")[:10]
    return day_shown(day)
