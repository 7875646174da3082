"""The running chat app answers this machine's command line: ``ask``, ``stats`` and ``articles`` in a fraction of a
second instead of loading the models again.

While ``news-assistant ui`` serves a store it also listens on a loopback port (never beyond this machine, whatever
``--host`` says) and leaves that address, a random token and a digest of its answering settings in the store
(``news-assistant.app``, readable by its owner only). The CLI reads it before importing anything heavy; when the app
answers, with the same settings, the reply is what the CLI would have printed itself. Otherwise (no app, another
collection, other settings, a stale file) the CLI answers on its own. It only reads: writes go through the store.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import hashlib
import hmac
import json
import os
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant import Assistant
    from assistant.settings import Settings

APP_FILE = "news-assistant.app"
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never through a proxy
# Settings that do not change an answer from a store the app has already opened.
_NOT_ANSWERING = {"store", "chroma_url", "serve_store", "demo", "seeds"}


class AppRefused(Exception):
    """The running app refused the request (e.g. a question it cannot ask); the message says why."""


def settings_digest(settings: Settings) -> str:
    """A digest of the settings that shape answers, so the CLI uses the app only when it would answer the same."""
    shaping = settings.model_dump(mode="json", exclude=_NOT_ANSWERING)
    return hashlib.sha256(json.dumps(shaping, sort_keys=True).encode()).hexdigest()[:16]


# --- the app's side ---------------------------------------------------------------------------------------------


def serve_cli(assistant: Assistant) -> Path:
    """Answer the CLI from this process for as long as it runs: a loopback server in a daemon thread, and its address
    in the store (removed at exit). Returns the address file's path."""
    token = secrets.token_urlsafe(24)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(assistant, token))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="cli-answers", daemon=True).start()
    address = Path(assistant.settings.store) / APP_FILE
    record = {
        "url": f"http://127.0.0.1:{server.server_address[1]}",
        "token": token,
        "pid": os.getpid(),
        "collection": assistant.settings.collection,
        "settings": settings_digest(assistant.settings),
    }
    scratch = address.with_suffix(".tmp")
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(record, out)
    scratch.replace(address)
    atexit.register(_stop, server, address, token)
    return address


def _stop(server: ThreadingHTTPServer, address: Path, token: str) -> None:
    """Stop answering; remove the address unless a newer app has replaced it."""
    server.shutdown()
    with contextlib.suppress(OSError, ValueError):
        if json.loads(address.read_text(encoding="utf-8")).get("token") == token:
            address.unlink()


def _handler(assistant: Assistant, token: str) -> type[BaseHTTPRequestHandler]:
    from assistant import QuestionError

    class Handler(BaseHTTPRequestHandler):
        """``POST /ask`` {question, since, until} → an Answer; ``GET /stats``; ``GET /articles``."""

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/stats":
                self._answer(assistant.stats)
            elif self.path == "/articles":
                self._answer(lambda: [dataclasses.asdict(a) for a in assistant.articles()])
            else:
                self._reply(HTTPStatus.NOT_FOUND, {"error": f"no such path {self.path}"})

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            if self.path == "/ask":
                self._answer(self._ask)
            else:
                self._reply(HTTPStatus.NOT_FOUND, {"error": f"no such path {self.path}"})

        def _ask(self) -> dict[str, Any]:
            try:
                asked = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                question, since, until = asked["question"], asked.get("since"), asked.get("until")
            except (ValueError, KeyError, TypeError) as err:
                raise QuestionError(f"not a question request ({err})") from None
            return assistant.ask(question, since=since, until=until).model_dump(mode="json")

        def _answer(self, work: Callable[[], Any]) -> None:
            """Reply with what ``work`` returns; a refused question is a 400 with its reason, a failure a 500 (the
            CLI then answers on its own, and says what failed)."""
            if not self._allowed():
                return
            try:
                result = work()
            except QuestionError as err:
                self._reply(HTTPStatus.BAD_REQUEST, {"error": str(err)})
            except Exception as err:  # noqa: BLE001 - the app goes on serving the chat
                self._reply(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"{type(err).__name__}: {err}"})
            else:
                self._reply(HTTPStatus.OK, result)

        def _allowed(self) -> bool:
            given = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if hmac.compare_digest(given.encode(), token.encode()):
                return True
            self._reply(HTTPStatus.UNAUTHORIZED, {"error": "not this store's token"})
            return False

        def _reply(self, status: HTTPStatus, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:  # the chat's terminal is not a request log
            pass

    return Handler


# --- the command line's side --------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class RunningApp:
    """The app serving a store, as its address file says; ``request`` asks it."""

    url: str
    token: str

    @classmethod
    def serving(cls, settings: Settings) -> RunningApp | None:
        """The app serving this store's collection with these answering settings, or None (then answer here)."""
        try:
            record = json.loads((Path(settings.store) / APP_FILE).read_text(encoding="utf-8"))
            os.kill(int(record["pid"]), 0)  # a killed app leaves its file: not worth a connection attempt
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if record.get("collection") != settings.collection or record.get("settings") != settings_digest(settings):
            return None
        return cls(url=str(record["url"]), token=str(record["token"]))

    def request(self, path: str, body: dict[str, Any] | None = None) -> Any | None:
        """The app's reply to GET (no body) or POST ``path``; None when it does not answer (then answer here);
        AppRefused when it refuses the request."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path,
            data=data,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with _DIRECT.open(request, timeout=600) as reply:
                return json.loads(reply.read())
        except urllib.error.HTTPError as err:
            if err.code == HTTPStatus.BAD_REQUEST:
                raise AppRefused(json.loads(err.read()).get("error", "refused")) from None
            return None
        except (OSError, ValueError):
            return None
