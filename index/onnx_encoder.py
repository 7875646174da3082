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
from functools import lru_cache
from pathlib import Path

import numpy as np

ONNX_ENCODERS = ("onnx", "onnx-int8")
# int8 weights through ONNX Runtime: 2.4x torch's encoding speed at the same held-out top-citation accuracy (README).
DEFAULT_ENCODER = "onnx-int8"
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_ROOT = Path(__file__).resolve().parents[1]


def default_cache_dir() -> Path:
    """``index/.models`` inside a source checkout; the per-user cache directory for an installed package."""
    if (_ROOT / "pyproject.toml").exists():
        return _ROOT / "index" / ".models"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-assistant" / "models"


@lru_cache(maxsize=8)
def _fingerprint(model_path: Path, encoder: str) -> str:
    """A cache key that changes with the weights, the encoder kind and the exporting/running library versions."""
    import onnxruntime
    import torch

    digest = hashlib.sha256()
    for name in ("config.json", "model.safetensors", "sentence_bert_config.json", "1_Pooling/config.json"):
        file = model_path / name
        if file.is_file():
            with file.open("rb") as handle:
                for block in iter(lambda h=handle: h.read(1 << 20), b""):
                    digest.update(block)
    versions = f"torch{torch.__version__.split('+')[0]}-ort{onnxruntime.__version__}"
    return f"{model_path.parent.name}-{encoder}-{versions}-{digest.hexdigest()[:12]}"


def _export(model_path: Path, target: Path, quantize: bool) -> None:
    """Write ``model.onnx`` (mean-pooled later in numpy) into ``target``; int8 weights if ``quantize``."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    try:
        import onnx  # noqa: F401 - the exporter and the quantiser need it
    except ModuleNotFoundError as err:
        raise RuntimeError("the ONNX encoders need the 'fast' extra: pip install 'news-assistant[fast]'") from err

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

    sample = AutoTokenizer.from_pretrained(str(model_path))(["an example", "a second, longer example"], padding=True)
    args = tuple(torch.tensor(sample[name]) for name in _INPUTS)
    fp32 = target / ("model-fp32.onnx" if quantize else "model.onnx")
    dynamic = {name: {0: "batch", 1: "sequence"} for name in (*_INPUTS, "last_hidden_state")}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer notes about python-side shape checks that do not affect BERT
        # The TorchScript exporter: one self-contained file, no onnxscript needed; verified against fp32 in tests.
        torch.onnx.export(
            _LastHidden(bert).eval(), args, str(fp32), input_names=list(_INPUTS),
            output_names=["last_hidden_state"], dynamic_axes=dynamic, opset_version=14, dynamo=False,
        )  # fmt: skip
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(target / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
        fp32.unlink()


def exported_model(model_path: str | Path, encoder: str, cache_dir: str | Path) -> Path:
    """The ONNX file for ``encoder`` of the model, exported into ``cache_dir`` on first use and reused afterwards.

    Export goes to a temporary directory beside the final one and is renamed into place, so two processes exporting
    at once both end with one complete copy.
    """
    if encoder not in ONNX_ENCODERS:
        raise ValueError(f"unknown ONNX encoder {encoder!r}; use one of {', '.join(ONNX_ENCODERS)}")
    model_path, cache_dir = Path(model_path), Path(cache_dir)
    final = cache_dir / _fingerprint(model_path, encoder)
    if (final / "model.onnx").is_file():
        return final / "model.onnx"
    cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=cache_dir))
    try:
        work.chmod(0o755)  # readable by other users of a shared cache, like any installed model
        _export(model_path, work, quantize=encoder == "onnx-int8")
        (work / "source.json").write_text(json.dumps({"model": str(model_path), "encoder": encoder}) + "\n")
        try:
            os.rename(work, final)
        except OSError:  # another process finished first: keep its copy
            if not (final / "model.onnx").is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final / "model.onnx"


class OnnxEncoder:
    """Encodes texts like ``SentenceTransformer.encode`` (same tokenizer, mean pooling, L2 norm) with ONNX Runtime."""

    def __init__(self, model_path: str | Path, encoder: str, cache_dir: str | Path) -> None:
        import onnxruntime
        from transformers import AutoTokenizer

        model_path = Path(model_path)
        self.file = exported_model(model_path, encoder, cache_dir)
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_path))
        config = json.loads((model_path / "sentence_bert_config.json").read_text())
        self.max_seq_length = int(config.get("max_seq_length", 256))
        self.session = onnxruntime.InferenceSession(str(self.file), providers=["CPUExecutionProvider"])
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
            hidden = self.session.run(None, {name: tokens[name].astype(np.int64) for name in _INPUTS})[0]
            mask = tokens["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            if normalize_embeddings:
                pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[rows] = pooled
        return out
