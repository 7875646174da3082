"""Re-ranking by date: a question's period keeps to the articles published in it, and a question asking for the
latest ranks newer articles first among about equally relevant ones.

Each candidate article's publication date becomes a recency between 0 (the oldest dated candidate) and 1 (the
newest); ``weight`` × recency is added to its sentences' fused scores, so a newer article overtakes an older one
only when the two are about equally relevant. The weight is fitted by ``benchmarks/tune_recency.py``; undated
articles get nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from assistant.question.period import Period
from assistant.retrieval.fusion import ScoredSentence


def in_period(
    ranked: Sequence[ScoredSentence], published: Mapping[str, str | None], period: Period
) -> list[ScoredSentence]:
    """The ranked sentences of the articles published within ``period`` (``published``: article id → ISO date)."""
    kept = {a for a, date in published.items() if period.holds(date)}
    return [r for r in ranked if r.article_id in kept]


def newest_first(
    ranked: Sequence[ScoredSentence], published: Mapping[str, str | None], weight: float
) -> list[ScoredSentence]:
    """``ranked`` re-scored with ``weight`` × its article's recency among the candidates (``published``: article id
    → ISO date or None), best first."""
    days = {a: _day(d) for a, d in published.items()}
    known = [d for d in days.values() if d is not None]
    if not known or weight == 0:
        return list(ranked)
    oldest, span = min(known), max(known) - min(known)

    def recency(article_id: str) -> float:
        day = days.get(article_id)
        if day is None:
            return 0.0
        return 1.0 if span == 0 else (day - oldest) / span

    return sorted((replace(r, score=r.score + weight * recency(r.article_id)) for r in ranked), key=lambda r: -r.score)


def _day(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None
