"""Split article text into sentences with exact character offsets (``text[start:end] == sentence``)."""

from __future__ import annotations

from dataclasses import dataclass

import pysbd

SPLITTER_VERSION = "pysbd-0.3.4/line-1"


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article; ``start``/``end`` are offsets into the stored article text."""

    index: int
    start: int
    end: int
    text: str


class SentenceSplitter:
    """pysbd's rule-based splitter (quotes, abbreviations, titles), run per line so no sentence spans lines."""

    def __init__(self) -> None:
        self._segmenter = pysbd.Segmenter(language="en", clean=False)

    def split(self, text: str) -> list[Sentence]:
        sentences: list[Sentence] = []
        line_start = 0
        for line in text.split("\n"):
            cursor = line_start
            line_end = line_start + len(line)
            for segment in self._segmenter.segment(line) if line.strip() else []:
                piece = segment.strip()
                if not piece:
                    continue
                start = text.find(piece, cursor, line_end)
                if start < 0:  # pysbd altered the text; keep the rest of the line whole rather than guess
                    start, piece = cursor, text[cursor:line_end].strip()
                    start = text.find(piece, cursor, line_end)
                    if not piece:
                        break
                sentences.append(Sentence(len(sentences), start, start + len(piece), piece))
                cursor = start + len(piece)
                if cursor >= line_end:
                    break
            line_start = line_end + 1
        return sentences
