"""Check the sizes of the HNSW vector index files in a Chroma store directory before Chroma opens them.

Chroma loads a truncated ``data_level0.bin`` without checking its size and then reads past its end: queries fail
with varying internal errors, or the process dies of a segmentation fault, which no ``except`` can turn into a
clear message. Each index directory's ``header.bin`` (hnswlib's persistent header as Chroma's fork writes it)
says how many elements the index holds and how many bytes each takes, so the data files' least size is known
(a new index's files are written at its full capacity, so they may be larger).
"""

from __future__ import annotations

import struct
from pathlib import Path

# version, offsetLevel0, max_elements, cur_element_count, size_data_per_element, label_offset, offsetData,
# maxlevel, enterpoint_node, maxM, maxM0, M, mult, ef_construction
_HEADER = struct.Struct("<i6QiI3QdQ")
_KNOWN_VERSION = 1
_LABEL_BYTES = 4  # length.bin: one uint32 per element


def vector_index_damage(store: Path) -> str | None:
    """What is wrong with the first damaged vector index under ``store``, or None when all look whole.

    Index directories without a ``header.bin`` (not yet persisted, or another format) are not judged.
    """
    for header in sorted(Path(store).glob("*/header.bin")):
        try:
            problem = _index_damage(header.parent)
        except OSError as err:
            problem = f"its files cannot be read ({err.strerror or err})"
        if problem:
            return f"the vector index {header.parent.name} is damaged: {problem}"
    return None


def _index_damage(directory: Path) -> str | None:
    raw = (directory / "header.bin").read_bytes()
    if len(raw) != _HEADER.size:
        return f"header.bin holds {len(raw)} bytes, not {_HEADER.size}"
    fields = _HEADER.unpack(raw)
    if fields[0] != _KNOWN_VERSION:
        return None  # a format this check does not know; Chroma judges it
    count, per_element = fields[3], fields[4]
    least = {"data_level0.bin": count * per_element, "length.bin": count * _LABEL_BYTES}
    for name, size in least.items():
        file = directory / name
        actual = file.stat().st_size if file.is_file() else None
        if actual is None or actual < size:
            held = "is missing" if actual is None else f"holds {actual:,} bytes"
            return f"{name} {held}; its header calls for at least {size:,} ({count:,} vectors)"
    return None
