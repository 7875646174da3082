"""The Articles tab's handlers: add files, pages and feeds, list, open and delete articles, each change only by an
editor (``gate.py``) and recorded in the audit log."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Assistant
from index.ingest import IngestReport
from ui import render
from ui.gate import Gate


class ArticleHandlers:
    """Gradio event handlers of the Articles tab over one Assistant."""

    def __init__(self, assistant: Assistant, gate: Gate) -> None:
        self.assistant, self.gate = assistant, gate
        self.uploads = Path(assistant.settings.store) / "uploads"

    def ingest(
        self,
        files: list[str] | None,
        request: gr.Request | None = None,
        progress: gr.Progress = gr.Progress(track_tqdm=True),  # noqa: B008
    ) -> str:
        """Index uploaded files, kept under ``<store>/uploads`` by their own names so a changed file replaces."""
        user = self.gate.editor(request, additions=len(files or []))
        if not files:
            return "Choose one or more files first."
        self.uploads.mkdir(parents=True, exist_ok=True)
        kept, previous = [], {}
        for file in files:
            target = self.uploads / Path(file).name
            if target.exists():  # set aside, so a refused file does not cost the good one it would replace
                previous[target] = target.replace(target.with_name(f".{target.name}.previous"))
            shutil.copyfile(file, target)
            kept.append(target)
        report = self.assistant.ingest(kept, progress=True)
        for target in kept:  # a refused file is not kept (bad lines of a JSONL file do not refuse the file)
            if any(p.startswith((f"{target}: ", f"{target.resolve()}: ")) for p in report.errors):
                target.unlink(missing_ok=True)
                if target in previous:
                    previous.pop(target).replace(target)
        for aside in previous.values():
            aside.unlink(missing_ok=True)
        problems = [str(p).replace(f"{self.uploads}/", "") for p in report.errors]
        self.gate.audit.ingested(user.name, "upload", report, [Path(f).name for f in files])
        return _status(report, problems, [str(p).replace(f"{self.uploads}/", "") for p in report.ignored])

    def article_choices(self) -> list[tuple[str, str]]:
        return [(f"{a.title or 'Untitled'} ({a.id[:8]})", a.id) for a in self.assistant.articles()]

    def refresh(self) -> tuple[Any, Any]:
        """The articles table and the article picker, as the store has them now."""
        rows = render.articles_rows(self.assistant.articles())
        return gr.update(value=rows), gr.update(choices=self.article_choices(), value=None)

    def add_from_web(
        self,
        addresses: str,
        request: gr.Request | None = None,
        progress: gr.Progress = gr.Progress(track_tqdm=True),  # noqa: B008
    ) -> str:
        """Index the web pages and RSS/Atom feeds at these addresses (one per line or space-separated)."""
        urls = addresses.split()
        self.gate.editor(request)
        if not urls:
            return "Give the address of a web page or a feed (https://…)."
        bad = [u for u in urls if not u.startswith(("http://", "https://"))]
        if bad:
            return render.escape_markdown(f"Not a web address: {', '.join(bad)}; give http:// or https:// addresses.")
        user = self.gate.editor(request, additions=len(urls))
        report = self.assistant.ingest(urls, progress=True)
        self.gate.audit.ingested(user.name, "add_url", report, urls)
        return _status(report, report.errors, report.ignored)

    def open_article(self, article_id: str | None) -> str:
        article = self.assistant.article(article_id) if article_id else None
        return render.article_html(article) if article else ""

    def delete(self, article_id: str | None, request: gr.Request | None = None) -> str:
        user = self.gate.editor(request)
        if not article_id:
            return "Pick an article to delete."
        article = self.assistant.article(article_id)
        if article is None:
            return "That article is no longer in the index."
        self.assistant.delete(article_id)
        self.gate.audit.record(user.name, "delete", [f"{article.title or 'Untitled'} ({article_id[:12]})"], deleted=1)
        return f"Deleted “{render.escape_markdown(article.title or 'Untitled')}”."


def _status(report: IngestReport, problems: list[str], ignored: list[str]) -> str:
    """What an ingestion did, and each problem, repeated article and thing not read on its own line, as escaped
    Markdown."""
    listed = "".join(f"\n- {render.escape_markdown(p)}" for p in problems)
    repeated = "".join(f"\n- {render.escape_markdown(p)}" for p in report.duplicates)
    passed = "".join(f"\n- {render.escape_markdown(p)}" for p in ignored)
    return (
        render.escape_markdown(report.summary())
        + (f"\n\n**Not indexed:**{listed}" if listed else "")
        + (f"\n\n**Given twice:**{repeated}" if repeated else "")
        + (f"\n\n**Not read:**{passed}" if passed else "")
    )
