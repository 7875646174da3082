"""An on-disk store served to other processes: Chroma's own server runs on it, and its address is left in the store.

Chroma's embedded store is one process's (``lock.py``). The app that serves the chat starts ``chroma run`` on its
store's directory instead, holds the lock itself, and writes the server's loopback address into the store; a second
process (``ingest``, ``watch``, ``ask``) opening the same directory finds the address and connects there. The server
dies with the app (a parent-death signal as well as an exit handler), and an address whose server no longer answers
is ignored, so a killed app leaves nothing that refuses the next one.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from index.store.errors import StoreError
from index.store.lock import claim_store

ADDRESS_FILE = "news-assistant.server"
LOG_FILE = "news-assistant.server.log"
_PR_SET_PDEATHSIG = 1


def served_url(path: Path) -> str | None:
    """The address of the running server of the store at ``path``, or None when none answers there."""
    try:
        url = json.loads((Path(path) / ADDRESS_FILE).read_text(encoding="utf-8"))["url"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return url if _answers(url, timeout=2.0) else None


def serve_store(path: Path, collection: str, timeout: float = 60.0) -> str:
    """Start Chroma's server on the store at ``path`` for the rest of this process; returns its loopback address.

    The store's files are checked first (a damaged store is refused as when opened directly) and the store is
    locked, so nothing opens it embedded while it is served.
    """
    path = Path(path)
    claim_store(path, collection)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [_chroma(), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with (path / LOG_FILE).open("w") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            preexec_fn=_die_with_parent,
        )
    atexit.register(_stop, process, path / ADDRESS_FILE)
    deadline = time.monotonic() + timeout
    while not _answers(url, timeout=1.0):
        if process.poll() is not None or time.monotonic() > deadline:
            _stop(process, None)
            tail = (path / LOG_FILE).read_text(encoding="utf-8", errors="replace")[-600:].strip()
            raise StoreError(f"Chroma's server for the store {path} did not start ({tail or 'no output'})")
        time.sleep(0.1)
    address = path / ADDRESS_FILE
    scratch = address.with_suffix(".tmp")
    scratch.write_text(json.dumps({"url": url, "pid": os.getpid(), "server_pid": process.pid}), encoding="utf-8")
    scratch.replace(address)
    return url


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
