"""The ``news-assistant`` command: ingest, ask, chat, ui, stats, reindex.

Refused input (a bad question, unreadable files, an unusable store) ends with one ``error:`` line and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.types import Answer


def _assistant(args: argparse.Namespace):  # noqa: ANN202 - imported lazily so --help is instant
    from assistant.pipeline import Assistant

    return Assistant(store_path=args.store, collection=args.collection)


def format_answer(answer: Answer) -> str:
    """The answer text followed by its numbered sources."""
    lines = [answer.text]
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        lines += [f"[{c.n}] {c.title} (chars {c.start}-{c.end}, score {c.score:.2f})" for c in answer.citations]
    return "\n".join(lines)


def cmd_ingest(args: argparse.Namespace) -> int:
    report = _assistant(args).ingest(args.paths, progress=True)
    print(report.summary())
    for problem in report.errors:
        print(f"  ! {problem}", file=sys.stderr)
    return 2 if report.errors and not (report.added or report.skipped or report.replaced) else 0


def cmd_ask(args: argparse.Namespace) -> int:
    answer = _assistant(args).ask(" ".join(args.question))
    print(answer.model_dump_json(indent=2) if args.json else format_answer(answer))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from assistant.pipeline import QuestionError

    assistant = _assistant(args)
    history: list[tuple[str, str]] = []
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
        print(format_answer(answer) + "\n")
        history.append((answer.standalone_question or question, answer.text))


def cmd_ui(args: argparse.Namespace) -> int:
    from ui.app import exposure_warning, launch

    share = args.share == "on"
    warning = exposure_warning(args.host, share)
    if warning:  # before anything loads, so it is the first thing seen
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    assistant = _assistant(args)
    print(f"News Assistant: {assistant.stats()['articles']} articles; open http://{args.host}:{args.port}")
    try:
        launch(assistant, host=args.host, port=args.port, share=share, warn=False)
    except OSError as err:
        where = f"{args.host}:{args.port}"
        print(f"error: cannot serve on {where} ({err}); choose another --host or --port", file=sys.stderr)
        return 2
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    print(json.dumps(_assistant(args).stats(), indent=2))
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from assistant.settings import Settings
    from index.reindex import reindex

    updates = {k: v for k, v in {"store": args.store, "collection": args.collection}.items() if v is not None}
    settings = Settings().model_copy(update=updates)
    report = reindex(Path(settings.store), settings.collection, settings.model, args.sources, progress=True)
    print(report.summary(Path(settings.store)))
    for problem in report.ingest.errors:
        print(f"  ! {problem}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="news-assistant", description=__doc__)
    parser.add_argument("--store", help="store directory (default: $NEWS_ASSISTANT_STORE or index/.store)")
    parser.add_argument("--collection", help="collection name (default: $NEWS_ASSISTANT_COLLECTION or news)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="index article files or directories (.txt .md .html .jsonl)")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("ask", help="answer one question with cited sentences")
    p.add_argument("question", nargs="+")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("chat", help="ask questions in the terminal")
    p.set_defaults(func=cmd_chat)
    p = sub.add_parser("ui", help="serve the browser chat")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--share", choices=["off", "on"], default="off", help="a public Gradio share link (needs network)")
    p.set_defaults(func=cmd_ui)
    p = sub.add_parser("stats", help="articles, sentences, store path, model")
    p.set_defaults(func=cmd_stats)
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from chromadb.errors import ChromaError

    from assistant.pipeline import QuestionError
    from index.load import LoadError
    from index.store import StoreError, reindex_hint

    try:
        return args.func(args)
    except (QuestionError, LoadError, StoreError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except ChromaError as err:  # the store failed in use, e.g. a damaged vector index
        from assistant.settings import Settings

        store = args.store or Settings().store
        print(
            f"error: the store {store} could not be read ({err}); {reindex_hint(store, args.collection)}",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
