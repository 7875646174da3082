"""``news-assistant ui``: who signs in, the store served to other processes while the chat is up, and the web app.

Binding beyond this machine needs users to sign in (``admin.py``), or ``--no-auth`` said explicitly; the store is
served through Chroma's server (``index/store/server.py``) unless ``NEWS_ASSISTANT_SERVE_STORE=false``.
"""

from __future__ import annotations

import argparse
import signal
import sys

from ui.admin import settings_of


def cmd_ui(args: argparse.Namespace) -> int:
    """Serve the chat until Ctrl-C or SIGTERM; exit 2, saying why, when it must not or cannot."""
    from assistant import Assistant
    from ui.access import UsersFile
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
    served = _serve_store(args)
    assistant = Assistant(store_path=args.store, collection=args.collection)
    assistant.warm()
    who = f"; sign-in for the {count} users in {users.path}" if signing_in else ""
    shared = "; ingest, watch and ask on this store work meanwhile" if served else ""
    print(f"News Assistant: {assistant.stats()['articles']} articles{who}{shared}; open http://{args.host}:{args.port}")
    try:
        launch(assistant, host=args.host, port=args.port, share=share, warn=False, users=users if signing_in else None)
    except OSError as err:
        where = f"{args.host}:{args.port}"
        print(f"error: cannot serve on {where} ({err}); choose another --host or --port", file=sys.stderr)
        return 2
    return 0


def _serve_store(args: argparse.Namespace) -> str | None:
    """Serve the on-disk store to other processes for as long as this one runs (``index/store/server.py``); its
    server's address, or None when it is not served."""
    from index.store.server import serve_store

    settings = settings_of(args)
    if settings.serve_store and not settings.chroma_url:
        return serve_store(settings.store, settings.collection)
    return None
