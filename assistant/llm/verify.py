"""Citation checking for generated answers: every answer sentence must cite evidence that says what it says.

A sentence is kept when it cites at least one existing evidence number, every name and number in it appears in the
cited sentences or around them (their title and neighbours), its first name is not one taken from around a cited
sentence in place of that sentence's own ("Manchester gets…" from "Blackpool will get…"), it says more than the
question did, and it shares enough words with them or is close to one of them in embedding space. Thresholds come
from ``benchmarks/tune_verifier.py`` (SQuAD-dev tuning half); see ``Settings.verify_*``.

A sentence that fails only for its citation (none, or the wrong number) but repeats nearly all the words of one
evidence sentence, passing the same checks against it, is that sentence's: it is kept, cited to it. Small local
models copy their sources and forget the markers. A sentence citing several where one alone says it cites that one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.question.nlp import stop_words
from index.bm25 import tokenize
from index.sentences import SentenceSplitter

_SWAP_COPY = 0.6  # share of a claim's words its sources have from which a first name taken from around them is a swap
_MARKERS = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
# A name (a capitalised word) or a number: each must be found in the cited sentences or around them.
_NAME_OR_NUMBER = re.compile(r"(?<=[\s(“\"'])[A-Z][\w'’.-]*\w|\d[\d,.]*\d|\d")

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Claim:
    """One answer sentence without its markers, the evidence numbers it cites, and whether they support it."""

    text: str
    cited: tuple[int, ...]
    supported: bool
    reason: str = ""


@dataclass
class Verdict:
    """The checked answer: supported claims (with markers) form ``text``; the rest are ``unsupported``."""

    claims: list[Claim] = field(default_factory=list)

    @property
    def kept(self) -> list[Claim]:
        return [c for c in self.claims if c.supported]

    @property
    def unsupported(self) -> list[str]:
        return [c.text for c in self.claims if not c.supported]

    @property
    def cited(self) -> list[int]:
        """Evidence numbers cited by kept claims, in order of first citation."""
        return list(dict.fromkeys(n for c in self.kept for n in c.cited))

    @property
    def text(self) -> str:
        """The kept claims with their markers before the closing punctuation: "Kyiv said no [1]." """
        return " ".join(_cite(c.text, c.cited) for c in self.kept)


def _cite(text: str, cited: tuple[int, ...]) -> str:
    body = text.rstrip(".!?…")
    return f"{body} {''.join(f'[{n}]' for n in cited)}{text[len(body) :]}"


def parse_claims(answer: str, splitter: SentenceSplitter | None = None) -> list[tuple[str, list[int]]]:
    """The answer's sentences, each with the ``[n]`` / ``[n, m]`` numbers it carries, markers removed."""
    splitter = splitter or SentenceSplitter()
    claims = []
    for sentence in splitter.split(answer.strip()):
        numbers = [int(n) for group in _MARKERS.findall(sentence.text) for n in group.split(",")]
        text = _MARKERS.sub("", sentence.text).strip()
        if re.search(r"\w", text):
            claims.append((text, numbers))
        elif numbers and claims:  # a marker split off into its own "sentence" belongs to the previous one
            claims[-1] = (claims[-1][0], claims[-1][1] + numbers)
    return claims


def names_and_numbers(text: str) -> set[str]:
    """Capitalised words and numbers, lowercased; a capitalised common word ("It", "However") is not a name."""
    found = {m.group().rstrip(".").replace(",", "").lower() for m in _NAME_OR_NUMBER.finditer(f" {text}")}
    return found - stop_words()


def missing_names(claim: str, sources: str) -> set[str]:
    """The claim's names and numbers that its sources never mention (a hallucinated name shows up here)."""
    return names_and_numbers(claim) - names_and_numbers(sources) - _words(sources)


def swapped_names(claim: str, sources: str, min_copy: float = _SWAP_COPY) -> tuple[str, str] | None:
    """The first name of a claim (mostly who does what it says) when its sources never use it and their own first
    name is not in the claim, in a claim repeating at least ``min_copy`` of its words: "The Kremlin rejected a
    temporary ceasefire" cited to "Putin … has rejected a temporary ceasefire" (the Kremlin named in the title),
    "Manchester gets the spring conference" to "Blackpool will get the spring conference" (Manchester named in the
    sentence before). The names (the claim's, the sources'), or None. A name from around the sentence is fine where
    it names what the sentence leaves unnamed ("He quit" → "Kilroy-Silk quit")."""
    taken, given = _first_name(claim), _first_name(sources)
    if taken is None or given is None or taken in _words(sources) or given in _words(claim):
        return None
    return (taken, given) if overlap(claim, sources) >= min_copy else None


