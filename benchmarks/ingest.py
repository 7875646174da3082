"""Ingestion speed: end-to-end sentences/s (load → clean → split → embed → store) against the raw encoder.

Both run in one process on the same sentences: first the whole ingest of the SQuAD-dev paragraphs into a new store,
then ``SentenceTransformer.encode`` alone over the sentences it stored. The ratio of the two is the figure (target
≥ 0.8). Peak memory is the process's peak resident size after the ingest (model included).

    python -m benchmarks ingest [--limit 500]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import numpy as np

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
        model = assistant.store.encoder
        model.encode(["warm-up sentence"] * 64)  # first-call costs belong to neither side
        started = time.perf_counter()
        report = assistant.ingest([source])
        ingest_s = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        _, texts = assistant.store.all_texts("sentences")
        assert len(texts) == report.sentences_added, "the store holds other sentences than this ingest's"
        started = time.perf_counter()
        vectors = model.encode(texts, batch_size=assistant.settings.batch_size, normalize_embeddings=True)
        encode_s = time.perf_counter() - started
        assert np.asarray(vectors).shape[0] == len(texts)
        articles = len(load_file(source).documents)
    n = len(texts)
    return {
        "articles": articles,
        "sentences": n,
        "ingest_s": ingest_s,
        "ingest_per_s": n / ingest_s,
        "encode_per_s": n / encode_s,
        "ratio": (n / ingest_s) / (n / encode_s),
        "peak_rss_mb": peak_mb,
    }


def show(result: dict[str, float]) -> None:
    print_table(
        f"Ingestion: {result['articles']:,} SQuAD-dev paragraphs, {result['sentences']:,} sentences",
        ["end to end (sent/s)", "raw encode (sent/s)", "ratio (target ≥ 0.8)", "ingest time", "peak RSS"],
        [
            [
                f"{result['ingest_per_s']:.0f}",
                f"{result['encode_per_s']:.0f}",
                f"{result['ratio']:.2f}",
                f"{result['ingest_s']:.1f} s",
                f"{result['peak_rss_mb']:.0f} MB",
            ]
        ],
    )


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks ingest", description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N paragraphs")
    args = parser.parse_args(argv)
    result = measure(args.limit)
    show(result)
    return result
