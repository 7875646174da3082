"""Citations: the one place evidence becomes the numbered sentences an answer cites, and the "sentence [n]" text
that quotes them."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.dates import resolve_relative_dates
from assistant.evidence.select import Evidence
from assistant.types import Citation, Quote


def quotes_for(evidence: Sequence[Evidence]) -> list[Quote]:
    """The evidence as sentences shown beside an answer but not cited by it."""
    return [Quote(**_quoted(e)) for e in evidence]


def citations_for(evidence: Sequence[Evidence]) -> list[Citation]:
    """The evidence as the answer's citations, numbered [1], [2], … in order."""
    return [Citation(n=n, **_quoted(e)) for n, e in enumerate(evidence, start=1)]


def cited_text(citations: Sequence[Citation]) -> str:
    """The cited sentences one after another, each followed by its marker: "The Kremlin has dismissed… [1] …"."""
    return " ".join(f"{c.sentence} [{c.n}]" for c in citations)


def _quoted(e: Evidence) -> dict:
    return {
        "article_id": e.article_id,
        "title": e.title,
        "sentence": e.text,
        "start": e.start,
        "end": e.end,
        "score": round(e.score, 4),
        "published": e.published,
        "dates": resolve_relative_dates(e.text, e.published),
    }