def _first_name(text: str) -> str | None:
    names = names_and_numbers(text)
    for match in _NAME_OR_NUMBER.finditer(f" {text}"):
        name = match.group().rstrip(".").replace(",", "").lower()
        if name in names and not name[0].isdigit():
            return name
    return None


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w[\w'’.-]*\w|\w", text)}


def restates_nothing_new(claim: str, question: str) -> bool:
    """Whether the claim's content words (stemmed, stop words out) are all the question's own."""
    mine, asked = tokenize([claim, question])
    return set(mine) <= set(asked)


def overlap(claim: str, evidence: str) -> float:
    """Share of the claim's content words (stemmed, stop words out) that the evidence has."""
    mine, theirs = tokenize([claim, evidence])
    return len(set(mine) & set(theirs)) / len(set(mine)) if mine else 0.0


class Verifier:
    """Keeps the claims their citations support; the rest are reported, not shown."""

    def __init__(self, embed: Embed, min_overlap: float, min_similarity: float, min_copy: float = 1.1) -> None:
        self.embed = embed
        self.min_overlap = min_overlap
        self.min_similarity = min_similarity
        self.min_copy = min_copy  # share of one source's words a claim repeats to be cited to it (>1: never)
        self._splitter = SentenceSplitter()

    def check(
        self, answer: str, evidence: Sequence[str], context: Sequence[str] | None = None, question: str = ""
    ) -> Verdict:
        """Check ``answer`` (with ``[n]`` markers) against the numbered ``evidence`` sentences (``[1]`` first).

        ``context[i]`` (the sentence with its title and neighbours) is where a claim's names may also be found:
        "It won in 2016 [1]" about a team named only in the sentence before is not an invention. A claim that says
        no word the ``question`` does not ("Andrew Murray will partner in the Davis Cup doubles against Israel"
        asked whom he will partner) answers nothing and is not kept.
        """
        context = context or evidence
        parsed = parse_claims(answer, self._splitter)
        if not parsed:
            return Verdict()
        vectors = self.embed([text for text, _ in parsed] + list(evidence))
        claim_vectors, evidence_vectors = vectors[: len(parsed)], vectors[len(parsed) :]
        claims = []
        for i, (text, numbers) in enumerate(parsed):
            cited = tuple(dict.fromkeys(n for n in numbers if 1 <= n <= len(evidence)))
            supported, reason = self._supports(text, cited, evidence, context, claim_vectors[i], evidence_vectors)
            copied = None if supported else self._copied_from(text, evidence, context)
            if copied is not None:
                cited, supported, reason = (copied,), True, f"repeats source {copied}"
            elif supported and len(cited) > 1:
                cited = self._fewest(text, cited, evidence, context)
            if supported and question and restates_nothing_new(text, question):
                supported, reason = False, "says only what the question asks"
            claims.append(Claim(text, cited, supported, reason))
        return Verdict(claims)

    def _fewest(
        self, text: str, cited: tuple[int, ...], evidence: Sequence[str], context: Sequence[str]
    ) -> tuple[int, ...]:
        """Of several cited sentences, the one that says the claim alone (every name there, the most of its words),
        so a reader is not sent to a sentence that does not say it; all of them when none does alone."""
        shares = [(overlap(text, evidence[n - 1]), n) for n in cited if not missing_names(text, context[n - 1])]
        alone = [(share, n) for share, n in shares if share >= self.min_overlap]
        return (max(alone)[1],) if alone else cited

    def _copied_from(self, text: str, evidence: Sequence[str], context: Sequence[str]) -> int | None:
        """The number of the evidence sentence ``text`` nearly repeats (every name and number of it there, none put in
        place of one it gives), if any."""
        shares = [(overlap(text, e), n) for n, e in enumerate(evidence, start=1)]
        share, n = max(shares, default=(0.0, 0))
        if share < self.min_copy or missing_names(text, context[n - 1]) or swapped_names(text, evidence[n - 1]):
            return None
        return n

    def _supports(
        self,
        text: str,
        cited: tuple[int, ...],
        evidence: Sequence[str],
        context: Sequence[str],
        vector: np.ndarray,
        evidence_vectors: np.ndarray,
    ) -> tuple[bool, str]:
        if not cited:
            return False, "cites no source"
        sources = " ".join(evidence[n - 1] for n in cited)
        missing = missing_names(text, " ".join(context[n - 1] for n in cited))
        if missing:
            return False, f"not in its sources: {', '.join(sorted(missing))}"
        swapped = next(filter(None, (swapped_names(text, evidence[n - 1]) for n in cited)), None)
        if swapped:  # read against each cited sentence: another may name what it swapped in
            return False, f"says {swapped[0]} where its sources say {swapped[1]}"
        similarity = max(float(vector @ evidence_vectors[n - 1]) for n in cited)
        if overlap(text, sources) >= self.min_overlap or similarity >= self.min_similarity:
            return True, ""
        return False, "its sources do not say this"
