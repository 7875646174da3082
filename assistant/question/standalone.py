"""Follow-up questions made standalone without an LLM: pronouns take earlier turns' names of the right type.

"Who is the NATO chief?" answered "Mark Rutte", then "What did he say about Russia?" is retrieved as "What did Mark
Rutte say about Russia?". He, she, his and her take a person's name, never a place's; it and its an organisation's
or a thing's; they and their a group's, an organisation's or a country's. The latest turn is searched first, then
the ones before it. A follow-up that names nothing ("Where?", "And why?", "How old was he?" with no one to be he)
borrows the previous question's words, so retrieval stays on the same story. Questions that stand on their own are
left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from assistant.question.called import asked_called
from assistant.question.nlp import NER_ONLY, nlp

_PERSON_PRONOUNS = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_THING_PRONOUNS = re.compile(r"\b(it|its)\b", re.IGNORECASE)
_GROUP_PRONOUNS = re.compile(r"\b(they|them|their|theirs)\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"^\s*(and|what about|how about|and what about|also|why|why not|how so)\b", re.IGNORECASE)
_ELLIPSIS_WORDS = 5  # "What about Macron?", "Where?", "For how many years?": a longer question usually stands alone
_MARKER = re.compile(r"\s*\[\d+\]")
_PERSON = ("PERSON",)
_THING = ("ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC", "NAME")  # NAME: a name spaCy did not label
_GROUP = ("ORG", "NORP", "GPE")
_TURNS_SEARCHED = 3
_ASKS_WHO = re.compile(r"^\s*who\b", re.IGNORECASE)
_WHO_IS = re.compile(r"^\s*(?i:who(?:'s|\s+is|\s+was))\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s*\??\s*$")
_FULL_NAME = re.compile(r"(?!(?:The|A|An)\s)(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+")  # "The Kremlin" is no one
_DESCRIPTION = re.compile(r"\b(the|this|that)\s+([a-z]+)\b", re.IGNORECASE)
# Kinds of organisation and place a description may stand for; people are found by the title they were given.
_KINDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(["company", "firm", "organisation", "organization", "agency", "group", "party", "team"], ("ORG",)),
    **dict.fromkeys(["country", "nation", "city", "town", "capital", "state"], ("GPE",)),
}  # earlier turns whose names a pronoun may take, the latest first


def _names(turn: tuple[str, str]) -> Iterator[tuple[str, str]]:
    """(name, label) entities of one earlier turn, read as needed: the person "Who is X?" asked about first, then its
    short answer (the answer's first line: a full name answering "Who…?" is a person's, whatever spaCy's label; a
    name answering "What is it called?" is a thing's), then its question, then the rest of its answer, where only
    full names count as people's (spaCy's small model takes "Kyiv's protection" for a person's; news names people
    in full)."""
    question, answer = turn
    first_line, _, rest = _MARKER.sub("", answer).partition("\n")
    if (asked := _WHO_IS.match(question)) is not None and _FULL_NAME.fullmatch(asked["name"]):
        yield asked["name"], "PERSON"  # "Who is Sven Jaschen?": he is next, not a name in what he is ("Netsky")
    if _ASKS_WHO.match(question) and _FULL_NAME.fullmatch(first_line.strip()):
        yield first_line.strip(), "PERSON"  # asked who, a full name answers: a person's, whatever spaCy labels it
    if asked_called(question) and first_line.strip()[:1].isupper():
        yield first_line.strip(), "WORK_OF_ART"  # asked what it is called, the name answering is "it" next
    yield from _entities(first_line)
    yield from _entities(question)
    yield from _unrecognised(question)
    yield from ((name, label) for name, label in _entities(rest) if label != "PERSON" or len(name.split()) > 1)


@lru_cache(maxsize=4096)
def _entities(text: str) -> tuple[tuple[str, str], ...]:
    """spaCy's entities of ``text`` (its entity recogniser alone), without a possessive it may take in ("Sandy
    Walkington's job title" names Sandy Walkington). Cached: a conversation's earlier turns are read again for every
    follow-up."""
    if not text.strip():
        return ()
    return tuple((_POSSESSIVE.sub("", e.text), e.label_) for e in nlp()(text, disable=NER_ONLY).ents)


_POSSESSIVE = re.compile(r"\s*['’]s?$")
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


def _unrecognised(question: str) -> Iterator[tuple[str, str]]:
    """Capitalised names in a question that the entity recogniser missed ("Did Ladbrokes stop taking bets?"), of no
    known kind: "it" of the next question may be one, "he", "she" and "they" never ("they" of "What percent of
    students have used Aderall?" are the students)."""
    known = " ".join(name for name, _ in _entities(question))
    for found in _CAPITALISED.finditer(question):
        name = _POSSESSIVE.sub("", found.group())
        if name not in known:
            yield name, "NAME"


def _replace(question: str, pattern: re.Pattern[str], name: str) -> str:
    def swap(match: re.Match[str]) -> str:
        return f"{name}'s" if match.group().lower() in ("his", "hers", "their", "theirs", "its") else name

    return pattern.sub(swap, question)


def standalone_question(question: str, history: Sequence[tuple[str, str]] | None) -> str:
    """``question`` rewritten to stand on its own, using the earlier (question, answer) turns (oldest first)."""
    if not history:
        return question
    rewritten = question
    pronouns = ((_PERSON_PRONOUNS, _PERSON), (_THING_PRONOUNS, _THING), (_GROUP_PRONOUNS, _GROUP))
    for pattern, labels in pronouns:
        if pattern.search(_without_expletive(rewritten)):
            earlier = (name for turn in reversed(history[-_TURNS_SEARCHED:]) for name in _names(turn))
            earlier = (n for n in earlier if not (pattern is _PERSON_PRONOUNS and _named_apart(n[0], question)))
            name = next((name for name, label in earlier if label in labels), None)  # the latest turns read first
            if name:
                thing = _described(name, history[-1][0]) if pattern is _THING_PRONOUNS else None
                rewritten = _replace(rewritten, pattern, thing or name)
    rewritten = _resolve_descriptions(rewritten, history[-_TURNS_SEARCHED:])
    previous = history[-1][0]
    if any(pattern.search(rewritten) for pattern, _ in pronouns):
        return _carry_context(rewritten, previous)
    if rewritten == question and _elliptical(question):
        return _substitute(question, previous)
    return rewritten


# "Is it hard to get Adderall…?", "Was it true that…": an "it" then an adjective then what it is said of
_EXPLETIVE = re.compile(
    r"\b(?:(?:is|was|isn't|wasn't)\s+it|it\s+(?:is|was|'s|seems|seemed))\s+(?:(?:very|so|too)\s+)?"
    r"(?P<word>\w+)\s+(?:to|that|for)\b",
    re.IGNORECASE,
)


def _without_expletive(question: str) -> str:
    """The question without an "it" that stands for nothing said before ("Is it hard to get…?"; not "Was it built
    to last?", where it is something built): the word after it is an adjective."""
    found = _EXPLETIVE.search(question)
    if found is None:
        return question
    word = next((t for t in nlp()(question) if t.idx == found.start("word")), None)
    return question[: found.start()] + question[found.end() :] if word is not None and word.pos_ == "ADJ" else question


def _named_apart(name: str, question: str) -> bool:
    """Whether the question names the person and also speaks of someone as "he", "she" or "him", who is then
    another: "What did he say about Hewitt's performances?" is not asking what Hewitt said ("his" may be theirs)."""
    surname = name.split()[-1] if name.split() else name
    return bool(_APART.search(question)) and re.search(rf"\b{re.escape(surname)}\b", question) is not None


_APART = re.compile(r"\b(?:he|she|him)\b", re.IGNORECASE)


def _described(name: str, question: str) -> str | None:
    """The thing a name describes in the previous question, when it is one ("the BDO optimism index" of "What is
    the BDO optimism index?": "it" is the index, not BDO); None when the name stands alone there."""
    at = question.find(name)
    if at < 0:
        return None
    doc = nlp()(question)
    span = doc.char_span(at, at + len(name), alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head
    if span.root.dep_ != "compound" or head.pos_ != "NOUN" or head.i < span.end:
        return None
    while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i:
        head = head.head  # "BDO optimism index": the index
    first = span.start - 1 if span.start > 0 and doc[span.start - 1].dep_ == "det" else span.start
    words = doc[first : head.i + 1]
    inside = all(t.dep_ in ("compound", "det") or t.i == head.i or span.start <= t.i < span.end for t in words)
    return words.text if inside else None


def _resolve_descriptions(question: str, turns: Sequence[tuple[str, str]]) -> str:
    """ "the president", "the coach", "the company" → the earlier name they stand for: a name the earlier turns give
    with that word as its title ("French President Emmanuel Macron", "Coach John Bracewell"), or, for a kind of
    organisation or place, the latest name of that kind."""
    for match in reversed(list(_DESCRIPTION.finditer(question))):
        word = match.group(2).lower()
        name = _titled(word, turns) or _of_kind(_KINDS.get(word, ()), turns)
        if name and name.lower() not in question.lower():
            question = question[: match.start()] + name + question[match.end() :]
    return question


def _titled(word: str, turns: Sequence[tuple[str, str]]) -> str | None:
    """The latest name the turns give with ``word`` as its title: "chief" → "Mark Rutte" in "NATO chief Mark
    Rutte"."""
    titled = re.compile(rf"\b(?i:{re.escape(word)})\s+((?:[A-Z][\w’'.-]+\s?){{1,3}})")
    for question, answer in reversed(turns):
        for text in (answer, question):
            found = [m.group(1).strip() for m in titled.finditer(text)]
            people = [n for n in found if any(label == "PERSON" for _, label in _entities(n))]
            if people:
                return people[-1]
    return None


def _of_kind(labels: tuple[str, ...], turns: Sequence[tuple[str, str]]) -> str | None:
    """The latest name of one of these entity kinds in the turns ("the company" → the organisation named)."""
    if not labels:
        return None
    earlier = (name for turn in reversed(turns) for name in _names(turn))
    return next((name for name, label in earlier if label in labels), None)


def _elliptical(question: str) -> bool:
    """A short question that leans on the previous one: "And why?", "What about Macron?", or one with at most one
    word of its own that names nothing ("Where?", "For how many years?", not "What did the Kremlin say?")."""
    if len(question.split()) > _ELLIPSIS_WORDS:
        return False
    if _ELLIPSIS.search(question):
        return True
    own = [w for w in re.findall(r"[A-Za-z]+", question) if not _is_stop(w)]
    return len(own) == 0 or (len(own) == 1 and not own[0][0].isupper())


def _substitute(question: str, previous_question: str) -> str:
    """'What about Macron?' after 'What did Starmer promise?' → 'What did Macron promise?'; else carry context."""
    named = [e.text for e in nlp()(question).ents if e.label_ not in ("CARDINAL", "ORDINAL")]
    named = named or _CAPITALISED.findall(question)  # "And HD DVD?": a name the recogniser misses
    previous = [(e.start_char, e.end_char) for e in nlp()(previous_question).ents if e.label_ not in _NUMBERS]
    previous = previous or [_chunk_of(previous_question, m.span()) for m in _CAPITALISED.finditer(previous_question)]
    if named and previous and _ASKS_ABOUT.match(question):
        start, end = previous[0]
        return previous_question[:start] + named[0] + previous_question[end:]
    return _carry_context(question, previous_question)


def _chunk_of(question: str, span: tuple[int, int]) -> tuple[int, int]:
    """The noun phrase a capitalised word is part of, its article aside ("Blu ray disc" of "a Blu ray disc")."""
    for chunk in nlp()(question).noun_chunks:
        if chunk.start_char <= span[0] < chunk.end_char:
            words = [t for t in chunk if t.dep_ != "det"]
            return words[0].idx, words[-1].idx + len(words[-1])
    return span


_NUMBERS = ("CARDINAL", "ORDINAL")
# "What about Macron?", "And HD DVD?": the same question of another name
_ASKS_ABOUT = re.compile(r"^\s*(?i:and\s+)(?:(?:the|a|an)\s+)?(?=[A-Z])|^\s*(?i:(?:and\s+)?(?:what|how)\s+about)\b")
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


_CARRIED = re.compile(r"\s\([^()]*\)$")


def without_carried(text: str) -> str:
    """A follow-up as asked, without the earlier question's words carried after it for retrieval ("Could it fire?
    (weapon found)" → "Could it fire?")."""
    return _CARRIED.sub("", text)


def _carry_context(question: str, previous_question: str) -> str:
    """The question followed by the previous question's content words it lacks (query expansion)."""
    have = {w.lower() for w in re.findall(r"\w+", question)}
    carried = [w for w in re.findall(r"\w+", previous_question) if w.lower() not in have and not _is_stop(w)]
    return f"{question} ({' '.join(dict.fromkeys(carried))})" if carried else question


def _is_stop(word: str) -> bool:
    return nlp().vocab[word.lower()].is_stop
