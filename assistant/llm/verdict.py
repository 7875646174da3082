"""Yes or no from the language model, for a yes-or-no question the evidence's own words leave open.

The model reads one evidence sentence at a time in its context (the sentences before and after it) and replies with
one word: Yes, No or Unknown (``prompts/verdict.*.txt``). The first sentence, best first, on which it says yes or no
and which bears that out decides, and is the one the answer cites: it or its context mentions every name of the
question as the answerability check reads names (it is about what was asked; the model is not asked otherwise), and
what it says in the question's words, where it says it (``verdict_from``), is not the opposite. Otherwise the answer
says the articles don't say yes or no, as it did before.

Asked for one word, the packaged model leans to "Yes"; its backend takes that lean off the word
(``Settings.llm_yes_bias``, assistant/llm/backends.py), and leaves its "Unknown" as it says it (``llm_unknown_bias``
0), the sign of a passage that does not say. A two-line reply that first copied the deciding sentence was right less
often on CoQA's tuning stories (docs/llm.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from langchain_core.language_models import BaseLanguageModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable

from assistant.evidence.polarity import Said, Verdict, verdict_from
from assistant.evidence.select import Evidence
from assistant.llm.verify import overlap
from assistant.question.names import missing_names
from assistant.question.standalone import without_carried

_WORD = re.compile(r"\b(yes|no|unknown)\b", re.IGNORECASE)


def parse_reply(reply: str) -> Said | None:
    """ "yes" or "no" when the reply's first such word says it; None for "Unknown" or any other reply."""
    found = _WORD.search(reply)
    word = found.group(1).lower() if found else None
    return "yes" if word == "yes" else "no" if word == "no" else None


def passage(evidence: Evidence) -> str:
    """The sentence with the ones around it, as one data block; anything that could close the block is defused."""
    text = " ".join(part for part in (evidence.before, evidence.text, evidence.after) if part)
    return text.replace("<", "‹").replace(">", "›")


class VerdictJudge:
    """Asks the model for a yes-or-no verdict on each evidence sentence in turn, and keeps the first one its sentence
    bears out."""

    def __init__(
        self, llm: BaseLanguageModel | Runnable, prompt: ChatPromptTemplate, min_match: float, sentences: int = 3
    ) -> None:
        self.chain = prompt | llm | StrOutputParser()
        self.min_match = min_match  # from which the sentence's own words decide (Settings.min_verdict_match)
        self.sentences = sentences  # how many of the evidence sentences, best first, it may ask about

    def decide(self, question: str, evidence: Sequence[Evidence]) -> Verdict | None:
        """The model's verdict on ``question`` with its deciding sentence's position in ``evidence``, or None."""
        for n, item in enumerate(evidence[: self.sentences]):
            if missing_names(question, [item.title, item.before, item.text, item.after, item.published or ""]):
                continue  # not about what was asked: the model is not asked about it
            said = parse_reply(self.chain.invoke({"question": question, "passage": passage(item)}))
            if said is not None and self.borne_out(question, item, said):
                return Verdict(said, n, round(overlap(question, item.text), 3), "model")
        return None

    def borne_out(self, question: str, deciding: Evidence, said: Said) -> bool:
        """Whether the sentence's own words, where they say it in the question's words, do not say the opposite: the
        question as asked (without the words a follow-up carries for retrieval), however few its words ("Could it
        fire?" is not borne out by "no longer readily able to fire")."""
        own = verdict_from(without_carried(question), [deciding.text], self.min_match, min_units=1)
        return own is None or own.said == said
