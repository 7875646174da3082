"""Fit the yes-or-no verdicts on CoQA's CNN tuning stories, and report them on the stories kept out of the fit: the
verdict a sentence says in the question's words (``Settings.min_verdict_match``, assistant/evidence/polarity.py) and
the reader's (``Settings.min_verdict``).

CoQA's yes/no questions are asked as users ask them, after their conversation's earlier turns, of all 50 stories
indexed as one corpus; for each, the evidence it would answer from is recorded with the reader's probabilities of yes
and no. The first ``--fit-stories`` stories fit each threshold (the lowest from which the verdicts said are right at
least ``--precision`` of the time); the others are reported: accuracy (a question given no verdict counts as wrong),
how many got a verdict, and how many of those were right. CoQA is never trained on.

With ``--llm`` (e.g. ``local``) nothing is fitted: every yes/no question is asked as ``ask()`` asks it with that
language model in ``--llm-role`` (``verdicts``: it decides what the sentences' own words leave open; ``answer``: it
also rewrites follow-ups and writes the answer) and the verdict shown, "Yes" or "No", is scored the same way.

    python -m benchmarks.tune_yes_no --store /tmp/coqa-store
    python -m benchmarks.tune_yes_no --store /tmp/coqa-store --llm local --llm-role verdicts
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from assistant import Assistant
from assistant.evidence.polarity import verdict_from
from assistant.question.standalone import without_carried
from benchmarks.report import print_table

COQA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "coqa-cnn-tune"
READER = [round(0.3 + 0.05 * i, 2) for i in range(14)]  # the reader's probability of yes or no
MATCH = [round(0.5 + 0.05 * i, 2) for i in range(11)]  # the share of the question's words the sentence repeats


def verdict_of(answers: list[str]) -> str | None:
    """The annotators' majority answer when it is yes or no."""
    said = Counter(a.strip(" .").lower() for a in answers).most_common(1)[0][0]
    return said if said in ("yes", "no") else None


@dataclass(frozen=True)
class Asked:
    """A yes/no question as read after its conversation, the annotators' verdict and the evidence it is answered
    from, with the reader's probabilities of yes and no."""

    text: str
    gold: str
    sentences: list[str]
    kinds: dict[str, float]


def by_reader(asked: Asked, threshold: float) -> str | None:
    kinds = asked.kinds
    said = max(("yes", "no"), key=lambda k: kinds.get(k, 0.0))
    return said if kinds.get(said, 0.0) >= threshold else None


def by_polarity(asked: Asked, threshold: float) -> str | None:
    found = verdict_from(without_carried(asked.text), asked.sentences, threshold)
    return found.said if found is not None else None


def scores(golds: list[str], verdicts: list[str | None]) -> dict[str, float]:
    """Accuracy (no verdict: wrong), share given a verdict, and precision of the verdicts given."""
    given = [(gold, said) for gold, said in zip(golds, verdicts, strict=True) if said is not None]
    right = sum(gold == said for gold, said in given)
    return {
        "accuracy": right / len(golds) if golds else 0.0,
        "verdicts": len(given) / len(golds) if golds else 0.0,
        "precision": right / len(given) if given else 0.0,
    }


def majority(golds: list[str]) -> float:
    """How often the most common answer is right."""
    return max(Counter(golds).values()) / len(golds) if golds else 0.0


