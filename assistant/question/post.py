"""Who holds a post: the post and the organisation a question asks about, and the name a sentence gives the holder.

"Who is the chief executive of Fiat?" is answered by "Fiat boss Sergio Marchionne", "Sergio Marchionne, Fiat's chief
executive" or "Marchionne was named chief executive of Fiat": news names people by their titles, in a few fixed
shapes, and with the title's usual synonyms ("boss" for a chief executive or a manager). A sentence that gives the
title without the organisation does not count: "chief executive Franklin Raines" is another firm's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.question.found import Found
from assistant.question.nlp import NER_ONLY, nlp

if TYPE_CHECKING:  # spaCy itself loads with its pipeline (question/nlp.py)
    from spacy.tokens import Doc

# Titles that name the same post, as news writes them; a title outside the table matches itself only.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("chief executive", "chief exec", "ceo", "boss", "head", "chief", "managing director"),
    ("chairman", "chairwoman", "chair", "chairperson"),
    ("coach", "head coach", "manager", "boss"),
    ("captain", "skipper"),
    ("leader", "head"),
    ("spokesman", "spokeswoman", "spokesperson"),
    ("prime minister", "premier"),
)
# "Who heads/runs/leads Fiat?": the post a verb asks about.
_VERBS = {
    "head": "head", "heads": "head", "headed": "head", "run": "chief executive", "runs": "chief executive",
    "ran": "chief executive", "lead": "leader", "leads": "leader", "led": "leader", "chair": "chairman",
    "chairs": "chairman", "chaired": "chairman", "coach": "coach", "coaches": "coach", "coached": "coach",
    "manage": "manager", "manages": "manager", "managed": "manager", "captain": "captain", "captains": "captain",
    "captained": "captain",
}  # fmt: skip
_WHO = r"^\s*(?i:who(?:'s|\s+(?:is|was|will\s+be|has\s+been|became|becomes|are|were)))\s+"
_QUALIFIER = r"(?:(?i:the|new|current|present|former|acting|interim|outgoing|incoming)\s+)*"
_POST = r"(?P<post>[a-z][a-z -]{1,30}?)"
_END = r"\s*\??\s*$"
_ASKED = (
    # "Who is the chief executive of Fiat?", "Who will be the new coach of Wales?"
    re.compile(_WHO + _QUALIFIER + _POST + r"\s+(?:of|at|for)\s+(?:the\s+)?(?P<org>.+?)" + _END),
    # "Who is Fiat's boss?"
    re.compile(_WHO + r"(?:the\s+)?(?P<org>[A-Z][\w.&' -]*?)['’]s?\s+" + _QUALIFIER + _POST + _END),
    # "Who is the England coach?", "Who is the Fiat boss?"
    re.compile(_WHO + r"the\s+" + _QUALIFIER + r"(?P<org>(?:[A-Z][\w.&'-]*\s+)+)" + _POST + _END),
    # "Who heads Fiat?", "Who runs the BBC?"
    re.compile(
        r"^\s*(?i:who)\s+(?:now\s+|currently\s+)?(?P<verb>" + "|".join(_VERBS) + r")\s+(?:the\s+)?"
        r"(?P<org>[A-Z].*?)" + _END
    ),
)
_NAME = r"(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)"  # two to four capitalised words
_MAX_POST_WORDS = 3
_WHEN = re.compile(r"\s+(?:in|during|since|from|when|before|after|until|on|by)\s+")
# Who held the post before, or is leaving it: "former Fiat boss…", "ex-chief executive…", "outgoing chairman…".
_FORMER = re.compile(r"\b(?:former|ex|outgoing|previous|then|late|retiring|departing|predecessor)\b", re.IGNORECASE)
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "Baroness"})
_FORMER_REACH = 12  # characters before a match looked at for such a word
# A title of any post: a name with one of its own before it is another post's holder, listed beside this one.
_TITLE_WORD = re.compile(
    r"\b(?:ceo|boss|chief|chairman|chairwoman|president|founder|director|manager|coach|captain|leader|owner|"
    r"minister|secretary|commissioner|governor|executive|head|spokesman|spokeswoman)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Post:
    """A post asked about: its ``titles`` (the one asked and its synonyms, lower case) at ``org``."""

    titles: tuple[str, ...]
    org: str


def says_a_title(text: str) -> bool:
    """Whether ``text`` has a word of a post in it ("the former UN commissioner", "party leader")."""
    return bool(_TITLE_WORD.search(text))


@lru_cache(maxsize=1024)
def asked_post(question: str) -> Post | None:
    """The post a "Who is the chief executive of Fiat?"-style question asks about, or None."""
    for pattern in _ASKED:
        found = pattern.match(question)
        if found is None:
            continue
        post = _VERBS[found["verb"].lower()] if "verb" in found.groupdict() else found["post"].strip().lower()
        org = _WHEN.split(found["org"].strip(), maxsplit=1)[0]  # "the NFL in 2012": the NFL
        if len(post.split()) > _MAX_POST_WORDS or not org or not org[0].isupper():
            return None  # "Who is the man in charge of…", "Who was the winner of the race?": no title asked
        return Post(_titles(post), org)
    return None


def _titles(post: str) -> tuple[str, ...]:
    groups = [group for group in _SYNONYMS if post in group]
    return tuple(dict.fromkeys([post, *(title for group in groups for title in group)]))


def holder_in(post: Post, sentence: str, *, own: bool = False) -> Found | None:
    """The person ``sentence`` names as holding ``post`` at its organisation, or None (None too for one who held it
    before: "former Fiat boss Paolo Cantarella"). In the organisation's ``own`` story (its title names it) the title
    alone will do: "…, said chief executive Tom McKillop" of AstraZeneca."""
    for found, name_first in _found(post, sentence, own=own):
        overlapping = [e for e in _people(sentence) if e.start < found.end("name") and found.start("name") < e.end]
        if not overlapping:
            continue
        if not name_first:
            return overlapping[0]  # "Fiat boss Sergio Marchionne": the name after the title
        name = overlapping[-1]  # "…, Sergio Marchionne, Fiat's boss": the name just before it
        if not _TITLE_WORD.search(sentence[max(0, found.start() - _FORMER_REACH) : name.start]):
            return name  # unless a title of its own comes first: "Microsoft CEO Satya Nadella, Oracle founder…"
    return None


def holder_unnamed(post: Post, sentence: str) -> bool:
    """Whether a sentence opens with the post at its organisation and no name ("Tate & Lyle's chief executive has
    been named European Businessman of the Year", "The boss of Fiat has…"), or with the organisation giving it to
    someone it describes ("The Lib Dems have appointed a senior figure from BT to be the party's new communications
    chief"): news names the holder next."""
    titles = "|".join(re.escape(t) for t in sorted(post.titles, key=len, reverse=True))
    org = rf"(?:the\s+)?{re.escape(post.org)}"
    title = rf"(?:new\s+)?(?i:{titles})"
    opening = (
        rf"^\s*(?:{org}['’]s\s+{title}|(?i:the)\s+{title}\s+(?:of|at)\s+{org}"
        rf"|(?i:the)\s+{re.escape(post.org)}\s+{title})\s+{_SAYS}"  # "The Celtic manager does not view…"
    )
    # "The Lib Dems have appointed a senior figure from BT to be the party's new communications chief"
    appointed = (
        rf"^\s*(?i:the\s+)?{re.escape(post.org)}\s+(?:has|have|had)\s+"
        rf"(?:appointed|named|hired|chosen|picked|recruited)\s+an?\s+(?:[\w&'’-]+\s+){{1,6}}?"
        rf"(?:to\s+be|as)\s+(?:(?:its|their|the\s+[\w-]+['’]s?)\s+)?{title}\b"
    )
    return re.match(opening, sentence) is not None or re.match(appointed, sentence) is not None


def unnamed_in(question: str, sentence: str) -> bool:
    """Whether a sentence opens with the one the question asks for described, not named: the post asked about
    (``holder_unnamed``), or for "Which chancellor resigned…?" "A previous Labour chancellor resigned…"."""
    post = asked_post(question)
    if post is not None:
        return holder_unnamed(post, sentence)
    if _WHO.match(question):  # "Who wants to buy Channel 4?" of "The creator of … Brookside has written to…"
        opening = _DESCRIBED.match(sentence)
        return opening is not None and not any(e.label_ == "PERSON" for e in nlp()(opening["who"]).ents)
    asked = _WHICH_ONE.match(question)
    if asked is None or not _TITLE_WORD.fullmatch(asked["noun"]) and asked["noun"].lower() not in _PEOPLE:
        return False
    noun = re.escape(asked["noun"].lower())
    # at the sentence's start, or a quoted sentence's: 'He said: "… A previous Labour chancellor resigned…"'
    opening = rf"(?:^|[.!?:]\s+[\"“]?|[\"“])\s*(?i:a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?i:{noun})\s+{_SAYS}"
    return re.search(opening, sentence) is not None


_WHO = re.compile(r"^\s*(?i:who)\s+(?!(?:is|are|was|were)\s+[A-Z])")  # not "Who is Phil Redmond?"
_PERSON_NOUN = (
    r"(?:creator|owner|founder|producer|director|writer|author|star|singer|actor|actress|expert|boss|chief|head|"
    r"chairman|chairwoman|president|executive|manager|coach|captain|leader|minister|spokesman|spokeswoman|player|"
    r"striker|winger|chancellor|secretary|governor|commissioner|judge|lawyer|analyst|economist)"
)
# A sentence opening with someone described by a word for a person, and then its verb: "The creator of defunct TV
# soap Brookside has written…", "A former Labour chancellor resigned…".
_DESCRIBED = re.compile(
    rf"^\s*(?P<who>(?i:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}{_PERSON_NOUN}(?:\s+(?:of|at|for)(?:\s+[\w'’-]+){{1,5}}?)?)"
    r"\s+(?:has|have|had|is|was|will|says|said|[a-z]+ed)\b"
)
_WHICH_ONE = re.compile(r"^\s*(?i:which|what)\s+(?P<noun>[a-z]+)\s+(?!of\b)")
_PEOPLE = {
    "chancellor",
    "player",
    "politician",
    "actor",
    "actress",
    "singer",
    "official",
    "judge",
    "mp",
    "man",
    "woman",
}
_SAYS = r"(?:has|had|is|was|will|would|could|may|does|did|says|said|[a-z]+ed)\b"  # the sentence goes on to its verb
_OPENING_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?=\s+[a-z]|,)"
)


