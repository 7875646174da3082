"""Fit the answerability decision on SQuAD 2.0's tuning titles, report it on titles kept out, draw its curve.

SQuAD 2.0's tuning titles (570 paragraphs) are indexed as one open corpus and their questions asked as users ask,
with the decision off, recording its signals for each: whether the question names something its evidence's articles
never mention (then it abstains whatever the model says), the reader's best score over the evidence sentences, and
the top sentence's fused score. The titles the reader was not trained on (after ``train_titles`` in
``reader.json``) are validation: never fitted to, and what is reported. The other titles fit a logistic regression
(label: the question is answerable) and the threshold; the reader was trained on their answerable questions, so its
scores there are a little optimistic (its weight in the fit is small: the fused score carries the decision).

The threshold (``min_answerable``) is the highest probability at which no more than ``--max-wrong`` of the fitting
titles' answerable questions are abstained on, both here and (with ``--squad-store``) when SQuAD v1.1's tuning
questions of those titles are asked against the whole v1.1 corpus (2,067 paragraphs), where retrieval misses more.
The curve of both rates over the threshold, for the fitting and the validation titles, is drawn to ``--plot``; the
v1.1 questions of the validation titles are reported too.

A reader trained on the fitting titles' unanswerable questions (one that reads passages and says how likely the
answer is not there) knows their answers, so its signals there say nothing about new questions: with ``--cross-fit``
the model is fitted on the validation titles only, two-fold (each title's questions are judged by the model and
threshold fitted on the other title's), that cross-fitted result is what is reported and drawn, and the weights
printed to ship are fitted on both.

    python -m benchmarks.tune_answerability --store /tmp/squad2-store [--squad-store /tmp/squad-store] [--cross-fit]
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
from tqdm import tqdm

from assistant import Assistant
from assistant.evidence.answerability import words_elsewhere
from assistant.evidence.reader import READER_DIR
from benchmarks.report import print_table
from benchmarks.squad import SQUAD2, questions, squad2, squad_assistant
from benchmarks.train_reader import tuning_titles
from evaluation.metrics import holds_answer

THRESHOLDS = np.round(np.arange(0.0, 1.0001, 0.02), 2)
# The model's inputs, as Settings.answerable_w_* weighs them (the passage reader's "not there" as log-odds).
FEATURES = ("reading", "relevance", "none", "elsewhere")
DOCS = Path(__file__).resolve().parents[1] / "docs"


@dataclass(frozen=True)
class Observed:
    """One question's signals with the decision off, and what is true of it."""

    title: str
    answerable: bool
    features: tuple[float, ...]  # FEATURES, in order; NaN without evidence
    names_missing: bool
    top_holds_answer: bool


def observe(assistant: Assistant, qs: list[dict]) -> list[Observed]:
    """Each question's evidence and decision signals, as ``ask`` gets them (``Assistant.judge``)."""
    rows = []
    idf = assistant.parts.lexical.article_idf
    for q in tqdm(qs, desc="signals", unit="question"):
        decision = assistant.judge(q["question"])
        evidence = decision.evidence
        features = (math.nan,) * len(FEATURES)
        if evidence:
            none = decision.answerability.none if decision.answerability is not None else None
            odds = (
                0.0 if none is None else math.log(min(max(none, 1e-6), 1 - 1e-6) / (1 - min(max(none, 1e-6), 1 - 1e-6)))
            )
            top = evidence[0]
            article = assistant.parts.store.article_texts([top.article_id]).get(top.article_id, "")
            elsewhere = words_elsewhere(q["question"], top, article, idf)
            features = (decision.reading if decision.reading is not None else 0.0, decision.relevance, odds, elsewhere)
        holds = bool(evidence) and holds_answer(evidence[0].text, q["answers"])
        title = q["article_id"].split("#")[0]
        rows.append(Observed(title, bool(q["answers"]), features, bool(decision.missing), holds))
    return rows


