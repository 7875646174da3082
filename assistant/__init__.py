"""News Assistant: answers questions about news articles, citing the exact sentences it relied on.

>>> from assistant import ask
>>> ask("who rejected foreign troops?").short_answer
'The Kremlin'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from assistant.conversation import HistoryError
from assistant.pipeline import Assistant, QuestionError
from assistant.settings import Settings, SettingsError
from assistant.types import Answer, Citation

__all__ = [
    "Answer",
    "Assistant",
    "Citation",
    "EvalResult",
    "HistoryError",
    "QuestionError",
    "Settings",
    "SettingsError",
    "ask",
    "default_assistant",
    "evaluate",
]


@lru_cache(maxsize=1)
def default_assistant() -> Assistant:
    """The process-wide Assistant on the default store, built (and seeded) on first use."""
    return Assistant()


def ask(question: str, history: list[Answer | tuple[str, str]] | None = None, k: int | None = None) -> Answer:
    """Answer a question from the default store; the model and store load once per process."""
    return default_assistant().ask(question, history=history, k=k)


def __getattr__(name: str) -> Any:
    """``evaluate`` and ``EvalResult`` for ``from assistant import evaluate``: the evaluation package stands above
    the assistant (it imports it), so it is imported only when asked for."""
    if name in ("evaluate", "EvalResult"):
        import evaluation

        return getattr(evaluation, name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