@lru_cache(maxsize=256)
def named_first(sentence: str) -> Found | None:
    """The person a sentence opens with, as its subject ("Iain Ferguson was awarded…", "Mr Ferguson said…"), or None."""
    found = _OPENING_NAME.match(sentence)
    if found is None:
        return None
    doc = nlp()(sentence)
    if not any(e.label_ == "PERSON" and e.start_char < found.end() for e in doc.ents):
        return None
    return Found(found.group(), 0, found.end())


def asks_who(question: str) -> bool:
    """Whether the question asks who did or is something, not who a named person is ("Who is Phil Redmond?")."""
    return _WHO.match(question) is not None


def opens_unnamed(sentence: str) -> bool:
    """Whether a sentence opens with someone spoken of before: "He …", "She …", "The 21-year-old …"."""
    return _UNNAMED_OPENING.match(sentence) is not None


def named_before(sentence: str, before: str) -> Found | None:
    """The person a sentence speaks of without naming, as "He …", "She …" or "The 21-year-old …", when the sentence
    before names one: the last it names, as the one a reader takes it for ("…says Adam Curry, former MTV VJ… He was
    one of a community of people who created iPodder"); None otherwise. The name is found in ``before``."""
    if _UNNAMED_OPENING.match(sentence) is None:
        return None
    persons = {e.text for e in _entities(before).ents if e.label_ == "PERSON"}  # "Pop singer Delta Goodrem has…"
    people = [
        p
        for p in _people(before)
        if p.text in persons or any(e.label_ == "PERSON" for e in nlp()(p.text, disable=NER_ONLY).ents)
    ]
    return people[-1] if people else None