def cached(observed: Callable[[], list[Observed]], cache: Path | None, name: str) -> list[Observed]:
    """The signals from ``cache`` (a directory) when kept there, else observed now and kept."""
    path = cache / f"{name}.jsonl" if cache is not None else None
    if path is not None and path.exists():
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        return [Observed(**{**row, "features": tuple(row["features"])}) for row in rows]
    rows = observed()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(asdict(r)) + "\n" for r in rows))
    return rows


def only(rows: list[Observed], features: set[str]) -> list[Observed]:
    """The rows with the inputs not in ``features`` set to 0 (so their fitted weight is 0)."""
    keep = [name in features for name in FEATURES]
    return [replace(r, features=tuple(f if k else 0.0 for f, k in zip(r.features, keep, strict=True))) for r in rows]


def probabilities(rows: list[Observed], coef: np.ndarray, bias: float) -> np.ndarray:
    """The fitted probability per row (NaN where there was no evidence)."""
    x = np.array([r.features for r in rows], dtype=np.float64).reshape(-1, len(FEATURES))
    return 1.0 / (1.0 + np.exp(-np.clip(bias + x @ coef, -50, 50)))


def rates(rows: list[Observed], p: np.ndarray, threshold: float) -> dict[str, float]:
    """Unanswerable abstained, answerable wrongly abstained, and answerable top citation at a threshold."""
    ruled_out = np.array([r.names_missing for r in rows], dtype=bool)
    answer = (np.nan_to_num(p, nan=-1.0) >= threshold) & ~ruled_out  # no evidence, or a missing name: abstained
    ans = np.array([r.answerable for r in rows], dtype=bool)
    holds = np.array([r.top_holds_answer for r in rows])
    return {
        "unanswerable_abstained": float((~answer[~ans]).mean()) if (~ans).any() else math.nan,
        "wrongly_abstained": float((~answer[ans]).mean()) if ans.any() else math.nan,
        "top_citation": float((answer[ans] & holds[ans]).mean()) if ans.any() else math.nan,
    }


