"""Chroma clients: an on-disk store (through the app serving it, else embedded: checked and locked first), or a
Chroma server shared by processes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings

from index.store.lock import claim_store
from index.store.server import ADDRESS_FILE, served_url


def _settings() -> ChromaSettings:
    """Chroma's client settings, new for each client: Chroma writes the client's kind and address into them."""
    return ChromaSettings(anonymized_telemetry=False)


def local_client(path: Path, collection: str) -> ClientAPI:
    """The on-disk store at ``path``: through the server of the app serving it, when one is up (``server.py``); else
    embedded, refused with what to do when its files are damaged or another process has it.

    A missing directory becomes a new, empty store.
    """
    url = served_url(path)
    if url:
        return server_client(url)
    claim_store(path, collection)
    (path / ADDRESS_FILE).unlink(missing_ok=True)  # the address of a server that no longer answers
    return chromadb.PersistentClient(str(path), settings=_settings())


def unchecked_client(path: Path) -> ClientAPI:
    """The embedded store at ``path`` as it is, for reading back what can still be read (``reindex``)."""
    return chromadb.PersistentClient(str(path), settings=_settings())


def server_client(url: str) -> ClientAPI:
    """A client of the Chroma server at ``url``."""
    parsed = urlparse(url if "://" in url else f"http://{url}")
    return chromadb.HttpClient(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 8000,
        ssl=parsed.scheme == "https",
        settings=_settings(),
    )
