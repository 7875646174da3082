"""The prompt templates, read from plain files in ``prompts/`` so they can be edited without touching code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate

from assistant.evidence.select import Evidence

_FACT = "Answer in at most three short sentences."


@dataclass(frozen=True)
class Prompts:
    """The answer, rewrite and yes/no verdict prompts (LangChain ChatPromptTemplates), the not-found sentence, and
    the instruction for each shape of answer (``shapes.txt``)."""

    answer: ChatPromptTemplate
    rewrite: ChatPromptTemplate
    not_found: str
    shapes: dict[str, str] = field(default_factory=dict)
    verdict: ChatPromptTemplate | None = None

    def shape(self, kind: str) -> str:
        """The instruction for an answer of this kind (a fact's when none is given)."""
        return self.shapes.get(kind) or self.shapes.get("fact") or _FACT


def load_prompts(folder: Path) -> Prompts:
    """Read ``<name>.system.txt`` / ``<name>.human.txt`` pairs (``verdict`` if there), ``not_found.txt`` and
    ``shapes.txt`` (if there) from ``folder``."""

    def template(name: str) -> ChatPromptTemplate:
        parts = [(role, (folder / f"{name}.{role}.txt").read_text(encoding="utf-8")) for role in ("system", "human")]
        return ChatPromptTemplate.from_messages(parts)

    not_found = (folder / "not_found.txt").read_text(encoding="utf-8").strip()
    shapes_file = folder / "shapes.txt"
    lines = shapes_file.read_text(encoding="utf-8").splitlines() if shapes_file.exists() else []
    shapes = {
        kind.strip(): instruction.strip()
        for kind, _, instruction in (line.partition(":") for line in lines if line.strip() and not line.startswith("#"))
    }
    verdict = template("verdict") if (folder / "verdict.system.txt").exists() else None
    return Prompts(template("answer").partial(not_found=not_found), template("rewrite"), not_found, shapes, verdict)


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
