"""Many users at once: 20 chat sessions × 25 questions against one running ``news-assistant ui`` while articles are
uploaded through the same server: no errors, and every answer is the right one.

Chroma's on-disk store serves one process (the store is locked by the server), so the concurrent ingestion goes
through the UI's own upload endpoint rather than a second ``news-assistant ingest``.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from tests.support import KREMLIN, SEED_QUESTION, SEEDS, generated_articles, ui_server, write_jsonl

pytestmark = [pytest.mark.slow, pytest.mark.integration]

SESSIONS, QUESTIONS = 20, 25
UPLOADS, PER_UPLOAD = 8, 25


def _plain(markdown: str) -> str:
    """The chat message without Markdown's backslash escapes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _last_answer(chat: list[dict]) -> str:
    content = chat[-1]["content"]
    return _plain(content[0]["text"] if isinstance(content, list) else content)


def _session(url: str, questions: list[dict], answered: list[tuple[float, float]]) -> list[str]:
    """One browser-like session asking its questions in turn, noting (when answered, seconds taken) of each;
    returns what went wrong."""
    client = Client(url, verbose=False)
    wrong = []
    for q in questions:
        started = time.perf_counter()
        _, chat, sources = client.predict(q["question"], [], 3, api_name="/ask")
        answered.append((time.perf_counter(), time.perf_counter() - started))
        answer = _last_answer(chat)
        if q["answers"] and (answer.startswith("∅") or q["evidence"] not in _plain(sources)):
            wrong.append(f"{q['question']!r} → {answer[:120]!r}")
        if not q["answers"] and not answer.startswith("∅"):
            wrong.append(f"{q['question']!r} should abstain → {answer[:120]!r}")
        if q["question"] == SEED_QUESTION and KREMLIN not in answer:
            wrong.append(f"seed question → {answer[:120]!r}")
    return wrong


def _uploads(url: str, files: list[Path]) -> tuple[list[str], float, float]:
    """Upload the files one by one through the UI; their statuses and when the uploads began and ended."""
    client = Client(url, verbose=False)
    began = time.perf_counter()
    statuses = [client.predict([handle_file(str(f))], api_name="/upload") for f in files]
    return statuses, began, time.perf_counter()


def test_twenty_sessions_ask_while_articles_are_uploaded(tmp_path: Path) -> None:
    seeds = [json.loads(line) for line in (SEEDS / "questions.jsonl").read_text().splitlines() if line.strip()]
    seeds = [q for q in seeds if q.get("kind", "fact") == "fact"]  # a summary would be of the latest upload
    pool = [{"question": SEED_QUESTION, "answers": ["The Kremlin"], "evidence": KREMLIN}, *seeds]
    files = [
        write_jsonl(tmp_path / f"batch-{n}.jsonl", generated_articles(PER_UPLOAD, tag=f"u{n}-")) for n in range(UPLOADS)
    ]
    answered: list[tuple[float, float]] = []
    with ui_server(tmp_path / "store", tmp_path / "server.log", collection="busy") as url:
        started = time.perf_counter()
        with ThreadPoolExecutor(SESSIONS + 1) as threads:
            uploading = threads.submit(_uploads, url, files)
            sessions = [
                threads.submit(_session, url, [pool[(s + i) % len(pool)] for i in range(QUESTIONS)], answered)
                for s in range(SESSIONS)
            ]
            wrong = [w for future in sessions for w in future.result(timeout=600)]
            statuses, upload_began, upload_ended = uploading.result(timeout=600)
        elapsed = time.perf_counter() - started
        _, listed = Client(url, verbose=False).predict(api_name="/refresh")
        log = (tmp_path / "server.log").read_text()
    assert wrong == [], wrong[:5]
    assert len(answered) == SESSIONS * QUESTIONS
    during_uploads = sum(upload_began <= at <= upload_ended for at, _ in answered)
    assert during_uploads > SESSIONS, "the questions should overlap the uploads"
    assert statuses == [f"{PER_UPLOAD} added, 0 replaced, 0 unchanged; {PER_UPLOAD * 5} sentences added"] * UPLOADS
    assert len(listed["choices"]) == 1 + UPLOADS * PER_UPLOAD
    assert "Traceback" not in log and "Error" not in log, log[-2000:]
    latencies = [seconds for _, seconds in answered]
    p50, p95 = statistics.median(latencies), statistics.quantiles(latencies, n=20)[-1]
    print(
        f"{SESSIONS} sessions × {QUESTIONS} questions with {UPLOADS * PER_UPLOAD} articles uploaded meanwhile: "
        f"{elapsed:.0f} s, {during_uploads} answered during the {upload_ended - upload_began:.0f} s of uploads, "
        f"latency p50 {p50:.2f} s, p95 {p95:.2f} s"
    )
