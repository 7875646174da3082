"""BM25 indexes saved beside the store: loaded (not rebuilt) by a new process's view, rebuilt when the store changes
or the save is damaged, and the partial top-n selection agrees with a full sort."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from assistant import Assistant
from index.lexical import LexicalIndexes, top_positions
from tests.support import write

pytestmark = pytest.mark.integration


def _reopened(assistant: Assistant) -> LexicalIndexes:
    """The indexes as a new process would see them: a fresh LexicalIndexes on the same collection."""
    return LexicalIndexes(assistant.parts.store)


def test_saved_indexes_are_loaded_not_rebuilt(empty_assistant: Assistant, tmp_path) -> None:
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry was retired after forty years of service.")
    empty_assistant.ingest([tmp_path / "a.txt"])
    sentences, _ = empty_assistant.parts.lexical.current()
    assert empty_assistant.parts.lexical.loaded_from is None  # built here, then saved
    again = _reopened(empty_assistant)
    loaded, _ = again.current()
    assert again.loaded_from is not None and (again.loaded_from / "complete").exists()
    assert loaded.ids == sentences.ids
    np.testing.assert_allclose(loaded.scores("Kestrel ferry"), sentences.scores("Kestrel ferry"))
    assert loaded.scores("Kestrel ferry").max() > 0


def test_changes_show_at_once_here_and_soon_in_another_view(empty_assistant: Assistant, tmp_path) -> None:
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry was retired after forty years of service.")
    empty_assistant.ingest([tmp_path / "a.txt"])
    other = LexicalIndexes(empty_assistant.parts.store, recheck_seconds=0.0)  # e.g. another process on a Chroma server
    other.current()
    old_save = other.loaded_from
    assert old_save is not None
    write(tmp_path / "b.txt", "Rail news\nThe Osprey tram line opens to passengers on Monday.")
    empty_assistant.ingest([tmp_path / "b.txt"])
    assert empty_assistant.parts.lexical.current()[0].scores("Osprey tram").max() > 0  # the ingesting view: at once
    assert not old_save.exists()  # replaced by the new state's save
    deadline = time.monotonic() + 20
    while other.current()[0].scores("Osprey tram").max() == 0:  # the other view: after its background check
        assert time.monotonic() < deadline, "the other view never saw the new article"
        time.sleep(0.05)
    assert other.loaded_from is not None and other.loaded_from != old_save


def test_a_crashed_saves_scratch_directory_is_removed_once_abandoned(empty_assistant: Assistant, tmp_path) -> None:
    home = empty_assistant.parts.store.path / "bm25" / empty_assistant.parts.store.collection
    home.mkdir(parents=True, exist_ok=True)
    crashed, saving = home / ".0123456789abcdef-crashed", home / ".0123456789abcdef-saving"
    for scratch in (crashed, saving):
        (scratch / "sentences").mkdir(parents=True)
    os.utime(crashed, (time.time() - 2 * 3600,) * 2)
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry was retired after forty years of service.")
    empty_assistant.ingest([tmp_path / "a.txt"])
    empty_assistant.parts.lexical.current()  # builds and saves the new state
    assert not crashed.exists()
    assert saving.exists(), "a recent scratch directory may be another process's save in progress"
    assert any((saved / "complete").exists() for saved in home.iterdir())


def test_a_damaged_save_is_rebuilt(empty_assistant: Assistant, tmp_path) -> None:
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry was retired after forty years of service.")
    empty_assistant.ingest([tmp_path / "a.txt"])
    empty_assistant.parts.lexical.current()
    saved = _reopened(empty_assistant)
    saved.current()
    for array in (saved.loaded_from / "sentences" / "bm25").glob("*.npy"):
        array.write_bytes(b"not an array")
    again = _reopened(empty_assistant)
    sentences, _ = again.current()
    assert again.loaded_from is None
    assert sentences.scores("Kestrel ferry").max() > 0


@given(
    arrays(np.float32, st.integers(0, 300), elements=st.floats(-1, 50, width=32)),
    st.integers(1, 60),
)
def test_top_positions_match_a_full_sort(scores: np.ndarray, n: int) -> None:
    got = top_positions(scores, n)
    expected = [i for i in np.argsort(-scores, kind="stable") if scores[i] > 0][:n]
    assert sorted(scores[got].tolist(), reverse=True) == scores[got].tolist()
    assert scores[got].tolist() == scores[expected].tolist()
