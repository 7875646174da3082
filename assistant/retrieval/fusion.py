"""Fusion: a candidate sentence's relevance features, weighted and summed into one score, and the scored sentence
that every later step reads.

The weights are fitted on data (``benchmarks/tune_retrieval.py``) and live in ``Settings``; a conversation's focus
adds its own weighted preference for the articles being discussed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from index.store import article_of

FEATURES = (
    "dense",
    "lexical",
    "article_dense",
    "article_lexical",
    "type_match",
    "coverage",
    "window_coverage",
    "rank_fusion",
)


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the relevance features (``FEATURES``); the fused score is their weighted sum."""

    dense: float
    lexical: float
    article_dense: float
    article_lexical: float
    type_match: float
    coverage: float
    window_coverage: float
    rank_fusion: float

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, f) for f in FEATURES], dtype=np.float32)


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence with its fused relevance score and the features it was fused from (``FEATURES``)."""

    id: str
    score: float
    features: np.ndarray

    @property
    def article_id(self) -> str:
        return article_of(self.id)


def fuse(
    ids: Sequence[str],
    article_ids: Sequence[str],
    features: np.ndarray,
    weights: FusionWeights,
    focus: Mapping[str, float] | None = None,
    focus_weight: float = 0.0,
) -> list[ScoredSentence]:
    """The candidates (``features``: one row per id, columns as ``FEATURES``) scored and best first; ``focus``
    (article id → 0–1, a conversation's) adds ``focus_weight`` times its article's share: a preference for the story
    being discussed, never a filter."""
    fused = features @ weights.as_array()
    if focus and focus_weight:
        fused = fused + focus_weight * np.array([focus.get(a, 0.0) for a in article_ids], np.float32)
    order = np.argsort(-fused, kind="stable")
    return [ScoredSentence(ids[i], float(fused[i]), features[i]) for i in order]


def unfocus(ranked: Sequence[ScoredSentence], focus: Mapping[str, float], weight: float) -> list[ScoredSentence]:
    """``ranked`` (fused with ``focus`` at ``weight``) re-ordered without the preference for these focus articles."""
    scored = [
        replace(r, score=r.score - weight * focus.get(r.article_id, 0.0)) if r.article_id in focus else r
        for r in ranked
    ]
    return sorted(scored, key=lambda r: -r.score)
