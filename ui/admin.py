"""The commands that run a shared app: ``news-assistant users add|remove|list|passwd`` and ``audit``.

Passwords are read without echo (or from standard input with ``--password-stdin``, for scripts), never from the
command line, where other users and the shell's history would see them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from ui.access import ROLES, UsersError, UsersFile
from ui.audit import AuditLog


def settings_of(args: argparse.Namespace):  # noqa: ANN202 - imported lazily so --help is instant
    """The settings, with the command line's --store and --collection."""
    from assistant.settings import load_settings

    named = {k: v for k, v in {"store": args.store, "collection": args.collection}.items() if v is not None}
    return load_settings().updated(**named)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise UsersError("the two passwords differ; nothing was changed")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    users = UsersFile(settings_of(args).users_path)
    if args.action == "list":
        for user in users.users():
            print(f"{user.name}\t{user.role}")
        return 0
    if not args.name:
        raise UsersError(f"`users {args.action}` needs a user name")
    if args.action == "add":
        user = users.add(args.name, args.role, _password(args))
        print(f"added {user.name} ({user.role}) to {users.path}")
    elif args.action == "passwd":
        users.set_password(args.name, _password(args))
        print(f"changed the password of {args.name}")
    else:
        users.remove(args.name)
        print(f"removed {args.name}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    entries = AuditLog(Path(settings_of(args).store)).recent(args.last)
    for e in entries:
        print(json.dumps(e, ensure_ascii=False) if args.json else _line(e))
    return 0


def _line(entry: dict) -> str:
    counts = ", ".join(f"{k} {v}" for k, v in entry.items() if isinstance(v, int) and not isinstance(v, bool))
    articles = "; ".join(entry.get("articles") or [])
    return f"{entry.get('time')}  {entry.get('user')}  {entry.get('action')}  {counts}" + (
        f"  — {articles}" if articles else ""
    )


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``users`` and ``audit`` to the ``news-assistant`` command."""
    p = sub.add_parser("users", help="who may sign in to a shared app: add, remove, list, passwd")
    p.add_argument("action", choices=["add", "remove", "list", "passwd"])
    p.add_argument("name", nargs="?", help="user name (add, remove, passwd)")
    p.add_argument("--role", choices=ROLES, default="reader", help="reader: chat; editor: also add and delete articles")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(func=cmd_users)
    p = sub.add_parser("audit", help="the recent changes to the articles: who added, replaced or deleted what")
    p.add_argument("--last", type=int, default=20, help="how many entries (default 20)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_audit)
