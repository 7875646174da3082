"""The packaged local model: parts joined once into the cache and checked by sha256, a clear error when they are
missing or wrong, and threads chosen for the machine (fake parts: small files in throwaway packages)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.llm import backends
from assistant.llm.backends import LLMUnavailable, build_llm
from assistant.llm.local import LocalModelMissing, PackagedGGUF, threads_for_machine
from assistant.settings import Settings

CHUNKS = [b"GGUF" + b"a" * 100, b"b" * 50, b"c" * 7]


def _packages(root: Path, prefix: str, chunks: list[bytes]) -> PackagedGGUF:
    """Packages ``<prefix>1`` … on ``root``, each holding one chunk as ``data/partNN.bin``, and their spec."""
    parts = []
    for i, chunk in enumerate(chunks, start=1):
        package = root / f"{prefix}{i}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{i:02d}.bin").write_bytes(chunk)
        parts.append((f"{prefix}{i}", f"part{i:02d}.bin"))
    whole = b"".join(chunks)
    return PackagedGGUF("tiny", tuple(parts), len(whole), hashlib.sha256(whole).hexdigest())


@pytest.fixture
def packaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PackagedGGUF:
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    return _packages(tmp_path / "site", f"fake_part_{tmp_path.name}_", CHUNKS)


def test_the_parts_are_joined_in_order_once_and_checked(packaged: PackagedGGUF, tmp_path: Path) -> None:
    model = packaged.assemble(tmp_path / "cache")
    assert model.read_bytes() == b"".join(CHUNKS) and model.name == "tiny.gguf"
    for file in packaged.part_files():  # a second use finds the checked file without reading the parts
        file.unlink()
    assert packaged.assemble(tmp_path / "cache") == model
    assert sorted(p.name for p in model.parent.iterdir()) == ["tiny.gguf", "tiny.sha256"]


def test_a_missing_part_names_the_install_command(packaged: PackagedGGUF, tmp_path: Path) -> None:
    missing = PackagedGGUF("tiny", (*packaged.parts, ("no_such_part_module", "part04.bin")), 1, "0")
    with pytest.raises(LocalModelMissing, match=r"no_such_part_module is missing.*pip install -e '\.\[local-llm\]'"):
        missing.assemble(tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_parts_that_make_another_file_are_refused_and_leave_nothing(packaged: PackagedGGUF, tmp_path: Path) -> None:
    wrong = PackagedGGUF("tiny", packaged.parts, packaged.size, "0" * 64)
    with pytest.raises(LocalModelMissing, match="not 0000"):
        wrong.assemble(tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_cached_file_of_the_wrong_size_is_made_again(packaged: PackagedGGUF, tmp_path: Path) -> None:
    model = packaged.assemble(tmp_path / "cache")
    model.write_bytes(b"truncated")
    assert packaged.assemble(tmp_path / "cache").read_bytes() == b"".join(CHUNKS)


def test_the_local_backend_without_its_parts_says_how_to_install_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("llama_cpp", reason="the backend checks llama.cpp first")
    monkeypatch.setattr(backends, "QWEN_CODER_1_5B", PackagedGGUF("x", (("no_such_part_module", "p.bin"),), 1, "0"))
    with pytest.raises(LLMUnavailable, match=r"local-llm"):
        build_llm(Settings(llm="local", encoder_cache=tmp_path))


def test_threads_follow_the_cores() -> None:
    assert 1 <= threads_for_machine() <= len(os.sched_getaffinity(0))


class _Tokenizing:
    """The llama.cpp client's tokenizer, as the packaged model's vocabulary has these words."""

    def tokenize(self, text: bytes, add_bos: bool, special: bool) -> list[int]:
        return [{b"Yes": 9454, b"Unknown": 13790}[text]]


def test_the_yes_no_judge_takes_the_packaged_models_leans_off_its_one_word() -> None:
    model = FakeListChatModel(responses=["No"])
    object.__setattr__(model, "client", _Tokenizing())
    judge = backends.judging(model, Settings(llm="local", llm_yes_bias=0.5, llm_unknown_bias=3.0))
    assert judge.kwargs == {"logit_bias": {9454: -0.5, 13790: -3.0}, "max_tokens": 3}  # type: ignore[attr-defined]
    assert backends.judging(model, Settings(llm="ollama")) is model  # another model's words are not known here
