"""Extractive summaries: an article's lead and its most central sentences, by the centroid of their embeddings.

Centroid-based summarisation (Radev et al., 2004): the sentences closest to the mean of an article's sentence
embeddings say most of what the whole article says. The lead is kept first because news puts the point there. The
embeddings are the ones already stored for retrieval; nothing is encoded again.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.answers import messages
from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer

MIN_WORDS = 4  # shorter lines are bylines and page furniture ("Erizia Rubyjeana", "Follow us on:"), not prose


def central_sentences(texts: Sequence[str], embeddings: np.ndarray, n: int) -> list[int]:
    """Positions of the lead and the ``n - 1`` sentences nearest the centroid, in article order.

    ``texts[i]`` is the article's i-th sentence and ``embeddings[i]`` its vector; sentences under ``MIN_WORDS`` words
    are left out unless nothing else is there.
    """
    prose = [i for i, text in enumerate(texts) if len(text.split()) >= MIN_WORDS] or list(range(len(texts)))
    if not prose or n <= 0:
        return []
    vectors = np.asarray(embeddings, dtype=np.float32)[prose]
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    centroid = vectors.mean(axis=0)
    closeness = vectors @ (centroid / max(float(np.linalg.norm(centroid)), 1e-12))
    lead, rest = prose[0], [prose[i] for i in np.argsort(-closeness, kind="stable") if prose[i] != prose[0]]
    return sorted([lead, *rest[: n - 1]])


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The lead and the most central sentences of the article the question is about, in its order; when that article
    was a guess, the answer says which it took."""
    sentences = list(decision.evidence)
    vectors = context.store.embeddings_of("sentences", [e.sentence_id for e in sentences])
    with_vectors = [e for e in sentences if e.sentence_id in vectors]
    n = context.limits.summary_sentences
    if with_vectors:
        embeddings = np.array([vectors[e.sentence_id] for e in with_vectors])
        chosen = [with_vectors[i] for i in central_sentences([e.text for e in with_vectors], embeddings, n)]
    else:  # its vectors deleted while it was being summarised: its lead
        chosen = sentences[:n]
    citations = citations_for(chosen)
    title = decision.article.title if decision.article is not None else ""
    lead = messages.GUESSED_SAYS.format(title=title) + "\n\n" if decision.guessed else ""
    return Answer(question=question.text, text=lead + cited_text(citations), citations=citations, kind="summary")
