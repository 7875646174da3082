"""LLM answers: prompt | model | text, streamed, then checked sentence by sentence against the cited evidence.

Whatever goes wrong (no server, a timeout, nothing supported) the reader still gets a faithful answer: the
extractive one, with a notice saying why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from langchain_core.language_models import BaseLanguageModel
from langchain_core.output_parsers import StrOutputParser

from assistant.answers import messages
from assistant.answers.citations import citations_for
from assistant.answers.short_answer import extract_short_answer
from assistant.evidence.select import Evidence
from assistant.llm.prompts import Prompts, format_history, format_sources
from assistant.llm.verify import Verifier, names_and_numbers
from assistant.types import Answer, Kind

_VERDICTS = ("Yes", "No")
_LABEL = re.compile(r"^\s*(user|assistant|standalone question|follow-up question|question)\s*:\s*", re.IGNORECASE)


class LLMAnswerer:
    """Drafts an answer with a language model from numbered evidence and keeps only the claims it can verify."""

    def __init__(self, llm: BaseLanguageModel, prompts: Prompts, verifier: Verifier) -> None:
        self.prompts = prompts
        self.verifier = verifier
        self.draft_chain = prompts.answer | llm | StrOutputParser()
        self.rewrite_chain = prompts.rewrite | llm | StrOutputParser()

    def rewrite(self, question: str, history: Sequence[tuple[str, str]]) -> str | None:
        """The follow-up as a standalone question, or None when the model gives nothing usable, or drops a name the
        follow-up gives ("So what does Blackpool get instead?" rewritten "What does Manchester get instead?")."""
        reply = self.rewrite_chain.invoke({"history": format_history(history), "question": question})
        lines = [_LABEL.sub("", line).strip().strip('"“”') for line in reply.strip().splitlines() if line.strip()]
        if not lines or not lines[0] or len(lines[0]) > 3 * len(question) + 200:
            return None
        if lines[0].casefold() == question.casefold():  # "already standalone": let the rules have their say
            return None
        if names_and_numbers(question) - names_and_numbers(lines[0]):  # it dropped a name the user gave
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
        evidence: Sequence[Evidence],
        draft: str,
        error: Exception | None,
        extractive: Answer,
        shaped: bool = False,
    ) -> Answer:
        """The verified answer from a finished draft, or the ``extractive`` answer with a notice saying why not.

        ``shaped``: the draft was asked for in the extractive answer's shape, from the sentences it cites. A draft
        saying the articles don't say shows the extractive answer with that said: whether to abstain is decided once,
        before the model is asked (``Judge.decide``), and the small local model said it of 11 of the seed's 24
        answerable facts.
        """
        if error is not None:
            return _instead(extractive, messages.LLM_FAILED.format(error=_brief(error)), [])
        if _says_not_found(draft, self.prompts.not_found):
            return _instead(extractive, messages.LLM_FOUND_NOTHING, [])
        context = [f"{e.title} {e.before} {e.text} {e.after}" for e in evidence]
        verdict = self.verifier.check(draft, [e.text for e in evidence], context, question)
        if not verdict.kept:
            return _instead(extractive, messages.LLM_UNSUPPORTED, verdict.unsupported)
        cited = set(verdict.cited)
        if shaped and _asks_yes_or_no(extractive):  # its yes or no must be the one the evidence was judged to say
            if _leading_verdict(verdict.text) != extractive.short_answer:
                return _instead(extractive, messages.LLM_OTHER_VERDICT, verdict.unsupported)
            short = extractive.short_answer
        elif extractive.short_answer and _bare(extractive.short_answer) in _bare(verdict.text):
            short = extractive.short_answer  # the reader's phrase, said by the model too
        else:
            short = None if shaped else extract_short_answer(question, evidence[verdict.cited[0] - 1].text)
        return Answer(
            question=question,
            text=verdict.text,
            short_answer=short,
            citations=[c for c in citations_for(evidence) if c.n in cited],
            kind=extractive.kind if shaped else "fact",
            answerer="llm",
            unsupported=verdict.unsupported,
        )


def _bare(text: str) -> str:
    """Text without quotation marks or case, to find one phrase in another however each quotes it."""
    return re.sub(r"[\"“”‘’']", "", text).casefold()


def _asks_yes_or_no(answer: Answer) -> bool:
    return answer.kind == "yes_no" or answer.short_answer in _VERDICTS


def _leading_verdict(text: str) -> str | None:
    """ "Yes" or "No" when the text begins with it ("No, he rejected it [1]."), else None."""
    first = re.match(r"\W*(\w+)", text)
    word = first.group(1).capitalize() if first else ""
    return word if word in _VERDICTS else None


def _instead(extractive: Answer, notice: str, unsupported: list[str]) -> Answer:
    """The extractive answer shown instead of the model's, saying why."""
    return extractive.model_copy(
        update={"notice": messages.SHOWING_SOURCES.format(notice=notice), "unsupported": unsupported}
    )


def _says_not_found(draft: str, not_found: str) -> bool:
    """Whether the draft is the prompt's "the articles don't say" sentence, which the model is told to write when
    its sources don't answer: its first 40 characters, as a model may end the sentence its own way."""
    return draft.strip().startswith(not_found[:40])


def _brief(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__
