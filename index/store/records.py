"""What the store hands out: stored sentences and articles as typed records, and how sentence ids are made."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from index.clean import Article
from index.sentences import Sentence


@dataclass(frozen=True)
class StoredSentence:
    """A sentence as kept in the store."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class StoredArticle:
    """An article's stored metadata; ``text`` (the cleaned text citations point into) is empty when not asked for."""

    id: str
    title: str = ""
    source: str = ""
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sentences: int = 0
    added: str = ""
    text: str = ""

    @classmethod
    def from_row(cls, id_: str, meta: dict[str, Any], text: str = "") -> StoredArticle:
        known = {
            key: meta[key] for key in ("title", "source", "author", "date", "url", "sentences", "added") if key in meta
        }
        return cls(id=id_, text=text or "", **known)


def sentence_id(article_id: str, index: int) -> str:
    return f"{article_id}:{index:05d}"


def article_of(sentence_id: str) -> str:
    """The article id a sentence id belongs to."""
    return sentence_id.split(":", 1)[0]


def neighbour_ids(id_: str, reach: int = 1) -> list[str]:
    """Ids of the sentences up to ``reach`` before and after ``id_`` (which may not exist), nearest first."""
    article, index = id_.rsplit(":", 1)
    steps = [step for distance in range(1, reach + 1) for step in (-distance, distance)]
    return [sentence_id(article, int(index) + step) for step in steps if int(index) + step >= 0]


def read_all(
    collection: Any, include: list[str], page: int = 5000, where: dict[str, Any] | None = None
) -> dict[str, list[Any]]:
    """Every row of a collection (``ids`` and the ``include``d fields), or those ``where`` selects, read in pages to
    bound memory per call (and the SQL variables of one: a store's server refuses ~200k rows in one read)."""
    out: dict[str, list[Any]] = {"ids": [], **{field: [] for field in include}}
    while True:
        got = collection.get(include=include, limit=page, offset=len(out["ids"]), where=where)
        for key in out:
            out[key].extend(got[key])
        if len(got["ids"]) < page:
            return out


@dataclass(frozen=True)
class EmbeddedArticle:
    """An article ready to store: its sentences and their vectors (one row per sentence, in order)."""

    article: Article
    sentences: Sequence[Sentence]
    vectors: np.ndarray
