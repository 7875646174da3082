"""The language model's yes or no: read from its two-line reply, and kept only when the sentence it names bears it out
(a fake chat model; sentences as the evidence would hold them)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.llm.prompts import load_prompts
from assistant.llm.verdict import VerdictJudge, parse_reply
from assistant.settings import PROJECT_ROOT

QUESTION = "Did Putin agree to a temporary ceasefire?"
SENTENCES = [
    "Mark Rutte said Russia had shown no sign of wanting peace.",
    "Putin has rejected a temporary ceasefire, saying it would let Ukraine rearm.",
    "Macron said Europe would keep helping Kyiv.",
]


def _evidence(texts: list[str]) -> list[SimpleNamespace]:
    return [SimpleNamespace(text=t, title="Kremlin rejects troops", before="", after="") for t in texts]


def _judge(*replies: str) -> VerdictJudge:
    prompt = load_prompts(PROJECT_ROOT / "prompts").verdict
    assert prompt is not None
    return VerdictJudge(FakeListChatModel(responses=list(replies)), prompt, min_match=0.5)


@pytest.mark.parametrize(
    ("reply", "parsed"),
    [
        ("Sentence [2]: Putin rejected it\nAnswer: No", (2, "Putin rejected it", "no")),
        ('Sentence 3: "Macron said"\nAnswer: Yes.', (3, "Macron said", "yes")),
        ("Sentence [1]: nothing decides it\nAnswer: Not stated", (1, "nothing decides it", "not stated")),
        ("No [2]", None),  # not the form asked for
        ("Sentence [2]: Putin has rejected it", None),  # no answer line
    ],
)  # fmt: skip
def test_the_reply_is_read_in_its_two_lines(reply: str, parsed: tuple | None) -> None:
    assert parse_reply(reply) == parsed


def test_a_verdict_its_sentence_bears_out_is_kept_with_that_sentence() -> None:
    reply = "Sentence [2]: Putin has rejected a temporary ceasefire\nAnswer: No"
    verdict = _judge(reply).decide(QUESTION, _evidence(SENTENCES))
    assert verdict is not None and (verdict.said, verdict.sentence, verdict.how) == ("no", 1, "model")


@pytest.mark.parametrize(
    "reply",
    [
        "Sentence [2]: Putin has rejected a temporary ceasefire\nAnswer: Yes",  # the sentence's own words say no
        "Sentence [3]: Macron said Europe would keep helping Kyiv\nAnswer: No",  # not about Putin or a ceasefire
        "Sentence [2]: Macron said Europe would keep helping Kyiv\nAnswer: No",  # copied from another sentence
        "Sentence [7]: Putin has rejected a temporary ceasefire\nAnswer: No",  # no such sentence
        "Sentence [2]: Putin has rejected a temporary ceasefire\nAnswer: Not stated",
        "I think the answer is no.",
    ],
)
def test_a_verdict_its_sentence_does_not_bear_out_is_dropped(reply: str) -> None:
    assert _judge(reply).decide(QUESTION, _evidence(SENTENCES)) is None


def test_no_evidence_asks_nothing() -> None:
    assert _judge().decide(QUESTION, []) is None  # the fake would raise on a call: it has no replies