# A sentence whose subject is someone spoken of before: a pronoun, or someone described by age ("The 21-year-old…").
_UNNAMED_OPENING = re.compile(
    r"^\s*[\"“‘']?\s*(?:(?:He|She)(?:['’]s)?\s+(?!said\b|says\b|added\b|told\b)|The\s+\d+-year-old\b)"
)


def names_a_holder(post: Post, text: str, *, own: bool = False) -> bool:
    """Whether ``text`` (a whole article) may name the post's holder: its words alone, without a parse."""
    return next(_found(post, text, own=own), None) is not None


def _found(post: Post, text: str, *, own: bool = False) -> Iterator[tuple[re.Match[str], bool]]:
    """The matches of the post's patterns in ``text``, each with whether it names the holder before the title; in
    the organisation's own story also a title named alone, not another's ("Microsoft CEO…", "GM's chief…")."""
    if not own and post.org.lower() not in text.lower() and not _initials_in(post.org, text):
        return  # most sentences: no patterns
    patterns = [*_patterns(post), *(_bare(post) if own else ())]
    for pattern, name_first in patterns:
        for found in pattern.finditer(text):
            if _FORMER.search(text[max(0, found.start() - _FORMER_REACH) : found.end()]):
                continue
            if "title" in pattern.groupindex and not _alone(text, found.start("title")):
                continue
            yield found, name_first


