"""Evidence selection: which ranked sentences an answer may stand on, with their neighbours for context."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

import numpy as np

from assistant.evidence.injection import addresses_the_model
from assistant.evidence.reader import Reader, Reading
from assistant.retrieval.fusion import ScoredSentence
from assistant.timing import StageClock
from assistant.types import Quote
from index.store import StoredArticle, StoredSentence, neighbour_ids, sentence_id


@dataclass(frozen=True)
class Evidence:
    """A sentence an answer may stand on: the store's own record of it and of its article (``article``: the header,
    no text), its relevance score, the sentences around it, and what the reader found in it."""

    sentence: StoredSentence
    article: StoredArticle
    score: float
    neighbours: tuple[StoredSentence | None, StoredSentence | None] = (None, None)  # the sentences before and after
    reading: Reading | None = None  # the reader's best answer span in the sentence, and how well it answers

    @property
    def before(self) -> str:
        return self.neighbours[0].text if self.neighbours[0] is not None else ""

    @property
    def after(self) -> str:
        return self.neighbours[1].text if self.neighbours[1] is not None else ""

    def passage(self) -> list[Evidence]:
        """This sentence with the ones around it, in the article's order, each as evidence of the same standing."""
        before, after = (
            None if n is None else Evidence(sentence=n, article=self.article, score=self.score) for n in self.neighbours
        )
        return [e for e in (before, self, after) if e is not None]

    @property
    def sentence_id(self) -> str:
        return self.sentence.id

    @property
    def article_id(self) -> str:
        return self.sentence.article_id

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def author(self) -> str | None:
        """The article's byline."""
        return self.article.author

    @property
    def published(self) -> str | None:
        """The article's publication date (ISO 8601), where known."""
        return self.article.date

    @property
    def answer(self) -> tuple[int, int] | None:
        """The reader's answer span, as offsets into ``text``."""
        return (self.reading.start, self.reading.end) if self.reading is not None else None


class Selection(list):
    """The evidence selected, best first (a list of ``Evidence``), and what the reader found the answer in it to be
    (``kinds``: the probability that it is a phrase, yes, no, or not there; None when no passage reader read it)."""

    def __init__(self, evidence: Sequence[Evidence] = (), kinds: Mapping[str, float] | None = None) -> None:
        super().__init__(evidence)
        self.kinds = kinds


@runtime_checkable
class SentenceSource(Protocol):
    """What evidence selection reads from a store: sentences by id and their articles' metadata."""

    def get_sentences(self, ids: Sequence[str]) -> dict[str, StoredSentence]: ...

    def headers(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]: ...


