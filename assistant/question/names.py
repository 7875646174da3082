"""The names a question asks about, and whether texts mention them ("How many troops will Germany send?" of
articles that never mention Germany is not answered by them, however close their sentences look)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from assistant.question.nlp import NER_ONLY, nlp, question_parse, stop_words
from assistant.question.places import country_of_people

_WORD = re.compile(r"\w+")
# spaCy's entity labels for names. Its dates and amounts are left out (only their years count, below), and
# nationalities, groups and languages (NORP, LANGUAGE): questions phrase them differently from the articles too often
# ("the late 1950's", "French" or "English" for "France" or "England") for their absence to mean anything; but a
# country's people count as its country, by any of its names (``question_peoples``).
_NAMES = frozenset({"PERSON", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_SMALL_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "s"})
# The years a question asks about: "What happened in 1995?" is not answered by articles that never say 1995 (nor
# were published in it). Other numbers are written too many ways ("100 years", "a hundred years"; "3", "three").
_NUMBER = re.compile(r"\d[\d,]*\d|\d")
_DECADES = {d: w for d, w in zip("23456789", ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                               "eighties", "nineties"], strict=True)}  # fmt: skip
_YEAR = re.compile(r"(?<![\d,.])(?:1\d{3}|20\d{2})(?:s\b)?(?!\d)(?!,\d)")  # 1995; the 1970s (a decade)
# The words naming what kind of thing a name is ("the Hopman Cup", "the Bank of England"): many names share them.
_KINDS = frozenset({
    "cup", "bank", "party", "union", "council", "committee", "university", "college", "school", "league",
    "championship", "championships", "open", "games", "award", "awards", "prize", "festival", "company", "group",
    "association", "federation", "club", "church", "museum", "hospital", "court", "house", "street", "road",
    "river", "island", "lake", "bay", "agency", "organisation", "organization", "department", "ministry", "office",
    "airport", "station", "stadium", "park", "centre", "center", "institute", "foundation", "commission", "board",
    "corporation", "times", "post", "news", "trophy", "series", "tournament", "conference", "summit", "treaty",
    "act", "bill", "war"
})  # fmt: skip
_TITLES = frozenset({
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "President", "Minister", "Chancellor", "Prince",
    "Princess", "King", "Queen", "Pope", "General", "Judge", "Justice", "Senator", "Governor", "Mayor", "Chief",
    "Coach", "Captain", "Professor", "Prof", "The", "A", "But", "And", "When", "As", "If",
})  # fmt: skip
_SPELLING = 0.8  # difflib's ratio from which a word counts as the same word misspelled ("ARPNET" for "ARPANET")


@lru_cache(maxsize=2048)
def _entities(question: str) -> tuple[tuple[str, str], ...]:
    """spaCy's entities of the question, as (text, label): one parse for its names and its peoples."""
    return tuple((entity.text, entity.label_) for entity in nlp()(question, disable=NER_ONLY).ents)


# A question's opening auxiliary the small model may take into the name after it ("Will Bellamy apologise?")
_AUXILIARY_OPENING = re.compile(
    r"^(?:Will|Can|Could|Would|Should|Did|Does|Do|Is|Are|Was|Were|Has|Have|Had|May)\s+(?=[A-Z])"
)


@lru_cache(maxsize=2048)
def _named(question: str) -> tuple[tuple[str, str], ...]:
    """The question's names (spaCy's entities of name labels) as written, without a leading 'the', with labels."""
    named = []
    for text, label in _entities(question):
        if label in _NAMES:
            name = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE).strip(" '’\"“”")
            if question.lstrip().startswith(name) and (opening := _AUXILIARY_OPENING.match(name)) is not None:
                name = name[opening.end() :]  # "Will Bellamy apologise?" names Bellamy, not Will Bellamy
            if _WORD.search(name):
                named.append((name, label))
    return tuple(named)


@lru_cache(maxsize=2048)
def question_peoples(question: str) -> Mapping[str, tuple[str, ...]]:
    """The question's words for a country's people ("Algerian", "Kenyan": spaCy's NORP entities that are some
    country's demonym), each with its country's spellings: "the Algerian gas riots" is not answered by articles that
    never name Algeria. Other nationalities, groups and languages ("Catholic", "English") are left out."""
    peoples = {}
    for text, label in _entities(question):
        if label == "NORP" and (spellings := country_of_people(text)) and _of_a_place(question, text):
            peoples[text] = spellings
    return peoples


