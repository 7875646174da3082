"""What changed in a story: what its newer articles say that no older one already said, newest article first.

A newer sentence is already said when its stored embedding is that close to a sentence of an older article
(``SAME``); among the newer ones, a sentence another outlet's newer article already gave is left out too, so a
story copied across outlets is told once. A few of each article's new sentences are quoted (``PER_ARTICLE``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.answers import messages
from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.evidence.decision import Decision
from assistant.evidence.select import Evidence
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer

SAME = 0.9  # cosine of two sentences' embeddings from which one says what the other does
PER_ARTICLE = 3


def new_sentences(newer: Sequence[Evidence], known: Sequence[Evidence], vectors: dict[str, np.ndarray]) -> list[int]:
    """Positions in ``newer`` (taken in order) of the sentences no ``known`` one, nor an earlier newer one, says."""
    said = [_unit(vectors[e.sentence_id]) for e in known if e.sentence_id in vectors]
    kept = []
    for n, e in enumerate(newer):
        vector = vectors.get(e.sentence_id)
        if vector is None:
            continue
        vector = _unit(vector)
        if said and float(np.max(np.stack(said) @ vector)) >= SAME:
            continue
        said.append(vector)
        kept.append(n)
    return kept


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The newer articles' new sentences, newest article first, a paragraph each under its title and date."""
    ids = [e.sentence_id for e in (*decision.evidence, *decision.known)]
    vectors = context.store.embeddings_of("sentences", ids)
    kept = [decision.evidence[n] for n in new_sentences(decision.evidence, decision.known, vectors)]
    by_article: dict[str, list[Evidence]] = {}
    for e in kept:
        if len(by_article.setdefault(e.article_id, [])) < PER_ARTICLE:
            by_article[e.article_id].append(e)
    since = decision.since or ""
    if not by_article:
        text = messages.NOTHING_CHANGED.format(since=since)
        return Answer(question=question.text, text=text, abstained=True, kind="changes")
    citations = citations_for([e for told in by_article.values() for e in told])
    paragraphs = []
    for article_id in by_article:
        cited = [c for c in citations if c.article_id == article_id]
        heading = ", ".join(part for part in (cited[0].title, (cited[0].published or "")[:10]) if part)
        paragraphs.append((f"{heading}: " if heading else "") + cited_text(cited))
    older = "what earlier articles had not said" if decision.known else "no earlier article about it"
    lead = f"New since {since} ({older}):"
    return Answer(question=question.text, text="\n\n".join([lead, *paragraphs]), citations=citations, kind="changes")


def _unit(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)
