"""Fakes for fast unit tests of every step: an in-memory store, BM25 over it, a reader with fixed scores, evidence
made by hand, and a whole Assistant assembled from them. No model, no Chroma.

Texts are embedded as normalised bag-of-words vectors over the store's vocabulary, so "dense similarity" is word
overlap: enough to know what every feature should be. BM25 is the real ``index.lexical.LexicalIndex``; spaCy's small
pipeline (a parser, not a learned embedding) is real too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models import BaseLanguageModel

from assistant import Assistant, Settings
from assistant.build import assemble
from assistant.evidence.reader import PassageReading, Reading
from assistant.evidence.select import Evidence
from index.bm25 import LexicalIndex
from index.store import StoredArticle, StoredSentence, sentence_id

FERRY = (
    "Harbour ferry",
    [
        "The Lindholm ferry carried 41 cars on Monday.",
        "Its captain said the refit cost three million crowns.",
        "The harbour reopened at noon.",
    ],
)
COUNCIL = (
    "Council vote",
    [
        "The council approved the new bridge on Tuesday.",
        "Councillor Ada Brook said work starts in spring.",
        "The vote passed by seven votes to two.",
    ],
)

# The same two stories with people spaCy knows for people: for lists, definitions and what a decision gathers.
NAMED = {
    "ferry": (
        "Harbour ferry",
        [
            "The Lindholm ferry carried 41 cars on Monday.",
            "Its captain, Erik Larsen, said the refit cost three million crowns.",
            "Harbourmaster Anna Berg said the harbour reopened at noon.",
            "Ferry captain Erik Larsen has sailed the route for 20 years.",
        ],
    ),
    "council": (
        "Council vote",
        [
            "The council approved the new bridge on Tuesday.",
            "Mayor Ingrid Holm said work starts in spring.",
            "The vote passed by seven votes to two.",
        ],
    ),
}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


class FakeStore:
    """Articles (id → title and sentences) held in memory, answering what retrieval and evidence selection ask."""

    def __init__(self, articles: dict[str, tuple[str, list[str]]]) -> None:
        self.titles_by_id = {a: title for a, (title, _) in articles.items()}
        self.authors: dict[str, str] = {}
        self.dates: dict[str, str] = {}  # article id → its publication date
        self.urls: dict[str, str] = {}
        self.added = {a: f"2025-01-01T00:00:{n:02d}" for n, a in enumerate(articles)}  # in the order given
        self.sentences: dict[str, StoredSentence] = {}
        for article, (_, texts) in articles.items():
            text = " ".join(texts)
            at = 0
            for n, sentence in enumerate(texts):
                start = text.index(sentence, at)
                self.sentences[sentence_id(article, n)] = StoredSentence(
                    sentence_id(article, n), article, n, start, start + len(sentence), sentence
                )
                at = start + len(sentence)
        self.vocabulary = {
            w: i for i, w in enumerate(sorted({w for s in self.sentences.values() for w in words(s.text)}))
        }
        self.vectors = {id_: self.embed(s.text) for id_, s in self.sentences.items()}
        self.article_vectors = {}
        for article in articles:
            mean = np.mean([v for id_, v in self.vectors.items() if self.sentences[id_].article_id == article], axis=0)
            self.article_vectors[article] = mean / max(np.linalg.norm(mean), 1e-12)
        self.hidden_articles: set[str] = set()  # rows "being written": their article row is not there yet

    def embed(self, text: str) -> np.ndarray:
        vector = np.zeros(len(self.vocabulary) + 1, dtype=np.float32)
        for w in words(text):
            vector[self.vocabulary.get(w, len(self.vocabulary))] += 1.0
        return vector / max(float(np.linalg.norm(vector)), 1e-12)

    def ef(self, texts: list[str]) -> list[np.ndarray]:
        return [self.embed(t) for t in texts]

    def nearest(self, which: str, query: np.ndarray, n: int) -> dict[str, float]:
        vectors = self.vectors if which == "sentences" else self.article_vectors
        scored = sorted(((float(v @ query), id_) for id_, v in vectors.items()), reverse=True)[:n]
        return {id_: score for score, id_ in scored}

    def embeddings_of(self, which: str, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if which == "sentences":
            return {i: self.vectors[i] for i in ids if i in self.vectors}
        return {i: self.article_vectors[i] for i in ids if i in self.article_vectors and i not in self.hidden_articles}

    def get_texts(self, ids: Sequence[str]) -> dict[str, str]:
        return {i: self.sentences[i].text for i in ids if i in self.sentences}

    def get_sentences(self, ids: Sequence[str]) -> dict[str, StoredSentence]:
        return {i: self.sentences[i] for i in ids if i in self.sentences}

    def headers(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        return {
            a: StoredArticle(
                a,
                title=self.titles_by_id[a],
                author=self.authors.get(a),
                date=self.dates.get(a),
                url=self.urls.get(a),
                sentences=sum(s.article_id == a for s in self.sentences.values()),
                added=self.added[a],
            )
            for a in article_ids
            if a in self.titles_by_id and a not in self.hidden_articles
        }

    def list_articles(self) -> list[StoredArticle]:
        return list(self.headers(list(self.titles_by_id)).values())

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]:
        return {
            a: " ".join(s.text for s in self.sentences.values() if s.article_id == a)
            for a in article_ids
            if a in self.titles_by_id and a not in self.hidden_articles
        }

    def count(self) -> tuple[int, int]:
        return len(self.titles_by_id), len(self.sentences)


class FakeLexical:
    """BM25 over the fake store's sentences and articles (the real index class)."""

    def __init__(self, store: FakeStore) -> None:
        self.sentences = LexicalIndex(list(store.sentences), [s.text for s in store.sentences.values()])
        articles = {
            a: " ".join(s.text for s in store.sentences.values() if s.article_id == a) for a in store.titles_by_id
        }
        self.articles = LexicalIndex(list(articles), list(articles.values()))

    def current(self) -> tuple[LexicalIndex, LexicalIndex]:
        return self.sentences, self.articles

    def article_idf(self, term: str) -> float:
        return self.articles.idf(term)