def plot(curves: dict[str, list[dict[str, float]]], chosen: float, path: Path) -> None:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 5), layout="constrained")
    ax = fig.subplots()
    for (name, curve), color in zip(curves.items(), ("#4477aa", "#ee6677"), strict=False):
        ax.plot([c["wrongly_abstained"] for c in curve], [c["unanswerable_abstained"] for c in curve], ".-",
                color=color, label=name)  # fmt: skip
        at = next(c for c in curve if c["threshold"] == chosen)
        ax.plot(
            at["wrongly_abstained"], at["unanswerable_abstained"], "o", color=color, markersize=10, fillstyle="none"
        )
    ax.set_xlabel("answerable questions abstained on (wrongly)")
    ax.set_ylabel("unanswerable questions abstained on")
    ax.set_title(f"Answerability over min_answerable (0 … 1); circled: the default {chosen:g}")
    ax.set_xlim(0, 0.5)
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    fig.savefig(path, format="png", dpi=100)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="store for the SQuAD 2.0 tuning corpus (indexed if needed)")
    parser.add_argument("--max-wrong", type=float, default=0.03, help="answerable questions abstained on, at most")
    parser.add_argument("--squad-store", help="the SQuAD v1.1 store (benchmarks/squad.py), for its wrong abstentions")
    parser.add_argument("--plot", type=Path, default=DOCS / "answerability.png")
    parser.add_argument("--all-rows", action="store_true", help="print every threshold, not just around the chosen")
    parser.add_argument("--cross-fit", action="store_true", help="fit on the validation titles, two-fold (see above)")
    parser.add_argument("--features", default=",".join(FEATURES), help="the inputs fitted (the others weigh 0)")
    parser.add_argument("--cache", type=Path, help="keep the questions' signals here and reuse them (a refit)")
    args = parser.parse_args(argv)
    chosen_features = set(args.features.split(","))
    from sklearn.linear_model import LogisticRegression

    trained_titles = json.loads((READER_DIR / "reader.json").read_text())["training"]["train_titles"]
    validation_titles = set(tuning_titles()[trained_titles:])
    articles, qs = squad2()
    fit_titles = {q["article_id"].split("#")[0] for q in qs} - validation_titles
    assistant = Assistant(store_path=args.store, collection="squad2-tune", seeds=None)
    if assistant.stats()["articles"] < len(articles):
        print(assistant.ingest([SQUAD2 / "articles.jsonl"], progress=True).summary())
    asked = [q for q in qs if q["article_id"].split("#")[0] in fit_titles | validation_titles]
    rows = only(cached(lambda: observe(assistant, asked), args.cache, "squad2"), chosen_features)
    if args.cross_fit:
        cross_fit([r for r in rows if r.title in validation_titles], args.max_wrong, args.plot)
        return
    fit = [r for r in rows if r.title in fit_titles and not math.isnan(r.features[0]) and not r.names_missing]
    model = LogisticRegression(C=1.0).fit([r.features for r in fit], [r.answerable for r in fit])
    coef, bias = model.coef_[0], float(model.intercept_[0])
    fitting = [r for r in rows if r.title in fit_titles]
    validation = [r for r in rows if r.title in validation_titles]
    p_fit, p_val = probabilities(fitting, coef, bias), probabilities(validation, coef, bias)
    curves = {
        f"fitting titles ({len(fit_titles)} of SQuAD 2.0's tuning titles)": [
            {"threshold": t, **rates(fitting, p_fit, t)} for t in THRESHOLDS
        ],
        f"validation titles ({', '.join(sorted(validation_titles & {r.title for r in rows}))})": [
            {"threshold": t, **rates(validation, p_val, t)} for t in THRESHOLDS
        ],
    }
    fit_curve = next(iter(curves.values()))
    allowed = {c["threshold"] for c in fit_curve if c["wrongly_abstained"] <= args.max_wrong}
    if args.squad_store:
        v1_fit, v1_val = (
            only(
                cached(
                    lambda titles=titles: observe(
                        squad_assistant(args.squad_store),
                        [q for q in questions("tune") if q["article_id"].split("#")[0] in titles],
                    ),
                    args.cache,
                    f"v1-{name}",
                ),
                chosen_features,
            )
            for name, titles in (("fit", fit_titles), ("validation", validation_titles))
        )
        p_v1_fit = probabilities(v1_fit, coef, bias)
        allowed &= {t for t in THRESHOLDS if rates(v1_fit, p_v1_fit, t)["wrongly_abstained"] <= args.max_wrong}
    chosen = max(allowed, default=0.0)
    named = {n: sum(r.names_missing for r in rs) for n, rs in (("fitting", fitting), ("validation", validation))}
    print(f"\nabstained on for a missing name: {named}")
    print(f"weights: bias {bias:.4f}, " + ", ".join(f"{n} {c:.4f}" for n, c in zip(FEATURES, coef, strict=True)))
    print(f"min_answerable: {chosen:g} (the highest with at most {args.max_wrong:g} wrongly abstained when fitting)")
    if not allowed:
        print(f"  (no threshold keeps wrong abstentions under {args.max_wrong:g}: the names rule alone exceeds it)")
    table = []
    for name, curve in curves.items():
        for c in curve:
            if c["threshold"] in (0.0, round(chosen - 0.1, 2), chosen, round(chosen + 0.1, 2)) or args.all_rows:
                table.append([name.split(" (")[0], f"{c['threshold']:g}", f"{c['unanswerable_abstained']:.3f}",
                              f"{c['wrongly_abstained']:.3f}", f"{c['top_citation']:.3f}"])  # fmt: skip
    counts = {n: (sum(r.answerable for r in rs), sum(not r.answerable for r in rs)) for n, rs in
              (("fitting", fitting), ("validation", validation))}  # fmt: skip
    print_table(
        f"SQuAD 2.0 tuning titles as one corpus (answerable, unanswerable): {counts}",
        ["titles", "min_answerable", "unanswerable abstained", "answerable wrongly abstained", "top citation"],
        table,
    )
    plot(curves, chosen, args.plot)
    print(f"curve: {args.plot}")
    if args.squad_store:
        print_table(
            "SQuAD v1.1 tuning questions against the whole v1.1 corpus",
            ["titles", "min_answerable", "answerable wrongly abstained", "top citation"],
            [[name, f"{t:g}", f"{r['wrongly_abstained']:.3f}", f"{r['top_citation']:.3f}"]
             for name, rows_ in (("fitting", v1_fit), ("validation", v1_val))
             for t in sorted({0.0, round(chosen / 2, 2), chosen})
             for r in [rates(rows_, probabilities(rows_, coef, bias), t)]],
        )  # fmt: skip


