"""The build key: the model, encoder, vector size and sentence splitter a collection was made with.

Vectors from different builds cannot be mixed, so a collection recorded with another build is refused on open,
before the model is even loaded, with the command that rebuilds it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from index.store.errors import StoreMismatchError, reindex_hint

# What a collection recorded before a build key existed was built with (stores from before the ``encoder`` key).
_BUILD_BEFORE_KEY = {"encoder": "torch"}


def check_build(name: str, metadata: dict[str, Any] | None, build: dict[str, Any], path: Path, collection: str) -> None:
    """Refuse the collection ``name`` when its recorded build differs from ``build`` in any key of ``build``."""
    recorded = {key: (metadata or {}).get(key, _BUILD_BEFORE_KEY.get(key)) for key in build}
    if recorded != build:
        differs = ", ".join(
            f"{key} {recorded[key]!r} (this assistant uses {build[key]!r})"
            for key in build
            if recorded[key] != build[key]
        )
        raise StoreMismatchError(
            f"the collection '{name}' in {path} was built with {differs}; its vectors cannot be mixed with "
            f"new ones: use another store or collection, or {reindex_hint(path, collection)}"
        )
