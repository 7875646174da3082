"""The local language model's cost per question on the seed article: time to the first streamed token, total time,
and the tokens it wrote, per shape of answer, in both roles, with the process's peak memory.

Each question is asked as the chat asks it (``stream=True``); "first token" is the wait until the first chunk, the
moment the chat shows text. In the ``verdicts`` role only the yes/no questions the sentences' words leave open reach
the model; the rest are extractive. Run it on a quiet machine: llama.cpp's threads share the cores with anything else.

    python -m benchmarks llm [--runs 2] [--threads N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time

from assistant import Assistant
from assistant.settings import PROJECT_ROOT
from benchmarks.report import print_table

QUESTIONS = {  # one question per shape the model writes, and two yes/no: one the words settle, one they leave open
    "fact": "who rejected foreign troops?",
    "why": "Why did the Kremlin reject foreign troops?",
    "summary": "Summarize the article",
    "list": "Which leaders are mentioned?",
    "yes/no (words settle it)": "Did Putin agree to a temporary ceasefire?",
    "yes/no (the model decides)": "Is Mark Rutte the NATO chief?",
}


def timed(assistant: Assistant, question: str) -> tuple[float, float, int, str]:
    """Seconds to the first chunk and in all, the chunks streamed, and who answered."""
    started = time.perf_counter()
    first = None
    chunks = 0
    stream = assistant.ask(question, stream=True)
    for _ in stream:
        first = first if first is not None else time.perf_counter() - started
        chunks += 1
    total = time.perf_counter() - started
    answer = stream.answer
    assert answer is not None
    return first or total, total, chunks, answer.answerer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=2, help="times each question is asked (the median is shown)")
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads (default: chosen for the machine)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as store:
        Assistant(store_path=store, seeds=PROJECT_ROOT / "seeds")  # indexed before timing
        for role in ("answer", "verdicts"):
            assistant = Assistant(store_path=store, seeds=None, llm="local", llm_role=role, llm_threads=args.threads)
            if assistant.llm_problem:
                parser.error(assistant.llm_problem)
            assistant.ask(QUESTIONS["fact"])  # the model loaded and warm
            rows = []
            for shape, question in QUESTIONS.items():
                runs = [timed(assistant, question) for _ in range(args.runs)]
                first = statistics.median(r[0] for r in runs)
                total = statistics.median(r[1] for r in runs)
                rows.append([shape, f"{first:.2f}", f"{total:.2f}", str(runs[-1][2]), runs[-1][3]])
            threads = args.threads or "machine's"
            print_table(
                f"local model, role {role}, {threads} threads: seconds per question (median of {args.runs})",
                ["question", "first token", "total", "chunks", "answered by"],
                rows,
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB (store, encoder, reader and the model, loaded once per role)")


if __name__ == "__main__":
    main()
