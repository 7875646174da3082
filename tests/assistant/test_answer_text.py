"""An Answer reads like the chat when printed, and as Markdown in a notebook."""

from __future__ import annotations

from assistant import Answer, Citation

CITATIONS = [
    Citation(
        n=1,
        article_id="a",
        title="Kremlin *rejects* troops",
        sentence="The Kremlin dismissed it.",
        start=0,
        end=25,
        score=1.47,
    ),
    Citation(
        n=2, article_id="b", title="Summit", sentence="Macron said 26 allies [agreed].", start=3, end=34, score=1.4
    ),
]
ANSWER = Answer(
    question="who rejected foreign troops?",
    text="The Kremlin [1]\n\nThe Kremlin dismissed it. [1] Macron said 26 allies [agreed]. [2]",
    short_answer="The Kremlin",
    citations=CITATIONS,
)


def test_printed_answer_is_its_text_then_its_numbered_sources() -> None:
    assert str(ANSWER) == (
        f"{ANSWER.text}\n\nSources:\n"
        "[1] Kremlin *rejects* troops (chars 0-25, score 1.47)\n[2] Summit (chars 3-34, score 1.40)"
    )
    assert "citations=" not in str(ANSWER)


def test_printed_answer_says_what_was_dropped_and_why() -> None:
    answer = ANSWER.model_copy(update={"unsupported": ["x"], "notice": "The language model failed."})
    lines = str(answer).splitlines()
    assert lines[3:5] == [
        "(removed 1 sentence(s) their cited sources do not support)",
        "note: The language model failed.",
    ]
    abstained = Answer(question="q", text="The articles don't say.", abstained=True)
    assert str(abstained) == "The articles don't say."


def test_markdown_view_bolds_the_short_answer_and_lists_the_sources_escaped() -> None:
    markdown = ANSWER._repr_markdown_()
    assert markdown.startswith("**The Kremlin** \\[1\\]")
    assert markdown.endswith(
        "\n\n1. *Kremlin \\*rejects\\* troops*: The Kremlin dismissed it\\.\n"
        "2. *Summit*: Macron said 26 allies \\[agreed\\]\\."
    )
