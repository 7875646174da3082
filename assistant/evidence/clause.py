"""The part of a sentence about what a question asks: "Coldplay have announced a concert at Bellahouston Park in
Glasgow on 1 July and T in the Park will be held at Balado, near Kinross, from 9-10 July" tells of two events, and
"Where is T in the Park held?" is answered by the second alone."""

from __future__ import annotations

import re

from assistant.question.nlp import nlp, stop_words

# Where a sentence may go on to another subject: ", and T in the Park will…", "and the daytime editor will…", "; the
# rest…", ", while France's…".
_BREAK = re.compile(r",?\s+(?:and|but|while|whereas)\s+(?=[A-Z]|the\s|an?\s)|;\s+|,\s+(?:while|whereas)\s+")


# What follows a break is a clause of its own when a verb of its own comes within its first words, before any comma:
# "T in the Park will be held…", not "Bruno Mars, who headlined…" nor "Canada, but many other patents were…" (the
# last of the names a list joins).
_A_CLAUSE = re.compile(
    r"(?:[\w'’.&-]+\s+){0,6}?(?:will|would|is|are|was|were|has|have|had|can|could|may|might|should|must)\b"
)


# "…, while the Liberal Democrats received just over £1m": a contrast always opens a clause of its own.
_CONTRAST = re.compile(r"\b(?:while|whereas)\b")
_PARTICIPLE = re.compile(r"[a-z]+ing\b")  # "…, while recording a career-high…": the same subject's doing


def clause_asked_about(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where a sentence joins clauses about different things, the (start, end) of the one that says more of what the
    question is asked of (its subject: "T in the Park" of "Where is T in the Park held?"), when the phrase at
    ``span`` lies in another; None otherwise (one clause, none says more of it, or the phrase spans
    the join: "the Maria Fold and Thrust Belt")."""
    breaks = [
        m
        for m in _BREAK.finditer(sentence)
        if _A_CLAUSE.match(sentence, m.end()) or _CONTRAST.search(m[0]) and not _PARTICIPLE.match(sentence, m.end())
    ]
    if not breaks:
        return None
    bounds = [0, *(i for m in breaks for i in (m.start(), m.end())), len(sentence)]
    parts = list(zip(bounds[::2], bounds[1::2], strict=True))
    own = next((p for p in parts if p[0] <= span[0] < p[1]), None)
    if own is None or span[1] > own[1]:  # the phrase joins them itself: "Germany and Scandinavia"
        return None
    subject, asked = _subject_words(question), _words(question) - stop_words()

    def shared(part: tuple[int, int]) -> tuple[int, int]:
        words = _words(sentence[part[0] : part[1]])
        return len(subject & words), len(asked & words)

    best = max(parts, key=shared)
    return best if shared(best)[0] > shared(own)[0] else None


def _subject_words(question: str) -> set[str]:
    """The words of what a question is asked of, its subject ("the BBC's commissioning editor for documentaries"),
    stop words and the question word aside; empty when it has none but the question word."""
    doc = nlp()(question)
    subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ not in _WH_TAGS), None)
    if subject is None:
        return set()
    return _words(" ".join(t.text for t in subject.subtree)) - stop_words()


_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})


def _words(text: str) -> set[str]:
    """A text's words of one letter or more, lower case, a plural's "s" off."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"\w+", text.lower())}
