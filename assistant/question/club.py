"""Whom someone plays for: the player a "Which club does Jean-Philippe Granclaude play for?" question asks about, and
the club a sentence gives them.

Sport news names a player's club before their position and name: "Perpignan centre Jean-Philippe Granclaude", "Bath
prop Matt Stevens", "Sale Sharks prop Andrew Sheridan", "Chelsea striker Didier Drogba"; and in a squad list after
it, "M Stevens (Bath)". The club is what a reader asking whom they play for wants, not the country they were
called up for ("the France squad").
"""

from __future__ import annotations

import re

from assistant.question.found import Found
from assistant.question.nlp import nlp

_ASKED = re.compile(
    r"^\s*(?i:(?:which|what)\s+(?:club|team|side)\s+(?:does|did|do|is|was)|who\s+(?:does|did))\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?i:play(?:s|ed)?\s+for|(?:currently\s+)?play)\b"
)
_POSITIONS = (
    r"(?:centre|center|wing|winger|fly-half|scrum-half|prop|lock|flanker|hooker|full-back|fullback|number eight|"
    r"back-row|forward|striker|midfielder|defender|goalkeeper|keeper|full back|left-back|right-back|playmaker|"
    r"batsman|bowler|all-rounder|wicketkeeper|spinner|paceman|pitcher|quarterback|guard|point guard)"
)
_NAME = r"(?!(?:And|But|So|Or|Meanwhile|The|A|An|Then)\b)[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2}"
_CLUB = rf"(?P<club>{_NAME}(?:\s+and\s+{_NAME})?)"  # "Scarlets and USA Eagles forward Dave Hodges"


def asked_club(question: str) -> str | None:
    """The player a "Which club does X play for?" question asks about, or None."""
    found = _ASKED.match(question)
    return found["name"] if found else None


def club_in(player: str, sentence: str, *, country: bool = True) -> Found | None:
    """The club ``sentence`` gives ``player`` (matched by surname): "Perpignan centre Jean-Philippe Granclaude",
    "M Stevens (Bath)"; with ``country`` False not a national side ("Scotland forward Simon Taylor" names no
    club); None when it gives none."""
    surname = re.escape(player.split()[-1])
    shapes = (
        rf"{_CLUB}\s+{_POSITIONS}\s+(?:[A-Z][\w'’.-]*\s+){{0,2}}{surname}\b",
        rf"\b{surname}\s+\({_CLUB}(?:,\s*capt)?\)",
    )
    for shape in shapes:
        for found in re.finditer(shape, sentence):
            if country or not _a_country(found["club"]):
                return Found(found["club"], found.start("club"), found.end("club"))
    return None


def asks_for_a_club(question: str) -> bool:
    """Whether the question asks for a club, not a national side ("Which club…?", not "Who does he play for?")."""
    return re.search(r"\bclub\b", question, re.IGNORECASE) is not None


def _a_country(name: str) -> bool:
    return any(e.label_ in ("GPE", "NORP") and e.text == name for e in nlp()(name).ents)
