"""The ``news-assistant`` command: ingest, watch, ask, chat, ui (``serve.py``), eval, stats, reindex, and
``admin.py``'s users and audit.

Refused input (a bad question, unreadable files, an unusable store) ends with one ``error:`` line and exit code 2.
(About 250 lines: a short function a command and the parser that names them all, read as one.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ui.admin import add_commands, settings_of
from ui.audit import AuditLog
from ui.running_app import AppRefused, RunningApp
from ui.serve import cmd_ui


def _assistant(args: argparse.Namespace):  # noqa: ANN202 - imported lazily so --help is instant
    from assistant import Assistant

    return Assistant(store_path=args.store, collection=args.collection)


def _from_app(args: argparse.Namespace, path: str, body: dict | None = None) -> object | None:
    """The reply of the chat app serving this store with the same settings (``running_app.py``), or None when there
    is none: then the command loads the store and models itself."""
    app = RunningApp.serving(settings_of(args))
    return app.request(path, body) if app else None


def _record(store: Path, action: str, report, sources: Sequence[str]) -> None:  # noqa: ANN001 - an IngestReport
    """One audit line for a change made from this command line, by the logged-in user."""
    if report.written or action == "reindex":
        AuditLog(store).ingested(f"{getpass.getuser()} (cli)", action, report, sources)


def cmd_ingest(args: argparse.Namespace) -> int:
    assistant = _assistant(args)
    report = assistant.ingest(args.paths, progress=True)
    _record(assistant.settings.store, "ingest", report, args.paths)
    print(report.summary())
    for repeated in report.duplicates:
        print(f"  = {repeated}", file=sys.stderr)
    for passed in report.ignored:
        print(f"  - {passed}", file=sys.stderr)
    for problem in report.errors:
        print(f"  ! {problem}", file=sys.stderr)
    return 2 if report.errors and not (report.added or report.skipped or report.replaced) else 0


def cmd_watch(args: argparse.Namespace) -> int:
    """Ingest the addresses now and every ``--every`` after, one line a run; Ctrl-C ends it."""
    assistant = _assistant(args)
    runs = 0
    try:
        while True:
            report = assistant.ingest(args.sources)
            _record(assistant.settings.store, "watch", report, args.sources)
            stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
            print(
                f"{stamp} {report.added} added, {report.replaced} updated, {report.skipped} unchanged, "
                f"{len(report.errors)} failed",
                flush=True,
            )
            for problem in report.errors:
                print(f"  ! {problem}", file=sys.stderr, flush=True)
            runs += 1
            if args.runs and runs >= args.runs:
                return 0
            time.sleep(args.every)
    except KeyboardInterrupt:
        return 0


def _interval(text: str) -> float:
    """'30m', '2h', '45s' or a number of seconds, as seconds (argparse type: a bad one is its error)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not an interval; write e.g. 30m, 2h or 90s")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


