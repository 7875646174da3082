"""The names evidence gives: of one kind (people, places, organisations), each with a sentence naming it, for a
list question ("Which leaders are mentioned?").

spaCy's entities are gathered in the sentences' order and the same one named twice is kept once, under its
fullest name: "Putin" and "Vladimir Putin" are one person, "Sir Keir Starmer" and "Keir Starmer" too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.question.nlp import nlp
from assistant.question.places import capital, country, province
from assistant.question.shape import Shape

if TYPE_CHECKING:  # spaCy itself loads with its pipeline (question/nlp.py)
    from spacy.tokens import Doc, Token

_HONORIFIC = re.compile(r"^(?:sir|dame|lord|lady|mr|mrs|ms|dr|prof|president|king|queen|pope)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")
_LIST_VOTES = 3  # entities of one kind, more than half a coordination's names, before all are read as that kind
# ... or two, for a member spaCy reads as no kind or an unlikely one ("Russia's Elena Dementieva" a building)
_FEW_VOTES = 2
_FIRM_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True)
class Named:
    """A name from the sentences, its entity label and the position of the first sentence naming it."""

    name: str
    label: str
    sentence: int


def names_asked_for(question: str, shape: Shape, sentences: Sequence[str], bylines: Iterable[str] = ()) -> list[Named]:
    """The names of the kind ``shape`` lists that ``sentences`` give: not the articles' ``bylines``, not a name the
    question itself gives ("Genghis Khan" is not who he sent), and for a list of countries or cities only those."""
    asked = set(_words(question))
    named = [n for n in names_in(sentences, shape.labels, exclude=bylines) if not set(_words(n.name)) <= asked]
    return _PLACES[shape.places](named) if shape.places is not None else named


def names_in(sentences: Sequence[str], labels: Sequence[str], exclude: Iterable[str] = ()) -> list[Named]:
    """The distinct names labelled one of ``labels`` in ``sentences``, in order of first mention; a name that is a
    person's elsewhere in the sentences is a person's.

    Names in ``exclude`` (the question's own, the article's byline) are left out, and so are their shorter forms.
    """
    excluded = [_words(name) for name in exclude if name]
    found: list[Named] = []
    for position, doc in enumerate(nlp().pipe(sentences)):
        for text, label in _entities(doc, labels):
            if label not in labels and label != "PERSON":  # people are gathered to be told apart
                continue
            line = text.strip().splitlines()[0]  # an entity never runs on past a line's end
            name = _HONORIFIC.sub("", line.strip(" “”\"‘’'.,"))
            words, person = _words(name), label == "PERSON"
            if not words or any(_same(words, other, person) for other in excluded):
                continue
            same = next(
                (i for i, k in enumerate(found) if _same(words, _words(k.name), person or k.label == "PERSON")), None
            )
            if same is None:
                found.append(Named(name, label, position))
            elif len(words) > len(_words(found[same].name)):  # the fuller name, cited where it was first named
                found[same] = Named(name, label, found[same].sentence)
            elif person:  # "Trump" taken for an organisation once and a person once is a person
                found[same] = Named(found[same].name, "PERSON", found[same].sentence)
    # News names a person in full where it first mentions them: a lone word no full name ends is no person's name
    # (spaCy's small model takes "Kyiv's protection" for a person's), and "Trump" once taken for an organisation is
    # Donald Trump all the same.
    return [n for n in found if n.label in labels and (n.label != "PERSON" or len(_words(n.name)) > 1)]


def counts_unnamed(question: str, sentence: str) -> bool:
    """Whether the sentence counts what the question lists without naming it: "…against five banks" for "Which banks
    has Yukos dropped?" (the names then follow in another sentence)."""
    asked = {t.lemma_.lower() for t in nlp()(question) if t.tag_ in ("NNS", "NNPS")}
    counted = [t.head for t in nlp()(sentence) if t.dep_ == "nummod"]
    return any(noun.lemma_.lower() in asked and noun.tag_ in ("NNS", "NNPS") for noun in counted)


