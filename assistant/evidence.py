"""Evidence selection: which ranked sentences an answer may stand on, with their neighbours for context."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.injection import addresses_the_model
from index.store import SentenceStore, neighbour_ids, sentence_id


@dataclass(frozen=True)
class Evidence:
    """A sentence chosen to support the answer, with the sentences around it and the article it is from."""

    sentence_id: str
    article_id: str
    title: str
    text: str
    start: int
    end: int
    score: float
    before: str = ""
    after: str = ""


class EvidenceSelector:
    """Keeps the top sentence and any other sentence scoring within ``margin`` of it, up to ``k``.

    Returns nothing when even the best sentence is under ``min_relevance``: the caller then abstains.
    """

    def __init__(self, store: SentenceStore, k: int = 3, min_relevance: float = 0.0, margin: float = 0.08):
        self.store = store
        self.k = k
        self.min_relevance = min_relevance
        self.margin = margin

    def select(self, ranked: list[tuple[str, float]], k: int | None = None) -> list[Evidence]:
        """The evidence among ``ranked`` (sentence id, fused score), best first; ``k`` overrides the default.

        Sentences that address an AI ("ignore previous instructions…") are prompt injection, not news: never evidence.
        """
        head = ranked[: 3 * (k or self.k)]
        wanted = [id_ for id_, _ in head]  # one read: the head's sentences and their neighbours
        stored = self.store.get_sentences(
            list(dict.fromkeys([*wanted, *(n for i in wanted for n in neighbour_ids(i))]))
        )
        ranked = [(id_, score) for id_, score in head if not (id_ in stored and addresses_the_model(stored[id_].text))]
        if not ranked or ranked[0][1] < self.min_relevance:
            return []
        floor = max(self.min_relevance, ranked[0][1] - self.margin)
        chosen = [(id_, score) for id_, score in ranked[: k or self.k] if score >= floor]
        chosen_ids = [id_ for id_, _ in chosen]
        titles = self.store.titles(list({stored[id_].article_id for id_ in chosen_ids if id_ in stored}))
        evidence = []
        for id_, score in chosen:
            s = stored.get(id_)
            if s is None or s.article_id not in titles:  # deleted since it was ranked
                continue
            before = stored.get(sentence_id(s.article_id, s.index - 1))
            after = stored.get(sentence_id(s.article_id, s.index + 1))
            evidence.append(
                Evidence(
                    id_,
                    s.article_id,
                    titles[s.article_id],
                    s.text,
                    s.start,
                    s.end,
                    score,
                    before.text if before else "",
                    after.text if after else "",
                )
            )
        return evidence
