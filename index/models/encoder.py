"""The sentence encoder through ONNX Runtime: the packaged MiniLM, exported from its local weights on first use."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from index.models.onnx import (
    cached_export,
    cpu_session,
    export_onnx,
    model_digest,
    runtime_versions,
    sample_inputs,
)
from index.models.tokenizer import model_inputs, model_tokenizer

ONNX_ENCODERS = ("onnx", "onnx-int8")
# int8 weights through ONNX Runtime: 2.4x torch's encoding speed at the same held-out top-citation accuracy
# (docs/benchmarks.md).
DEFAULT_ENCODER = "onnx-int8"


def _fingerprint(model_path: Path, encoder: str) -> str:
    """A cache key that changes with the weights, the encoder kind and the exporting/running library versions."""
    return f"{model_path.parent.name}-{encoder}-{runtime_versions()}-{model_digest(model_path)}"


def _export_encoder(model_path: Path, target: Path, quantize: bool) -> None:
    """The encoder's ONNX file: BERT's last hidden state, mean-pooled later in numpy."""
    from transformers import AutoModel

    # Eager attention exports to the plain MatMul/Softmax pattern that ONNX Runtime fuses and quantises well.
    bert = AutoModel.from_pretrained(str(model_path), attn_implementation="eager").eval()
    export_onnx(bert, sample_inputs(model_path), ["last_hidden_state"], target, quantize)


def exported_model(model_path: str | Path, encoder: str, cache_dir: str | Path) -> Path:
    """The ONNX file for ``encoder`` of the model, exported into ``cache_dir`` on first use and reused afterwards."""
    if encoder not in ONNX_ENCODERS:
        raise ValueError(f"unknown ONNX encoder {encoder!r}; use one of {', '.join(ONNX_ENCODERS)}")
    model_path = Path(model_path)
    return cached_export(
        Path(cache_dir),
        _fingerprint(model_path, encoder),
        lambda work: _export_encoder(model_path, work, quantize=encoder == "onnx-int8"),
        {"model": str(model_path), "encoder": encoder},
    )


class OnnxEncoder:
    """Encodes texts like ``SentenceTransformer.encode`` (same tokenizer, mean pooling, L2 norm) with ONNX Runtime."""

    def __init__(self, model_path: str | Path, encoder: str, cache_dir: str | Path) -> None:
        model_path = Path(model_path)
        self.file = exported_model(model_path, encoder, cache_dir)
        config = json.loads((model_path / "sentence_bert_config.json").read_text())
        self.max_seq_length = int(config.get("max_seq_length", 256))
        self.tokenizer = model_tokenizer(model_path, self.max_seq_length)
        self.session = cpu_session(self.file)
        self._dimension = int(self.session.get_outputs()[0].shape[-1])

    def get_embedding_dimension(self) -> int:
        return self._dimension

    def encode(self, texts: list[str], batch_size: int = 64, normalize_embeddings: bool = True) -> np.ndarray:
        """Vectors in input order; texts are batched longest first, as sentence-transformers does, to pad little."""
        texts = list(texts)
        order = np.argsort([-len(text) for text in texts], kind="stable")
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for lo in range(0, len(texts), batch_size):
            rows = order[lo : lo + batch_size]
            tokens = model_inputs(self.tokenizer.encode_batch([texts[i] for i in rows]))
            hidden = self.session.run(None, tokens)[0]
            mask = tokens["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            if normalize_embeddings:
                pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[rows] = pooled
        return out
