"""Loading files: supported formats, metadata, and clear errors for what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.load import LoadError, find_files, load_file
from tests.support import SEEDS, write


def test_txt_and_directory_walk(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "First story.")
    write(tmp_path / "sub" / "b.md", "# Title\nSecond story.")
    write(tmp_path / "sub" / "ignored.pdf", "x")
    write(tmp_path / ".hidden" / "c.txt", "hidden")
    assert [p.name for p in find_files([tmp_path])] == ["a.txt", "b.md"]


def test_html_main_text_and_title_extracted(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Storm hits coast</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Storm hits coast</h1><p>A storm hit the coast on Monday, cutting power to 3,000 homes "
        "across the region, officials said.</p><p>Repairs are expected to take a week, the utility said "
        "in a statement.</p></article><footer>Follow us on: X, Facebook</footer></body></html>"
    )
    doc = load_file(write(tmp_path / "storm.html", html)).documents[0]
    assert doc.title == "Storm hits coast"
    assert "cutting power to 3,000 homes" in doc.text
    assert "Home | World" not in doc.text


def test_jsonl_reports_bad_lines_and_keeps_good_ones(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "Good one.", "title": "T1", "author": "A", "date": "2025-01-01"}\n'
        "{not json\n"
        '{"title": "no text"}\n'
        '{"text": "Good two."}\n',
    )
    loaded = load_file(path)
    assert [d.text for d in loaded.documents] == ["Good one.", "Good two."]
    assert loaded.documents[0].author == "A" and loaded.documents[0].date == "2025-01-01"
    assert [p.split(":")[-2] for p in loaded.problems] == ["2", "3"]


def test_a_question_set_beside_the_articles_is_one_note_not_a_problem_per_row(tmp_path: Path) -> None:
    """`news-assistant ingest seeds` meets seeds/questions.jsonl: it says once what the file is and skips it."""
    loaded = load_file(SEEDS / "questions.jsonl")
    assert loaded.documents == []
    assert len(loaded.problems) == 1 and "a question set, not articles" in loaded.problems[0]
    mixed = write(tmp_path / "mixed.jsonl", '{"question": "Who?"}\n{"text": "An article."}\n')
    loaded = load_file(mixed)  # a feed with a stray question row is still a feed
    assert [d.text for d in loaded.documents] == ["An article."] and loaded.problems[0].endswith("no 'text' field")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02PNG", "binary"),
        ("latin1.txt", "café".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"   \n", "empty"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_unreadable_files_are_refused_clearly(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=message):
        load_file(path)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="limit"):
        load_file(write(tmp_path / "big.txt", "word " * 100), max_bytes=100)


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><style>p {color: red}</style><!-- only a comment --></body></html>",
    ],
)
def test_html_without_text_is_refused(tmp_path: Path, html: str) -> None:
    with pytest.raises(LoadError, match="no article text found in the HTML"):
        load_file(write(tmp_path / "page.html", html))


def test_fifty_megabyte_file_is_refused_by_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50_000_000)  # sparse: all NUL bytes, so were it read, it would be refused as binary instead
    with pytest.raises(LoadError, match=r"50,000,000 bytes is over the 20,000,000-byte limit; split the file"):
        load_file(huge)


def test_missing_paths_are_named_as_missing(tmp_path: Path) -> None:
    for missing in (tmp_path / "gone", tmp_path / "gone.txt"):
        with pytest.raises(LoadError, match="no such file"):
            load_file(missing)


def test_jsonl_metadata_that_is_not_text_is_dropped_and_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "The dam held.", "title": 5, "author": {"name": "A"}, "date": ["2025"], "url": true}\n',
    )
    loaded = load_file(path)
    doc = loaded.documents[0]
    assert (doc.title, doc.author, doc.date, doc.url) == ("5", None, None, None)
    assert not loaded.problems, "the article was indexed"
    assert [p.split(": ", 1)[1] for p in loaded.ignored] == [
        "'author' is not text; ignored",
        "'date' is not text; ignored",
        "'url' is not text; ignored",
    ]


def test_jsonl_fields_are_read_under_their_other_names_and_unknown_ones_named_once(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "The dam held.", "headline": "Dam", "byline": "Jo Smith", "published": "2025-10-12", "link": "http://a",'
        ' "section": "UK", "tags": ["x"]}\n'
        '{"text": "The river rose.", "pubDate": "not a date", "section": "UK"}\n'
        '{"text": "The town dried out.", "title": "Town", "headline": "ignored", "publishedAt": "12 October 2025"}\n',
    )
    loaded = load_file(path)
    first, second, third = loaded.documents
    assert (first.title, first.author, first.date, first.url) == ("Dam", "Jo Smith", "2025-10-12", "http://a")
    assert second.date is None and (third.title, third.date) == ("Town", "12 October 2025")
    assert not loaded.problems, "each article was indexed"
    assert [p.split(": ", 1)[1] for p in loaded.ignored] == [
        "'pubDate' 'not a date' is not a date with its year; ignored",
        "fields 'section', 'tags' not read (ignored in every line)",
    ]