def _alone(text: str, start: int) -> bool:
    """Whether the title at ``start`` is no one else's: not after a name ("Microsoft CEO") or a possessive."""
    before = re.search(r"([\w'’&.-]+[\"”]?)\s+$", text[:start])
    if before is None or _SENTENCE_END.search(before.group(1)):
        return True  # "…, according to the Hansard Society. Chairman Lord Holme argued…": a new sentence
    return not (before.group(1)[:1].isupper() or before.group(1).endswith(("'s", "’s")))


_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\"”]?$")  # not "U.S." nor "Mr."


@lru_cache(maxsize=256)
def _bare(post: Post) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The title without the organisation: "said chief executive Tom McKillop", "Tom McKillop, chief executive,"."""
    titles = "|".join(re.escape(t) for t in sorted(post.titles, key=len, reverse=True))
    title = rf"(?P<title>(?i:{titles}))"
    return (
        (re.compile(rf"{title},?\s+{_NAME}"), False),
        (re.compile(rf"{_NAME},\s+(?:the\s+)?{title}\s*(?:,|\.|$)"), True),
    )


@lru_cache(maxsize=256)
def _patterns(post: Post) -> tuple[tuple[re.Pattern[str], bool], ...]:
    titles = "|".join(re.escape(t) for t in sorted(post.titles, key=len, reverse=True))
    title = rf"(?i:{titles})(?:\s+and\s+[a-z]+(?:\s+[a-z]+)?)?"  # "chairman and chief executive"
    named = re.escape(post.org) + (rf"|{initials}\b" if (initials := _initials(post.org)) else "")
    org = rf"(?:the\s+)?(?:{named})(?:\s+[A-Z][\w&-]*){{0,2}}"  # "Fiat Auto", "the BBC", "the MDA"
    # a word before the title, not one making it another post: "Wolves caretaker boss Stuart Gray" is not Wolves' boss
    word = r"(?:(?!(?:caretaker|interim|assistant|deputy|vice)\b)[a-z-]+\s+)?"
    kind = r"(?:(?:[a-z-]+|[A-Z]{2,})\s+){0,2}?"  # what the organisation is, before its name: "MMS firm Adamind"
    return (
        (re.compile(rf"\b{org}(?:['’]s)?\s+{word}{title},?\s+{_NAME}"), False),  # Fiat boss Sergio Marchionne
        (re.compile(rf"\b{title}\s+(?:of|at)\s+{org},?\s+{_NAME}"), False),  # chief executive of Fiat, Marchionne
        (re.compile(rf"{_NAME},\s+(?:the\s+)?{org}(?:['’]s)?\s+{word}{title}\b"), True),  # …, Fiat's boss
        # "…, boss of Fiat", "Shailendra Jain, head of MMS firm Adamind"
        (re.compile(rf"{_NAME},\s+(?:the\s+)?(?:[a-z-]+\s+)?{title}\s+(?:of|at)\s+{kind}{org}"), True),
        # "Marchionne was named chief executive of Fiat", "Mr Ghosn is to become chairman and chief executive of…"
        (
            re.compile(
                rf"{_NAME}\s+(?:is|was|has\s+been|had\s+been|will\s+be|became|becomes|is\s+to\s+become|remains|"
                rf"was\s+named|was\s+appointed|has\s+been\s+named|has\s+been\s+appointed|has\s+been\s+unveiled|"
                rf"was\s+unveiled|has\s+been\s+confirmed|was\s+confirmed)\s+(?:as\s+)?(?:the\s+)?"
                rf"(?:new\s+)?(?:{title}\s+(?:of|at)\s+{org}|{org}(?:['’]s)?\s+{title}\b)"
            ),
            True,
        ),
    )


def _initials(org: str) -> str | None:
    """An organisation's initials, as news writes it once named in full ("the MDA" for the Mobile Data Association),
    where it has three capitalised words or more (two letters say too little: "FA" is not Fiat Auto); else None."""
    words = [w for w in org.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= _INITIALS and len(words) == len(org.split()) else None


_INITIALS = 3


def _initials_in(org: str, text: str) -> bool:
    initials = _initials(org)
    return initials is not None and re.search(rf"\b{initials}\b", text) is not None


@lru_cache(maxsize=1024)
@lru_cache(maxsize=256)
def _entities(sentence: str) -> Doc:
    """A sentence read by spaCy's entity recogniser alone, once for the rules here that read its names."""
    return nlp()(sentence, disable=NER_ONLY)


