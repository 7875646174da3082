"""The extractive answerer: the evidence sentences themselves, numbered, with a short answer phrase in front."""

from __future__ import annotations

from assistant.evidence import Evidence
from assistant.short_answer import extract_short_answer
from assistant.types import Answer, Citation

NOT_FOUND = "The articles don't say: nothing in the indexed articles answers this question."


def citations_for(evidence: list[Evidence]) -> list[Citation]:
    return [
        Citation(
            n=n,
            article_id=e.article_id,
            title=e.title,
            sentence=e.text,
            start=e.start,
            end=e.end,
            score=round(e.score, 4),
        )
        for n, e in enumerate(evidence, start=1)
    ]


class ExtractiveAnswerer:
    """Answers with source sentences only, so every claim is cited and faithful; abstains with no evidence."""

    def __init__(self, not_found: str = NOT_FOUND) -> None:
        self.not_found = not_found

    def answer(self, question: str, evidence: list[Evidence]) -> Answer:
        if not evidence:
            return Answer(question=question, text=self.not_found, abstained=True)
        citations = citations_for(evidence)
        short = extract_short_answer(question, evidence[0].text)
        quoted = " ".join(f"{c.sentence} [{c.n}]" for c in citations)
        text = f"{short} [1]\n\n{quoted}" if short else quoted
        return Answer(question=question, text=text, short_answer=short, citations=citations)
