"""One process per on-disk store: Chroma's embedded store breaks a second writer's view, so a store is locked.

The lock is an ``flock`` on a file in the store directory, held until the process exits; the file names the holder,
so the refusal can say who it is.
"""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

from index.store.errors import StoreCorruptError, StoreError, StoreLockedError, reindex_hint
from index.store.files import check_store_files, vector_index_damage

LOCK_FILE = "news-assistant.lock"
_LOCKS: dict[Path, int] = {}  # store directory -> lock file descriptor held by this process


def lock_store(path: Path) -> None:
    """Hold an exclusive lock on the store directory for the rest of this process (released when it exits)."""
    key = path.resolve()
    if key in _LOCKS:
        return
    fd = os.open(key / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 300, 0).decode("utf-8", "replace").strip() or "another process"
        os.close(fd)
        raise StoreLockedError(
            f"the store {path} is in use by {holder}; stop that process (or ask through it), or use another --store"
        ) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} ({' '.join(sys.argv)[:250]})".encode(), 0)
    _LOCKS[key] = fd


def unlock_store(path: Path) -> None:
    """Release this process's lock on the store directory, if it holds one."""
    fd = _LOCKS.pop(Path(path).resolve(), None)
    if fd is not None:
        os.close(fd)


def claim_store(path: Path, collection: str) -> None:
    """Check the store directory's files (refused with what to do when damaged), create it if missing, and lock it
    for the rest of this process: before opening it embedded, or serving it."""
    check_store_files(path)
    damage = vector_index_damage(path)
    if damage:
        raise StoreCorruptError(f"the store {path} cannot be read ({damage}); {reindex_hint(path, collection)}", damage)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"cannot create the store directory {path} ({err.strerror or err})") from err
    lock_store(path)