def _of_a_place(question: str, demonym: str) -> bool:
    """Whether the demonym says where a thing is or is from ("the Algerian gas riots", "What South Korean car
    maker…?"): a modifier of a noun after it that is no word for language ("the Italian title", "the German term"),
    not a person ("Which famous Indian…?", "When did British begin…?"), who may be named otherwise."""
    at = question.find(demonym) + len(demonym) - 1
    word = next((t for t in question_parse(question) if t.idx <= at < t.idx + len(t)), None)
    return (
        word is not None
        and word.dep_ in ("amod", "compound", "nmod")
        and word.head.i > word.i
        and word.head.lemma_.lower() not in _LANGUAGE_WORDS
    )


_LANGUAGE_WORDS = frozenset(
    {"title", "term", "word", "name", "phrase", "language", "translation", "version", "spelling"}
)


@lru_cache(maxsize=2048)
def question_names(question: str) -> tuple[str, ...]:
    """The names in a question (spaCy's entities of name labels), as written, without a leading 'the'; then the
    years it asks about ("1995")."""
    return tuple(dict.fromkeys([*(name for name, _ in _named(question)), *_YEAR.findall(question)]))


class _Vocabulary:
    """The words of some texts, for looking names up exactly, run together, or misspelled."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.text = " ".join(texts)
        self.lower = text = self.text.lower()
        words = _WORD.findall(text)
        self.words = set(words)
        self.joined = "".join(words)
        self.numbers = set(_NUMBER.findall(text))

    def names_country(self, demonym: str, spellings: Sequence[str]) -> bool:
        """Whether the texts name the country ``demonym`` is of: by its people ("Algerians", misspelled too), a word
        the demonym's stem begins ("Alger…" of Algeria, "Brit…" of Britain) or one of the country's ``spellings``,
        short capitals as written ("US", "U.S.")."""
        word = demonym.lower()
        stem = word[: max(4, len(word) - 3)]  # "south kor" of "South Korean" finds "South Korea" and "South Koreans"
        if re.search(rf"\b{re.escape(stem)}", self.lower):
            return True
        for spelling in spellings:
            if len(spelling) <= 3 and spelling.isupper():
                found = re.search(r"\b" + r"\.?".join(spelling) + r"\b", self.text)
            else:
                found = re.search(rf"\b{re.escape(spelling.lower())}\b", self.lower)
            if found:
                return True
        return self.has_word(word)  # misspelled

    def has_word(self, word: str) -> bool:
        if word in self.words:
            return True
        alike = [w for w in self.words if w[:1] == word[:1] and abs(len(w) - len(word)) <= 2]
        return bool(difflib.get_close_matches(word, alike, n=1, cutoff=_SPELLING))

    def mentions(self, name: str, person: bool | None = None) -> bool:
        """Whether at least half the name's words (beyond 'the', 'of'…) are there, or the name run together is:
        "Vladimir Putin" is mentioned by an article that says "Putin". A name that is no person's must have more of
        it there than the word naming its kind (``_KINDS``): "Cup" is not the Hopman Cup, "Bank" not the Bank of
        England. A person's surname alone must be written somewhere as no one else's ("Genghis Khan" is not Irene
        Khan). Whether it is a person's is for the question's names only (``person`` None: half will do). A year must
        be there as a number ("1995", "1995-96"); the 1990s by any year of them."""
        if is_year(name):  # a decade is mentioned by any year of it, or by its short name ("the 90s", "the nineties")
            return (
                name in self.numbers
                or name.endswith("s")
                and (any(len(n) == 4 and n[:3] == name[:3] for n in self.numbers) or _short_decade(name, self.text))
            )
        own = [w for w in _WORD.findall(name.lower()) if w not in _SMALL_WORDS] or _WORD.findall(name.lower())
        if "".join(own) in self.joined:
            return True
        found = [w for w in own if self.has_word(w)]
        if 2 * len(found) < len(own):
            return False
        if person is None:  # a phrase, not a name of the question's (a comparison's side): half its words will do
            return True
        if person and len(own) > 1 and own[-1] not in found:  # a first name without the surname: "Robert Sidoli" is
            return any(first_alone(w, self.text, own) for w in found)  # not Robert Walsh
        if person:  # a full name by its surname alone: written as no one else's
            return len(own) < 2 or found != own[-1:] or surname_alone(name.split()[-1], self.text, name.split()[:-1])
        kind = own[0] if " of " in name.lower() else own[-1]  # "Bank of England", "Hopman Cup"
        return kind not in _KINDS or any(w != kind for w in found)


def surname_alone(surname: str, text: str, first: Sequence[str] = ()) -> bool:
    """Whether a surname is written in ``text`` as no other person's: alone, after a title ("Ms Khan", "Khan said")
    or after the ``first`` names asked about, however spelled ("Hulegu Khan" for Hulagu Khan); not where the text
    gives it only another's first names ("Genghis Khan … Khan said" is not Irene Khan). A surname not written as such
    (misspelled) is given the benefit."""
    found = list(re.finditer(rf"(\S+)\s+{re.escape(surname)}\b|^{re.escape(surname)}\b", text))
    asked = [f.lower() for f in first]

    def first_named(m: re.Match[str]) -> bool:  # one capitalised word just before it: not "Russia's Putin", "Mr Khan"
        return (
            m.group(1) is not None and m.group(1)[:1].isupper() and m.group(1).isalpha() and m.group(1) not in _TITLES
        )

    def as_asked(m: re.Match[str]) -> bool:
        return bool(difflib.get_close_matches(m.group(1).lower(), asked, n=1, cutoff=_SPELLING))

    named = [m for m in found if first_named(m)]
    if asked and named and not any(as_asked(m) for m in named):
        return False  # "Serena Williams … Williams later explained" is not Martyn Williams
    return not found or any(not first_named(m) or as_asked(m) for m in found)


def first_alone(first: str, text: str, asked: Sequence[str]) -> bool:
    """Whether a name's first word is written in ``text`` other than as another's first name: not followed by a
    capitalised word the name has not ("Robert Sidoli" for Robert Walsh), but alone ("Mr Hu said", "Robert is…")
    or misspelled (not written as such: the benefit of the doubt)."""
    found = list(re.finditer(rf"\b{re.escape(first)}\b(?:\s+(\S+))?", text, re.IGNORECASE))
    words = {w.lower() for w in asked}

    def anothers(m: re.Match[str]) -> bool:
        after = m.group(1)
        return after is not None and after[:1].isupper() and after.isalpha() and after.lower() not in words

    return not found or any(not anothers(m) for m in found)


def refers_to(name: str, text: str) -> bool:
    """Whether ``text`` names ``name``: whole, or a full name by its surname written as no one else's."""
    words = name.split()
    return name.lower() in text.lower() or (
        len(words) > 1 and words[-1].lower() in text.lower() and surname_alone(words[-1], text, words[:-1])
    )


