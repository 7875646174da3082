"""Answers shaped to the question, end to end on the seed article: summaries, round-ups, overviews, lists and
definitions, every sentence cited at its exact offsets, and honest answers when there is nothing to shape."""

from __future__ import annotations

import json
from pathlib import Path

from assistant import Answer, Assistant
from tests.support import write

LEAD = "The Kremlin has dismissed proposals for foreign troops to be stationed in Ukraine"
LEADERS = [
    "Dmitry Peskov",
    "Emmanuel Macron",
    "Donald Trump",
    "Volodymyr Zelensky",
    "Vladimir Putin",
    "Keir Starmer",
    "Mark Rutte",
]


def _cited_exactly(assistant: Assistant, answer: Answer) -> None:
    """Every citation is the stored text at its offsets, and every marker in the text is a citation's."""
    assert answer.citations and not answer.abstained
    for c in answer.citations:
        assert assistant.article(c.article_id).text[c.start : c.end] == c.sentence
        assert f"[{c.n}]" in answer.text


def _asked(assistant: Assistant, kind: str, expected: dict[str, str]) -> list[tuple[Answer, str]]:
    """Each question answered in ``kind`` with its expected short answer, cited exactly; the answers."""
    answers = []
    for question, short in expected.items():
        answer = assistant.ask(question)
        assert (answer.kind, answer.short_answer) == (kind, short), question
        _cited_exactly(assistant, answer)
        answers.append((answer, short))
    return answers


def test_a_summary_is_the_lead_and_central_sentences_in_article_order(seed_assistant: Assistant) -> None:
    for question in ("Summarize the article", "What is this article about?", "What are the main points?"):
        answer = seed_assistant.ask(question)
        assert answer.kind == "summary" and answer.short_answer is None, question
        _cited_exactly(seed_assistant, answer)
        assert answer.citations[0].sentence.startswith(LEAD)
        assert len(answer.citations) == seed_assistant.settings.summary_sentences
        starts = [c.start for c in answer.citations]
        assert starts == sorted(starts)
        assert all("Follow us" not in c.sentence and "Rubyjeana" not in c.sentence for c in answer.citations)


