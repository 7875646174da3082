"""The reader: a small extractive-QA model that finds the answer phrase in each candidate sentence, says how well
each answers, and whether the question's answer there is a phrase, yes, no, or nothing.

It is the packaged MiniLM with an answer-span head (and, in the ``passage`` format, a head for the kind of answer),
fine-tuned by ``benchmarks/train_reader.py``. The ``passage`` format reads a question's candidates in one pass, each
article's under its title (``assistant.evidence.passage``); the older ``pairs`` format read each sentence alone.
Only what training changed ships (``assistant/evidence/reader-weights/``); the word embeddings come from the
packaged model. It runs through ONNX Runtime with int8 weights, exported on first use like the encoder.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from assistant.evidence.passage import KINDS, passage_of, reader_net
from index.models.onnx import (
    cached_export,
    cpu_session,
    export_onnx,
    file_digest,
    model_digest,
    runtime_versions,
    sample_inputs,
)
from index.models.tokenizer import model_inputs, model_tokenizer

READER_DIR = Path(__file__).resolve().parent / "reader-weights"
_OUTPUTS = {"pairs": ("start_logits", "end_logits"), "passage": ("start_logits", "end_logits", "kind_logits")}


@dataclass(frozen=True)
class Reading:
    """The reader's best answer span in one sentence: ``sentence[start:end]``.

    ``score`` is the span's logit minus the no-answer logit: above 0 the model thinks the sentence answers.
    """

    score: float
    start: int
    end: int


@dataclass(frozen=True)
class PassageReading:
    """A question's candidates read in one pass: each sentence's best span (in the order given), and how likely the
    answer in them is a phrase, yes, no, or not there (``kinds``, probabilities over ``KINDS``)."""

    readings: tuple[Reading, ...]
    kinds: dict[str, float]


def _format(weights_dir: Path) -> str:
    return json.loads((weights_dir / "reader.json").read_text()).get("format", "pairs")


def reader_model(model_path: str | Path, weights_dir: str | Path = READER_DIR):  # noqa: ANN201 - a torch module
    """The fine-tuned reader as a torch module: packaged weights plus the shipped ones (a
    ``BertForQuestionAnswering`` for the ``pairs`` format, ``passage.reader_net`` for ``passage``)."""
    from safetensors.torch import load_file
    from transformers import BertConfig, BertForQuestionAnswering

    model_path, weights_dir = Path(model_path), Path(weights_dir)
    weights = weights_dir / "reader.safetensors"
    expected = json.loads((weights_dir / "reader.json").read_text())["sha256"]
    if hashlib.sha256(weights.read_bytes()).hexdigest() != expected:
        raise ValueError(f"{weights} is not the file reader.json describes (damaged or replaced); restore it from git")
    if _format(weights_dir) == "passage":
        model = reader_net(model_path)
        state = dict(model.state_dict())
    else:
        model = BertForQuestionAnswering(BertConfig.from_pretrained(str(model_path), attn_implementation="eager"))
        state = {
            f"bert.{k}": v
            for k, v in load_file(model_path / "model.safetensors").items()
            if f"bert.{k}" in model.state_dict()
        }
    wanted = model.state_dict()
    state.update({k: v.float() for k, v in load_file(weights).items()})
    missing = [k for k in wanted if k not in state and not k.endswith("position_ids")]
    if missing:
        raise ValueError(f"the reader weights in {weights_dir} lack {', '.join(missing[:3])}")
    model.load_state_dict(state, strict=False)
    return model.eval()


def exported_reader(model_path: str | Path, cache_dir: str | Path, weights_dir: str | Path = READER_DIR) -> Path:
    """The reader's int8 ONNX file, exported into ``cache_dir`` on first use and reused afterwards."""
    model_path, weights_dir = Path(model_path), Path(weights_dir)
    digest = f"{model_digest(model_path)}-{file_digest([weights_dir / 'reader.safetensors'])}"

    def build(work: Path) -> None:
        model = reader_model(model_path, weights_dir)
        outputs = _OUTPUTS[_format(weights_dir)]
        export_onnx(model, sample_inputs(model_path, pair=True), outputs, work, quantize=True)

    return cached_export(
        Path(cache_dir),
        f"reader-int8-{runtime_versions()}-{digest}",
        build,
        {"model": str(model_path), "weights": str(weights_dir)},
    )


