"""Hypothesis strategies for generated news text and questions, and a writer of generated articles as files."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

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


def write_articles(folder: Path, texts: list[str]) -> Path:
    """The texts as files: odd ones as .txt, even ones as lines of one JSONL file."""
    folder.mkdir()
    for n, text in enumerate(texts):
        if n % 2:
            (folder / f"a{n}.txt").write_text(text, encoding="utf-8")
    records = [json.dumps({"id": n, "text": t}) for n, t in enumerate(texts) if not n % 2]
    (folder / "feed.jsonl").write_text("\n".join(records), encoding="utf-8")
    return folder
