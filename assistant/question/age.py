"""How old someone is: the person a "How old is Bernie Ebbers?" question asks about, and the age a sentence gives them.

News gives a person's age in a few fixed shapes: "Mr Ebbers, 63, …", "Ebbers (63)", "the 41-year-old Bwalya",
"Ebbers, aged 63", "Llewellyn, who is 36, …", and in sport "The 28-year-old…" opening the sentence after the one
naming them. A number elsewhere in the sentence ("a sentence of 85 years") is not their age.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.question.found import Found
from assistant.question.nlp import nlp, stop_words


def _nowhere(word: str) -> bool:
    """No word names where someone is from (``lead_age``'s default)."""
    return False


_ASKED = re.compile(
    r"^\s*(?i:how old (?:is|was|are|were)) (?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\??\s*$"
)
# "How old was Jim Morrison when he died?": the age a sentence gives at a death
_ASKED_AT_DEATH = re.compile(
    r"^\s*(?i:how old (?:was|were)) (?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?i:when (?:he|she) died)"
    r"\s*\??\s*$"
)
_DIED_AGED = re.compile(r"\bdied,?\s+(?:aged\s+|at\s+(?:the\s+age\s+of\s+)?)(?P<age>\d{1,3})\b(?!\s*(?:years|%))")
_AGE = r"(?P<age>\d{1,3})"
# Each shape with {name} for the person's surname.
_SHAPES = (
    r"\b{name},\s+" + _AGE + r"(?:\s*,|\.(?:\s|$)|$)",  # "Mr Ebbers, 63, …", "…said Hynde, 53."
    r"\b{name}\s+\(" + _AGE + r"\)",  # "Ebbers (63)"
    r"\b{name},\s+aged\s+" + _AGE + r"\b",  # "Ebbers, aged 63"
    r"\b{name},\s+who\s+(?:is|was|turns|turned)\s+" + _AGE + r"\b",  # "Llewellyn, who is 36, …"
    r"\b" + _AGE + r"[- ]years?[- ]old\s+(?:[A-Z][\w'’-]*\s+){0,3}{name}\b",  # "the 41 year-old Bwalya"
    # "Lindsay Davenport has put … on hold. The 28-year-old world number one had said…": the next sentence's, when
    # the person opens the one before (not "Garcia-Lopez … withstood a rally from Moya… The 21-year-old plays…")
    r"(?:^|(?<=[.!?] ))(?:[^\s.!?]+\s+){0,5}?{name}\b[^.!?\n]*[.!?][\"”]?\s+The\s+" + _AGE + r"[- ]years?[- ]old\b",
    # … or the next sentence's quotation said by them: "Corbett, soon to reunite…, also criticised quiz shows. '…,'
    # said the 74-year-old comedian."
    r"(?:^|(?<=[.!?] ))(?:[^\s.!?]+\s+){0,5}?{name}\b[^.!?\n]*[.!?]\s+[\"“][^\"“”]*[\"”]\s*"
    r"(?:said|says|added|admitted|insisted)\s+"
    r"the\s+" + _AGE + r"[- ]years?[- ]old\b",
)


def asked_age(question: str) -> str | None:
    """The person a "How old is X?" question asks about, or None ("How old was he when…?" asks something else)."""
    found = _ASKED.match(question)
    return found["name"] if found else None


def asked_age_at_death(question: str) -> str | None:
    """The person a "How old was Jim Morrison when he died?" question asks about, or None."""
    found = _ASKED_AT_DEATH.match(question)
    return found["name"] if found else None


def died_aged(sentence: str) -> Found | None:
    """The age a sentence gives at a death: "27" of "…the Doors frontman, who died aged 27 in 1971", "died at the age
    of 27"; None where it gives none."""
    found = _DIED_AGED.search(sentence)
    return Found(found["age"], found.start("age"), found.end("age")) if found else None


def age_in(name: str, sentence: str) -> Found | None:
    """The age ``sentence`` gives ``name`` (matched by surname), or None when it gives them none."""
    surname = re.escape(name.split()[-1])
    for shape in _SHAPES:
        found = re.search(shape.replace("{name}", surname), sentence)
        if found is not None:
            return Found(found["age"], found.start("age"), found.end("age"))
    return None


def age_of(name: str, sentence: str, before: str = "") -> Found | None:
    """The age ``sentence`` gives ``name``, itself or as "The 28-year-old…" after ``before``, the sentence naming
    them; None when it gives them none. The offsets are into ``sentence``."""
    joined = f"{before} {sentence}" if before else sentence
    found = age_in(name, joined)
    offset = len(joined) - len(sentence)
    if found is None or found.start < offset:
        return age_in(name, sentence) if found is not None else None
    return Found(found.text, found.start - offset, found.end - offset)


def lead_age(name: str, lead: str, sentence: str, from_a_place: Callable[[str], bool] = _nowhere) -> Found | None:
    """The age ``sentence`` gives as "the 60-year-old actor" or "The 67-year-old also said…" to the person its story's
    ``lead`` opens with ("Actor Michael Douglas is to co-produce…"): news names its subject once, then by age and
    the word the lead used for them, or where they are from ("the 25-year-old Dubliner", a word ``from_a_place``
    says names someone from a place); None when the lead does not open with them, or the age is another's ("the
    21-year-old striker" of a lead about an actor, "the 40-year-old Smith")."""
    opening = opens_with(name, lead)
    found = _AGED.search(sentence)
    if opening is None or found is None:
        return None
    word = found["word"] or ""
    theirs = (
        word.lower() in _AFTER_AGE
        or word.lower() in opening.lower().split()
        or word.lower() == "star"
        and bool(_PERFORMERS & set(opening.lower().split()))  # "Singer…": "the 22-year-old star"
        or word[:1].isupper()
        and from_a_place(word)
    )
    if word and not theirs:
        return None
    return Found(found["age"], found.start("age"), found.end("age"))


# Words a lead calls a performer by, who is "the star" after: "Singer Britney Spears…", "the 22-year-old star"
_PERFORMERS = frozenset({"singer", "actor", "actress", "rapper", "comedian", "musician", "presenter", "pop"})


def names_another(name: str, sentence: str) -> bool:
    """Whether ``sentence`` names someone else of the asked person's surname and not them ("22 year old Liverpool
    student David Dunne" asked how old Richard Dunne is), or gives its age to another name and none to theirs
    ("23-year-old Leamy - three stone heavier than O'Connor" asked how old O'Connor is): an age it gives is not
    theirs."""
    words = name.split()
    if words and any(owner != words[-1] for owner in _aged_names(sentence)):
        return True
    if len(words) < 2 or name in sentence or words[0].rstrip(".") in _TITLES:
        return False  # asked by a title and the surname ("Mr. Creech"), any first name may be theirs
    others = re.findall(rf"\b([A-Z][\w'’-]+)\s+{re.escape(words[-1])}\b", sentence)
    # not a word opening the sentence: "But Bellamy, 25, …" names no other Bellamy
    return any(first != words[0] and first not in _TITLES and first.lower() not in stop_words() for first in others)


_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "President"})
_AGED_NAME = re.compile(r"\b\d+[- ]years?[- ]old\s+[A-Za-z]")
# "23-year-old Leamy - three stone heavier…": a name alone right after an age, then a stop, is whose age it is
_AGED_THEN_STOP = re.compile(
    r"\b\d+[- ]years?[- ]old\s+((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)(?=\s*(?:[-–—,;.)]|and\b|$))"
)


