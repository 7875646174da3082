"""Property-based tests (hypothesis): sentence offsets, ingestion idempotence, and citation invariants hold for
generated text, not just for the examples we thought of. Example counts are kept small so the suite stays quick;
the embedding model is the session's (no new model load)."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant import Assistant, QuestionError
from index.clean import clean
from index.ingest import Ingestor
from index.load import LoadError, RawDocument, load_file
from index.sentences import SentenceSplitter
from index.store import SentenceStore

SPLITTER = SentenceSplitter()

# Pieces that trouble sentence splitters: abbreviations, decimals, quotes of every kind, ellipses, non-Latin
# scripts, stray punctuation, tabs and blank lines.
# fmt: off
TRICKY = [
    "The", "council", "said", "Dr.", "Mr.", "U.S.", "p.m.", "e.g.", "i.e.", "No.", "St.", "Inc.", "3.5", "£4.2bn",
    "“Yes,”", "he", "said.", "‘No’", "Kyiv’s", '"quoted."', "'single'", "(a)", "—", "…", "...", "!", "?", "?!", ".",
    "café", "naïve", "Ж", "日本語。", "«», ", "emoji🙂.", "\t", "\n", "\n\n", " ", "  ", "Hello.", "world!",
]
# fmt: on
texts = st.one_of(
    st.lists(st.sampled_from(TRICKY), max_size=50).map(" ".join),
    st.lists(st.sampled_from(TRICKY), max_size=50).map("".join),
    st.text(max_size=200),
)
news_words = st.sampled_from(["harbour", "ferry", "Lindholm", "41", "cars", "Monday", "refit", "captain"])
news_sentences = st.lists(news_words, min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize() + ".")
article_texts = st.lists(
    st.one_of(st.lists(news_sentences, min_size=1, max_size=4).map(" ".join), texts), min_size=1, max_size=5
)
question_words = st.sampled_from(["How", "many", "cars", "ferry", "Lindholm", "refit", "when", "who", "?"])
questions = st.one_of(st.lists(question_words, max_size=8).map(" ".join), texts)


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


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory, seed_assistant: Assistant) -> tuple[Path, Path, str]:
    """The session's store (for new collections), a folder for generated files, and the session's model."""
    return Path(seed_assistant.settings.store), tmp_path_factory.mktemp("generated"), seed_assistant.settings.model


def _write_articles(folder: Path, texts: list[str]) -> Path:
    """The texts as files: odd ones as .txt, even ones as lines of one JSONL file."""
    folder.mkdir()
    for n, text in enumerate(texts):
        if n % 2:
            (folder / f"a{n}.txt").write_text(text, encoding="utf-8")
    records = [json.dumps({"id": n, "text": t}) for n, t in enumerate(texts) if not n % 2]
    (folder / "feed.jsonl").write_text("\n".join(records), encoding="utf-8")
    return folder


@settings(max_examples=12, deadline=None)
@given(article_texts)
def test_ingesting_the_same_articles_twice_changes_nothing(scratch: tuple[Path, Path, str], texts: list[str]) -> None:
    store_path, files, model = scratch
    folder = _write_articles(files / uuid.uuid4().hex, texts)
    ingestor = Ingestor(SentenceStore(store_path, f"p-{uuid.uuid4().hex[:12]}", model))
    first = ingestor.ingest([folder])
    counts = ingestor.store.count()
    second = ingestor.ingest([folder])
    assert (second.added, second.replaced, second.sentences_added) == (0, 0, 0)
    assert second.skipped == first.added
    assert ingestor.store.count() == counts == (first.added, first.sentences_added)
    assert ingestor.store.orphan_sentences() == []


@settings(max_examples=10, deadline=None)
@given(article_texts, st.lists(questions, min_size=1, max_size=3))
@example(texts=[""], asked=["How"])  # found by hypothesis: asking an empty collection crashed in Chroma
@example(texts=["0"], asked=["How"])  # and so did articles without a single BM25 term
def test_every_citation_is_its_article_text_at_its_offsets(
    scratch: tuple[Path, Path, str], texts: list[str], asked: list[str]
) -> None:
    store_path, files, _ = scratch
    assistant = Assistant(store_path=store_path, collection=f"p-{uuid.uuid4().hex[:12]}", seeds=None)
    assistant.ingest([_write_articles(files / uuid.uuid4().hex, texts)])
    for question in asked:
        try:
            answer = assistant.ask(question)
        except QuestionError:
            assert not question.strip() or len(" ".join(question.split())) > assistant.settings.max_question_chars
            continue
        assert answer.abstained == (not answer.citations)
        assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
        assert {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)} <= {c.n for c in answer.citations}
        for c in answer.citations:
            article = assistant.store.article(c.article_id)
            assert article is not None and article["text"][c.start : c.end] == c.sentence
