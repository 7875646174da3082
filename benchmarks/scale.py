"""A store that keeps growing: how soon a write is found, by this process and by another, and what a store of a
size costs (open time, memory, disk, question latency).

For each size (the SQuAD store and its copies, ``benchmarks/corpus.py``) the store is opened through Chroma's server,
as the chat serves it to other processes, and asked ``--questions`` held-out questions (p50 and p95 of ``ask``). Then
another process, the ``news-assistant ingest`` command, writes one new article through the same server, and this
process asks for it every 10 ms: the time from the command's end to the first question that finds it is "write →
found" (the command's own start-up, ~3 s, is not counted). The article is then deleted here and the time until a
second view of the indexes (another ``LexicalIndexes`` on the store) no longer finds it is "delete → gone". Whether
either view built its lexical index from every stored text after opening is reported too (it should not).

With ``--lexical 10M`` it measures the lexical half alone at that many sentences, in memory: the SQuAD store's term
counts repeated under new ids (10M real sentences with their vectors would take ~50 GB of disk and hours of
encoding here), scored for the held-out questions, with one article added and one deleted.

    python -m benchmarks scale [--sizes 10k,100k,1M] [--questions 200] [--work index/.bench] [--lexical 10M]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

from assistant import Assistant
from benchmarks.query import DEFAULT_WORK, SIZES, measure, prepare
from benchmarks.report import print_table
from benchmarks.squad import questions
from index.bm25 import LexicalIndex, Segment, top_positions
from index.lexical import LexicalIndexes
from index.store.server import serve_store

_POLL = 0.01
_PATIENCE = 60.0


def rss_mb() -> float:
    """This process's resident memory, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def disk_gb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e9


def _until(found: callable, patience: float = _PATIENCE) -> float:  # type: ignore[valid-type]
    """Seconds until ``found()`` is true, asked every 10 ms."""
    started = time.perf_counter()
    while not found():
        if time.perf_counter() - started > patience:
            return float("inf")
        time.sleep(_POLL)
    return time.perf_counter() - started


def probe(assistant: Assistant, path: Path, collection: str) -> dict[str, float]:
    """Write one article from another process, time until this one finds it; delete it here, time until a second
    view loses it."""
    word = "zq" + uuid.uuid4().hex[:8]
    other = LexicalIndexes(assistant.parts.store)  # a second view, as another process sharing the store keeps
    other.current()
    before = time.time()
    with tempfile.TemporaryDirectory() as scratch:
        article = Path(scratch) / f"{word}.txt"
        article.write_text(f"Bridge news\nThe {word} bridge opened to traffic on Monday, the council said.\n")
        cli = Path(sys.executable).with_name("news-assistant")
        command = [str(cli), "--store", str(path), "--collection", collection, "ingest", str(article)]
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    found = _until(lambda: assistant.parts.lexical.current()[0].scores(f"{word} bridge").max() > 0)
    answer = assistant.ask(f"What opened to traffic over the {word} bridge?")
    cited = bool(answer.citations) and word in answer.citations[0].sentence
    found_other = _until(lambda: other.current()[0].scores(word).max() > 0)
    (article_id,) = assistant.parts.store.articles_added_since(before - 1)  # listing 200k articles takes ~12 s
    started = time.perf_counter()
    assistant.delete(article_id)
    deleted_here = time.perf_counter() - started
    gone = _until(lambda: other.current()[0].scores(word).max() == 0)
    return {
        "write_found_s": found,
        "cited": float(cited),
        "second_view_found_s": found_other,
        "delete_s": deleted_here,
        "delete_gone_s": gone,
        "rebuilt_after_open": float(assistant.parts.lexical.built_whole > 1 or other.built_whole > 0),
    }


