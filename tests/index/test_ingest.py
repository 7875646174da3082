"""Ingestion into a real Chroma store: idempotent, replacing changed files, skipping duplicates, mismatch refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from index.store import SentenceStore, StoreMismatchError
from tests.support import SEED_ARTICLE, SEEDS, write


def test_seed_ingest_twice_keeps_counts(empty_assistant: Assistant) -> None:
    first = empty_assistant.ingest([SEEDS])
    counts = empty_assistant.parts.store.count()
    second = empty_assistant.ingest([SEEDS])
    assert (first.added, first.sentences_added) == (1, 14)
    assert (second.added, second.skipped, second.sentences_added) == (0, 1, 0)
    assert empty_assistant.parts.store.count() == counts == (1, 14)


def test_duplicate_under_another_name_is_skipped(empty_assistant: Assistant, tmp_path: Path) -> None:
    copy = write(tmp_path / "copy.txt", SEED_ARTICLE.read_text(encoding="utf-8"))
    report = empty_assistant.ingest([SEED_ARTICLE, copy])
    assert (report.added, report.skipped) == (1, 0)
    assert report.duplicates == [f"{copy.resolve()}: the same text as {SEED_ARTICLE.resolve()}"]
    assert "1 given twice (not added again)" in report.summary()
    assert empty_assistant.ingest([copy]).skipped == 1
    assert empty_assistant.parts.store.count() == (1, 14)


def test_changed_file_replaces_its_old_sentences(empty_assistant: Assistant, tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "The mayor opened a bridge. It is long.")
    empty_assistant.ingest([path])
    write(path, "The mayor closed the bridge. Repairs start in May. Traffic is diverted.")
    report = empty_assistant.ingest([path])
    assert (report.added, report.replaced) == (0, 1)
    assert empty_assistant.parts.store.count() == (1, 3)
    answer = empty_assistant.ask("When do repairs start?")
    assert "Repairs start in May." in answer.citations[0].sentence


def test_bad_files_are_reported_and_good_ones_ingested(empty_assistant: Assistant, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    write(tmp_path / "good.txt", "A good story about the harbour.")
    report = empty_assistant.ingest([tmp_path])
    assert report.added == 1
    assert len(report.errors) == 1 and "bad.txt" in report.errors[0]


def test_a_text_with_no_sentence_is_reported_not_stored_and_the_others_are(
    empty_assistant: Assistant, tmp_path: Path
) -> None:
    """Found by hypothesis: a text of one symbol has no sentence, so no vector, and its article row crashed Chroma."""
    write(tmp_path / "symbol.txt", "☇")
    write(tmp_path / "good.txt", "A good story about the harbour.")
    report = empty_assistant.ingest([tmp_path])
    assert report.added == 1
    assert len(report.errors) == 1 and "symbol.txt: no sentence to index" in report.errors[0]
    assert empty_assistant.parts.store.count() == (1, 1)


def test_store_built_with_another_splitter_is_refused(seed_assistant: Assistant, monkeypatch) -> None:
    import index.store.collection

    monkeypatch.setattr(index.store.collection, "SPLITTER_VERSION", "another-splitter")
    with pytest.raises(StoreMismatchError, match="reindex"):
        SentenceStore(seed_assistant.settings.store, "seed-test", seed_assistant.settings.model)
