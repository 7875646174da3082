"""Shared fixtures: one seeded store per test session (the embedding model loads once), its evaluation on the seed
questions, and small articles."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from assistant import Assistant, EvalResult, evaluate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "kremlin-foreign-troops.txt"


@pytest.fixture(scope="session")
def seed_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An Assistant on a fresh store, filled with the seed articles on creation."""
    return Assistant(store_path=tmp_path_factory.mktemp("store"), collection="seed-test", seeds=SEEDS)


@pytest.fixture
def empty_assistant(seed_assistant: Assistant) -> Assistant:
    """An Assistant on a new empty collection of the session's store (the model stays cached)."""
    return Assistant(store_path=seed_assistant.settings.store, collection=f"t-{uuid.uuid4().hex[:12]}", seeds=None)


@pytest.fixture(scope="session")
def seed_questions() -> list[dict]:
    return [json.loads(line) for line in (SEEDS / "questions.jsonl").read_text().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_evaluation(seed_assistant: Assistant) -> EvalResult:
    """The seed question set evaluated once against the session's seeded collection (no report files)."""
    store = seed_assistant.settings.store
    return evaluate(SEEDS / "questions.jsonl", store=store, collection=seed_assistant.settings.collection)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
