"""Relative dates in a cited sentence, resolved against its article's date (unit: dateparser only)."""

from __future__ import annotations

from assistant.answers.dates import resolve_relative_dates

ALASKA = "Hopes dimmed after Russian President Vladimir Putin met Trump in Alaska last month."


def test_last_month_on_thursday_and_weeks_ago_mean_dates_from_the_publication_date() -> None:
    (month,) = resolve_relative_dates(ALASKA, "2025-09-05")
    assert (month.text, month.means, month.shown) == ("last month", "2025-08", "August 2025")
    assert ALASKA[month.start : month.end] == "last month"
    sentence = "Violence continued on Thursday; two weeks ago the dam held; last year it was built."
    found = {d.text: d.means for d in resolve_relative_dates(sentence, "2025-09-05T14:30:00+02:00")}  # a Friday
    assert found == {"on Thursday": "2025-09-04", "two weeks ago": "2025-08-22", "last year": "2024"}


def test_an_article_without_a_date_or_a_sentence_without_one_gets_none() -> None:
    assert resolve_relative_dates(ALASKA, None) == []
    assert resolve_relative_dates(ALASKA, "not a date") == []
    assert resolve_relative_dates("The dam held in 2019.", "2025-09-05") == []
