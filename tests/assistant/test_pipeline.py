"""The whole question path on fakes (unit: a fake store, BM25 over it, a fake reader, LangChain's fake chat model;
the real steps): each route taken from question to answer, follow-ups, periods, and a language model's draft
verified or refused."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant import Assistant, QuestionError
from assistant.llm.stream import AnswerStream
from tests.assistant.fakes import FakeReader, FakeStore, fake_assistant

FERRY = [
    "The Lindholm ferry carried 41 cars on Monday.",
    "Its captain, Erik Larsen, said the refit cost three million crowns.",
    "The harbour reopened at noon.",
]
COUNCIL = [
    "The council approved the new bridge on Tuesday.",
    "Mayor Ingrid Holm said work starts in spring.",
    "The vote passed by seven votes to two.",
]
ARTICLES = {"ferry": ("Harbour ferry", FERRY), "council": ("Council vote", COUNCIL)}
# The reader is sure of the sentences that answer the questions asked here, and finds their first word.
READER = FakeReader({FERRY[0]: 4.0, FERRY[1]: 4.0, COUNCIL[1]: 4.0})
SETTINGS = {"min_relevance": 0.5, "answerable_bias": -2.0, "answerable_w_reading": 1.0, "answerable_w_relevance": 0.0}


@pytest.fixture
def assistant_and_store() -> tuple[Assistant, FakeStore]:
    return fake_assistant(ARTICLES, READER, **SETTINGS)


@pytest.fixture
def assistant(assistant_and_store: tuple[Assistant, FakeStore]) -> Assistant:
    return assistant_and_store[0]


def test_a_fact_is_answered_from_the_sentence_the_reader_is_sure_of(assistant: Assistant) -> None:
    answer = assistant.ask("How many cars did the Lindholm ferry carry?")
    assert answer.kind == "fact" and not answer.abstained and answer.answerer == "extractive"
    # the fake reader's span ("The") gives no amount, so the rule-based phrase answers "How many…?"
    assert answer.citations[0].sentence == FERRY[0] and answer.short_answer == "41"
    assert {"rewrite", "shape", "retrieve", "read", "answerability", "answer", "total"} <= set(answer.timings)
    assert answer.confidence is not None and 0.5 < answer.confidence <= 1  # how sure the decision was


def test_a_question_its_articles_never_name_the_subject_of_is_not_answered(assistant: Assistant) -> None:
    answer = assistant.ask("How many cars did Olaf Grimsson carry?")
    assert answer.abstained and answer.citations == [] and "don't mention Olaf Grimsson" in answer.text
    assert answer.related and answer.kind == "fact"


@pytest.mark.parametrize(
    ("question", "kind", "cites"),
    [
        ("Summarise the article about the ferry", "summary", FERRY[0]),
        ("Any news on the Lindholm ferry?", "news", FERRY[0]),
        ("Tell me about the Lindholm ferry", "overview", FERRY[0]),
        ("Which people are mentioned in the article about the council?", "list", COUNCIL[1]),
        ("Did the council approve the new bridge?", "yes_no", COUNCIL[0]),
        ("Who is Erik Larsen?", "definition", FERRY[1]),
    ],
)
def test_each_shape_takes_its_route(assistant: Assistant, question: str, kind: str, cites: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == kind and not answer.abstained, answer.text
    assert cites in [c.sentence for c in answer.citations]


def test_the_articles_record_is_said_or_said_to_be_missing(assistant_and_store: tuple[Assistant, FakeStore]) -> None:
    assistant, store = assistant_and_store
    unsaid = assistant.ask("Who wrote the article?")
    assert unsaid.abstained and unsaid.kind == "article" and "who wrote “Council vote”" in unsaid.text
    store.authors["council"] = "Olaf Berg"
    said = assistant.ask("Who wrote the article?")
    assert said.short_answer == "Olaf Berg" and said.text.startswith("The most recently added article")
    assert said.confidence is None  # a record is not judged by the answerability model


def test_a_follow_up_is_asked_as_the_standalone_question_on_the_same_story(assistant: Assistant) -> None:
    first = assistant.ask("Who said work starts in spring?")
    follow = assistant.ask("What did she say?", history=[first])
    assert follow.question == "What did she say?" and follow.standalone_question == "What did Ingrid Holm say?"
    # (the fake decision weighs only the reader, which a question for what someone said does not consult)
    assert (follow.citations or follow.related)[0].article_id == "council"


def test_a_period_keeps_to_its_articles_and_a_bad_one_is_refused(
    assistant_and_store: tuple[Assistant, FakeStore],
) -> None:
    assistant, store = assistant_and_store
    store.dates = {"ferry": "2025-09-01", "council": "2025-08-01"}
    answer = assistant.ask("Summarise the article", since="2025-08-15")
    assert {c.article_id for c in answer.citations} == {"ferry"}
    none = assistant.ask("Summarise the article", since="2026-01-01")
    assert none.abstained and none.text == "The articles don't say: none was published since 2026-01-01."
    with pytest.raises(QuestionError, match="swap them"):
        assistant.ask("Summarise the article", since="2025-09-30", until="2025-09-01")
    with pytest.raises(QuestionError, match="empty"):
        assistant.ask("   ")


def _with_llm(*responses: str) -> Assistant:
    return fake_assistant(ARTICLES, READER, llm=FakeListChatModel(responses=list(responses)), **SETTINGS)[0]


def test_a_language_models_fact_is_verified_and_streamed() -> None:
    assistant = _with_llm("The Lindholm ferry carried 41 cars on Monday [1].")
    stream = assistant.ask("How many cars did the Lindholm ferry carry?", stream=True)
    assert isinstance(stream, AnswerStream) and "".join(stream) == "The Lindholm ferry carried 41 cars on Monday [1]."
    answer = stream.answer
    assert answer.answerer == "llm" and answer.kind == "fact" and answer.citations[0].sentence == FERRY[0]
    assert {"generate", "verify"} <= set(answer.timings)


def test_a_language_models_unsupported_draft_shows_the_extractive_answer_saying_why() -> None:
    answer = _with_llm("Olaf Grimsson sank the ferry [1].").ask("How many cars did the Lindholm ferry carry?")
    assert answer.answerer == "extractive" and answer.unsupported == ["Olaf Grimsson sank the ferry."]
    assert answer.notice.endswith("Showing the source sentences instead.") and answer.citations[0].sentence == FERRY[0]


def test_a_language_model_writes_another_shape_from_the_sentences_its_answer_cites() -> None:
    answer = _with_llm("The Lindholm ferry carried 41 cars on Monday [1].").ask("Tell me about the Lindholm ferry")
    assert answer.answerer == "llm" and answer.kind == "overview"


def test_no_language_model_writes_an_abstention_a_record_or_when_told_not_to() -> None:
    assistant = _with_llm("Made up [1].", "Made up [1].", "Made up [1].")
    assert assistant.ask("How many cars did Olaf Grimsson carry?").answerer == "extractive"
    assert assistant.ask("What is the title of the article?").answerer == "extractive"
    told = assistant.ask("How many cars did the Lindholm ferry carry?", answerer="extractive")
    assert told.answerer == "extractive" and told.notice is None


def test_the_language_models_the_articles_dont_say_shows_the_extractive_answer_saying_so() -> None:
    answer = _with_llm("The articles don't say: nothing in the indexed articles answers this question.").ask(
        "How many cars did the Lindholm ferry carry?"
    )
    assert not answer.abstained and answer.answerer == "extractive" and answer.citations
    assert answer.notice.startswith("The language model found no answer in the retrieved sentences.")
