"""When a question is about: the period of publication it keeps to (``ask(since=, until=)``), its bounds checked
and dates compared, and whether it asks for the newest ("the latest", "most recent", "this week", "now")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from index.dates import normalise_date

_LATEST = re.compile(
    r"\b(?:latest|most recent(?:ly)?|newest|recently|this (?:week|month|year)|today|currently|right now|now|"
    r"nowadays|these days|so far|up to date|still)\b",
    re.IGNORECASE,
)


def asks_for_latest(question: str) -> bool:
    """Whether the question asks for the newest state of things ("What is the latest fare?"): newer articles are
    then preferred among about equally relevant ones (``assistant.retrieval.rerank.newest_first``)."""
    return bool(_LATEST.search(question))


class PeriodError(ValueError):
    """A ``since`` or ``until`` that is not a date, or a period that ends before it begins."""


@dataclass(frozen=True)
class Period:
    """Publication dates from ``since`` to ``until`` (ISO days, inclusive; None: open on that side)."""

    since: str | None = None
    until: str | None = None

    @property
    def described(self) -> str:
        """The period in words: "between 2025-09-01 and 2025-09-30", "since 2025-09-01", "until 2025-09-30"."""
        if self.since and self.until:
            return f"between {self.since} and {self.until}"
        return f"since {self.since}" if self.since else f"until {self.until}"

    def holds(self, published: str | None) -> bool:
        """Whether an article published then is in the period; an undated one never is."""
        if not published:
            return False
        day = published[:10]
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


def published_between(since: str | dt.date | None, until: str | dt.date | None) -> Period | None:
    """The period, or None when neither bound is given; a bound that is not a date is a ``PeriodError``."""
    if since in (None, "") and until in (None, ""):
        return None
    bounds = {name: _day(name, value) for name, value in (("since", since), ("until", until))}
    if bounds["since"] and bounds["until"] and bounds["since"] > bounds["until"]:
        raise PeriodError(f"since ({bounds['since']}) is after until ({bounds['until']}); swap them")
    return Period(bounds["since"], bounds["until"])


def since_date(text: str, today: dt.date | None = None) -> str | None:
    """The day a question's "since …" means (ISO): a date with its year, or one read back from ``today`` ("1 March",
    "yesterday", "last week"); None when it is no date."""
    day = normalise_date(text)
    if day is not None:
        return day[:10]
    import dateparser  # its language data take a moment to load: only when there is a date to read

    base = dt.datetime.combine(today or dt.date.today(), dt.time())
    parsed = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    return parsed.date().isoformat() if parsed is not None else None


def _day(name: str, value: str | dt.date | None) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    day = normalise_date(str(value))
    if day is None:
        raise PeriodError(f"{name} {str(value)[:40]!r} is not a date; give one with its year, e.g. 2025-09-05")
    return day[:10]
