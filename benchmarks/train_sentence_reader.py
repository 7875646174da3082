"""Train the shipped reader (``format: pairs`` in ``assistant/evidence/reader-weights/reader.json``): the packaged
MiniLM with an answer-span head, reading one question and one sentence at a time.

What it learns from, all of it data this project may train on:

- **SQuAD v1.1 dev, tuning half, its first ``--train-titles`` titles** (the rest, and the whole held-out half, are
  never read here): each question's sentence holding its answer (the span), and ``--negatives`` other sentences of
  its paragraph without it, whose target is the [CLS] token ("no answer"), so the reader also says how well a
  sentence answers.
- **SQuAD 2.0 training sample** (``../shared/eval/squad2-train-sample``, the first 10 titles of SQuAD 2.0's
  training set, none of them in the dev sets; CC BY-SA 4.0): its answerable questions the same way
  (``--sample``), and with ``--sample-unanswerable`` its unanswerable ones against the sentence holding what a
  careless reader would answer ("no answer").

The validation is the tuning titles after ``--train-titles``, given their gold sentence (EM / F1), as recorded in
``reader.json`` for every reader shipped so far, so the figures compare. Only the transformer layers and the head
are saved (fp16; the word embeddings stay frozen and come from the packaged model). Training is seeded and
checkpointed into ``--work`` every ``--checkpoint`` steps: run the same command again to resume.
``benchmarks/train_reader.py`` trains the passage reader that was tried and not shipped (docs/evaluation.md).

    python -m benchmarks.train_sentence_reader --epochs 2 --sample
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from pathlib import Path

import numpy as np

from assistant.evidence.reader import Reader
from assistant.settings import PROJECT_ROOT, Settings
from benchmarks.squad import paragraphs, questions
from benchmarks.train_reader import SQUAD2_TRAIN, optimise, training_arguments, tuning_titles
from evaluation.metrics import exact_match, f1
from index.sentences import SentenceSplitter

Pair = tuple[str, str, int, int]  # question, sentence, answer start, answer end (-1, -1: no answer)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_pairs(
    qs: list[dict], texts: dict[str, str], negatives: int, rng: random.Random
) -> tuple[list[Pair], list[tuple[dict, str]]]:
    """Training pairs, and (question, gold sentence) for each answerable question whose answer lies in one sentence."""
    splitter = SentenceSplitter()
    sentences: dict[str, list] = {}
    pairs: list[Pair] = []
    golds = []
    for q in qs:
        if not q["answers"]:
            continue
        aid = q["article_id"]
        if aid not in sentences:
            sentences[aid] = splitter.split(texts[aid])
        at, answer = q["answer_start"][0], q["answers"][0]
        gold = [s for s in sentences[aid] if s.start <= at and at + len(answer) <= s.end]
        if not gold:
            continue
        others = [s for s in sentences[aid] if not any(a in s.text for a in q["answers"])]
        golds.append((q, gold[0].text))
        pairs.append((q["question"], gold[0].text, at - gold[0].start, at - gold[0].start + len(answer)))
        for s in rng.sample(others, min(negatives, len(others))):
            pairs.append((q["question"], s.text, -1, -1))
    return pairs, golds


def unanswerable_pairs(qs: list[dict], texts: dict[str, str]) -> list[Pair]:
    """Unanswerable questions against the sentence holding their plausible (wrong) answer: "no answer"."""
    splitter = SentenceSplitter()
    pairs: list[Pair] = []
    for q in qs:
        if q["answers"] or not q.get("plausible_answers"):
            continue
        sentences = splitter.split(texts[q["article_id"]])
        tempting = [s for s in sentences if any(a and a in s.text for a in q["plausible_answers"])]
        pairs += [(q["question"], s.text, -1, -1) for s in tempting[:1]]
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


def train(model, tokenizer, pairs: list[Pair], args: argparse.Namespace) -> None:  # noqa: ANN001 - torch, tokenizer
    """AdamW with linear warm-up and decay; each epoch's order is seeded, so a resumed run sees the same batches."""
    import torch

    torch.manual_seed(args.seed)
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    per_epoch, epochs = len(pairs) // args.batch, int(args.epochs)  # whole epochs only
    steps = epochs * per_epoch
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / warmup) * max(0.0, 1 - s / steps))
    checkpoint = args.work / "checkpoint.pt"
    step = 0
    if checkpoint.exists():
        saved = torch.load(checkpoint, weights_only=False)
        if saved["pairs"] == len(pairs) and saved["seed"] == args.seed:
            model.load_state_dict(saved["model"])
            optimiser.load_state_dict(saved["optimiser"])
            schedule.load_state_dict(saved["schedule"])
            step = saved["step"]
            print(f"resumed at step {step}/{steps}", flush=True)
    model.train()
    began = time.perf_counter()
    for epoch in range(epochs):
        order = list(pairs)
        random.Random(args.seed * 1000 + epoch).shuffle(order)
        for b in range(per_epoch):
            if epoch * per_epoch + b < step:
                continue
            chunk = order[b * args.batch : (b + 1) * args.batch]
            tokens = tokenizer(
                [p[0] for p in chunk], [p[1] for p in chunk], truncation=True, max_length=args.max_length,
                padding=True, return_offsets_mapping=True, return_tensors="pt",
            )  # fmt: skip
            starts, ends = token_targets(tokens, chunk)
            tokens.pop("offset_mapping")
            loss = model(**tokens, start_positions=torch.tensor(starts), end_positions=torch.tensor(ends)).loss
            optimise(loss, params, optimiser, schedule)
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps}  loss {loss.item():.3f}  {time.perf_counter() - began:.0f} s", flush=True)
            if step % args.checkpoint == 0:
                state = {"model": model.state_dict(), "optimiser": optimiser.state_dict()}
                state |= {"schedule": schedule.state_dict(), "step": step, "pairs": len(pairs), "seed": args.seed}
                torch.save(state, checkpoint.with_suffix(".tmp"))
                checkpoint.with_suffix(".tmp").replace(checkpoint)
    model.eval()


