"""The optional language model: its backends (a table by name), the prompts, the draft it streams, and the verifier
that keeps only what the cited sentences support; ``AnswerStream`` carries any answer out as it is produced."""
