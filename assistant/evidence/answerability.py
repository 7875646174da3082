"""Answerability: how likely the evidence answers a question, and which of the question's names its articles never use.

Two checks, both on what the pipeline already has. A question naming someone or something (a person, a country,
an organisation…) that the evidence's articles never mention is not answered by them, however close their
sentences look: "How many troops will Germany send?" of articles that never mention Germany. Otherwise a logistic
model fitted on tuning data (``benchmarks/tune_answerability.py``) weighs how sure the reader is that the best
evidence sentence answers (its best span's score over its "no answer" score), the top sentence's fused relevance, how
much of the question its article says only away from that sentence (a question joining two places of an article
only looks answered), and, from a reader that reads the candidates as one passage, how likely it found the answer not
there at all, into the probability that the evidence answers; under ``min_answerable`` (the one setting of the
trade-off) it does not.
``assistant.evidence.decision`` makes the decision from these for every shape of answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.evidence.select import Evidence
from assistant.question.names import missing_names, question_names, question_peoples
from assistant.question.nlp import question_parse
from assistant.question.wanted import WHAT_SAID
from assistant.retrieval.naming import ArticleTexts
from index.bm25 import tokenize


@dataclass(frozen=True)
class AnswerabilityWeights:
    """The fitted logistic model: probability = sigmoid(bias + reading·r + relevance·f + none·logit(p_none) +
    elsewhere·e), with p_none the passage reader's probability that the answer is not there (0 without one) and e the
    share of the question's words its article uses only away from the best sentence (``words_elsewhere``)."""

    bias: float
    reading: float
    relevance: float
    none: float = 0.0
    elsewhere: float = 0.0


@dataclass(frozen=True)
class Answerability:
    """How likely the evidence answers (``probability``), whether that clears the setting (``likely``), and the
    question's names its articles never use (``missing``); ``reading`` and ``relevance`` are the model's inputs."""

    probability: float
    likely: bool
    missing: tuple[str, ...] = ()
    reading: float | None = None
    relevance: float | None = None
    none: float | None = None  # the passage reader's probability that the answer is not there
    elsewhere: float | None = None  # the question's words its article uses only away from the best sentence


# How news speaks of people it has named: "he", "her", "the pair", "the 25-year-old".
_PERSONAL = re.compile(
    r"\b(?:he|him|his|she|her|the (?:pair|couple|duo|trio|two men|two women|\d+-year-old))\b", re.IGNORECASE
)


def _names_another(question: str, sentence: str) -> bool:
    """Whether a sentence has a capitalised word, past its first, that the question does not (another's name)."""
    asked = set(re.findall(r"\w+", question.lower()))
    return any(w.lower() not in asked for w in re.findall(r"(?<=\s)[A-Z]\w*", sentence))


_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")


def _spelled_out(acronym: str, text: str) -> bool:
    """Whether a text spells an acronym out, word by word ("International Rugby Board" for "IRB")."""
    words = r"\w*\s+(?:of\s+|the\s+|for\s+|and\s+|&\s+)?".join(re.escape(letter) for letter in acronym)
    return re.search(rf"\b{words}\w*", text) is not None


def words_elsewhere(question: str, top: Evidence, article: str, idf: Callable[[str], float]) -> float:
    """The share of the question's words, each weighed by how rare it is (``idf``), that the best sentence's article
    uses but not in or beside that sentence: a question that joins what the article says in different places ("What
    did the Normans never do in Sicily?") only looks answered there."""
    asked = set(tokenize([question])[0])
    weights = {term: idf(term) for term in asked}
    total = sum(weights.values())
    if not total:
        return 0.0
    near = set(tokenize([f"{top.before} {top.text} {top.after}"])[0])
    # "Mr Mousa" near is Baha Mousa near: a name's last word stands for it; so does "he" or "her" in a sentence
    # naming no one else, for a name its article uses ("Africa has been important to him" of Gordon Brown's story).
    pronoun = _PERSONAL.search(top.text) is not None and not _names_another(question, top.text)
    for name in question_names(question):
        words = tokenize([name])[0]
        if words and (words[-1] in near or pronoun):
            near.update(words)
    # "the experiment" near is "the protein folding experiment" near; "the club's stadium", "Borussia Dortmund's
    # stadium": news says again what it has named by its noun
    near_text = f"{top.before} {top.text} {top.after}"
    # "IRB" near is "the International Rugby Board" near
    near.update(a.lower() for a in _ACRONYM.findall(question) if _spelled_out(a, near_text))
    used = set(tokenize([article])[0])
    if any(term in used and term not in near for term in weights) and _said_again(question, near_text):
        for head, words in _phrases(question):  # the question parsed only where a noun of it is said again so
            if re.search(rf"\b{_AGAIN}\s+(?:[\w-]+['’]s\s+)?{re.escape(head)}\b", near_text, re.IGNORECASE):
                near.update(tokenize([" ".join(words)])[0])
    return sum(w for term, w in weights.items() if term in used and term not in near) / total


