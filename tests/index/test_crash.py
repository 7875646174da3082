"""Crash safety: an ingest killed with SIGKILL leaves a consistent index, and running it again completes the work.

An article's row is written after its sentences, so a crash can leave sentences without their article (orphans);
retrieval never answers from them and the next ingest removes them.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant
from index.clean import clean
from index.load import RawDocument
from index.sentences import SentenceSplitter
from index.store import EmbeddedArticle, SentenceStore, read_all
from tests.support import CLI, CLI_ENV, KREMLIN, SEED_QUESTION, SEEDS, generated_articles, run_cli, write, write_jsonl

ARTICLES = 300


def _consistency(store: SentenceStore) -> dict[str, int]:
    """Check that every stored article has exactly its sentences, once each; count what else there is."""
    articles = read_all(store.articles, ["metadatas"])
    sentences = read_all(store.sentences, ["metadatas"])
    per_article = Counter(m["article_id"] for m in sentences["metadatas"])
    indexes = Counter((m["article_id"], m["index"]) for m in sentences["metadatas"])
    assert max(indexes.values(), default=1) == 1, "a sentence is stored twice"
    for article_id, meta in zip(articles["ids"], articles["metadatas"], strict=True):
        assert per_article[article_id] == meta["sentences"], f"article {article_id} is incomplete"
    orphans = set(per_article) - set(articles["ids"])
    return {
        "articles": len(articles["ids"]),
        "sentences": len(sentences["ids"]),
        "orphan_articles": len(orphans),
        "orphan_sentences": sum(per_article[a] for a in orphans),
    }


def _expected_sentences(records: list[dict[str, str]]) -> int:
    splitter = SentenceSplitter()
    return sum(len(splitter.split(clean(RawDocument(text=r["text"], source="x")).text)) for r in records)


def _kill_after_first_batch(store: Path, feed: Path) -> str:
    """Start ``news-assistant ingest`` and SIGKILL it once its progress bar shows the first batch written."""
    proc = subprocess.Popen(
        [CLI, "--store", store, "--demo", "ingest", feed],  # the demo article first, then the feed
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **CLI_ENV},
    )
    seen, deadline = b"", time.monotonic() + 240
    os.set_blocking(proc.stderr.fileno(), False)
    while not any(int(done) >= 64 for done in re.findall(rb"\| *(\d+)/%d " % ARTICLES, seen)):
        assert proc.poll() is None, f"ingest ended before it could be killed: {seen.decode()[-500:]}"
        assert time.monotonic() < deadline, "no progress from ingest"
        seen += proc.stderr.read() or b""
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return seen.decode(errors="replace").rsplit("\r", 1)[-1]


def _copy(store: Path, to: Path) -> Path:
    """A copy of a store that this process or another may open (an open store stays locked by its process)."""
    return Path(shutil.copytree(store, to, ignore=shutil.ignore_patterns("*.lock")))


@pytest.fixture(scope="module")
def crash_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A 300-article ingest killed after its first batch, then run again to the end; copies of the store taken
    after the kill and after the rerun."""
    tmp = tmp_path_factory.mktemp("crash")
    records = generated_articles(ARTICLES, tag="k")
    feed = write_jsonl(tmp / "feed.jsonl", records)
    store = tmp / "store"
    progress = _kill_after_first_batch(store, feed)
    after_kill = _copy(store, tmp / "after-kill")
    rerun = run_cli("--store", store, "ingest", feed)
    completed = _copy(store, tmp / "completed")
    return {
        "records": records,
        "progress": progress,
        "after_kill": after_kill,
        "rerun": rerun,
        "store": store,
        "completed": completed,
    }


@pytest.mark.slow
@pytest.mark.integration
def test_sigkill_during_ingest_leaves_a_consistent_index_and_the_rerun_completes(crash_run: dict) -> None:
    records, progress = crash_run["records"], crash_run["progress"]
    crashed = Assistant(store_path=crash_run["after_kill"], collection="news", seeds=None)
    state = _consistency(crashed.parts.store)
    assert 1 + 64 <= state["articles"] < 1 + ARTICLES, (progress, state)
    answer = crashed.ask(SEED_QUESTION)
    assert answer.citations[0].sentence.startswith(KREMLIN)
    stored_ids = set(read_all(crashed.parts.store.articles, [])["ids"])
    for record in records[::15]:
        for citation in crashed.ask(f"How much would plan {record['id']} cost?").citations:
            assert citation.article_id in stored_ids, "an answer cited an article that was never completed"
            article = crashed.parts.store.article(citation.article_id)
            assert article.text[citation.start : citation.end] == citation.sentence

    result = crash_run["rerun"]
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    added = int(result.stdout.split(" added")[0])
    assert added == 1 + ARTICLES - state["articles"], result.stdout
    final = _consistency(SentenceStore(crash_run["store"], "news", crashed.settings.model))
    assert final == {
        "articles": 1 + ARTICLES,
        "sentences": 14 + _expected_sentences(records),
        "orphan_articles": 0,
        "orphan_sentences": 0,
    }
    print(f"killed at {progress.strip()!r}; after the kill {state}; the rerun added {added}; final {final}")


