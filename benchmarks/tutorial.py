"""Side by side: the plain LangChain-tutorial RAG retriever against ours, on the same corpus and questions.

The tutorial pipeline: each SQuAD-dev paragraph a Document → ``RecursiveCharacterTextSplitter(1000, 200)`` → the same
MiniLM embeddings (``HuggingFaceEmbeddings``) → Chroma → ``similarity_search(k=4)``. For every held-out question it
is asked whether its top chunk holds a gold answer, and whether our top citation (one sentence) does; with the
latency of each and the length of what is cited.

    python -m benchmarks tutorial [--questions 4874] [--work index/.bench]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant import Assistant
from benchmarks.corpus import squad_store
from benchmarks.query import DEFAULT_WORK
from benchmarks.report import print_table
from benchmarks.squad import SHARED, questions
from evaluation.metrics import holds_answer


def tutorial_store(work: Path, model: str) -> Chroma:
    """The tutorial's vector store over the SQuAD paragraphs, indexed the first time."""
    embeddings = HuggingFaceEmbeddings(
        model_name=model, model_kwargs={"device": "cpu"}, encode_kwargs={"normalize_embeddings": True}
    )
    store = Chroma(
        collection_name="tutorial",
        embedding_function=embeddings,
        persist_directory=str(work / "tutorial"),
        client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True),
    )
    if not store.get(limit=1)["ids"]:
        lines = (SHARED / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        docs = [Document(page_content=json.loads(line)["text"]) for line in lines if line.strip()]
        chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
        store.add_documents(chunks)
    return store


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[max(0, int(q * len(values)) - 1)]


def measure(tutorial: Chroma, ours: Assistant, qs: list[dict]) -> dict[str, dict[str, float]]:
    tutorial.similarity_search("warm-up", k=4)
    ours.ask("warm-up: who wrote this?")
    sides: dict[str, dict[str, list[float]]] = {"tutorial": {}, "ours": {}}
    for side in sides.values():
        side.update(hits=[], latency=[], length=[])
    for q in qs:
        started = time.perf_counter()
        chunks = tutorial.similarity_search(q["question"], k=4)
        t = sides["tutorial"]
        t["latency"].append(time.perf_counter() - started)
        t["hits"].append(holds_answer(chunks[0].page_content, q["answers"]))
        t["length"].append(len(chunks[0].page_content))
        started = time.perf_counter()
        answer = ours.ask(q["question"])
        o = sides["ours"]
        o["latency"].append(time.perf_counter() - started)
        top = answer.citations[0].sentence if answer.citations else ""
        o["hits"].append(bool(top) and holds_answer(top, q["answers"]))
        if top:
            o["length"].append(len(top))
    return {
        name: {
            "holds": sum(side["hits"]) / len(qs),
            "p50": 1000 * statistics.median(side["latency"]),
            "p95": 1000 * _percentile(side["latency"], 0.95),
            "length": statistics.median(side["length"]),
        }
        for name, side in sides.items()
    }


def show(result: dict[str, dict[str, float]], n: int) -> None:
    t, o = result["tutorial"], result["ours"]
    print_table(
        f"Tutorial pipeline (top of 4 chunks) vs ours (top citation), {n:,} held-out questions",
        ["", "top holds answer", "median chars", "p50 ms", "p95 ms"],
        [
            ["tutorial", f"{t['holds']:.3f}", f"{t['length']:.0f}", f"{t['p50']:.1f}", f"{t['p95']:.1f}"],
            ["ours", f"{o['holds']:.3f}", f"{o['length']:.0f}", f"{o['p50']:.1f}", f"{o['p95']:.1f}"],
            [
                "ours / tutorial",
                f"{o['holds'] / t['holds']:.2f}×",
                f"1/{t['length'] / o['length']:.1f}",
                f"{o['p50'] / t['p50']:.2f}×",
                f"{o['p95'] / t['p95']:.2f}×",
            ],
        ],
    )


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks tutorial", description=__doc__)
    parser.add_argument("--questions", type=int, default=None, help="held-out questions (default: all 4,874)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where benchmark stores are kept")
    args = parser.parse_args(argv)
    ours = squad_store(args.work)
    tutorial = tutorial_store(args.work, ours.settings.model)
    qs = questions("test", args.questions)
    result = measure(tutorial, ours, qs)
    show(result, len(qs))
    return result
