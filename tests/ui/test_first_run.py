"""A first ``make run`` says what it is doing: ``news-assistant ui`` names each step of starting as it begins and
gives its time as it ends, the once-only ones (exporting the models, indexing the demo article) only when they
happen, then where it serves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.build import models_to_prepare
from assistant.settings import load_settings
from index.models.onnx import cached_export, planned_exports
from tests.support import ui_server
from ui.serve import phase

TIMED = re.compile(r"^(?P<name>[^…\n]+)… (?P<seconds>\d+\.\d) s$")


def test_a_phase_says_its_name_as_it_begins_and_its_time_as_it_ends(capsys: pytest.CaptureFixture[str]) -> None:
    clock = iter([10.0, 16.125]).__next__
    with phase("Indexing the demo article", clock=clock):
        assert capsys.readouterr().out == "Indexing the demo article… ", "said before the step runs"
    assert capsys.readouterr().out == "6.1 s\n"


def test_a_phase_that_fails_ends_its_line_for_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(OSError, match="disk full"), phase("Opening the store"):
        raise OSError("disk full")
    assert capsys.readouterr().out == "Opening the store… \n"


def test_planned_exports_are_listed_and_not_made(tmp_path: Path) -> None:
    def build(work: Path) -> None:
        (work / "model.onnx").write_text("exported")

    with planned_exports() as planned:
        file = cached_export(tmp_path, "encoder", build, {})
    assert planned == [tmp_path / "encoder"] and file == tmp_path / "encoder" / "model.onnx"
    assert not file.exists(), "nothing is exported while planning"

    assert cached_export(tmp_path, "encoder", build, {}).read_text() == "exported"
    with planned_exports() as planned:
        cached_export(tmp_path, "encoder", build, {})
    assert planned == [], "an export in the cache is not planned again"


def test_the_models_to_prepare_are_found_without_exporting_them(tmp_path: Path) -> None:
    cache = tmp_path / "models"
    fresh = load_settings().updated(encoder="onnx-int8", reader=True, encoder_cache=cache)
    planned = models_to_prepare(fresh)
    assert [p.parent for p in planned] == [cache, cache] and len(set(planned)) == 2  # the encoder and the reader
    assert not cache.exists()
    assert models_to_prepare(fresh.updated(encoder="torch", reader=False)) == [], "nothing to export for torch"


@pytest.mark.slow
@pytest.mark.integration
def test_the_first_start_names_each_step_with_its_time_and_a_second_skips_the_once_only_ones(tmp_path: Path) -> None:
    store, env = tmp_path / "store", {"NEWS_ASSISTANT_ENCODER_CACHE": str(tmp_path / "models")}
    with ui_server(store, tmp_path / "first.log", env=env) as url:
        first = (tmp_path / "first.log").read_text()
    assert _steps(first, url) == [
        "Preparing the models (once)",
        "Opening the store",
        "Indexing the demo article",
        "Loading the reader",
    ], first
    assert f"Serving at {url.rstrip('/')} (1 article; " in first and first.count("Serving at") == 1, first
    assert len(list((tmp_path / "models").glob("*/model.onnx"))) == 2, "the encoder and the reader were exported"

    with ui_server(store, tmp_path / "again.log", env=env) as url:
        again = (tmp_path / "again.log").read_text()
    assert _steps(again, url) == ["Opening the store", "Loading the reader"], again


def _steps(log: str, url: str) -> list[str]:
    """The timed steps said before the serving line (which must end them, ``— Ctrl-C to stop``)."""
    lines = log.splitlines()
    serving = next(i for i, line in enumerate(lines) if line.startswith(f"Serving at {url.rstrip('/')} ("))
    assert lines[serving].endswith(") — Ctrl-C to stop"), lines[serving]
    timed = [TIMED.match(line) for line in lines[:serving]]
    assert all(timed), f"every line before serving is a step with its time: {lines[:serving]}"
    return [m["name"] for m in timed if m]
