"""A conversation's earlier turns, checked and trimmed, and the articles it has been about (its focus).

History comes as earlier ``Answer`` objects (the chat, ``news-assistant chat``: their citations say which articles
the conversation was citing) or as ``(question, answer_text)`` pairs (an evaluation set, a caller's own log: their
articles are the ones whose words they share, by BM25 over whole articles). A follow-up's retrieval then prefers
those articles a little (``HybridRetriever.rank(focus=...)``), so "What did he say?" stays on the story being
discussed and "Now, what about the election?" can still leave it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.types import Answer
from index.bm25 import LexicalIndex, top_positions

MAX_TURNS = 20  # earlier turns kept: a follow-up leans on the last few
MAX_TURN_CHARS = 4000  # of each turn's question and of its answer
_FOCUS_TURNS = 2  # turns whose articles are in focus, the latest weighing most
_FOCUS_ARTICLES = 2  # articles a turn without citations puts in focus (its best BM25 matches)
_DECAY = 0.5  # a turn's weight against the one after it
SURE = 0.5  # an earlier answer's confidence from which a follow-up takes names from its short answer


class HistoryError(ValueError):
    """History that is not a sequence of Answers or (question, answer) pairs; the message says which item."""


@dataclass(frozen=True)
class Turn:
    """One earlier exchange: what was asked, what was answered, the articles the answer cited (if known), and
    whether the assistant was sure of its short answer (an earlier Answer's ``confidence``; pairs are taken as sure)."""

    question: str
    answer: str
    articles: tuple[str, ...] = ()
    sure: bool = True


@dataclass(frozen=True)
class Conversation:
    """The turns a follow-up is asked after (oldest first), and a notice when some were left out or cut."""

    turns: tuple[Turn, ...] = ()
    notice: str | None = None

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """The turns as (question, answer) text; an answer the assistant was unsure of with its first line (the short
        answer) left empty, so that a follow-up's "he" takes a name the cited sentences give rather than a doubtful
        one."""
        return [(t.question, t.answer if t.sure else "\n" + t.answer.partition("\n")[2].strip()) for t in self.turns]


def conversation_of(history: Sequence[Answer | tuple[str, str]] | None) -> Conversation:
    """The history as turns: wrong types refused (``HistoryError``), empty turns skipped, long ones cut."""
    if history is None:
        return Conversation()
    if isinstance(history, str | bytes) or not isinstance(history, Sequence):
        raise HistoryError(
            f"history must be a list of earlier Answers or (question, answer) pairs, not {type(history).__name__}"
        )
    turns, cut = [], False
    for n, item in enumerate(history, start=1):
        turn = _turn(n, item)
        if not (turn.question or turn.answer):
            continue
        if len(turn.question) > MAX_TURN_CHARS or len(turn.answer) > MAX_TURN_CHARS:
            turn = Turn(turn.question[:MAX_TURN_CHARS], turn.answer[:MAX_TURN_CHARS], turn.articles, turn.sure)
            cut = True
        turns.append(turn)
    dropped = max(0, len(turns) - MAX_TURNS)
    notes = []
    if dropped:
        notes.append(f"only the last {MAX_TURNS} of the conversation's {len(turns)} earlier turns were used")
    if cut:
        notes.append(f"earlier turns longer than {MAX_TURN_CHARS:,} characters were cut")
    notice = "; ".join(notes).capitalize() + "." if notes else None
    return Conversation(tuple(turns[dropped:]), notice)


def _turn(n: int, item: object) -> Turn:
    if isinstance(item, Answer):
        articles = tuple(dict.fromkeys(c.article_id for c in item.citations))
        question = item.standalone_question or item.question  # a follow-up as it was understood
        sure = item.confidence is None or item.confidence >= SURE
        return Turn(" ".join(question.split()), item.text.strip(), articles, sure)
    if isinstance(item, Sequence) and not isinstance(item, str | bytes) and len(item) == 2:
        question, answer = item
        if isinstance(question, str) and isinstance(answer, str):
            return Turn(" ".join(question.split()), answer.strip())
    raise HistoryError(
        f"history item {n} is {type(item).__name__} {str(item)[:60]!r}: give an Answer or a (question, answer) pair "
        "of strings"
    )


def focus_of(conversation: Conversation, articles: LexicalIndex) -> dict[str, float]:
    """Article id → how much the conversation has been about it (0–1): the articles the last turns cited (the latest
    weighing most), or, for turns given as text, the articles whose words best match the whole conversation's (a
    follow-up's own turn may say little: "Is that safe?" "No")."""
    focus: dict[str, float] = {}
    for age, turn in enumerate(reversed(conversation.turns[-_FOCUS_TURNS:])):
        for article in turn.articles:
            focus[article] = max(focus.get(article, 0.0), _DECAY**age)
    if not focus:
        text = " ".join(f"{t.question} {t.answer}" for t in conversation.turns if not t.articles)
        focus = _matching(text, articles) if text.strip() else {}
    return focus


def _matching(text: str, articles: LexicalIndex) -> dict[str, float]:
    """The articles whose words best match ``text`` (BM25), with their score over the best one's."""
    scores = articles.scores(text)
    best = top_positions(scores, _FOCUS_ARTICLES)
    if not len(best):
        return {}
    top = float(scores[best[0]])
    return {articles.ids[i]: float(scores[i]) / top for i in best}
