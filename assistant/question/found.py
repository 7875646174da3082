"""A phrase a sentence gives for what a question asks (a post's holder, an age, a club, a name) and where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """What a sentence gives (``text``) and its offsets in that sentence (``sentence[start:end] == text``)."""

    text: str
    start: int
    end: int
