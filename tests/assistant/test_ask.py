"""Answers on the seed article: the right sentence, a short answer, exact offsets, abstention, bad questions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant import Answer, Assistant, Citation, QuestionError
from tests.support import ROOT


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").strip(' .,“”"').split())


def test_who_rejected_foreign_troops(seed_assistant: Assistant) -> None:
    answer = seed_assistant.ask("who rejected foreign troops?")
    assert isinstance(answer, Answer) and not answer.abstained
    assert "Kremlin" in answer.short_answer
    top = answer.citations[0]
    assert isinstance(top, Citation) and top.n == 1
    assert top.sentence.startswith("The Kremlin has dismissed proposals for foreign troops")
    article = seed_assistant.article(top.article_id)
    assert article.text[top.start : top.end] == top.sentence
    assert "[1]" in answer.text
    assert set(answer.timings) >= {"retrieve", "evidence", "answer", "total"}


def test_seed_questions_answered_from_the_right_sentence(seed_assistant: Assistant, seed_questions) -> None:
    answerable = [q for q in seed_questions if q["answers"] and q.get("kind", "fact") == "fact"]
    assert len(answerable) >= 15
    right_sentence = short_right = 0
    for q in answerable:
        answer = seed_assistant.ask(q["question"])
        assert not answer.abstained, q["question"]
        right_sentence += q["evidence"] in answer.citations[0].sentence
        short_right += _normal(answer.short_answer or "") in {_normal(a) for a in q["answers"]}
    assert right_sentence == len(answerable)
    assert short_right >= 0.7 * len(answerable)


def test_unanswerable_questions_abstain(seed_assistant: Assistant, seed_questions) -> None:
    for q in (q for q in seed_questions if not q["answers"]):
        answer = seed_assistant.ask(q["question"])
        assert answer.abstained, (q["question"], answer.citations)
        assert answer.citations == [] and answer.text.startswith("The articles don't say")


def test_a_question_the_article_only_seems_to_answer_is_abstained_on_with_what_is_missing(
    seed_assistant: Assistant,
) -> None:
    answer = seed_assistant.ask("How many troops will Germany send?")
    assert answer.abstained and answer.citations == [] and answer.short_answer is None
    assert "The closest sentences don't mention Germany" in answer.text
    assert answer.related and all("Germany" not in r.sentence for r in answer.related)
    article = seed_assistant.article(answer.related[0].article_id)
    assert article.text[answer.related[0].start : answer.related[0].end] == answer.related[0].sentence
    assert "answerability" in answer.timings and "Related, not an answer:" in str(answer)


@pytest.mark.parametrize("question", ["", "   \n\t", "x" * 20_000])
def test_bad_questions_get_a_clear_error(seed_assistant: Assistant, question: str) -> None:
    with pytest.raises(QuestionError, match="empty|characters long"):
        seed_assistant.ask(question)


def test_citation_offsets_always_slice_the_article(seed_assistant: Assistant, seed_questions) -> None:
    for q in seed_questions[:8]:
        for c in seed_assistant.ask(q["question"]).citations:
            assert seed_assistant.article(c.article_id).text[c.start : c.end] == c.sentence


def test_langchain_retriever_returns_sentence_documents(seed_assistant: Assistant) -> None:
    docs = seed_assistant.parts.retriever.invoke("Who is the NATO chief?")
    assert "Mark Rutte" in docs[0].page_content
    assert docs[0].metadata["score"] >= docs[-1].metadata["score"]
    assert {"article_id", "start", "end", "dense", "lexical"} <= set(docs[0].metadata)


def test_lexical_half_finds_a_rare_term(empty_assistant: Assistant, tmp_path) -> None:
    from tests.support import write

    filler = " ".join(f"The council discussed budget item number {n} at length." for n in range(30))
    write(tmp_path / "council.txt", filler + "\nThe XQ-77 drone was grounded by the regulator.")
    empty_assistant.ingest([tmp_path / "council.txt"])
    docs = empty_assistant.parts.retriever.invoke("XQ-77")
    assert "XQ-77" in docs[0].page_content
    assert docs[0].metadata["lexical"] == 1.0


@pytest.mark.slow
@pytest.mark.integration
def test_ask_in_a_fresh_interpreter_and_cli_json(tmp_path) -> None:
    env = {**os.environ, "NEWS_ASSISTANT_STORE": str(tmp_path / "store"), "NEWS_ASSISTANT_DEMO": "true"}
    code = "from assistant import ask; a = ask('who rejected foreign troops?'); print(a.short_answer)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "The Kremlin"
    cli = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ask", "--json", "who rejected foreign troops?"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert cli.returncode == 0, cli.stderr
    data = json.loads(cli.stdout)
    assert data["citations"][0]["sentence"].startswith("The Kremlin has dismissed")
    assert data["citations"][0]["start"] == 0


def test_when_the_best_sentences_never_name_what_is_asked_about_an_article_that_does_answers(
    empty_assistant: Assistant, tmp_path
) -> None:
    from tests.support import write

    write(
        tmp_path / "paris.txt",
        "Plague in Paris\nIn 1466, perhaps 40,000 people died of the plague in Paris.\n"
        "During 1498 to 1500 plague returned to the city many times.\n",
    )
    write(
        tmp_path / "baghdad.txt",
        "The Middle East\nThe city on the Tigris suffered severely from visitations of the disease.\n"
        "Baghdad lost two-thirds of its people in the worst of them.\n",
    )
    empty_assistant.ingest([tmp_path])
    question = "How many people died of the plague in Baghdad?"
    ranked = empty_assistant.parts.retriever.rank(question)
    top = empty_assistant.parts.selector.select(ranked, question=question)
    assert "Paris" in top[0].text, "the case needs the best sentence to be from the article without Baghdad"
    answer = empty_assistant.ask(question)
    assert not answer.abstained and "Baghdad" in answer.citations[0].sentence
