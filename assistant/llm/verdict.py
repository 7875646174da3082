"""Yes or no from the language model, for a yes-or-no question the evidence's own words leave open.

The model copies the words of the sentence that decides the question, then says Yes, No or Not stated
(``prompts/verdict.*.txt``). Its verdict is kept only when it checks out: the sentence it names exists and is the one it
copied, it mentions every name of the question (it is about what was asked), and what the sentence says in the
question's words, where it says it (``verdict_from``), is not the opposite. Otherwise the answer says the articles
don't say yes or no, as it did before. (Also asking that the sentence repeat a share of the question's words dropped
as many right verdicts as wrong ones on CoQA's tuning stories, so it is not asked.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from langchain_core.language_models import BaseLanguageModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate

from assistant.evidence.polarity import Said, Verdict, verdict_from
from assistant.evidence.select import Evidence
from assistant.llm.prompts import format_sources
from assistant.llm.verify import missing_names, overlap

_SENTENCE = re.compile(r"^\W*sentence\W*\[?(\d+)\]?\s*:?\s*(.*)$", re.IGNORECASE | re.MULTILINE)
_ANSWER = re.compile(r"^\W*answer\W*(yes|no|not stated)\b", re.IGNORECASE | re.MULTILINE)


def parse_reply(reply: str) -> tuple[int, str, str] | None:
    """The sentence number, the words copied from it and "yes" / "no" / "not stated", or None when the reply is not
    in the asked form."""
    sentence, answer = _SENTENCE.search(reply), _ANSWER.search(reply)
    if sentence is None or answer is None:
        return None
    return int(sentence.group(1)), sentence.group(2).strip(' "“”'), answer.group(1).lower()


class VerdictJudge:
    """Asks the model for a yes-or-no verdict on numbered evidence, and keeps it only when its sentence bears it out."""

    def __init__(self, llm: BaseLanguageModel, prompt: ChatPromptTemplate, min_match: float) -> None:
        self.chain = prompt | llm | StrOutputParser()
        self.min_match = min_match  # from which the sentence's own words decide (Settings.min_verdict_match)

    def decide(self, question: str, evidence: Sequence[Evidence]) -> Verdict | None:
        """The model's verdict on ``question`` with its deciding sentence's position in ``evidence``, or None."""
        if not evidence:
            return None
        reply = self.chain.invoke({"question": question, "sources": format_sources(evidence)})
        return self.checked(question, evidence, reply)

    def checked(self, question: str, evidence: Sequence[Evidence], reply: str) -> Verdict | None:
        """The verdict ``reply`` gives, if its sentence bears it out (see the module's docstring)."""
        parsed = parse_reply(reply)
        if parsed is None or parsed[2] not in ("yes", "no") or not 1 <= parsed[0] <= len(evidence):
            return None
        n, copied, said = parsed
        deciding = evidence[n - 1]
        if copied and overlap(copied, deciding.text) < 0.5:  # it copied another sentence than the one it names
            return None
        context = f"{deciding.title} {deciding.before} {deciding.text} {deciding.after}"
        if missing_names(question, context):
            return None
        own = verdict_from(question, [deciding.text], self.min_match)
        if own is not None and own.said != said:
            return None
        verdict: Said = "yes" if said == "yes" else "no"
        return Verdict(verdict, n - 1, round(overlap(question, deciding.text), 3), "model")
