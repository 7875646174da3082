"""The prompt templates, read from plain files in ``prompts/`` so they can be edited without touching code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate

from assistant.evidence import Evidence


@dataclass(frozen=True)
class Prompts:
    """The answer and rewrite prompts (LangChain ChatPromptTemplates) and the not-found sentence."""

    answer: ChatPromptTemplate
    rewrite: ChatPromptTemplate
    not_found: str


def load_prompts(folder: Path) -> Prompts:
    """Read ``<name>.system.txt`` / ``<name>.human.txt`` pairs and ``not_found.txt`` from ``folder``."""

    def template(name: str) -> ChatPromptTemplate:
        parts = [(role, (folder / f"{name}.{role}.txt").read_text(encoding="utf-8")) for role in ("system", "human")]
        return ChatPromptTemplate.from_messages(parts)

    not_found = (folder / "not_found.txt").read_text(encoding="utf-8").strip()
    return Prompts(template("answer").partial(not_found=not_found), template("rewrite"), not_found)


def format_sources(evidence: Sequence[Evidence]) -> str:
    """Evidence as numbered data lines; anything in the text that could close the ``<sources>`` block is defused."""
    lines = []
    for n, e in enumerate(evidence, start=1):
        text = e.text.replace("<", "‹").replace(">", "›").replace("\n", " ")
        title = e.title.replace("<", "‹").replace(">", "›").replace("\n", " ")
        lines.append(f"[{n}] ({title}) {text}")
    return "\n".join(lines)


def format_history(history: Sequence[tuple[str, str]], turns: int = 3, cited_chars: int = 400) -> str:
    """The last few (question, answer) turns as plain text for the rewrite prompt: each answer's first line, then
    the sentences it cited (the rest of an extractive answer), cut at ``cited_chars``, for the names they give."""
    lines = []
    for question, answer in history[-turns:]:
        first, _, cited = answer.strip().partition("\n")
        lines += [f"User: {question}", f"Assistant: {first}"]
        cited = " ".join(cited.split())
        if cited:
            lines.append(f"Cited: {cited[:cited_chars]}{'…' if len(cited) > cited_chars else ''}")
    return "\n".join(lines)
