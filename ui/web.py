"""The browser chat: ask, read the answer, see each cited sentence highlighted in its article; manage articles.

(A little over 250 lines: the page's handlers and its layout, which name each other's parts; what the page shows is
rendered by ``ui.render``.)
"""

from __future__ import annotations

import ipaddress
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
from chromadb.errors import ChromaError

from assistant import Answer, Assistant, QuestionError
from index.ingest import IngestReport
from ui import render

UPLOAD_TYPES = [".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"]
EXAMPLES = [
    "who rejected foreign troops?",
    "Who is the NATO chief?",
    "How many Western allies committed to supporting Ukraine?",
    "Where did Putin meet Trump?",
]
ASSETS = Path(__file__).resolve().parent / "assets"
# System fonts only: Gradio's default theme fetches Google Fonts, and the machines this runs on are offline.
THEME = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])


class ChatApp:
    """Gradio event handlers over one Assistant; per-user state lives in the page (``gr.State``), not here."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.uploads = Path(assistant.settings.store) / "uploads"

    def respond(
        self,
        message: str,
        chat: list[dict[str, Any]],
        turns: list[Answer],
        panels: list[str],
        k: int,
        answerer: str,
        since: str = "",
        until: str = "",
    ) -> Iterator[tuple[Any, ...]]:
        """Show the question at once, stream the draft, then the checked answer with linked markers and its sources."""
        try:
            question = self.assistant.check_question(message)
        except QuestionError as err:
            gr.Warning(str(err))
            yield message, chat, turns, panels, _panel(panels)
            return
        chat = [*chat, {"role": "user", "content": render.escape_markdown(question)}]
        yield "", [*chat, {"role": "assistant", "content": "_Searching the articles…_"}], turns, panels, _panel(panels)
        try:  # the earlier answers, kept per browser session: their citations say which articles are in focus
            stream = self.assistant.ask(
                question, history=turns, k=int(k), stream=True, answerer=answerer, since=since, until=until
            )
            draft = ""
            for chunk in stream:
                draft += chunk
                if answerer == "llm":
                    partial = f"{render.escape_markdown(draft)} ▌\n\n_Checking citations when done…_"
                    yield "", [*chat, {"role": "assistant", "content": partial}], turns, panels, _panel(panels)
            answer = stream.answer
        except QuestionError as err:  # a period that is not one: say why, keep the question to edit
            gr.Warning(str(err))
            yield message, chat[:-1], turns, panels, _panel(panels)
            return
        except ChromaError as err:  # say so in the page rather than as a bare "Error"
            gr.Warning(f"The article store could not be read ({err}); rebuild it with: news-assistant reindex")
            yield message, chat[:-1], turns, panels, _panel(panels)
            return
        turn = len(turns) + 1
        shown = {q.article_id for q in [*answer.citations, *answer.related]}
        articles = {a: self.assistant.article(a) for a in shown}
        panels = [render.sources_html(answer, articles, turn), *panels]
        turns = [*turns, answer]
        chat = [*chat, {"role": "assistant", "content": render.answer_markdown(answer, turn)}]
        yield "", chat, turns, panels, _panel(panels)

    def ingest(self, files: list[str] | None, progress: gr.Progress = gr.Progress(track_tqdm=True)) -> str:  # noqa: B008
        """Index uploaded files, kept under ``<store>/uploads`` by their own names so a changed file replaces."""
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
        return _status(report, [str(p).replace(f"{self.uploads}/", "") for p in report.errors])

    def article_choices(self) -> list[tuple[str, str]]:
        return [(f"{a.title or 'Untitled'} ({a.id[:8]})", a.id) for a in self.assistant.articles()]

    def refresh(self) -> tuple[Any, Any]:
        """The articles table and the article picker, as the store has them now."""
        rows = render.articles_rows(self.assistant.articles())
        return gr.update(value=rows), gr.update(choices=self.article_choices(), value=None)

    def add_from_web(self, addresses: str, progress: gr.Progress = gr.Progress(track_tqdm=True)) -> str:  # noqa: B008
        """Index the web pages and RSS/Atom feeds at these addresses (one per line or space-separated)."""
        urls = addresses.split()
        if not urls:
            return "Give the address of a web page or a feed (https://…)."
        bad = [u for u in urls if not u.startswith(("http://", "https://"))]
        if bad:
            return render.escape_markdown(f"Not a web address: {', '.join(bad)}; give http:// or https:// addresses.")
        report = self.assistant.ingest(urls, progress=True)
        return _status(report, report.errors)

    def open_article(self, article_id: str | None) -> str:
        article = self.assistant.article(article_id) if article_id else None
        return render.article_html(article) if article else ""

    def delete(self, article_id: str | None) -> str:
        if not article_id:
            return "Pick an article to delete."
        article = self.assistant.article(article_id)
        if article is None:
            return "That article is no longer in the index."
        self.assistant.delete(article_id)
        return f"Deleted “{render.escape_markdown(article.title or 'Untitled')}”."


def _status(report: IngestReport, problems: list[str]) -> str:
    """What an ingestion did, and each problem on its own line, as escaped Markdown."""
    listed = "".join(f"\n- {render.escape_markdown(p)}" for p in problems)
    return render.escape_markdown(report.summary()) + (f"\n\n**Not indexed:**{listed}" if listed else "")


def _panel(panels: list[str]) -> str:
    return "".join(panels) or '<p class="na-empty">Sources of each answer appear here.</p>'


def build(assistant: Assistant) -> gr.Blocks:
    """The Blocks app: a Chat tab (chat, sources panel, settings) and an Articles tab (upload, list, open, delete)."""
    app = ChatApp(assistant)
    with gr.Blocks(title="News Assistant", analytics_enabled=False) as demo:
        gr.Markdown(
            "## News Assistant\nAnswers from your news articles, each claim pointing at the sentence that says it."
        )
        turns, panels = gr.State([]), gr.State([])
        with gr.Tab("Chat"), gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(
                    label="Conversation", elem_id="na-chat", height=520, latex_delimiters=[], buttons=["copy"]
                )
                question = gr.Textbox(
                    elem_id="na-question", placeholder="Ask about the articles…", show_label=False, submit_btn=True
                )
                gr.Examples(EXAMPLES, inputs=question, label="Try")
                with gr.Accordion("Settings", open=False):
                    k = gr.Slider(1, 8, value=assistant.settings.k, step=1, label="Number of sources, at most")
                    llm = assistant.has_llm
                    answerer = gr.Radio(
                        ["extractive", "llm"] if llm else ["extractive"],
                        value="llm" if llm else "extractive",
                        label="Answerer",
                        info="Extractive: the source sentences themselves. LLM: a written answer whose every sentence "
                        "is checked against the sentences it cites."
                        + ("" if llm else f" No LLM is configured ({assistant.llm_problem or 'NEWS_ASSISTANT_LLM'})."),
                    )
                    with gr.Row():
                        since = gr.Textbox("", label="Published since", placeholder="2025-09-01", elem_id="na-since")
                        until = gr.Textbox("", label="Published until", placeholder="2025-09-30", elem_id="na-until")
                clear = gr.Button("New conversation", size="sm")
            with gr.Column(scale=2):
                sources = gr.HTML(_panel([]), elem_id="na-sources", label="Sources")
        with gr.Tab("Articles") as articles_tab:
            files = gr.File(label="Add articles", file_count="multiple", file_types=UPLOAD_TYPES, elem_id="na-files")
            upload = gr.Button("Index these files", variant="primary")
            with gr.Row():
                address = gr.Textbox(
                    label="Add URL or feed",
                    placeholder="https://example.org/story.html or …/feed.xml",
                    scale=4,
                    elem_id="na-address",
                )
                fetch = gr.Button("Add", scale=1)
            status = gr.Markdown(elem_id="na-status")
            table = gr.Dataframe(
                headers=["Title", "Author", "Date", "Sentences", "Added"],
                column_widths=["46%", "16%", "12%", "8%", "18%"],
                interactive=False,
                elem_id="na-articles",
            )
            with gr.Row():
                picked = gr.Dropdown(label="Article", choices=[], elem_id="na-picked")
                show = gr.Button("Open")
                remove = gr.Button("Delete", variant="stop")
            article = gr.HTML(elem_id="na-article")

        outputs = [question, chat, turns, panels, sources]
        question.submit(
            app.respond,
            [question, chat, turns, panels, k, answerer, since, until],
            outputs,
            concurrency_limit=None,
            api_name="ask",
        )
        clear.click(lambda: ("", [], [], [], _panel([])), None, outputs)
        upload.click(app.ingest, files, status, concurrency_id="write", concurrency_limit=1, api_name="upload").then(
            app.refresh, None, [table, picked]
        )
        fetch.click(
            app.add_from_web, address, status, concurrency_id="write", concurrency_limit=1, api_name="add_url"
        ).then(app.refresh, None, [table, picked])
        remove.click(app.delete, picked, status, concurrency_id="write", concurrency_limit=1).then(
            app.refresh, None, [table, picked]
        ).then(lambda: "", None, article)
        show.click(app.open_article, picked, article)
        articles_tab.select(app.refresh, None, [table, picked])
        demo.load(app.refresh, None, [table, picked])
    return demo


def exposure_warning(host: str, share: bool) -> str | None:
    """What to tell the person starting the app when it will be reachable from other machines, else None."""
    if not share and _loopback(host):
        return None
    where = "through a public share link" if share else f"on {host}"
    return (
        f"News Assistant is exposed beyond this machine ({where}): anyone who can reach it can read, add and delete "
        "articles, and there is no login. Use --host 127.0.0.1 unless that is what you want."
    )


def launch(
    assistant: Assistant,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    warn: bool = True,
    **kwargs: Any,
) -> Any:
    """Serve the app; warns (unless ``warn=False``, when the caller has) when it is reachable from other machines."""
    message = exposure_warning(host, share)
    if message and warn:
        warnings.warn(message, stacklevel=2)
    return build(assistant).launch(
        server_name=host,
        server_port=port,
        share=share,
        max_file_size=assistant.settings.max_file_bytes,
        theme=THEME,
        css_paths=[ASSETS / "app.css"],
        head_paths=[ASSETS / "head.html"],
        footer_links=[],
        **kwargs,
    )


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
