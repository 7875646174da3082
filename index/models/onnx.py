"""ONNX export and sessions: how a packaged transformer becomes a fast int8 (or fp32) ONNX Runtime model, offline.

sentence-transformers' own ``backend="onnx"`` needs optimum-onnx, whose releases pin transformers < 4.58 (ours is
5.x), so models are exported here with ``torch.onnx`` and, for int8, ONNX Runtime's dynamic quantisation (int8
weights per channel). Exports are written once into a cache directory, never into site-packages, and reused; the
encoder (``index/models/encoder.py``) and the reader (``assistant/evidence/reader.py``) both go through these functions.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_ROOT = Path(__file__).resolve().parents[2]
_QUANTIZER_NOTE = "Please consider to run pre-processing before quantization"
_planned: ContextVar[list[Path] | None] = ContextVar("planned_exports", default=None)


def default_cache_dir() -> Path:
    """``index/.models`` inside a source checkout; the per-user cache directory for an installed package."""
    if (_ROOT / "pyproject.toml").exists():
        return _ROOT / "index" / ".models"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-assistant" / "models"


def file_digest(files: Sequence[Path]) -> str:
    """A short sha256 of the files' contents (missing files skipped), for cache keys that follow the weights."""
    digest = hashlib.sha256()
    for file in files:
        if file.is_file():
            with file.open("rb") as handle:
                for block in iter(lambda h=handle: h.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:12]


def runtime_versions() -> str:
    """The exporting and running libraries' versions: an export is redone when either changes (read from their
    installed metadata: importing PyTorch to ask would cost every start a second)."""
    return f"torch{version('torch').split('+')[0]}-ort{version('onnxruntime')}"


@lru_cache(maxsize=8)
def model_digest(model_path: Path) -> str:
    """The packaged model's weights and configuration digest, computed once per process (its weights are 90 MB)."""
    names = ("config.json", "model.safetensors", "sentence_bert_config.json", "1_Pooling/config.json")
    return file_digest([model_path / n for n in names])


def sample_inputs(model_path: Path, pair: bool = False) -> tuple:
    """Tokenised example inputs (as torch tensors, in ``ONNX_INPUTS`` order) for tracing a BERT export."""
    import torch
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_path))
    texts = ["an example", "a second, longer example"]
    sample = tokenizer(texts, texts[::-1] if pair else None, padding=True)
    return tuple(torch.tensor(sample[name]) for name in ONNX_INPUTS)


def export_onnx(model: Any, args: tuple, outputs: Sequence[str], target: Path, quantize: bool) -> None:
    """Write a transformers BERT model as ``target/model.onnx``, its ``outputs`` (attributes of its output) by name,
    with dynamic batch and sequence axes; int8 weights if ``quantize``."""
    import torch

    try:
        import onnx  # noqa: F401 - the exporter and the quantiser need it
    except ModuleNotFoundError as err:
        raise RuntimeError("exporting ONNX models needs the onnx package (pip install onnx)") from err

    class Outputs(torch.nn.Module):
        """The model called with the inputs by position, returning the named outputs (what the exporter traces)."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN202
            out = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return getattr(out, outputs[0]) if len(outputs) == 1 else tuple(getattr(out, name) for name in outputs)

    fp32 = target / ("model-fp32.onnx" if quantize else "model.onnx")
    dynamic = {name: {0: "batch", 1: "sequence"} for name in (*ONNX_INPUTS, *outputs)}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer notes about python-side shape checks that do not affect BERT
        # The TorchScript exporter: one self-contained file, no onnxscript needed; verified against fp32 in tests.
        torch.onnx.export(
            Outputs().eval(), args, str(fp32), input_names=list(ONNX_INPUTS),
            output_names=list(outputs), dynamic_axes=dynamic, opset_version=14, dynamo=False,
        )  # fmt: skip
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        with _without_quantizer_note():
            quantize_dynamic(str(fp32), str(target / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
        fp32.unlink()


class _LastResort(logging.Handler):
    """Prints what Python prints for an unconfigured root logger (its last-resort handler), and nothing else."""

    def emit(self, record: logging.LogRecord) -> None:
        if logging.lastResort is not None and record.levelno >= logging.lastResort.level:
            logging.lastResort.handle(record)


@contextmanager
def _without_quantizer_note() -> Iterator[None]:
    """Drop ONNX Runtime's advice to pre-process before quantising (we quantise a plain BERT, on purpose as is).

    It is logged on the root logger, and ``logging.warning`` configures an unconfigured root logger for the rest
    of the process, after which every library's DEBUG lines reach the user's terminal; a stand-in handler prevents
    that while it runs.
    """
    root = logging.getLogger()
    stand_in = _LastResort() if not root.handlers else None
    note = logging.Filter()
    note.filter = lambda record: not record.getMessage().startswith(_QUANTIZER_NOTE)  # type: ignore[method-assign]
    if stand_in is not None:
        root.addHandler(stand_in)
    root.addFilter(note)
    try:
        yield
    finally:
        root.removeFilter(note)
        if stand_in is not None:
            root.removeHandler(stand_in)


@contextmanager
def planned_exports() -> Iterator[list[Path]]:
    """Within it, ``cached_export`` exports nothing: it adds the directory of each export it would make to the list
    yielded and returns the file that export would write. Says cheaply, before a first use, that it will export."""
    planned: list[Path] = []
    token = _planned.set(planned)
    try:
        yield planned
    finally:
        _planned.reset(token)


def quiet_transformers() -> None:
    """No "Loading weights" progress bar when transformers loads a model (an export, or the ``torch`` encoder)."""
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()


def cached_export(cache_dir: Path, name: str, build: Callable[[Path], None], source: dict[str, str]) -> Path:
    """``cache_dir/name/model.onnx``, made by ``build(directory)`` on first use and reused afterwards (only
    planned within ``planned_exports``).

    Export goes to a temporary directory beside the final one and is renamed into place, so two processes exporting
    at once both end with one complete copy.
    """
    final = cache_dir / name
    if (final / "model.onnx").is_file():
        return final / "model.onnx"
    planned = _planned.get()
    if planned is not None:
        planned.append(final)
        return final / "model.onnx"
    quiet_transformers()
    cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=cache_dir))
    try:
        work.chmod(0o755)  # readable by other users of a shared cache, like any installed model
        build(work)
        (work / "source.json").write_text(json.dumps(source) + "\n")
        try:
            os.rename(work, final)
        except OSError:  # another process finished first: keep its copy
            if not (final / "model.onnx").is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final / "model.onnx"


def cpu_session(file: Path) -> Any:
    """An ONNX Runtime CPU session for ``file`` whose threads do not spin after each run.

    Spinning threads took the cores from the other session (the reader's stage 38 → 24 ms per question at 10k once
    both stopped spinning); ingestion speed is unchanged (benchmarks/ingest.py).
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(file), options, providers=["CPUExecutionProvider"])
