"""Where someone is from: the person a "What nationality is William Gallas?" question asks about, and the people a
sentence says they are of.

News gives a nationality as a word before a name ("French defender William Gallas", "the Australian Matt
Williams"), and in a story about someone as the word before what they are, opening a sentence in their place ("And
the French international defender believes…"). The word must name a country's people ("French", not "Chelsea").
"""

from __future__ import annotations

import re

from assistant.question.found import Found
from assistant.question.places import country_of_people

_ASKED = re.compile(r"^\s*(?i:what\s+(?:is\s+the\s+)?nationality\s+(?:is|was|are|were|of))\s+(?P<name>.+?)\s*\??\s*$")
_PEOPLE = r"(?P<people>[A-Z][a-z]+)"
_WORD = re.compile(r"\b[A-Z][a-z]+\b")
# "And the French international defender believes…": the one the story is about, described, opening a sentence
_OPENING = r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))"  # a sentence's start, in a sentence or a whole story
_DESCRIBED = re.compile(rf"{_OPENING}(?:(?:And|But|So|Meanwhile|Now),?\s+)?[Tt]he\s+{_PEOPLE}\s+[a-z]")


def asked_nationality(question: str) -> str | None:
    """The person a "What nationality is X?" question asks about, or None."""
    found = _ASKED.match(question)
    return found["name"].removeprefix("the ") if found else None


def nationality_in(person: str, sentence: str, *, own: bool = False) -> Found | None:
    """The word ``sentence`` (or a whole story) gives for the people ``person`` (matched by surname) is of:
    "French defender William Gallas"; in their ``own`` story (its title or lead names them) also "the French
    international defender" opening the sentence; None when it gives none."""
    surname = re.escape(person.split()[-1])
    named = re.compile(rf"{_PEOPLE}\s+(?:[a-z][\w-]*\s+){{0,3}}(?:[A-Z][\w'’.-]*\s+){{0,2}}{surname}\b")
    # from each capitalised word: "The Australian Matt Williams" is read from "Australian" too
    found = [f for w in _WORD.finditer(sentence) if (f := named.match(sentence, w.start()))]
    found += _DESCRIBED.finditer(sentence) if own else []
    return next(
        (Found(f["people"], f.start("people"), f.end("people")) for f in found if country_of_people(f["people"])),
        None,
    )


def story_about(person: str, title: str, text: str) -> bool:
    """Whether a story is about ``person``: its title or its opening paragraph names them as asked ("Matt
    Williams", not any Williams)."""
    return person in title or person in text.split("\n", 1)[0]
