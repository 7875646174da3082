"""BM25 indexes saved beside the store: loaded (not rebuilt) by a new process's view, kept in step with writes
without a rebuild in every view, rebuilt only when the save is damaged, and the partial top-n selection agrees with
a full sort."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from assistant import Assistant
from index import lexical
from index.bm25 import top_positions
from index.lexical import LexicalIndexes
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


def test_writes_show_at_once_here_and_within_a_second_in_another_view_with_no_rebuild(
    empty_assistant: Assistant, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry was retired after forty years of service.")
    empty_assistant.ingest([tmp_path / "a.txt"])
    other = LexicalIndexes(empty_assistant.parts.store)  # another process's view, checking every half second
    other.current()
    assert other.loaded_from is not None and other.built_whole == 0
    listed = []  # every article id read: what a catch-up should not need, whatever the size of the store
    store = empty_assistant.parts.store
    monkeypatch.setattr(store, "article_ids", lambda: listed.append(1) or type(store).article_ids(store))
    write(tmp_path / "b.txt", "Rail news\nThe Osprey tram line opens to passengers on Monday.")
    written = time.monotonic()
    empty_assistant.ingest([tmp_path / "b.txt"])
    assert empty_assistant.parts.lexical.current()[0].scores("Osprey tram").max() > 0  # the ingesting view: at once
    while other.current()[0].scores("Osprey tram").max() == 0:
        assert time.monotonic() - written < 1.0, "the other view did not see the new article within a second"
        time.sleep(0.02)
    empty_assistant.delete(next(a.id for a in empty_assistant.articles() if a.title == "Harbour news"))
    deleted = time.monotonic()
    while other.current()[0].scores("Kestrel ferry").max() > 0:
        assert time.monotonic() - deleted < 1.0, "the other view still finds a deleted article after a second"
        time.sleep(0.02)
    assert other.built_whole == 0  # neither view built its indexes from every stored text after the first build
    assert empty_assistant.parts.lexical.built_whole == 1
    assert listed == []  # the articles added since, and the log of deletions, were enough


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
    for array in (saved.loaded_from / "sentences" / "segment").glob("*.npy"):
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


def test_changes_past_a_share_of_the_index_are_merged_and_saved(
    empty_assistant: Assistant, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexical, "MIN_MERGE", 0)  # merge after any change
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry was retired after forty years of service.")
    empty_assistant.ingest([tmp_path / "a.txt"])
    write(tmp_path / "b.txt", "Rail news\nThe Osprey tram line opens to passengers on Monday.")
    empty_assistant.ingest([tmp_path / "b.txt"])  # added to the fresh segment, then merged in the background
    store = empty_assistant.parts.store
    saved = empty_assistant.parts.lexical.saved_at()
    assert saved is not None
    deadline = time.monotonic() + 20
    while (saved / "generation").read_text() != store.generation():
        assert time.monotonic() < deadline, "the merged indexes were never saved"
        time.sleep(0.05)
    reopened = _reopened(empty_assistant)
    sentences, _ = reopened.current()
    assert reopened.loaded_from == saved and reopened.built_whole == 0
    assert sentences.fresh_ids == [] and sentences.alive.all()  # one sealed segment, nothing masked
    assert sentences.scores("Osprey tram").max() > 0 and sentences.scores("Kestrel ferry").max() > 0


def test_an_article_replaced_in_one_write_is_replaced_in_another_view(empty_assistant: Assistant, tmp_path) -> None:
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry was retired after forty years of service.")
    empty_assistant.ingest([tmp_path / "a.txt"])
    other = LexicalIndexes(empty_assistant.parts.store)
    other.current()
    write(tmp_path / "a.txt", "Harbour news\nThe Kestrel ferry returned to service after a refit.")
    assert empty_assistant.ingest([tmp_path / "a.txt"]).replaced == 1  # the old text deleted, the new one added
    written = time.monotonic()
    while other.current()[0].scores("refit").max() == 0:
        assert time.monotonic() - written < 1.0, "the other view did not see the new text within a second"
        time.sleep(0.02)
    assert other.current()[0].scores("retired forty years").max() == 0  # nor does it still find the old one
    assert other.built_whole == 0
