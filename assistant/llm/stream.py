"""An answer as it is produced: iterate for text chunks; the checked ``Answer`` is ready when iteration ends."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from assistant.types import Answer

Finish = Callable[[str, Exception | None], Answer]


class AnswerStream:
    """Yields the draft's chunks (an LLM's tokens, or the extractive text at once), then sets ``answer``.

    The shown answer may differ from the streamed draft: the verifier drops sentences its sources don't support.
    A failure while streaming ends the stream and is passed to ``finish``, which decides the answer.
    """

    def __init__(self, chunks: Iterable[str], finish: Finish) -> None:
        self._chunks = chunks
        self._finish = finish
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        parts: list[str] = []
        error: Exception | None = None
        try:
            for chunk in self._chunks:
                parts.append(chunk)
                yield chunk
        except Exception as err:  # noqa: BLE001 - any backend failure falls back to the extractive answer
            error = err
        self.answer = self._finish("".join(parts), error)

    def result(self) -> Answer:
        """Consume what is left and return the answer."""
        for _ in self:
            pass
        assert self.answer is not None
        return self.answer
