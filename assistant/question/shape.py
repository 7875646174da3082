"""The answer's shape, decided from the question's form: a fact, a summary, an overview, a list, a definition, or
the sentence a yes-or-no question turns on.

"Who rejected foreign troops?" wants a short phrase cut from one sentence; "Summarize the article" wants the
article's central sentences, "Which leaders are mentioned?" the names the articles give, "Who is Keir Starmer?" the
role they give him. The decision reads the question's wording only (regular expressions, microseconds): ``RULES``
is tried in order and the first rule that matches decides, so a question that fits no other shape is a fact. Each
rule carries example questions, which the tests ask.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.types import Kind

Field = Literal["author", "date", "title", "source"]
Places = Literal["countries", "cities"]


@dataclass(frozen=True)
class Shape:
    """What kind of answer a question wants, and the part of the question the answer is about.

    ``topic`` is what a summary, overview or definition is about ("" when the question names nothing: "Summarize the
    article"); ``labels`` are the spaCy entity labels a list gathers (most wanted first), and ``places`` narrows a
    list of places to countries or to cities; ``field`` is what a question about the article itself asks for: its
    author, date, title or source; ``sides`` are the two things a comparison compares, and ``yes_no`` says it was
    asked as a yes-or-no question ("Did Putin agree…?", a comparison "Has the DS sold more than the PSP?").
    """

    kind: Kind
    topic: str = ""
    labels: tuple[str, ...] = ()
    field: Field | None = None
    places: Places | None = None
    sides: tuple[str, ...] = ()
    yes_no: bool = False
    since: str = ""  # what changed since when, as the question says it ("1 March", "yesterday")


_DOCUMENT = r"(?:the |this |that )?(?:article|story|piece|report|text|news ?story|document)s?"
_ABOUT = r"(?:\s+(?:about|on|of|regarding|concerning)\s+(?P<topic>.+))?"
_PLEASE = r"^(?:please |can you |could you )*"
# Each pattern with a question it matches (asked by tests/assistant/question/test_shape.py).
_SUMMARY = [
    (re.compile(rf"{_PLEASE}(?:summari[sz]e|sum up|recap)\s+{_DOCUMENT}{_ABOUT}$"), "Summarise the article"),
    (
        re.compile(
            rf"^(?:give me |write |show me )?(?:a |the )?(?:short |brief )?summary(?:\s+of\s+{_DOCUMENT})?"
            rf"{_ABOUT}$"
        ),
        "Give me a short summary",
    ),
    (re.compile(rf"^what(?:'s| is| was)\s+{_DOCUMENT}\s+(?:about|saying)$"), "What is the article about?"),
    (
        re.compile(
            rf"^what are the (?:main|key|most important) (?:points|takeaways|facts|ideas)(?:\s+of\s+{_DOCUMENT})?$"
        ),
        "What are the key points?",
    ),
    (re.compile(r"^tl;? ?dr$"), "tl;dr"),
]
_NEWS = [
    (re.compile(rf"{_PLEASE}summari[sz]e\s+(?:the |all )?(?:news|articles|stories){_ABOUT}$"), "Summarise the news"),
    (
        re.compile(r"^what(?:'s| is)(?: the)? (?:latest|news|new)(?: news)?\s+(?:on|about|with|in)\s+(?P<topic>.+)$"),
        "What's the latest on Ukraine?",
    ),
    (re.compile(r"^(?:any|the latest) news (?:on|about)\s+(?P<topic>.+)$"), "Any news on the ceasefire?"),
    (re.compile(r"^what(?:'s| is) happening (?:in|with)\s+(?P<topic>.+)$"), "What is happening in Ukraine?"),
    # The news as a whole, no topic: the newest and most central stories.
    (
        re.compile(r"^(?:what(?:'s| is| are)\s+)?(?:the\s+)?(?:latest|top|main|big)\s+(?:news|stories|headlines)$"),
        "What is the latest news?",
    ),
    (re.compile(r"^what(?:'s| is)\s+(?:new|in the news|the news|happening)(?:\s+today)?$"), "What's new today?"),
    (re.compile(r"^(?:any|the) (?:news|headlines)(?: today)?$"), "Any news?"),
]
_TIMELINE = [
    (
        re.compile(
            r"^(?:give me |show me |make |write )?(?:a |the )?(?:timeline|chronology)\s+(?:of|for|on)\s+"
            r"(?:the story of\s+)?(?P<topic>.+)$"
        ),
        "Timeline of the ceasefire talks",
    ),
    (
        re.compile(
            r"^how (?:has|have|did)\s+(?P<topic>.+?)(?:\s+story)?\s+(?:developed|unfolded|evolved|progressed)"
            r"(?:\s+over time)?$"
        ),
        "How has the Yukos story developed?",
    ),
    (re.compile(r"^(?P<topic>.+?)\s+(?:timeline|chronology)$"), "Yukos timeline"),
]
# "What's new on Yukos since 1 March?", "What has changed in the Yukos story?": what newer articles say that older
# ones did not.
_CHANGES = (
    re.compile(
        r"^what(?:'s| is| has)?\s+(?:new|changed|been added)\s+(?:(?:on|about|with|in)\s+(?P<topic>.+?)\s+)?"
        r"since\s+(?P<since>.+)$"
    ),
    re.compile(r"^what(?:'s| has)\s+changed\s+(?:on|about|with|in)\s+(?P<topic>.+)$"),
)


def _changes(question: str, lowered: str) -> Shape | None:
    found = next((m for pattern in _CHANGES if (m := pattern.match(lowered))), None)
    if found is None:
        return None
    topic, since = found.groupdict().get("topic") or "", found.groupdict().get("since") or ""
    return Shape("changes", _original(question, lowered, topic), since=_original(question, lowered, since))


_OVERVIEW = [
    (re.compile(rf"{_PLEASE}tell me (?:more |everything |all )?about\s+(?P<topic>.+)$"), "Tell me about NATO"),
    (re.compile(rf"{_PLEASE}(?:describe|explain)\s+(?P<topic>.+)$"), "Explain the security guarantees"),
    (re.compile(r"^(?:give me )?an overview of\s+(?P<topic>.+)$"), "Give me an overview of the talks"),
    (
        re.compile(r"^what do(?:es)?\s+(?P<topic>.+?)\s+(?:say|think|believe|argue|claim)\s+(?:about|of|on)\s+.+$"),
        "What does Zelensky say about the guarantees?",
    ),
    (re.compile(r"^what(?:'s| is) (?:known|said|reported) about\s+(?P<topic>.+)$"), "What is known about the plan?"),
]
_THE_ARTICLE = r"(?:the|this|that)\s+(?:article|story|piece|report|news story)"
_ABOUT_ARTICLE: list[tuple[Field, re.Pattern[str], str]] = [
    (
        "author",
        re.compile(
            rf"^(?:who\s+(?:wrote|writes|authored|reported|filed)|who(?:'s| is| was)\s+the\s+(?:author|writer|reporter"
            rf"|journalist)\s+of)\s+{_THE_ARTICLE}{_ABOUT}$"
        ),
        "Who wrote the article?",
    ),
    (
        "author",
        re.compile(r"^(?:who(?:'s| is| was)\s+the\s+(?:author|writer|reporter)|what(?:'s| is) the byline)$"),
        "What is the byline?",
    ),
    (
        "date",
        re.compile(
            rf"^(?:when\s+(?:was|is)\s+{_THE_ARTICLE}\s+(?:published|written|posted|dated|from)"
            rf"|what(?:'s| is)\s+the\s+(?:date|publication date)\s+of\s+{_THE_ARTICLE}){_ABOUT}$"
        ),
        "When was the article published?",
    ),
    (
        "title",
        re.compile(rf"^what(?:'s| is| was)\s+the\s+(?:title|headline)(?:\s+of\s+{_THE_ARTICLE})?{_ABOUT}$"),
        "What is the headline?",
    ),
    (
        "source",
        re.compile(
            rf"^(?:(?:which|what)\s+(?:outlet|publication|newspaper|site|website|source)\s+(?:published|ran|is)"
            rf"|where\s+(?:was|is|does)|what(?:'s| is)\s+the\s+source\s+of)\s+{_THE_ARTICLE}"
            rf"(?:\s+(?:published|from|come from))?{_ABOUT}$"
        ),
        "Which outlet published the story?",
    ),
]
_WHO_LIST = re.compile(
    r"^who\s+(?:attended|took part|participated|were there"
    r"|(?:are|were) (?:mentioned|named|quoted)|is (?:mentioned|quoted))\b"
)
# "Who is Keir Starmer?" asks what a name is; "Who was the 2015 NFL MVP?" asks whose name a role is (a fact).
_DEFINITION = re.compile(r"^(?:who\s+(?:is|was|are|were)\s+(?!the\s)|what\s+(?:is|was|are|were)\s+)(?P<topic>.+)$")
_YES_NO = re.compile(
    r"^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)(?:n't)?\s(?!.*\bor\b)", re.IGNORECASE
)
_ARTICLE_WORD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SMALL = frozenset({"of", "the", "and", "for", "de", "von", "van", "al", "la", "le", "in", "on", "&"})
_PARTICLES = frozenset({"de", "von", "van", "al", "la", "le"})  # small words of people's names

# The plural nouns a list question asks for, and the entities that answer it.
_PEOPLE = ("PERSON",)
_PLACES = ("GPE", "LOC")
_GROUPS = ("ORG",)
_PEOPLE_NOUNS = """people persons leaders officials politicians presidents ministers diplomats players individuals men
    women figures names spokespeople spokesmen executives ceos founders authors journalists experts speakers candidates
    lawmakers senators generals commanders actors actresses singers artists stars musicians managers coaches directors
    bosses analysts captains skippers referees nominees victims suspects critics owners chairmen judges keepers
    goalkeepers strikers defenders midfielders forwards wingers batsmen bowlers drivers riders athletes runners"""
_AUXILIARY = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would"})
_PLACE_NOUNS = "countries nations states cities towns places regions capitals territories locations"
_PLACES_OF: dict[str, Places] = {
    "countries": "countries",
    "nations": "countries",
    "cities": "cities",
    "towns": "cities",
}
_GROUP_NOUNS = """organisations organizations companies groups parties agencies institutions firms alliances teams
    bodies banks clubs unions universities libraries airlines carmakers manufacturers retailers broadcasters networks
    newspapers bands studios"""
_THINGS = ("PRODUCT", "WORK_OF_ART", "ORG")
_THING_NOUNS = "products films movies albums songs books games brands devices gadgets consoles"
_LIST_NOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_PEOPLE_NOUNS.split(), _PEOPLE),
    **dict.fromkeys(_PLACE_NOUNS.split(), _PLACES),
    **dict.fromkeys(_GROUP_NOUNS.split(), _GROUPS),
    **dict.fromkeys(_THING_NOUNS.split(), _THINGS),
}
_MENTIONED = re.compile(r"\b(?:mentioned|named|quoted|cited|involved|referred to|in the (?:article|story|news))\b")


@dataclass(frozen=True)
class Rule:
    """One way a question asks for a shape: ``match`` gives the shape from the question (as written, and
    lower-cased) or None; ``examples`` are questions it gives that shape, asked by the tests."""

    kind: Kind
    examples: tuple[str, ...]
    match: Callable[[str, str], Shape | None]


def _worded(kind: Kind, pattern: re.Pattern[str], example: str, field: Field | None = None) -> Rule:
    """A rule that is one pattern of words, its topic (if it names one) as the question wrote it."""

    def match(question: str, lowered: str) -> Shape | None:
        found = pattern.match(lowered)
        if found is None:
            return None
        return Shape(kind, _original(question, lowered, found.groupdict().get("topic") or ""), field=field)

    return Rule(kind, (example,), match)


_COMPARATIVE = (
    r"(?:more|less|fewer|bigger|smaller|higher|lower|larger|greater|better|worse|cheaper|dearer|richer|poorer|older"
    r"|younger|faster|slower|longer|shorter|earlier|later)"
)
_COMPARISONS = [
    re.compile(r"^how (?:does|do|did|is|are|was|were|has|have) (?P<a>.+?) compare (?:with|to|against) (?P<b>.+)$"),
    re.compile(r"^what(?:'s| is| was) the difference between (?P<a>.+?) and (?P<b>.+)$"),
    # "Which costs more, A or B?": a short question, then a choice of two (not "…like the Quran, Torah or Bible")
    re.compile(r"^(?:which|who|what)\b(?:\s+[^,\s]+){0,6},\s*(?P<a>[^,]+?),?\s+or\s+(?P<b>[^,]+)$"),
    re.compile(
        rf"^(?:is|are|was|were|has|have|had|did|does|do|will|would|can|could)\s+(?P<a>.+?)\s+{_COMPARATIVE}\b"
        rf".*?\bthan\s+(?P<b>.+)$"
    ),
    re.compile(r"^(?!(?:what|who|whom|which|when|where|why|how)\b)(?P<a>.+?)\s+(?P<vs>versus|vs\.?)\s+(?P<b>.+)$"),
]


_NUMBER = r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|a (?:few|dozen|hundred|thousand|million))"
_AMOUNT = re.compile(rf"^(?:once|twice|{_NUMBER}\b(?:\s+\S+){{0,3}})$")  # "more than once", "more than 2 million units"


def _comparison(question: str, lowered: str) -> Shape | None:
    """ "How did France's economy compare with Germany's?", "Which costs more, the PSP or the DS?", "Has the DS sold
    more than the PSP?": the two sides as the question wrote them."""
    for pattern in _COMPARISONS:
        found = pattern.match(lowered)
        if found and "vs" in found.groupdict() and question[found.start("vs")].isupper():
            continue  # "the Saturn Vs that were never used"
        if found and _AMOUNT.match(found["b"]):
            continue  # "Has Johnson captained the Lions more than once?" asks yes or no of a number, not two things
        if found:
            sides = tuple(re.split(r"[:;]", _original(question, lowered, found[side]))[0].strip(" ,") for side in "ab")
            return Shape(
                "comparison", question, sides=(_without_verb(sides[0]), sides[1]), yes_no=bool(_YES_NO.match(question))
            )
    return None


# A verb the first side of "Has the PSP sold more than the DS?" runs on to: "sold", "earned", "selling".
_VERB = re.compile(r"[a-z]{2,}(?:ed|ing)|sold|made|won|paid|spent|grown|cost|got|had|done|taken|lost|become|been")


def _without_verb(side: str) -> str:
    """The side without the verb the question put after it ("the PSP sold" → "the PSP"); a lone noun after "the"
    stays ("the speed")."""
    words = side.split()
    if len(words) >= 2 and _VERB.fullmatch(words[-1]) and words[-2].lower() not in ("the", "a", "an", "its", "their"):
        return " ".join(words[:-1])
    return side


_REASON = re.compile(r"^(?:why|how come|for what reason|what (?:caused|led to|prompted|was behind|is behind)\b)")


def _reason(question: str, lowered: str) -> Shape | None:
    """ "Why did Putin reject the plan?", "What caused the crash?": answered by the sentence giving the reason."""
    return Shape("reason") if _REASON.match(lowered) else None


def _yes_no(question: str, lowered: str) -> Shape | None:
    """ "Did Putin agree…?", but not "Is it A or B?"."""
    return Shape("yes_no", question, yes_no=True) if _YES_NO.match(question) else None


def _definition(question: str, lowered: str) -> Shape | None:
    """ "Who is Keir Starmer?" asks what a name is; "Who is the NATO chief?" asks for a name (a fact)."""
    found = _DEFINITION.match(lowered)
    if found and _is_name(_original(question, lowered, found["topic"]), person=lowered.startswith("who")):
        return Shape("definition", _ARTICLE_WORD.sub("", _original(question, lowered, found["topic"])))
    return None


def _list(question: str, lowered: str) -> Shape | None:
    """A list question asks for several of a kind: "which leaders…", "name the countries…", "who attended…"."""
    if _WHO_LIST.match(lowered):
        return Shape("list", topic=question, labels=_PEOPLE + _GROUPS + _PLACES)
    words = re.findall(r"[a-z]+", lowered)
    if not words or words[0] not in ("which", "what", "list", "name"):
        return None
    if len(words) > 1 and words[1] in _AUXILIARY:
        return None  # "What do critics think…?" asks what they think, not which critics
    at = next((i for i in (1, 2) if i < len(words) and words[i] in _LIST_NOUNS), None)
    while at is not None and at + 1 < len(words) and words[at + 1] in _LIST_NOUNS:
        at += 1  # "Which Six Nations captains…": the kind is the last noun, the others name it
    if at is None or (words[0] in ("which", "what") and words[at + 1 : at + 2] == ["that"]):
        return None  # "What states that…" asks for a theory, not for states
    labels = _LIST_NOUNS[words[at]]
    topic = "" if _MENTIONED.search(lowered) else question
    return Shape("list", topic=topic, labels=labels, places=_PLACES_OF.get(words[at]))


def _original(question: str, lowered: str, part: str) -> str:
    """``part`` of the lower-cased question as the question wrote it (its capitals tell names apart)."""
    at = lowered.rfind(part) if part else -1
    return question[at : at + len(part)] if at >= 0 else part


# A name written in small letters: a web address ("latinohiphopradio.com") or a brand with a capital inside ("iPod").
_ONE_WORD_NAME = re.compile(r"[a-z][\w-]*\.(?:com|org|net|co\.uk|org\.uk|[a-z]{2})|[a-z]+[A-Z][\w-]*")


def _is_name(phrase: str, person: bool) -> bool:
    """Whether ``phrase`` is a name ("Keir Starmer", "the Coalition of the Willing", "NATO"), not a description
    ("the NATO chief", "the population of Brazil", "Kenya's HDI", "Ban Ki-Moon the Secretary General of"): it begins
    and ends with a capitalised word, every word but the small ones is capitalised, and a person's has no small
    words ("Chairman of the Subcommittee" is a role); or it is one word written as a name in small letters."""
    words = _ARTICLE_WORD.sub("", phrase).split()
    if len(words) == 1 and _ONE_WORD_NAME.fullmatch(words[0]):
        return True  # "latinohiphopradio.com", "iPodder", "eBay"
    if not words or "'" in phrase or "’" in phrase or words[0].lower() in _SMALL or words[-1].lower() in _SMALL:
        return False
    if person and any(w.lower() in _SMALL - _PARTICLES for w in words):
        return False  # "Chairman of the Subcommittee" is a role; "Theo van Gogh" a name
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words)


