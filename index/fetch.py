"""Articles from the web: a page's article, or every item of an RSS/Atom feed, fetched with limits.

Each request has a timeout, a size cap, a redirect limit, a content-type check and a User-Agent naming the project.
A feed's items are fetched one by one and their article text, title, author and date taken from the page
(trafilatura); the feed's own fields fill in what the page lacks, and its summary stands in for a page that cannot
be had. A failed item is one problem line; the others go on.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from email.message import Message
from importlib.metadata import version

from index.load import Loaded, LoadError, RawDocument, html_document

_HTML = ("text/html", "application/xhtml+xml")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]")  # a feed served as text/html
_FEEDS = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


def is_url(path: object) -> bool:
    return isinstance(path, str) and path.startswith(("http://", "https://"))


@dataclass(frozen=True)
class FetchLimits:
    """How far one request may go: seconds to wait, bytes to read, redirects to follow."""

    timeout: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    text: str


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.max_redirections = limit
        self.max_repeats = 1  # a loop is refused at its first repeat


def fetch(url: str, limits: FetchLimits, accept: tuple[str, ...] = _HTML + _FEEDS) -> Fetched:
    """The body of ``url`` as text; a ``LoadError`` saying what went wrong otherwise."""
    opener = urllib.request.build_opener(_Redirects(limits.max_redirects))
    request = urllib.request.Request(url, headers={"User-Agent": f"news-assistant/{_version()} (article ingestion)"})
    try:
        with opener.open(request, timeout=limits.timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in accept:
                raise LoadError(f"{url}: served as {content_type}, not a web page or a feed; skipped")
            body = response.read(limits.max_bytes + 1)
            final = response.geturl()
    except urllib.error.HTTPError as err:
        what = "a redirect loop or too many redirects" if 300 <= err.code < 400 else f"HTTP {err.code} {err.reason}"
        raise LoadError(f"{url}: {what}; skipped") from err
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise LoadError(f"{url}: could not be fetched ({reason}); skipped") from err
    if len(body) > limits.max_bytes:
        raise LoadError(f"{url}: over the {limits.max_bytes:,}-byte limit; skipped")
    if body.lstrip()[:5] == b"%PDF-":
        raise LoadError(f"{url}: a PDF served as {content_type}, not a web page; skipped")
    try:
        text = body.decode(headers.get_content_charset() or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know: read it as UTF-8
        text = body.decode("utf-8", errors="replace")
    return Fetched(final, content_type, text)


def load_url(url: str, limits: FetchLimits) -> Loaded:
    """The article at ``url``, or every item of the feed there; problems are collected, not raised."""
    fetched = fetch(url, limits)
    if fetched.content_type in _FEEDS or _FEED_ROOT.search(fetched.text[:1000]):
        return _feed(fetched, limits)
    document = html_document(fetched.text, fetched.url)
    return Loaded(documents=[replace(document, url=document.url or fetched.url, source=fetched.url)])


def _feed(fetched: Fetched, limits: FetchLimits) -> Loaded:
    import feedparser

    feed = feedparser.parse(fetched.text)
    if feed.bozo and not any(e.get("link") or e.get("summary") for e in feed.entries):
        raise LoadError(f"{fetched.url}: not a readable RSS or Atom feed ({feed.bozo_exception}); skipped")
    loaded = Loaded()
    for n, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        given = RawDocument(
            text=_summary(entry),
            source=link or f"{fetched.url}#{entry.get('id', n)}",
            title=entry.get("title"),
            author=entry.get("author"),
            date=entry.get("published") or entry.get("updated"),
            url=link,
        )
        try:
            page = load_url_page(link, limits) if link else None
        except LoadError as err:
            page = None
            if not given.text:
                loaded.problems.append(str(err))
                continue
            loaded.problems.append(f"{err} (the feed's summary was used)")
        if page is None and not given.text:
            loaded.problems.append(f"{fetched.url}: item {n} has neither a link nor a summary; skipped")
            continue
        loaded.documents.append(_merged(page, given))
    return loaded


def load_url_page(url: str, limits: FetchLimits) -> RawDocument:
    """The article of the web page at ``url``."""
    fetched = fetch(url, limits, accept=_HTML)
    return replace(html_document(fetched.text, fetched.url), source=url)


def _merged(page: RawDocument | None, given: RawDocument) -> RawDocument:
    """The page's article, with the feed's title, author and date where the page has none."""
    if page is None:
        return given
    return replace(
        page,
        title=page.title or given.title,
        author=page.author or given.author,
        date=page.date or given.date,
        url=given.url or page.url,
        source=given.source,
    )


def _summary(entry: dict) -> str:
    """The feed item's own text, tags stripped: the stand-in for a page that cannot be had."""
    text = entry.get("summary") or ""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def _version() -> str:
    try:
        return version("news-assistant")
    except Exception:  # noqa: BLE001 - not installed as a package: a checkout
        return "dev"
