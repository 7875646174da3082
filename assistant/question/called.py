"""What something is called: the thing a "What is the George Michael documentary called?" question asks the name of,
and the name a sentence gives it.

News names a work, a scheme or a group in a few fixed shapes: "The film, A Different Story, chronicles…", "a
documentary about … George Michael, A Different Story will…", "a new album called Out of Exile". The reader, given a
sentence without the name, bolds whatever is capitalised ("Berlin Film Festival").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.question.found import Found

_ASKED = re.compile(
    r"^\s*(?i:what)\s+(?:is|was|are|were|will)\s+(?P<thing>.+?)\s+(?:be\s+)?(?:called|named|titled|entitled|known as)"
    r"\s*\??\s*$"
    r"|^\s*(?i:what)\s+(?:is|was|are|were)\s+the\s+(?:name|title)\s+of\s+(?P<other>.+?)\s*\??\s*$"
)
# Where the thing asked about ends and what says which one it is begins: "from…", "for…", ", that is owned by…"
_QUALIFIED = re.compile(r"\s+(?:of|from|for|in|on|at|by|with|that|which|who|whose)\s+|,")
_SMALL = r"(?:of|the|a|an|and|&|in|on|to|for|at|is|my|me|de|la|le|von|van)"
# A name: capitalised words, with the small words titles have between them ("Out of Exile", "Get Me Out of Here").
_NAME = rf"(?P<name>[A-Z0-9][\w'’!&.-]*(?:\s+(?:{_SMALL}\s+)*[A-Z0-9][\w'’!&.-]*)*)"
# Words a sentence's clause opens with, not a name's: "university, In 2013, the university announced…"
_NOT_A_NAME = frozenset(
    {"He", "She", "It", "They", "But", "And", "The", "In", "On", "At", "For", "After", "When", "This"}
)
# Prizes, named with their noun ("the Berlinale Camera award", "the Turner Prize"), and a question asking which one.
_PRIZES = frozenset({"award", "prize", "trophy", "medal"})
# Programmes, named before their noun ("a session on The Wright Stuff programme", "Radio 4's Today programme");
# "show" is left out: "The BBC show beat…" describes one.
_PROGRAMMES = frozenset({"programme", "series"})
_WHICH_PRIZE = re.compile(r"^\s*(?i:which|what)\s+(?P<thing>(?i:award|prize|trophy|medal))\s+(?!of\b)")
# Each shape with {thing} for the head noun of what is asked about.
_SHAPES = (
    r"\b{thing}\s*,?\s+(?:called|named|titled|entitled|dubbed|known as)\s+(?:the\s+)?[\"“‘']?"
    + _NAME,  # "an album called X"
    r"\b{thing},\s+[\"“‘']?" + _NAME + r"[\"”’']?,",  # "The film, A Different Story, chronicles…"
    # "A documentary about the life of George Michael, A Different Story will…": the name opens the clause
    r"^(?:An?|The)\s+(?:[\w-]+\s+){0,2}{thing}\b[^,;.]*,\s+" + _NAME + r"\s+(?:will|is|was|has|had|would|can)\b",
    # "The classic film It's A Wonderful Life is to be turned into a musical": the name its clause is about
    r"\b{thing}\s+" + _NAME + r"\s+(?:will|is|was|are|were|has|have|had|would)\b",
    # "He is currently directing the film Serenity, based on…": the name after its noun, the phrase ending with it
    r"\b(?:the|a|an|his|her|its|their|new|latest)\s+(?:[\w-]+\s+)?{thing}\s+"
    + _NAME
    + r"(?=\s*[,.;:]|[?!]?\s*$|[?!]\s)",  # "the film Shall We Dance? and…"
    # "Called the Marlin Joint Development Association, the alliance will define…": the name opens the sentence
    r"^(?:Called|Named|Dubbed|Known as)\s+(?:the\s+)?[\"“‘']?" + _NAME + r"[\"”’']?,\s+(?:the|a|an|this|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}{thing}\b",
    # "Size, whose New Forms album won the 1997 Mercury Music Prize": a work's name before its noun, after its owner
    r"\b(?:whose|his|her|their)\s+" + _NAME + r"\s+{thing}\b",
)
# "What is Mick Mars's real name?" and "Mars - real name Bob Allen Deal - underwent…", "…, born Bob Deal,".
_ASKS_REAL_NAME = re.compile(r"^\s*(?i:what)\s+(?:is|was)\s+.+?['’]s?\s+(?i:real|birth|original)\s+name\s*\??\s*$")
_REAL_NAME = "real name"
_GIVES_REAL_NAME = re.compile(
    r"(?:\b(?i:real|birth|original)\s+name\s+(?:is\s+|was\s+)?[:,–—-]?\s*|(?:,|-|–|—)\s*born\s+|^\s*Born\s+)"
    r"[\"“‘']?" + _NAME
)
# A question asking which work something is: "Which film is being turned into a musical?"
_WORKS = r"film|movie|show|book|novel|album|song|single|musical|play|series|programme|documentary|opera|game"
# Works always known by a title, asked with what someone did with one ("a game" or "a play" may be a match)
_TITLED = r"film|movie|book|novel|album|song|single|musical|documentary|opera|programme|series"
_WHICH_WORK = re.compile(
    rf"^\s*(?i:which|what)\s+(?:(?P<thing>(?i:{_WORKS}))\s+(?:is|was|are|were|will|has|had)"
    rf"|(?P<done>(?i:{_TITLED}))\s+(?:did|does|do)\s+(?-i:[A-Z]))"  # "Which film did Jennifer Lopez miss…?"
)


def asked_called(question: str) -> str | None:
    """The head noun of what a "What is X called?" or "What is the name of X?" question asks the name of
    ("documentary"), or of "Which award will Daniel Day-Lewis receive?" ("award"), or of "Which film is being turned
    into a musical?" ("film"), or "What is Mick Mars's real name?" (``real name``), or None when it asks something
    else."""
    if _ASKS_REAL_NAME.match(question):
        return _REAL_NAME
    which = _WHICH_PRIZE.match(question) or _WHICH_WORK.match(question)
    if which is not None:
        return (which["thing"] or which["done"]).lower()
    found = _ASKED.match(question)
    thing = (found["thing"] or found["other"]) if found else None
    thing = _QUALIFIED.split(thing or "", maxsplit=1)[0]  # "the story from the third Torchwood series": the story
    words = re.findall(r"[A-Za-z][\w-]*", thing)
    return words[-1].lower() if words and words[-1].islower() else None  # "the Kremlin" names, it asks no name


def called_in(thing: str, sentence: str, besides: str = "") -> Found | None:
    """The name ``sentence`` gives the ``thing`` ("A Different Story" of "The film, A Different Story, chronicles…";
    "the Berlinale Camera award", a prize's name with its noun), or None when it gives none in these shapes; never a
    name ``besides`` (the question) gives itself ("Which film did Boogeyman knock…?" is not "film Boogeyman")."""
    return next((found for found in _called(thing, sentence) if found.text.lower() not in besides.lower()), None)


def _called(thing: str, sentence: str) -> Iterator[Found]:
    """Every name ``sentence`` gives the ``thing`` in the shapes :func:`called_in` reads, first shape first."""
    noun = re.escape(thing)
    if thing == _REAL_NAME:  # "Mars - real name Bob Allen Deal - underwent…"
        for found in _GIVES_REAL_NAME.finditer(sentence):
            yield Found(found["name"], found.start("name"), found.end("name"))
        return
    if thing in _PRIZES:
        for found in re.finditer(rf"\b(?:the\s+)?{_NAME}\s+(?i:{noun})\b", sentence):
            if found["name"].split()[0] not in _NOT_A_NAME:
                yield Found(found.group(), found.start(), found.end())
    if thing in _PROGRAMMES:
        for found in re.finditer(rf"(?:\b(?P<the>[Tt]he)\s+|['’]s\s+){_NAME}\s+{noun}\b", sentence):
            # not a broadcaster's letters: "the BBC programme"
            if found["name"].split()[0] not in _NOT_A_NAME and not found["name"].isupper():
                start = found.start("the") if found["the"] else found.start("name")
                yield Found(sentence[start : found.end("name")], start, found.end("name"))
    for shape in _SHAPES:
        for found in re.finditer(shape.replace("{thing}", rf"{noun}s?"), sentence):
            if found["name"].split()[0] not in _NOT_A_NAME:
                name = re.sub(r"(?<=[a-z]{2})[.!]$", "", found["name"])  # the sentence's full stop is not the name's
                yield Found(name, found.start("name"), found.start("name") + len(name))


def may_name(thing: str, text: str) -> bool:
    """Whether a story's ``text`` may give the name of ``thing``: it says the thing's noun ("film"), or, asked a real
    name, "real name" or "born" ("Born Jocelyn Stoker, the Devon diva…")."""
    if thing == _REAL_NAME:
        return re.search(r"\b(?:real|birth|original)\s+name\b|\bborn\b", text, re.IGNORECASE) is not None
    return thing in text.lower()
