"""What the reader reads in one pass: the question's candidate sentences, each article's together under its title,
and the network that reads them (the packaged MiniLM with a span head and an answer-kind head).

Reading the candidates together gives each sentence its context: "Sergio Marchionne has replaced Herbert Demel as
chief executive" reads as who is chief executive now, "if the Conservatives won" as a condition, and a pronoun finds
its name in the sentence before. Training (``benchmarks/train_reader.py``) and reading (``assistant.evidence.reader``)
build the text the same way, here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("span", "yes", "no", "none")  # what the question's answer in the passage is: a phrase, yes, no, or nothing
_TITLE_END = ": "
_BETWEEN_ARTICLES = " | "


@dataclass(frozen=True)
class Passage:
    """The text read after the question, and where each candidate sentence is in it (``text[start:end]``)."""

    text: str
    spans: tuple[tuple[int, int], ...]


def passage_of(groups: Sequence[tuple[str, Sequence[str]]]) -> Passage:
    """The passage of ``groups``, each an article's title and its candidate sentences in article order: "Title:
    sentence sentence | Title: sentence"; sentences are numbered in the order given."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for n, (title, sentences) in enumerate(groups):
        lead = (_BETWEEN_ARTICLES if n else "") + (f"{title.strip()}{_TITLE_END}" if title.strip() else "")
        parts.append(lead)
        at += len(lead)
        for i, sentence in enumerate(sentences):
            text = re.sub(r"\s", " ", sentence)  # one character for one: offsets stay the sentence's
            if i:
                parts.append(" ")
                at += 1
            spans.append((at, at + len(text)))
            parts.append(text)
            at += len(text)
    return Passage("".join(parts), tuple(spans))


def reader_net(model_path: str | Path) -> Any:
    """The reader's network, untrained heads on the packaged MiniLM: per-token start and end logits of the answer
    span (token 0, [CLS], meaning no span), and logits over ``KINDS`` from [CLS]. Returns a torch module whose
    ``forward(input_ids, attention_mask, token_type_ids)`` gives ``.start_logits``, ``.end_logits``,
    ``.kind_logits``."""
    import torch
    from safetensors.torch import load_file
    from transformers import BertConfig, BertModel

    class ReaderNet(torch.nn.Module):
        def __init__(self, config: BertConfig) -> None:
            super().__init__()
            self.bert = BertModel(config, add_pooling_layer=False)
            self.qa_outputs = torch.nn.Linear(config.hidden_size, 2)
            self.kind = torch.nn.Linear(config.hidden_size, len(KINDS))

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN202
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            start, end = self.qa_outputs(hidden).unbind(-1)
            return _Outputs(start, end, self.kind(hidden[:, 0]))

    model_path = Path(model_path)
    net = ReaderNet(BertConfig.from_pretrained(str(model_path), attn_implementation="eager"))
    packaged = load_file(model_path / "model.safetensors")
    wanted = net.bert.state_dict()
    net.bert.load_state_dict({k: v for k, v in packaged.items() if k in wanted}, strict=False)
    return net


@dataclass
class _Outputs:
    start_logits: Any
    end_logits: Any
    kind_logits: Any
