"""Train the reader (assistant/evidence/reader.py): the packaged MiniLM with an answer-span head, on SQuAD-dev's
tuning half.

Each tuning question gives one positive pair (question, the sentence holding its answer, the answer's span) and
``--negatives`` pairs with another sentence of the same paragraph that lacks the answer, whose target is the [CLS]
token ("no answer"), so the reader also learns to say how well a sentence answers. Optionally (``--unanswerable 1
--swaps 0.5 --train-titles 18``, tried and not shipped: docs/evaluation.md) questions that only look answerable are
"no answer" too, SQuAD 2.0 style: the unanswerable questions of SQuAD 2.0's tuning titles against the sentence
holding what a careless reader would answer and one other sentence, and tuning questions whose name was swapped for
another name of the same kind against their own gold sentence. Only the first ``--train-titles`` tuning titles are
trained on; the rest fit and validate what uses the reader (benchmarks/tune_reader.py,
benchmarks/tune_answerability.py). The held-out half is never read.

The word embeddings stay frozen, so only the transformer layers and the head are saved (fp16) into
``assistant/evidence/reader-weights/``, with ``reader.json`` recording how they were made.

    python -m benchmarks.train_reader --epochs 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from pathlib import Path

import numpy as np

from assistant.evidence.reader import READER_DIR, Reader
from assistant.question.nlp import nlp
from assistant.settings import Settings
from benchmarks.squad import paragraphs, questions, squad2
from evaluation.metrics import f1, normalize
from index.sentences import SentenceSplitter

Pair = tuple[str, str, int, int]  # question, sentence, answer start, answer end (-1, -1: no answer)


def tuning_titles() -> list[str]:
    return list(dict.fromkeys(q["article_id"].split("#")[0] for q in questions("tune")))


def build_pairs(qs: list[dict], negatives: int, rng: random.Random) -> tuple[list[Pair], list[tuple[dict, str]]]:
    """Training pairs, and (question, gold sentence) for each question whose answer lies inside one sentence."""
    splitter = SentenceSplitter()
    texts = {id_: row["text"] for id_, row in paragraphs().items()}
    sentences = {}
    pairs: list[Pair] = []
    golds = []
    for q in qs:
        aid = q["article_id"]
        if aid not in sentences:
            sentences[aid] = splitter.split(texts[aid])
        at, answer = q["answer_start"][0], q["answers"][0]
        gold = [s for s in sentences[aid] if s.start <= at and at + len(answer) <= s.end]
        others = [s for s in sentences[aid] if not any(a in s.text for a in q["answers"])]
        if not gold:
            continue
        golds.append((q, gold[0].text))
        pairs.append((q["question"], gold[0].text, at - gold[0].start, at - gold[0].start + len(answer)))
        for s in rng.sample(others, min(negatives, len(others))):
            pairs.append((q["question"], s.text, -1, -1))
    return pairs, golds


_SWAPPABLE = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "DATE", "CARDINAL")


def unanswerable_pairs(titles: set[str], rng: random.Random) -> list[Pair]:
    """SQuAD 2.0's unanswerable questions of ``titles``, each against the sentence holding its plausible (wrong)
    answer and one other sentence of its paragraph: both "no answer"."""
    splitter = SentenceSplitter()
    articles, qs = squad2()
    pairs: list[Pair] = []
    for q in qs:
        if q["answers"] or q["article_id"].split("#")[0] not in titles:
            continue
        sentences = splitter.split(articles[q["article_id"]]["text"])
        tempting = [s for s in sentences if any(a and a in s.text for a in q["plausible_answers"])][:1]
        others = [s for s in sentences if s not in tempting]
        for s in tempting + rng.sample(others, min(1, len(others))):
            pairs.append((q["question"], s.text, -1, -1))
    return pairs


def swapped_name_pairs(golds: list[tuple[dict, str]], share: float, rng: random.Random) -> list[Pair]:
    """For a ``share`` of the questions: a name the question shares with its gold sentence swapped for another
    name of the same kind (from other questions), against that sentence: "no answer"."""
    docs = list(nlp().pipe(q["question"] for q, _ in golds))
    pool: dict[str, list[str]] = {}
    for doc in docs:
        for e in doc.ents:
            if e.label_ in _SWAPPABLE:
                pool.setdefault(e.label_, []).append(e.text)
    pairs: list[Pair] = []
    for (q, sentence), doc in zip(golds, docs, strict=True):
        shared = [e for e in doc.ents if e.label_ in _SWAPPABLE and e.text in sentence]
        if not shared or rng.random() >= share:
            continue
        name = rng.choice(shared)
        others = [n for n in pool[name.label_] if n not in sentence and n.lower() != name.text.lower()]
        if others:
            swapped = q["question"][: name.start_char] + rng.choice(others) + q["question"][name.end_char :]
            pairs.append((swapped, sentence, -1, -1))
    return pairs


def token_targets(tokens, pairs: list[Pair]) -> tuple[list[int], list[int]]:  # noqa: ANN001 - a BatchEncoding
    """The answer's first and last token in each encoded pair; 0 ([CLS]) for no answer or a truncated answer."""
    starts, ends = [], []
    for row, (_, _, first_char, end_char) in enumerate(pairs):
        first = last = 0
        if first_char >= 0:
            offsets = tokens["offset_mapping"][row].tolist()
            for i, (seq, (a, b)) in enumerate(zip(tokens.sequence_ids(row), offsets, strict=True)):
                if seq != 1 or b <= first_char or a >= end_char:
                    continue
                first = first or i
                last = i
            if not last:
                first = 0
        starts.append(first)
        ends.append(last)
    return starts, ends


