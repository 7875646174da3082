"""Shared helpers for the SQuAD-dev benchmarks: build the open-corpus store, read questions, score answers."""

from __future__ import annotations

import collections
import json
import re
import string
from pathlib import Path

from assistant import Assistant

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "squad-dev"


def squad_assistant(store: str, **overrides) -> Assistant:
    """An Assistant on the SQuAD collection of ``store``, indexing all 2,067 paragraphs if not there yet."""
    assistant = Assistant(store_path=store, collection="squad-dev", seeds=None, **overrides)
    if assistant.store.count()[0] < 2067:
        print(assistant.ingest([SHARED / "articles.jsonl"], progress=True).summary())
    return assistant


def questions(name: str, limit: int | None = None) -> list[dict]:
    lines = (SHARED / f"questions.{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:limit] if line.strip()]


def normalize(text: str) -> str:
    """SQuAD's answer normalisation: lowercase, no punctuation, no articles, single spaces."""
    text = "".join(ch for ch in text.lower() if ch not in set(string.punctuation))
    return " ".join(re.sub(r"\b(a|an|the)\b", " ", text).split())


def f1(prediction: str, gold: str) -> float:
    pred, ref = normalize(prediction).split(), normalize(gold).split()
    common = sum((collections.Counter(pred) & collections.Counter(ref)).values())
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def holds_answer(sentence: str, answers: list[str]) -> bool:
    """Whether a sentence contains one of the gold answers (after SQuAD normalisation)."""
    text = f" {normalize(sentence)} "
    return any(f" {normalize(a)} " in text for a in answers if normalize(a))
