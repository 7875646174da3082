"""The question's main verb, from spaCy's parse."""

import pytest

from assistant.question.nlp import main_verb


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Who did Yukos sue?", ("sue", "sue")),
        ("When will the PSP go on sale in the US?", ("go", "go")),
        ("When does Revenge of the Sith open?", ("open", "open")),  # the small model's noun, last after "does"
        ("What is the capital of France?", None),
    ],
)
def test_the_questions_main_verb_as_written_and_its_lemma(question: str, verb: tuple[str, str] | None) -> None:
    assert main_verb(question) == verb
