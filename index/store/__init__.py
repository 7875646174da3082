"""The Chroma store of sentences (the retrieval unit) and whole articles, one collection of each per name.

``collection.py`` reads and writes them; ``client.py`` opens the embedded store (``files.py`` checks its files
first, ``lock.py`` keeps it to one process), the server of the app serving it (``server.py``) or a Chroma
server's; ``build.py`` refuses a store made with another model; ``errors.py`` says what is wrong and how to
recover; ``records.py`` holds what the store hands out.
"""

from index.store.collection import SentenceStore
from index.store.errors import (
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreMismatchError,
    check_collection_name,
    reindex_hint,
)
from index.store.files import DATABASE
from index.store.lock import unlock_store
from index.store.records import (
    EmbeddedArticle,
    StoredArticle,
    StoredSentence,
    article_of,
    neighbour_ids,
    read_all,
    sentence_id,
)

__all__ = [
    "DATABASE",
    "EmbeddedArticle",
    "SentenceStore",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "StoreMismatchError",
    "StoredArticle",
    "StoredSentence",
    "article_of",
    "check_collection_name",
    "neighbour_ids",
    "read_all",
    "reindex_hint",
    "sentence_id",
    "unlock_store",
]
