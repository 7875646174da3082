"""What the page is given: escaped Markdown answers with linked markers, escaped HTML sources with highlights."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import Answer, Citation
from assistant.types import KINDS, Disagreement, Quote
from index.store import StoredArticle
from ui import render

HOSTILE = 'Warden <script>alert(1)</script> saw <img src=x onerror="alert(2)"> ![b](http://h/x.png) $x$ [c](js:1)'
ARTICLE = StoredArticle(id="a1", title="Port <b>news</b>", author="Tessa Marr", date="2025-03-01")


def _article(text: str) -> StoredArticle:
    return replace(ARTICLE, text=text)


def _answer(text: str, citations: list[Citation], **kw) -> Answer:
    return Answer(question="q?", text=text, citations=citations, **kw)


def _citation(text: str, sentence: str, n: int = 1) -> Citation:
    start = text.index(sentence)
    return Citation(n=n, article_id="a1", title="t", sentence=sentence, start=start, end=start + len(sentence), score=1)


def test_escape_markdown_leaves_no_markup() -> None:
    escaped = render.escape_markdown(HOSTILE)
    assert "<" not in escaped and ">" not in escaped
    assert "`http://h/x.png`" in escaped  # an address is code, never a link or an image
    assert not re.search(r"(?<!\\)[\[\]()!$`*_]", escaped.replace("`http://h/x.png`", "")), escaped


def test_addresses_are_shown_as_typed() -> None:
    said = "Could not fetch http://127.0.0.1:9/nothing_here.html?a=1&b=2. Not a web address: ftp://x."
    assert render.escape_markdown(said) == (
        "Could not fetch `http://127.0.0.1:9/nothing_here.html?a=1&b=2`\\. Not a web address: ftp://x\\."
    )


def test_answer_markers_link_to_their_sources_only_when_cited() -> None:
    text = "Line one.\nWarden saw 17 gulls.\n"
    c = _citation(text, "Warden saw 17 gulls.")
    md = render.answer_markdown(_answer("17 [1]\n\nWarden saw 17 gulls. [1] [9]", [c], short_answer="17"), turn=3)
    assert md.startswith("**17** [\\[1\\]](#src-3-1)")
    assert md.count("(#src-3-1)") == 2 and "#src-3-9" not in md and "\\[9\\]" in md


def test_abstained_and_rewritten_answers_are_marked() -> None:
    assert render.answer_markdown(_answer("The articles don't say.", [], abstained=True), 1).startswith("∅ _")
    md = render.answer_markdown(_answer("x [1]", [], standalone_question="What did Mark Rutte say?"), 1)
    assert md.endswith("_Understood as: What did Mark Rutte say?_")


def test_sources_highlight_the_sentence_inside_its_paragraph_escaped() -> None:
    text = f"Headline\nFirst sentence here. {HOSTILE} Last one.\nOther paragraph.\n"
    c = _citation(text, HOSTILE)
    out = render.sources_html(_answer("x [1]", [c]), {"a1": _article(text)}, turn=2)
    assert 'id="src-2-1"' in out
    paragraph = re.search(r'<p class="na-paragraph">(.*?)</p>', out).group(1)
    assert paragraph.startswith("First sentence here. <mark>") and paragraph.endswith("</mark> Last one.")
    assert "<script>" not in out and "<img" not in out and "<b>news" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "Tessa Marr · 2025-03-01" in out


def test_whole_article_highlights_every_cited_span() -> None:
    text = "Title\nAlpha one. Beta two.\nGamma three.\n"
    spans = [(text.index("Beta two."), text.index("Beta two.") + 9), (text.index("Gamma"), len(text) - 1)]
    out = render.article_html(_article(text), spans)
    assert out.count("<mark>") == 2
    assert "<p>Alpha one. <mark>Beta two.</mark></p><p><mark>Gamma three.</mark></p>" in out


def test_a_deleted_article_still_shows_the_cited_sentence() -> None:
    c = _citation("Some <i>text</i>.", "Some <i>text</i>.")
    out = render.sources_html(_answer("x [1]", [c]), {"a1": None}, turn=1)
    assert "<mark>Some &lt;i&gt;text&lt;/i&gt;.</mark>" in out


def test_dropped_sentences_and_notices_are_shown() -> None:
    answer = _answer("Kyiv said no [1].", [], unsupported=["Paris agreed."], notice="The language model failed (x).")
    md = render.answer_markdown(answer, 1)
    assert "_Removed 1 sentence(s) that the cited sources do not support._" in md
    assert md.endswith("_⚠ The language model failed \\(x\\)\\._")
    assert "Paris" not in md


def test_an_abstention_shows_its_closest_sentences_as_related_never_numbered() -> None:
    text = f"Headline\nThe ferry carried 41 cars. {HOSTILE}\nOther paragraph.\n"
    c = _citation(text, "The ferry carried 41 cars.")
    related = Quote(**c.model_dump(exclude={"n"}))
    answer = _answer("The articles don't mention Germany: nothing in them answers this question.", [], abstained=True)
    answer = answer.model_copy(update={"related": [related]})
    out = render.sources_html(answer, {"a1": _article(text)}, turn=4)
    assert "No sentence answers this." in out and "Related, not an answer" in out
    assert '<div class="na-source na-related">' in out and "<mark>The ferry carried 41 cars.</mark>" in out
    assert "[1]" not in out and 'id="src-' not in out and "<script>" not in out
    assert "Related" not in render.sources_html(answer.model_copy(update={"related": []}), {}, turn=4)


def test_every_shape_of_answer_but_a_fact_is_said_under_it() -> None:
    for kind in KINDS:
        shown = render.answer_markdown(Answer(question="q", text="The answer", kind=kind), turn=1)
        assert (shown == "The answer") == (kind == "fact"), kind


def test_sources_that_differ_are_shown_side_by_side_with_the_values_in_bold() -> None:
    text = "The Coalition counted 26 allies. The Coalition counted 24 allies."
    one, other = (
        _citation(text, "The Coalition counted 26 allies."),
        _citation(text, "The Coalition counted 24 allies.", 2),
    )
    differs = Disagreement(what="number", values=("26", "24"), citations=(1, 2), later=False)
    lead = "Sources differ: one report says “26” [1]; another says “24” [2]."
    md = render.answer_markdown(_answer(f"{lead}\n\n...", [one, other], disagreement=differs), turn=2)
    table = md.split("\n\n")[1].splitlines()
    assert table[1] == "|---|---|"
    assert table[2] == "| The Coalition counted **26** allies\\. | The Coalition counted **24** allies\\. |"
    assert "(#src-2-1)" in table[0] and "(#src-2-2)" in table[0]