@pytest.mark.slow
@pytest.mark.integration
def test_damaged_vector_index_is_refused_with_the_way_out(crash_run: dict, tmp_path: Path) -> None:
    store = _copy(crash_run["completed"], tmp_path / "store")
    segments = sorted(store.glob("*/data_level0.bin"), key=lambda p: p.stat().st_size)
    assert segments and segments[-1].stat().st_size > 1_000_000, "over Chroma's sync threshold the index is on disk"
    with segments[-1].open("r+b") as f:
        f.truncate(1000)
    result = run_cli("--store", store, "ask", SEED_QUESTION)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert re.search(rf"error: the store {re.escape(str(store))} (cannot|could not) be read \(", result.stderr)
    assert re.search(rf"rebuild it with `news-assistant --store {re.escape(str(store))}.* reindex`", result.stderr)
    assert "data_level0.bin holds 1,000 bytes" in result.stderr, result.stderr

    rebuilt = run_cli("--store", store, "reindex")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert f"rebuilt {store}: {1 + ARTICLES} articles" in rebuilt.stdout, rebuilt.stdout
    answer = run_cli("--store", store, "ask", SEED_QUESTION)
    assert answer.returncode == 0 and KREMLIN in answer.stdout, answer.stderr


def test_orphan_sentences_are_never_cited_and_the_next_ingest_removes_them(
    empty_assistant: Assistant, tmp_path: Path
) -> None:
    empty_assistant.ingest([SEEDS])
    path = write(tmp_path / "heron.txt", "Heron count\nVolunteers counted 212 grey herons along the Lune estuary.\n")
    article = clean(RawDocument(text=path.read_text(), source=str(path)))
    sentences = SentenceSplitter().split(article.text)
    vectors = np.asarray(empty_assistant.parts.store.ef([s.text for s in sentences]), dtype=np.float32)
    empty_assistant.parts.store.write([EmbeddedArticle(article, sentences, vectors)])
    empty_assistant.parts.store.articles.delete(ids=[article.id])  # the state a crash between the two writes leaves
    empty_assistant.parts.lexical.invalidate()
    assert len(empty_assistant.parts.store.orphan_sentences()) == 2

    answer = empty_assistant.ask("How many grey herons did volunteers count along the Lune estuary?")
    assert answer.abstained or all(c.article_id != article.id for c in answer.citations)

    report = empty_assistant.ingest([path])
    assert (report.added, report.sentences_added) == (1, 2)
    assert empty_assistant.parts.store.orphan_sentences() == []
    assert empty_assistant.parts.store.count() == (2, 16)
    answer = empty_assistant.ask("How many grey herons did volunteers count along the Lune estuary?")
    assert answer.citations[0].sentence == "Volunteers counted 212 grey herons along the Lune estuary."


def test_the_next_ingest_removes_what_an_interrupted_write_left_without_a_full_scan(
    empty_assistant: Assistant, tmp_path: Path
) -> None:
    store = empty_assistant.parts.store
    path = write(tmp_path / "heron.txt", "Heron count\nVolunteers counted 212 grey herons along the Lune estuary.\n")
    article = clean(RawDocument(text=path.read_text(), source=str(path)))
    sentences = SentenceSplitter().split(article.text)
    store.write(
        [EmbeddedArticle(article, sentences, np.asarray(store.ef([s.text for s in sentences]), dtype=np.float32))]
    )
    # The state a crash between the sentence and article writes leaves: sentences, no article row, and the
    # article still recorded as being written.
    store.articles.delete(ids=[article.id])
    store.marks.mark(writing=[article.id])
    assert len(store.orphan_sentences()) == 2

    other = write(tmp_path / "tern.txt", "Tern count\nVolunteers counted 40 arctic terns on the Farne Islands.\n")
    report = empty_assistant.ingest([other])  # a different article: the orphans are not overwritten, but removed
    assert report.added == 1
    assert store.orphan_sentences() == []
    assert store.count() == (1, 2)