class EvidenceSelector:
    """Keeps the top sentence and any other sentence scoring within ``margin`` of it, up to ``k``.

    Returns nothing when even the best sentence is under ``min_relevance``: the caller then abstains. With a
    ``reader``, the top ``read_depth`` sentences are read for the question and re-ordered by their fused score plus
    ``read_weight`` times the reader's score; each keeps the answer span the reader found in it.
    """

    def __init__(
        self,
        store: SentenceSource,
        k: int = 3,
        min_relevance: float = 0.0,
        margin: float = 0.08,
        reader: Reader | None = None,
        read_depth: int = 5,
        read_weight: float = 0.0,
    ):
        self.store = store
        self.k = k
        self.min_relevance = min_relevance
        self.margin = margin
        self.reader = reader
        self.read_depth = read_depth
        self.read_weight = read_weight

    def select(
        self,
        ranked: Sequence[ScoredSentence],
        k: int | None = None,
        question: str | None = None,
        clock: StageClock | None = None,
    ) -> Selection:
        """The evidence among ``ranked`` (best first); ``k`` overrides the default.

        Sentences that address an AI ("ignore previous instructions…") are prompt injection, not news: never evidence.
        The reader (if any) reads the head for ``question``; ``clock`` gets laps "evidence" and "read".
        """
        clock = clock or StageClock()
        k = k or self.k
        head = ranked[: 3 * k]
        stored = self._with_neighbours([r.id for r in head])
        kept = [r for r in head if not (r.id in stored and addresses_the_model(stored[r.id].text))]
        kept = _distinct(kept, stored)
        if not kept or kept[0].score < self.min_relevance:
            return Selection()
        readings: dict[str, Reading] = {}
        kinds = None
        if self.reader is not None and question:
            clock.lap("evidence")
            kept, readings, kinds = self._reread(question, kept, stored, k)
            clock.lap("read")
        # Abstention was decided on the fused scores above: the re-read top stays even if reading lowered its score.
        floor = max(self.min_relevance, kept[0].score - self.margin)
        chosen = [kept[0], *(r for r in kept[1:k] if r.score >= floor)]
        evidence = self._evidence(chosen, stored, readings)
        clock.lap("evidence")
        return Selection(evidence, kinds)

    def sentences(self, scored: Sequence[ScoredSentence]) -> list[Evidence]:
        """These sentences as evidence, in the order given, without selection or reading (summaries and lists)."""
        return self._evidence(scored, self._with_neighbours([r.id for r in scored]), {})

    def of_article(self, article: StoredArticle) -> list[Evidence]:
        """Every sentence of an article, in its order, as evidence (its summary, its names, its record)."""
        ids = [sentence_id(article.id, i) for i in range(article.sentences)]
        return self.sentences([ScoredSentence(i, 0.0, np.zeros(0)) for i in ids])

    def quoted(self, quotes: Sequence[Quote]) -> list[Evidence]:
        """The evidence of sentences an answer quotes (found in their articles by offset), in the quotes' order: what
        a language model writes an answer in another shape from."""
        headers = self.store.headers(list({q.article_id for q in quotes}))
        ids = [sentence_id(a, i) for a, h in headers.items() for i in range(h.sentences)]
        at = {(s.article_id, s.start): s.id for s in self.store.get_sentences(ids).values()}
        found = [(at[(q.article_id, q.start)], q.score) for q in quotes if (q.article_id, q.start) in at]
        return self.sentences([ScoredSentence(i, score, np.zeros(0)) for i, score in found])

    def _with_neighbours(self, ids: list[str]) -> dict[str, StoredSentence]:
        """One read: these sentences and their neighbours."""
        return self.store.get_sentences(list(dict.fromkeys([*ids, *(n for i in ids for n in neighbour_ids(i))])))

    def _evidence(
        self, chosen: Sequence[ScoredSentence], stored: dict[str, StoredSentence], readings: dict[str, Reading]
    ) -> list[Evidence]:
        """The chosen sentences with their neighbours and articles' headers; a sentence deleted since is left out."""
        headers = self.store.headers(list({stored[r.id].article_id for r in chosen if r.id in stored}))
        evidence = []
        for r in chosen:
            s = stored.get(r.id)
            if s is None or s.article_id not in headers:  # deleted since it was ranked
                continue
            before = stored.get(sentence_id(s.article_id, s.index - 1))
            after = stored.get(sentence_id(s.article_id, s.index + 1))
            evidence.append(
                Evidence(
                    sentence=s,
                    article=headers[s.article_id],
                    score=r.score,
                    neighbours=(before, after),
                    reading=readings.get(r.id),
                )
            )
        return evidence

    def _reread(
        self, question: str, ranked: list[ScoredSentence], stored: dict[str, StoredSentence], k: int
    ) -> tuple[list[ScoredSentence], dict[str, Reading], Mapping[str, float] | None]:
        """The top ``read_depth`` (at least ``k``) re-ordered by fused score + weight x reading, then the rest; and
        the kinds of answer the reader found, when it reads them as one passage."""
        top = [r for r in ranked[: max(self.read_depth, k)] if r.id in stored]
        readings, kinds = self.read(question, [stored[r.id] for r in top])
        reread = sorted(
            (replace(r, score=r.score + self.read_weight * readings[r.id].score) for r in top), key=lambda r: -r.score
        )
        return reread + [r for r in ranked if r.id not in readings], readings, kinds

    def read(
        self, question: str, sentences: list[StoredSentence]
    ) -> tuple[dict[str, Reading], Mapping[str, float] | None]:
        """The reader's reading of each sentence (by id), and the kinds of answer it found; a passage reader reads
        them as one passage, each article's together under its title, in article order, the article of the first
        (best-ranked) sentence first."""
        if getattr(self.reader, "format", "pairs") != "passage":
            read = self.reader.read(question, [s.text for s in sentences])
            return dict(zip([s.id for s in sentences], read, strict=True)), None
        by_article: dict[str, list[StoredSentence]] = {}
        for s in sentences:
            by_article.setdefault(s.article_id, []).append(s)
        headers = self.store.headers(list(by_article))
        groups = [(a, sorted(group, key=lambda s: s.index)) for a, group in by_article.items()]
        read = self.reader.read_passage(
            question, [(headers[a].title if a in headers else "", [s.text for s in group]) for a, group in groups]
        )
        ids = [s.id for _, group in groups for s in group]
        return dict(zip(ids, read.readings, strict=True)), read.kinds


def _distinct(ranked: list[ScoredSentence], stored: dict[str, StoredSentence]) -> list[ScoredSentence]:
    """The ranked sentences less any whose words repeat a better-ranked one's: a story filed twice under two
    headlines is cited once."""
    seen: set[str] = set()
    distinct = []
    for r in ranked:
        text = " ".join(stored[r.id].text.split()).lower() if r.id in stored else r.id
        if text not in seen:
            seen.add(text)
            distinct.append(r)
    return distinct
