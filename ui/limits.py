"""Per-user limits on how often a shared app may be used: at most ``count`` actions in any ``window`` seconds."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimit:
    """A sliding window per user: ``allow(user)`` records an action and says whether it was within the limit, or
    returns how many seconds until the next one is."""

    def __init__(self, count: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.count, self.window, self._clock = count, window, clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, user: str, actions: int = 1) -> float:
        """0 when ``user`` may take ``actions`` more now (and they are counted), else the whole seconds until they
        may (``inf`` when more than ``count`` at once)."""
        if actions > self.count:
            return math.inf
        now = self._clock()
        with self._lock:
            seen = self._seen.setdefault(user, deque())
            while seen and seen[0] <= now - self.window:
                seen.popleft()
            if len(seen) + actions > self.count:
                return max(1, math.ceil(seen[len(seen) + actions - self.count - 1] + self.window - now))
            seen.extend([now] * actions)
            return 0
