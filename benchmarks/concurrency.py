"""Several users at once: N chat sessions asking held-out questions of one running ``news-assistant ui``.

Starts the real UI on the SQuAD-dev store, then for each N runs N Gradio clients side by side, each asking its own
questions in turn through the chat's ``/ask`` endpoint. Throughput that rises with N (up to the 2 cores) shows the
sessions are not serialised behind one lock; per-answer latency shows what each user waits.

    python -m benchmarks concurrency [--sessions 1,2,4,8] [--questions 40] [--work index/.bench]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from gradio_client import Client

from benchmarks.corpus import squad_store
from benchmarks.query import DEFAULT_WORK
from benchmarks.report import print_table
from benchmarks.squad import questions
from index.store import unlock_store


@contextmanager
def ui(store: Path, collection: str, log: Path):  # noqa: ANN201 - a context manager yielding the URL
    """The real UI in its own process, on a free port, stopped afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    cli = Path(sys.executable).with_name("news-assistant")
    command = [cli, "--store", store, "--collection", collection, "ui", "--port", str(port)]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    with log.open("w") as out:
        proc = subprocess.Popen([str(c) for c in command], stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    urllib.request.urlopen(url, timeout=2).close()
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"the UI did not start: {log.read_text()[-2000:]}") from None
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def session(url: str, qs: list[str]) -> list[float]:
    """One user asking ``qs`` in turn; seconds per answer."""
    client = Client(url, verbose=False)
    took = []
    for q in qs:
        started = time.perf_counter()
        client.predict(q, [], 3, api_name="/ask")
        took.append(time.perf_counter() - started)
    return took


def measure(url: str, n: int, qs: list[str], per_session: int) -> dict[str, float]:
    batches = [qs[i * per_session : (i + 1) * per_session] for i in range(n)]
    started = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        latencies = sorted(t for took in pool.map(lambda b: session(url, b), batches) for t in took)
    wall = time.perf_counter() - started
    return {
        "answers": len(latencies),
        "throughput": len(latencies) / wall,
        "p50": 1000 * statistics.median(latencies),
        "p95": 1000 * latencies[max(0, int(0.95 * len(latencies)) - 1)],
    }


def main(argv: list[str] | None = None) -> dict[int, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks concurrency", description=__doc__)
    parser.add_argument("--sessions", default="1,2,4,8", help="numbers of concurrent sessions to try")
    parser.add_argument("--questions", type=int, default=40, help="questions each session asks")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where benchmark stores are kept")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.sessions.split(",")]
    qs = [q["question"] for q in questions("test", max(counts) * args.questions)]
    squad_store(args.work)  # built if missing
    unlock_store(args.work / "squad")  # the UI process takes the store over; this one only asks through it
    results = {}
    with ui(args.work / "squad", "squad-dev", args.work / "concurrency-ui.log") as url:
        session(url, qs[:3])  # warm-up
        for n in counts:
            results[n] = measure(url, n, qs, args.questions)
            print(f"{n} sessions: {results[n]['throughput']:.1f} answers/s")
    base = results[counts[0]]["throughput"]
    print_table(
        "Concurrent chat sessions on one UI process (SQuAD-dev store)",
        ["sessions", "answers", "answers/s", f"vs {counts[0]}", "p50 ms", "p95 ms"],
        [
            [
                n,
                r["answers"],
                f"{r['throughput']:.1f}",
                f"{r['throughput'] / base:.2f}×",
                f"{r['p50']:.0f}",
                f"{r['p95']:.0f}",
            ]
            for n, r in results.items()
        ],  # fmt: skip
    )
    return results
