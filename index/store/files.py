"""Checks of a store directory's files before Chroma opens them: its SQLite database and its vector indexes.

A lost, locked or damaged database is refused with what to do. Chroma loads a truncated HNSW ``data_level0.bin``
without checking its size and then reads past its end: queries fail with varying internal errors, or the process
dies of a segmentation fault, which no ``except`` can turn into a clear message. Each index directory's
``header.bin`` (hnswlib's persistent header as Chroma's fork writes it) says how many elements the index holds and
how many bytes each takes, so the data files' least size is known (a new index's files are written at its full
capacity, so they may be larger).
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from index.store.errors import StoreCorruptError, StoreError, StoreLockedError, reindex_hint

DATABASE = "chroma.sqlite3"

# version, offsetLevel0, max_elements, cur_element_count, size_data_per_element, label_offset, offsetData,
# maxlevel, enterpoint_node, maxM, maxM0, M, mult, ef_construction
_HEADER = struct.Struct("<i6QiI3QdQ")
_KNOWN_VERSION = 1
_LABEL_BYTES = 4  # length.bin: one uint32 per element


def vector_index_damage(store: Path) -> str | None:
    """What is wrong with the first damaged vector index under ``store``, or None when all look whole.

    Index directories without a ``header.bin`` (not yet persisted, or another format) are not judged.
    """
    for header in sorted(Path(store).glob("*/header.bin")):
        try:
            problem = _index_damage(header.parent)
        except OSError as err:
            problem = f"its files cannot be read ({err.strerror or err})"
        if problem:
            return f"the vector index {header.parent.name} is damaged: {problem}"
    return None


def _index_damage(directory: Path) -> str | None:
    raw = (directory / "header.bin").read_bytes()
    if len(raw) != _HEADER.size:
        return f"header.bin holds {len(raw)} bytes, not {_HEADER.size}"
    fields = _HEADER.unpack(raw)
    if fields[0] != _KNOWN_VERSION:
        return None  # a format this check does not know; Chroma judges it
    count, per_element = fields[3], fields[4]
    least = {"data_level0.bin": count * per_element, "length.bin": count * _LABEL_BYTES}
    for name, size in least.items():
        file = directory / name
        actual = file.stat().st_size if file.is_file() else None
        if actual is None or actual < size:
            held = "is missing" if actual is None else f"holds {actual:,} bytes"
            return f"{name} {held}; its header calls for at least {size:,} ({count:,} vectors)"
    return None


def check_store_files(path: Path, busy_timeout: float = 5.0) -> None:
    """Refuse a store path that is not a directory, has lost its database, or whose database is locked or damaged.

    A missing directory is fine: it becomes a new, empty store.
    """
    if path.exists() and not path.is_dir():
        raise StoreError(f"the store path {path} is a file, not a directory; give a directory with --store")
    if not path.is_dir():
        return
    db = path / DATABASE
    # Chroma keeps its vector indexes in directories; files beside the database (a lock, a users file, a log) are
    # not a store's contents.
    others = [p.name for p in path.iterdir() if p.is_dir()]
    if (not db.is_file() or db.stat().st_size == 0) and others:
        reason = f"{path} holds files ({', '.join(sorted(others)[:3])}…) but no Chroma database ({DATABASE})"
        raise StoreCorruptError(
            f"{reason}: it is not a store, or its database was lost; use a new directory, or "
            f"{reindex_hint(path, texts_lost=True)}",
            reason,
        )
    if not db.is_file():
        return
    try:
        con = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=busy_timeout)
        try:
            con.execute("BEGIN IMMEDIATE")  # waits up to busy_timeout for another writer, then fails
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            con.rollback()
        finally:
            con.close()
    except sqlite3.OperationalError as err:
        if "locked" in str(err) or "busy" in str(err):
            raise StoreLockedError(
                f"the store database {db} is locked by another program ({err}); close it and try again"
            ) from err
        reason = f"the store database {db} cannot be read ({err})"
        raise StoreCorruptError(f"{reason}; {reindex_hint(path, texts_lost=True)}", reason) from err
    except sqlite3.DatabaseError as err:
        reason = f"the store database {db} is damaged ({err})"
        raise StoreCorruptError(f"{reason}; {reindex_hint(path, texts_lost=True)}", reason) from err