def cmd_ask(args: argparse.Namespace) -> int:
    from assistant.types import Answer

    question = " ".join(args.question)
    replied = _from_app(args, "/ask", {"question": question, "since": args.since, "until": args.until})
    if replied is not None:
        answer = Answer.model_validate(replied)
    else:
        answer = _assistant(args).ask(question, since=args.since, until=args.until)
    print(answer.model_dump_json(indent=2) if args.json else answer)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from assistant import Answer, QuestionError

    assistant = _assistant(args)
    assistant.warm()
    history: list[Answer] = []  # their citations say which articles the conversation is about
    print("Ask about the articles (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            return 0
        if not question:
            return 0
        try:
            answer = assistant.ask(question, history=history)
        except QuestionError as err:  # say why and keep the conversation going
            print(f"error: {err}\n", file=sys.stderr)
            continue
        print(f"{answer}\n")
        history.append(answer)


def cmd_eval(args: argparse.Namespace) -> int:
    """Run a question set, print the summary (and the comparison), write the report; 1 on a flagged regression."""

    from evaluation import EvaluationError, Summary, evaluate
    from evaluation.compare import compare, format_comparison
    from evaluation.report import format_summary

    try:
        old = Summary.model_validate_json(Path(args.compare).read_text(encoding="utf-8")) if args.compare else None
    except (OSError, ValueError) as err:
        print(f"error: cannot read the summary to compare with: {err}", file=sys.stderr)
        return 2
    out = Path(args.out or Path("eval-results") / dt.datetime.now().strftime("%Y%m%d-%H%M%S"))
    try:
        result = evaluate(
            args.questions,
            articles=args.articles,
            out=out,
            k=args.k,
            answerer=args.answerer,
            store=args.store,
            collection=args.collection,
            progress=True,
            history=not args.no_history,
        )
    except EvaluationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(format_summary(result.summary))
    print(f"report: {out / 'report.md'} (also results.jsonl, results.csv, summary.json, report.png)")
    if old is None:
        return 0
    deltas = compare(old, result.summary, tolerance=args.tolerance)
    print(f"compared with {args.compare}:")
    print(format_comparison(deltas, result.summary.k))
    return 1 if any(d.regression for d in deltas) else 0


def cmd_stats(args: argparse.Namespace) -> int:
    stats = _from_app(args, "/stats")
    print(json.dumps(stats if stats is not None else _assistant(args).stats(), indent=2))
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    """The stored articles, newest added first: one line each (date, id, title, sentences), or JSON."""
    listed = _from_app(args, "/articles")
    if listed is None:
        from dataclasses import asdict

        listed = [asdict(a) for a in _assistant(args).articles()]
    listed = sorted(listed, key=lambda a: a["added"], reverse=True)
    if args.json:
        print(json.dumps(listed, indent=2))
        return 0
    for a in listed:
        byline = f" — {a['author']}" if a["author"] else ""
        title = f"{a['title'] or 'Untitled'}{byline}"
        print(f"{a['date'] or '(no date)':<10}  {a['id'][:8]}  {title} ({a['sentences']} sentences)")
    print(f"{len(listed)} articles", file=sys.stderr)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from assistant.build import reindex_store

    settings = settings_of(args)
    report = reindex_store(settings, args.sources, progress=True)
    _record(settings.store, "reindex", report.ingest, args.sources)
    print(report.summary(settings.store))
    for problem in report.ingest.errors:
        print(f"  ! {problem}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="news-assistant", description=__doc__)
    parser.add_argument("--store", help="store directory (default: $NEWS_ASSISTANT_STORE or index/.store)")
    parser.add_argument("--collection", help="collection name (default: $NEWS_ASSISTANT_COLLECTION or news)")
    parser.add_argument(
        "--demo",
        action="store_const",
        const="true",
        help="put the demo article into this store while it is empty (the default store gets it anyway)",
    )
    llm = argparse.ArgumentParser(add_help=False)  # the language model options of the commands that answer
    llm.add_argument(
        "--llm",
        choices=["none", "openai", "ollama", "llamacpp", "local"],
        help="language model backend (default: $NEWS_ASSISTANT_LLM or none); local: the packaged model, docs/llm.md",
    )
    llm.add_argument(
        "--llm-role",
        choices=["answer", "verdicts"],
        help="the model writes answers, or only decides yes/no questions (default: $NEWS_ASSISTANT_LLM_ROLE or answer)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="index article files, directories, web pages and RSS/Atom feeds")
    p.add_argument("paths", nargs="+", help="files (.txt .md .html .jsonl), directories, or http(s) addresses")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("watch", help="keep a store current: ingest pages and feeds now and at every interval")
    p.add_argument("sources", nargs="+", help="http(s) addresses of pages and RSS/Atom feeds, or files")
    p.add_argument("--every", type=_interval, default=_interval("30m"), help="interval, e.g. 30m, 2h (default 30m)")
    p.add_argument("--runs", type=int, default=0, help="stop after this many runs (default: until Ctrl-C)")
    p.set_defaults(func=cmd_watch)
    p = sub.add_parser("ask", help="answer one question with cited sentences", parents=[llm])
    p.add_argument("question", nargs="+")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    p.add_argument("--since", help="only articles published on or after this date (e.g. 2025-09-01)")
    p.add_argument("--until", help="only articles published on or before this date")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("chat", help="ask questions in the terminal", parents=[llm])
    p.set_defaults(func=cmd_chat)
    p = sub.add_parser("ui", help="serve the browser chat", parents=[llm])
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--share", choices=["off", "on"], default="off", help="a public Gradio share link (needs network)")
    p.add_argument("--no-auth", action="store_true", help="no sign-in even when reachable from other machines")
    p.set_defaults(func=cmd_ui)
    p = sub.add_parser("eval", help="score answers to a question set (JSONL/CSV) and write a report", parents=[llm])
    p.add_argument("questions", help="question file: .jsonl or .csv with question, answers[, evidence, article_id]")
    p.add_argument("--articles", nargs="+", help="index these into an eval-<hash> collection and ask against it")
    p.add_argument("--out", help="report directory (default: eval-results/<timestamp>)")
    p.add_argument("--k", type=int, default=5, help="cut-off of retrieval recall@k (default: 5)")
    p.add_argument("--answerer", choices=["extractive", "llm"], default="extractive")
    p.add_argument(
        "--compare", metavar="OLD_SUMMARY", help="an earlier summary.json: print deltas, exit 1 on a regression"
    )
    p.add_argument("--tolerance", type=float, default=0.01, help="how far a rate may drop before it is a regression")
    p.add_argument(
        "--no-history", action="store_true", help="ask follow-ups without their conversation's earlier turns (baseline)"
    )
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("stats", help="articles, sentences, store path, model")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("articles", help="the stored articles, newest added first (date, id, title, sentences)")
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(func=cmd_articles)
    p = sub.add_parser(
        "reindex",
        help="rebuild the collection into a fresh store with the current model (the old store is kept as a backup)",
    )
    p.add_argument(
        "--from",
        dest="sources",
        nargs="+",
        default=[],
        metavar="PATH",
        help="article files or directories to add (needed when the stored articles cannot be read)",
    )
    p.set_defaults(func=cmd_reindex)
    add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    for name, option in (
        ("NEWS_ASSISTANT_LLM", "llm"),
        ("NEWS_ASSISTANT_LLM_ROLE", "llm_role"),
        ("NEWS_ASSISTANT_DEMO", "demo"),
    ):
        if value := getattr(args, option, None):  # read by every command's settings, as if set in the environment
            os.environ[name] = value
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output was piped to a reader that stopped (`| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # noqa: BLE001 - sorted below; anything else is raised as it was
        return _refused(err, args)


def _refused(err: Exception, args: argparse.Namespace) -> int:
    """Say why the command was refused, in one ``error:`` line (exit 2), or raise ``err`` when it is a failure, not a
    refusal. The error types are imported here, so a command answered by the running app never loads them."""
    if isinstance(err, AppRefused):
        print(f"error: {err}", file=sys.stderr)
        return 2
    from chromadb.errors import ChromaError

    from assistant import QuestionError, SettingsError
    from index.load import LoadError
    from index.store import StoreError, reindex_hint
    from ui.access import UsersError

    if isinstance(err, QuestionError | LoadError | StoreError | SettingsError | UsersError):
        print(f"error: {err}", file=sys.stderr)
        return 2
    if isinstance(err, ChromaError):  # the store failed in use, e.g. a damaged vector index
        from assistant.settings import load_settings

        store = args.store or load_settings().store
        print(
            f"error: the store {store} could not be read ({err}); {reindex_hint(store, args.collection)}",
            file=sys.stderr,
        )
        return 2
    raise err


if __name__ == "__main__":
    sys.exit(main())
