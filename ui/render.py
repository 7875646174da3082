"""What the page shows, as strings: answers as escaped Markdown, sources and articles as escaped HTML.

Article text is untrusted (it may carry ``<script>``, event handlers or Markdown that fetches images), so every
piece of it passes through ``html.escape`` or ``escape_markdown`` before it reaches the browser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from assistant.types import Answer, Disagreement, Quote
from index.store import StoredArticle

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")
_MARKER = re.compile(r"\\\[(\d+)\\\]")


_ADDRESS = re.compile(r"\bhttps?://[^\s<>`]+")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as typed: HTML-escaped, Markdown punctuation backslash-escaped, and web addresses as
    code (the page's Markdown would otherwise link an address with its escaping backslashes in it)."""
    parts, last = [], 0
    for found in _ADDRESS.finditer(text):
        address = found.group().rstrip(".,;:!?)]'\"")
        parts += [_escaped(text[last : found.start()]), f"`{address}`"]  # no < > or ` in it: shown as it is
        last = found.start() + len(address)
    return "".join([*parts, _escaped(text[last:])])


def _escaped(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


# What each shape of answer is, said under it; a fact needs no saying.
_SHAPES = {
    "fact": "",
    "summary": "Summary: the article's lead and its most central sentences",
    "news": "Round-up: the best sentences of the best-matching articles",
    "overview": "Overview: the most relevant sentences",
    "list": "List: the names the sentences give",
    "definition": "Definition: what the articles say it is",
    "yes_no": "Yes or no: the sentences it turns on",
    "article": "From the article's own record",
    "comparison": "Comparison: a sentence for each side",
    "timeline": "Timeline: the story's dated events, oldest first",
    "changes": "What changed: what newer articles say that earlier ones did not",
    "reason": "Why: the sentence giving the reason",
}


def source_anchor(turn: int, n: int) -> str:
    """The element id of citation ``n`` of chat turn ``turn`` in the sources panel."""
    return f"src-{turn}-{n}"


def answer_markdown(answer: Answer, turn: int) -> str:
    """The answer for the chat: short answer in bold, ``[n]`` markers linking to their sources, abstention marked."""
    if answer.abstained:
        notice = f"\n\n_⚠ {escape_markdown(answer.notice)}_" if answer.notice else ""
        return f"∅ _{escape_markdown(answer.text)}_{notice}"
    numbers = {c.n for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f"[\\[{n}\\]](#{source_anchor(turn, n)})" if n in numbers else match.group()

    first, _, rest = answer.text.partition("\n\n")
    body = _MARKER.sub(link, _escaped_lines(rest)) if rest else ""
    if answer.disagreement is not None:
        body = _side_by_side(answer, answer.disagreement, link)
    head = _MARKER.sub(link, _escaped_lines(first))
    if answer.short_answer and rest:
        short = escape_markdown(answer.short_answer)
        head = head.replace(short, f"**{short}**", 1)
    text = f"{head}\n\n{body}" if body else head
    if _SHAPES[answer.kind]:
        text += f"\n\n_{_SHAPES[answer.kind]}_"
    if answer.standalone_question:
        text += f"\n\n_Understood as: {escape_markdown(answer.standalone_question)}_"
    if answer.unsupported:
        text += f"\n\n_Removed {len(answer.unsupported)} sentence(s) that the cited sources do not support._"
    if answer.notice:
        text += f"\n\n_⚠ {escape_markdown(answer.notice)}_"
    return text


def _side_by_side(answer: Answer, differs: Disagreement, link: Callable[[re.Match[str]], str]) -> str:
    """Two sources that differ as a table of two columns: each one's title and date over its sentence, the value it
    states in bold; the other sentences the answer cites below."""
    cited = {c.n: c for c in answer.citations}
    pair = [cited[n] for n in differs.citations]
    heads = [
        _MARKER.sub(link, escape_markdown(f"[{c.n}] {c.title}" + (f", {c.published[:10]}" if c.published else "")))
        for c in pair
    ]
    cells = []
    for c, value in zip(pair, differs.values, strict=True):
        sentence, shown = escape_markdown(c.sentence), escape_markdown(value)
        cells.append(sentence.replace(shown, f"**{shown}**", 1) if differs.what != "negation" else sentence)
    table = f"| {heads[0]} | {heads[1]} |\n|---|---|\n| {cells[0]} | {cells[1]} |"
    rest = [c for c in answer.citations if c.n not in differs.citations]
    more = " ".join(_MARKER.sub(link, escape_markdown(f"{c.sentence} [{c.n}]")) for c in rest)
    return f"{table}\n\n{more}" if more else table


def _escaped_lines(text: str) -> str:
    """``text`` escaped as Markdown line by line, a line's leading "- " kept as a list item's (a timeline's events)."""
    lines = text.split("\n")
    return "\n".join(f"- {escape_markdown(ln[2:])}" if ln.startswith("- ") else escape_markdown(ln) for ln in lines)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of the article around characters ``start:end`` (articles keep one paragraph per line)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last == -1 else last


def _highlighted(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` escaped, with each ``(start, end)`` span wrapped in ``<mark>``."""
    out, at = [], 0
    for start, end in sorted(set(spans)):
        if start < at:
            continue
        out += [html.escape(text[at:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def byline(article: StoredArticle) -> str:
    """'Author · date' for an article, escaped; empty when neither is known."""
    return html.escape(" · ".join(part for part in (article.author, article.date) if part))


def article_html(article: StoredArticle, spans: Iterable[tuple[int, int]] = ()) -> str:
    """The whole article, one ``<p>`` per paragraph, the given character spans highlighted."""
    text, spans = article.text, list(spans)
    paragraphs, at = [], 0
    for line in text.split("\n"):
        end = at + len(line)
        inside = [(max(s, at) - at, min(e, end) - at) for s, e in spans if s < end and e > at]
        if line.strip():
            paragraphs.append(f"<p>{_highlighted(line, inside)}</p>")
        at = end + 1
    title = html.escape(article.title or "Untitled")
    head = f'<h3>{title}</h3><p class="na-byline">{byline(article)}</p>'
    return f'<article class="na-article">{head}{"".join(paragraphs)}</article>'


def _quote_html(quote: Quote, article: StoredArticle | None, head: str, spans: list[tuple[int, int]]) -> str:
    """One sentence highlighted inside its paragraph under ``head`` (an opened ``<div>``), its article one click
    away; just the sentence when its article was deleted since."""
    if article is None:
        return f"{head}{html.escape(quote.title)}</div><p><mark>{html.escape(quote.sentence)}</mark></p></div>"
    first, last = _paragraph(article.text, quote.start, quote.end)
    paragraph = _highlighted(article.text[first:last], [(quote.start - first, quote.end - first)])
    title = html.escape(article.title or "Untitled")
    dates = "; ".join(f"{html.escape(d.text)} → {html.escape(d.shown)}" for d in quote.dates)
    return (
        f'{head}{title}<span class="na-byline"> {byline(article)}</span></div>'
        f'<p class="na-paragraph">{paragraph}</p>'
        + (f'<p class="na-dates">{dates}</p>' if dates else "")
        + f"<details><summary>Whole article</summary>{article_html(article, spans)}</details></div>"
    )


def _spans(quotes: list[Quote]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        spans.setdefault(q.article_id, []).append((q.start, q.end))
    return spans


def sources_html(answer: Answer, articles: dict[str, StoredArticle | None], turn: int) -> str:
    """The sources of one answer: each cited sentence highlighted inside its paragraph, the article one click away.

    An abstention has none; the closest sentences it shows instead are marked as related, never numbered.
    """
    question = html.escape(answer.question)
    if answer.abstained:
        spans, head = _spans(answer.related), '<div class="na-source na-related"><div class="na-source-head">'
        related = "".join(_quote_html(r, articles.get(r.article_id), head, spans[r.article_id]) for r in answer.related)
        if related:
            related = (
                f'<div class="na-related-list"><p class="na-related-head">Related, not an answer</p>{related}</div>'
            )
        return (
            f'<section class="na-turn na-abstained"><h4>{question}</h4><p>No sentence answers this.</p>'
            f"{related}</section>"
        )
    spans = _spans(answer.citations)
    items = "".join(
        _quote_html(
            c,
            articles.get(c.article_id),
            f'<div class="na-source" id="{source_anchor(turn, c.n)}"><div class="na-source-head"><b>[{c.n}]</b> ',
            spans[c.article_id],
        )
        for c in answer.citations
    )
    return f'<section class="na-turn"><h4>{question}</h4>{items}</section>'


def articles_rows(articles: list[StoredArticle]) -> list[list[str | int]]:
    """Rows of the articles table (title, author, date, sentences, added), newest first; Gradio escapes cells."""
    ordered = sorted(articles, key=lambda a: a.added, reverse=True)
    return [[a.title or "Untitled", a.author or "", a.date or "", a.sentences, _minute(a.added)] for a in ordered]


def _minute(iso: str) -> str:
    """An ISO timestamp to the minute, for the table: "2026-11-30 10:17" (UTC)."""
    return iso[:16].replace("T", " ")
