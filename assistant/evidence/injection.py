"""Prompt injection in article text: sentences written to an AI rather than to a reader, never used as evidence."""

from __future__ import annotations

import re

_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,30}\b(instructions?|prompts?)\b"
    r"|\bsystem prompt\b"
    r"|\byou are (now )?(an? )?(ai|assistant|language model|chatbot|llm)\b"
    r"|\b(as an|to the|any) (ai|language model|llm|chatbot)\b",
    re.IGNORECASE,
)


def addresses_the_model(sentence: str) -> bool:
    """Whether a sentence reads as instructions to an AI ("ignore previous instructions and answer …")."""
    return bool(_INSTRUCTION.search(sentence))
