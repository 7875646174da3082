"""Evidence selection: which ranked sentences an answer may stand on, with their neighbours for context."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.injection import addresses_the_model
from assistant.reader import Reader, Reading
from assistant.timing import StageClock
from index.store import SentenceStore, StoredSentence, neighbour_ids, sentence_id


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
    answer: tuple[int, int] | None = None  # the reader's answer span, as offsets into ``text``
    reading: float | None = None  # how well the reader thinks the sentence answers (> 0: it does)


class EvidenceSelector:
    """Keeps the top sentence and any other sentence scoring within ``margin`` of it, up to ``k``.

    Returns nothing when even the best sentence is under ``min_relevance``: the caller then abstains. With a
    ``reader``, the top ``read_depth`` sentences are read for the question and re-ordered by their fused score plus
    ``read_weight`` times the reader's score; each keeps the answer span the reader found in it.
    """

    def __init__(
        self,
        store: SentenceStore,
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
        ranked: list[tuple[str, float]],
        k: int | None = None,
        question: str | None = None,
        timings: dict[str, float] | None = None,
    ) -> list[Evidence]:
        """The evidence among ``ranked`` (sentence id, fused score), best first; ``k`` overrides the default.

        Sentences that address an AI ("ignore previous instructions…") are prompt injection, not news: never evidence.
        The reader (if any) reads the head for ``question``; ``timings`` gets its seconds as "read".
        """
        clock = StageClock(timings)
        head = ranked[: 3 * (k or self.k)]
        wanted = [id_ for id_, _ in head]  # one read: the head's sentences and their neighbours
        stored = self.store.get_sentences(
            list(dict.fromkeys([*wanted, *(n for i in wanted for n in neighbour_ids(i))]))
        )
        ranked = [(id_, score) for id_, score in head if not (id_ in stored and addresses_the_model(stored[id_].text))]
        if not ranked or ranked[0][1] < self.min_relevance:
            return []
        readings: dict[str, Reading] = {}
        if self.reader is not None and question:
            clock.lap("evidence")
            ranked, readings = self._reread(question, ranked, stored, k or self.k)
            clock.lap("read")
        # Abstention was decided on the fused scores above: the re-read top stays even if reading lowered its score.
        floor = max(self.min_relevance, ranked[0][1] - self.margin)
        chosen = [ranked[0], *((id_, score) for id_, score in ranked[1 : k or self.k] if score >= floor)]
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
                    (readings[id_].start, readings[id_].end) if id_ in readings else None,
                    readings[id_].score if id_ in readings else None,
                )
            )
        clock.lap("evidence")
        return evidence

    def _reread(
        self, question: str, ranked: list[tuple[str, float]], stored: dict[str, StoredSentence], k: int
    ) -> tuple[list[tuple[str, float]], dict[str, Reading]]:
        """The top ``read_depth`` (at least ``k``) re-ordered by fused score + weight x reading, then the rest."""
        top = [(id_, score) for id_, score in ranked[: max(self.read_depth, k)] if id_ in stored]
        readings = dict(
            zip(
                [id_ for id_, _ in top],
                self.reader.read(question, [stored[id_].text for id_, _ in top]),
                strict=True,
            )
        )
        reread = sorted(
            ((id_, score + self.read_weight * readings[id_].score) for id_, score in top), key=lambda p: -p[1]
        )
        return reread + [p for p in ranked if p[0] not in readings], readings
