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
# A byline near the top: "By Jane Doe", "By Jane Doe, 12 October 2025", "By Jane Doe | BBC News".
_LEADING_BYLINE = re.compile(
    r"^[Bb]y\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*(?:(?P<sep>[,|])\s*(?P<rest>.*))?$"
)
_BYLINE_LINES = 3  # the first lines a leading byline may be on (after a title)
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


def leading_byline(line: str) -> tuple[str, str | None] | None:
    """The author and date (normalised, where it gives one) of a byline line at the top of an article, or None: the
    name alone, the name then a comma and a date, or the name then "|" and anything ("By Monday, the…" is no
    byline)."""
    found = _LEADING_BYLINE.match(line)
    if found is None:
        return None
    rest = found.group("rest")
    date = normalise_date(rest) if rest else None
    if rest is not None and found.group("sep") == "," and date is None:
        return None
    return found.group("name"), date


def _title_from(line: str) -> str:
    if len(line) <= _TITLE_LIMIT:
        return line
    return line[:_TITLE_LIMIT].rsplit(" ", 1)[0] + "…"


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean(doc: RawDocument) -> Article:
    """Drop empty, boilerplate and byline lines and collapse whitespace; take title, byline and the publication date
    (the one given, normalised, else a leading byline's or a dateline's) as metadata."""
    lines = []
    for raw in doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        line = line.lstrip("#").strip() if line.startswith("#") else line
        if line and not _BOILERPLATE.match(line):
            lines.append(line)
    author, dated = doc.author, None
    for n, line in enumerate(lines[:_BYLINE_LINES]):
        byline = leading_byline(line) if len(lines) > 1 else None
        if byline is not None:
            del lines[n]
            author, dated = author or byline[0], byline[1]
            break
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
        date=normalise_date(doc.date) or dated or dateline_date(text),
        url=doc.url,
    )
