"""Fit how the reader's score is used, on the tuning questions the reader was not trained on.

For each validation question (the tuning titles after the reader's ``--train-titles``; the held-out half is never
read) the retriever ranks candidates as shipped, the reader reads the top ``depth`` of them as the evidence selector
does (one passage, for a reader that reads passages), and:
  - re-ordering: top-1 accuracy (the top sentence holds a gold answer) for each depth and weight of the reader's
    score added to the fused score;
  - short answers: SQuAD EM/F1 of the reader's span against the rule-based phrase, by the reader score from which
    the span is preferred.

    python -m benchmarks.tune_reader --store /tmp/squad-store
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from tqdm import tqdm

from assistant.answers.short_answer import extract_short_answer, tidy
from assistant.evidence.reader import READER_DIR
from benchmarks.report import print_table
from benchmarks.squad import questions, squad_assistant
from benchmarks.train_reader import tuning_titles
from evaluation.metrics import f1, holds_answer, normalize

DEPTHS = (1, 3, 5, 8, 10)
WEIGHTS = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.5, 1.0, 100.0)
MIN_READINGS = (float("-inf"), -4.0, -2.0, -1.0, 0.0, 1.0, 2.0, float("inf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    config = json.loads((READER_DIR / "reader.json").read_text())
    trained = set(tuning_titles()[: config["training"]["train_titles"]])
    qs = [q for q in questions("tune") if q["article_id"].split("#")[0] not in trained][: args.limit]
    assistant = squad_assistant(args.store)
    selector = assistant.parts.selector
    rows = []  # per question: the top sentences' texts and fused scores, and their readings at each depth
    for q in tqdm(qs, desc="validation"):
        ranked = assistant.parts.retriever.rank(q["question"])[: max(DEPTHS)]
        stored = assistant.parts.store.get_sentences([r.id for r in ranked])
        kept = [r for r in ranked if r.id in stored]
        top = [(stored[r.id].text, r.score) for r in kept]
        readings = {}
        for depth in DEPTHS:
            read, _ = selector.read(q["question"], [stored[r.id] for r in kept[:depth]])
            readings[depth] = [read[r.id] for r in kept[:depth]]
        rows.append((q, top, readings))

    table = []
    for depth in DEPTHS:
        line = [str(depth)]
        for weight in WEIGHTS:
            hits = 0
            for q, top, by_depth in rows:
                readings = by_depth[depth]
                combined = [s + weight * r.score for (_, s), r in zip(top[:depth], readings, strict=False)]
                best = int(np.argmax(combined)) if combined else 0
                hits += bool(top) and holds_answer(top[best][0], q["answers"])
            line.append(f"{hits / len(rows):.3f}")
        table.append(line)
    title = f"top-1 holds a gold answer, {len(rows)} validation questions (rows: depth read, columns: weight)"
    print_table(title, ["depth", *(f"{w:g}" for w in WEIGHTS)], table)

    best_depth, best_weight = _best(table)
    print(f"\nbest: depth {best_depth}, weight {best_weight:g}")
    short_rows = []
    for min_reading in MIN_READINGS:
        em = f1_sum = 0.0
        for q, top, by_depth in rows:
            if not top:
                continue
            readings = by_depth[best_depth]
            combined = [s + best_weight * r.score for (_, s), r in zip(top[:best_depth], readings, strict=False)]
            best = int(np.argmax(combined))
            text, r = top[best][0], readings[best]
            span = tidy(text[r.start : r.end]) if r.score >= min_reading else None
            short = span or extract_short_answer(q["question"], text) or ""
            em += max(normalize(short) == normalize(a) for a in q["answers"])
            f1_sum += max(f1(short, a) for a in q["answers"])
        short_rows.append([f"{min_reading:g}", f"{em / len(rows):.3f}", f"{f1_sum / len(rows):.3f}"])
    title = "short answer from the top sentence: the reader's span when its score >= min_reading, else spaCy's phrase"
    print_table(title, ["min_reading", "exact match", "F1"], short_rows)


def _best(table: list[list[str]]) -> tuple[int, float]:
    """The depth and weight of the highest top-1 accuracy; the smallest depth and weight among ties."""
    cells = [
        (float(value), -depth, -weight)
        for depth, line in zip(DEPTHS, table, strict=True)
        for weight, value in zip(WEIGHTS, line[1:], strict=True)
    ]
    _, depth, weight = max(cells)
    return -depth, -weight


if __name__ == "__main__":
    main()
