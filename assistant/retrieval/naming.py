"""Which articles mention what a question names: a follow-up that names what its story never mentions has moved on,
a round-up of the news keeps to the articles naming its topic, and a question whose best sentences come from
articles that never name what it asks about looks among those that do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from assistant.question.names import is_year, missing_names, question_names, question_peoples


@runtime_checkable
class ArticleTexts(Protocol):
    """What the lookup reads from a store: the whole texts of some articles."""

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]: ...


def articles_naming(
    articles: ArticleTexts, question: str, article_ids: Sequence[str], *, years: bool = True
) -> list[str]:
    """Those of these articles, in order, whose text mentions every name of the question (all of them when it names
    nothing); its years left out unless ``years``."""
    ids = list(dict.fromkeys(article_ids))
    if not question_peoples(question) and not any(years or not is_year(name) for name in question_names(question)):
        return ids
    return list(texts_naming(articles, question, ids, years=years))


def texts_naming(
    articles: ArticleTexts, question: str, article_ids: Sequence[str], *, years: bool = True
) -> dict[str, str]:
    """The whole texts of those of these articles, in order, that mention every name of the question (its years
    left out unless ``years``): read once, for a caller that reads them too."""
    ids = list(dict.fromkeys(article_ids))
    texts = articles.article_texts(ids)
    return {a: texts[a] for a in ids if a in texts and not missing_names(question, [texts[a]], years=years)}
