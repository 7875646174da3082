"""Clean a raw document into the article text we store: boilerplate and byline lines out, whitespace normalised.

Citations point at character offsets in this cleaned text, so it is stored whole and never changed afterwards.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from index.dates import dateline_date, normalise_date
from index.load import LoadError, RawDocument

_BOILERPLATE = re.compile(
    r"""^(
        follow\s+us(\s+on)?\b.* | share(\s+(this|on|via)\b.*)?:? | subscribe\b.* | sign\s+up\b.* |
        advertisement | sponsored(\s+content)? | read\s+more:?.* | related(\s+articles?)?:? |
        click\s+here\b.* | (all\s+rights\s+reserved|copyright|©).* | (photo|image)\s*(credit)?:.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
_TITLE_LIMIT = 120


@dataclass(frozen=True)
class Article:
    """A cleaned article: ``id`` is a hash of ``text``, so the same text always gets the same id."""

    id: str
    text: str
    title: str
    source: str
    author: str | None = None
    date: str | None = None
    url: str | None = None


def _is_byline(line: str) -> bool:
    """A short line of capitalised words with no sentence punctuation, e.g. 'Erizia Rubyjeana' or 'By Jo Doe'."""
    words = line.removeprefix("By ").removeprefix("by ").split()
    return 1 < len(words) <= 4 and line[-1] not in '.!?:”"' and all(_BYLINE_WORD.match(w) for w in words)


def _title_from(line: str) -> str:
    if len(line) <= _TITLE_LIMIT:
        return line
    return line[:_TITLE_LIMIT].rsplit(" ", 1)[0] + "…"


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean(doc: RawDocument) -> Article:
    """Drop empty, boilerplate and byline lines and collapse whitespace; take title, byline and the publication date
    (the one given, normalised, else a dateline's) as metadata."""
    lines = []
    for raw in doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        line = line.lstrip("#").strip() if line.startswith("#") else line
        if line and not _BOILERPLATE.match(line):
            lines.append(line)
    author = doc.author
    if len(lines) > 1 and _is_byline(lines[-1]):
        byline = lines.pop()
        author = author or byline.removeprefix("By ").removeprefix("by ")
    if not lines:
        raise LoadError(f"{doc.source}: no article text left after cleaning")
    text = "\n".join(lines)
    return Article(
        id=article_id(text),
        text=text,
        title=" ".join(doc.title.split()) if doc.title else _title_from(lines[0]),
        source=doc.source,
        author=author,
        date=normalise_date(doc.date) or dateline_date(text),
        url=doc.url,
    )
