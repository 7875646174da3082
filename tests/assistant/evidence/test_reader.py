"""The reader model: answer spans cut from the sentence, a score that tells answering sentences apart, its export
and its weights' checks. What the evidence selector and the answerer do with its readings: tests/assistant/."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from safetensors.torch import load_file, save_file

from assistant import Assistant
from assistant.evidence.reader import READER_DIR, Reader, exported_reader, reader_model
from evaluation.metrics import f1
from tests.support import gold_sentence_id

pytestmark = pytest.mark.integration


def test_spans_answer_the_seed_questions_from_their_sentences(seed_reader, seed_questions, seed_sentences) -> None:
    answerable = [q for q in seed_questions if q["answers"] and q.get("kind", "fact") == "fact"]
    scores = []
    for q in answerable:
        sentence = seed_sentences[gold_sentence_id(seed_sentences, q["evidence"])]
        (reading,) = seed_reader.read(q["question"], [sentence])
        assert 0 <= reading.start < reading.end <= len(sentence)
        scores.append(max(f1(sentence[reading.start : reading.end], a) for a in q["answers"]))
    assert sum(scores) / len(scores) >= 0.6, scores


def test_answering_sentences_read_higher_than_others(seed_reader, seed_questions, seed_sentences) -> None:
    """For each seed question, its sentence outscores every sentence of the article that lacks the answer."""
    beaten = total = 0
    for q in (q for q in seed_questions if q["answers"] and q.get("kind", "fact") == "fact"):
        gold = gold_sentence_id(seed_sentences, q["evidence"])
        others = [t for id_, t in seed_sentences.items() if not any(a.lower() in t.lower() for a in q["answers"])]
        gold_reading, *other_readings = seed_reader.read(q["question"], [seed_sentences[gold], *others])
        beaten += sum(r.score < gold_reading.score for r in other_readings)
        total += len(other_readings)
    assert beaten >= 0.95 * total


def test_empty_and_oversized_input(seed_reader) -> None:
    assert seed_reader.read("who?", []) == []
    long = "The Kremlin said no. " * 400  # far past the reader's window: cut, never an error
    (reading,) = seed_reader.read("Who said no?", [long])
    assert 0 <= reading.start < reading.end <= len(long)


def test_reader_loads_at_first_read_or_when_warmed(seed_assistant: Assistant) -> None:
    fresh = Reader(seed_assistant.settings.model, seed_assistant.settings.encoder_cache)
    assert "session" not in vars(fresh)  # making one costs nothing: ingest and stats never read
    assert fresh.load() is fresh and "session" in vars(fresh)
    seed_assistant.warm()
    assert "session" in vars(seed_assistant.parts.selector.reader)


def test_reader_export_is_reused(seed_assistant: Assistant, seed_reader: Reader) -> None:
    file = exported_reader(seed_assistant.settings.model, seed_assistant.settings.encoder_cache)
    assert file == seed_reader.file and file.stat().st_mtime_ns == seed_reader.file.stat().st_mtime_ns


def test_damaged_or_incomplete_reader_weights_are_refused(seed_assistant: Assistant, tmp_path: Path) -> None:
    shutil.copy(READER_DIR / "reader.json", tmp_path)
    shutil.copy(READER_DIR / "reader.safetensors", tmp_path)
    with (tmp_path / "reader.safetensors").open("r+b") as weights:
        weights.seek(-1000, 2)
        weights.write(b"\0" * 1000)
    with pytest.raises(ValueError, match="damaged or replaced"):
        reader_model(seed_assistant.settings.model, tmp_path)
    # A file that matches its description but has no answer head (say, saved from another model) is refused too.
    layers = {k: v for k, v in load_file(READER_DIR / "reader.safetensors").items() if not k.startswith("qa_outputs")}
    save_file(layers, str(tmp_path / "reader.safetensors"))
    config = json.loads((READER_DIR / "reader.json").read_text())
    config["sha256"] = hashlib.sha256((tmp_path / "reader.safetensors").read_bytes()).hexdigest()
    (tmp_path / "reader.json").write_text(json.dumps(config))
    with pytest.raises(ValueError, match="lack qa_outputs"):
        reader_model(seed_assistant.settings.model, tmp_path)
