"""What the answerers of every shape may use besides the question and the decision: the store's stored vectors
(summaries), the evidence selector (more sentences from the ranking), and the lengths and thresholds of answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from assistant.evidence.select import EvidenceSelector


class StoredVectors(Protocol):
    """The sentences' stored embeddings (``SentenceStore.embeddings_of``)."""

    def embeddings_of(self, which: str, ids: Sequence[str]) -> dict[str, np.ndarray]: ...


@dataclass(frozen=True)
class AnswerLimits:
    """How long shaped answers are, and the fused score from which a ranked sentence may be added to one."""

    summary_sentences: int = 4
    overview_sentences: int = 5
    min_relevance: float = 1.1
    min_reading: float = float("-inf")  # reader score from which its span is the short answer
    min_verdict: float = 1.0  # the reader's probability of yes (or no) from which it is said (1: never)


@dataclass(frozen=True)
class AnswerContext:
    """The parts answerers share, built once per Assistant (``assistant.build``)."""

    store: StoredVectors
    selector: EvidenceSelector
    limits: AnswerLimits