def fit(
    name: str, rows: dict[str, list[Asked]], decide: Callable[[Asked, float], str | None], thresholds: list[float],
    precision: float,
) -> float:  # fmt: skip
    """Print the table of one verdict's thresholds over both parts; the lowest that is precise enough when fitting."""
    table = {(part, t): scores([r.gold for r in part_rows], [decide(r, t) for r in part_rows])
             for part, part_rows in rows.items()
             for t in thresholds}  # fmt: skip
    allowed = [t for t in thresholds if table["fit", t]["precision"] >= precision and table["fit", t]["verdicts"] > 0]
    chosen = min(allowed, default=thresholds[-1] + 1)
    lines = []
    for (part, t), s in table.items():
        lines.append([part, f"{t:g}{' ←' if t == chosen else ''}", f"{s['accuracy']:.3f}", f"{s['verdicts']:.3f}",
                      f"{s['precision']:.3f}", f"{majority([r.gold for r in rows[part]]):.3f}",
                      str(len(rows[part]))])  # fmt: skip
    print_table(
        f"CoQA CNN tuning stories' yes/no questions, asked after their conversation: {name}",
        ["stories", name, "accuracy", "given a verdict", "verdicts right", "majority answer", "questions"],
        lines,
    )
    print(f"{name}: {chosen:g} (the lowest whose verdicts are right at least {precision:g} when fitting)")
    return chosen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="store for the CoQA tuning stories (indexed if needed)")
    parser.add_argument("--fit-stories", type=int, default=25)
    parser.add_argument("--precision", type=float, default=0.7, help="verdicts right at least this often when fitting")
    parser.add_argument("--llm", help="score ask()'s verdicts with this language model backend instead of fitting")
    parser.add_argument("--llm-role", choices=["answer", "verdicts"], default="verdicts")
    args = parser.parse_args(argv)
    overrides = {"llm": args.llm, "llm_role": args.llm_role} if args.llm else {}
    assistant = Assistant(store_path=args.store, collection="coqa-cnn-tune", seeds=None, **overrides)
    if assistant.llm_problem:
        parser.error(assistant.llm_problem)
    if assistant.stats()["articles"] < 50:
        print(assistant.ingest([COQA / "articles.jsonl"], progress=True).summary())
    qs = [json.loads(line) for line in (COQA / "questions.jsonl").read_text().splitlines() if line.strip()]
    stories = list(dict.fromkeys(q["article_id"] for q in qs))
    fit_stories = set(stories[: args.fit_stories])
    if args.llm:
        return asked_with_llm(assistant, qs, fit_stories)
    rows: dict[str, list[Asked]] = {"fit": [], "held-out": []}
    for q in tqdm([q for q in qs if verdict_of(q["answers"])], desc="yes/no", unit="question"):
        history = [tuple(turn) for turn in q.get("history") or []]
        asked = assistant.parts.questions.read(q["question"], history)
        decision = assistant.judge(q["question"], history=history, source="passage")
        part = "fit" if q["article_id"] in fit_stories else "held-out"
        sentences = [e.text for e in decision.evidence]
        rows[part].append(Asked(asked.text, str(verdict_of(q["answers"])), sentences, dict(decision.kinds or {})))
    fit("min_verdict_match", rows, by_polarity, MATCH, args.precision)
    fit("min_verdict", rows, by_reader, READER, args.precision)


def asked_with_llm(assistant: Assistant, qs: list[dict], fit_stories: set[str]) -> None:
    """Ask each yes/no question as ``ask()`` does, after its conversation, and print how often the verdict shown is
    the annotators'."""
    said: dict[str, list[tuple[str, str | None]]] = {"fit": [], "held-out": []}
    seconds = []
    for q in tqdm([q for q in qs if verdict_of(q["answers"])], desc="yes/no", unit="question"):
        answer = assistant.ask(q["question"], history=[tuple(turn) for turn in q.get("history") or []])
        verdict = (answer.short_answer or "").lower()
        part = "fit" if q["article_id"] in fit_stories else "held-out"
        said[part].append((str(verdict_of(q["answers"])), verdict if verdict in ("yes", "no") else None))
        seconds.append(answer.timings.get("total", 0.0))
    lines = []
    for part, pairs in said.items():
        golds = [gold for gold, _ in pairs]
        s = scores(golds, [verdict for _, verdict in pairs])
        lines.append([part, f"{s['accuracy']:.3f}", f"{s['verdicts']:.3f}", f"{s['precision']:.3f}",
                      f"{majority(golds):.3f}", str(len(pairs))])  # fmt: skip
    role = assistant.settings.llm_role
    print_table(
        f"CoQA CNN tuning stories' yes/no questions, asked with the {assistant.settings.llm} model ({role})",
        ["stories", "accuracy", "given a verdict", "verdicts right", "majority answer", "questions"],
        lines,
    )
    seconds.sort()
    print(f"seconds per question: p50 {seconds[len(seconds) // 2]:.2f}, p95 {seconds[int(len(seconds) * 0.95)]:.2f}")


if __name__ == "__main__":
    main()
