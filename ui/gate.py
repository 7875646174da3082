"""What each request to the web app may do: who signed in and their role, their rate limits, and the audit log.

Enforced in the server's handlers, whatever calls them (the page or Gradio's API). Without sign-in (one person on
this machine) everyone is the local editor, without limits.
"""

from __future__ import annotations

import math

import gradio as gr

from assistant.settings import Settings
from ui.access import User, UsersFile
from ui.audit import AuditLog
from ui.limits import RateLimit

LOCAL = User("local", "editor")


class Gate:
    """Roles, limits and the audit log for one app; ``users`` is None when nobody signs in."""

    def __init__(self, settings: Settings, users: UsersFile | None) -> None:
        self.users = users
        self.questions = RateLimit(settings.max_questions, settings.question_window)
        self.uploads = RateLimit(settings.max_uploads, settings.upload_window)
        self.audit = AuditLog(settings.store)

    def user(self, request: gr.Request | None) -> User:
        """The signed-in user of this request (refused if they have been removed since signing in)."""
        if self.users is None:
            return LOCAL
        name = getattr(request, "username", None)
        user = self.users.user(name) if name else None
        if user is None:
            raise gr.Error("Sign in first.")
        return user

    def question_wait(self, request: gr.Request | None) -> str | None:
        """Why this user may not ask now, or None (the question is counted)."""
        if self.users is None:
            return None
        user, q = self.user(request), self.questions
        wait = q.wait(user.name)
        if not wait:
            return None
        return f"You have asked {q.count} questions in the last {_span(q.window)}; ask again in {wait:.0f} s."

    def editor(self, request: gr.Request | None, additions: int = 0) -> User:
        """The user, if they may change the articles (and, adding ``additions`` files or addresses, within their
        limit); otherwise a refusal, shown in the page and raised to an API caller."""
        user, u = self.user(request), self.uploads
        if not user.may_edit:
            raise gr.Error(f"Only editors may add or delete articles; {user.name} is a reader.")
        wait = u.wait(user.name, additions) if additions and self.users is not None else 0
        if wait == math.inf:
            raise gr.Error(f"Add at most {u.count} files or addresses at a time.")
        if wait:
            raise gr.Error(f"{user.name} may add {u.count} files or addresses per {_span(u.window)}; "
                           f"add more in {wait:.0f} s.")  # fmt: skip
        return user


def _span(seconds: float) -> str:
    return {60.0: "minute", 3600.0: "hour"}.get(float(seconds), f"{seconds:g} seconds")
