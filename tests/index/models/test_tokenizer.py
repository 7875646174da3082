"""The models' tokenizer read straight from ``tokenizer.json`` gives the tokens transformers' ``AutoTokenizer`` gives,
with the same truncation, padding, offsets and sequence ids (the encoder and the reader read them)."""

from __future__ import annotations

import numpy as np
import pytest
from transformers import AutoTokenizer

from assistant.settings import Settings
from index.models.tokenizer import model_inputs, model_tokenizer

MODEL = Settings(seeds=None).model
TEXTS = [
    "Who rejected foreign troops?",
    "The Kremlin said on Friday it would not accept “peacekeepers” from NATO countries — Zürich, São Paulo, 26 allies.",
    "Ein Satz auf Deutsch mit Umlauten: Größe, Übermaß; and emoji 🙂, tabs\tand  double  spaces.",
    " ".join(["A long sentence about the ceasefire talks and the troops that would keep it"] * 12),
    "",
]


@pytest.fixture(scope="module")
def reference():  # noqa: ANN201 - a transformers fast tokenizer
    return AutoTokenizer.from_pretrained(MODEL)


@pytest.mark.parametrize("max_length", [16, 128])
def test_a_padded_batch_matches_transformers(reference, max_length: int) -> None:  # noqa: ANN001
    ours = model_inputs(model_tokenizer(MODEL, max_length).encode_batch(TEXTS))
    theirs = reference(TEXTS, padding=True, truncation=True, max_length=max_length, return_tensors="np")
    for name, values in ours.items():
        assert np.array_equal(values, theirs[name]), name


def test_question_and_sentence_pairs_match_with_offsets_and_sequence_ids(reference) -> None:  # noqa: ANN001
    question = "Who rejected foreign troops?"
    encodings = model_tokenizer(MODEL, 24).encode_batch([(question, text) for text in TEXTS])
    theirs = reference(
        [question] * len(TEXTS), TEXTS, truncation=True, max_length=24, padding=True, return_offsets_mapping=True
    )
    for row, encoding in enumerate(encodings):
        assert encoding.ids == theirs["input_ids"][row]
        assert encoding.type_ids == theirs["token_type_ids"][row]
        assert [tuple(o) for o in encoding.offsets] == [tuple(o) for o in theirs["offset_mapping"][row]]
        assert encoding.sequence_ids == theirs.sequence_ids(row)


def test_only_the_passage_is_cut_in_the_passage_format(reference) -> None:  # noqa: ANN001
    question, passage = "What did the Kremlin reject?", TEXTS[3]
    ours = model_tokenizer(MODEL, 40, truncation="only_second", pad=False).encode(question, passage)
    theirs = reference(question, passage, truncation="only_second", max_length=40, return_offsets_mapping=True)
    assert ours.ids == theirs["input_ids"] and len(ours.ids) == 40
    assert [tuple(o) for o in ours.offsets] == [tuple(o) for o in theirs["offset_mapping"]]
    assert ours.sequence_ids == theirs.sequence_ids(0)
