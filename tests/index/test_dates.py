"""Publication dates: read as written, normalised to ISO 8601, never invented (unit: dateparser only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.clean import clean
from index.dates import dateline_date, normalise_date
from index.load import load_file
from tests.support import write


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2025-09-05", "2025-09-05"),
        ("September 5, 2025", "2025-09-05"),
        ("5 Sept 2025", "2025-09-05"),
        ("Fri, 05 Sep 2025 14:30:00 +0200", "2025-09-05T14:30:00+02:00"),  # RSS's date, offset kept
        ("2025-09-05T14:30:00Z", "2025-09-05T14:30:00+00:00"),  # Atom's
    ],
)
def test_dates_as_written_are_normalised(written: str, iso: str) -> None:
    assert normalise_date(written) == iso


@pytest.mark.parametrize("written", ["not a date", "Monday", "last month", "2025", "31/02/2025", "", None])
def test_what_is_not_a_date_with_its_year_is_no_date(written: str | None) -> None:
    assert normalise_date(written) is None


def test_a_dateline_in_the_first_lines_is_the_date_and_a_weekday_is_not() -> None:
    assert dateline_date("LONDON, Sept. 5, 2025 — The Kremlin has dismissed proposals.") == "2025-09-05"
    assert dateline_date("The Kremlin said on Monday that it would not.") is None
    assert dateline_date("Super Bowl 50 was played on February 7, 2016, in Santa Clara.") is None  # an event's
    assert dateline_date("One.\nTwo.\nSeptember 5, 2025") is None  # too far in to be a dateline
    assert dateline_date("Updated: 2025-09-05 14:30\nThe dam held.") == "2025-09-05"


def test_articles_carry_the_date_they_give_and_unknown_stays_unknown(tmp_path: Path) -> None:
    dated = write(tmp_path / "dated.txt", "Published September 5, 2025\nThe harbour reopened on Monday.\n")
    undated = write(tmp_path / "undated.txt", "The harbour reopened on Monday after the storm.\n")
    assert clean(load_file(dated).documents[0]).date == "2025-09-05"
    assert clean(load_file(undated).documents[0]).date is None  # never the file's modification time


def test_html_and_jsonl_dates_are_normalised_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    html = (
        '<html><head><title>Storm</title><meta property="article:published_time" content="2025-09-05T08:00:00Z">'
        "</head><body><article><p>A storm hit the coast on Monday, cutting power to 3,000 homes across the region, "
        "officials said in a statement on the damage.</p></article></body></html>"
    )
    assert clean(load_file(write(tmp_path / "storm.html", html)).documents[0]).date == "2025-09-05"
    loaded = load_file(
        write(
            tmp_path / "feed.jsonl",
            '{"text": "The dam held.", "date": "Fri, 05 Sep 2025 14:30:00 +0200"}\n'
            '{"text": "The bridge opened.", "date": "sometime soon"}\n',
        )
    )
    assert [clean(d).date for d in loaded.documents] == ["2025-09-05T14:30:00+02:00", None]
    assert not loaded.problems and loaded.ignored == [
        f"{tmp_path / 'feed.jsonl'}:2: 'date' 'sometime soon' is not a date with its year; ignored"
    ]