def _aged_names(sentence: str) -> list[str]:
    """The surnames an age is said of: "Leamy" of "23-year-old Leamy - …", "Dunne" of "The 22-year-old Liverpool
    striker Richard Dunne" (by the parse: the name "old" describes, or the one its noun stands beside); none for "The
    30-year-old will face Federer"."""
    if not _AGED_NAME.search(sentence):
        return []
    owners = [m.group(1).split()[-1] for m in _AGED_THEN_STOP.finditer(sentence)]
    for token in nlp()(sentence):
        if token.lower_ != "old" or token.dep_ != "amod" or token.head.i < token.i:
            continue
        head = token.head
        if head.pos_ == "PROPN":
            owners.append(head.text)
        elif head.pos_ == "NOUN":
            owners += [c.text for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return owners


def opens_with(name: str, text: str) -> str | None:
    """The words a text opens with up to the person's surname, within its first five ("Actor Michael Douglas"), or
    None when it does not open with them."""
    opening = re.match(rf"\s*(?:[\w'’.-]+\s+){{0,4}}?{re.escape(name.split()[-1])}\b", text)
    return opening.group() if opening else None


_AGED = re.compile(r"\b[Tt]he\s+" + _AGE + r"[- ]years?[- ]old\b(?:\s+(?P<word>[A-Za-z]+))?")
# Words after "The 67-year-old" that are no noun for someone else: a verb or an adverb of what they did.
_AFTER_AGE = frozenset({"also", "has", "had", "have", "is", "was", "will", "would", "said", "says", "told", "added"})
_AFTER_AGE |= {"admitted", "insisted", "who", "now", "then", "still", "later", "first", "again", "never"}


_ANY_AGE = re.compile(r"\byears?[- ]old\b|\baged?\s+\d|\bage of\s+\d|,\s+\d{1,3}(?:,|\.(?:\s|$)|$)|\(\d{1,3}\)")


def gives_an_age(text: str) -> bool:
    """Whether a text gives anyone an age in any of the ways news does ("63-year-old", "aged 63", "Ebbers, 63,"):
    one that gives none cannot answer "How old…?", whoever it names."""
    return _ANY_AGE.search(text) is not None
