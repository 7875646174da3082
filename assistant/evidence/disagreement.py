"""Where sources disagree: two sentences of different articles that say the same thing but for one value.

Precision first, since a false "sources differ" is worse than a missed one. Two sentences differ only when they are
word for word the same around the difference (most of their words, and the words either side of it) and the
difference is one value of the same kind on both sides: a number (26 vs 24 allies; not 4bn vs 4 billion, nor
$1.13bn vs $1.1bn, a rounding), a date (Thursday vs Friday, 2004 vs 2005), a name (chief executive X vs Y), or one
says it and the other says it did not. Anything hedged ("about 4%"), a sum in brackets (a currency's conversion) or
a second value changing too, and they are not said to differ: a paraphrase is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

What = Literal["number", "date", "name", "negation"]

MIN_SAME = 0.7  # share of the longer sentence's words the two share, in order
MAX_OTHER = 3  # words that may differ besides the value, on either side (none of them a value)
MIN_NAME_CONTEXT = 8  # words two sentences differing only in a name share (and nothing else may differ)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"[$£€]?\d+(?:,\d{3})*(?:\.\d+)?(?:%|bn|m|tn|k)?(?!\w)|\w+(?:['’-]\w+)*|[^\w\s]")
_NUMBER = re.compile(r"^[$£€]?(\d+(?:,\d{3})*(?:\.\d+)?)(%|bn|m|tn|k)?$")
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
_WORD_NUMBERS = {w: n for n, w in enumerate(f"{_UNITS} seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBERS |= {"hundred": 100}
_SCALES = {"thousand": "k", "k": "k", "million": "m", "m": "m", "billion": "bn", "bn": "bn", "trillion": "tn"}
_SCALES |= {"tn": "tn", "%": "%", "percent": "%", "per": "", "cent": "%"}
_MONTHS = _words("january february march april may june july august september october november december")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_DAY_WORDS = _MONTHS | _WEEKDAYS | {"today", "yesterday", "tomorrow"}
_NEGATIONS = _words("not n't no never neither nor")
_AUXILIARIES = _words("did does do has have had was were is are will would could can should may might be been")
_HEDGES = _words("about around nearly almost roughly some approximately over under least than estimated")
_CONNECTORS = {"of", "de", "van", "von", "der", "al", "le", "la", "and", "&", "'s"}
_OPENERS = {"the", "a", "an", "it", "he", "she", "they", "this", "that", "its", "his", "her", "their", "but", "and"}
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "prof", "president", "chief", "minister"}


@dataclass(frozen=True)
class Difference:
    """What two sentences state differently (``what``) and the value each states (``first``, ``second``)."""

    what: What
    first: str
    second: str


def difference(first: str, second: str) -> Difference | None:
    """How ``second`` states differently what ``first`` states, when they are the same sentence but for one value;
    None when they agree, differ in more than that, or are not the same sentence."""
    a, b = _tokens(first), _tokens(second)
    if not a or not b:
        return None
    low_a, low_b = [t.lower() for t in a], [t.lower() for t in b]
    matcher = SequenceMatcher(None, low_a, low_b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < MIN_SAME * max(len(a), len(b)):
        return None
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    found: list[Difference] = []
    other = 0
    for _, i1, i2, j1, j2 in changes:
        said = _differs(a, i1, i2, b, j1, j2)
        if said is not None:
            found.append(said)
            continue
        if _holds_value(a[i1:i2]) or _holds_value(b[j1:j2]):
            return None  # a value changed in a way not read here (a hedge, a bracket, another kind): not sure
        other += max(i2 - i1, j2 - j1)
    if len(found) != 1 or other > MAX_OTHER:
        return None
    if found[0].what == "name" and (other or shared < MIN_NAME_CONTEXT or _listing(a)):
        return None  # "Mr X told BBC Radio 4's Today show": a name in a stock phrase or a team sheet is no dispute
    return found[0]


def _differs(a: list[str], i1: int, i2: int, b: list[str], j1: int, j2: int) -> Difference | None:
    """The difference one change makes, when it replaces one value with another of its kind (or negates)."""
    left, right = a[i1:i2], b[j1:j2]
    negated = _negation(left, right)
    if negated is not None:
        return negated
    if not left or not right or _bracketed(a, i1) or _bracketed(b, j1):
        return None
    if _hedged(a, i1, i2) or _hedged(b, j1, j2) or not _anchored(a, i1, i2) or not _anchored(b, j1, j2):
        return None
    what_a, what_b = _kind(a, i1, i2), _kind(b, j1, j2)
    if what_a is None or what_a != what_b:
        return None
    if what_a == "number":  # told with its scale, which both share: "26 million", not "26"
        left, right = a[i1 : _through_scale(a, i2)], b[j1 : _through_scale(b, j2)]
        if not _numbers_differ(left, right):
            return None
    first, second = " ".join(left), " ".join(right)
    if what_a == "name" and ({t.lower() for t in left} & {t.lower() for t in right}):
        return None  # "Tony Blair" and "Mr Blair" are one man
    return Difference(what_a, first, second)


def _negation(left: list[str], right: list[str]) -> Difference | None:
    """One side says it and the other that it did not: the change adds or drops only a negation (and auxiliaries:
    "has" against "has not", "did" against "didn't")."""
    said, unsaid = _plain(left), _plain(right)
    if not (said | unsaid) <= _NEGATIONS | _AUXILIARIES or bool(said & _NEGATIONS) == bool(unsaid & _NEGATIONS):
        return None
    return Difference("negation", *(("it did not", "it did") if said & _NEGATIONS else ("it did", "it did not")))


def _plain(span: list[str]) -> set[str]:
    """Words of a change, a contraction read as its two words ("didn't": "did", "not"; "won't": "will", "not")."""
    words = set()
    for t in (t.lower() for t in span):
        if t.endswith("n't"):
            words |= {{"wo": "will", "ca": "can", "sha": "shall"}.get(t[:-3], t[:-3]), "not"}
        else:
            words.add(t)
    return words


def _kind(tokens: list[str], start: int, end: int) -> What | None:
    """What kind of value ``tokens[start:end]`` is, if it is one value: a number, a date, a name."""
    span = [t.lower() for t in tokens[start:end]]
    near = {t.lower() for t in tokens[max(0, start - 1) : start] + tokens[end : end + 1]}
    if all(t in _DAY_WORDS or re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", t) for t in span) and (
        any(t in _DAY_WORDS for t in span) or near & _MONTHS
    ):
        return "date"
    if len(span) == 1 and re.fullmatch(r"(1[89]|20)\d\d", span[0]):
        return "date"
    if _quantity(span) is not None:
        return "number"
    opening = start == 0 or tokens[start - 1] in '.!?"“'
    if _is_name(tokens[start:end]) and (not opening or len(span) >= 2 and span[0] not in _OPENERS):
        return "name"  # a sentence's first word is capitalised anyway: a name there has two words ("Paolo Fresco")
    return None


def _is_name(span: list[str]) -> bool:
    """Capitalised words (with "of", "van", "'s" between them), none a day or a title: a person, a firm, a place."""
    words = [t for t in span if t.lower() not in _CONNECTORS]
    return (
        bool(words)
        and len(span) <= 5
        and all(t[:1].isupper() and t.isalpha() for t in words)
        and not any(t.lower() in _DAY_WORDS | _TITLES for t in words)
    )


def _quantity(span: list[str]) -> tuple[float, str, int] | None:
    """A number with its unit ("26", "$1.13bn", "4 billion", "4.5%", "three"): (value, unit, decimals)."""
    if not span or len(span) > 3:
        return None
    head, rest = span[0], span[1:]
    match = _NUMBER.match(head)
    if match:
        digits, unit = match.group(1).replace(",", ""), match.group(2) or ""
        try:
            value = float(digits)
        except ValueError:
            return None
        decimals = len(digits.split(".")[1]) if "." in digits else 0
    elif head in _WORD_NUMBERS:
        value, unit, decimals = float(_WORD_NUMBERS[head]), "", 0
    else:
        return None
    for word in rest:
        if word not in _SCALES:
            return None
        unit = (unit + _SCALES[word]) if _SCALES[word] != unit else unit
    currency = head[0] if head[:1] in "$£€" else ""
    return value, currency + {"per%": "%"}.get(unit, unit), decimals


def _numbers_differ(left: list[str], right: list[str]) -> bool:
    """Two numbers of one unit that are not the same value, nor one a rounding of the other."""
    a, b = _quantity([t.lower() for t in left]), _quantity([t.lower() for t in right])
    if a is None or b is None or a[1] != b[1]:
        return False
    precise, rough = (a, b) if a[2] >= b[2] else (b, a)
    return round(precise[0], rough[2]) != rough[0]


def _through_scale(tokens: list[str], end: int) -> int:
    """Where a number's scale words after ``end`` end ("million", "per cent")."""
    while end < len(tokens) and tokens[end].lower() in _SCALES and len(tokens[end]) > 1:
        end += 1
    return end


