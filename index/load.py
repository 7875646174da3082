"""Load article files (.txt, .md, .html, .jsonl) into raw documents, refusing what is not readable text."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.dates import normalise_date

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})


class LoadError(ValueError):
    """A file that cannot be ingested; the message says why and what to do."""


@dataclass(frozen=True)
class RawDocument:
    """An article as read from its source, before cleaning."""

    text: str
    source: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass
class Loaded:
    """The documents read from one file, the problems met on the way (e.g. bad JSONL lines: not indexed), and what was
    read past (``ignored``: fields nothing reads, a value that is not a date; the article is indexed without it)."""

    documents: list[RawDocument] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories into their supported files (sorted, hidden ones skipped); keep named files as given."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def read_text(path: Path, max_bytes: int) -> str:
    """Read a file as UTF-8 text, with a clear error for missing, huge, binary or undecodable files."""
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit; split the file")
        data = path.read_bytes()
    except OSError as err:
        raise LoadError(f"{path}: cannot be read ({err.strerror or err})") from err
    if b"\x00" in data:
        raise LoadError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(f"{path}: not UTF-8 text (byte {err.start}); convert it to UTF-8") from err


def html_document(html: str, source: str) -> RawDocument:
    """The article of an HTML page (trafilatura): its main text, title, author, date and address."""
    import trafilatura

    # trafilatura logs an empty or unparsable page at ERROR; it is reported here, once, as a LoadError.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    extracted = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False)
    if not extracted:
        raise LoadError(f"{source}: no article text found in the HTML")
    meta = json.loads(extracted)
    return RawDocument(
        text=meta.get("text") or "",
        source=source,
        title=meta.get("title"),
        author=meta.get("author"),
        date=meta.get("date"),
        url=meta.get("source") or meta.get("url"),
    )


# A JSONL article's fields besides ``id`` and ``text``, each with the names it is read under (the first one a record
# has); docs/usage.md lists them.
JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "author": ("author", "byline"),
    "date": ("date", "published", "pubDate", "publishedAt"),
    "url": ("url", "link"),
}
_READ = frozenset({"id", "text", *(name for names in JSONL_FIELDS.values() for name in names)})


def _jsonl_metadata(record: dict, where: str, ignored: list[str]) -> dict[str, str | None]:
    """The record's title/author/date/url as text, under any of their names: numbers are kept as text, other values
    dropped and reported."""
    meta: dict[str, str | None] = {}
    for key, names in JSONL_FIELDS.items():
        name = next((n for n in names if n in record), names[0])
        value = record.get(name)
        if key == "date" and isinstance(value, str) and value.strip() and normalise_date(value) is None:
            meta[key] = None
            ignored.append(f"{where}: '{name}' {value[:40]!r} is not a date with its year; ignored")
        elif isinstance(value, str) or value is None:
            meta[key] = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            meta[key] = str(value)
        else:
            meta[key] = None
            ignored.append(f"{where}: '{name}' is not text; ignored")
    return meta


_QUESTION_SET = (
    "a question set, not articles (its rows have 'question', no 'text'); skipped: ask them with `news-assistant eval`"
)


def _jsonl_documents(text: str, source: str) -> Loaded:
    loaded = Loaded()
    questions = 0  # rows of a question set (seeds/questions.jsonl sits beside the seed articles)
    unread: dict[str, None] = {}  # fields no article is read for, in the order first met
    rows = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    for number, line in rows:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            loaded.problems.append(f"{source}:{number}: not valid JSON ({err.msg})")
            continue
        questions += isinstance(record, dict) and "question" in record and "text" not in record
        body = record.get("text") if isinstance(record, dict) else None
        if not isinstance(body, str) or not body.strip():
            loaded.problems.append(f"{source}:{number}: no 'text' field")
            continue
        meta = _jsonl_metadata(record, f"{source}:{number}", loaded.ignored)
        loaded.documents.append(RawDocument(text=body, source=f"{source}#{record.get('id', number)}", **meta))
        unread.update(dict.fromkeys(name for name in record if name not in _READ))
    if questions == len(rows):
        return Loaded(problems=[f"{source}: {_QUESTION_SET}"])
    if unread:
        names = ", ".join(f"'{name}'" for name in unread)
        loaded.ignored.append(f"{source}: field{'s' * (len(unread) > 1)} {names} not read (ignored in every line)")
    return loaded


def load_file(path: Path, max_bytes: int = 20_000_000) -> Loaded:
    """Read one file into raw documents; raise LoadError when nothing in it can be used."""
    if not path.exists():
        raise LoadError(f"{path}: no such file or directory")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise LoadError(f"{path}: unsupported file type '{suffix or '(none)'}'; use one of {allowed}")
    text = read_text(path, max_bytes)
    source = str(path.resolve())
    if not text.strip():
        raise LoadError(f"{path}: the file is empty")
    if suffix == ".jsonl":
        return _jsonl_documents(text, source)
    if suffix in {".html", ".htm"}:
        return Loaded([html_document(text, source)])
    return Loaded([RawDocument(text=text, source=source)])
