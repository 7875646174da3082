"""Fresh-process startup: wall time from starting Python to the first answer of ``ask()`` (target ≤ 10 s), and the
command line's wall time per ``ask``, ``stats`` and ``articles``, alone (target ≤ 3 s) and while the chat serves the
store (≤ 1.5 s: the running app answers them, ``ui/running_app.py``).

Each ``ask()`` run is a new interpreter that imports ``assistant``, opens the store (loading the model) and answers
the seed question; it reports the three parts. Measured on the seed store (indexed before timing) and, when the
benchmark stores exist in ``--work``, on the larger ones (whose BM25 indexes load from disk). The command line is
timed on the seed store, as a user runs it (``news-assistant --store S ask …``).

    python -m benchmarks startup [--runs 3] [--work index/.bench]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import scaled_collection
from benchmarks.query import DEFAULT_WORK, SIZES
from benchmarks.report import print_table

CLI = Path(sys.executable).with_name("news-assistant")
CLI_COMMANDS = {"ask": ["ask", "who rejected foreign troops?"], "stats": ["stats"], "articles": ["articles"]}

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
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "NEWS_ASSISTANT_DEMO": "true"},
    )
    parts = json.loads(done.stdout.strip().splitlines()[-1])
    return {**parts, "total": time.perf_counter() - started}


def measure(store: Path, collection: str, question: str, runs: int) -> dict[str, float]:
    results = [run_once(store, collection, question) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in ("import", "open", "first_answer", "total")}


def cli_walls(store: Path, runs: int) -> dict[str, float]:
    """Median wall time of each CLI command in ``CLI_COMMANDS`` on the store at ``store`` (collection ``news``)."""
    walls = {}
    for name, command in CLI_COMMANDS.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([CLI, "--store", store, *command], capture_output=True, check=True)
            times.append(time.perf_counter() - started)
        walls[name] = statistics.median(times)
    return walls


def cli_walls_served(store: Path, runs: int, timeout: float = 180) -> dict[str, float]:
    """``cli_walls`` while ``news-assistant ui`` serves the store (timed once it answers the command line)."""
    from ui.running_app import APP_FILE

    (store / APP_FILE).unlink(missing_ok=True)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    app = subprocess.Popen(
        [CLI, "--store", store, "ui", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + timeout
        while not (store / APP_FILE).exists():
            if app.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start on {store}")
            time.sleep(0.2)
        return cli_walls(store, runs)
    finally:
        app.terminate()
        app.wait(timeout=30)


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks startup", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per store (median reported)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where benchmark stores are kept")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        run_once(Path(tmp), "news", "who rejected foreign troops?")  # indexes the seeds: not part of startup
        results["seeds"] = measure(Path(tmp), "news", "who rejected foreign troops?", args.runs)
        cli = {"alone": cli_walls(Path(tmp), args.runs), "chat serving": cli_walls_served(Path(tmp), args.runs)}
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
    print_table(
        f"Command line on the seed store, wall s (median of {args.runs}; targets: alone ≤ 3 s, chat serving ≤ 1.5 s)",
        ["", *CLI_COMMANDS],
        [[when, *(f"{walls[name]:.2f}" for name in CLI_COMMANDS)] for when, walls in cli.items()],
    )
    return {**results, **{f"cli {when}": walls for when, walls in cli.items()}}
