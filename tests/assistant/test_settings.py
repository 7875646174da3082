"""Settings given in code are validated and coerced exactly like environment values, and a wrong one is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, Settings, SettingsError
from assistant.settings import load_settings


def test_overrides_are_coerced_like_environment_values() -> None:
    settings = Settings().updated(llm_gguf="/models/m.gguf", k="5", reader="false", min_relevance="1.3")
    assert settings.llm_gguf == Path("/models/m.gguf")
    assert (settings.k, settings.reader, settings.min_relevance) == (5, False, 1.3)


def test_an_unknown_setting_is_refused_by_name() -> None:
    with pytest.raises(SettingsError, match="unknown setting.*: kk"):
        Settings().updated(kk=5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"k": 0}, "k = 0: Input should be greater than or equal to 1"),
        ({"encoder": "fast"}, "encoder = 'fast': Input should be 'torch', 'onnx' or 'onnx-int8'"),
        ({"margin": "wide"}, "margin = 'wide': Input should be a valid number"),
    ],
)
def test_a_bad_value_is_refused_naming_the_setting_and_why(change: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings().updated(**change)


def test_environment_values_stay_and_overrides_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWS_ASSISTANT_K", "7")
    assert Settings().k == 7
    assert Settings().updated(margin=0.1).k == 7
    assert Settings().updated(k=2).k == 2


@pytest.mark.integration
def test_an_assistant_takes_overrides_as_the_environment_would(seed_assistant: Assistant) -> None:
    store = seed_assistant.settings.store
    assistant = Assistant(
        store_path=str(store), collection="seed-test", seeds=None, llm="llamacpp", llm_gguf="/no/m.gguf"
    )
    assert assistant.settings.llm_gguf == Path("/no/m.gguf") and assistant.settings.store == store
    assert not assistant.has_llm and "NEWS_ASSISTANT_LLM_GGUF must name a .gguf file" in assistant.llm_problem
    with pytest.raises(SettingsError, match="k = 0"):
        Assistant(store_path=store, collection="seed-test", seeds=None, k=0)


def test_a_bad_environment_variable_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWS_ASSISTANT_K", "0")
    with pytest.raises(SettingsError, match="NEWS_ASSISTANT_K = '0': Input should be greater than or equal to 1"):
        load_settings()
    monkeypatch.delenv("NEWS_ASSISTANT_K")
    assert load_settings() == Settings()
