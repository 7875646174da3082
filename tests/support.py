"""What tests share besides fixtures: the seed's paths and facts, the real CLI and servers, generated articles."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "kremlin-foreign-troops.txt"
SEED_QUESTION = "who rejected foreign troops?"
KREMLIN = "The Kremlin has dismissed proposals for foreign troops"
CLI = Path(sys.executable).with_name("news-assistant")
CLI_ENV = {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}


def gold_sentence_id(sentences: dict[str, str], evidence: str) -> str:
    """The id of the sentence holding ``evidence``."""
    return next(id_ for id_, text in sentences.items() if evidence in text)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(*args: str | Path, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 300):
    """Run the real ``news-assistant`` entry point in a subprocess; returns the CompletedProcess (text)."""
    return subprocess.run(
        [CLI, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **CLI_ENV, **(env or {})},
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(
    command: list, log: Path, ready_url: str, env: dict[str, str] | None = None, timeout: float = 120
) -> Iterator[subprocess.Popen]:
    """A real server process, started, waited for until ``ready_url`` answers, and stopped afterwards."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(part) for part in command], stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(ready_url, timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    pytest.fail(f"{command[0]} did not serve {ready_url}: {log.read_text()}")
                time.sleep(0.3)
        try:
            yield proc
        finally:
            proc.terminate()
            proc.wait(timeout=20)


@contextmanager
def ui_server(
    store: Path, log: Path, collection: str = "ui-test", env: dict[str, str] | None = None, args: Sequence[str] = ()
) -> Iterator[str]:
    """The real ``news-assistant ui`` (with ``args``) on a free port (seeds indexed on start); yields its 127.0.0.1
    URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [CLI, "--store", store, "--collection", collection, "--demo", "ui", "--port", str(port), *args]
    with serving(command, log, url, env={**CLI_ENV, **(env or {})}):
        yield url


TOWNS = ["Arnfell", "Brackwater", "Corrin", "Dunmere", "Elsby", "Fenwick", "Garrow", "Hollin", "Ivesby", "Jarrow"]
THINGS = ["bridge", "library", "tram line", "harbour wall", "school", "clinic", "market hall", "reservoir"]


def generated_articles(count: int, tag: str = "") -> list[dict[str, str]]:
    """``count`` distinct small local-news articles (five sentences each) as JSONL records."""
    records = []
    for n in range(count):
        town, thing = TOWNS[n % len(TOWNS)], THINGS[n % len(THINGS)]
        text = (
            f"The {town} council approved plan {tag}{n} for a new {thing} on Tuesday.\n"
            f"Councillor Ada Brook{n} said the {thing} would cost {n + 3} million crowns. "
            f"Work is due to start in spring and to last {n % 11 + 2} months. "
            f"Residents of {town} asked for quieter building hours.\n"
            f"The vote passed by {n % 7 + 5} votes to {n % 4}."
        )
        records.append({"id": f"{tag}{n}", "title": f"{town} {thing} plan {tag}{n}", "text": text})
    return records


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    return write(path, "".join(json.dumps(r) + "\n" for r in records))