def fitted(rows: list[Observed], max_wrong: float) -> tuple[np.ndarray, float, float]:
    """Logistic weights, bias and the highest threshold abstaining wrongly on at most ``max_wrong`` of ``rows``."""
    from sklearn.linear_model import LogisticRegression

    fit = [r for r in rows if not math.isnan(r.features[0]) and not r.names_missing]
    model = LogisticRegression(C=1.0).fit([r.features for r in fit], [r.answerable for r in fit])
    coef, bias = model.coef_[0], float(model.intercept_[0])
    p = probabilities(rows, coef, bias)
    allowed = [t for t in THRESHOLDS if rates(rows, p, t)["wrongly_abstained"] <= max_wrong]
    return coef, bias, max(allowed, default=0.0)


def cross_fit(rows: list[Observed], max_wrong: float, path: Path) -> None:
    """Two-fold over the titles: each title's questions judged by the model and threshold fitted on the others';
    the pooled result reported and drawn, and the weights fitted on all of them printed."""
    titles = sorted({r.title for r in rows})
    judged: list[Observed] = []
    p_all: list[float] = []
    at_chosen = []
    for title in titles:
        coef, bias, threshold = fitted([r for r in rows if r.title != title], max_wrong)
        mine = [r for r in rows if r.title == title]
        p = probabilities(mine, coef, bias)
        judged += mine
        p_all += list(p)
        at_chosen.append((title, threshold, rates(mine, p, threshold), len(mine)))
    p_pooled = np.array(p_all)
    table = [
        [
            title,
            f"{t:g}",
            f"{r['unanswerable_abstained']:.3f}",
            f"{r['wrongly_abstained']:.3f}",
            f"{r['top_citation']:.3f}",
        ]
        for title, t, r, _ in at_chosen
    ]
    pooled = {k: sum(r[k] * n for _, _, r, n in at_chosen) / len(judged) for k in at_chosen[0][2]}
    table.append(
        [
            "both (pooled)",
            "",
            *(f"{pooled[k]:.3f}" for k in ("unanswerable_abstained", "wrongly_abstained", "top_citation")),
        ]
    )
    print_table(
        "cross-fitted: each title judged by the model fitted on the other",
        ["title", "threshold", "unanswerable abstained", "answerable wrongly abstained", "top citation"],
        table,
    )
    coef, bias, threshold = fitted(rows, max_wrong)
    weights = ", ".join(f"{n} {c:.4f}" for n, c in zip(FEATURES, coef, strict=True))
    print(f"to ship (fitted on {', '.join(titles)}): bias {bias:.4f}, {weights}, min_answerable {threshold:g}")
    curve = [{"threshold": t, **rates(judged, p_pooled, t)} for t in THRESHOLDS]
    plot({f"validation titles, cross-fitted ({', '.join(titles)})": curve}, THRESHOLDS[0], path)
    print(f"curve: {path}")


if __name__ == "__main__":
    main()
