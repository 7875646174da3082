"""The question as the later steps need it: checked, made standalone from its conversation, and read for its shape,
the period it keeps to, whether it asks for the latest, and the articles its conversation is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from assistant.question.conversation import Conversation, conversation_of, focus_of
from assistant.question.period import Period, PeriodError, asks_for_latest, published_between
from assistant.question.shape import Shape, shape_of
from assistant.question.standalone import standalone_question
from assistant.timing import StageClock
from assistant.types import Answer
from index.bm25 import LexicalIndex


class QuestionError(ValueError):
    """A question that cannot be asked as given (empty, too long, a bad period); the message says what to change."""


@dataclass(frozen=True)
class Question:
    """A question read: ``asked`` as typed (spaces normalised), ``text`` as it is retrieved and answered (a follow-up
    made standalone), its shape and period, and the articles its conversation has been about (``focus``)."""

    asked: str
    text: str
    shape: Shape
    period: Period | None = None
    latest: bool = False
    focus: Mapping[str, float] = field(default_factory=dict)
    notice: str | None = None  # about the conversation: turns left out or cut

    @property
    def rewritten(self) -> str | None:
        """The standalone question where it differs from the one asked."""
        return self.text if self.text != self.asked else None


class Rewriter(Protocol):
    """What can make a follow-up standalone besides the rules: a language model (``assistant.llm.draft``)."""

    def rewrite(self, question: str, history: Sequence[tuple[str, str]]) -> str | None: ...


class ArticleIndex(Protocol):
    """The current BM25 indexes of the store (``index.lexical.LexicalIndexes``): a follow-up given as text finds its
    articles by their words."""

    def current(self) -> tuple[LexicalIndex, LexicalIndex]: ...


class QuestionReader:
    """Reads a question with its history and period into a ``Question``; a question that cannot be asked is a
    ``QuestionError``."""

    def __init__(self, lexical: ArticleIndex, max_chars: int, rewriter: Rewriter | None = None) -> None:
        self.lexical = lexical
        self.max_chars = max_chars
        self.rewriter = rewriter

    def check(self, question: str) -> str:
        """The question with its spaces normalised, or a QuestionError saying why it cannot be asked."""
        text = " ".join(str(question or "").split())
        if not text:
            raise QuestionError("The question is empty; type a question about the articles.")
        if len(text) > self.max_chars:
            raise QuestionError(f"The question is {len(text):,} characters long; ask in at most {self.max_chars:,}.")
        return text

    def read(
        self,
        question: str,
        history: Sequence[Answer | tuple[str, str]] | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        clock: StageClock | None = None,
    ) -> Question:
        """The question read (``clock`` gets laps "rewrite" and "shape")."""
        clock = clock or StageClock()
        text = self.check(question)
        try:
            period = published_between(since, until)
        except PeriodError as err:
            raise QuestionError(str(err)) from err
        conversation = conversation_of(history)
        standalone = self._standalone(text, conversation)
        focus = focus_of(conversation, self.lexical.current()[1]) if conversation.turns else {}
        clock.lap("rewrite")
        shape = shape_of(standalone)
        if shape.kind == "changes" and period is not None and period.since and not shape.since:
            # What changed since then is told against the older articles: the period is the shape's, not a filter.
            shape, period = replace(shape, since=period.since), None
        clock.lap("shape")
        return Question(text, standalone, shape, period, asks_for_latest(standalone), focus, conversation.notice)

    def _standalone(self, question: str, conversation: Conversation) -> str:
        """The follow-up made standalone: by the rewriter when there is one (and it answers), else by rule."""
        history = conversation.pairs
        rewritten = None
        if history and self.rewriter is not None:
            try:
                rewritten = self.rewriter.rewrite(question, history)
            except Exception:  # noqa: BLE001 - an unreachable model falls back to the rule-based rewrite
                rewritten = None
        return rewritten or standalone_question(question, history)
