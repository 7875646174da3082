"""The period a question keeps to (unit): bounds parsed from dates as people write them, checked, and compared with
articles' publication dates; an undated article is never in a period."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.question.period import Period, PeriodError, asks_for_latest, published_between


def test_bounds_are_days_in_any_usual_form_and_none_is_no_period() -> None:
    assert published_between(None, "") is None
    assert published_between("5 September 2025", dt.date(2025, 9, 30)) == Period("2025-09-05", "2025-09-30")
    assert published_between("2025-09-05T14:30:00+02:00", None) == Period("2025-09-05", None)


def test_a_period_holds_the_days_it_bounds_inclusive_and_never_an_undated_article() -> None:
    period = Period("2025-09-05", "2025-09-30")
    assert period.holds("2025-09-05") and period.holds("2025-09-30T23:59:00") and not period.holds("2025-10-01")
    assert not period.holds(None) and not period.holds("")
    assert Period(since="2025-09-05").holds("2030-01-01") and not Period(until="2025-09-05").holds("2025-09-06")
    assert period.described == "between 2025-09-05 and 2025-09-30"
    assert Period(since="2025-09-05").described == "since 2025-09-05"


@pytest.mark.parametrize(("since", "until"), [("not a date", None), (None, "31/31/2025"), ("2025-10-01", "2025-09-01")])
def test_a_bound_that_is_not_a_date_or_a_period_that_ends_before_it_begins_is_refused(since, until) -> None:  # noqa: ANN001
    with pytest.raises(PeriodError):
        published_between(since, until)


@pytest.mark.parametrize(
    "question",
    [
        "What is the latest fare on the Lindholm crossing?",
        "What's the most recent news on Ukraine?",
        "Who is the newest member of the coalition?",
        "What happened this week in Kyiv?",
        "How many cars does the ferry carry now?",
        "Is the harbour still closed?",
    ],
)
def test_questions_asking_for_the_latest(question: str) -> None:
    assert asks_for_latest(question)


@pytest.mark.parametrize(
    "question",
    ["Who rejected foreign troops?", "When did the harbour reopen?", "Who knows the slatest news?", "What is snow?"],
)
def test_questions_not_asking_for_the_latest(question: str) -> None:
    assert not asks_for_latest(question)
