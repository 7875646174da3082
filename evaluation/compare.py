"""An evaluation summary against an older one: each metric's change, and which changes are regressions."""

from __future__ import annotations

from dataclasses import dataclass

from evaluation.metrics import METRICS
from evaluation.report import format_value, label
from evaluation.results import Summary


@dataclass(frozen=True)
class Delta:
    """One metric in an old and a new summary; a regression is a move the wrong way beyond the tolerance."""

    name: str
    old: float | None
    new: float | None
    regression: bool
    note: str = ""


def compare(old: Summary, new: Summary, tolerance: float = 0.01, time_tolerance: float = 0.25) -> list[Delta]:
    """Each metric's old and new value. Rates regress when they worsen by more than ``tolerance`` (absolute),
    latencies by more than ``time_tolerance`` (relative); ingestion time is shown but never flagged, since it
    depends on whether the evaluation collection already existed, and @k metrics are not flagged across k."""
    deltas = []
    for name, metric in METRICS.items():
        before, after = old.metrics.get(name), new.metrics.get(name)
        note = f"k {old.k} → {new.k}" if name.endswith("_at_k") and old.k != new.k else ""
        regression = False
        if before is not None and after is not None and name != "ingest_seconds" and not note:
            worse = before - after if metric.higher_is_better else after - before
            regression = worse > (time_tolerance * abs(before) if metric.unit else tolerance)
        deltas.append(Delta(name, before, after, regression, note))
    return deltas


def format_comparison(deltas: list[Delta], k: int) -> str:
    """The comparison as text lines: old → new (delta), with REGRESSION marked."""
    width = max(len(label(d.name, k)) for d in deltas)
    lines = []
    for d in deltas:
        change = f"{d.new - d.old:+.4g}" if d.old is not None and d.new is not None else ""
        flag = "  REGRESSION" if d.regression else f"  ({d.note})" if d.note else ""
        lines.append(
            f"  {label(d.name, k):<{width}}  {format_value(d.name, d.old)} → {format_value(d.name, d.new)}"
            f"  {change}{flag}"
        )
    regressions = sum(d.regression for d in deltas)
    lines.append(f"{regressions} regression(s)" if regressions else "no regressions")
    return "\n".join(lines)
