"""A first use from Python prints nothing the user did not ask for: no library logging, no exporter advice, no
progress bars unless ``progress=True``; the models are exported on this very first use (a new cache)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support import CLI_ENV, ROOT, SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.integration]

FIRST_USE = f"""
from assistant import Assistant
assistant = Assistant(store_path={{store!r}}, seeds=None)
print(assistant.ingest([{str(SEEDS)!r}]).summary())
print(assistant.ask("who rejected foreign troops?").short_answer)
"""


def test_a_first_ingest_and_question_print_only_what_was_asked_for(tmp_path) -> None:
    env = {**os.environ, **CLI_ENV, "NEWS_ASSISTANT_ENCODER_CACHE": str(tmp_path / "models")}
    code = FIRST_USE.format(store=str(tmp_path / "store"))
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "models").is_dir(), "the encoder and the reader were to be exported in this run"
    assert run.stderr == ""
    assert run.stdout == "1 added, 0 replaced, 0 unchanged; 14 sentences added; 1 problem(s)\nThe Kremlin\n"
