"""Who may use a shared app: the users file, the per-user limits and the audit log, on their own (fast)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import gradio as gr
import pytest

from assistant.settings import Settings
from ui.access import UsersError, UsersFile
from ui.audit import AuditLog
from ui.gate import LOCAL, Gate
from ui.limits import RateLimit

PASSWORD = "correct horse battery"


@pytest.fixture
def users(tmp_path: Path) -> UsersFile:
    users = UsersFile(tmp_path / "users.json")
    users.add("rita", "reader", PASSWORD)
    users.add("ed", "editor", "editor's own secret")
    return users


def test_users_are_kept_with_hashes_only_and_checked(users: UsersFile) -> None:
    text = users.path.read_text()
    assert PASSWORD not in text and "editor's own secret" not in text and "$argon2id$" in text
    assert os.stat(users.path).st_mode & 0o777 == 0o600
    assert [(u.name, u.role) for u in users.users()] == [("ed", "editor"), ("rita", "reader")]
    assert users.verify("rita", PASSWORD) and not users.verify("rita", "wrong") and not users.verify("nobody", PASSWORD)
    users.set_password("rita", "a new password")
    assert users.verify("rita", "a new password") and not users.verify("rita", PASSWORD)
    users.remove("rita")
    assert users.user("rita") is None and not users.verify("rita", "a new password")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda u: u.add("rita", "reader", PASSWORD), "already a user 'rita'"),
        (lambda u: u.add("bad name", "reader", PASSWORD), "not a usable user name"),
        (lambda u: u.add("otto", "admin", PASSWORD), "'admin' is not a role"),
        (lambda u: u.add("otto", "reader", "short"), "too short"),
        (lambda u: u.remove("otto"), "no user 'otto'"),
        (lambda u: u.set_password("otto", PASSWORD), "no user 'otto'"),
    ],
)
def test_a_change_that_cannot_be_made_is_refused_and_changes_nothing(users: UsersFile, change, says: str) -> None:  # noqa: ANN001
    before = users.path.read_bytes()
    with pytest.raises(UsersError, match=says):
        change(users)
    assert users.path.read_bytes() == before


def test_an_unreadable_users_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    for content in ("not json", json.dumps({"users": {"x": {"role": "god", "hash": "h"}}}), json.dumps([1])):
        (tmp_path / "users.json").write_text(content)
        with pytest.raises(UsersError, match="cannot be read .*fix or remove it"):
            UsersFile(tmp_path / "users.json").users()


def test_a_rate_limit_trips_at_its_count_and_recovers_after_its_window() -> None:
    now = [0.0]
    limit = RateLimit(3, 60, clock=lambda: now[0])
    assert [limit.wait("rita") for _ in range(3)] == [0, 0, 0]
    assert limit.wait("rita") == 60 and limit.wait("ed") == 0, "each user has their own count"
    now[0] = 45
    assert limit.wait("rita") == 15
    now[0] = 60
    assert limit.wait("rita") == 0
    assert limit.wait("ed", actions=3) == 0, "ed's first action was a window ago"
    assert limit.wait("ed") == 60 and limit.wait("ed", actions=4) == float("inf")


def test_the_audit_log_reads_back_its_lines_oldest_first(tmp_path: Path) -> None:
    log = AuditLog(tmp_path)
    log.record("ed", "upload", ["Ferry (abc)"], added=1)
    with log.path.open("a") as out:
        out.write("not json\n")
    log.record("ed", "delete", ["Ferry (abc)"], deleted=1)
    entries = log.recent()
    assert [(e["user"], e["action"], e["articles"]) for e in entries] == [
        ("ed", "upload", ["Ferry (abc)"]),
        ("ed", "delete", ["Ferry (abc)"]),
    ]
    assert entries[0]["added"] == 1 and entries[0]["time"].endswith("+00:00")


class _Request:
    def __init__(self, username: str | None) -> None:
        self.username = username


def test_the_gate_refuses_readers_strangers_and_the_over_limit(users: UsersFile, tmp_path: Path) -> None:
    gate = Gate(Settings(store=tmp_path, max_questions=1, max_uploads=2), users)
    with pytest.raises(gr.Error, match="rita is a reader"):
        gate.editor(_Request("rita"))
    with pytest.raises(gr.Error, match="Sign in first"):
        gate.user(_Request("mallory"))
    assert gate.editor(_Request("ed"), additions=2).name == "ed"
    with pytest.raises(gr.Error, match="ed may add 2 files or addresses per hour; add more in 3600 s"):
        gate.editor(_Request("ed"), additions=1)
    assert gate.question_wait(_Request("rita")) is None
    assert "You have asked 1 questions in the last minute" in gate.question_wait(_Request("rita"))


def test_without_sign_in_everyone_is_the_local_editor_without_limits(tmp_path: Path) -> None:
    gate = Gate(Settings(store=tmp_path, max_questions=1, max_uploads=1), None)
    assert gate.user(None) == LOCAL and gate.editor(None, additions=5) == LOCAL
    assert gate.question_wait(None) is None and gate.question_wait(None) is None
