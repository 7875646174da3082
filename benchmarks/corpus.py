"""Benchmark corpora: the SQuAD-dev paragraphs as one store, and copies of it at 100k and 1M sentences.

A larger store is built from real text by replicating the SQuAD store's rows under distinct article ids (copy 0
keeps the original ids, so its answers are still found). The vectors are reused rather than re-encoded (1M
sentences would take an hour to encode here); copies after the first get a little noise (cosine ≈ 0.995 to the
original) so the HNSW graph is not built over exact duplicates, which no real corpus has.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

from assistant import Assistant
from benchmarks.squad import SHARED
from index.store import read_all, sentence_id

_NOISE = 0.005  # per-dimension standard deviation of the noise on copied vectors


def squad_store(work: Path) -> Assistant:
    """An Assistant on all SQuAD-dev paragraphs in ``work/squad``, ingesting them the first time."""
    assistant = Assistant(store_path=work / "squad", collection="squad-dev", seeds=None)
    if assistant.parts.store.count()[0] < 2067:
        print(assistant.ingest([SHARED / "articles.jsonl"], progress=True).summary())
    return assistant


def scaled_collection(copies: int) -> str:
    return f"squad-x{copies}"


def build_scaled(source: Assistant, work: Path, copies: int, seed: int = 0) -> Path:
    """A store in ``work/x<copies>`` holding ``copies`` copies of ``source``'s rows; returns its path.

    Skips copies already written (the build can be resumed) and writes each copy's sentences before its article rows,
    the order the store's crash safety relies on.
    """
    path = work / f"x{copies}"
    target = Assistant(store_path=path, collection=scaled_collection(copies), seeds=None)
    done = target.parts.store.count()[0] // 2067
    if done >= copies:
        return path
    sentences = read_all(source.parts.store.sentences, ["documents", "metadatas", "embeddings"])
    articles = read_all(source.parts.store.articles, ["documents", "metadatas", "embeddings"])
    s_vectors = np.asarray(sentences["embeddings"], dtype=np.float32)
    a_vectors = np.asarray(articles["embeddings"], dtype=np.float32)
    rng = np.random.default_rng(seed)
    step = target.parts.store.max_batch_size()
    started = time.perf_counter()
    for copy in tqdm(range(done, copies), desc=f"build x{copies}", initial=done, total=copies):
        suffix = "" if copy == 0 else f"-{copy:03d}"
        ids, metas = [], []
        for meta in sentences["metadatas"]:
            article = meta["article_id"] + suffix
            ids.append(sentence_id(article, meta["index"]))
            metas.append({**meta, "article_id": article})
        vectors = s_vectors if copy == 0 else _jitter(s_vectors, rng)
        for lo in range(0, len(ids), step):
            part = slice(lo, lo + step)
            target.parts.store.sentences.add(
                ids=ids[part], documents=sentences["documents"][part], metadatas=metas[part], embeddings=vectors[part]
            )
        target.parts.store.articles.add(
            ids=[i + suffix for i in articles["ids"]],
            documents=articles["documents"],
            metadatas=[{**m, "source": f"{m['source']}#{copy}"} for m in articles["metadatas"]],
            embeddings=a_vectors if copy == 0 else _jitter(a_vectors, rng),
        )
    took = time.perf_counter() - started
    print(f"built {path}: {copies} copies, {target.parts.store.count()[1]:,} sentences, {took:.0f} s")
    return path


def _jitter(vectors: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    noisy = vectors + rng.normal(0.0, _NOISE, vectors.shape).astype(np.float32)
    return noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