def test_which_leaders_are_mentioned_lists_each_once_cited_to_a_sentence_naming_them(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Which leaders are mentioned?")
    assert answer.kind == "list"
    _cited_exactly(seed_assistant, answer)
    listed = answer.short_answer.split(", ")
    assert listed == LEADERS  # in the article's order; Putin once, not also as "Putin"; not the byline, not Kyiv
    by_n = {c.n: c.sentence for c in answer.citations}
    for name in listed:
        n = int(answer.text.split(f"{name} [", 1)[1].split("]", 1)[0])
        assert name.split()[-1] in by_n[n]


def test_which_countries_are_mentioned_lists_countries_not_cities_or_states(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Which countries are mentioned?")
    assert answer.kind == "list"
    _cited_exactly(seed_assistant, answer)
    assert answer.short_answer == "Ukraine, US, UK, Russia"  # not Moscow, Alaska or Washington
    cities = seed_assistant.ask("Which cities are mentioned?")
    listed = cities.short_answer.split(", ")
    assert cities.kind == "list" and "Moscow" in listed
    assert not {"Ukraine", "US", "UK", "Russia", "Alaska"} & set(listed)


def test_who_is_gives_the_role_the_article_gives_never_a_name(seed_assistant: Assistant) -> None:
    expected = {
        "Who is Keir Starmer?": "UK Prime Minister",
        "Who is Mark Rutte?": "NATO chief",
        "Who is Dmitry Peskov?": "Kremlin spokesperson",
        "What is the Coalition of the Willing?": "a summit of 35 countries",
    }
    for answer, role in _asked(seed_assistant, "definition", expected):
        assert role in answer.citations[0].sentence


def test_tell_me_about_gives_several_cited_sentences_and_no_short_answer(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Tell me about the ceasefire efforts.")
    assert answer.kind == "overview" and answer.short_answer is None
    _cited_exactly(seed_assistant, answer)
    assert len(answer.citations) >= 3 and "ceasefire" in answer.citations[0].sentence.lower()


def test_the_news_on_a_topic_rounds_up_the_articles_about_it(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("What's the news on Ukraine?")
    assert answer.kind == "news"
    _cited_exactly(seed_assistant, answer)
    assert all("Ukraine" in c.sentence for c in answer.citations)


def test_a_yes_or_no_question_gets_the_verdict_of_the_sentence_it_turns_on(seed_assistant: Assistant) -> None:
    expected = {
        "Did Putin agree to a temporary ceasefire?": ("No", "has rejected a temporary ceasefire"),
        "Has Washington ruled out sending ground troops?": ("Yes", "Washington already ruling out such a move"),
    }
    for question, (verdict, said) in expected.items():
        answer = seed_assistant.ask(question)
        assert answer.kind == "yes_no" and answer.short_answer == verdict, question
        _cited_exactly(seed_assistant, answer)
        assert said in answer.citations[0].sentence and answer.text.startswith(f"{verdict} [1]")


def test_a_yes_or_no_question_no_sentence_says_in_its_words_gets_no_guess(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("Is Russia likely to accept a peace deal soon?")
    assert answer.kind == "yes_no" and answer.short_answer is None
    assert answer.abstained or answer.text.startswith("The articles don't say yes or no")


def test_shapes_about_what_the_articles_never_name_abstain(seed_assistant: Assistant) -> None:
    for question in (
        "Who is Angela Merkel?",
        "Summarize the news about Germany",
        "Tell me about Germany",
        "Did Germany send troops?",
    ):
        answer = seed_assistant.ask(question)
        assert answer.abstained and answer.citations == [], question
        assert answer.text.startswith("The articles don't say"), question


def test_a_summary_of_an_empty_collection_says_there_is_nothing(empty_assistant: Assistant) -> None:
    for question in (
        "Summarize the article",
        "Which leaders are mentioned?",
        "What's the news on Ukraine?",
        "Who wrote the article?",
    ):
        answer = empty_assistant.ask(question)
        assert answer.abstained and answer.citations == [], question
        assert "no articles" in answer.text.lower(), question


def test_an_article_of_one_sentence_is_its_own_summary(empty_assistant: Assistant, tmp_path) -> None:
    empty_assistant.ingest([write(tmp_path / "one.txt", "The harbour reopened on Monday after the storm passed.\n")])
    answer = empty_assistant.ask("Summarize the article")
    assert answer.kind == "summary" and [c.sentence for c in answer.citations] == [
        "The harbour reopened on Monday after the storm passed."
    ]


def test_a_list_of_names_the_articles_do_not_give_is_an_honest_no(empty_assistant: Assistant, tmp_path) -> None:
    text = "The weather stayed mild all week. The markets were calm and the harbour was quiet.\n"
    empty_assistant.ingest([write(tmp_path / "calm.txt", text)])
    answer = empty_assistant.ask("Which leaders are mentioned?")
    assert answer.kind == "list" and answer.abstained and answer.citations == []
    assert "name no people" in answer.text and answer.related


def test_with_several_articles_a_summary_says_which_it_chose(empty_assistant: Assistant, tmp_path) -> None:
    empty_assistant.ingest([write(tmp_path / "a.txt", "The orchard harvest began early this year in the valley.\n")])
    empty_assistant.ingest([write(tmp_path / "b.txt", "The harbour reopened on Monday after the storm passed.\n")])
    answer = empty_assistant.ask("Summarize the article")
    assert "most recently added" in answer.text and "harbour" in answer.citations[0].sentence


def test_who_wrote_the_article_is_its_byline_and_an_unknown_date_is_said_to_be_unknown(
    seed_assistant: Assistant,
) -> None:
    wrote = seed_assistant.ask("Who wrote the article?")
    assert (wrote.kind, wrote.short_answer) == ("article", "Erizia Rubyjeana") and wrote.text.startswith("By ")
    _cited_exactly(seed_assistant, wrote)
    when = seed_assistant.ask("When was the article published?")
    assert when.kind == "article" and when.abstained and when.citations == []
    assert when.text.startswith("The articles don't say when")


def test_questions_about_an_article_read_its_record(empty_assistant: Assistant, tmp_path: Path) -> None:
    record = {
        "id": "harbour-1",
        "title": "Harbour reopens",
        "author": "Tessa Marr",
        "date": "2025-09-05",
        "url": "https://news.example/harbour",
        "text": "The harbour reopened on Monday after the storm passed. Ferries sailed again by noon.",
    }
    empty_assistant.ingest([write(tmp_path / "one.jsonl", json.dumps(record) + "\n")])
    expected = {
        "When was the article published?": "2025-09-05",
        "What is the headline?": "Harbour reopens",
        "Where was the article published?": "https://news.example/harbour",
        "Who wrote the article about the harbour?": "Tessa Marr",
    }
    _asked(empty_assistant, "article", expected)
    assert empty_assistant.ask("Who wrote the article?").abstained is False
    fact = empty_assistant.ask("When did the ferries sail again?")
    assert fact.citations[0].published == "2025-09-05"  # every citation carries its article's date
    assert "[1] Harbour reopens, 2025-09-05 (chars" in str(fact)