def train(model, tokenizer, pairs: list[Pair], epochs: int, lr: float, batch: int, max_length: int, seed: int):  # noqa: ANN001
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * (len(pairs) // batch)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / warmup) * max(0.0, 1 - s / steps))
    model.train()
    step, began = 0, time.perf_counter()
    for _ in range(epochs):
        rng.shuffle(pairs)
        for lo in range(0, len(pairs) - batch + 1, batch):
            chunk = pairs[lo : lo + batch]
            tokens = tokenizer(
                [p[0] for p in chunk], [p[1] for p in chunk], truncation=True, max_length=max_length,
                padding=True, return_offsets_mapping=True, return_tensors="pt",
            )  # fmt: skip
            starts, ends = token_targets(tokens, chunk)
            tokens.pop("offset_mapping")
            loss = model(**tokens, start_positions=torch.tensor(starts), end_positions=torch.tensor(ends)).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps}  loss {loss.item():.3f}  {time.perf_counter() - began:.0f} s", flush=True)
    model.eval()


def validate(reader: Reader, golds: list[tuple[dict, str]]) -> dict[str, float]:
    """EM/F1 of the reader's span given the gold sentence (SQuAD normalisation), on validation questions."""
    ems, f1s = [], []
    for q, sentence in golds:
        r = reader.read(q["question"], [sentence])[0]
        span = sentence[r.start : r.end]
        ems.append(max(float(normalize(span) == normalize(g)) for g in q["answers"]))
        f1s.append(max(f1(span, g) for g in q["answers"]))
    return {"questions": len(golds), "exact_match": round(float(np.mean(ems)), 4), "f1": round(float(np.mean(f1s)), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train-titles", type=int, default=20, help="tuning titles trained on; the rest do not")
    parser.add_argument("--train-layers", type=int, default=6, help="top transformer layers trained (6 = all)")
    parser.add_argument("--negatives", type=int, default=2, help="no-answer sentences per question")
    parser.add_argument("--swaps", type=float, default=0.0, help="share of questions also asked with a swapped name")
    parser.add_argument("--unanswerable", type=int, default=0, help="1: train on SQuAD 2.0's unanswerable questions")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--max-answer-tokens", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=READER_DIR)
    args = parser.parse_args()

    import torch
    from safetensors.torch import save_file
    from transformers import AutoTokenizer, BertConfig, BertForQuestionAnswering
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()  # the new answer head is expected to be missing from the weights

    settings = Settings()
    titles = tuning_titles()
    trained = set(titles[: args.train_titles])
    tune = questions("tune")
    rng = random.Random(args.seed)
    pairs, trained_golds = build_pairs(
        [q for q in tune if q["article_id"].split("#")[0] in trained], args.negatives, rng
    )
    _, golds = build_pairs([q for q in tune if q["article_id"].split("#")[0] not in trained], 0, rng)
    answerable = len(pairs)
    if args.swaps:
        pairs += swapped_name_pairs(trained_golds, args.swaps, rng)
    if args.unanswerable:
        pairs += unanswerable_pairs(trained, rng)
    print(
        f"{len(pairs):,} training pairs from {len(trained)} titles ({len(pairs) - answerable:,} from swapped names "
        f"and unanswerable questions); {len(golds):,} validation questions"
    )

    torch.set_num_threads(torch.get_num_threads())
    model = BertForQuestionAnswering.from_pretrained(settings.model, attn_implementation="eager")
    tokenizer = AutoTokenizer.from_pretrained(settings.model)
    frozen = ("bert.embeddings.", *(f"bert.encoder.layer.{i}." for i in range(6 - args.train_layers)))
    for name, param in model.named_parameters():
        param.requires_grad = not name.startswith(frozen)
    train(model, tokenizer, pairs, args.epochs, args.lr, args.batch, args.max_length, args.seed)

    args.out.mkdir(parents=True, exist_ok=True)
    state = {n: p.detach().half().contiguous() for n, p in model.named_parameters() if p.requires_grad}
    save_file(state, str(args.out / "reader.safetensors"))
    config = {
        "sha256": hashlib.sha256((args.out / "reader.safetensors").read_bytes()).hexdigest(),
        "base_model": Path(settings.model).parent.name,
        "architecture": BertConfig.from_pretrained(settings.model).model_type,
        "max_length": args.max_length,
        "max_answer_tokens": args.max_answer_tokens,
        "trained_on": f"SQuAD v1.1 dev, tuning half, first {args.train_titles} titles"
        + (", with SQuAD 2.0's unanswerable questions of those titles" if args.unanswerable else "")
        + (", with swapped names" if args.swaps else "")
        + f" ({len(pairs):,} pairs)",
        "training": {k: v for k, v in vars(args).items() if k != "out"},
    }
    (args.out / "reader.json").write_text(json.dumps(config, indent=2) + "\n")
    reader = Reader(settings.model, settings.encoder_cache, args.out)
    config["validation_given_gold_sentence"] = validate(reader, golds)
    (args.out / "reader.json").write_text(json.dumps(config, indent=2) + "\n")
    print(json.dumps(config["validation_given_gold_sentence"]))


if __name__ == "__main__":
    main()