def _hedged(tokens: list[str], start: int, end: int) -> bool:
    """A value said only roughly: "about", "more than", "nearly" in it or just before it."""
    return any(t.lower() in _HEDGES for t in tokens[max(0, start - 2) : end])


def _anchored(tokens: list[str], start: int, end: int) -> bool:
    """The value sits among words both sentences share: at least one either side (two, at a sentence's edge)."""
    before, after = start, len(tokens) - end
    return (before >= 1 and after >= 1) or before >= 2 or after >= 2


def _bracketed(tokens: list[str], at: int) -> bool:
    """A sum of money in brackets: a conversion into another currency, which moves with the exchange rate."""
    opened = sum(t == "(" for t in tokens[:at]) - sum(t == ")" for t in tokens[:at])
    return opened > 0 and tokens[at][:1] in "$£€"


def _holds_value(span: Sequence[str]) -> bool:
    """Whether changed words hold a value of any kind: a digit, a number word, a day, a negation, a capital."""
    return any(
        re.search(r"\d", t) or t.lower() in _WORD_NUMBERS or t.lower() in _DAY_WORDS | _NEGATIONS or t[:1].isupper()
        for t in span
    )


def _listing(tokens: list[str]) -> bool:
    """A list of names (a team sheet, a cast): more commas and semicolons than one sentence's clauses need."""
    return sum(t in ",;" for t in tokens) >= 4


def _tokens(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence.replace("’", "'"))


def first_differing(sentence: str, others: Iterable[str]) -> tuple[int, Difference] | None:
    """The first of ``others`` that states something differently from ``sentence``, with the difference."""
    for n, other in enumerate(others):
        said = difference(sentence, other)
        if said is not None:
            return n, said
    return None
