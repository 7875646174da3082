"""Fit the verifier's two thresholds on SQuAD-dev's tuning half and print how well they separate claims.

Claims are made from tuning questions by putting the gold answer in place of the wh-word ("Which NFL team won?" +
"Denver Broncos" → "Denver Broncos won"). Each claim is checked against:
  - its gold sentence (supported),
  - the other sentence of its paragraph closest in words that lacks the answer (not supported: wrong source),
  - its gold sentence with the claim's answer swapped for another question's answer (not supported: invented).
Thresholds are fitted on the first 70% of questions for balanced accuracy and reported on the last 30%.

    python -m benchmarks.tune_verifier --limit 1500
"""

from __future__ import annotations

import argparse
import itertools
import random
import re

import numpy as np

from assistant.llm.verify import missing_names, overlap, swapped_names
from assistant.settings import Settings
from benchmarks.squad import paragraphs as squad_paragraphs
from benchmarks.squad import questions
from evaluation.metrics import holds_answer
from index.embed import embedding_function
from index.sentences import SentenceSplitter

_WH = re.compile(r"^(what|which|who|whom|whose|when|where|how many|how much|how long|how)\b\s*", re.IGNORECASE)


def claim(question: str, answer: str) -> str:
    """A declarative sentence from a question and its answer (crude, but keeps the question's words)."""
    body = question.strip().rstrip("?")
    return _WH.sub(f"{answer} ", body, count=1) if _WH.search(body) else f"{body}: {answer}"


def build_pairs(limit: int, seed: int = 0) -> list[tuple[str, str, str, bool, int]]:
    """(claim, evidence, its context, supported, question index), three per usable question.

    The context is the sentence with its neighbours and the paragraph's title, as the assistant's evidence has.
    """
    splitter = SentenceSplitter()
    rows = squad_paragraphs()
    paragraphs = {id_: [s.text for s in splitter.split(row["text"])] for id_, row in rows.items()}
    titles = {id_: row.get("title", "") for id_, row in rows.items()}

    def context(paragraph: str, sentence: str) -> str:
        sentences = paragraphs[paragraph]
        i = sentences.index(sentence) if sentence in sentences else 0
        return " ".join([titles[paragraph], *sentences[max(i - 1, 0) : i + 2]])

    rng = random.Random(seed)
    qs = questions("tune", limit)
    pairs = []
    for i, q in enumerate(qs):
        answer, gold = q["answers"][0], q["evidence"]
        text = claim(q["question"], answer)
        others = [s for s in paragraphs[q["article_id"]] if s != gold and not holds_answer(s, q["answers"])]
        other_answer = qs[rng.randrange(len(qs))]["answers"][0]
        if not others or holds_answer(other_answer, q["answers"]):
            continue
        wrong_source = max(others, key=lambda s: overlap(text, s))
        gold_context, wrong_context = context(q["article_id"], gold), context(q["article_id"], wrong_source)
        pairs += [(text, gold, gold_context, True, i), (text, wrong_source, wrong_context, False, i)]
        pairs.append((claim(q["question"], other_answer), gold, gold_context, False, i))
    return pairs


def decide(names_ok: np.ndarray, overlaps: np.ndarray, sims: np.ndarray, t_overlap: float, t_sim: float) -> np.ndarray:
    return names_ok & ((overlaps >= t_overlap) | (sims >= t_sim))


def balanced_accuracy(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    tpr = float(predicted[truth].mean())
    tnr = float((~predicted[~truth]).mean())
    return (tpr + tnr) / 2, tpr, tnr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=1500, help="tuning questions to use")
    parser.add_argument("--without-swaps", action="store_true", help="leave out the swapped-names check (as before)")
    parser.add_argument("--swap-copy", type=float, default=0.6, help="the swapped-names check's share of words")
    args = parser.parse_args()
    pairs = build_pairs(args.limit)
    claims, evidence = [p[0] for p in pairs], [p[1] for p in pairs]
    truth = np.array([p[3] for p in pairs])
    ef = embedding_function(Settings().model)
    vc, ve = np.asarray(ef(claims)), np.asarray(ef(evidence))
    sims = (vc * ve).sum(axis=1)
    overlaps = np.array([overlap(c, e) for c, e in zip(claims, evidence, strict=True)])
    names_ok = np.array([not missing_names(p[0], p[2]) for p in pairs])
    unswapped = np.array([not swapped_names(p[0], p[1], args.swap_copy) for p in pairs])
    if not args.without_swaps:  # as the verifier checks: a name from around the sentence standing in for its own
        names_ok &= unswapped
    cut = int(0.7 * (max(p[4] for p in pairs) + 1))
    fit = np.array([p[4] < cut for p in pairs])
    grid = itertools.product(np.arange(0.2, 1.01, 0.05), np.arange(0.4, 1.01, 0.025))
    best = max(grid, key=lambda t: balanced_accuracy(decide(names_ok, overlaps, sims, *t)[fit], truth[fit])[0])
    print(f"pairs: {len(pairs)} ({truth.sum()} supported), fit on {fit.sum()}, validate on {(~fit).sum()}")
    print(f"chosen: verify_min_overlap={best[0]:.2f} verify_min_similarity={best[1]:.3f}")
    for name, mask in (("fit", fit), ("validation", ~fit)):
        acc, tpr, tnr = balanced_accuracy(decide(names_ok, overlaps, sims, *best)[mask], truth[mask])
        print(f"{name}: balanced accuracy {acc:.3f}; supported kept {tpr:.3f}; unsupported dropped {tnr:.3f}")
    print(f"validation, names/numbers check alone: {balanced_accuracy(names_ok[~fit], truth[~fit])[0]:.3f}")


if __name__ == "__main__":
    main()
