"""Ingestion speed: end-to-end sentences/s (load → clean → split → embed → store) against the raw encoder.

All in one process on the same sentences: first the whole ingest of the SQuAD-dev paragraphs into a new store, then
the configured encoder alone over the sentences it stored (the ratio of the two is the figure; target ≥ 0.8), then
``SentenceTransformer.encode`` in fp32 torch over them (the goal: ingest faster than that). Peak memory is the
process's peak resident size after the ingest (model included).

    python -m benchmarks ingest [--limit 500]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from sentence_transformers import SentenceTransformer

from assistant import Assistant
from benchmarks.report import print_table
from benchmarks.squad import SHARED
from index.load import load_file


def measure(limit: int | None = None, encoder: str | None = None) -> dict[str, float]:
    """Ingest the SQuAD paragraphs (the first ``limit``) into a new store and encode their sentences raw."""
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        lines = (SHARED / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:limit]
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        overrides = {"encoder": encoder} if encoder else {}
        assistant = Assistant(store_path=Path(tmp) / "store", seeds=None, **overrides)
        model = assistant.parts.store.encoder
        model.encode(["warm-up sentence"] * 64)  # first-call costs belong to neither side
        started = time.perf_counter()
        report = assistant.ingest([source])
        ingest_s = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        _, texts = assistant.parts.store.all_texts("sentences")
        assert len(texts) == report.sentences_added, "the store holds other sentences than this ingest's"
        encode_s = _encode_time(model, texts, assistant.settings.batch_size)
        torch_s = _encode_time(SentenceTransformer(assistant.settings.model, device="cpu"), texts, 64)
        articles = len(load_file(source).documents)
    n = len(texts)
    return {
        "articles": articles,
        "sentences": n,
        "ingest_s": ingest_s,
        "ingest_per_s": n / ingest_s,
        "encode_per_s": n / encode_s,
        "ratio": (n / ingest_s) / (n / encode_s),
        "torch_per_s": n / torch_s,
        "encoder": assistant.settings.encoder,
        "peak_rss_mb": peak_mb,
    }


def _encode_time(model: Any, texts: list[str], batch_size: int) -> float:
    """Seconds to encode ``texts`` after a warm-up call."""
    model.encode(texts[:batch_size], batch_size=batch_size, normalize_embeddings=True)
    started = time.perf_counter()
    vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True)
    took = time.perf_counter() - started
    assert np.asarray(vectors).shape[0] == len(texts)
    return took


def show(result: dict[str, float]) -> None:
    print_table(
        f"Ingestion: {result['articles']:,} SQuAD-dev paragraphs, {result['sentences']:,} sentences, "
        f"encoder {result['encoder']}",
        ["end to end (sent/s)", "raw encoder (sent/s)", "ratio (target ≥ 0.8)", "raw fp32 torch (sent/s)",
         "end to end / fp32 torch", "ingest time", "peak RSS"],
        [
            [
                f"{result['ingest_per_s']:.0f}",
                f"{result['encode_per_s']:.0f}",
                f"{result['ratio']:.2f}",
                f"{result['torch_per_s']:.0f}",
                f"{result['ingest_per_s'] / result['torch_per_s']:.2f}",
                f"{result['ingest_s']:.1f} s",
                f"{result['peak_rss_mb']:.0f} MB",
            ]
        ],
    )  # fmt: skip


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks ingest", description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N paragraphs")
    parser.add_argument("--encoder", default=None, help="torch, onnx or onnx-int8 (default: the configured one)")
    args = parser.parse_args(argv)
    result = measure(args.limit, args.encoder)
    show(result)
    return result
