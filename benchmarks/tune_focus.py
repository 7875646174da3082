"""Fit the conversation focus weight on CoQA's CNN tuning stories; report it on stories kept out, and its cost.

The 50 shared stories (and the seed article) are indexed as one corpus, and every question asked with its gold
history, as ``news-assistant eval`` asks it. The first 25 stories fit ``w_focus``: the smallest weight within 0.005
of the best follow-up top citation. The other 25 are validation, never fitted to. A focus has a cost: a conversation
that moves to another story. Each story's first question is also asked after the middle turns of four other
stories' conversations ("topic changes"); reported apart for the ones that name something (a user changing the
subject usually names it) and for all.

    python -m benchmarks.tune_focus [--store /tmp/coqa-store] [--weights 0,0.5,0.7,0.85,1,1.5]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from assistant.question.names import question_names
from benchmarks.report import print_table
from benchmarks.squad import SHARED
from evaluation import evaluate
from evaluation.results import QuestionResult

COQA = SHARED.parent / "coqa-cnn-tune"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_CHANGES_FROM = (1, 2, 3, 5)  # which earlier stories' conversations a story's first question is asked after


def split(folder: Path) -> dict[str, list[dict]]:
    """The questions of the first 25 stories (fit), the other 25 (validation), and topic changes of each half."""
    questions = [json.loads(line) for line in (COQA / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    stories = list(dict.fromkeys(q["article_id"] for q in questions))
    halves = {"fit": stories[:25], "validation": stories[25:]}
    sets = {}
    for half, ids in halves.items():
        by_story = {s: [q for q in questions if q["article_id"] == s] for s in ids}
        sets[half] = [q for s in ids for q in by_story[s]]
        firsts = [by_story[s][0] for s in ids]
        sets[f"{half} topic changes"] = [
            {**first, "id": f"{first['id']}-after-{back}", "history": _middle(by_story[ids[n - back]])}
            for n, first in enumerate(firsts)
            for back in _CHANGES_FROM
        ]
    for name, rows in sets.items():
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return sets


def _middle(conversation: list[dict]) -> list[list[str]]:
    """A conversation cut at its middle turn: that turn's history and the turn itself."""
    turn = conversation[len(conversation) // 2]
    return [*turn["history"][-3:], [turn["question"], turn["answers"][0]]]


def _top(rows: list[QuestionResult]) -> float | None:
    return round(sum(bool(r.citations) and r.citations[0].supports for r in rows) / len(rows), 3) if rows else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "coqa-store"))
    parser.add_argument("--weights", default="0,0.5,0.7,0.85,1,1.5")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tune-focus-"))
    split(folder)
    articles = [COQA / "articles.jsonl", SEEDS / "kremlin-foreign-troops.txt"]
    weights = [None, *map(float, args.weights.split(","))]  # None: asked without history

    def run(name: str, weight: float | None) -> list[QuestionResult]:
        overrides = {"w_focus": weight or 0.0}
        result = evaluate(folder / f"{name}.jsonl", articles, store=args.store, history=weight is not None, **overrides)
        return result.rows

    table, best = [], {}
    for weight in weights:
        fit, changes = run("fit", weight), run("fit topic changes", weight)
        follow = [r for r in fit if r.follow_up]
        named = [r for r in changes if question_names(r.question)]
        best[weight] = _top(follow) or 0.0
        table.append(["no history" if weight is None else weight, _top(follow), _top(named), _top(changes)])
    print_table(
        "first 25 stories (fit): top citation",
        ["w_focus", "follow-ups", "topic changes naming something", "all topic changes"],
        table,
    )
    top = max(v for w, v in best.items() if w is not None)
    chosen = min(w for w, v in best.items() if w is not None and v >= top - 0.005)
    rows = []
    for weight in (None, 0.0, chosen):
        validation, changes = run("validation", weight), run("validation topic changes", weight)
        follow = [r for r in validation if r.follow_up]
        first = [r for r in validation if not r.follow_up]
        named = [r for r in changes if question_names(r.question)]
        rows.append(["no history" if weight is None else weight, _top(first), _top(follow), _top(named), _top(changes)])
    print_table(
        f"other 25 stories (validation), w_focus {chosen} chosen: top citation",
        ["w_focus", "first turns", "follow-ups", "topic changes naming something", "all topic changes"],
        rows,
    )


if __name__ == "__main__":
    main()
