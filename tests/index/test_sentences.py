"""Cleaning and sentence splitting: boilerplate, byline, quotes, abbreviations, exact offsets."""

from __future__ import annotations

from index.clean import clean, leading_byline
from index.load import RawDocument
from index.sentences import SentenceSplitter
from tests.support import SEED_ARTICLE


def _article(text: str):
    return clean(RawDocument(text=text, source="test.txt"))


def test_seed_clean_drops_footer_and_takes_byline() -> None:
    article = _article(SEED_ARTICLE.read_text(encoding="utf-8"))
    assert "Follow us on" not in article.text
    assert "Erizia Rubyjeana" not in article.text
    assert article.author == "Erizia Rubyjeana"
    assert article.title.startswith("The Kremlin has dismissed proposals")
    assert article.text.count("\n") == 9  # ten story paragraphs, nothing else


def test_seed_sentences_slice_exactly_and_keep_quotes_whole() -> None:
    article = _article(SEED_ARTICLE.read_text(encoding="utf-8"))
    sentences = SentenceSplitter().split(article.text)
    assert len(sentences) == 14
    for s in sentences:
        assert article.text[s.start : s.end] == s.text
    assert sentences[0].text.startswith("The Kremlin has dismissed proposals for foreign troops")
    assert sentences[0].text.endswith("could never provide Kyiv’s protection.")
    starmer = next(s for s in sentences if "Sir Keir" in s.text)
    assert starmer.text.startswith("UK Prime Minister Sir Keir Starmer")
    assert starmer.text.endswith("It’s not for them to decide.”")


def test_abbreviations_do_not_split() -> None:
    text = "The U.S. Senate met Dr. Smith on Monday. Mr. Jones left at 5 p.m. and did not return."
    sentences = SentenceSplitter().split(text)
    assert [s.text for s in sentences] == [
        "The U.S. Senate met Dr. Smith on Monday.",
        "Mr. Jones left at 5 p.m. and did not return.",
    ]


def test_sentences_never_cross_paragraphs() -> None:
    text = "A headline without a full stop\nThe body starts here. It goes on."
    sentences = SentenceSplitter().split(text)
    assert [s.text for s in sentences] == ["A headline without a full stop", "The body starts here.", "It goes on."]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_clean_normalises_whitespace_and_drops_boilerplate() -> None:
    article = _article("  Big   news\ttoday.  \n\n\nShare this article\nSubscribe to our newsletter\nMore text.\r\n")
    assert article.text == "Big news today.\nMore text."


def test_same_text_same_id_different_text_different_id() -> None:
    a = _article("One story. Two sentences.")
    b = clean(RawDocument(text="One story.   Two sentences.\n", source="other.txt"))
    c = _article("Another story.")
    assert a.id == b.id != c.id


def test_a_leading_byline_gives_the_author_and_date_and_leaves_the_text() -> None:
    for line, read in [
        ("By Jane Testwriter, 12 October 2025", ("Jane Testwriter", "2025-10-12")),
        ("By Jane Testwriter | BBC News", ("Jane Testwriter", None)),
        ("By Jane Testwriter", ("Jane Testwriter", None)),
        ("By Monday, the river had risen.", None),  # a sentence, not a byline
        ("By the time police arrived, he had gone.", None),
    ]:
        assert leading_byline(line) == read, line
    article = clean(
        RawDocument("Dam holds\nBy Jane Testwriter, 12 October 2025\nThe dam held.\nThe town was dry.", "s")
    )
    assert (article.author, article.date) == ("Jane Testwriter", "2025-10-12")
    assert article.text == "Dam holds\nThe dam held.\nThe town was dry."
    given = clean(RawDocument("By Jo Doe\nThe dam held.", "s", author="Desk", date="2025-01-02"))
    assert (given.author, given.date, given.text) == ("Desk", "2025-01-02", "The dam held.")
