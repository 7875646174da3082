"""The packaged sentence-transformers model run through ONNX Runtime, exported offline from its local weights.

sentence-transformers' own ``backend="onnx"`` needs optimum-onnx, whose releases pin transformers < 4.58 (ours is
5.x), so the export is done here with ``torch.onnx`` and, for ``onnx-int8``, ONNX Runtime's dynamic quantisation
(int8 weights per channel). The files are written once into a cache directory, never into site-packages, and reused.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

ONNX_ENCODERS = ("onnx", "onnx-int8")
# int8 weights through ONNX Runtime: 2.4x torch's encoding speed at the same held-out top-citation accuracy (README).
DEFAULT_ENCODER = "onnx-int8"
ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_ROOT = Path(__file__).resolve().parents[1]


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
    """The exporting and running libraries' versions: an export is redone when either changes."""
    import onnxruntime
    import torch

    return f"torch{torch.__version__.split('+')[0]}-ort{onnxruntime.__version__}"


@lru_cache(maxsize=8)
def model_digest(model_path: Path) -> str:
    """The packaged model's weights and configuration digest, computed once per process (its weights are 90 MB)."""
    names = ("config.json", "model.safetensors", "sentence_bert_config.json", "1_Pooling/config.json")
    return file_digest([model_path / n for n in names])


def _fingerprint(model_path: Path, encoder: str) -> str:
    """A cache key that changes with the weights, the encoder kind and the exporting/running library versions."""
    return f"{model_path.parent.name}-{encoder}-{runtime_versions()}-{model_digest(model_path)}"


def export_onnx(
    module: Any, args: tuple, inputs: Sequence[str], outputs: Sequence[str], target: Path, quantize: bool
) -> None:
    """Write ``module`` as ``target/model.onnx`` with dynamic batch and sequence axes; int8 weights if ``quantize``."""
    import torch

    try:
        import onnx  # noqa: F401 - the exporter and the quantiser need it
    except ModuleNotFoundError as err:
        raise RuntimeError("exporting ONNX models needs the onnx package (pip install onnx)") from err

    fp32 = target / ("model-fp32.onnx" if quantize else "model.onnx")
    dynamic = {name: {0: "batch", 1: "sequence"} for name in (*inputs, *outputs)}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer notes about python-side shape checks that do not affect BERT
        # The TorchScript exporter: one self-contained file, no onnxscript needed; verified against fp32 in tests.
        torch.onnx.export(
            module.eval(), args, str(fp32), input_names=list(inputs),
            output_names=list(outputs), dynamic_axes=dynamic, opset_version=14, dynamo=False,
        )  # fmt: skip
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(target / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
        fp32.unlink()


def sample_inputs(model_path: Path, pair: bool = False) -> tuple:
    """Tokenised example inputs (as torch tensors, in ``ONNX_INPUTS`` order) for tracing a BERT export."""
    import torch
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_path))
    texts = ["an example", "a second, longer example"]
    sample = tokenizer(texts, texts[::-1] if pair else None, padding=True)
    return tuple(torch.tensor(sample[name]) for name in ONNX_INPUTS)


def cached_export(cache_dir: Path, name: str, build: Callable[[Path], None], source: dict[str, str]) -> Path:
    """``cache_dir/name/model.onnx``, made by ``build(directory)`` on first use and reused afterwards.

    Export goes to a temporary directory beside the final one and is renamed into place, so two processes exporting
    at once both end with one complete copy.
    """
    final = cache_dir / name
    if (final / "model.onnx").is_file():
        return final / "model.onnx"
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


def _export_encoder(model_path: Path, target: Path, quantize: bool) -> None:
    """The encoder's ONNX file: BERT's last hidden state, mean-pooled later in numpy."""
    import torch
    from transformers import AutoModel

    # Eager attention exports to the plain MatMul/Softmax pattern that ONNX Runtime fuses and quantises well.
    bert = AutoModel.from_pretrained(str(model_path), attn_implementation="eager").eval()

    class _LastHidden(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN202
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    export_onnx(_LastHidden(bert), sample_inputs(model_path), ONNX_INPUTS, ["last_hidden_state"], target, quantize)


def exported_model(model_path: str | Path, encoder: str, cache_dir: str | Path) -> Path:
    """The ONNX file for ``encoder`` of the model, exported into ``cache_dir`` on first use and reused afterwards."""
    if encoder not in ONNX_ENCODERS:
        raise ValueError(f"unknown ONNX encoder {encoder!r}; use one of {', '.join(ONNX_ENCODERS)}")
    model_path = Path(model_path)
    return cached_export(
        Path(cache_dir),
        _fingerprint(model_path, encoder),
        lambda work: _export_encoder(model_path, work, quantize=encoder == "onnx-int8"),
        {"model": str(model_path), "encoder": encoder},
    )


def cpu_session(file: Path) -> Any:
    """An ONNX Runtime CPU session for ``file`` whose threads do not spin after each run.

    Spinning threads took the cores from the other session (the reader's stage 38 → 24 ms per question at 10k once
    both stopped spinning); ingestion speed is unchanged (benchmarks/ingest.py).
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(file), options, providers=["CPUExecutionProvider"])


class OnnxEncoder:
    """Encodes texts like ``SentenceTransformer.encode`` (same tokenizer, mean pooling, L2 norm) with ONNX Runtime."""

    def __init__(self, model_path: str | Path, encoder: str, cache_dir: str | Path) -> None:
        from transformers import AutoTokenizer

        model_path = Path(model_path)
        self.file = exported_model(model_path, encoder, cache_dir)
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_path))
        config = json.loads((model_path / "sentence_bert_config.json").read_text())
        self.max_seq_length = int(config.get("max_seq_length", 256))
        self.session = cpu_session(self.file)
        self._dimension = int(self.session.get_outputs()[0].shape[-1])

    def get_embedding_dimension(self) -> int:
        return self._dimension

    def encode(self, texts: list[str], batch_size: int = 64, normalize_embeddings: bool = True) -> np.ndarray:
        """Vectors in input order; texts are batched longest first, as sentence-transformers does, to pad little."""
        texts = list(texts)
        order = np.argsort([-len(text) for text in texts], kind="stable")
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for lo in range(0, len(texts), batch_size):
            rows = order[lo : lo + batch_size]
            tokens = self.tokenizer(
                [texts[i] for i in rows],
                padding=True,
                truncation=True,
                max_length=self.max_seq_length,
                return_tensors="np",
            )
            hidden = self.session.run(None, {name: tokens[name].astype(np.int64) for name in ONNX_INPUTS})[0]
            mask = tokens["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            if normalize_embeddings:
                pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[rows] = pooled
        return out
