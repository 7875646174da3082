"""Answer quality on SQuAD-dev as an open corpus: every paragraph indexed, every question asked against all.

Prints how often the top citation (one sentence) holds a gold answer, the short answer's SQuAD exact match and
F1, abstentions, and per-question latency. Report on ``--split test`` (held out); tune only on ``tune``.

    python -m benchmarks.squad_eval --store /tmp/squad-store --split test
"""

from __future__ import annotations

import argparse
import statistics
import time

from tqdm import tqdm

from benchmarks.squad import questions, squad_assistant
from evaluation.metrics import f1, holds_answer, normalize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", required=True)
    parser.add_argument("--split", choices=["tune", "test"], default="test")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    assistant = squad_assistant(args.store)
    qs = questions(args.split, args.limit)
    top = em = f1_sum = abstained = 0.0
    latencies = []
    for q in tqdm(qs, desc=args.split):
        started = time.perf_counter()
        answer = assistant.ask(q["question"])
        latencies.append(time.perf_counter() - started)
        if answer.abstained:
            abstained += 1
            continue
        top += holds_answer(answer.citations[0].sentence, q["answers"])
        short = answer.short_answer or ""
        em += max(normalize(short) == normalize(a) for a in q["answers"])
        f1_sum += max(f1(short, a) for a in q["answers"])
    n = len(qs)
    latencies.sort()
    stats = assistant.stats()
    print(f"questions {n} ({args.split}); articles {stats['articles']}, sentences {stats['sentences']}")
    print(f"top citation holds a gold answer: {top / n:.3f}")
    print(f"short answer exact match: {em / n:.3f}   F1: {f1_sum / n:.3f}")
    print(f"abstained: {abstained / n:.3f}")
    print(f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {latencies[int(0.95 * n) - 1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
