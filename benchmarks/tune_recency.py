"""Fit the recency weight (``w_recency``): questions asking for the latest, on dated paragraphs and newer versions.

No shared question set is dated, so one is made from SQuAD-dev. Every paragraph gets a publication date (seeded,
2024-01-01 … 2025-06-30). For 300 questions a newer version of the question's paragraph is added, dated 1–180 days
later, its answer replaced by another question's answer of the same kind (a story that moved on); asked for the
latest, only the newer version's sentence is right ("updated"). Another 300 questions, whose paragraphs have no newer
version, are asked for the latest too ("not updated"): preferring newer articles must not pull them away from the
sentence that answers. The weight with the best mean top citation of the two on the tuning questions is the
default; the same is reported on held-out questions (``questions.test.jsonl``, other titles), never fitted to.

    python -m benchmarks.tune_recency [--work /tmp/recency] [--questions 300] [--weights 0,0.05,0.1,...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

from assistant import Assistant
from assistant.retrieval.rerank import newest_first
from benchmarks.report import print_table
from benchmarks.squad import paragraphs, questions
from evaluation.metrics import holds_answer

_FIRST = dt.date(2024, 1, 1).toordinal()
_LAST = dt.date(2025, 6, 30).toordinal()


def _kind(question: str) -> str:
    words = question.lower().split()
    return " ".join(words[:2]) if words[:1] == ["how"] else (words[0] if words else "")


def dated_corpus(qs: dict[str, list[dict]], count: int, seed: int = 7) -> tuple[list[dict], dict[str, list[dict]]]:
    """Every paragraph dated, newer versions of ``count`` questions' paragraphs per split, and the question sets."""
    rng = random.Random(seed)
    rows = {pid: {**row, "date": dt.date.fromordinal(rng.randint(_FIRST, _LAST)).isoformat()}
            for pid, row in paragraphs().items()}  # fmt: skip
    versions, sets = [], {}
    for split, pool in qs.items():
        pool = [q for q in pool if rows[q["article_id"]]["text"].count(q["answers"][0]) == 1]
        rng.shuffle(pool)
        by_kind: dict[str, list[str]] = {}
        for q in pool:
            by_kind.setdefault(_kind(q["question"]), []).append(q["answers"][0])
        updated, used = [], set()
        for q in pool:
            if len(updated) == count:
                break
            others = [a for a in by_kind[_kind(q["question"])] if a.lower() != q["answers"][0].lower()]
            if q["article_id"] in used or not others:
                continue
            used.add(q["article_id"])
            new = rng.choice(others)
            base = rows[q["article_id"]]
            day = dt.date.fromisoformat(base["date"]).toordinal() + rng.randint(1, 180)
            versions.append(
                {"id": f"{base['id']}-v2", "title": base["title"], "date": dt.date.fromordinal(day).isoformat(),
                 "text": base["text"].replace(q["answers"][0], new)}
            )  # fmt: skip
            updated.append({**q, "answers": [new]})
        not_updated = [q for q in pool if q["article_id"] not in used][:count]
        sets[f"{split} updated"], sets[f"{split} not updated"] = updated, not_updated
    return [*rows.values(), *versions], sets


def main(argv: list[str] | None = None) -> dict[str, dict[float, float]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tune_recency", description=__doc__)
    parser.add_argument("--work", type=Path, default=Path("/tmp/recency"), help="where the dated store is kept")
    parser.add_argument("--questions", type=int, default=300, help="questions per set")
    parser.add_argument("--weights", default="0,0.02,0.05,0.1,0.15,0.2,0.3,0.5,1")
    args = parser.parse_args(argv)
    weights = [float(w) for w in args.weights.split(",")]
    corpus, sets = dated_corpus({"tune": questions("tune"), "test": questions("test")}, args.questions)
    args.work.mkdir(parents=True, exist_ok=True)
    articles = args.work / "dated.jsonl"
    articles.write_text("".join(json.dumps(r) + "\n" for r in corpus), encoding="utf-8")
    assistant = Assistant(store_path=args.work / "store", collection="dated-squad", seeds=None)
    if assistant.parts.store.count()[0] < len(corpus):
        print(assistant.ingest([articles], progress=True).summary())
    parts = assistant.parts
    scores: dict[str, dict[float, float]] = {}
    for name, qs in sets.items():
        hits = dict.fromkeys(weights, 0)
        for q in qs:
            ranked = parts.retriever.rank(q["question"])
            dates = {a: h.date for a, h in parts.store.headers(list({r.article_id for r in ranked})).items()}
            for w in weights:
                top = parts.selector.select(newest_first(ranked, dates, w), k=1, question=q["question"])
                hits[w] += bool(top) and holds_answer(top[0].text, q["answers"])
        scores[name] = {w: hits[w] / len(qs) for w in weights}
        print(name, {w: round(v, 3) for w, v in scores[name].items()}, flush=True)
    mean = {w: (scores["tune updated"][w] + scores["tune not updated"][w]) / 2 for w in weights}
    best = max(weights, key=lambda w: (round(mean[w], 3), -w))
    rows = [[f"{w:g}", *(f"{scores[n][w]:.3f}" for n in sets), f"{mean[w]:.3f}", "◀" if w == best else ""]
            for w in weights]  # fmt: skip
    print_table(
        f"Top citation of questions asking for the latest, by w_recency ({args.questions} questions a set)",
        ["w_recency", *sets, "tune mean", "fitted"],
        rows,
    )
    return scores


if __name__ == "__main__":
    main()
