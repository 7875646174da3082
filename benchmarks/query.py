"""Question latency of ``ask()`` (extractive) at 10k, 100k and 1M sentences, with the cost of each stage.

The 10k store holds the SQuAD-dev paragraphs; the larger ones are built from it (see ``benchmarks/corpus.py``, built
once and kept in ``--work``). Each size is opened in this process once the model is loaded (open time and the BM25
load are reported), warmed
with one question, then asked ``--questions`` held-out questions in turn; top-citation accuracy is reported too, as
a check that the larger stores still answer. ``--served`` opens each store through Chroma's server, as the chat
app serves its store to other processes (``news-assistant ui``), to measure what that costs a question.

    python -m benchmarks query [--sizes 10k,100k,1M] [--questions 500] [--work index/.bench] [--served]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from assistant import Assistant
from benchmarks.corpus import build_scaled, scaled_collection, squad_store
from benchmarks.report import print_table
from benchmarks.squad import questions
from evaluation.metrics import holds_answer
from index.store.server import serve_store

STAGES = ("embed", "dense", "bm25", "fetch", "features", "fusion", "evidence", "read", "answerability", "answer")
SIZES = {"10k": 1, "100k": 10, "1M": 97}  # copies of the 10,328-sentence SQuAD store
DEFAULT_WORK = Path(__file__).resolve().parents[1] / "index" / ".bench"


def prepare(work: Path, copies: int) -> tuple[Path, str]:
    """The store path and collection of a size, built if missing."""
    base = squad_store(work)
    if copies == 1:
        return work / "squad", "squad-dev"
    return build_scaled(base, work, copies), scaled_collection(copies)


def measure(assistant: Assistant, qs: list[dict]) -> dict[str, float]:
    """Latency percentiles, per-stage medians (ms) and top-citation accuracy over ``qs``."""
    started = time.perf_counter()
    assistant.parts.lexical.current()
    bm25_load = time.perf_counter() - started
    assistant.ask("warm-up: who wrote this?")
    totals, stages, hits = [], {s: [] for s in STAGES}, 0
    for q in qs:
        answer = assistant.ask(q["question"])
        totals.append(answer.timings["total"])
        for stage in STAGES:
            stages[stage].append(answer.timings.get(stage, 0.0))
        hits += bool(answer.citations) and holds_answer(answer.citations[0].sentence, q["answers"])
    totals.sort()
    return {
        "sentences": assistant.parts.store.count()[1],
        "bm25_load_s": bm25_load,
        "p50": 1000 * statistics.median(totals),
        "p95": 1000 * totals[max(0, int(0.95 * len(totals)) - 1)],
        **{stage: 1000 * statistics.median(values) for stage, values in stages.items()},
        "top_citation": hits / len(qs),
    }


def show(results: dict[str, dict[str, float]]) -> None:
    rows = []
    for size, r in results.items():
        rows.append(
            [size, f"{r['sentences']:,}", f"{r['open_s']:.1f}", f"{r['bm25_load_s']:.2f}", f"{r['p50']:.1f}",
             f"{r['p95']:.1f}", *(f"{r[s]:.1f}" for s in STAGES), f"{r['top_citation']:.3f}"]
        )  # fmt: skip
    print_table(
        "ask() latency, extractive, held-out questions (ms; stages are medians; open and BM25 load in s)",
        ["size", "sentences", "open", "bm25 load", "p50", "p95", *STAGES, "top citation"],
        rows,
    )
    if "10k" in results and "1M" in results:
        print(f"  p50 growth 10k → 1M: {results['1M']['p50'] / results['10k']['p50']:.2f}× (target ≤ 2×)")


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks query", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k,1M", help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--questions", type=int, default=500, help="held-out questions asked per size")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where benchmark stores are kept")
    parser.add_argument("--served", action="store_true", help="open each store through Chroma's server, as the app")
    args = parser.parse_args(argv)
    qs = questions("test", args.questions)
    results = {}
    for size in args.sizes.split(","):
        path, collection = prepare(args.work, SIZES[size])
        if args.served:
            serve_store(path, collection)
        started = time.perf_counter()
        assistant = Assistant(store_path=path, collection=collection, seeds=None)
        opened = time.perf_counter() - started
        results[size] = {"open_s": opened, **measure(assistant, qs)}
        print(f"{size}: p50 {results[size]['p50']:.1f} ms, p95 {results[size]['p95']:.1f} ms")
    show(results)
    return results