def mentions(texts: Iterable[str], phrase: str) -> bool:
    """Whether ``texts`` mention what ``phrase`` names: at least half its words, stop words aside ("the Nintendo DS
    sold" is mentioned by "…the DS, which sold more…"), exactly, run together or misspelled."""
    words = _WORD.findall(phrase.lower())
    own = [w for w in words if w not in stop_words() and w not in _SMALL_WORDS] or words
    return bool(own) and _Vocabulary(texts).mentions(" ".join(own))


def _short_decade(decade: str, text: str) -> bool:
    """Whether a text names a decade ("1990s") by its short name: "the 90s", "the '90s", "the nineties"."""
    short = rf"(?<![\d£$€.])['’]?{decade[2:4]}s\b"
    word = _DECADES.get(decade[2]) if decade[3] == "0" else None
    return re.search(short + (rf"|\b{word}\b" if word else ""), text.lower()) is not None


def is_year(name: str) -> bool:
    """Whether a name of the question is a year or decade it asks about ("1995", "1970s")."""
    return bool(_YEAR.fullmatch(name))


def missing_names(question: str, texts: Iterable[str], *, years: bool = True, apart: bool = False) -> tuple[str, ...]:
    """The question's names that ``texts`` do not mention (its years left out unless ``years``): taken together, or
    ``apart``, each text on its own (a name is one article's: "Robert" of one and "Walsh" of another do not name
    Robert Walsh)."""
    peoples = question_peoples(question)
    names = (*(n for n in question_names(question) if years or not is_year(n)), *peoples)
    if not names:
        return ()
    vocabularies = [_Vocabulary([text]) for text in texts] if apart else [_Vocabulary(texts)]
    people = _people(question)

    def named(name: str, v: _Vocabulary) -> bool:
        return v.names_country(name, peoples[name]) if name in peoples else v.mentions(name, person=name in people)

    return tuple(name for name in names if not any(named(name, v) for v in vocabularies))


def _people(question: str) -> frozenset[str]:
    """The question's names that spaCy takes for people's."""
    return frozenset(name for name, label in _named(question) if label == "PERSON")
