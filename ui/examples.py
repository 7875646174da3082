"""The chat's "Try" questions about the store being served: "What's the latest on <name>?" for its newest stories,
"Who is <person>?" for the person they name most.

Read from the newest articles' own words by regular expressions (a few milliseconds), not by the NLP model (seconds
to load) nor over the whole store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from index.store import StoredArticle

_NAME_RUN = re.compile(r"[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*)*")  # capitalised words in a row: "Telekom Austria"
_POSSESSIVE = re.compile(r"['’]s?(?: |$)")  # "Sony's PSP" is two names
_SENTENCE_END = re.compile(r"(?<=[.!?:])[\"'”’)]*\s+|\n+")
_HONORIFICS = "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor"
# Words capitalised for another reason than being a name (they begin a sentence or a quotation), the days and months,
# and the roles before a name ("Captain Ingrid Solberg" is Ingrid Solberg).
_NOT_NAMES = """I I'm I've I'd I'll A An The But And Or So If As At In On Of For To By With From This That These
    Those It Its He She We You They His Her Our Their My Your Why What When Where Who How Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September October November
    December President Prime Minister Chancellor Chairman Former Chief Captain Councillor Governor Senator Judge"""
_SKIPPED = frozenset(_HONORIFICS.split()) | frozenset(_NOT_NAMES.split())
_DEMONYM = re.compile(r"(?:ian|ean|can|ese|ish)$")  # "Brazilian", "American": adjectives, no story's subject
_SAYS = r"(?:said|says|told|added)"
NEWS_QUESTION = "Summarise the news"  # a store whose newest articles name nothing twice still gets one example


def _names(text: str) -> Counter[str]:
    """The names ``text`` uses, counted: capitalised words in a row, split at possessives ("Sony's PSP" is "Sony" and
    "PSP"), without honorifics, roles and the words any sentence may begin with ("Mr Curry" is "Curry"). A sentence's
    first word counts as part of a name only where the text capitalises it in the middle of a sentence too, or begins
    two sentences (the title is one) with the same capitalised words ("Tessa Marr")."""
    runs: list[tuple[list[str], bool]] = []  # the words of each run, and whether a sentence begins with it
    for sentence in _SENTENCE_END.split(text):
        start = len(sentence) - len(sentence.lstrip(" \"'“‘(-–—"))
        for run in _NAME_RUN.finditer(sentence):
            runs += [
                (part.split(), i == 0 and run.start() == start) for i, part in enumerate(_POSSESSIVE.split(run.group()))
            ]
    known = {word for words, first in runs for word in words[first:]}
    leads = Counter(" ".join(words) for words, first in runs if first)  # "Tessa Marr named…", "Tessa Marr, the…"
    found: Counter[str] = Counter()
    for words, first in runs:
        if first and words and words[0] not in known and (len(words) == 1 or leads[" ".join(words)] < 2):
            words = words[1:]
        while words and words[0] in _SKIPPED:
            words = words[1:]
        while words and words[-1] in _SKIPPED:
            words = words[:-1]
        if len(" ".join(words)) > 2 and not (len(words) == 1 and _DEMONYM.search(words[0])):
            found[" ".join(words)] += 1
    return found


def _is_person(name: str, text: str, found: Counter[str]) -> bool:
    """Whether ``name`` reads as a person's: two or three plain words, the last used alone too, with an honorific
    ("Mr Curry") or saying something ("Curry said", "…," said Adam Curry.")."""
    words = name.split(" ")
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and not w.isupper() for w in words) or not found[words[-1]]:
        return False
    either = f"(?:{re.escape(name)}|{re.escape(words[-1])})"
    honoured = re.search(rf"\b(?:{'|'.join(_HONORIFICS.split())}) {re.escape(words[-1])}\b", text)
    return bool(honoured or re.search(rf"\b{either},? {_SAYS}\b|\b{_SAYS} {either}[.,;]", text))


@dataclass(frozen=True)
class _Story:
    """What one article is about, for example questions: the name it uses most (``titled``: one its title has too)
    and the person it names most, with how often."""

    subject: str
    titled: bool
    person: str | None
    person_uses: int


def _story(article: StoredArticle) -> _Story | None:
    """The names an article uses at least twice (a full name counting its surname's uses too): its subject is the
    most used that shares a word with its title, else the most used, with "the" where the article says it ("the
    Supreme Court"); None when it names nothing twice."""
    found = _names(f"{article.title}\n{article.text}")
    uses = Counter({name: n + (found[name.rsplit(" ", 1)[1]] if " " in name else 0) for name, n in found.items()})
    ranked = [name for name, n in uses.most_common() if n >= 2]
    if not ranked:
        return None
    title = set(re.findall(r"\w+", article.title))
    titled = [name for name in ranked if title & set(name.split(" "))]
    subject = (titled or ranked)[0]
    if " " in subject and 2 * len(re.findall(rf"\b[Tt]he {re.escape(subject)}\b", article.text)) > found[subject]:
        subject = f"the {subject}"
    person = next((name for name in ranked if _is_person(name, article.text, found)), None)
    return _Story(subject, bool(titled), person, uses[person] if person else 0)


def _newest_first(articles: Iterable[StoredArticle]) -> list[StoredArticle]:
    """Articles by publication date, newest first, the undated after them by when they were added."""
    return sorted(articles, key=lambda a: (a.date or "", a.added), reverse=True)


def example_questions(
    articles: Sequence[StoredArticle], read: Callable[[str], StoredArticle | None], count: int = 4, reading: int = 8
) -> list[str]:
    """Up to ``count`` questions about the store's ``reading`` newest stories (each read whole by ``read``): "What's
    the latest on <name>?" for what each is about, newest first, those whose name is in their title before the
    others, and "Who is <person>?" for the person they name most (or for a story about a person). None for an empty
    store; ``NEWS_QUESTION`` when those stories name nothing twice."""
    newest = [read(header.id) for header in _newest_first(articles)[:reading]]  # None: deleted since it was listed
    stories = [story for article in newest if article and (story := _story(article))]
    subjects = list(dict.fromkeys([s.subject for s in stories if s.titled] + [s.subject for s in stories]))
    people = {s.person for s in stories}
    questions = [f"Who is {name}?" if name in people else f"What's the latest on {name}?" for name in subjects]
    named = max((s for s in stories if s.person), key=lambda s: s.person_uses, default=None)
    if named and f"Who is {named.person}?" not in questions[:count]:
        questions = [*questions[:1], f"Who is {named.person}?", *questions[1:]]
    return list(dict.fromkeys(questions))[:count] or ([NEWS_QUESTION] if articles else [])
