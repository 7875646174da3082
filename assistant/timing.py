"""Per-stage wall-clock timings of one question, reported in ``Answer.timings`` and by the benchmarks."""

from __future__ import annotations

import time


class StageClock:
    """Adds the time since the previous lap to ``timings[stage]``; with ``timings=None`` it only keeps time."""

    def __init__(self, timings: dict[str, float] | None = None) -> None:
        self.timings = timings
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self._last
        self._last = now
