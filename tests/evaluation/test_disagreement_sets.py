"""The labelled "sources differ" set made from real paragraphs (unit, on a small SQuAD-shaped folder): a copy a
week later that changes the answer to another value of its kind, or agrees on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.disagreement_sets import changed, restated, value_kind, write_set
from tests.support import write_jsonl

PARAGRAPHS = [
    {"id": f"P#{n}", "title": "Port", "text": f"The port opened in {1900 + n}. It employs {120 + n} people. "
     f"Its director is Anna Berg{n}."} for n in range(4)
]  # fmt: skip
QUESTIONS = [
    {"id": f"q{n}", "article_id": f"P#{n}", "question": "When did the port open?", "answers": [str(1900 + n)],
     "evidence": f"The port opened in {1900 + n}."} for n in range(4)
]  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "kind"),
    [("1998", "date"), ("Friday", "date"), ("4,530", "number"), ("$12 million", "number"), ("Cam Newton", "name"),
     ("The Broncos", None), ("a red flag", None)],
)  # fmt: skip
def test_an_answers_kind_is_read_by_plain_rules(answer: str, kind: str | None) -> None:
    assert value_kind(answer) == kind


def test_a_changed_value_is_another_of_its_kind_and_a_restated_one_the_same() -> None:
    assert changed("1998", "date", [], 0) == "1999" and changed("Friday", "date", [], 0) == "Saturday"
    assert changed("4,530", "number", [], 0) == "4,983"
    assert changed("Cam Newton", "name", ["Von Miller", "Cam Smith"], 0) == "Von Miller"  # no word shared
    assert restated("4,530", "number") == "4530" and restated("$12 million", "number") == "$12m"
    assert restated("Cam Newton", "name") == "Newton" and restated("1998", "date") is None


def test_the_set_pairs_each_paragraph_with_a_later_copy_labelled_by_whether_it_differs(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "squad" / "articles.jsonl", PARAGRAPHS)
    write_jsonl(tmp_path / "squad" / "questions.tune.jsonl", QUESTIONS)
    assert write_set("tune", tmp_path / "out", limit=4, squad=tmp_path / "squad") == (2, 2)
    articles = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    questions = [json.loads(line) for line in (tmp_path / "out" / "questions.jsonl").read_text().splitlines()]
    assert [a["date"] for a in articles[:2]] == ["2025-01-10", "2025-01-17"]
    assert [q["differs"] for q in questions] == [True, False, True, False]
    first, copy = articles[0]["text"], articles[1]["text"]
    assert questions[0]["answers"] == ["1900", "1901"] and copy == first.replace("1900", "1901")
    agreeing = articles[3]["text"]  # a year has no other way to be written: another sentence's number moved
    assert "opened in 1901" in agreeing and agreeing != articles[2]["text"] and questions[1]["answers"] == ["1901"]
