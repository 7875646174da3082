"""The article a question about the articles themselves is about ("Summarise the article", "Who wrote it?",
"Which people are mentioned?"), and what its stored record says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, Protocol

from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from index.store import StoredArticle

RecordField = Literal["author", "date", "title", "source"]


class ArticleHeaders(Protocol):
    """What finding the article reads from a store: its articles' headers."""

    def list_articles(self) -> list[StoredArticle]: ...

    def headers(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]: ...


_TOPIC_DEPTH = 8  # candidates whose articles vie to be the one a topic asks about


def article_about(
    store: ArticleHeaders, question: Question, ranked: Sequence[ScoredSentence]
) -> tuple[StoredArticle | None, bool]:
    """The article the question is about: the best-ranked one when it names a topic, else the one its conversation
    is most about, else the only one or, among several, the most recently added (then ``True``: a guess the answer
    says it made); always one published in the question's period when it gives one."""
    period = question.period
    if question.shape.topic and ranked:  # the ranking keeps to the period already
        about = _most_about(ranked[:_TOPIC_DEPTH])
        return store.headers([about]).get(about), False
    if question.focus:
        talked_about = max(question.focus, key=question.focus.__getitem__)
        header = store.headers([talked_about]).get(talked_about)
        if header is not None and (period is None or period.holds(header.date)):
            return header, False
    articles = [a for a in store.list_articles() if period is None or period.holds(a.date)]
    if not articles:
        return None, False
    return max(articles, key=lambda a: (a.added, a.date or "")), len(articles) > 1


def _most_about(ranked: Sequence[ScoredSentence]) -> str:
    """The article whose sentences among the best candidates score most together: the story about a topic speaks of
    it in several sentences, where another mentions it once ("the killing of … Theo van Gogh" in a story on camera
    phones); the best-ranked one's on a tie."""
    total: dict[str, float] = {}
    for r in ranked:
        total[r.article_id] = total.get(r.article_id, 0.0) + r.score
    return max(total, key=total.__getitem__)


def record_field(article: StoredArticle, field: RecordField) -> str:
    """What the article's record says for ``field`` ("" when it says nothing): its author, date, title or address."""
    said: Mapping[RecordField, str | None] = {
        "author": article.author,
        "date": article.date,
        "title": article.title,
        "source": article.url,
    }
    return (said[field] or "").strip()
