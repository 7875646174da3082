"""Why a store cannot be used, and the command that fixes it: every store error says both."""

from __future__ import annotations

import re
from pathlib import Path

_COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,400}[A-Za-z0-9]")


class StoreError(RuntimeError):
    """The store cannot be used as it is; the message says why and what to do, ``reason`` only why."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class StoreMismatchError(StoreError):
    """The store was built with another model or splitter than the one configured."""


class StoreLockedError(StoreError):
    """Another process holds the store."""


class StoreCorruptError(StoreError):
    """The store's files are damaged or missing."""


def reindex_hint(path: Path, collection: str | None = None, texts_lost: bool = False) -> str:
    """The command that rebuilds a store, for error messages."""
    command = f"news-assistant --store {path}{f' --collection {collection}' if collection else ''} reindex"
    if texts_lost:
        return (
            f"rebuild it from the article files with `{command} --from FILES...` "
            f"(files uploaded in the browser, kept in {path / 'uploads'}, are included)"
        )
    return f"rebuild it with `{command}` (from the articles' texts kept in the store)"


def check_collection_name(name: str) -> None:
    """Refuse a name Chroma cannot store (3-400 letters, digits, ``._-``, starting and ending alphanumeric)."""
    if not _COLLECTION_NAME.fullmatch(name):
        raise StoreError(
            f"'{name}' is not a usable collection name: use 3-400 letters, digits, '.', '_' or '-', "
            "starting and ending with a letter or digit"
        )
