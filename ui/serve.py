"""``news-assistant ui``: who signs in, the store served to other processes while the chat is up, and the web app.

Binding beyond this machine needs users to sign in (``admin.py``), or ``--no-auth`` said explicitly; the store is
served through Chroma's server (``index/store/server.py``) unless ``NEWS_ASSISTANT_SERVE_STORE=false``. Each step
of starting is said as it begins, with its time as it ends (``phase``), so that a first start is seen to be moving.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext

from ui.admin import settings_of


def cmd_ui(args: argparse.Namespace) -> int:
    """Serve the chat until Ctrl-C or SIGTERM; exit 2, saying why, when it must not or cannot."""
    from assistant import Assistant
    from assistant.build import models_to_prepare, prepare_models
    from ui.access import UsersFile
    from ui.running_app import serve_cli
    from ui.web import exposure_warning, launch, loopback

    share = args.share == "on"
    users = UsersFile(settings_of(args).users_path)
    count = len(users.users())
    signing_in = bool(count) and not args.no_auth
    if not signing_in and not args.no_auth and (share or not loopback(args.host)):
        print(
            f"error: --host {args.host}{' with --share on' if share else ''} would let other machines change the "
            f"articles, and nobody signs in: add users first (`news-assistant users add NAME --role editor`; they are "
            f"kept in {users.path}), or pass --no-auth to serve without sign-in anyway",
            file=sys.stderr,
        )
        return 2
    warning = None if signing_in else exposure_warning(args.host, share)
    if warning:  # before anything loads, so it is the first thing seen
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped like Ctrl-C: the store's server stops too
    settings = settings_of(args)
    if models_to_prepare(settings):  # their first use exports them (int8 ONNX) into the cache, once
        with phase("Preparing the models (once)"):
            prepare_models(settings)
    with phase("Opening the store"):
        served = _serve_store(args)
        assistant = Assistant(store_path=args.store, collection=args.collection, add_demo=False)  # said and timed:
    if assistant.demo_due():
        with phase("Indexing the demo article"):
            assistant.index_demo()
    with phase("Loading the reader") if assistant.settings.reader else nullcontext():
        assistant.warm()
    serve_cli(assistant)  # `ask`, `stats` and `articles` on this store are answered from here meanwhile
    articles = assistant.stats()["articles"]
    who = f"; sign-in for the {count} users in {users.path}" if signing_in else ""
    shared = "; ingest, watch and ask on this store work meanwhile" if served else ""
    about = f"{articles} article{'' if articles == 1 else 's'}{who}{shared}"
    print(f"Serving at http://{args.host}:{args.port} ({about}) — Ctrl-C to stop", flush=True)
    signed = users if signing_in else None
    try:  # quiet: Gradio's own lines would repeat the address (a public share link is still printed)
        launch(assistant, host=args.host, port=args.port, share=share, warn=False, users=signed, quiet=True)
    except OSError as err:
        where = f"{args.host}:{args.port}"
        print(f"error: cannot serve on {where} ({err}); choose another --host or --port", file=sys.stderr)
        return 2
    return 0


@contextmanager
def phase(name: str, clock: Callable[[], float] = time.perf_counter) -> Iterator[None]:
    """Say ``name…`` on standard output as a step of starting begins, and its time in seconds on the same line as it
    ends ("Indexing the demo article… 6.1 s"); an error ends the line, so that the error's own line follows."""
    print(f"{name}…", end=" ", flush=True)
    start = clock()
    try:
        yield
    except BaseException:
        print(flush=True)
        raise
    print(f"{clock() - start:.1f} s", flush=True)


def _serve_store(args: argparse.Namespace) -> str | None:
    """Serve the on-disk store to other processes for as long as this one runs (``index/store/server.py``); its
    server's address, or None when it is not served."""
    from index.store.server import serve_store

    settings = settings_of(args)
    if settings.serve_store and not settings.chroma_url:
        return serve_store(settings.store, settings.collection)
    return None
