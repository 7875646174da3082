"""Answerability: whether the evidence answers the question, or the assistant should say the articles don't.

Two checks, both on what the pipeline already has. A question naming someone or something (a person, a country,
an organisation…) that the evidence's articles never mention is not answered by them, however close their
sentences look: "How many troops will Germany send?" of articles that never mention Germany. Otherwise a logistic
model fitted on tuning data (``benchmarks/tune_answerability.py``) weighs how sure the reader is that the best
evidence sentence answers (its best span's score over its "no answer" score) and the top sentence's fused relevance
into the probability that the evidence answers; under ``min_answerable`` (the one setting of the trade-off) the
assistant abstains.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, runtime_checkable

from assistant.evidence import Evidence
from assistant.nlp import NER_ONLY, nlp

_WORD = re.compile(r"\w+")
# spaCy's entity labels for names. Numbers, dates and amounts are left out, and nationalities, groups and languages
# (NORP, LANGUAGE): questions phrase them differently from the articles too often ("the late 1950's", "3 layers",
# "French" or "English" for "France" or "England") for their absence to mean anything.
_NAMES = frozenset({"PERSON", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_SMALL_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "s"})
_SPELLING = 0.8  # difflib's ratio from which a word counts as the same word misspelled ("ARPNET" for "ARPANET")


@runtime_checkable
class ArticleTexts(Protocol):
    """What the check reads from a store: the whole texts of the evidence's articles."""

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]: ...


@dataclass(frozen=True)
class AnswerabilityWeights:
    """The fitted logistic model: probability = sigmoid(bias + reading·r + relevance·f)."""

    bias: float
    reading: float
    relevance: float


@dataclass(frozen=True)
class Decision:
    """The evidence judged, whether it answers, how likely, and the names of the question its articles never use."""

    evidence: tuple[Evidence, ...]
    answerable: bool
    probability: float
    missing: tuple[str, ...] = ()
    reading: float | None = None
    relevance: float | None = None


@lru_cache(maxsize=2048)
def question_names(question: str) -> tuple[str, ...]:
    """The names in a question (spaCy's entities of name labels), as written, without a leading 'the'."""
    names = []
    for entity in nlp()(question, disable=NER_ONLY).ents:
        if entity.label_ in _NAMES:
            name = re.sub(r"^(the|a|an)\s+", "", entity.text, flags=re.IGNORECASE).strip(" '’\"“”")
            if _WORD.search(name):
                names.append(name)
    return tuple(dict.fromkeys(names))


class _Vocabulary:
    """The words of some texts, for looking names up exactly, run together, or misspelled."""

    def __init__(self, texts: Iterable[str]) -> None:
        words = _WORD.findall(" ".join(texts).lower())
        self.words = set(words)
        self.joined = "".join(words)

    def has_word(self, word: str) -> bool:
        if word in self.words:
            return True
        alike = [w for w in self.words if w[:1] == word[:1] and abs(len(w) - len(word)) <= 2]
        return bool(difflib.get_close_matches(word, alike, n=1, cutoff=_SPELLING))

    def mentions(self, name: str) -> bool:
        """Whether at least half the name's words (beyond 'the', 'of'…) are there, or the name run together is:
        "Vladimir Putin" is mentioned by an article that says "Putin"."""
        own = [w for w in _WORD.findall(name.lower()) if w not in _SMALL_WORDS] or _WORD.findall(name.lower())
        return "".join(own) in self.joined or 2 * sum(map(self.has_word, own)) >= len(own)


def missing_names(question: str, texts: Iterable[str]) -> tuple[str, ...]:
    """The question's names that none of ``texts`` mentions."""
    names = question_names(question)
    if not names:
        return ()
    vocabulary = _Vocabulary(texts)
    return tuple(name for name in names if not vocabulary.mentions(name))


class AnswerabilityCheck:
    """Decides from the question and its evidence whether to answer; one check for both answerers."""

    def __init__(self, articles: ArticleTexts, weights: AnswerabilityWeights, min_answerable: float) -> None:
        self.articles = articles
        self.weights = weights
        self.min_answerable = min_answerable

    def decide(self, question: str, evidence: Sequence[Evidence]) -> Decision:
        """No evidence, or a name its articles never use, is no answer; else the probability against the setting."""
        if not evidence:
            return Decision(evidence=(), answerable=False, probability=0.0)
        missing: tuple[str, ...] = ()
        if question_names(question):
            texts = self.articles.article_texts(list(dict.fromkeys(e.article_id for e in evidence)))
            missing = missing_names(question, [*texts.values(), *(f"{e.title} {e.author or ''}" for e in evidence)])
        readings = [e.reading for e in evidence if e.reading is not None and math.isfinite(e.reading)]
        reading = max(readings, default=0.0)
        w = self.weights
        logit = w.bias + w.reading * reading + w.relevance * evidence[0].score
        probability = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))
        return Decision(
            evidence=tuple(evidence),
            answerable=not missing and probability >= self.min_answerable,
            probability=probability,
            missing=missing,
            reading=reading if readings else None,
            relevance=evidence[0].score,
        )

    def articles_naming(self, question: str, article_ids: Sequence[str]) -> list[str]:
        """Those of these articles, in order, whose text mentions every name of the question."""
        ids = list(dict.fromkeys(article_ids))
        if not question_names(question):
            return ids
        texts = self.articles.article_texts(ids)
        return [a for a in ids if a in texts and not missing_names(question, [texts[a]])]
