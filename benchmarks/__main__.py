"""``python -m benchmarks NAME [options]``: run one benchmark, or ``all`` of them in turn (``make bench``)."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys

NAMES = ("ingest", "query", "scale", "tutorial", "startup", "concurrency", "llm")


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in (*NAMES, "all"):
        print(__doc__)
        print(f"names: {', '.join(NAMES)}, all (each takes --help; `all` runs each with its defaults)")
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    if argv[0] != "all":
        importlib.import_module(f"benchmarks.{argv[0]}").main(argv[1:])
        return 0
    # Each in a process of its own: a store opened by one is locked against the next one's fresh processes, and
    # peak memory is per benchmark.
    for name in NAMES:
        if name == "llm" and importlib.util.find_spec("llama_cpp") is None:  # the local model's extra is optional
            print("llm: skipped (make local-llm installs the local model)")
            continue
        subprocess.run([sys.executable, "-m", "benchmarks", name], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
