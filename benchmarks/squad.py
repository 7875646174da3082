"""Shared helpers for the SQuAD-dev benchmarks: build the open-corpus store, read questions.

Answers are scored with ``evaluation.metrics``, the same functions ``news-assistant eval`` uses.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant import Assistant

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "squad-dev"
SQUAD2 = SHARED.parent / "squad2-dev-tune"  # SQuAD 2.0 dev, the tuning half's titles: unanswerable questions too


def squad_assistant(store: str, **overrides) -> Assistant:
    """An Assistant on the SQuAD collection of ``store``, indexing all 2,067 paragraphs if not there yet."""
    assistant = Assistant(store_path=store, collection="squad-dev", seeds=None, **overrides)
    if assistant.parts.store.count()[0] < 2067:
        print(assistant.ingest([SHARED / "articles.jsonl"], progress=True).summary())
    return assistant


def paragraphs() -> dict[str, dict]:
    """The SQuAD-dev paragraphs by id (each row: ``id``, ``title``, ``text``)."""
    rows = (json.loads(line) for line in (SHARED / "articles.jsonl").read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}


def questions(name: str, limit: int | None = None) -> list[dict]:
    lines = (SHARED / f"questions.{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:limit] if line.strip()]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def squad2() -> tuple[dict[str, dict], list[dict]]:
    """SQuAD 2.0's tuning titles: paragraphs by id, and questions (``answers: []`` when unanswerable, with the
    ``plausible_answers`` a careless reader would give)."""
    return {row["id"]: row for row in _rows(SQUAD2 / "articles.jsonl")}, _rows(SQUAD2 / "questions.jsonl")
