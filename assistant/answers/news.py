"""A round-up of the news on a topic: one or two of the best sentences of each of the best-matching articles, each
article's under its title, newest article first (undated ones last, in their ranked order)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision
from assistant.evidence.select import Evidence
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The decision's sentences grouped by article, newest article first, one paragraph each."""
    by_article: dict[str, list[Evidence]] = {}
    for e in decision.evidence:
        by_article.setdefault(e.article_id, []).append(e)
    # Newest first; undated articles after the dated ones, in their ranked order (the sort is stable).
    order = sorted(by_article, key=lambda a: by_article[a][0].published or "", reverse=True)
    citations = citations_for([e for a in order for e in by_article[a]])
    paragraphs = {a: [c for c in citations if c.article_id == a] for a in order}
    text = "\n\n".join(
        (f"{cited[0].title}: " if cited[0].title else "") + cited_text(cited) for cited in paragraphs.values()
    )
    return Answer(question=question.text, text=text, citations=citations, kind="news")
