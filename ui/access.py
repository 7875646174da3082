"""Who may use a shared app: a users file of names, roles and argon2 password hashes (never the passwords).

A *reader* may chat and read the articles; an *editor* may also add, replace and delete them. The file is JSON,
written whole to a temporary file and renamed over the old one, readable by its owner only.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

Role = Literal["reader", "editor"]
ROLES: tuple[Role, ...] = ("reader", "editor")
MIN_PASSWORD = 8
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_HASHER = PasswordHasher()


class UsersError(ValueError):
    """A users file that cannot be read, or a change to it that cannot be made; the message says why."""


@dataclass(frozen=True)
class User:
    """One user: a name and a role (the password hash stays in the file)."""

    name: str
    role: Role

    @property
    def may_edit(self) -> bool:
        return self.role == "editor"


class UsersFile:
    """The users file at ``path``: read on every check, so a change made with ``news-assistant users`` applies at
    once to a running app."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def users(self) -> list[User]:
        return [User(name, cast(Role, row["role"])) for name, row in sorted(self._read().items())]

    def user(self, name: str) -> User | None:
        row = self._read().get(name)
        return User(name, cast(Role, row["role"])) if row else None

    def verify(self, name: str, password: str) -> bool:
        """Whether ``password`` is ``name``'s (a constant-time argon2 check; an unknown name is simply refused)."""
        row = self._read().get(name.strip())
        if row is None:
            return False
        try:
            return _HASHER.verify(row["hash"], password)
        except (VerificationError, InvalidHashError):
            return False

    def add(self, name: str, role: str, password: str) -> User:
        users = self._read()
        if name in users:
            raise UsersError(f"there is already a user '{name}'; change their password with `users passwd {name}`")
        if not _NAME.fullmatch(name):
            raise UsersError(f"'{name}' is not a usable user name: 1-64 letters, digits, '.', '_', '@' or '-'")
        users[name] = {"role": _role(role), "hash": _hash(password)}
        self._write(users)
        return User(name, cast(Role, role))

    def remove(self, name: str) -> None:
        users = self._read()
        if users.pop(name, None) is None:
            raise UsersError(f"there is no user '{name}' in {self.path}")
        self._write(users)

    def set_password(self, name: str, password: str) -> None:
        users = self._read()
        if name not in users:
            raise UsersError(f"there is no user '{name}' in {self.path}")
        users[name]["hash"] = _hash(password)
        self._write(users)

    def _read(self) -> dict[str, dict[str, str]]:
        if not self.path.exists():
            return {}
        try:
            users = json.loads(self.path.read_text(encoding="utf-8"))["users"]
            if not all(isinstance(r, dict) and r.get("role") in ROLES and r.get("hash") for r in users.values()):
                raise ValueError("a user without a role or a password hash")
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
            raise UsersError(f"the users file {self.path} cannot be read ({err}); fix or remove it") from err
        return users

    def _write(self, users: dict[str, dict[str, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        scratch = self.path.with_suffix(".tmp")
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"users": users}, out, indent=2)
        scratch.replace(self.path)


def _role(role: str) -> Role:
    if role not in ROLES:
        raise UsersError(f"'{role}' is not a role; use one of: {', '.join(ROLES)}")
    return cast(Role, role)


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UsersError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)