class Reader:
    """Reads sentences for a question: the best answer span of each and how confidently it answers.

    The model is exported and loaded on the first read, so commands that never answer (ingest, stats) skip it.
    """

    def __init__(
        self,
        model_path: str | Path,
        cache_dir: str | Path,
        weights_dir: str | Path = READER_DIR,
        max_answer_tokens: int | None = None,
    ) -> None:
        self.model_path, self.cache_dir, self.weights_dir = Path(model_path), Path(cache_dir), Path(weights_dir)
        config = json.loads((self.weights_dir / "reader.json").read_text())
        self.max_answer_tokens = max_answer_tokens or int(config["max_answer_tokens"])
        self.max_length = int(config["max_length"])
        self.format = config.get("format", "pairs")

    @cached_property
    def file(self) -> Path:
        return exported_reader(self.model_path, self.cache_dir, self.weights_dir)

    @cached_property
    def tokenizer(self) -> Tokenizer:
        """The model's tokenizer: a question and sentence pair cut to ``max_length`` (only the passage, in the
        ``passage`` format), a batch padded to its longest pair."""
        if self.format == "passage":
            return model_tokenizer(self.model_path, self.max_length, truncation="only_second", pad=False)
        return model_tokenizer(self.model_path, self.max_length)

    @cached_property
    def session(self):  # noqa: ANN201 - an onnxruntime.InferenceSession
        return cpu_session(self.file)

    def load(self) -> Reader:
        """Export (first use only) and load the model now rather than at the first question."""
        _ = self.session, self.tokenizer
        return self

    def read(self, question: str, sentences: list[str]) -> list[Reading]:
        """One Reading per sentence, in order (all sentences in one batch, or in one passage)."""
        if not sentences:
            return []
        if self.format == "passage":
            return list(self.read_passage(question, [("", sentences)]).readings)
        encodings = self.tokenizer.encode_batch([(question, sentence) for sentence in sentences])
        starts, ends = self.session.run(None, model_inputs(encodings))
        readings = []
        for row, encoding in enumerate(encodings):
            context = np.array([s == 1 for s in encoding.sequence_ids])
            first, last = self._best_span(starts[row], ends[row], context)
            if first < 0:  # the sentence was truncated away entirely
                readings.append(Reading(float("-inf"), 0, 0))
                continue
            null = float(starts[row][0] + ends[row][0])
            offsets = encoding.offsets
            score = float(starts[row][first] + ends[row][last]) - null
            readings.append(Reading(score, int(offsets[first][0]), int(offsets[last][1])))
        return readings

    def read_passage(self, question: str, groups: list[tuple[str, list[str]]]) -> PassageReading:
        """The candidates read together: ``groups`` are each article's title and its sentences (in article order);
        readings come in the same order, their offsets into each sentence. Only the ``passage`` format can."""
        if self.format != "passage":
            raise ValueError("the shipped reader reads sentences one by one; train one that reads passages")
        passage = passage_of(groups)
        encoding = self.tokenizer.encode(question, passage.text)
        start, end, kind = self.session.run(None, model_inputs([encoding]))
        start, end = start[0], end[0]
        offsets = np.asarray(encoding.offsets)
        in_passage = np.array([s == 1 for s in encoding.sequence_ids])
        null = float(start[0] + end[0])
        readings = []
        for a, b in passage.spans:
            inside = in_passage & (offsets[:, 0] >= a) & (offsets[:, 1] <= b) & (offsets[:, 1] > offsets[:, 0])
            first, last = self._best_span(start, end, inside)
            if first < 0:  # cut off by the length limit
                readings.append(Reading(float("-inf"), 0, 0))
                continue
            score = float(start[first] + end[last]) - null
            readings.append(Reading(score, int(offsets[first][0]) - a, int(offsets[last][1]) - a))
        odds = np.exp(kind[0] - kind[0].max())
        return PassageReading(tuple(readings), dict(zip(KINDS, (odds / odds.sum()).tolist(), strict=True)))

    def _best_span(self, start: np.ndarray, end: np.ndarray, context: np.ndarray) -> tuple[int, int]:
        """The (first, last) context tokens maximising start + end logits, at most ``max_answer_tokens`` long."""
        if not context.any():
            return -1, -1
        pairs = start[:, None] + end[None, :]
        n = len(start)
        offset = np.arange(n)[None, :] - np.arange(n)[:, None]
        allowed = context[:, None] & context[None, :] & (offset >= 0) & (offset < self.max_answer_tokens)
        best = int(np.argmax(np.where(allowed, pairs, -np.inf)))
        return divmod(best, n)


@lru_cache(maxsize=2)
def reader(model_path: str, cache_dir: str) -> Reader:
    """One loaded reader per model path and cache directory, per process."""
    return Reader(model_path, cache_dir)
