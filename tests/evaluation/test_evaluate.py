"""Evaluation runs: question files (JSONL, CSV, bad rows), the seed set's scores, eval collections kept apart from
the user's, the report files written by the CLI, and --compare flagging regressions."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.types import KINDS
from evaluation import EvalResult, EvaluationError, Summary, evaluate
from evaluation.compare import compare
from evaluation.metrics import METRICS, is_evidence_sentence
from evaluation.question_sets import QuestionFileError, load_questions
from evaluation.report import label
from evaluation.results import summarize
from tests.support import SEEDS, write
from ui.cli import main

HARBOUR = (
    "Port Elin closes its harbour bridge\n"
    "The harbour bridge in Port Elin was closed on Tuesday after inspectors found cracks in two pillars.\n"
    "Mayor Ada Brenner said the repairs would cost 4 million euros and take until spring.\n"
    "Ferries will carry commuters across the bay in the meantime."
)
ORCHARD = (
    "Valley orchards expect a record apple harvest\n"
    "Growers in the Sorn valley expect to pick 12,000 tonnes of apples this autumn.\n"
    "The cooperative's chair, Tomas Vey, credited the wet spring."
)


def test_jsonl_questions_with_squad_fields(tmp_path: Path) -> None:
    rows = [
        {"id": "57a", "article_id": "Super_Bowl_50#0", "question": " Who won? ", "answers": ["Denver Broncos"],
         "answer_start": [177], "evidence": "The Denver Broncos defeated the Carolina Panthers."},
        {"question": "What is the recipe\u2028for banana bread?", "answers": []},  # a raw line separator
    ]  # fmt: skip
    path = write(tmp_path / "q.jsonl", "\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\r\n\n")
    first, second = load_questions(path)
    assert (first.id, first.question, first.answers, first.article_id) == ("57a", "Who won?", ["Denver Broncos"],
                                                                           "Super_Bowl_50#0")  # fmt: skip
    assert first.answerable and not second.answerable
    assert second.id == "2"  # no id: its line number


def test_csv_questions_accept_json_lists_pipes_and_blank_answers(tmp_path: Path) -> None:
    text = (
        "question,answers,source,evidence,notes\n"
        'Who is the mayor?,Ada Brenner|Brenner,harbour.txt,,x\n'
        'How much?,"[""4 million euros"", ""€4m""]",,would cost,\n'
        "What is the capital of Peru?,,,,\n"
        '"Which bridge,\nexactly?", harbour bridge | the bridge ,,,\n'
    )  # fmt: skip
    questions = load_questions(write(tmp_path / "q.csv", text))
    assert [q.answers for q in questions] == [
        ["Ada Brenner", "Brenner"], ["4 million euros", "€4m"], [], ["harbour bridge", "the bridge"]
    ]  # fmt: skip
    assert questions[0].source == "harbour.txt" and questions[0].evidence is None
    assert questions[1].evidence == "would cost" and questions[1].source is None
    assert questions[3].question == "Which bridge,\nexactly?" and questions[3].id == "5"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "q.jsonl",
            '{"question": "ok?", "answers": []}\n{"question": "x", "answers": "Paris"}\n',
            r"q.jsonl:2: answers",
        ),
        ("q.jsonl", '{"question": "ok?", "answers": []}\n\n{"question": "x"\n', r"q.jsonl:3: not valid JSON"),
        ("q.jsonl", '{"question": "  ", "answers": ["a"]}\n', r"q.jsonl:1: question"),
        ("q.jsonl", '{"question": "x", "answers": ["a", ""]}\n', r"q.jsonl:1: answers: .*blank"),
        ("q.jsonl", '{"answers": []}\n', r"q.jsonl:1: question: Field required"),
        ("q.csv", "question,answers\nfine?,a\nbad?,[not json\n", r"q.csv:3: answers is not a valid JSON list"),
        ("q.csv", "query,gold\nx,y\n", r"q.csv:1: .*no column answers or question"),
        ("q.txt", "question\n", r"\.jsonl or \.csv"),
        ("q.jsonl", "\n\n", r"no questions"),
    ],
)
def test_bad_question_files_name_the_line(tmp_path: Path, name: str, text: str, expected: str) -> None:
    with pytest.raises(QuestionFileError, match=expected):
        load_questions(write(tmp_path / name, text))


def test_seed_evaluation(seed_evaluation: EvalResult, seed_questions: list[dict]) -> None:
    s, rows = seed_evaluation.summary, seed_evaluation.rows
    unanswerable = sum(not q["answers"] for q in seed_questions)
    assert (s.questions, s.answerable, s.unanswerable) == (len(seed_questions), len(seed_questions) - unanswerable, 8)
    assert s == summarize(rows, s.k, run=s.run)  # the summary is the rows' aggregate
    assert set(s.metrics) == set(METRICS)
    assert s.metrics["abstention_recall"] == 1.0 and s.metrics["wrong_abstention_rate"] == 0.0
    assert s.metrics["top_citation_accuracy"] == 1.0
    assert s.metrics["exact_match"] >= 0.7
    assert s.metrics["shape_accuracy"] == 1.0 and set(s.by_kind) == set(KINDS)
    assert sum(m["questions"] for m in s.by_kind.values()) == s.questions
    assert s.metrics["latency_p50_ms"] > 0 and s.metrics["ingest_seconds"] is None
    for row in rows:
        if row.kind in ("summary", "news", "overview", "yes_no"):  # no phrase picked out, so none scored
            assert row.exact_match is None and row.f1 is None
        if row.answers and row.kind == "fact":
            # the first citation holds the answer: the retriever's first sentence, or one the reader moved up from
            # among the five it reads ("What did Macron say?": "Macron said…" over "…Macron announced…")
            assert is_evidence_sentence(row.citations[0].sentence, row.answers, row.evidence), row.question
            assert row.evidence_rank is not None and row.evidence_rank <= 5, row.question
        elif row.answers:
            assert row.correct == row.citations[0].supports, row.question
        else:
            assert row.exact_match is None and row.evidence_rank is None and row.correct == row.abstained


def test_articles_get_their_own_collection(seed_assistant: Assistant, tmp_path: Path) -> None:
    store = seed_assistant.settings.store
    before = seed_assistant.parts.store.count()
    articles = [write(tmp_path / "a" / "harbour.txt", HARBOUR), write(tmp_path / "a" / "orchard.txt", ORCHARD)]
    questions = write(
        tmp_path / "q.csv",
        "question,answers,source\n"
        "Who is the mayor of Port Elin?,Ada Brenner,harbour.txt\n"
        'How many tonnes of apples do growers expect?,"12,000 tonnes",orchard.txt\n'
        "What is the population of Brazil?,,\n",
    )
    first = evaluate(questions, articles=[tmp_path / "a"], store=store)
    assert seed_assistant.parts.store.count() == before  # the default collection is untouched
    run = first.summary.run
    assert run["collection"].startswith("eval-") and (run["articles"], run["unresolved_article_references"]) == (2, 0)
    assert first.summary.metrics["ingest_seconds"] > 0 and run["ingest"].startswith("2 added")
    assert all(r.article_rank is not None for r in first.rows if r.answers)
    again = evaluate(questions, articles=list(reversed(articles)), store=store)  # same content, other order
    assert again.summary.run["collection"] == run["collection"] and again.summary.run["ingest"].startswith("0 added")
    with pytest.raises(EvaluationError, match="not both"):
        evaluate(questions, articles=articles, store=store, collection="news")


def test_conversations_are_asked_with_their_history_and_reported_apart(
    seed_assistant: Assistant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {"question": "Who is the Kremlin spokesperson?", "answers": ["Dmitry Peskov"]},
        {
            "question": "What did he say?",
            "answers": ["Definitely not"],
            "evidence": "Definitely not, they cannot",
            "history": [["Who is the Kremlin spokesperson?", "Dmitry Peskov"]],
        },
    ]
    path = write(tmp_path / "chat.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    where = {"store": seed_assistant.settings.store, "collection": seed_assistant.settings.collection}
    with_history = evaluate(path, **where)
    first, follow = with_history.rows
    assert (first.follow_up, follow.follow_up) == (False, True)
    assert "Peskov" in follow.standalone_question and follow.citations[0].supports
    assert set(with_history.summary.by_turn) == {"first", "follow-up"}
    assert with_history.summary.by_turn["follow-up"]["top_citation_accuracy"] == 1.0
    without = evaluate(path, history=False, **where)
    assert without.rows[1].standalone_question is None and without.summary.run["history"] is False
    out = tmp_path / "out"
    args = ["--store", str(where["store"]), "--collection", where["collection"], "eval", str(path), "--out", str(out)]
    assert main([*args, "--no-history"]) == 0
    assert "first turns and follow-ups" in capsys.readouterr().out
    saved = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert saved[1]["follow_up"] is True and saved[1]["standalone_question"] is None


def test_a_history_that_is_not_pairs_is_refused_by_line(tmp_path: Path) -> None:
    path = write(tmp_path / "q.jsonl", json.dumps({"question": "Why?", "answers": [], "history": ["just a string"]}))
    with pytest.raises(QuestionFileError, match=r"q\.jsonl:1: history\.0: Input should be a valid tuple"):
        load_questions(path)


def test_a_question_the_assistant_refuses_stops_the_run_before_it_starts(
    seed_assistant: Assistant, tmp_path: Path
) -> None:
    path = write(tmp_path / "q.jsonl", json.dumps({"question": "why? " * 1000, "answers": []}))
    with pytest.raises(EvaluationError, match="question 1: .*characters long"):
        evaluate(path, store=seed_assistant.settings.store, collection=seed_assistant.settings.collection)


def test_llm_answerer_is_refused_clearly(seed_assistant: Assistant) -> None:
    store, collection = seed_assistant.settings.store, seed_assistant.settings.collection
    with pytest.raises(EvaluationError, match="no LLM is configured"):
        evaluate(SEEDS / "questions.jsonl", answerer="llm", store=store, collection=collection)
    with pytest.raises(EvaluationError, match=r"no LLM is configured: .*pip install -e '\.\[ollama\]'"):
        evaluate(SEEDS / "questions.jsonl", answerer="llm", store=store, collection=collection, llm="ollama")


def test_cli_writes_the_report_and_flags_regressions(
    seed_assistant: Assistant,
    seed_evaluation: EvalResult,
    seed_questions: list[dict],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    metrics = seed_evaluation.summary.metrics
    better = {**metrics, "exact_match": metrics["exact_match"] + 0.2, "latency_p50_ms": None, "latency_p95_ms": None}
    old = write(tmp_path / "old.json", seed_evaluation.summary.model_copy(update={"metrics": better}).model_dump_json())
    out = tmp_path / "out"
    args = ["--store", str(seed_assistant.settings.store), "--collection", seed_assistant.settings.collection]
    code = main([*args, "eval", str(SEEDS / "questions.jsonl"), "--out", str(out), "--compare", str(old)])
    printed = capsys.readouterr().out
    assert code == 1 and "REGRESSION" in printed and "1 regression(s)" in printed
    assert (out / "report.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    summary = Summary.model_validate_json((out / "summary.json").read_text())
    assert summary.questions == len(seed_questions)
    with (out / "results.csv").open(newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == len(seed_questions) and {"question", "answer", "gold", "correct", "citations"} <= set(table[0])
    assert len((out / "results.jsonl").read_text().splitlines()) == len(seed_questions)
    report = (out / "report.md").read_text()
    assert all(f"| {label(name, 5)} |" in report and METRICS[name].definition[:40] in report for name in METRICS)


def test_compare_flags_only_moves_beyond_tolerance(seed_evaluation: EvalResult) -> None:
    new = seed_evaluation.summary
    metrics = dict(new.metrics)
    old = new.model_copy(update={"metrics": {**metrics, "f1": metrics["f1"] + 0.005}})
    assert not any(d.regression for d in compare(old, new))  # within the 0.01 tolerance
    slower = new.model_copy(update={"metrics": {**metrics, "latency_p50_ms": metrics["latency_p50_ms"] * 1.5}})
    assert [d.name for d in compare(new, slower) if d.regression] == ["latency_p50_ms"]
    assert not any(d.regression for d in compare(slower, new))  # faster is no regression
    worse_at_10 = new.model_copy(update={"k": 10, "metrics": {**metrics, "retrieval_recall_at_k": 0.0}})
    assert not any(d.regression for d in compare(new, worse_at_10))  # another k: not comparable
    worse_at_5 = worse_at_10.model_copy(update={"k": new.k})
    assert [d.name for d in compare(new, worse_at_5) if d.regression] == ["retrieval_recall_at_k"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["eval", "missing.jsonl"], "missing.jsonl: no such file"),
        (["eval", str(SEEDS / "questions.jsonl"), "--compare", "nowhere.json"], "cannot read the summary"),
    ],
)
def test_cli_errors_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err
