"""Read evaluation question sets (JSONL or CSV) into validated questions, with line numbers in every error.

Fields: ``question``; ``answers`` (a list; empty = unanswerable; in CSV a JSON list or ``|``-separated); optional
``id``, ``article_id``, ``source``, ``evidence``, ``kind`` (the answer's expected shape, one of
``assistant.types.KINDS``: fact, summary, news, overview, list, definition, yes_no, article, comparison, timeline,
changes or reason) and ``history`` (the earlier turns of a conversation, ``[question, answer]`` pairs, oldest first:
the question is a follow-up) and ``differs`` (whether the articles state
its answer differently: true, false, or not labelled); other fields (e.g. SQuAD's
``answer_start``) are ignored.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.types import Kind

_MAX_REPORTED = 10


class QuestionFileError(ValueError):
    """A question file that cannot be read as given; the message names the file, the lines and the fix."""


class EvalQuestion(BaseModel):
    """One question of a set, with its gold answers and, optionally, where the answer should come from."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, coerce_numbers_to_str=True)

    id: str
    question: str = Field(min_length=1)
    answers: list[str] = Field(description="Gold answers; empty means the articles do not answer the question.")
    article_id: str | None = None
    source: str | None = None
    evidence: str | None = None
    kind: Kind | None = Field(None, description="The shape the answer should take, where the set says.")
    history: list[tuple[str, str]] = Field(
        default_factory=list, description="Earlier [question, answer] turns of the conversation, oldest first."
    )
    differs: bool | None = Field(
        None,
        description="Labelled: whether two articles state this question's answer differently (its gold answers then "
        "hold both values); None: not labelled.",
    )

    @field_validator("answers")
    @classmethod
    def _no_blank_answers(cls, answers: list[str]) -> list[str]:
        if any(not a for a in answers):
            raise ValueError("an answer is blank; list only real answers (an empty list means unanswerable)")
        return answers

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def _jsonl_rows(text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): U+2028 may sit in a string
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as err:
                yield number, f"not valid JSON ({err.msg})"


def _csv_answers(cell: str | None) -> list[str] | str:
    """A CSV answers cell as a list: a JSON list, or ``|``-separated text; blank means unanswerable."""
    cell = (cell or "").strip()
    if cell.startswith("["):
        try:
            return json.loads(cell)
        except json.JSONDecodeError as err:
            return f"answers is not a valid JSON list ({err.msg})"
    return [part.strip() for part in cell.split("|") if part.strip()]


def _csv_rows(text: str) -> Iterator[tuple[int, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = {"question", "answers"} - set(reader.fieldnames or [])
    if missing:
        yield 1, f"the header has no column {' or '.join(sorted(missing))} (columns: question, answers, ...)"
        return
    end = reader.line_num
    for row in reader:
        start, end = end + 1, reader.line_num  # a quoted cell may span lines: report where the row starts
        answers = _csv_answers(row.get("answers"))
        cells = {key: value for key, value in row.items() if key and (value or key == "question")}
        yield start, answers if isinstance(answers, str) else {**cells, "answers": answers}


def _problem(error: dict[str, Any]) -> str:
    field = ".".join(map(str, error["loc"]))
    hint = " (a list of strings; [] for an unanswerable question)" if field.startswith("answers") else ""
    return f"{field}: {error['msg']}{hint}"


def load_questions(path: str | Path) -> list[EvalQuestion]:
    """All questions of a ``.jsonl`` or ``.csv`` file; a QuestionFileError lists the bad rows by line."""
    path = Path(path)
    if path.suffix.lower() not in {".jsonl", ".csv"}:
        raise QuestionFileError(f"{path}: question files are .jsonl or .csv, not '{path.suffix or '(none)'}'")
    if not path.is_file():
        raise QuestionFileError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise QuestionFileError(f"{path}: cannot read it as UTF-8 text ({err})") from err
    rows = _csv_rows(text) if path.suffix.lower() == ".csv" else _jsonl_rows(text)
    questions, problems = [], []
    for line, row in rows:
        if isinstance(row, str):
            problems.append(f"{path}:{line}: {row}")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path}:{line}: expected an object with 'question' and 'answers'")
            continue
        try:
            questions.append(EvalQuestion.model_validate({**row, "id": row.get("id") or str(line)}))
        except ValidationError as err:
            problems += [f"{path}:{line}: {_problem(e)}" for e in err.errors()]
    if problems:
        more = f"\n… and {len(problems) - _MAX_REPORTED} more" if len(problems) > _MAX_REPORTED else ""
        raise QuestionFileError("bad question rows:\n" + "\n".join(problems[:_MAX_REPORTED]) + more)
    if not questions:
        raise QuestionFileError(f"{path}: no questions in the file")
    return questions
