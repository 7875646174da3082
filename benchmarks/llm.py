"""The local language model's cost per question on the seed article: time to the first streamed token, total time,
and the tokens it wrote, per shape of answer, in both roles, with the process's peak memory.

Each question is asked once, as the chat asks it (``stream=True``), after one other question has loaded the model
(a question asked again would find its prompt in llama.cpp's cache); "first token" is the wait until the first
chunk, the moment the chat shows text. In the ``verdicts`` role only the yes/no questions the sentences' words leave
open reach the model; the rest are extractive. Each role runs in a process of its own, for its peak memory. Run it
on a quiet machine: llama.cpp's threads share the cores with anything else.

    python -m benchmarks llm [--threads N] [--role answer|verdicts]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time

from assistant import Assistant
from assistant.llm.local import threads_for_machine
from assistant.settings import PROJECT_ROOT
from benchmarks.report import print_table

WARM_UP = {  # a question of each role that reaches the model, asked before the timed ones
    "answer": "Who is the Kremlin spokesperson?",
    "verdicts": "Has Russia a veto over Western forces in Ukraine?",
}
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
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads (default: chosen for the machine)")
    parser.add_argument("--role", choices=list(WARM_UP), help="one role in this process (default: each in its own)")
    args = parser.parse_args(argv)
    if args.role is None:
        threads = ["--threads", str(args.threads)] if args.threads else []
        for role in WARM_UP:
            subprocess.run([sys.executable, "-m", "benchmarks", "llm", "--role", role, *threads], check=True)
        return
    with tempfile.TemporaryDirectory() as store:
        Assistant(store_path=store, seeds=PROJECT_ROOT / "seeds")  # indexed before timing
        assistant = Assistant(store_path=store, seeds=None, llm="local", llm_role=args.role, llm_threads=args.threads)
        if assistant.llm_problem:
            parser.error(assistant.llm_problem)
        assistant.ask(WARM_UP[args.role])  # the model loaded and its system prompt read
        rows = []
        for shape, question in QUESTIONS.items():
            first, total, chunks, answerer = timed(assistant, question)
            rows.append([shape, f"{first:.2f}", f"{total:.2f}", str(chunks), answerer])
        print_table(
            f"local model, role {args.role}, {args.threads or threads_for_machine()} threads: seconds per question",
            ["question", "first token", "total", "chunks", "answered by"],
            rows,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB (store, encoder, reader and the model)")


if __name__ == "__main__":
    main()
