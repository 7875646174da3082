"""Tune the fusion weights and the abstention floor on SQuAD-dev's tuning half (never the held-out half).

For every question the candidates' features are computed once; a grid search then picks the weights that put a
sentence holding a gold answer first most often: a logistic regression on the candidates' features, refined by
coordinate ascent on top-1 accuracy itself, checked on the last 30% of the questions. The abstention floor is a
low quantile of the answerable questions' top scores (SQuAD v1.1 has no unanswerable questions).

    python -m benchmarks.tune_retrieval --store /tmp/squad-store [--limit 2000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from tqdm import tqdm

from assistant.retrieval.fusion import FEATURES
from benchmarks.squad import questions, squad_assistant
from evaluation.metrics import holds_answer


def collect(assistant, qs):  # noqa: ANN001, ANN201
    rows = []
    for q in tqdm(qs, desc="features"):
        cands = assistant.parts.retriever.candidate_features(q["question"])
        texts = assistant.parts.store.get_texts(cands.ids)
        labels = np.array([holds_answer(texts[i], q["answers"]) for i in cands.ids], dtype=bool)
        own = np.array([a == q["article_id"] for a in cands.article_ids], dtype=bool)
        rows.append((cands.features, labels, own))
    return rows


def top1(rows, w: np.ndarray) -> float:  # noqa: ANN001
    hits = 0
    for feats, labels, _ in rows:
        if len(labels):
            hits += labels[int(np.argmax(feats @ w))]
    return hits / len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", required=True)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    assistant = squad_assistant(args.store)
    qs = questions("tune", args.limit)
    started = time.perf_counter()
    rows = collect(assistant, qs)
    print(f"{len(qs)} tuning questions, features in {time.perf_counter() - started:.0f} s")
    print("reachable (a holding sentence among candidates):", sum(r[1].any() for r in rows) / len(rows))
    train, valid = rows[: int(0.7 * len(rows))], rows[int(0.7 * len(rows)) :]
    for name in FEATURES:
        w = np.array([float(f == name) for f in FEATURES])
        print(f"  {name:16s} alone: top-1 {top1(valid, w):.3f}")
    from sklearn.linear_model import LogisticRegression

    x = np.concatenate([f for f, _, _ in train])
    y = np.concatenate([labels for _, labels, _ in train])
    weights = LogisticRegression(C=1.0, max_iter=2000).fit(x, y).coef_[0]
    weights = weights / weights[0]
    print(f"logistic regression: train {top1(train, weights):.3f} valid {top1(valid, weights):.3f}")
    best = top1(train, weights)
    for j in range(1, len(FEATURES)):  # one pass of coordinate ascent on top-1 itself
        for delta in (-0.5, -0.2, -0.1, -0.05, 0.05, 0.1, 0.2, 0.5):
            trial = weights.copy()
            trial[j] += delta * max(abs(trial[j]), 0.2)
            if (score := top1(train, trial)) > best:
                best, weights = score, trial
    print(f"after coordinate ascent: train {best:.3f} valid {top1(valid, weights):.3f}")
    print("weights", {f: round(float(w), 3) for f, w in zip(FEATURES, weights, strict=True)})
    tops = np.array([(f @ weights).max() for f, labels, _ in rows if len(labels)])
    print("abstention floor: top fused score of answerable questions at quantiles 0.5%, 1%, 2%, 5%:")
    print("  ", np.round(np.quantile(tops, [0.005, 0.01, 0.02, 0.05]), 3))


if __name__ == "__main__":
    main()