def _people(sentence: str) -> tuple[Found, ...]:
    """The sentence's names of people, each with the honorific before it ("Sir Alex Ferguson", "Mr Ghosn"), and those
    spaCy's small model takes for organisations' ("Sven-Goran Eriksson"): a title stands before a person."""
    doc = _entities(sentence)
    people = []
    for e in doc.ents:
        if e.label_ in ("PERSON", "ORG"):
            start = e.start_char
            if e.start > 0 and doc[e.start - 1].text in _HONORIFICS:
                start = doc[e.start - 1].idx
            possessive = len(e) > 1 and e[-1].text in ("'s", "’s")  # "Wales coach Mike Ruddock's": Mike Ruddock
            last = e[-2] if possessive else e[-1]
            people.append(Found(sentence[start : last.idx + len(last)], start, last.idx + len(last)))
    return tuple(people)


# "Who is the education secretary?": a post asked about with no organisation, in small letters
_ASKED_TITLE = re.compile(
    r"^\s*(?i:who)\s+(?:is|was|will\s+be)\s+(?:the\s+)?(?:(?:new|current)\s+)?"
    r"(?P<title>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})\s*\??\s*$"
)
# Words making a title another post: the shadow education secretary is not the education secretary
_OTHER_POST = frozenset({"shadow", "former", "ex", "deputy", "assistant", "acting", "vice", "junior", "opposition"})


def asked_title(question: str) -> str | None:
    """The post a "Who is the education secretary?" question asks the holder of, named by no organisation; None
    for another question, or one asking of another post ("Who is the shadow home secretary?")."""
    found = _ASKED_TITLE.match(question)
    if found is None or set(found["title"].split()) & _OTHER_POST:
        return None
    return found["title"]


def titles_said(title: str, sentence: str) -> tuple[bool, bool]:
    """Whether ``sentence`` says the title itself ("new education secretary Ruth Kelly"), and whether it says it of
    another post ("The shadow education secretary, Tim Collins", "Former education secretary Estelle Morris")."""
    words = r"\s+".join(re.escape(word) for word in title.split())
    itself = other = False
    for found in re.finditer(rf"\b{words}\b", sentence, re.IGNORECASE):
        before = re.findall(r"[A-Za-z]+", sentence[max(0, found.start() - 20) : found.start()])
        if before and before[-1].lower() in _OTHER_POST:
            other = True
        else:
            itself = True
    return itself, other
