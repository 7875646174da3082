"""The answer as data: what was said, and the exact sentences it stands on."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Citation(BaseModel):
    """A cited sentence: ``article_text[start:end] == sentence``, always."""

    n: int = Field(description="The citation's number, as marked [n] in the answer text.")
    article_id: str
    title: str
    sentence: str
    start: int
    end: int
    score: float = Field(description="Fused relevance of the sentence to the question.")


class Answer(BaseModel):
    """What the assistant says to a question; ``abstained`` answers cite nothing."""

    question: str
    text: str
    short_answer: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = False
    standalone_question: str | None = None
    answerer: str = Field("extractive", description="What wrote the text: 'extractive' or 'llm'.")
    unsupported: list[str] = Field(default_factory=list, description="Generated sentences dropped by the verifier.")
    notice: str | None = Field(None, description="Why the answer is not what was asked for (LLM down, dropped).")
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per pipeline stage.")
