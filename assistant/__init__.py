"""News Assistant: answers questions about news articles, citing the exact sentences it relied on.

>>> from assistant import ask
>>> ask("who rejected foreign troops?").short_answer
'The Kremlin'

The steps of a question are folders here, in the order a question takes them: ``question/`` → ``retrieval/`` →
``evidence/`` → ``answers/`` → ``llm/``, run by ``pipeline.Assistant`` with parts made by ``build``
(docs/architecture.md). Evaluation stands above the assistant: ``from evaluation import evaluate``.

The names below are imported on first use, so that ``assistant.settings`` and ``assistant.types`` load without the
models' libraries (the command line reads its settings before it knows whether it needs them).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.pipeline import Assistant
    from assistant.question.conversation import HistoryError
    from assistant.question.read import QuestionError
    from assistant.settings import Settings, SettingsError
    from assistant.types import Answer, Citation

_HOMES = {
    "Answer": "assistant.types",
    "Assistant": "assistant.pipeline",
    "Citation": "assistant.types",
    "HistoryError": "assistant.question.conversation",
    "QuestionError": "assistant.question.read",
    "Settings": "assistant.settings",
    "SettingsError": "assistant.settings",
}

__all__ = [
    "Answer",
    "Assistant",
    "Citation",
    "HistoryError",
    "QuestionError",
    "Settings",
    "SettingsError",
    "ask",
    "default_assistant",
]


@lru_cache(maxsize=1)
def default_assistant() -> Assistant:
    """The process-wide Assistant on the default store, built (and seeded) on first use."""
    from assistant.pipeline import Assistant

    return Assistant()


def ask(question: str, history: list[Answer | tuple[str, str]] | None = None, k: int | None = None) -> Answer:
    """Answer a question from the default store; the model and store load once per process."""
    return default_assistant().ask(question, history=history, k=k)


def __getattr__(name: str) -> object:
    """The public names, imported from their modules on first use; ``evaluate`` and ``EvalResult`` moved to the
    evaluation package, which stands above the assistant: say so."""
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    if name in ("evaluate", "EvalResult"):
        raise ImportError(f"assistant.{name} moved: use `from evaluation import {name}` (evaluation stands above it)")
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
