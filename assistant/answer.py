"""The extractive answerer: the evidence sentences themselves, numbered, with a short answer phrase in front."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.evidence import Evidence
from assistant.relative_dates import resolve_relative_dates
from assistant.short_answer import extract_short_answer, quotation_said, tidy
from assistant.types import Answer, Citation, Quote

NOT_FOUND = "The articles don't say: nothing in the indexed articles answers this question."


def quotes_for(evidence: list[Evidence]) -> list[Quote]:
    """The evidence as sentences shown beside an answer but not cited by it."""
    return [
        Quote(
            article_id=e.article_id,
            title=e.title,
            sentence=e.text,
            start=e.start,
            end=e.end,
            score=round(e.score, 4),
            published=e.published,
            dates=resolve_relative_dates(e.text, e.published),
        )
        for e in evidence
    ]


def citations_for(evidence: list[Evidence]) -> list[Citation]:
    """The evidence as the answer's citations, numbered [1], [2], … in order."""
    return [Citation(n=n, **quote.model_dump()) for n, quote in enumerate(quotes_for(evidence), start=1)]


def short_answer(question: str, top: Evidence, min_reading: float) -> str | None:
    """The reader's answer span in the top sentence when it reads as an answer, else the rule-based phrase; for
    "What did X say?" what the sentence has X say (the clause after "X said", or the quotation the span is in)."""
    said = quotation_said(question, top.text, top.answer)
    if said is not None and tidy(said):
        return tidy(said)
    if top.answer is not None and top.reading is not None and top.reading >= min_reading:
        start, end = top.answer
        if top.text[start : start + 1].isupper() and re.search(r"\b[Tt]he $", top.text[:start]):
            start -= 4  # a name's article belongs to it: "The Kremlin", as the rule-based phrase has it
        phrase = tidy(top.text[start:end])
        if phrase:
            return phrase
    return extract_short_answer(question, top.text)


class ExtractiveAnswerer:
    """Answers with source sentences only, so every claim is cited and faithful; abstains with no evidence.

    The short answer is the reader's span when its score reaches ``min_reading``, else spaCy's rule-based phrase.
    """

    def __init__(self, not_found: str = NOT_FOUND, min_reading: float = 0.0) -> None:
        self.not_found = not_found
        self.min_reading = min_reading

    def answer(self, question: str, evidence: list[Evidence]) -> Answer:
        if not evidence:
            return Answer(question=question, text=self.not_found, abstained=True)
        citations = citations_for(evidence)
        short = short_answer(question, evidence[0], self.min_reading)
        quoted = " ".join(f"{c.sentence} [{c.n}]" for c in citations)
        text = f"{short} [1]\n\n{quoted}" if short else quoted
        return Answer(question=question, text=text, short_answer=short, citations=citations)

    def abstain(self, question: str, evidence: list[Evidence], missing: Sequence[str] = ()) -> Answer:
        """The articles don't say, and the closest sentences shown as related (never cited), with the question's
        names they lack, where there are such: "The closest sentences don't mention Germany"."""
        text = self.not_found
        if evidence and missing:
            names = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
            text += f" The closest sentences don't mention {names}; they are shown as related, not as an answer."
        elif evidence:
            text += " The closest sentences are shown as related, not as an answer."
        return Answer(question=question, text=text, abstained=True, related=quotes_for(evidence))