_AGAIN = r"(?:the|this|that|these|those)"


def _said_again(question: str, text: str) -> bool:
    """Whether the text says one of the question's words after "the" or "this" ("the experiment"), as news names
    again what it has named: only then is the question read for its noun phrases."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]{2,}", question)}
    return any(
        found.group(1).lower() in words
        for found in re.finditer(rf"\b{_AGAIN}\s+(?:[\w-]+['’]s\s+)?([A-Za-z][\w-]{{2,}})", text, re.IGNORECASE)
    )


@lru_cache(maxsize=256)
def _phrases(question: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The question's nouns each with the words before it that describe it: "experiment" and ("protein",
    "folding") of "the protein folding experiment"; "stadium" and ("Borussia", "Dortmund") of "Borussia Dortmund's
    stadium". Read word by word (the small model's phrases of a question are often wrong)."""
    doc = question_parse(question)
    found = []
    for noun in (t for t in doc if t.pos_ == "NOUN"):
        words: list[str] = []
        for token in reversed(doc[: noun.i]):
            if token.lower_ in ("'s", "’s"):
                continue
            describes = token.pos_ in ("NOUN", "PROPN", "ADJ") or token.tag_ == "VBG"
            if not (token.is_alpha and not token.is_stop and describes):
                break
            words.insert(0, token.text)
        if words:
            found.append((noun.text, tuple(words)))
    return tuple(found)


class AnswerabilityCheck:
    """Weighs a question's evidence: the probability that it answers, and the names it lacks. ``idf`` (how rare a
    word is among the articles) is needed for the ``elsewhere`` input, read only when its weight is not 0."""

    def __init__(
        self,
        articles: ArticleTexts,
        weights: AnswerabilityWeights,
        min_answerable: float,
        idf: Callable[[str], float] | None = None,
    ) -> None:
        self.articles = articles
        self.weights = weights
        self.min_answerable = min_answerable
        self.idf = idf

    def check(
        self, question: str, evidence: Sequence[Evidence], kinds: Mapping[str, float] | None = None
    ) -> Answerability:
        """No evidence is no answer; else the names its articles never use, and the probability against the
        setting (``kinds``: the passage reader's probabilities of the kinds of answer, where it read them)."""
        if not evidence:
            return Answerability(probability=0.0, likely=False)
        missing: tuple[str, ...] = ()
        texts: dict[str, str] = {}
        if question_names(question) or question_peoples(question):
            texts = self.articles.article_texts(list(dict.fromkeys(e.article_id for e in evidence)))
            # An article's date counts: one of 2025 that never writes "2025" still speaks of 2025. Each article is
            # read apart: "Robert Sidoli" of one and "Willie Walsh" of another do not name Robert Walsh.
            dated = {e.article_id: f"{e.title} {e.author or ''} {e.published or ''}" for e in evidence}
            apart = [f"{texts.get(a, '')} {header}" for a, header in dated.items()]
            missing = missing_names(question, apart, apart=True)
        # The reader scores phrases; what someone said is a clause, so its score says nothing of whether it is there.
        read = evidence if not WHAT_SAID.match(question.lower()) else ()
        readings = [e.reading.score for e in read if e.reading is not None and math.isfinite(e.reading.score)]
        reading = max(readings, default=0.0)
        w = self.weights
        logit = w.bias + w.reading * reading + w.relevance * evidence[0].score
        none = kinds.get("none") if kinds else None
        if none is not None:
            clipped = min(max(none, 1e-6), 1 - 1e-6)
            logit += w.none * math.log(clipped / (1 - clipped))
        elsewhere = None
        if w.elsewhere and self.idf is not None:
            top = evidence[0]
            article = texts.get(top.article_id)
            if article is None:
                article = self.articles.article_texts([top.article_id]).get(top.article_id, "")
            elsewhere = words_elsewhere(question, top, article, self.idf)
            logit += w.elsewhere * elsewhere
        probability = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))
        return Answerability(
            probability=probability,
            likely=probability >= self.min_answerable,
            missing=missing,
            reading=reading if readings else None,
            relevance=evidence[0].score,
            none=none,
            elsewhere=elsewhere,
        )