def lexical_alone(work: Path, sentences: int, qs: list[dict]) -> dict[str, float]:
    """The lexical index of ``sentences`` sentences (the SQuAD store's repeated) in memory: build, scoring,
    an update, memory."""
    path, collection = prepare(work, 1)
    assistant = Assistant(store_path=path, collection=collection, seeds=None)
    ids, texts = assistant.parts.store.all_texts("sentences")
    base = LexicalIndex(ids, texts).sealed
    copies = -(-sentences // len(ids))
    started = time.perf_counter()
    sizes = np.diff(base.doc_ptr)
    ptr = np.zeros(copies * len(ids) + 1, dtype=np.int64)
    np.cumsum(np.tile(sizes, copies), out=ptr[1:])
    segment = Segment.of_rows(base.terms, ptr, np.tile(base.doc_terms, copies), np.tile(base.doc_tfs, copies))
    index = LexicalIndex([f"{i}~{c}" for c in range(copies) for i in ids], sealed=segment)
    built = time.perf_counter() - started
    index.scores("warm-up")
    laps = []
    for q in qs:
        started = time.perf_counter()
        top_positions(index.scores(q["question"]), 200)
        laps.append(time.perf_counter() - started)
    laps.sort()
    started = time.perf_counter()
    index = index.updated(["probe:00000"], ["The zqprobe bridge opened to traffic on Monday."], [index.ids[0]])
    updated = time.perf_counter() - started
    assert index.scores("zqprobe")[index.position("probe:00000")] > 0  # type: ignore[index]
    return {
        "sentences": float(len(index)),
        "build_s": built,
        "p50_ms": 1000 * statistics.median(laps),
        "p95_ms": 1000 * laps[int(0.95 * len(laps)) - 1],
        "update_ms": 1000 * updated,
        "rss_mb": rss_mb(),
    }


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks scale", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k,1M", help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--questions", type=int, default=200, help="held-out questions asked per size")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where benchmark stores are kept")
    parser.add_argument("--lexical", help="measure only the lexical index, in memory, at this size (e.g. 10M)")
    args = parser.parse_args(argv)
    qs = questions("test", args.questions)
    if args.lexical:
        size = int(float(args.lexical.rstrip("kM")) * (1e6 if args.lexical.endswith("M") else 1e3))
        alone = lexical_alone(args.work, size, qs)
        print(
            f"lexical alone, {alone['sentences']:,.0f} sentences: built {alone['build_s']:.1f} s, BM25 + top 200 "
            f"p50 {alone['p50_ms']:.1f} ms, p95 {alone['p95_ms']:.1f} ms, one article added and one deleted in "
            f"{alone['update_ms']:.0f} ms, RSS {alone['rss_mb']:.0f} MB"
        )
        return {args.lexical: alone}
    results: dict[str, dict[str, float]] = {}
    for size in args.sizes.split(","):
        path, collection = prepare(args.work, SIZES[size])
        serve_store(path, collection)
        started = time.perf_counter()
        assistant = Assistant(store_path=path, collection=collection, seeds=None)
        opened = time.perf_counter() - started
        asked = measure(assistant, qs)
        results[size] = {
            "open_s": opened,
            "bm25_open_s": asked["bm25_load_s"],
            "bm25_loaded": float(assistant.parts.lexical.loaded_from is not None),
            "p50": asked["p50"],
            "p95": asked["p95"],
            "bm25_ms": asked["bm25"],
            "top_citation": asked["top_citation"],
            "sentences": asked["sentences"],
            "rss_mb": rss_mb(),
            "disk_gb_per_m": disk_gb(path) / (asked["sentences"] / 1e6),
            **probe(assistant, path, collection),
        }
        print(f"{size}: {results[size]}", flush=True)
    rows = [
        [size, f"{r['sentences']:,}", f"{r['open_s']:.1f}", f"{r['bm25_open_s']:.1f}" + (" (saved)" if r["bm25_loaded"]
         else " (built)"), f"{r['p50']:.1f}", f"{r['p95']:.1f}", f"{r['bm25_ms']:.1f}", f"{r['rss_mb']:.0f}",
         f"{r['disk_gb_per_m']:.2f}", f"{r['write_found_s']:.3f}", f"{r['second_view_found_s']:.3f}",
         f"{r['delete_gone_s']:.3f}", "yes" if r["cited"] else "no", "yes" if r["rebuilt_after_open"] else "no"]
        for size, r in results.items()
    ]  # fmt: skip
    print_table(
        "A growing store: ask() through Chroma's server (ms), open (s), memory (MB), disk (GB per million sentences), "
        "a write by another process found (s), a delete gone from a second view (s)",
        ["size", "sentences", "open", "bm25 open", "p50", "p95", "bm25", "RSS", "disk/M", "write→found",
         "2nd view", "delete→gone", "cited", "rebuilt"],
        rows,
    )  # fmt: skip
    return results
