"""The embedding function for Chroma and the retriever: sentence-transformers, normalised vectors, offline.

``encoder`` picks how the same model runs: ``torch`` (sentence-transformers, fp32), ``onnx`` (ONNX Runtime, fp32) or
``onnx-int8`` (ONNX Runtime, int8 weights); the ONNX files are exported from the local weights into a cache
directory on first use (see index/models/).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# OpenBLAS threads spin after each numpy call and starve the encoder's on 2 cores (a question's embedding through
# torch took ~220 ms instead of ~25 ms); our numpy work is small, so BLAS runs on one thread: the variable for
# libraries loaded later, threadpoolctl for those already loaded.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space  # noqa: E402
from chromadb.utils.embedding_functions import (  # noqa: E402
    SentenceTransformerEmbeddingFunction,
    register_embedding_function,
)
from threadpoolctl import threadpool_limits  # noqa: E402

from index.models.encoder import DEFAULT_ENCODER, ONNX_ENCODERS, OnnxEncoder  # noqa: E402
from index.models.onnx import default_cache_dir, quiet_transformers  # noqa: E402

threadpool_limits(limits=1, user_api="blas")

ENCODERS = ("torch", *ONNX_ENCODERS)


class Encoder(Protocol):
    """What the indexer needs from a model: batched encoding and the vector size."""

    def encode(self, texts: list[str], batch_size: int = ..., normalize_embeddings: bool = ...) -> Any: ...

    def get_embedding_dimension(self) -> int | None: ...


@register_embedding_function
class OnnxEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's embedding-function protocol over an :class:`OnnxEncoder` (normalised float32 vectors)."""

    def __init__(self, model_name: str, encoder: str, cache_dir: str) -> None:
        self.model_name, self.encoder, self.cache_dir = model_name, encoder, cache_dir
        self._model = OnnxEncoder(model_name, encoder, cache_dir)

    def __call__(self, input: Documents) -> Embeddings:
        return list(self._model.encode(list(input), normalize_embeddings=True))

    @staticmethod
    def name() -> str:
        return "news_assistant_onnx"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "l2", "ip"]

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OnnxEmbeddingFunction:
        # Chroma rebuilds the function from the collection's config on every add/upsert: reuse the loaded one.
        return embedding_function(config["model_name"], config["encoder"], config["cache_dir"])

    def get_config(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "encoder": self.encoder, "cache_dir": self.cache_dir}


@lru_cache(maxsize=8)
def embedding_function(
    model_path: str, encoder: str = DEFAULT_ENCODER, cache_dir: str | None = None
) -> SentenceTransformerEmbeddingFunction | OnnxEmbeddingFunction:
    """One embedding function (and so one loaded model) per model path, encoder and process."""
    if not Path(model_path).exists():
        raise FileNotFoundError(f"embedding model not found at {model_path}")
    if encoder == "torch":
        quiet_transformers()
        return SentenceTransformerEmbeddingFunction(model_name=model_path, device="cpu", normalize_embeddings=True)
    if encoder not in ENCODERS:
        raise ValueError(f"unknown encoder {encoder!r}; use one of {', '.join(ENCODERS)}")
    return OnnxEmbeddingFunction(model_path, encoder, str(cache_dir or default_cache_dir()))


def encoder_of(ef: SentenceTransformerEmbeddingFunction | OnnxEmbeddingFunction) -> Encoder:
    """The model behind an embedding function, for batched encoding and its dimension."""
    return ef._model


def encode(ef: SentenceTransformerEmbeddingFunction | OnnxEmbeddingFunction, texts: list[str], batch_size: int):
    """Normalised float32 vectors of ``texts``, encoded ``batch_size`` at a time."""
    vectors = encoder_of(ef).encode(texts, batch_size=batch_size, normalize_embeddings=True)
    return np.asarray(vectors, dtype=np.float32)


def model_label(model_path: str) -> str:
    """A location-independent name for the model, recorded in the store so a mismatched reopen fails."""
    path = Path(model_path)
    return f"{path.parent.name}/{path.name}" if path.name == "model" else path.name