def _entities(doc: Doc, asked: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The sentence's entities as (text, label), with the names of a list read as one kind: in "ABN Amro, BNP
    Paribas, Calyon, JP Morgan Chase Bank, and Dresdner Kleinwort Wasserstein" spaCy's small model takes two banks
    for people and one for half its name; the kind most of the list's names have (three at least, so "Apple, Google,
    Bill Gates and Steve Jobs" stays mixed) is every member's, each under its whole proper name. Where each of three
    or more names has a kind of its own and one is of a kind ``asked`` ("Real Madrid, Barcelona and Valencia": a
    club, a city and a person to spaCy, asked which clubs), that kind is every member's."""
    spans = _spans(doc)
    entities = {doc[start:end].root.i: (doc[start:end].text, label, start) for start, end, label in spans}
    inside = {i for start, end, _ in spans for i in range(start, end)}
    for listed in _lists(doc):
        members = [m for m in listed if m.i in entities or m.i not in inside]  # not "Poor" of "Standard & Poor's"
        votes = Counter(entities[m.i][1] for m in members if m.i in entities)
        if not votes:
            continue
        label, count = votes.most_common(1)[0]
        mixed = len(members) >= _LIST_VOTES and max(votes.values()) == 1 and len(votes) == len(members)
        if mixed and (kind := next((k for k in votes if k in asked), None)) is not None:
            label, count = kind, _LIST_VOTES  # no kind of most of them: the one asked for, for all of them
        elif 2 * count <= len(members) or count < _FEW_VOTES:
            continue
        for member in members:
            if member.i in inside and member.i not in entities:
                continue  # "Spencer" of "Marks & Spencer": part of a name already
            if count < _LIST_VOTES and entities.get(member.i, ("", ""))[1] in _FIRM_LABELS:
                # two of three are too few to make "Apple" of "Apple, Bill Gates and Steve Jobs" a person, or to widen
                # a name; enough to add one the model missed ("Standard & Poor's, Moody's and Fitch")
                continue
            start = min([member.i, *(c.i for c in member.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")])
            text, _, first = entities.get(member.i, (doc[start : member.i + 1].text, label, start))
            whole = doc[start : member.i + 1].text
            entities[member.i] = (text, label, first) if len(text) >= len(whole) else (whole, label, start)
    return [(_owned(doc, text, first), label) for text, label, first in sorted(entities.values(), key=lambda e: e[2])]


def _lists(doc: Doc) -> Iterator[list[Token]]:
    """The proper nouns of each coordination ("A, B and C"), and of appositions naming several of one noun ("three
    credit rating agencies - Standard & Poor's, Moody's and Fitch": the small model hangs two on "agencies" and
    Fitch on Moody's)."""
    for head in doc:
        if head.dep_ != "conj" and any(child.dep_ == "conj" for child in head.children):
            members = [head, *(t for t in head.subtree if t.dep_ == "conj" and _in_chain(t, head))]
            yield [m for m in members if m.pos_ == "PROPN"]
        named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if len(named) > 1:
            yield [t for n in named for t in n.subtree if t.pos_ == "PROPN" and (t is n or _in_chain(t, n))]


def _owned(doc: Doc, text: str, first: int) -> str:
    """The name without its possessive ending where it owns the word after ("Moody" of "Moody's downgrade"), with it
    where it owns nothing ("Standard & Poor's, Moody's and Fitch" are the agencies' names)."""
    if not _POSSESSIVE.search(text):
        return text
    end = doc[first].idx + len(text)
    after = next((t for t in doc if t.idx >= end), None)
    return _POSSESSIVE.sub("", text) if after is not None and after.pos_ in _OWNED else text


_OWNED = {"NOUN", "PROPN", "ADJ", "NUM", "ADV", "VERB"}  # words a name before them with "'s" owns: "Moody's rating"


def _spans(doc: Doc) -> list[tuple[int, int, str]]:
    """spaCy's entities as (start, end, label), those it runs together at a comma apart ("Morrisons, Woolworths" is
    two shops) and two of one kind either side of "of" joined ("House" and "Fraser" are House of Fraser)."""
    spans: list[tuple[int, int, str]] = []
    for entity in doc.ents:
        commas = [
            t.i for t in entity if t.text == "," and t.i + 1 < entity.end and not _SUFFIX.match(doc[t.i + 1].text)
        ]
        for start, end in zip([entity.start, *(i + 1 for i in commas)], [*commas, entity.end], strict=True):
            last = spans[-1] if spans else None
            if last is not None and last[2] == entity.label_ and last[1] + 1 == start and doc[last[1]].lower_ == "of":
                spans[-1] = (last[0], end, entity.label_)
            elif doc[start:end].text.strip(" ,"):
                spans.append((start, end, entity.label_))
    return spans


_SUFFIX = re.compile(r"^(?:Inc|Ltd|Co|Corp|plc|LLC|Jr|Sr)\b\.?$")


def _in_chain(token: Token, head: Token) -> bool:
    """Whether ``token`` is a conjunct of ``head`` through conjuncts only ("A, B and C": C hangs on B, B on A)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i == head.i:
            return True
    return False


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", name.lower()))


def _same(a: tuple[str, ...], b: tuple[str, ...], person: bool) -> bool:
    """The same name, or for people one ends the other ("Putin", "Vladimir Putin"); "Korea" is not "North Korea"."""
    a, b = (tuple(w for w in words if w != "the") for words in (a, b))
    short, long = sorted((a, b), key=len)
    return bool(short) and (short == long or (person and long[-len(short) :] == short))


def countries_only(named: Sequence[Named]) -> list[Named]:
    """The names that may be countries (a country's, or no known capital's or province's: not "Moscow" or "Alaska"),
    each country once under its longest spelling ("United States" for "US" and "the United States")."""
    kept: dict[str, Named] = {}
    for n in named:
        known = country(n.name)
        if known is None and (capital(n.name) or province(n.name)):
            continue
        key = known or n.name.lower()
        if key not in kept:
            kept[key] = n
        elif len(n.name) > len(kept[key].name):
            kept[key] = Named(n.name, n.label, kept[key].sentence)
    return list(kept.values())


def cities_only(named: Sequence[Named]) -> list[Named]:
    """The names that may be cities: a capital ("Moscow", "Singapore"), or neither a country nor a province ("Odesa";
    not "Ukraine" or "Alaska")."""
    return [n for n in named if capital(n.name) or (country(n.name) is None and not province(n.name))]


_PLACES = {"countries": countries_only, "cities": cities_only}
