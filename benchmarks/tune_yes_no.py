"""Fit the reader's yes-or-no verdict (``Settings.min_verdict``) on CoQA's CNN tuning stories, and report it on the
stories kept out of the fit.

CoQA's yes/no questions are asked as users ask them, after their conversation's earlier turns, of all 50 stories
indexed as one corpus; for each, the reader's probabilities of yes and no over the evidence it would answer from are
recorded. The first ``--fit-stories`` stories fit the threshold (the lowest probability from which a verdict is said
whose verdicts are right at least ``--precision`` of the time); the others are reported: accuracy (a question given no
verdict counts as wrong), how many got a verdict, and how many of those were right. CoQA is never trained on.

    python -m benchmarks.tune_yes_no --store /tmp/coqa-store
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from assistant import Assistant
from benchmarks.report import print_table

COQA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "coqa-cnn-tune"
THRESHOLDS = [round(0.3 + 0.05 * i, 2) for i in range(14)]


def verdict_of(answers: list[str]) -> str | None:
    """The annotators' majority answer when it is yes or no."""
    said = Counter(a.strip(" .").lower() for a in answers).most_common(1)[0][0]
    return said if said in ("yes", "no") else None


def scores(rows: list[tuple[str, dict[str, float]]], threshold: float) -> dict[str, float]:
    """Accuracy (no verdict: wrong), share given a verdict, and precision of the verdicts given."""
    given = [(gold, kinds) for gold, kinds in rows if max(kinds.get("yes", 0), kinds.get("no", 0)) >= threshold]
    right = sum(gold == max(("yes", "no"), key=lambda k: kinds.get(k, 0)) for gold, kinds in given)
    return {
        "accuracy": right / len(rows) if rows else 0.0,
        "verdicts": len(given) / len(rows) if rows else 0.0,
        "precision": right / len(given) if given else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="store for the CoQA tuning stories (indexed if needed)")
    parser.add_argument("--fit-stories", type=int, default=25)
    parser.add_argument("--precision", type=float, default=0.7, help="verdicts right at least this often when fitting")
    args = parser.parse_args(argv)
    assistant = Assistant(store_path=args.store, collection="coqa-cnn-tune", seeds=None)
    if assistant.stats()["articles"] < 50:
        print(assistant.ingest([COQA / "articles.jsonl"], progress=True).summary())
    qs = [json.loads(line) for line in (COQA / "questions.jsonl").read_text().splitlines() if line.strip()]
    stories = list(dict.fromkeys(q["article_id"] for q in qs))
    fit_stories = set(stories[: args.fit_stories])
    rows: dict[str, list[tuple[str, dict[str, float]]]] = {"fit": [], "held-out": []}
    for q in tqdm([q for q in qs if verdict_of(q["answers"])], desc="yes/no", unit="question"):
        history = [tuple(turn) for turn in q.get("history") or []]
        decision = assistant.judge(q["question"], history=history, source="passage")
        part = "fit" if q["article_id"] in fit_stories else "held-out"
        rows[part].append((verdict_of(q["answers"]), dict(decision.kinds or {})))
    fitting = [(t, scores(rows["fit"], t)) for t in THRESHOLDS]
    allowed = [t for t, s in fitting if s["precision"] >= args.precision and s["verdicts"] > 0]
    chosen = min(allowed, default=1.0)
    table = []
    for part, part_rows in rows.items():
        majority = max(Counter(g for g, _ in part_rows).values()) / len(part_rows) if part_rows else 0.0
        for t in THRESHOLDS:
            s = scores(part_rows, t)
            mark = " ←" if t == chosen else ""
            table.append([part, f"{t:g}{mark}", f"{s['accuracy']:.3f}", f"{s['verdicts']:.3f}", f"{s['precision']:.3f}",
                          f"{majority:.3f}", str(len(part_rows))])  # fmt: skip
    print_table(
        "CoQA CNN tuning stories' yes/no questions, asked after their conversation",
        ["stories", "min_verdict", "accuracy", "given a verdict", "verdicts right", "majority answer", "questions"],
        table,
    )
    print(f"min_verdict: {chosen:g} (the lowest whose verdicts are right at least {args.precision:g} when fitting)")


if __name__ == "__main__":
    main()
