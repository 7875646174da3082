"""Evaluation output: per-question JSONL and CSV, the summary as JSON and text, a Markdown report with every
metric's definition, and a PNG chart."""

from __future__ import annotations

import csv
from pathlib import Path

from evaluation.metrics import METRICS
from evaluation.results import EvalResult, QuestionResult, Summary

CSV_COLUMNS = (
    "id",
    "question",
    "answer",
    "short_answer",
    "kind",
    "standalone_question",
    "notice",
    "gold",
    "correct",
    "exact_match",
    "f1",
    "abstained",
    "top_citation_supports",
    "citations",
    "evidence_rank",
    "article_rank",
    "latency_ms",
)
MISSES_SHOWN = 10


def label(name: str, k: int) -> str:
    return METRICS[name].label.replace("@k", f"@{k}")


def format_value(name: str, value: float | None) -> str:
    """A metric for people: rates with three decimals, times with their unit, n/a for nothing counted."""
    if value is None:
        return "n/a"
    unit = METRICS[name].unit
    return f"{value:.0f} ms" if unit == "ms" else f"{value:.1f} s" if unit == "s" else f"{value:.3f}"


def format_summary(summary: Summary) -> str:
    """The summary as aligned text lines, for the terminal."""
    run = summary.run
    lines = [
        f"{summary.questions} questions ({summary.answerable} answerable, {summary.unanswerable} unanswerable) "
        f"against collection '{run.get('collection', '?')}' ({run.get('articles', '?')} articles, "
        f"{run.get('sentences', '?')} sentences)"
    ]
    width = max(len(label(name, summary.k)) for name in METRICS)
    lines += [f"  {label(n, summary.k):<{width}}  {format_value(n, v)}" for n, v in summary.metrics.items()]
    if len(summary.by_kind) > 1:
        lines.append("  by the answer's shape: questions, top citation, F1, abstained")
        lines += [
            f"    {kind:<12}{m['questions']:>6.0f}  "
            + "  ".join(format_value("f1", m[name]) for name in ("top_citation_accuracy", "f1", "abstained"))
            for kind, m in summary.by_kind.items()
        ]
    if summary.by_turn:
        lines.append("  first turns and follow-ups: questions, top citation, F1, abstained")
        lines += [
            f"    {turn:<12}{m['questions']:>6.0f}  "
            + "  ".join(format_value("f1", m[name]) for name in ("top_citation_accuracy", "f1", "abstained"))
            for turn, m in summary.by_turn.items()
        ]
    return "\n".join(lines)


def _csv_row(row: QuestionResult) -> dict[str, object]:
    return {
        **row.model_dump(include=set(CSV_COLUMNS)),
        "gold": " | ".join(row.answers),
        "top_citation_supports": row.citations[0].supports if row.citations else "",
        "citations": " ".join(f"[{c.n}] {c.sentence}" for c in row.citations),
    }


def markdown(result: EvalResult) -> str:
    """The report: how the run was made, each metric with its value and definition, and the first misses."""
    s = result.summary
    lines = ["# Evaluation report", "", "| run | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in s.run.items() if key != "files"]
    lines += [f"| questions | {s.questions} ({s.answerable} answerable, {s.unanswerable} unanswerable) |", ""]
    lines += ["## Metrics", "", "| metric | value | definition |", "|---|---|---|"]
    for name, value in s.metrics.items():
        definition = METRICS[name].definition.replace("top k", f"top {s.k}")
        lines.append(f"| {label(name, s.k)} | {format_value(name, value)} | {definition} |")
    misses = [r for r in result.rows if r.answers and not (r.citations and r.citations[0].supports)]
    lines += ["", f"## Answerable questions whose top citation misses the gold: {len(misses)}", ""]
    if len(misses) > MISSES_SHOWN:
        lines.append(f"The first {MISSES_SHOWN} are shown; all are in results.jsonl.")
    for r in misses[:MISSES_SHOWN]:
        cited = r.citations[0].sentence if r.citations else "(abstained)"
        lines += ["", f"- **{r.question}** gold: {' | '.join(r.answers)}", f"  - cited [1]: {cited}"]
    lines += ["", "![metrics and latency](report.png)", ""]
    return "\n".join(lines)


def plot(result: EvalResult, path: Path) -> None:
    """Bars of the 0–1 metrics and a histogram of per-question latency, as a PNG (Agg, no pyplot state)."""
    from matplotlib.figure import Figure  # imported here: it adds 0.7 s to every `import assistant`

    s = result.summary
    rates = [(label(n, s.k), v) for n, v in s.metrics.items() if not METRICS[n].unit and v is not None]
    fig = Figure(figsize=(12, 5.5), layout="constrained")
    bars, hist = fig.subplots(1, 2, width_ratios=(3, 2))
    names, values = zip(*reversed(rates), strict=True) if rates else ((), ())
    drawn = bars.barh(names, values, color="#4477aa")
    bars.bar_label(drawn, fmt="%.3f", padding=3)
    bars.set_xlim(0, 1.12)
    bars.set_title(f"{s.questions} questions ({s.answerable} answerable, {s.unanswerable} unanswerable)")
    latencies = [r.latency_ms for r in result.rows]
    hist.hist(latencies, bins=min(40, max(5, len(latencies) // 5)), color="#66aa55")
    for name, style in (("latency_p50_ms", "-"), ("latency_p95_ms", "--")):
        value = s.metrics[name]
        if value is not None:
            hist.axvline(value, color="black", linestyle=style, label=f"{label(name, s.k)} {value:.0f} ms")
    hist.set_xlabel("latency per question (ms)")
    hist.set_ylabel("questions")
    hist.legend()
    fig.savefig(path, format="png", dpi=100)


def write_report(result: EvalResult, out: Path) -> dict[str, Path]:
    """Write results.jsonl, results.csv, summary.json, report.md and report.png into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in ("results.jsonl", "results.csv", "summary.json", "report.md", "report.png")}
    paths["results.jsonl"].write_text("".join(r.model_dump_json() + "\n" for r in result.rows), encoding="utf-8")
    with paths["results.csv"].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(_csv_row(r) for r in result.rows)
    paths["summary.json"].write_text(result.summary.model_dump_json(indent=2) + "\n", encoding="utf-8")
    paths["report.md"].write_text(markdown(result), encoding="utf-8")
    plot(result, paths["report.png"])
    return paths