def validate(reader: Reader, golds: list[tuple[dict, str]]) -> dict[str, float]:
    """EM/F1 of the reader's span given the gold sentence (SQuAD normalisation), on validation questions."""
    ems, f1s = [], []
    for q, sentence in golds:
        r = reader.read(q["question"], [sentence])[0]
        span = sentence[r.start : r.end]
        ems.append(max(exact_match(span, g) for g in q["answers"]))
        f1s.append(max(f1(span, g) for g in q["answers"]))
    return {"questions": len(golds), "exact_match": round(float(np.mean(ems)), 4), "f1": round(float(np.mean(f1s)), 4)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train-titles", type=int, default=20, help="tuning titles trained on; the rest never")
    parser.add_argument("--negatives", type=int, default=2, help="no-answer sentences per question")
    parser.add_argument("--sample", action="store_true", help="add the SQuAD 2.0 sample's answerable questions")
    parser.add_argument("--sample-unanswerable", action="store_true", help="and its unanswerable ones")
    parser.add_argument("--limit", type=int, help="train on at most this many pairs (a quick trial)")
    training_arguments(parser, batch=32, max_length=256, work=PROJECT_ROOT / "index" / ".train-sentence-reader")
    args = parser.parse_args(argv)

    from safetensors.torch import save_file
    from transformers import AutoTokenizer, BertConfig, BertForQuestionAnswering
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()  # the new answer head is expected to be missing from the weights

    settings = Settings()
    rng = random.Random(args.seed)
    titles = tuning_titles()
    trained = set(titles[: args.train_titles])
    texts = {pid: row["text"] for pid, row in paragraphs().items()}
    tune = questions("tune")
    pairs, _ = build_pairs([q for q in tune if q["article_id"].split("#")[0] in trained], texts, args.negatives, rng)
    _, golds = build_pairs([q for q in tune if q["article_id"].split("#")[0] not in trained], texts, 0, rng)
    counts = {"squad-v1.1-tune": len(pairs)}
    if args.sample or args.sample_unanswerable:
        sample = _rows(SQUAD2_TRAIN / "questions.jsonl")
        sample_texts = {row["id"]: row["text"] for row in _rows(SQUAD2_TRAIN / "articles.jsonl")}
        if args.sample:
            more, _ = build_pairs(sample, sample_texts, args.negatives, rng)
            counts["squad2-train-sample"] = len(more)
            pairs += more
        if args.sample_unanswerable:
            more = unanswerable_pairs(sample, sample_texts)
            counts["squad2-train-sample-unanswerable"] = len(more)
            pairs += more
    if args.limit:
        pairs = random.Random(args.seed).sample(pairs, min(args.limit, len(pairs)))
    print(f"{len(pairs):,} training pairs {json.dumps(counts)}; {len(golds):,} validation questions", flush=True)

    args.work.mkdir(parents=True, exist_ok=True)
    model = BertForQuestionAnswering.from_pretrained(settings.model, attn_implementation="eager")
    tokenizer = AutoTokenizer.from_pretrained(settings.model)
    for name, param in model.named_parameters():
        param.requires_grad = not name.startswith("bert.embeddings.")
    began = time.perf_counter()
    train(model, tokenizer, pairs, args)
    minutes = (time.perf_counter() - began) / 60

    args.out.mkdir(parents=True, exist_ok=True)
    state = {n: p.detach().half().contiguous() for n, p in model.named_parameters() if p.requires_grad}
    save_file(state, str(args.out / "reader.safetensors"))
    config = {
        "sha256": hashlib.sha256((args.out / "reader.safetensors").read_bytes()).hexdigest(),
        "base_model": Path(settings.model).parent.name,
        "architecture": BertConfig.from_pretrained(settings.model).model_type,
        "max_length": args.max_length,
        "max_answer_tokens": args.max_answer_tokens,
        "trained_on": counts,
        "training": {k: v for k, v in vars(args).items() if k not in ("out", "work")},
        "training_minutes_on_this_machine": round(minutes, 1),
    }
    (args.out / "reader.json").write_text(json.dumps(config, indent=2) + "\n")
    reader = Reader(settings.model, settings.encoder_cache, args.out)
    config["validation_given_gold_sentence"] = validate(reader, golds)
    (args.out / "reader.json").write_text(json.dumps(config, indent=2) + "\n")
    print(json.dumps(config["validation_given_gold_sentence"]))


if __name__ == "__main__":
    main()