# The rules in the order they are tried: the first that matches decides; a question no other rule takes is a fact.
RULES: tuple[Rule, ...] = (
    *(_worded("article", pattern, example, field) for field, pattern, example in _ABOUT_ARTICLE),
    *(_worded("summary", pattern, example) for pattern, example in _SUMMARY),
    Rule(
        "changes",
        (
            "What's new on Yukos since 1 March?",
            "What has changed on the ceasefire since yesterday?",
            "What's new since 5 March 2025?",
            "What has changed in the Yukos story?",
        ),
        _changes,
    ),
    *(_worded("news", pattern, example) for pattern, example in _NEWS),
    *(_worded("timeline", pattern, example) for pattern, example in _TIMELINE),
    *(_worded("overview", pattern, example) for pattern, example in _OVERVIEW),
    Rule(
        "comparison",
        (
            "How did France's economy compare with Germany's?",
            "Which costs more in Japan, the PSP or the DS?",
            "Has the Nintendo DS sold more than the Sony PSP?",
            "What is the difference between NATO and the Coalition of the Willing?",
        ),
        _comparison,
    ),
    Rule("yes_no", ("Did Putin agree to a ceasefire?", "Is Ukraine a NATO member?"), _yes_no),
    Rule("list", ("Which leaders are mentioned?", "Who attended the summit?", "Which companies did Yukos sue?"), _list),
    Rule("definition", ("Who is Keir Starmer?", "What is NATO?"), _definition),
    Rule("reason", ("Why did Putin reject the plan?", "What caused the crash?"), _reason),
    Rule("fact", ("Who rejected foreign troops?", "Who is the NATO chief?"), lambda question, lowered: Shape("fact")),
)


def shape_of(question: str) -> Shape:
    """The shape of answer ``question`` wants: the first rule's that matches."""
    q = " ".join(question.strip().rstrip("?.! ").split())
    lowered = q.lower()
    return next(shape for rule in RULES if (shape := rule.match(q, lowered)) is not None)
