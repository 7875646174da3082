"""The admin commands from the command line: ``users`` and ``audit``, with the ways they are misused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import run_cli

pytestmark = [pytest.mark.slow, pytest.mark.integration]  # a dozen runs of the real command


def test_users_are_added_listed_changed_and_removed(tmp_path: Path) -> None:
    store = tmp_path / "store"
    add = ["--store", store, "users", "add", "ed", "--role", "editor", "--password-stdin"]
    added = run_cli(*add, stdin="ed's secret\n")
    assert added.returncode == 0 and f"added ed (editor) to {store / 'users.json'}" in added.stdout
    listed = run_cli("--store", store, "users", "list")
    assert listed.stdout == "ed\teditor\n"
    changed = run_cli("--store", store, "users", "passwd", "ed", "--password-stdin", stdin="a newer secret\n")
    assert changed.returncode == 0 and "ed's secret" not in (store / "users.json").read_text()
    assert run_cli("--store", store, "users", "remove", "ed").returncode == 0
    assert run_cli("--store", store, "users", "list").stdout == ""


def test_misuse_is_one_error_line_and_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_cli("--store", store, "users", "add", "ed", "--role", "editor", "--password-stdin", stdin="ed's secret\n")
    before = (store / "users.json").read_bytes()
    for args, stdin, says in [
        (["users", "add", "ed", "--password-stdin"], "another secret", "already a user 'ed'"),
        (["users", "add", "rita", "--password-stdin"], "short", "the password is too short"),
        (["users", "add", "--password-stdin"], "long enough secret", "`users add` needs a user name"),
        (["users", "remove", "nobody"], None, "no user 'nobody'"),
    ]:
        result = run_cli("--store", store, *args, stdin=stdin)
        assert result.returncode == 2 and result.stderr.startswith("error: ") and says in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert (store / "users.json").read_bytes() == before
    role = run_cli("--store", store, "users", "add", "otto", "--role", "admin", "--password-stdin", stdin="x" * 9)
    assert role.returncode == 2 and "invalid choice: 'admin'" in role.stderr


def test_the_audit_of_a_store_nobody_changed_is_empty(tmp_path: Path) -> None:
    result = run_cli("--store", tmp_path / "store", "audit")
    assert result.returncode == 0 and result.stdout == ""
