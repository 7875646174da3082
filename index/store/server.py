"""An on-disk store served to other processes: Chroma's own server runs on it, and its address is left in the store.

Chroma's embedded store is one process's (``lock.py``). The app that serves the chat starts ``chroma run`` on its
store's directory instead, holds the lock itself, and writes the server's loopback address into the store; a second
process (``ingest``, ``watch``, ``ask``) opening the same directory finds the address and connects there. The server
dies with the app (a parent-death signal as well as an exit handler), and an address whose server no longer answers
is ignored, so a killed app leaves nothing that refuses the next one.

The server's output goes to ``news-assistant.server.log`` in the store, plain text and small: the server logs warnings
and errors only (``RUST_LOG=warn`` unless the environment sets ``RUST_LOG``; at Chroma's own level it writes 0.5 to
3 KB per request), without colour codes (``NO_COLOR``; those of its start-up banner are taken out once it
answers). The log is capped at ``LOG_BYTES`` (1 MB, with its older part) and nothing of it passes through the app:
the server appends to the file itself (``O_APPEND``), and a timer thread here looks at the file's size every
``LOG_CHECK_SECONDS``; past half the cap, the log's last half-cap of lines moves to ``news-assistant.server.log.1``
(the one older part kept, replaced each time) and the log is emptied, the server's next line landing at its new start.
A new start moves the last run's log there too.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from index.store.errors import StoreError
from index.store.lock import claim_store

ADDRESS_FILE = "news-assistant.server"
LOG_FILE = "news-assistant.server.log"
LOG_BYTES = 1_000_000  # the server's log and its older part (LOG_FILE.1) together, as each look at the log leaves them
LOG_CHECK_SECONDS = 5.0  # how often the log's size is looked at (one stat)
LOG_LEVEL = "warn"  # the server's RUST_LOG unless the environment sets one: no line per request
_ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
_BANNER_ART = re.compile(rb"[ .*(#]*[.*(#][ .*(#]*")  # a line of Chroma's start-up logo
_PR_SET_PDEATHSIG = 1


def served_url(path: Path) -> str | None:
    """The address of the running server of the store at ``path``, or None when none answers there."""
    try:
        url = json.loads((Path(path) / ADDRESS_FILE).read_text(encoding="utf-8"))["url"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return url if _answers(url, timeout=2.0) else None


def serve_store(
    path: Path,
    collection: str,
    timeout: float = 60.0,
    *,
    log_level: str | None = None,
    log_bytes: int = LOG_BYTES,
    log_check: float = LOG_CHECK_SECONDS,
) -> str:
    """Start Chroma's server on the store at ``path`` for the rest of this process; returns its loopback address.

    The store's files are checked first (a damaged store is refused as when opened directly) and the store is
    locked, so nothing opens it embedded while it is served. The server's log (``LOG_FILE``) logs at ``log_level``
    (``RUST_LOG``, else ``LOG_LEVEL``) and is kept under ``log_bytes`` with its older part, looked at every
    ``log_check`` seconds.
    """
    path = Path(path)
    claim_store(path, collection)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [_chroma(), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    log, keep = path / LOG_FILE, log_bytes // 2
    if log.exists() and log.stat().st_size:
        roll_log(log, keep)  # the last run's log, kept as the older part
    level = log_level or os.environ.get("RUST_LOG") or LOG_LEVEL
    fd = open_log(log)
    try:
        process = subprocess.Popen(
            command,
            stdout=fd,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False", "NO_COLOR": "1", "RUST_LOG": level},
            preexec_fn=_die_with_parent,
        )
    finally:
        os.close(fd)
    atexit.register(_stop, process, path / ADDRESS_FILE)
    deadline = time.monotonic() + timeout
    while not _answers(url, timeout=1.0):
        if process.poll() is not None or time.monotonic() > deadline:
            _stop(process, None)
            tail = _ANSI.sub(b"", log.read_bytes()).decode("utf-8", errors="replace")[-600:].strip()
            raise StoreError(f"Chroma's server for the store {path} did not start ({tail or 'no output'})")
        time.sleep(0.1)
    _plain_start(log, f"Chroma's server (pid {process.pid}) for {path} listens at {url}; RUST_LOG={level}")
    threading.Thread(
        target=_keep_small, args=(process, log, keep, log_check), daemon=True, name="chroma-log-cap"
    ).start()
    address = path / ADDRESS_FILE
    scratch = address.with_suffix(".tmp")
    scratch.write_text(json.dumps({"url": url, "pid": os.getpid(), "server_pid": process.pid}), encoding="utf-8")
    scratch.replace(address)
    return url


def open_log(log: Path) -> int:
    """A descriptor of ``log``, emptied, that a child process writes to at the file's end whatever was cut off it
    meanwhile (``O_APPEND``): after ``roll_log`` empties the file, its next line lands at the start, not after a hole
    the size of what was cut."""
    return os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)


def roll_log(log: Path, keep: int) -> None:
    """Move the last ``keep`` bytes of ``log`` (from the start of a line) to ``LOG.1``, replacing it, and empty
    ``log``. What the server writes between the look at the size and the cut (microseconds) is lost."""
    with log.open("rb") as f:
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - keep))
        tail = f.read(keep)
        os.truncate(log, 0)
    if size > keep:
        tail = tail[tail.find(b"\n") + 1 :]
    older = log.with_name(log.name + ".1")
    scratch = older.with_name(older.name + ".tmp")
    scratch.write_bytes(tail)
    scratch.replace(older)


def _plain_start(log: Path, header: str) -> None:
    """The log as the started server left it, made plain: a line saying where it listens, then its start-up banner
    without colour codes or logo."""
    with log.open("rb") as f:
        started = f.read()
        os.truncate(log, 0)
    lines = [line.rstrip() for line in _ANSI.sub(b"", started).splitlines() if not _BANNER_ART.fullmatch(line)]
    banner = re.sub(rb"\n{3,}", b"\n\n", b"\n".join(lines).strip())
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with log.open("ab") as f:  # after anything written since the cut
        f.write(f"{stamp} {header}\n".encode() + (banner + b"\n\n" if banner else b""))


def _keep_small(process: subprocess.Popen, log: Path, keep: int, every: float) -> None:
    """While the server runs: every ``every`` seconds, roll its log over once it is past ``keep`` bytes."""
    while process.poll() is None:
        time.sleep(every)
        with contextlib.suppress(OSError):
            if log.stat().st_size > keep:
                roll_log(log, keep)


def _answers(url: str, timeout: float) -> bool:
    try:
        urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=timeout).close()
    except (OSError, ValueError):
        return False
    return True


def _chroma() -> str:
    """Chroma's command, installed beside this interpreter."""
    found = Path(sys.executable).with_name("chroma")
    if not found.exists():
        raise StoreError(f"Chroma's server command is not installed beside {sys.executable} (expected {found})")
    return str(found)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: be sent SIGTERM when the app exits, however it exits (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop(process: subprocess.Popen, address: Path | None) -> None:
    if address is not None:
        address.unlink(missing_ok=True)
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
