"""Relative dates in a cited sentence, resolved against its article's publication date: "last month" → "August 2025".

News writes "on Thursday", "last month", "two weeks ago" relative to the day it was published; shown beside the
quote, the date it means saves the reader the arithmetic. dateparser does the arithmetic; an article without a date
gets none.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.types import ResolvedDate

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_UNIT = r"(?:day|week|month|year)s?"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several)"
_RELATIVE = re.compile(
    rf"\b(?:yesterday|today|(?:last|this|next)\s+(?:week|month|year|{_DAY})|(?:earlier|later)\s+this\s+"
    rf"(?:week|month|year)|{_COUNT}\s+{_UNIT}\s+ago|on\s+{_DAY}|{_DAY}(?=\s+(?:night|morning|evening|afternoon)))\b",
    re.IGNORECASE,
)
_MONTH_LEVEL = re.compile(r"\b(?:month|months)\b", re.IGNORECASE)
_YEAR_LEVEL = re.compile(r"\b(?:year|years)\b", re.IGNORECASE)


def resolve_relative_dates(sentence: str, published: str | None) -> list[ResolvedDate]:
    """The relative dates of ``sentence`` resolved against ``published`` (ISO 8601); none without a date."""
    if not published:
        return []
    try:
        base = dt.datetime.fromisoformat(published).replace(tzinfo=None)
    except ValueError:
        return []
    found = []
    for match in _RELATIVE.finditer(sentence):
        expression = re.sub(r"^on\s+", "", match.group(), flags=re.IGNORECASE)
        when = _parse(expression, base)
        if when is None:
            continue
        if _YEAR_LEVEL.search(expression) and not re.search(r"\bago\b", expression):
            means, shown = f"{when.year}", f"{when.year}"
        elif _MONTH_LEVEL.search(expression) and not re.search(r"\bago\b", expression):
            means, shown = when.strftime("%Y-%m"), when.strftime("%B %Y")
        else:
            means, shown = when.date().isoformat(), day_shown(when)
        found.append(ResolvedDate(text=match.group(), start=match.start(), end=match.end(), means=means, shown=shown))
    return found


def _parse(expression: str, base: dt.datetime) -> dt.datetime | None:
    import dateparser  # loads its language data on first use

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    if re.search(r"\bnext\b", expression, re.IGNORECASE):
        settings["PREFER_DATES_FROM"] = "future"
    return dateparser.parse(expression, languages=["en"], settings=settings)  # type: ignore[arg-type]


def day_shown(day: dt.date) -> str:
    """A day as people write it: "4 September 2025"."""
    return f"{day.day} {day:%B %Y}"
