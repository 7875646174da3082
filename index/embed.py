"""The embedding function for Chroma and the retriever: sentence-transformers, normalised vectors, offline."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# OpenBLAS threads spin after each numpy call and starve torch's on 2 cores (a question's embedding took ~220 ms
# instead of ~25 ms); our numpy work is small, so BLAS runs on one thread: the variable for libraries loaded
# later, threadpoolctl for those already loaded.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from chromadb.utils.embedding_functions import SentenceTransformerEmbeddingFunction  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402
from transformers.utils import logging as transformers_logging  # noqa: E402

threadpool_limits(limits=1, user_api="blas")
transformers_logging.disable_progress_bar()  # no "Loading weights" bar in every CLI answer


@lru_cache(maxsize=4)
def embedding_function(model_path: str) -> SentenceTransformerEmbeddingFunction:
    """One embedding function (and so one loaded model) per model path and process."""
    if not Path(model_path).exists():
        raise FileNotFoundError(f"embedding model not found at {model_path}")
    return SentenceTransformerEmbeddingFunction(model_name=model_path, device="cpu", normalize_embeddings=True)


def model_label(model_path: str) -> str:
    """A location-independent name for the model, recorded in the store so a mismatched reopen fails."""
    path = Path(model_path)
    return f"{path.parent.name}/{path.name}" if path.name == "model" else path.name
