"""The answer as data: what was said, and the exact sentences it stands on."""

from __future__ import annotations

import re
from typing import Literal, get_args

from pydantic import BaseModel, Field

# The shapes of answer (assistant/shape.py): a short fact, an article's summary, a round-up of the news on a topic,
# an overview in several sentences, a list of names, what a name is, the sentence a yes-or-no question turns on, or
# what the article's own record says of it (its author, date, title, source), two things compared side by side, a
# story's dated events (a timeline), what newer articles say that older ones did not (changes), or why (a reason).
Kind = Literal[
    "fact",
    "summary",
    "news",
    "overview",
    "list",
    "definition",
    "yes_no",
    "article",
    "comparison",
    "timeline",
    "changes",
    "reason",
]
KINDS: tuple[Kind, ...] = get_args(Kind)  # in the order of ``Kind``
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$<&])")


class ResolvedDate(BaseModel):
    """A relative date in a sentence (``sentence[start:end] == text``, "last month") and the date it means."""

    text: str
    start: int
    end: int
    means: str = Field(description='ISO 8601: a day "2025-09-04", a month "2025-08" or a year "2025".')
    shown: str = Field(description='For people: "4 September 2025", "August 2025", "2025".')


class Quote(BaseModel):
    """A sentence of a stored article: ``article_text[start:end] == sentence``, always."""

    article_id: str
    title: str
    sentence: str
    start: int
    end: int
    score: float = Field(description="Fused relevance of the sentence to the question.")
    published: str | None = Field(None, description="The article's publication date (ISO 8601), where known.")
    dates: list[ResolvedDate] = Field(
        default_factory=list, description="Its relative dates resolved against ``published`` ('last month')."
    )


class Citation(Quote):
    """A sentence the answer stands on, marked [n] in its text."""

    n: int = Field(description="The citation's number, as marked [n] in the answer text.")


class Disagreement(BaseModel):
    """Two cited sentences, of two articles, that state one thing differently: the older (where dated) first."""

    what: Literal["number", "date", "name", "negation"] = Field(description="What differs between them.")
    values: tuple[str, str] = Field(description='What each says: "26" and "24"; "it did" and "it did not".')
    citations: tuple[int, int] = Field(description="The two sentences' citation numbers, as marked [n].")
    later: bool = Field(description="Whether the second is from a later article (both dated, and apart).")


class Answer(BaseModel):
    """What the assistant says to a question; ``abstained`` answers cite nothing."""

    question: str
    text: str
    short_answer: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    abstained: bool = False
    kind: Kind = Field(
        "fact",
        description="The answer's shape: fact, summary, news, overview, list, definition, yes_no, article, "
        "comparison, timeline or changes.",
    )
    related: list[Quote] = Field(
        default_factory=list, description="When abstaining: the closest sentences, which do not answer (not cited)."
    )
    standalone_question: str | None = None
    confidence: float | None = Field(
        None, description="How likely the evidence answers the question (the answerability model), where it judged."
    )
    disagreement: Disagreement | None = Field(
        None, description="Where the sources differ on the answer: the two sentences, each cited, and what differs."
    )
    answerer: str = Field("extractive", description="What wrote the text: 'extractive' or 'llm'.")
    unsupported: list[str] = Field(default_factory=list, description="Generated sentences dropped by the verifier.")
    notice: str | None = Field(None, description="Why the answer is not what was asked for (LLM down, dropped).")
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per pipeline stage.")

    def __str__(self) -> str:
        """The answer as the terminal chat shows it: its text, then its numbered sources."""
        lines = [self.text]
        if self.unsupported:
            lines.append(f"(removed {len(self.unsupported)} sentence(s) their cited sources do not support)")
        if self.notice:
            lines.append(f"note: {self.notice}")
        if self.citations:
            lines += ["", "Sources:"]
            for c in self.citations:
                published = f", {c.published}" if c.published else ""
                lines.append(f"[{c.n}] {c.title}{published} (chars {c.start}-{c.end}, score {c.score:.2f})")
                lines += [f"    {d.text} → {d.shown}" for d in c.dates]
        if self.related:
            lines += ["", "Related, not an answer:"]
            lines += [f"- {r.sentence} ({r.title})" for r in self.related]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        """The answer in a notebook: the short answer in bold, then each source's title and sentence."""
        text = _escape(self.text)
        if self.short_answer and not self.abstained:
            text = text.replace(_escape(self.short_answer), f"**{_escape(self.short_answer)}**", 1)
        parts = [text]
        if self.notice:
            parts.append(f"*{_escape(self.notice)}*")
        if self.citations:
            parts.append("\n".join(f"{c.n}. *{_escape(c.title)}*: {_escape(c.sentence)}" for c in self.citations))
        if self.related:
            related = "\n".join(f"- {_escape(r.sentence)} (*{_escape(r.title)}*)" for r in self.related)
            parts.append(f"Related, not an answer:\n\n{related}")
        return "\n\n".join(parts)


def _escape(text: str) -> str:
    """Text that Markdown shows as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
