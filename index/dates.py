"""Publication dates: normalised to ISO 8601 from whatever a record gives, or read from an article's dateline.

A date is kept only when it is written as one, with its year ("2025-09-05", "September 5, 2025", "Fri, 05 Sep 2025
14:30:00 +0200"); "Monday" or "last month" say nothing on their own. A date without a time stays a date; a time keeps
the offset it was given with. Unknown stays unknown: a file's modification time is never taken for a publication
date. dateparser reads the many ways dates are written.
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"{_MONTH}\s+\d{{1,2}},?\s+(?:1[89]|20)\d\d|\d{{1,2}}\s+{_MONTH},?\s+(?:1[89]|20)\d\d|(?:1[89]|20)\d\d-\d\d-\d\d"
)
# A dateline: a line that begins with the date, maybe after "Published"/"Updated" or a place in capitals ("LONDON,"),
# and where the date ends the line or is followed by a dash, a time or a bracket. A date inside a sentence ("the
# game was played on February 7, 2016") is an event's, not the article's.
_DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted)(?:\s+on)?:?\s+|[A-Z][A-Z .'-]+,\s+)?(?P<date>{_DATE})"
    rf"(?=\s*$|\s*[—–-]|\s*\(|,?\s+\d{{1,2}}:\d\d)",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE_LINES = 2  # the lines of an article a dateline may be on


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 for a written date (``YYYY-MM-DD``, or with its time and offset where given); None if it is none."""
    if not value or not _YEAR.search(value):
        return None
    import dateparser  # its language data take a moment to load: only when there is a date to read

    parsed = dateparser.parse(value.strip(), languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        return None
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and ":" not in value:
        return parsed.date().isoformat()
    return parsed.isoformat()


def dateline_date(text: str) -> str | None:
    """The date an article's dateline gives ("Published September 5, 2025", "LONDON, Sept. 5, 2025 —"), normalised;
    None when its first lines have none."""
    found = _DATELINE.search("\n".join(text.split("\n")[:_DATELINE_LINES]))
    return normalise_date(found.group("date")) if found else None
