"""Property-based tests (hypothesis): sentence offsets, loading and ingestion idempotence hold for generated text,
not just for the examples we thought of. Example counts are kept small so the suite stays quick; the embedding
model is the session's (no new model load). The citation invariants are in tests/assistant/."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.clean import clean
from index.ingest import Ingestor
from index.load import LoadError, RawDocument, load_file
from index.sentences import SentenceSplitter
from index.store import SentenceStore
from tests.news_strategies import article_texts, texts, write_articles

SPLITTER = SentenceSplitter()


def _assert_exact_sentences(text: str) -> None:
    sentences = SPLITTER.split(text)
    end = 0
    for n, s in enumerate(sentences):
        assert s.index == n
        assert text[s.start : s.end] == s.text, "offsets must slice the sentence out of the text"
        assert s.text and s.text == s.text.strip() and "\n" not in s.text
        assert s.start >= end, "sentences must be in order and not overlap"
        end = s.end
    covered = {i for s in sentences for i in range(s.start, s.end)}
    lost = [ch for i, ch in enumerate(text) if ch.isalnum() and i not in covered]
    assert not lost, f"letters or digits outside every sentence: {lost}"


@settings(max_examples=150, deadline=None)
@given(texts)
def test_sentence_offsets_slice_the_text(text: str) -> None:
    _assert_exact_sentences(text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_cleaned_article_sentences_slice_the_stored_text(text: str) -> None:
    try:
        article = clean(RawDocument(text=text, source="generated.txt"))
    except LoadError as err:
        assert "no article text left after cleaning" in str(err)
        return
    assert article.text == article.text.strip() and "\n\n" not in article.text
    _assert_exact_sentences(article.text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "title", "x"]), inner),
    max_leaves=6,
)
jsonl_lines = st.lists(
    st.one_of(
        st.dictionaries(st.sampled_from(["text", "title", "author", "date", "url", "id"]), json_values).map(json.dumps),
        st.text(max_size=30),
    ),
    max_size=6,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=jsonl_lines)
def test_any_jsonl_loads_or_is_refused_with_a_load_error(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines), encoding="utf-8")
    try:
        loaded = load_file(path)
    except LoadError as err:
        assert str(path) in str(err)
        return
    for doc in loaded.documents:
        assert isinstance(doc.text, str) and doc.text.strip()
        assert all(v is None or isinstance(v, str) for v in (doc.title, doc.author, doc.date, doc.url))
    for problem in loaded.problems:
        assert re.match(rf"{re.escape(str(path))}:\d+: ", problem)


@settings(max_examples=12, deadline=None)
@given(article_texts)
def test_ingesting_the_same_articles_twice_changes_nothing(scratch: tuple[Path, Path, str], texts: list[str]) -> None:
    store_path, files, model = scratch
    folder = write_articles(files / uuid.uuid4().hex, texts)
    ingestor = Ingestor(SentenceStore(store_path, f"p-{uuid.uuid4().hex[:12]}", model))
    first = ingestor.ingest([folder])
    counts = ingestor.store.count()
    second = ingestor.ingest([folder])
    assert (second.added, second.replaced, second.sentences_added) == (0, 0, 0)
    assert second.skipped == first.added
    assert ingestor.store.count() == counts == (first.added, first.sentences_added)
    assert ingestor.store.orphan_sentences() == []
