"""A story's timeline, end to end: the dated events of the articles that tell it, oldest first, each cited at its
exact offsets, dates read from the sentences (relative ones resolved against their article's date), undated articles
said apart; one article is said to be one."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answers.timeline import event_date
from tests.support import write_jsonl

STORY = [
    {
        "id": "back",
        "title": "Skarvik ferry back in service",
        "date": "2025-03-12",
        "text": "The Skarvik ferry returned to service on Monday after its refit. Captain Ingrid Solberg said the "
        "Skarvik ferry now carries 41 cars.",
    },
    {
        "id": "out",
        "title": "Skarvik ferry taken out of service",
        "date": "2025-03-01",
        "text": "The Skarvik ferry was taken out of service on 27 February for a refit. Passengers on the Skarvik "
        "ferry route were told to take the bus.",
    },
    {
        "id": "deck",
        "title": "Skarvik ferry refit under way",
        "date": "2025-03-05",
        "text": "Work on the Skarvik ferry's new deck began on Monday, the yard said. The Skarvik ferry refit will "
        "cost two million crowns.",
    },
    {
        "id": "history",
        "title": "The Skarvik ferry at 25",
        "text": "The Skarvik ferry has carried passengers across the fjord for 25 years. Locals call the Skarvik ferry "
        "the old lady of the fjord.",
    },
    {
        "id": "apples",
        "title": "Frost hits orchards",
        "date": "2025-03-04",
        "text": "A late frost cost the Vell Growers Union 30 tonnes of apples on 2 March. The union asked for help.",
    },
]


@pytest.fixture
def told(empty_assistant: Assistant, tmp_path: Path) -> Assistant:
    empty_assistant.ingest([write_jsonl(tmp_path / "story.jsonl", STORY)])
    return empty_assistant


@pytest.mark.parametrize(
    ("sentence", "published", "when"),
    [
        ("Talks resumed on 5 March.", "2025-03-09", ("2025-03-05", "5 March 2025")),
        ("The deal was signed on March 5, 2024.", None, ("2024-03-05", "5 March 2024")),
        ("Growth slowed in June 2004.", "2005-01-01", ("2004-06", "June 2004")),
        ("The harbour reopened on Monday.", "2025-03-12", ("2025-03-10", "10 March 2025")),
        ("Prices may 20 times rise.", "2025-03-09", ("2025-03-09", "9 March 2025")),  # "may" is no month
        ("Nothing dated here.", None, ("", "")),
    ],
)
def test_an_events_date_is_its_sentences_else_its_articles(
    sentence: str, published: str | None, when: tuple[str, str]
) -> None:
    assert event_date(sentence, published) == when


def test_a_timeline_gives_the_storys_dated_events_oldest_first_and_the_undated_apart(told: Assistant) -> None:
    answer = told.ask("Timeline of the Skarvik ferry")
    assert answer.kind == "timeline" and not answer.abstained
    lines = answer.text.splitlines()
    dated = [line for line in lines if " — " in line]
    assert [line.split(" — ")[0] for line in dated] == ["- 27 February 2025", "- 3 March 2025", "- 10 March 2025"]
    assert "taken out of service on 27 February" in dated[0] and "began on Monday" in dated[1]
    assert "returned to service on Monday" in dated[2]
    assert lines.index("Undated:") > lines.index(dated[-1])
    assert "across the fjord" in answer.text.split("Undated:")[1]
    assert "apples" not in answer.text, "another story is no event of this one"
    for c in answer.citations:
        assert told.article(c.article_id).text[c.start : c.end] == c.sentence
        assert f"[{c.n}]" in answer.text


def test_a_story_developing_is_a_timeline_too(told: Assistant) -> None:
    assert told.ask("How has the Skarvik ferry story developed?").kind == "timeline"


def test_a_story_whose_articles_give_no_dates_says_its_order_is_not_known(
    empty_assistant: Assistant, tmp_path: Path
) -> None:
    undated = [{k: v for k, v in a.items() if k != "date"} for a in STORY if a["id"] != "apples"]
    empty_assistant.ingest([write_jsonl(tmp_path / "undated.jsonl", undated)])
    answer = empty_assistant.ask("Timeline of the Skarvik ferry")
    assert answer.text.startswith("The articles telling this story give no dates, so their order is not known")
    assert "Undated:" not in answer.text and len({c.article_id for c in answer.citations}) == 4


def test_one_dated_article_gives_its_dated_events(told: Assistant) -> None:
    answer = told.ask("Timeline of the Vell Growers Union")
    assert answer.text.startswith("One article tells this story (published 4 March 2025); its dated events:")
    assert "- 2 March 2025 — A late frost cost the Vell Growers Union" in answer.text
    assert [told.article(c.article_id).title for c in answer.citations] == ["Frost hits orchards"]


def test_one_article_is_said_to_be_one_with_its_events(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Timeline of the ceasefire talks")
    assert answer.kind == "timeline" and answer.text.startswith("One article tells this story")
    assert answer.citations and all(c.article_id == answer.citations[0].article_id for c in answer.citations)


# Two outlets' versions of one story, days apart: the later repeats the earlier's first sentence in other words and
# adds two facts.
VERSIONS = [
    {
        "id": "first",
        "title": "Skarvik ferry refit begins",
        "date": "2025-03-01",
        "text": "The Skarvik ferry was taken out of service for a refit. The refit will cost two million crowns. "
        "Passengers on the Skarvik route must take the bus until it is done.",
    },
    {
        "id": "later",
        "title": "Skarvik ferry refit costs rise",
        "date": "2025-03-10",
        "text": "The Skarvik ferry was taken out of service for a refit. The Skarvik ferry refit will now cost three "
        "million crowns, the yard said. The ferry will be back on the Skarvik route on 20 March.",
    },
]


@pytest.fixture
def versions(empty_assistant: Assistant, tmp_path: Path) -> Assistant:
    empty_assistant.ingest([write_jsonl(tmp_path / "versions.jsonl", VERSIONS)])
    return empty_assistant


@pytest.mark.parametrize(
    "question", ["What's new on the Skarvik ferry since 5 March 2025?", "What has changed in the Skarvik ferry story?"]
)
def test_what_changed_leaves_out_what_the_older_articles_already_said(versions: Assistant, question: str) -> None:
    answer = versions.ask(question)
    assert answer.kind == "changes" and not answer.abstained, answer.text
    cited = [c.sentence for c in answer.citations]
    assert any("three million crowns" in s for s in cited) and any("20 March" in s for s in cited)
    assert not any(s.startswith("The Skarvik ferry was taken out of service") for s in cited), "said before"
    assert all(versions.article(c.article_id).title == "Skarvik ferry refit costs rise" for c in answer.citations)
    assert answer.text.startswith("New since 2025-")
    for c in answer.citations:
        assert versions.article(c.article_id).text[c.start : c.end] == c.sentence


def test_what_changed_since_a_day_given_by_the_caller_is_told_against_the_older_articles(versions: Assistant) -> None:
    answer = versions.ask("What has changed in the Skarvik ferry story?", since="2025-03-05")
    assert answer.text.startswith("New since 2025-03-05 (what earlier articles had not said)")
    assert not any(c.sentence.startswith("The Skarvik ferry was taken out of service") for c in answer.citations)


def test_what_changed_in_undated_articles_cannot_be_told(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("What has changed on Ukraine since 1 September 2025?")
    assert answer.abstained and answer.text == "The articles don't say what is new: those about this give no dates."


def test_nothing_published_since_is_said(versions: Assistant) -> None:
    answer = versions.ask("What's new on the Skarvik ferry since 1 April 2025?")
    assert answer.abstained and answer.kind == "changes"
    assert answer.text == "Nothing new: no article about this was published since 2025-04-01."
