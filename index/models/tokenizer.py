"""The model's own fast tokenizer (its ``tokenizer.json``, through the tokenizers library), for the ONNX models.

transformers' ``AutoTokenizer`` wraps the same tokenizer, but importing it loads transformers' model machinery and
PyTorch: over a second of every command's start, for the same tokens (``tests/index/models`` compares them).
Truncation and padding are set once, when the tokenizer is made; each use that needs others makes its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
from tokenizers import Encoding, Tokenizer

from index.models.onnx import ONNX_INPUTS

Truncation = Literal["longest_first", "only_second"]


def model_tokenizer(
    model_path: str | Path, max_length: int, truncation: Truncation = "longest_first", pad: bool = True
) -> Tokenizer:
    """The tokenizer of the model at ``model_path``: cut to ``max_length`` tokens (a question and sentence pair by
    ``truncation``), and a batch padded to its longest (``pad``), as ``AutoTokenizer(..., padding=True,
    truncation=...)`` does."""
    tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
    tokenizer.enable_truncation(max_length, strategy=truncation)
    if pad:
        pad_id = tokenizer.token_to_id("[PAD]")
        tokenizer.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")
    else:
        tokenizer.no_padding()
    return tokenizer


def model_inputs(encodings: list[Encoding]) -> dict[str, np.ndarray]:
    """The ONNX models' inputs (``ONNX_INPUTS``, int64 rows) of a batch of encodings of one length."""
    columns = {
        "input_ids": [e.ids for e in encodings],
        "attention_mask": [e.attention_mask for e in encodings],
        "token_type_ids": [e.type_ids for e in encodings],
    }
    return {name: np.asarray(columns[name], dtype=np.int64) for name in ONNX_INPUTS}
