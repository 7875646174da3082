"""Property-based test (hypothesis): every citation of every answer is its article's text at its offsets, and an
answer abstains exactly when it cites nothing, for generated articles and questions."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant import Assistant, QuestionError
from tests.news_strategies import article_texts, questions, write_articles


@settings(max_examples=10, deadline=None)
@given(article_texts, st.lists(questions, min_size=1, max_size=3))
@example(texts=[""], asked=["How"])  # found by hypothesis: asking an empty collection crashed in Chroma
@example(texts=["0"], asked=["How"])  # and so did articles without a single BM25 term
@example(texts=["Harbour harbour harbour.", "☇"], asked=[""])  # and a text with no sentence at all
def test_every_citation_is_its_article_text_at_its_offsets(
    scratch: tuple[Path, Path, str], texts: list[str], asked: list[str]
) -> None:
    store_path, files, _ = scratch
    assistant = Assistant(store_path=store_path, collection=f"p-{uuid.uuid4().hex[:12]}", seeds=None)
    assistant.ingest([write_articles(files / uuid.uuid4().hex, texts)])
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
            article = assistant.parts.store.article(c.article_id)
            assert article is not None and article.text[c.start : c.end] == c.sentence
