"""``python -m benchmarks NAME [options]``: run one benchmark, or ``all`` of them in turn (``make bench``)."""

from __future__ import annotations

import importlib
import sys

NAMES = ("ingest", "query", "tutorial", "startup", "concurrency")


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in (*NAMES, "all"):
        print(__doc__)
        print(f"names: {', '.join(NAMES)}, all (each takes --help)")
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    for name in NAMES if argv[0] == "all" else (argv[0],):
        importlib.import_module(f"benchmarks.{name}").main(argv[1:] if argv[0] != "all" else [])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
