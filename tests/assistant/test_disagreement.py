"""Sources that disagree, end to end: two articles stating one thing differently are both quoted, each cited at its
exact offsets, the older first and the later one said to be later; sources that agree (a copy, the same value
written another way) are not said to differ."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant import Assistant
from assistant.answers.routes import ROUTES, llm_use
from tests.assistant.fakes import PromptRecorder
from tests.support import write_jsonl

ALLIES = "The Coalition counted {n} allies ready to send troops to Kabul, officials said on Monday."
STORY = [
    {
        "id": "later",
        "title": "Kabul mission allies meet again",
        "date": "2025-03-08",
        "text": ALLIES.format(n=24) + " The talks will resume on Friday in Geneva, a spokesman said. "
        "The mission has not been approved by the Storting.",
    },
    {
        "id": "first",
        "title": "Coalition gathers allies for Kabul mission",
        "date": "2025-03-01",
        "text": ALLIES.format(n=26) + " The talks will resume on Thursday in Geneva, a spokesman said. "
        "Diplomats met in Brussels to agree the terms.",
    },
    {
        "id": "vote",
        "title": "Storting backs Kabul mission",
        "date": "2025-03-10",
        "text": "The mission has been approved by the Storting. Members voted by a large majority.",
    },
    {
        "id": "copy",
        "title": "Harbour fund agreed",
        "date": "2025-03-02",
        "text": "The Vell harbour fund will spend 4bn crowns on new quays, the council said.",
    },
    {
        "id": "copy-2",
        "title": "Harbour fund agreed (agency copy)",
        "date": "2025-03-03",
        "text": "The Vell harbour fund will spend 4 billion crowns on new quays, the council said.",
    },
]


@pytest.fixture
def told(empty_assistant: Assistant, tmp_path: Path) -> Assistant:
    empty_assistant.ingest([write_jsonl(tmp_path / "story.jsonl", STORY)])
    return empty_assistant


def test_two_sources_stating_a_number_differently_are_both_quoted_older_first(told: Assistant) -> None:
    answer = told.ask("How many allies did the Coalition count?")
    differs = answer.disagreement
    assert differs is not None and differs.what == "number" and differs.values == ("26", "24") and differs.later
    assert answer.text.startswith("Sources differ: a report of 1 March 2025 says “26” [1]; a later one, of 8 March")
    first, second = answer.citations[:2]
    assert (first.sentence, second.sentence) == (ALLIES.format(n=26), ALLIES.format(n=24))
    for c in (first, second):
        assert told.article(c.article_id).text[c.start : c.end] == c.sentence  # type: ignore[union-attr]
    assert llm_use(ROUTES["fact"], answer) is None  # a model does not choose between them


def test_a_date_and_a_yes_or_no_stated_differently_are_told(told: Assistant) -> None:
    when = told.ask("When will the talks resume?")
    assert when.disagreement is not None and when.disagreement.values == ("Thursday", "Friday")
    approved = told.ask("Has the mission been approved by the Storting?")
    assert approved.kind == "yes_no" and approved.disagreement is not None
    assert approved.disagreement.what == "negation"
    assert approved.text.startswith("Sources differ: a report of 8 March 2025 says no [1]; a later one, of 10 March")


def test_sources_that_agree_are_not_said_to_differ(told: Assistant) -> None:
    where = told.ask("Where will the talks resume?")  # both say Geneva: the day they differ on is not asked
    assert where.disagreement is None and where.short_answer == "Geneva"
    spend = told.ask("How much will the Vell harbour fund spend?")  # 4bn and 4 billion: one value
    assert spend.disagreement is None and not spend.text.startswith("Sources differ")


def test_a_model_giving_verdicts_is_not_asked_to_choose_between_sources_that_differ(told: Assistant) -> None:
    recorder = PromptRecorder()
    model = FakeListChatModel(responses=["Yes"], callbacks=[recorder])
    settings = told.settings
    judge = Assistant(
        store_path=settings.store, collection=settings.collection, seeds=None, llm=model, llm_role="verdicts"
    )
    approved = judge.ask("Has the mission been approved by the Storting?")
    assert approved.disagreement is not None and approved.short_answer is None
    assert recorder.prompts == []
