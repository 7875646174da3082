"""One clock per question: the seconds each stage took, reported in ``Answer.timings`` and by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class StageClock:
    """Each ``lap(stage)`` adds the time since the previous lap (or the start) to ``timings[stage]``.

    The steps of a question share one clock, so the stages add up to the whole; ``span`` also times a group of
    stages under a name of its own (``retrieve`` = embed … fusion).
    """

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.started = self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self._last
        self._last = now

    @contextmanager
    def span(self, name: str) -> Iterator[None]:
        """Record the seconds the block took as ``timings[name]``, beside the laps taken inside it."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = time.perf_counter() - start

    def elapsed(self) -> float:
        """Seconds since the clock started."""
        return time.perf_counter() - self.started
