"""Fresh-process startup: wall time from starting Python to the first answer of ``ask()`` (target ≤ 10 s).

Each run is a new interpreter that imports ``assistant``, opens the store (loading the model) and answers the seed
question; it reports the three parts. Measured on the seed store (indexed before timing) and, when the benchmark
stores exist in ``--work``, on the larger ones (whose BM25 indexes load from disk).

    python -m benchmarks startup [--runs 3] [--work index/.bench]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import scaled_collection
from benchmarks.query import DEFAULT_WORK, SIZES
from benchmarks.report import print_table

_CHILD = """
import json, sys, time
started = time.perf_counter()
from assistant import Assistant
imported = time.perf_counter()
assistant = Assistant(store_path=sys.argv[1], collection=sys.argv[2])
opened = time.perf_counter()
answer = assistant.ask(sys.argv[3])
print(json.dumps({"import": imported - started, "open": opened - imported, "first_answer": time.perf_counter() - opened,
                  "short_answer": answer.short_answer}))
"""


def run_once(store: Path, collection: str, question: str) -> dict[str, float]:
    """One fresh interpreter answering one question; its parts and the total wall time seen from outside."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(store), collection, question],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    parts = json.loads(done.stdout.strip().splitlines()[-1])
    return {**parts, "total": time.perf_counter() - started}


def measure(store: Path, collection: str, question: str, runs: int) -> dict[str, float]:
    results = [run_once(store, collection, question) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in ("import", "open", "first_answer", "total")}


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks startup", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per store (median reported)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where benchmark stores are kept")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        run_once(Path(tmp), "news", "who rejected foreign troops?")  # indexes the seeds: not part of startup
        results["seeds"] = measure(Path(tmp), "news", "who rejected foreign troops?", args.runs)
    question = "Which NFL team represented the AFC at Super Bowl 50?"
    for size, copies in SIZES.items():
        path, collection = (args.work / "squad", "squad-dev") if copies == 1 else (args.work / f"x{copies}", None)
        collection = collection or scaled_collection(copies)
        if (path / "chroma.sqlite3").exists():
            results[size] = measure(path, collection, question, args.runs)
    print_table(
        f"Fresh process to first answer (s, median of {args.runs}; target total ≤ 10 s)",
        ["store", "import", "open store + model", "first answer", "total"],
        [[name, *(f"{r[k]:.2f}" for k in ("import", "open", "first_answer", "total"))] for name, r in results.items()],
    )
    return results
