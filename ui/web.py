"""The browser chat: ask, read the answer, see each cited sentence highlighted in its article; manage articles.

The page's layout and the chat's handlers are here; the Articles tab's handlers are in ``articles.py``, what each
signed-in user may do in ``gate.py``, and what the page shows is rendered by ``render.py``.
"""

from __future__ import annotations

import html
import ipaddress
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
from chromadb.errors import ChromaError

from assistant import Answer, Assistant, QuestionError
from ui import render
from ui.access import UsersFile
from ui.articles import ArticleHandlers
from ui.examples import example_questions
from ui.gate import Gate

UPLOAD_TYPES = [".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"]
# The demo store's "Try" questions, about its article; any other store's are made from its newest stories.
DEMO_EXAMPLES = [
    "who rejected foreign troops?",
    "Who is the NATO chief?",
    "How many Western allies committed to supporting Ukraine?",
    "Where did Putin meet Trump?",
]
NO_ARTICLES = "No articles yet: add some in the **Articles** tab, then ask about them here."
ASSETS = Path(__file__).resolve().parent / "assets"
# System fonts only: Gradio's default theme fetches Google Fonts, and the machines this runs on are offline.
THEME = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])


class ChatApp:
    """Gradio event handlers over one Assistant; per-user state lives in the page (``gr.State``), not here, and what
    each user may do is the ``gate``'s to say."""

    def __init__(self, assistant: Assistant, gate: Gate) -> None:
        self.assistant, self.gate = assistant, gate

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
        request: gr.Request | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Show the question at once, stream the draft, then the checked answer with linked markers and its sources."""
        try:
            question = self.assistant.check_question(message)
        except QuestionError as err:
            gr.Warning(str(err))
            yield message, chat, turns, panels, _panel(panels)
            return
        limited = self.gate.question_wait(request)
        if limited:  # said in the chat, the question kept to send again
            said = [{"role": "user", "content": render.escape_markdown(question)}]
            yield message, [*chat, *said, {"role": "assistant", "content": limited}], turns, panels, _panel(panels)
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

    def suggestions(self) -> tuple[Any, Any]:
        """The "Try" questions, or the hint to add articles while there are none (an empty store), as the store has
        them now: articles come and go while the app runs (uploads, and other processes sharing the store)."""
        questions = examples(self.assistant)
        return gr.update(samples=[[q] for q in questions], visible=bool(questions)), gr.update(visible=not questions)

    def session(self, request: gr.Request | None = None) -> tuple[Any, ...]:
        """Who is signed in (with a sign-out link), and the article controls shown only to those who may use them."""
        if self.gate.users is None:
            return gr.update(visible=False), *[gr.update(visible=True)] * 5
        user = self.gate.user(request)
        account = (
            f'<p class="na-account">Signed in as <strong>{html.escape(user.name)}</strong> ({user.role}) · '
            '<a href="/logout">Sign out</a></p>'
        )
        return gr.update(value=account, visible=True), *[gr.update(visible=user.may_edit)] * 5


def _no_writer(assistant: Assistant) -> str:
    """Why no language model writes the answers: it only gives yes/no verdicts, or none is configured (and why)."""
    if assistant.gives_verdicts:
        return " The language model gives yes/no verdicts only (NEWS_ASSISTANT_LLM_ROLE=verdicts)."
    return f" No LLM is configured ({assistant.llm_problem or 'NEWS_ASSISTANT_LLM'})."


def examples(assistant: Assistant) -> list[str]:
    """The "Try" questions: the demo's for the demo store, else ones about the store's newest stories (none while it is
    empty); a listing of the store and a read of its few newest articles, no model."""
    if assistant.settings.is_demo_store:
        return DEMO_EXAMPLES
    return example_questions(assistant.articles(), assistant.article)


def _panel(panels: list[str]) -> str:
    return "".join(panels) or '<p class="na-empty">Sources of each answer appear here.</p>'


def build(assistant: Assistant, users: UsersFile | None = None) -> gr.Blocks:
    """The Blocks app: a Chat tab (chat, sources panel, settings) and an Articles tab (upload, list, open, delete);
    with ``users``, for the users who sign in, by their roles."""
    gate = Gate(assistant.settings, users)
    app, manage = ChatApp(assistant, gate), ArticleHandlers(assistant, gate)
    with gr.Blocks(title="News Assistant", analytics_enabled=False) as demo:
        gr.Markdown(
            "## News Assistant\nAnswers from your news articles, each claim pointing at the sentence that says it."
        )
        account = gr.HTML(visible=False, elem_id="na-account")
        turns, panels = gr.State([]), gr.State([])
        suggested = examples(assistant)
        with gr.Tab("Chat"), gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(
                    label="Conversation", elem_id="na-chat", height=520, latex_delimiters=[], buttons=["copy"]
                )
                question = gr.Textbox(
                    elem_id="na-question", placeholder="Ask about the articles…", show_label=False, submit_btn=True
                )
                # A Dataset, not gr.Examples: Examples made with no example (an empty store) cannot show any later.
                tries = gr.Dataset(
                    components=[question],
                    samples=[[q] for q in suggested],
                    type="values",
                    label="Try",
                    elem_id="na-try",
                    visible=bool(suggested),
                )
                no_articles = gr.Markdown(NO_ARTICLES, visible=not suggested, elem_id="na-no-articles")
                with gr.Accordion("Settings", open=False):
                    k = gr.Slider(1, 8, value=assistant.settings.k, step=1, label="Number of sources, at most")
                    llm = assistant.has_llm
                    answerer = gr.Radio(
                        ["extractive", "llm"] if llm else ["extractive"],
                        value="llm" if llm else "extractive",
                        label="Answerer",
                        info="Extractive: the source sentences themselves. LLM: a written answer whose every sentence "
                        "is checked against the sentences it cites." + ("" if llm else _no_writer(assistant)),
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
                picked = gr.Dropdown(label="Article", choices=[], elem_id="na-picked", allow_custom_value=True)
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
        tries.click(lambda sample: sample[0], tries, question, show_progress="hidden")
        suggest = {"fn": app.suggestions, "inputs": None, "outputs": [tries, no_articles], "show_progress": "hidden"}
        upload.click(manage.ingest, files, status, concurrency_id="write", concurrency_limit=1, api_name="upload").then(
            manage.refresh, None, [table, picked]
        ).then(**suggest)
        fetch.click(
            manage.add_from_web, address, status, concurrency_id="write", concurrency_limit=1, api_name="add_url"
        ).then(manage.refresh, None, [table, picked]).then(**suggest)
        remove.click(manage.delete, picked, status, concurrency_id="write", concurrency_limit=1).then(
            manage.refresh, None, [table, picked]
        ).then(lambda: "", None, article).then(**suggest)
        show.click(manage.open_article, picked, article)
        articles_tab.select(manage.refresh, None, [table, picked])
        demo.load(manage.refresh, None, [table, picked])
        demo.load(**suggest)  # articles added since the app started (another process shares the store)
        demo.load(app.session, None, [account, files, upload, address, fetch, remove])
    return demo


def exposure_warning(host: str, share: bool) -> str | None:
    """What to tell the person starting the app when it will be reachable from other machines, else None."""
    if not share and loopback(host):
        return None
    where = "through a public share link" if share else f"on {host}"
    return (
        f"News Assistant is exposed beyond this machine ({where}): anyone who can reach it can read, add and delete "
        "articles, and there is no sign-in. Use --host 127.0.0.1, or add users (news-assistant users add NAME "
        "--role editor) so that they sign in."
    )


def launch(
    assistant: Assistant,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    warn: bool = True,
    users: UsersFile | None = None,
    **kwargs: Any,
) -> Any:
    """Serve the app, with sign-in for ``users`` when given; warns (unless ``warn=False``, when the caller has) when it
    is reachable from other machines without sign-in."""
    message = exposure_warning(host, share) if users is None else None
    if message and warn:
        warnings.warn(message, stacklevel=2)
    if users is not None:
        kwargs.update(auth=users.verify, auth_message="Sign in to News Assistant.")
    return build(assistant, users).launch(
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


def loopback(host: str) -> bool:
    """Whether ``host`` is this machine only."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
