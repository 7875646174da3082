"""Answers in the shapes other than a fact: summaries, round-ups, overviews, lists, definitions, yes/no, records.

Each is made of stored sentences only, every one cited, like the extractive fact answer: a summary is the article's
lead and central sentences (``assistant.summary``), a list the names its sentences give (``assistant.listing``), a
definition the title or apposition a sentence gives a name (``assistant.definition``), a question about the article
itself its stored record. (A little over 250 lines: one short method a shape, sharing how the article in focus is
found; the work of each lives in the modules named.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from assistant.answer import ExtractiveAnswerer, citations_for, quotes_for
from assistant.definition import role_in
from assistant.evidence import Evidence, EvidenceSelector
from assistant.listing import cities_only, countries_only, names_in
from assistant.period import Period
from assistant.retrieve import ScoredSentence
from assistant.shape import Shape
from assistant.summary import central_sentences
from assistant.types import Answer
from index.store import StoredArticle, sentence_id

YES_OR_NO = "The articles don't say yes or no in so many words, but here is what they say:"
NO_ARTICLES = "There are no articles to answer from yet; add some first."
_WHAT_NAMES = {"PERSON": "people", "GPE": "places", "LOC": "places", "ORG": "organisations"}


@runtime_checkable
class ArticleSource(Protocol):
    """What shaped answers read from a store: the articles' metadata and their sentences' stored embeddings."""

    def count(self) -> tuple[int, int]: ...

    def list_articles(self) -> list[StoredArticle]: ...

    def headers(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]: ...

    def embeddings_of(self, which: str, ids: Sequence[str]) -> dict[str, np.ndarray]: ...


@dataclass(frozen=True)
class ShapeLimits:
    """How long shaped answers are: sentences in a summary and an overview, articles in a round-up."""

    summary_sentences: int = 4
    overview_sentences: int = 5
    news_articles: int = 3
    min_relevance: float = 1.1


class ShapedAnswerer:
    """Answers a question in its shape from the ranked sentences (and, where judged, the evidence)."""

    def __init__(
        self, store: ArticleSource, selector: EvidenceSelector, answerer: ExtractiveAnswerer, limits: ShapeLimits
    ) -> None:
        self.store = store
        self.selector = selector
        self.answerer = answerer  # for a list or definition the sentences give no names or role for: a fact
        self.limits = limits

    def answer(
        self,
        question: str,
        shape: Shape,
        ranked: Sequence[ScoredSentence],
        evidence: Sequence[Evidence] = (),
        focus: Mapping[str, float] | None = None,
        period: Period | None = None,
    ) -> Answer:
        """The answer in ``shape``: summary and news from the ranking; overview, list and definition from the
        evidence the answerability check accepted (a list of what an article mentions reads the whole article).
        ``focus`` is the conversation's articles; ``period`` the publication dates the question keeps to."""
        article, guessed = None, False
        if shape.kind in ("summary", "article") or (shape.kind == "list" and not shape.topic):  # about one article
            article, guessed = self._focus(shape, ranked, focus or {}, period)
            if article is None:
                return Answer(question=question, text=_no_article(period), abstained=True, kind=shape.kind)
        if shape.kind == "summary":
            return self.summary(question, article, guessed)
        if shape.kind == "news":
            return self.news(question, ranked)
        if shape.kind == "list":
            return self.listing(question, shape, evidence, article)
        if shape.kind == "definition":
            return self.definition(question, shape, ranked, evidence)
        if shape.kind == "yes_no":
            return self.yes_no(question, evidence)
        if shape.kind == "article":
            return self.about_article(question, shape, article, guessed)
        return self.overview(question, ranked, evidence)

    def summary(self, question: str, focus: StoredArticle, guessed: bool = False) -> Answer:
        """The lead and the most central sentences of the article in focus, in its order (``guessed``: the answer
        says which article it took)."""
        sentences = self._sentences_of(focus)
        vectors = self.store.embeddings_of("sentences", [e.sentence_id for e in sentences])
        sentences = [e for e in sentences if e.sentence_id in vectors]
        if not sentences:  # deleted while being summarised
            return Answer(question=question, text=_NOTHING, abstained=True, kind="summary")
        chosen = central_sentences(
            [e.text for e in sentences],
            np.array([vectors[e.sentence_id] for e in sentences]),
            self.limits.summary_sentences,
        )
        citations = citations_for([sentences[i] for i in chosen])
        lead = f"The most recently added article, “{focus.title}”, says:\n\n" if guessed else ""
        text = lead + " ".join(f"{c.sentence} [{c.n}]" for c in citations)
        return Answer(question=question, text=text, citations=citations, kind="summary")

    def news(self, question: str, ranked: Sequence[ScoredSentence]) -> Answer:
        """One or two of the best sentences from each of the best-matching articles, newest first (undated last)."""
        best: dict[str, list[ScoredSentence]] = {}
        for r in ranked:
            if r.score < self.limits.min_relevance:
                break
            if r.article_id in best or len(best) < self.limits.news_articles:
                best.setdefault(r.article_id, []).append(r)
        if not best:
            text = _NOTHING if self.store.count()[0] else NO_ARTICLES
            return Answer(question=question, text=text, abstained=True, kind="news")
        headers = self.store.headers(list(best))
        # Newest first; undated articles after the dated ones, in their ranked order (the sort is stable).
        order = sorted(best, key=lambda a: (headers[a].date or "") if a in headers else "", reverse=True)
        chosen = [r for a in order for r in sorted(best[a][:2], key=lambda r: r.id)]
        citations = citations_for(self.selector.sentences(chosen))
        paragraphs: dict[str, list[str]] = {}
        for c in citations:
            paragraphs.setdefault(c.article_id, []).append(f"{c.sentence} [{c.n}]")
        titled = {a: f"{headers[a].title}: " if a in headers and headers[a].title else "" for a in paragraphs}
        text = "\n\n".join(titled[a] + " ".join(p) for a, p in paragraphs.items())
        return Answer(question=question, text=text, citations=citations, kind="news")

    def overview(self, question: str, ranked: Sequence[ScoredSentence], evidence: Sequence[Evidence]) -> Answer:
        """Several relevant sentences, the evidence's first, with no short answer picked from one of them."""
        chosen = list(evidence)
        seen = {e.sentence_id for e in chosen}
        more = [r for r in ranked[: self.limits.overview_sentences] if r.id not in seen]
        more = [r for r in more if r.score >= self.limits.min_relevance]
        chosen += self.selector.sentences(more)
        citations = citations_for(chosen[: self.limits.overview_sentences])
        text = " ".join(f"{c.sentence} [{c.n}]" for c in citations)
        return Answer(question=question, text=text, citations=citations, kind="overview")

    def listing(
        self, question: str, shape: Shape, evidence: Sequence[Evidence], article: StoredArticle | None = None
    ) -> Answer:
        """The names of the kind asked for, each cited to a sentence naming it: from the evidence, or from every
        sentence of ``article`` ("Which leaders are mentioned?")."""
        sentences = self._sentences_of(article) if article is not None else list(evidence)
        bylines = {e.author for e in sentences if e.author}
        asked = set(_words(question))
        named = names_in([e.text for e in sentences], shape.labels, exclude=bylines)
        named = [n for n in named if not set(_words(n.name)) <= asked]  # "Genghis Khan" is not who he sent
        if shape.places is not None:
            named = countries_only(named) if shape.places == "countries" else cities_only(named)
        kinds = {_WHAT_NAMES.get(label, "names") for label in shape.labels}
        what = shape.places or (kinds.pop() if len(kinds) == 1 else "names")
        if not named and shape.topic:  # "What countries use a red A for pharmacies?" may be answered in words
            return self.answerer.answer(question, list(evidence))
        if not named:
            text = f"The closest sentences name no {what}; they are shown as related, not as an answer."
            related = quotes_for(sentences[: self.limits.overview_sentences])
            return Answer(question=question, text=text, abstained=True, related=related, kind="list")
        cited = sorted({n.sentence for n in named})
        citations = citations_for([sentences[i] for i in cited])
        number = {position: c.n for position, c in zip(cited, citations, strict=True)}
        items = ", ".join(f"{n.name} [{number[n.sentence]}]" for n in named)
        quoted = " ".join(f"{c.sentence} [{c.n}]" for c in citations)
        return Answer(
            question=question,
            text=f"{items}\n\n{quoted}",
            short_answer=", ".join(n.name for n in named),
            citations=citations,
            kind="list",
        )

    def definition(
        self, question: str, shape: Shape, ranked: Sequence[ScoredSentence], evidence: Sequence[Evidence]
    ) -> Answer:
        """What the first sentence naming the topic says it is (its title, apposition…), cited; if none says, the
        answer to it as a question of fact, unless its phrase is the topic or a person's name; else the sentences
        naming it, with no phrase picked out."""
        last = shape.topic.split()[-1].lower() if shape.topic else ""
        seen = {e.sentence_id for e in evidence}
        more = self.selector.sentences([r for r in ranked if r.id not in seen][: 4 * self.limits.overview_sentences])
        naming = [e for e in [*evidence, *more] if last and last in e.text.lower()]
        for e in naming:
            span = role_in(shape.topic, e.text)
            if span is not None:
                role = e.text[span[0] : span[1]]
                citations = citations_for([e])
                text = f"{shape.topic}: {role} [1]\n\n{e.text} [1]"
                return Answer(question=question, text=text, short_answer=role, citations=citations, kind="definition")
        if evidence:
            fact = self.answerer.answer(question, list(evidence))
            phrase = fact.short_answer or ""
            if phrase and not set(_words(phrase)) <= set(_words(shape.topic)) and not names_in([phrase], ("PERSON",)):
                return fact.model_copy(update={"kind": "definition"})
        chosen = naming[: self.limits.overview_sentences] or list(evidence)
        if not chosen:
            return Answer(question=question, text=_NOTHING, abstained=True, kind="definition")
        citations = citations_for(chosen)
        text = f"The articles don't say what {shape.topic} is; they mention it here:\n\n" + " ".join(
            f"{c.sentence} [{c.n}]" for c in citations
        )
        return Answer(question=question, text=text, citations=citations, kind="definition")

    def yes_no(self, question: str, evidence: Sequence[Evidence]) -> Answer:
        """The sentences the question turns on, without a yes or a no: no rule or model here tells them apart well
        enough (docs/evaluation.md), so the reader judges from the cited sentence."""
        citations = citations_for(list(evidence))
        quoted = " ".join(f"{c.sentence} [{c.n}]" for c in citations)
        return Answer(question=question, text=f"{YES_OR_NO}\n\n{quoted}", citations=citations, kind="yes_no")

    def about_article(self, question: str, shape: Shape, focus: StoredArticle, guessed: bool = False) -> Answer:
        """Who wrote the article, when it was published, its title or its source, from its stored record, cited to
        the sentence naming the author (the byline line) or else to its lead; "the articles don't say" when its
        record has none."""
        field = shape.field or "title"
        said = {"author": focus.author, "date": focus.date, "title": focus.title, "source": focus.url}[field] or ""
        sentences = self._sentences_of(focus)
        if not said.strip() or not sentences:
            text = f"The articles don't say {_UNSAID[field].format(title=focus.title)}."
            return Answer(
                question=question, text=text, abstained=True, related=quotes_for(sentences[:1]), kind="article"
            )
        # The byline line where the text has one, else the lead: the sources show the article's byline and title.
        cited = next((e for e in sentences if field == "author" and said in e.text), sentences[0])
        said_as = f"{_SAID[field]} {said.strip()}"
        which = (
            f"The most recently added article, “{focus.title}”, is {said_as}"
            if guessed
            else said_as[0].upper() + said_as[1:]
        )
        text = f"{which} [1]\n\n{cited.text} [1]"
        citations = citations_for([cited])
        return Answer(question=question, text=text, short_answer=said.strip(), citations=citations, kind="article")

    def _sentences_of(self, article: StoredArticle) -> list[Evidence]:
        """Every sentence of an article, in its order, as evidence (summaries, lists, its record)."""
        ids = [sentence_id(article.id, i) for i in range(article.sentences)]
        return self.selector.sentences([ScoredSentence(i, 0.0, np.zeros(0)) for i in ids])

    def _focus(
        self,
        shape: Shape,
        ranked: Sequence[ScoredSentence],
        conversation: Mapping[str, float],
        period: Period | None = None,
    ) -> tuple[StoredArticle | None, bool]:
        """The article a question is about: the best-ranked one when it names a topic, else the one the conversation
        is most about, else the only one or, among several, the most recently added (then ``True``: a guess the
        answer says it made); always one published in ``period`` when one is given."""
        if shape.topic and ranked:  # the ranking keeps to the period already
            return self.store.headers([ranked[0].article_id]).get(ranked[0].article_id), False
        if conversation:
            talked_about = max(conversation, key=conversation.__getitem__)
            header = self.store.headers([talked_about]).get(talked_about)
            if header is not None and (period is None or period.holds(header.date)):
                return header, False
        articles = [a for a in self.store.list_articles() if period is None or period.holds(a.date)]
        if not articles:
            return None, False
        return max(articles, key=lambda a: (a.added, a.date or "")), len(articles) > 1


def _no_article(period: Period | None) -> str:
    if period is None:
        return NO_ARTICLES
    return f"The articles don't say: none was published {period.described}."


_NOTHING = "The articles don't say: no article is about this."
_SAID = {"author": "by", "date": "published", "title": "titled", "source": "from"}
_UNSAID = {
    "author": "who wrote “{title}”",
    "date": "when “{title}” was published",
    "title": "what the article is titled",
    "source": "where “{title}” was published (it has no address)",
}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
