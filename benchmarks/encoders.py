"""Encoder comparison on SQuAD-dev's sentences: throughput, agreement with fp32 torch, and (``--accuracy``)
top-citation accuracy on the held-out questions, one store per encoder.

    python -m benchmarks.encoders [--sample 3000] [--accuracy] [--limit N] [--stores DIR]

Throughput is sentences per second after one warm-up run, ``batch_size`` as in the settings; on a shared machine it
is noisy, so compare the ratios of one run. Accuracy counts questions whose top citation holds a gold answer
(``evaluation.metrics.holds_answer``).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np

from assistant.settings import Settings
from benchmarks.squad import SHARED, questions, squad_assistant
from evaluation.metrics import holds_answer
from index.embed import ENCODERS, embedding_function, encode
from index.sentences import SentenceSplitter


def corpus_sentences(sample: int, seed: int = 0) -> list[str]:
    """A fixed random sample of the SQuAD-dev corpus's sentences, split as the indexer splits them."""
    splitter = SentenceSplitter()
    lines = (SHARED / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = [s.text for line in lines if line.strip() for s in splitter.split(json.loads(line)["text"])]
    random.Random(seed).shuffle(sentences)
    return sentences[:sample]


def throughput(encoder: str, sentences: list[str], settings: Settings) -> tuple[float, np.ndarray]:
    """(sentences per second, vectors) for one encoder, after a warm-up run on the first batches."""
    ef = embedding_function(settings.model, encoder, str(settings.encoder_cache))
    encode(ef, sentences[: settings.batch_size * 2], settings.batch_size)
    tick = time.perf_counter()
    vectors = encode(ef, sentences, settings.batch_size)
    return len(sentences) / (time.perf_counter() - tick), vectors


def accuracy(encoder: str, stores: Path, limit: int | None) -> tuple[float, int, float]:
    """(share of held-out questions whose top citation holds a gold answer, questions asked, ingest seconds)."""
    tick = time.perf_counter()
    assistant = squad_assistant(str(stores / encoder), encoder=encoder)
    ingest = time.perf_counter() - tick
    asked = questions("test", limit)
    hits = 0
    for q in asked:
        answer = assistant.ask(q["question"])
        hits += bool(answer.citations) and holds_answer(answer.citations[0].sentence, q["answers"])
    return hits / len(asked), len(asked), ingest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoders", nargs="+", default=list(ENCODERS), choices=ENCODERS)
    parser.add_argument("--sample", type=int, default=3000, help="sentences encoded for throughput and agreement")
    parser.add_argument("--accuracy", action="store_true", help="also build a store per encoder and ask questions")
    parser.add_argument("--limit", type=int, default=None, help="held-out questions asked (default: all)")
    parser.add_argument("--stores", type=Path, default=Path("eval-results/encoder-stores"))
    args = parser.parse_args()
    settings = Settings()
    encoders = ["torch", *[e for e in args.encoders if e != "torch"]]
    sentences = corpus_sentences(args.sample)
    print(f"{len(sentences)} sentences, batch size {settings.batch_size}")
    rows: dict[str, dict[str, float]] = {}
    reference = None
    for encoder in encoders:
        rate, vectors = throughput(encoder, sentences, settings)
        reference = vectors if reference is None else reference
        cosine = (vectors * reference).sum(axis=1)
        rows[encoder] = {"rate": rate, "cos_mean": float(cosine.mean()), "cos_min": float(cosine.min())}
        print(f"  {encoder}: {rate:.1f} sentences/s", flush=True)
    if args.accuracy:
        for encoder in encoders:
            share, asked, ingest = accuracy(encoder, args.stores, args.limit)
            rows[encoder].update(acc=share, asked=asked, ingest=ingest)
            print(f"  {encoder}: top citation holds an answer for {share:.4f} of {asked} ({ingest:.0f} s to ingest)")
    base = rows["torch"]
    print(f"\n{'encoder':<10} {'sent/s':>8} {'x fp32':>7} {'cos mean':>9} {'cos min':>8}", end="")
    print(f" {'top-cit acc':>11} {'diff':>8} {'questions':>9}" if args.accuracy else "")
    for encoder, row in rows.items():
        line = f"{encoder:<10} {row['rate']:>8.1f} {row['rate'] / base['rate']:>7.2f} "
        line += f"{row['cos_mean']:>9.4f} {row['cos_min']:>8.4f}"
        if args.accuracy:
            line += f" {row['acc']:>11.4f} {row['acc'] - base['acc']:>+8.4f} {row['asked']:>9}"
        print(line)


if __name__ == "__main__":
    main()
