"""Dated articles end to end: a period a question keeps to, the latest news first, relative dates resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant, QuestionError
from tests.support import write

FARES = {
    "2025-09-01": "Ferry fares on the Lindholm crossing rose to five euros, the harbour board said.",
    "2025-09-10": "Ferry fares on the Lindholm crossing rose to six euros, the harbour board said.",
    "2025-09-20": "Ferry fares on the Lindholm crossing rose to seven euros, the harbour board said last month.",
}
QUESTION = "What did ferry fares on the Lindholm crossing rise to?"


@pytest.fixture
def dated(empty_assistant: Assistant, tmp_path: Path) -> Assistant:
    records = [{"id": day, "title": f"Fares {day}", "date": day, "text": text} for day, text in FARES.items()]
    records.append(
        {"id": "undated", "title": "Fares", "text": "Ferry fares on the Lindholm crossing rose to nine euros."}
    )
    empty_assistant.ingest([write(tmp_path / "fares.jsonl", "".join(json.dumps(r) + "\n" for r in records))])
    return empty_assistant


def _days(answer) -> set[str | None]:  # noqa: ANN001
    return {c.published for c in answer.citations}


def test_a_period_keeps_to_the_articles_published_in_it(dated: Assistant) -> None:
    assert _days(dated.ask(QUESTION, since="2025-09-05", until="2025-09-15")) == {"2025-09-10"}
    assert _days(dated.ask(QUESTION, since="2025-09-15")) == {"2025-09-20"}
    assert _days(dated.ask(QUESTION, until="September 5, 2025")) == {"2025-09-01"}
    everything = dated.ask(QUESTION, k=5)
    assert None in _days(everything) or len(_days(everything)) > 1  # without a period: undated articles too
    nothing = dated.ask(QUESTION, since="2026-01-01")
    assert nothing.abstained and nothing.citations == []


@pytest.mark.parametrize(
    ("since", "until", "says"),
    [("soon", None, "since 'soon' is not a date"), ("2025-09-10", "2025-09-01", "is after until")],
)
def test_a_period_that_is_not_one_is_refused(dated: Assistant, since: str, until: str | None, says: str) -> None:
    with pytest.raises(QuestionError, match=says):
        dated.ask(QUESTION, since=since, until=until)


def test_the_latest_news_comes_newest_first(dated: Assistant) -> None:
    answer = dated.ask("What's the latest on ferry fares on the Lindholm crossing?")
    assert answer.kind == "news" and [c.published for c in answer.citations][:1] == ["2025-09-20"]


def test_a_question_for_the_latest_fact_prefers_the_newest_article(dated: Assistant) -> None:
    assert dated.ask("What is the latest fare on the Lindholm crossing?").citations[0].published == "2025-09-20"
    s = dated.settings
    unpreferring = Assistant(store_path=s.store, collection=s.collection, seeds=None, w_recency=0)
    first = unpreferring.ask("What is the latest fare on the Lindholm crossing?").citations[0].published
    assert first != "2025-09-20", "without the preference another article comes first: the test shows the preference"


def test_a_relative_date_in_a_cited_sentence_is_resolved_against_its_article_date(dated: Assistant) -> None:
    answer = dated.ask(QUESTION, since="2025-09-15")
    (month,) = answer.citations[0].dates
    assert (month.text, month.means, month.shown) == ("last month", "2025-08", "August 2025")
    assert "last month → August 2025" in str(answer)


def test_a_summary_or_a_record_keeps_to_the_period_too(dated: Assistant) -> None:
    summary = dated.ask("Summarize the article", until="2025-09-05")
    assert summary.kind == "summary" and _days(summary) == {"2025-09-01"}
    wrote = dated.ask("When was the article published?", since="2025-09-05", until="2025-09-15")
    assert wrote.short_answer == "2025-09-10"
    none = dated.ask("Summarize the article", since="2026-01-01")
    assert none.abstained and none.text == "The articles don't say: none was published since 2026-01-01."
