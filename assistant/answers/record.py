"""What the article's own record says of it: who wrote it, when it was published, its title or its address, cited to
the sentence naming the author (the byline line) or else to its lead."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers import messages
from assistant.answers.citations import citations_for
from assistant.answers.context import AnswerContext
from assistant.evidence.article import record_field
from assistant.evidence.decision import Decision
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer

_SAID = {"author": "by", "date": "published", "title": "titled", "source": "from"}


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """ "By Erizia Rubyjeana [1]" with the byline line quoted; when the article was a guess, which one it took."""
    article = decision.article
    assert article is not None, "the judge found the article and its record"
    field = question.shape.field or "title"
    said = record_field(article, field)
    # The byline line where the text has one, else the lead: the sources show the article's byline and title.
    cited = next((e for e in decision.evidence if field == "author" and said in e.text), decision.evidence[0])
    said_as = f"{_SAID[field]} {said}"
    if decision.guessed:
        which = messages.GUESSED_IS.format(title=article.title, said=said_as)
    else:
        which = said_as[0].upper() + said_as[1:]
    text = f"{which} [1]\n\n{cited.text} [1]"
    return Answer(
        question=question.text, text=text, short_answer=said, citations=citations_for([cited]), kind="article"
    )