class FakeReader:
    """A reader that scores each sentence by a fixed table (default -5) and answers with its first word."""

    def __init__(self, scores: dict[str, float]) -> None:
        self.scores = scores
        self.asked: list[tuple[str, list[str]]] = []

    def read(self, question: str, sentences: list[str]) -> list[Reading]:
        self.asked.append((question, sentences))
        return [Reading(self.scores.get(s, -5.0), 0, len(s.split()[0])) for s in sentences]


class FakePassageReader(FakeReader):
    """A reader of passages: each sentence scored by the table, the whole passage's kinds of answer fixed."""

    format = "passage"

    def __init__(self, scores: dict[str, float], kinds: dict[str, float]) -> None:
        super().__init__(scores)
        self.kinds = kinds
        self.passages: list[tuple[str, list[tuple[str, list[str]]]]] = []

    def read_passage(self, question: str, groups: list[tuple[str, list[str]]]) -> PassageReading:
        self.passages.append((question, groups))
        sentences = [s for _, group in groups for s in group]
        return PassageReading(tuple(self.read(question, sentences)), self.kinds)


def evidence(
    text: str,
    *,
    article: str = "a",
    index: int = 1,
    start: int = 0,
    title: str = "An article",
    score: float = 1.5,
    reading: float | None = None,
    span: tuple[int, int] | None = None,
    author: str | None = None,
    published: str | None = None,
) -> Evidence:
    """A sentence made into evidence by hand; ``reading`` (with ``span``, default its first word) is the reader's."""
    sentence = StoredSentence(sentence_id(article, index), article, index, start, start + len(text), text)
    header = StoredArticle(article, title=title, author=author, date=published)
    read = Reading(reading, *(span or (0, len(text.split()[0])))) if reading is not None else None
    return Evidence(sentence, header, score, reading=read)


def fake_assistant(
    articles: dict[str, tuple[str, list[str]]],
    reader: FakeReader | None = None,
    llm: BaseLanguageModel | None = None,
    **settings: Any,
) -> tuple[Assistant, FakeStore]:
    """A whole Assistant over the fake store of ``articles`` (and its store, to change): real steps, fake parts."""
    store = FakeStore(articles)
    configured = Settings(seeds=None, **settings)
    parts = assemble(configured, store, FakeLexical(store), reader, llm)
    return Assistant(settings=configured, parts=parts, seeds=None), store


class PromptRecorder(BaseCallbackHandler):
    """Keeps the messages each model call was given."""

    def __init__(self) -> None:
        self.prompts: list[list[Any]] = []

    def on_chat_model_start(self, serialized: Any, messages: list[list[Any]], **kwargs: Any) -> None:
        self.prompts += messages
