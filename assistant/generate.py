"""LLM answers: prompt | model | text, streamed, then checked sentence by sentence against the cited evidence.

Whatever goes wrong (no server, a timeout, nothing supported) the reader still gets a faithful answer: the
extractive one, with a notice saying why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from langchain_core.language_models import BaseLanguageModel
from langchain_core.output_parsers import StrOutputParser

from assistant.answer import ExtractiveAnswerer, citations_for
from assistant.evidence import Evidence
from assistant.prompts import Prompts, format_history, format_sources
from assistant.short_answer import extract_short_answer
from assistant.types import Answer, Kind
from assistant.verify import Verifier

_LABEL = re.compile(r"^\s*(user|assistant|standalone question|follow-up question|question)\s*:\s*", re.IGNORECASE)


class LLMAnswerer:
    """Drafts an answer with a language model from numbered evidence and keeps only the claims it can verify."""

    def __init__(
        self, llm: BaseLanguageModel, prompts: Prompts, verifier: Verifier, fallback: ExtractiveAnswerer
    ) -> None:
        self.prompts = prompts
        self.verifier = verifier
        self.fallback = fallback  # the assistant's own extractive answerer: a refused draft shows its answer
        self.draft_chain = prompts.answer | llm | StrOutputParser()
        self.rewrite_chain = prompts.rewrite | llm | StrOutputParser()

    def rewrite(self, question: str, history: Sequence[tuple[str, str]]) -> str | None:
        """The follow-up as a standalone question, or None when the model gives nothing usable."""
        reply = self.rewrite_chain.invoke({"history": format_history(history), "question": question})
        lines = [_LABEL.sub("", line).strip().strip('"“”') for line in reply.strip().splitlines() if line.strip()]
        if not lines or not lines[0] or len(lines[0]) > 3 * len(question) + 200:
            return None
        if lines[0].casefold() == question.casefold():  # "already standalone": let the rules have their say
            return None
        return lines[0]

    def stream(self, question: str, evidence: Sequence[Evidence], kind: Kind = "fact") -> Iterator[str]:
        """The draft's text as the model produces it, in the shape ``kind``; ``evidence`` is numbered [1], [2], … in
        the prompt."""
        shape = self.prompts.shape(kind)
        yield from self.draft_chain.stream({"question": question, "sources": format_sources(evidence), "shape": shape})

    def finish(
        self,
        question: str,
        evidence: list[Evidence],
        draft: str,
        error: Exception | None = None,
        shaped: Answer | None = None,
    ) -> Answer:
        """The verified answer from a finished draft, or with a notice saying why not the extractive answer (the
        ``shaped`` one, when the draft was asked for in its shape)."""
        if error is not None:
            return self._fallback(question, evidence, f"The language model failed ({_brief(error)}).", [], shaped)
        if draft.strip().startswith(self.prompts.not_found[:40]):
            notice = "The language model found no answer in the retrieved sentences."
            if shaped is not None:  # the sentences were chosen as that answer: show them
                return self._fallback(question, evidence, notice, [], shaped)
            return Answer(question=question, text=self.prompts.not_found, abstained=True, answerer="llm", notice=notice)
        context = [f"{e.title} {e.before} {e.text} {e.after}" for e in evidence]
        verdict = self.verifier.check(draft, [e.text for e in evidence], context)
        if not verdict.kept:
            unsupported = verdict.unsupported
            notice = "The language model's answer was not supported by its sources."
            return self._fallback(question, evidence, notice, unsupported, shaped)
        cited = set(verdict.cited)
        return Answer(
            question=question,
            text=verdict.text,
            short_answer=extract_short_answer(question, evidence[0].text) if shaped is None else None,
            citations=[c for c in citations_for(evidence) if c.n in cited],
            kind=shaped.kind if shaped is not None else "fact",
            answerer="llm",
            unsupported=verdict.unsupported,
        )

    def _fallback(
        self, question: str, evidence: list[Evidence], notice: str, unsupported: list[str], shaped: Answer | None
    ) -> Answer:
        answer = shaped or self.fallback.answer(question, evidence)
        notice = f"{notice} Showing the source sentences instead."
        return answer.model_copy(update={"notice": notice, "unsupported": unsupported})


def _brief(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__
