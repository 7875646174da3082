"""Shared fixtures: one seeded store per test session (the embedding model and the reader load once), its
evaluation on the seed questions, and scratch space; helpers and constants are in tests/support.py.

Two tiers: a test that uses one of the real-model fixtures below is marked ``integration`` here (others mark
themselves: a real Chroma store, the CLI, a server, a browser); every other test runs on fakes, and loading a real
model in one fails it (``pytest -m "not integration"``, ``make test-fast``)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import onnxruntime
import pytest
import sentence_transformers

from assistant import Assistant
from assistant.evidence.reader import Reader, reader
from evaluation import EvalResult, evaluate
from tests.support import SEEDS

# Fixtures that load the real embedding model, the reader or a Chroma store.
REAL_MODELS = frozenset(
    {"seed_assistant", "empty_assistant", "seed_reader", "seed_sentences", "seed_evaluation", "scratch"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test using a real-model fixture ``integration``."""
    for item in items:
        if REAL_MODELS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def _fast_tests_load_no_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test not marked ``integration`` that starts a model (an ONNX session, sentence-transformers) fails."""
    if request.node.get_closest_marker("integration") is not None:
        return

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{request.node.nodeid} loads a real model: mark it integration or use the fakes")

    monkeypatch.setattr(onnxruntime.InferenceSession, "__init__", refuse)
    monkeypatch.setattr(sentence_transformers.SentenceTransformer, "__init__", refuse)


@pytest.fixture(scope="session")
def seed_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An Assistant on a fresh store, filled with the seed articles on creation."""
    return Assistant(store_path=tmp_path_factory.mktemp("store"), collection="seed-test", seeds=SEEDS)


@pytest.fixture
def empty_assistant(seed_assistant: Assistant) -> Assistant:
    """An Assistant on a new empty collection of the session's store (the model stays cached)."""
    return Assistant(store_path=seed_assistant.settings.store, collection=f"t-{uuid.uuid4().hex[:12]}", seeds=None)


@pytest.fixture(scope="session")
def seed_reader(seed_assistant: Assistant) -> Reader:
    """The reader the seed Assistant uses (loaded once per process)."""
    return reader(seed_assistant.settings.model, str(seed_assistant.settings.encoder_cache))


@pytest.fixture(scope="session")
def seed_sentences(seed_assistant: Assistant) -> dict[str, str]:
    """The seed articles' sentences by id."""
    return dict(zip(*seed_assistant.parts.store.all_texts("sentences"), strict=True))


@pytest.fixture(scope="session")
def seed_questions() -> list[dict]:
    return [json.loads(line) for line in (SEEDS / "questions.jsonl").read_text().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_evaluation(seed_assistant: Assistant) -> EvalResult:
    """The seed question set evaluated once against the session's seeded collection (no report files)."""
    store = seed_assistant.settings.store
    return evaluate(SEEDS / "questions.jsonl", store=store, collection=seed_assistant.settings.collection)


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory, seed_assistant: Assistant) -> tuple[Path, Path, str]:
    """The session's store (for new collections), a folder for generated files, and the session's model."""
    return Path(seed_assistant.settings.store), tmp_path_factory.mktemp("generated"), seed_assistant.settings.model
