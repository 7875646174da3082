"""The short answer: a phrase cut from the top evidence sentence that fits the question's type, never invented.

spaCy's small English model gives entities, noun chunks and the parse; the question's wh-word tells which kind of
phrase is wanted, and the phrase must not just repeat the question.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import lru_cache

from assistant.question.names import question_names
from assistant.question.nlp import main_verb, nlp, stop_words
from assistant.question.wanted import (
    WHAT_SAID,
    asks_level,
    figures_of_what_is_counted,
    verb_forms,
    verb_stem,
    wanted_labels,
)

_ENTITY_REACH = 6  # tokens; tuned on SQuAD-dev's tuning half (F1 0.466 → 0.495 given the gold sentence)
# fmt: off
_STOP = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "and", "or", "is", "are", "was", "were",
    "be", "been", "do", "does", "did", "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
    "that", "this", "these", "those", "it", "its", "as", "from",
])
# fmt: on
# A sentence that may say someone took another's post: only these are parsed for who replaced whom.
_REPLACING = re.compile(r"\b(?:replac\w*|succeed\w*|oust\w*|supplant\w*|takes? over|took over|taking over)\b", re.I)
# "Who is the chief executive of Fiat?", "Who will be the new coach?", "Who replaced Demel?": asked who holds a post.
_ASKS_HOLDER = re.compile(r"\s*who\b", re.I)
# "Who did X succeed?", "Whom did she replace?", "Who was his predecessor?": asked for the one replaced.
_ASKS_PREDECESSOR = re.compile(
    r"\b(?:did|does|do|will|has|had)\s+(?!(?:replace|succeed|take)\b)\S.*\b(?:replace|succeed|take over from)\b"
    r"|\bpredecessor\b|\bwhom\b"  # "Who did Charlie Bell succeed?", not "Who will replace Bo?"
    r"|\b(?:is|are|was|were)\s+(?!replacing|succeeding)\S+.*\b(?:replacing|succeeding)\b",  # "Who is X replacing?"
    re.I,
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOP}


def extract_short_answer(question: str, sentence: str) -> str | None:
    """A phrase of ``sentence`` answering ``question``, or None when nothing fits."""
    phrase = _phrase(question, sentence)
    return tidy(phrase) if phrase is not None else None


def tidy(phrase: str) -> str | None:
    """The phrase without edge punctuation and double quotes, a bracket or a quotation it leaves open closed ("$48bn
    (£25.5bn)", 'the move would be "political suicide"'); None if nothing is left."""
    phrase = phrase.strip(" ,;:“”‘’'").replace("“", "").replace("”", "")
    phrase = _SENTENCE_END.sub("", phrase)  # "five" of "…at number five.", not an abbreviation's "Inc."
    if phrase.count('"') % 2:  # a quotation opened in it is closed; one closed in it ('poisoning") and…') opened
        first = phrase.index('"')
        phrase = f'"{phrase}' if first and not phrase[first - 1].isspace() else f'{phrase}"'
    if phrase.count('"') == 2 and phrase[:1] == phrase[-1:] == '"':  # one whole quotation: its words
        phrase = phrase[1:-1].strip(" ,;:'")
    if phrase.count("(") > phrase.count(")"):
        phrase = f"{phrase})" if phrase.rfind("(") else phrase[1:]
    elif phrase.endswith(")") and "(" not in phrase:
        phrase = phrase[:-1].rstrip()
    return phrase or None


_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{3})|(?<=\d))\.$")


_SPEECH = re.compile(
    r"\b(say|says|said|call|calls|called|describe|describes|described|dub|dubbed|term|termed|warn|warned)\b"
)
_QUOTED = re.compile(r"[“\"]([^”\"]{2,200}?)[”\"]")


def _quote(question: str, sentence: str) -> str | None:
    """For 'what did X say / how did X describe …', the quotation nearest the question's words."""
    if not _SPEECH.search(question.lower()):
        return None
    q_words = _content_words(question)
    anchors = [m.start() for m in re.finditer(r"\w{3,}", sentence) if m.group().lower() in q_words]
    quotes = [m for m in _QUOTED.finditer(sentence) if _content_words(m.group(1)) - q_words]
    if not quotes:
        return None
    best = min(quotes, key=lambda m: min((abs(m.start() - a) for a in anchors), default=0))
    return best.group(1)


_CLAIMING = ("predict", "claim", "warn", "pledge", "insist", "forecast", "reveal", "fear", "argue")
_SAID_FORMS = frozenset(
    ["say", "says", "said", "tell", "tells", "told", "write", "writes", "wrote", "warn", "warns", "warned", "added"]
    + ["suggest", "suggests", "suggested", "propose", "proposes", "proposed"]
    + [form for verb in _CLAIMING for form in (verb, f"{verb}s", f"{verb}d" if verb.endswith("e") else f"{verb}ed")]
)


def quotation_said(question: str, sentence: str, span: tuple[int, int] | None = None) -> str | None:
    """For "What did X say?" (or "…say about Y?", "What did X suggest?"), what the sentence has X say: the clause
    after "X said", else the whole quotation holding ``span`` (the reader's answer). None for other questions, or
    when neither is there."""
    asked = WHAT_SAID.match(question.lower()) or _SAID_ABOUT.match(question.lower())
    if asked is None:
        return None
    speaker = _content_words(asked.groupdict().get("speaker") or asked["proposer"])
    for verb in nlp()(sentence):
        if verb.lower_ not in _SAID_FORMS:
            continue
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if subject is not None and clause is not None and _content_words(_subtree(subject)) & speaker:
            return _subtree(clause)
    if span is not None:
        start, end = span
        around = next((m for m in _QUOTED.finditer(sentence) if m.start(1) <= start and end <= m.end(1)), None)
        if around is not None:
            return around.group(1)
    return None


# "What did Liam Fox say about the show of unity?": all of what he said too, the sentence being about it.
# "What did Lord Haskins suggest?" too: what he suggested is a clause.
_SAID_ABOUT = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have|had)\s+(?P<speaker>.+?)\s+(?:say|said|tell|told|write|wrote)"
    r"(?:\s+\w+)?\s+(?:about|of|on)\s+.+$"
    r"|^\s*what\s+(?:did|does|do|has|have|had)\s+(?P<proposer>.+?)\s+(?:suggest|propose|warn|predict|claim|pledge"
    r"|insist|forecast|reveal|fear|argue)(?:\s+\w+)?\s*[?.!]*\s*$"
)


def _subtree(token) -> str:  # noqa: ANN001 - a spaCy Token
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def _phrase(question: str, sentence: str) -> str | None:
    quote = _quote(question, sentence)
    if quote is not None:
        return quote
    doc = nlp()(sentence)
    q_words = _content_words(question)
    anchors = [t.i for t in doc if t.lower_ in q_words]
    labels = wanted_labels(question)

    def fresh(span) -> bool:  # noqa: ANN001 - a spaCy Span
        return bool(_content_words(span.text) - q_words)

    def distance(span) -> int:  # noqa: ANN001
        if not anchors:
            return 0
        return min(min(abs(a - span.start), abs(a - (span.end - 1))) for a in anchors)

    if labels:
        spans = [e for e in doc.ents if e.label_ in labels and fresh(e)]
        if spans:
            best = min(spans, key=lambda e: (labels.index(e.label_) // 2, distance(e), e.start))
            return _with_article(best)
    else:  # an untyped question ("what …?") still often asks for a name, date or number close to its words
        spans = [e for e in doc.ents if fresh(e) and e.label_ != "ORDINAL"]
        best = min(spans, key=lambda e: (distance(e), e.start), default=None)
        if best is not None and distance(best) <= _ENTITY_REACH:
            return _with_article(best)
    chunks = [c for c in doc.noun_chunks if fresh(c) and c.root.pos_ != "PRON"]
    if not chunks:
        return None
    who = bool(re.match(r"\s*who\b", question.lower()))
    best = min(chunks, key=lambda c: (not (who and c.root.dep_ == "nsubj"), distance(c), c.start))
    return best.text


def _with_article(span) -> str:  # noqa: ANN001
    """The entity without edge punctuation, with 'the' in front when it belongs to the name ('The Kremlin')."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_quote):
        end -= 1
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "the" and doc[before].head.i >= span.start and start == span.start:
        start = before
    return doc[start:end].text if end > start else span.text


# A number-like bound: "six months", "$5bn", "10%", "2006", "two million people": a number, then at most two words
# that are not the sentence going on ("…two years when the FA decides").
_GOES_ON = (
    r"(?:when|where|in|on|at|and|or|to|of|the|a|an|for|by|with|after|before|while|as|but|which|that|who|from|than)"
)
_BOUND = (
    r"(?:[$£€]?\d(?:[\d,.]*\d)?(?:%|bn|m|k|p)?|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"
    rf"(?:\s+(?!{_GOES_ON}\b)[\w%-]+){{0,2}}"
)
# "between six months and two years"; not "from $1.2bn to $2.3bn", a change whose question asks for one end of it.
_RANGE = re.compile(rf"\bbetween\s+(?P<low>{_BOUND})\s+and\s+(?P<high>{_BOUND})", re.I)
# "stuck on two to 2.5 hours": a bare number, "to", a bound (not a dash: "3-1" is a score). Not where the sentence
# tells a change: "from 24 weeks to 20", "rose by 0.25 to 4.5%", "cut 5% to $10" (the question asks for one end).
_CHANGE = (
    r"(?:from|by|rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|up|down|cut|rais\w*|increas\w*|reduc\w*|dropp\w*|drop)"
)
_BARE = r"(?:[$£€]?\d(?:[\d,.]*\d)?(?:%|bn|m)?|one|two|three|four|five|six|seven|eight|nine|ten)"
_TO_RANGE = re.compile(rf"(?<![\w.,-])(?P<low>{_BARE})\s+to\s+(?P<high>{_BOUND})", re.I)
_DAYS_OF = re.compile(  # "from 6 to 9 January": days of a month, a range of dates, not a change
    r"^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_CHANGE_BEFORE = re.compile(rf"\b{_CHANGE}\s+(?:\w+\s+)?$", re.I)  # the words before a range's low end


_WORD = re.compile(r"[\w$£€%'-]+")
_LEADING = re.compile(r"^(?:[\s,;:]|of\b|that\b|is\b|was\b|as\b)*", re.I)
_HEAD_START = 4  # words: a span that says the question again says it from its start
_VERB_REACH = 3  # words after the question's verb that still belong to it ("changed his mind")


def past_the_question(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without its head when that head only says the question again, up to the question's own verb:
    "Worldcom boss Bernie Ebbers is on trial, accused of overseeing an $11bn fraud" asked "What is Bernie Ebbers
    accused of?" is "overseeing an $11bn fraud"; "Villar changed his mind after a request by…" asked why Villar
    changed his mind is "after a request by…" (a head opening with the asker's title too: "Shadow Constitutional
    Affairs Secretary Oliver Heald accused the government of…"). A span with no such head, or nothing after it, is
    kept."""
    asked = {_stem(w) for w in _content_words(question)}
    words = list(_WORD.finditer(sentence, span[0], span[1]))
    repeated = [i for i, w in enumerate(words) if w.group().lower() not in _STOP and _stem(w.group()) in asked]
    titled = all(w.group()[:1].isupper() for w in words[: repeated[0]]) if repeated else False  # "Shadow … Secretary"
    if len(repeated) < 2 or repeated[0] >= _HEAD_START and not titled:
        return span  # most spans: no parse
    verb = verb_stem_of(question)
    passive = _passive_forms(question, sentence, words)  # "is being sued by" for "Who is suing…?"
    repeated = sorted({*repeated, *passive})
    at_verb = [i for i in repeated if _stem(words[i].group()) == verb or i in passive]
    if not at_verb:
        return span
    last = max(i for i in repeated if i - at_verb[0] <= _VERB_REACH and i >= at_verb[0])
    if len(words) - last <= 2:
        return span
    start = words[last].end()
    start += len(_LEADING.match(sentence[start : span[1]]).group())
    return (start, span[1]) if start < span[1] else span


def before_the_question(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without its tail when the tail is a verb saying the question again: "The Sea Inside has been named
    best picture and star Javier Bardem" asked "Which film won best picture?" is "The Sea Inside", "Matt Lucas and
    David Walliams also jointly won best TV comedy actor over…" asked who won it "Matt Lucas and David Walliams". A
    span whose head says none of the question's words but whose verb's words say two of them is cut before the
    verb."""
    found = _SAYS_AGAIN.search(sentence, span[0], span[1]) or _verb_again(question, sentence, span)
    if found is None or found.start() == span[0]:
        return span
    asked = {_stem(w) for w in _content_words(question)}

    def repeated(start: int, end: int) -> int:
        return sum(
            w.group().lower() not in _STOP and _stem(w.group()) in asked for w in _WORD.finditer(sentence, start, end)
        )

    if repeated(span[0], found.start()) or repeated(found.start(), min(found.end() + _TAIL_REACH, span[1])) < 2:
        return span
    return span[0], found.start()


def _verb_again(question: str, sentence: str, span: tuple[int, int]) -> re.Match[str] | None:
    """The question's own verb inside a span, with the adverbs before it: " also jointly won" of "Matt Lucas and
    David Walliams also jointly won best TV comedy actor over…" asked "Who won best TV comedy actor?"; None when the
    span has it not (most spans: no parse)."""
    asked = {_stem(w) for w in _content_words(question)}
    if sum(_stem(w.group()) in asked for w in _WORD.finditer(sentence, span[0], span[1])) < 2:
        return None
    verb = verb_stem_of(question)
    if verb is None:
        return None
    for word in _WORD.finditer(sentence, span[0], span[1]):
        if _stem(word.group()) == verb and not word.group().lower().endswith("ly"):  # "financially" is no "finance"
            return _ADVERBS_BEFORE.search(sentence, span[0], word.end())
    return None


_ADVERBS_BEFORE = re.compile(r"(?:\s+(?:also|jointly|then|later|finally|eventually|\w+ly))*\s+\w+$")


# a verb group inside a span: "has been named", "was", "will be"
_SAYS_AGAIN = re.compile(r"\s(?:has|have|had|is|are|was|were|will)\b(?:\s+(?:been|be|not))?(?:\s+\w+ed)?\b")
_TAIL_REACH = 25  # characters after the verb group where the question's words are looked for


_WHO = re.compile(r"^\s*(?:who|whom)\b", re.IGNORECASE)
_PREPOSITION = re.compile(r"(?:with|by|to|from|for|against|after)\s+(?=\S)", re.IGNORECASE)


def past_the_preposition(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Asked who, the span without the preposition it opens with: "Who did Pete Doherty fight?" of "a fight with his
    band's guitarist" is "his band's guitarist", not "with his band's guitarist"."""
    found = _PREPOSITION.match(sentence, span[0], span[1]) if _WHO.match(question) else None
    return (found.end(), span[1]) if found is not None and found.end() < span[1] else span


def winner_over(question: str, sentence: str, span: tuple[int, int]) -> str | None:
    """Asked who won, where the reader's phrase is the one beaten ("…but she did walk away with best comedy
    newcomer, over James McAvoy", "Eastwood pipped Scorsese to best director"), the first person (or side) the
    sentence names before it (Catherine Tate, Eastwood); None otherwise."""
    if not _WHO_WON.match(question) or not _BEATEN_BY.search(sentence[: span[0]]):
        return None
    # a person, or a side; spaCy's small model takes some surnames for organisations ("Eastwood")
    people = [e for e in nlp()(sentence[: span[0]]).ents if e.label_ in ("PERSON", "ORG")]
    return people[0].text if people else None


_WHO_WON = re.compile(r"^\s*(?i:who)\s+(?i:won|wins|took|claimed|scooped|picked up|walked away with)\b")
_BEATEN_BY = re.compile(r"\b(?:over|beating|ahead of|pipping|pipped|beat|edged out|edged)\s+(?:the\s+)?$")


def verb_stem_of(question: str) -> str | None:
    """The stem of the question's main verb ("accus" of "What is Ebbers accused of?"), or None."""
    verb = main_verb(question)
    return _stem(verb[0]) if verb is not None else None


def _passive_forms(question: str, sentence: str, words: list[re.Match[str]]) -> set[int]:
    """The positions among ``words`` of the question's verb in any form followed by "by" ("sued by his
    ex-girlfriend"): what follows is who did it, not the one it was done to ("…killing King Harold II")."""
    forms = _forms(question)
    return {i for i, w in enumerate(words) if w.group().lower() in forms and _BY.match(sentence, w.end())}


_BY = re.compile(r"\s+by\b")


@lru_cache(maxsize=256)
def _forms(question: str) -> frozenset[str]:
    """The regular and irregular forms of the question's main verb ("sue", "sues", "sued", "suing" for "suing")."""
    verb = main_verb(question)
    if verb is None:
        return frozenset()
    lemma = verb[1]
    stem = verb_stem(lemma)
    return frozenset({lemma, f"{lemma}s", f"{lemma}es", f"{stem}ed", f"{stem}ing", *verb_forms(lemma)})


def _stem(word: str) -> str:
    return word.lower()[:5]


_MONEY = r"[$£€]\s?\d[\d,.]*(?:\s?(?:bn|billion|m|million|k|trillion)\b)?"
# "$6.75bn (£3.6bn)": an amount with its conversion in brackets, the conversion alone being no answer.
_CONVERTED = re.compile(rf"(?P<amount>{_MONEY})\s*\((?P<inner>{_MONEY}[^)]{{0,20}})\)")


_COMPOUND_GOES_ON = re.compile(r"(?:-[^\W_]+)+")


_CURRENCY = "$£€¥"
_A_SHARE = re.compile(r"[- ]a[- ](?:share|head)\b")


def whole_words(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span out to the ends of the words it cuts: "101-year" of "the 101-year-old" is "101-year-old", "yuki
    Shiga" of "Toshiyuki Shiga" is the name whole, "186.3m" of "$186.3m" the amount with its currency ("A$4.17" the
    Australian dollar's, "A$4.17-a-share" a price per share), "1.7" of "1.7%" the rate."""
    start, end = span
    if 0 < start < len(sentence) and sentence[start - 1] in _CURRENCY and sentence[start].isdigit():
        start -= 1  # "$186.3m", "HK$327m": the amount's currency is part of it
    if 0 < start < len(sentence) and sentence[start] in _CURRENCY:
        while start > 0 and sentence[start - 1].isupper():
            start -= 1  # "HK$327m", "A$4.17": the dollar's country too
    if _A_SHARE.match(sentence, end) and any(c in _CURRENCY for c in sentence[start:end]):
        end = _A_SHARE.match(sentence, end).end()  # "A$4.17-a-share": a price per share
    while 0 < start < len(sentence) and sentence[start - 1].isalnum() and sentence[start].isalnum():
        start -= 1
    while 0 < end < len(sentence) and sentence[end].isalnum() and sentence[end - 1].isalnum():
        end += 1
    if 0 < end < len(sentence) and sentence[end] == "%" and sentence[end - 1].isdigit():
        end += 1  # "1.7%": a rate's sign is part of it
    # a compound the span is inside of ("101-year" of "101-year-old"); "11" of "11-year" is left alone
    last = sentence[start:end].split()[-1:] or [""]
    compound = _COMPOUND_GOES_ON.match(sentence, end)
    return (start, compound.end()) if "-" in last[0] and compound else (start, end)


def whole_name(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span ending inside a name, out to the name's end: "Modem" of "BT's Modem Protection program" is "Modem
    Protection" (the capitalised words straight after it, up to three, none of the question's own; not after a
    sentence's first word alone, capitalised as the first)."""
    words = sentence[span[0] : span[1]].split()
    if not words or not words[-1][:1].isupper() or len(words) == 1 and not sentence[: span[0]].strip():
        return span  # no capital, or only the sentence's first word's: "Linebacker Brandon Marshall…"
    asked = {w.lower() for w in re.findall(r"[\w'’&-]+", question)}
    end = span[1]
    for word in _NAME_WORD.finditer(sentence, end):
        own = re.sub(r"['’]s?$", "", word["word"].lower())
        if word.start() != end or own in asked or own in _NOT_NAME_WORDS:
            break
        end = word.end()
        if len(sentence[span[1] : end].split()) == 3:
            break
    return span[0], end


_NAME_WORD = re.compile(r" (?P<word>[A-Z][\w'’&-]*)")
_NOT_NAME_WORDS = frozenset({"i", "the", "a", "an", "and", "he", "she", "it", "they", "we", "but", "in", "on", "at"})


def whole_range(sentence: str, span: tuple[int, int], several: bool = False) -> tuple[int, int]:
    """The span widened to the range it is one bound of: "six months" of "a ban of between six months and two years"
    is "between six months and two years" (a bound alone says less than the sentence does); an amount's conversion
    in brackets to the amount with it ("$6.75bn (£3.6bn)", not "£3.6bn"); a list of names to its last (a name
    alone too when the question asks for ``several``: "Which regiments…?"); else the span."""
    for found in _RANGE.finditer(sentence):
        low, high = found.span("low"), found.span("high")
        if low[0] <= span[0] < low[1] and span[1] <= low[1] or high[0] <= span[0] < high[1] and span[1] <= high[1]:
            return found.start(), found.end()
        if span[0] == low[0] and high[0] < span[1] <= high[1]:  # "3% and 5%" of "to between 3% and 5%": the
            return found.start(), span[1]  # range says "between" ("Between 15,000 and 20,000 couples go…")
    for found in _TO_RANGE.finditer(sentence):
        high = found.span("high")
        if (
            high[0] <= span[0] < high[1]
            and span[1] <= found.end()
            and (not _CHANGE_BEFORE.search(sentence[: found.start()]) or _DAYS_OF.search(found.group("high")))
            and _bound_kind(found.group("low")) == _bound_kind(found.group("high").split()[0])
        ):
            return found.start(), span[1]  # the upper bound of "two to 2.5 hours": the range
    for found in _CONVERTED.finditer(sentence):
        inner = found.span("inner")
        if inner[0] <= span[0] < inner[1] and span[1] <= found.end():
            return found.start(), found.end()
    return _whole_list(sentence, span, several)


# "the middle of 2005", "mid-2005", "the end of February": the part of a year or month a date is (not "early 1954":
# SQuAD's answers leave it out, and it says little more)
_PART_OF = re.compile(
    r"(?:\b(?:the\s+)?(?:(?:very\s+)?(?:start|beginning|middle|end|turn|first half|second half|first quarter|"
    r"second quarter|third quarter|fourth quarter|spring|summer|autumn|winter)\s+of\s+)|\bmid-)$",
    re.IGNORECASE,
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ASKS_WHICH_YEAR = re.compile(r"\b(?:what|which)\s+(?:year|month|decade|century)\b", re.IGNORECASE)
_DATE_ONLY = re.compile(rf"(?:(?:{_MONTHS})(?:\s+\d{{4}})?|\d{{4}})")


def whole_period(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """A year or a month widened to the part of it the sentence says: "2005" of "rolled out from the middle of 2005" is
    "the middle of 2005" (the year alone says less than the sentence does), unless the question asks which year or
    month; else the span."""
    if not _DATE_ONLY.fullmatch(sentence[span[0] : span[1]]) or _ASKS_WHICH_YEAR.search(question):
        return span
    part = _PART_OF.search(sentence[: span[0]])
    return (part.start(), span[1]) if part is not None else span


# "…, Indian and Hong Kong": a list of names goes on to its last ("and" or "or" then a name of up to four words);
# asked for several, a name goes on through the ones listed after it ("the Royal Scots and the King's Own…").
_NAME_WORDS = r"[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|\d+\b)){0,3}"  # "Number 73" too
_LAST_NAME = re.compile(rf",?\s+(?:and|or)\s+{_NAME_WORDS}")
_MORE_NAMES = re.compile(rf"(?:,\s+(?:the\s+)?{_NAME_WORDS})*,?\s+(?:and|or)\s+(?:the\s+)?{_NAME_WORDS}")


def _bound_kind(bound: str) -> str:
    """What a range's end is: a year, a share, a sum or a number ("2004 to 60%" is no range)."""
    if _A_YEAR.fullmatch(bound):
        return "year"
    return "share" if bound.endswith("%") else "sum" if bound[:1] in "$£€" else "number"


_A_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def _whole_list(sentence: str, span: tuple[int, int], several: bool) -> tuple[int, int]:
    """A span listing names ("Indonesian, Indian") widened to the list's last ("… and Hong Kong"), which the
    sentence goes on to give (a single name too, when the question asks for several); else the span."""
    items = [item.strip() for item in sentence[span[0] : span[1]].split(",")]
    if len(items) < (1 if several else 2) or any(
        not _NAMED_ITEM.match(item) or len(item.split()) > 4 for item in items
    ):
        return span  # not a list of names: "enthusiasm about teaching, enthusiasm about the students"
    last = (_MORE_NAMES if several else _LAST_NAME).match(sentence, span[1])
    return (span[0], _name_end(sentence, last.end())) if last is not None else span


def _name_end(sentence: str, end: int) -> int:
    """Where a name matched up to ``end`` ends: before the full stop ending the sentence ("Youghal.")."""
    word = sentence[:end].split()[-1]
    return end - 1 if word.endswith(".") and len(word) > 3 else end


# "the Derbyshire seat of Erewash", "the city of Leeds": a common noun the name of which follows with "of".
_OF_NAME = re.compile(rf"\s+of\s+(?:the\s+)?(?P<name>{_NAME_WORDS})")


def with_its_name(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span ending in a common noun widened to the name that follows it with "of" ("the Derbyshire seat" →
    "the Derbyshire seat of Erewash"), which says which one, unless the question says it already or it is a date's
    ("the fire of March 1895"); else the span."""
    words = sentence[span[0] : span[1]].split()
    if not words or not words[-1].isalpha() or not words[-1].islower():
        return span
    found = _OF_NAME.match(sentence, span[1])
    rest = sentence[found.end() :] if found is not None else ""
    following = re.match(r"\s+([a-z]+)", rest)
    if found is None or following is not None and following.group(1) not in stop_words() or _OF_NAME.match(rest):
        # none, a name's word describing what follows ("7 to 10 percent of American physicians"), or a name going
        # on past what is matched ("colleagues of the University of Florida")
        return span
    name = found["name"].rstrip(".").lower()
    if name.split()[0] in _MONTHS or name in question.lower():
        return span
    return span[0], _name_end(sentence, found.end())


_MONTHS = frozenset(name.lower() for name in [*calendar.month_name[1:], *calendar.day_name])
_NAMED_ITEM = re.compile(r"(?:the\s+)?[A-Z]")
_NOT_A_NOUN = r"(?!(?:is|was|does|has|causes|makes|means|happens|remains|seems)\b)"
# words that do not describe the noun after them: "What did the reports say?" asks no list
_NOT_A_MODIFIER = r"(?!(?:are|were|do|did|have|had|will|would|can|could|should|the|a|an|his|her|its|their|this|that)\b)"
# "Which regiments…?", "What children's TV shows…?": a wh-word, then a plural noun (lower case: "Orleans" is a name).
_SEVERAL = re.compile(
    rf"^\s*(?i:which|what)\s+(?:{_NOT_A_NOUN}{_NOT_A_MODIFIER}[A-Za-z'’]+\s+){{0,2}}{_NOT_A_NOUN}[a-z]+s\b(?<!ss)"
    r"(?<!us)(?<!is)"
    # "Who did Bates single out as replacements…?", "Who are Britain's next opponents?"
    r"|^\s*(?i:who)\b.*\b(?:as|are|were)\s+(?:[\w'’-]+\s+){0,4}?[a-z]+s\b(?<!ss)(?<!us)(?<!is)(?:\s+(?:for|of|in|at)\s.*)?\s*\?\s*$"
)


# "How far…?", "How long…?": a number alone says less than the sentence ("three" of "three doors away"); "How many
# countries…?" names what is counted, so "28" says it.
_ASKS_MEASURE = re.compile(r"\bhow (?:far|long|big|large|high|tall|wide|deep|heavy|close)\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(?:\d[\d,.]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty))")
_UNIT = re.compile(
    r"\s+(?:[a-z]+s|mile|metre|meter|foot|inch|yard|year|month|week|day|hour|minute|second|tonne|ton|point|place)\b"
)


def the_figure_counted(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Asked how many of something, the figure the sentence gives just before it where the reader's phrase is a
    figure of something else ("70" of "more than 10,500 firearms offences and 70 gun crime deaths"); else the
    span."""
    figures = figures_of_what_is_counted(question, sentence)
    if not figures or any(f.start <= span[0] < f.end or span[0] <= f.start < span[1] for f in figures):
        return span
    if not _BARE_NUMBER.search(sentence[span[0] : span[1]]):
        return span  # not a figure: a phrase of its own ("minimal")
    if sentence[span[0] : span[1]].strip() in question:
        return figures[0].start, figures[0].end  # "2006" of "How many … by 2006?": the question's own
    # the words after the reader's figure, in its phrase or after it ("35 years" counts years, "136," nothing)
    counts = re.match(r"[$£€]?[\d.,]*\d[\w%-]*\s+((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)", sentence[span[0] :])

    def stems(text: str) -> set[str]:
        return {w[:_STEM_LETTERS] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in stop_words()}

    if counts is None or stems(counts[1]) & stems(question):
        return span  # a figure of nothing named after it ("leader with 136,"), or of what is asked ("11 points")
    return figures[0].start, figures[0].end


_STEM_LETTERS = 5  # letters that say a word in any of its forms ("peopl" of "people")


def the_sum_at_the_named(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Asked what something costs at a place the question names, of a sentence giving a sum at each of several
    ("At Jessops the same image would cost £2.50 and at Snappy Snaps £9.99"), the sum given right after that place;
    else the span."""
    if not _ASKS_COST.search(question):
        return span
    capitalised = re.findall(r"(?<=\s)[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*", question)  # names spaCy misses too
    for name in dict.fromkeys([*question_names(question), *capitalised]):
        found = re.search(rf"\b(?i:at|in|from)\s+{re.escape(name)}\b[^.;$£€]{{0,20}}?(?P<sum>{_MONEY})", sentence)
        if found is not None:
            start, end = found.span("sum")
            return start, end - len(found["sum"]) + len(found["sum"].rstrip(".,"))  # not the sentence's full stop
    return span


_ASKS_COST = re.compile(r"\bhow much\b.*\b(?:cost|costs|charge|charges|pay)\b|\bwhat price\b", re.IGNORECASE)


def the_one_the_preposition_asks(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Asked who someone does something with (to, for, against…), the question ending on that word, where the
    reader's phrase runs on over the question's own words to it: the name after it ("Leander Paes" of "…Daniela
    Hantuchova for the Australian Open doubles, and play in the mixed doubles with Leander Paes"); else the span."""
    asked = _ENDS_ON.search(question)
    phrase = sentence[span[0] : span[1]]
    if asked is None or not _WHO.match(question) or len(phrase.split()) < _LONG_PHRASE:
        return span
    found = next(reversed(list(re.finditer(rf"\b{asked['word']}\s+(?P<name>{_NAME_WORDS})", phrase))), None)
    if found is None:
        return span
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", question) if w.lower() not in stop_words()}
    before = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", phrase[: found.start()])}
    if not words & before:
        return span  # the question's words are not what the phrase runs over
    return span[0] + found.start("name"), span[0] + found.end("name")


_ENDS_ON = re.compile(r"\b(?P<word>with|to|for|against|by|from)\s*\?\s*$", re.IGNORECASE)
_LONG_PHRASE = 6  # words of a reader's phrase that may run on past its answer


def with_its_unit(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """A bare number answering "How far…?" or "How long…?" widened to the unit after it ("three doors"); else the
    span."""
    if not _ASKS_MEASURE.search(question) or not _BARE_NUMBER.fullmatch(sentence[span[0] : span[1]]):
        return span
    unit = _UNIT.match(sentence, span[1])
    if unit is None or unit.group().strip() in stop_words():
        return span
    return span[0], unit.end()


# "What was the price of light crude?" of "…ended Monday down $1.33 to $42.12": the level it went to, not the change.
_ASKS_LEVEL = re.compile(
    r"\bwhat (?:is|was|were|are) (?:the )?(?:\w+ )?(?:price|value|level|rate|yield)\b"
    r"|\b(?:clos|end|finish|stand|stood|trad)\w* at\b"
    r"|^\s*how (?:tall|heavy|big|large|long|high|fast) (?:is|are)\b",  # what it is now: "How tall is Asimo?"
    re.IGNORECASE,
)
# a price, a rate or a measure: with its currency, its decimals, its sign or its unit ("30 to 50 thousand" is a
# range, not a change)
_FIGURE_WORDS = (
    r"(?:[$£€¥]\d[\d,]*(?:\.\d+)?(?:bn|m)?|\d[\d,]*\.\d+(?:\s?%|p)?|\d[\d,]*(?:\s?%|p)"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:cm|mm|km|kg|km/h|mph)\b)"  # a measure: "growing 10cm to 130cm"
)
_CHANGED_TO = re.compile(
    rf"\b(?:up|down|fell|rose|dropped|climbed|slipped|gained|lost|jumped|sank|slid|falling|rising|grew|growing"
    rf"|increasing)\s+(?:by\s+)?"
    rf"(?P<change>{_FIGURE_WORDS})\s+to\s+(?P<level>{_FIGURE_WORDS})",
    re.IGNORECASE,
)

# A level something stands at: "on hold again at 4.75%", "the price was $30", "closed at 24,997 points", "at 4,751".
_AT_LEVEL = re.compile(
    rf"\b(?:at|is|was|are|were|of)\s+(?:about |around |just )?"
    rf"(?P<level>{_FIGURE_WORDS}|\d[\d,]*(?:\.\d+)? points|\d{{1,3}}(?:,\d{{3}})+)"
)
# A change said in any words, then the figure it goes to.
_GOES_TO = re.compile(
    rf"\b(?:rise|rising|rose|risen|fall|falling|fell|fallen|climb\w*|drop\w*|increas\w*|grow\w*|grew|reach\w*|cut"
    rf"|cutting|rais\w*|lift\w*|lower\w*|up|down)\b(?:[^.;]|\.(?=\d)){{0,80}}?\bto\s+(?P<level>{_FIGURE_WORDS})",
    re.IGNORECASE,
)


def owned_value(question: str, sentence: str) -> str | None:
    """Asked "What is Gordon Brown's growth forecast?", what the sentence gives as his forecast: "3% to 3.5%" of
    "below Chancellor Gordon Brown's forecast of 3% to 3.5%"; None when the question asks no such thing or the
    sentence does not say it that way."""
    asked = _ASKS_OWNED.match(question)
    if asked is None:
        return None
    owner, noun = re.escape(asked["owner"].split()[-1]), re.escape(asked["noun"])
    found = re.search(
        rf"\b{owner}['’]s?\s+(?:[\w-]+\s+){{0,2}}?{noun}\s+(?:of|is|was|stands at|stood at)\s+{_VALUE}", sentence
    )
    return tidy(found["value"]) if found else None


_ASKS_OWNED = re.compile(
    r"^\s*[Ww]hat\s+(?:is|was|are|were)\s+(?:the\s+)?(?P<owner>(?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)['’]s?\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[a-z][\w-]*)\s*\??\s*$"
)
_VALUE = (
    r"(?P<value>[^,;.]+?(?:\.\d[^,;.]*?)*)"
    r"(?=[,;]|\.(?!\d)|\s(?:and|but|for|while|compared|on|in|by|from|after|before|last|this|next)\s|$)"
)


def things_included(question: str, sentence: str) -> str | None:
    """Asked "What were the most requested search terms?", what the sentence says they included: "games, EastEnders,
    CBBC, John Peel, Harry Potter and Olympics" of "The most requested search terms of 2004 included games, …";
    None when the question asks no such thing or the sentence does not say it that way."""
    asked = _ASKS_WHAT_THEY_ARE.match(question)
    if asked is None:
        return None
    head = re.escape(asked["head"].lower())
    found = re.search(
        rf"\b{head}\b[^,;.]{{0,40}}?\s(?:include[sd]?|includ(?:ed|es) such as)\s+{_LISTED}", sentence, re.I
    )
    return tidy(found["listed"]) if found else None


_ASKS_WHAT_THEY_ARE = re.compile(
    r"^\s*(?i:what)\s+(?:are|were)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?P<head>[a-z]+s)\s*\??\s*$"
)
_LISTED = r"(?P<listed>[^.;]+?)(?=[.;]|\s(?:but|while|although)\s|$)"


def what_it_is(question: str, sentence: str) -> str | None:
    """Asked what a kind of thing is ("What are generic drugs?", "What is a control order?": no "the", so a
    definition, not a value), what the sentence opening with it says it is: "chemically identical to their more
    expensive branded rivals" of "Generic drugs are chemically identical to…"; None otherwise ("What is the
    capital?" asks for a value; "The price of generic drugs is rising" does not open with them)."""
    asked = _ASKS_WHAT_IT_IS.match(question)
    if asked is None:
        return None
    thing = r"\s+".join(re.escape(word) for word in asked["thing"].split())
    found = re.match(rf"\s*(?:(?:an?|the)\s+)?{thing}\s+(?:is|are)\s+{_DEFINED}", sentence, re.IGNORECASE)
    return tidy(found["defined"]) if found else None


# "What are generic drugs?", "What is a control order?": a kind, its words in small letters after no or "a"
_ASKS_WHAT_IT_IS = re.compile(
    r"^\s*(?i:what)\s+(?:is\s+(?:an?\s+)?|are\s+)(?!(?:the|this|that|these|those|its|his|her|their|our|my|your)\b)"
    r"(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s*\??\s*$"
)
_DEFINED = r"(?P<defined>[^.;]+?)(?=[.;]|,\s+(?:which|who|but|and|while|although|said|says)\b|\s\(|$)"


def level_reached(question: str, sentence: str) -> str | None:
    """Asked a level ("What are rates expected to rise to?", "What is the US interest rate?"), the figure the
    sentence gives the rate or price asked about ("rates still stand at a punitive 17.25%"), else has something go
    to ("2.25%" of "tipped to rise by a quarter of a percentage point to 2.25%") or stand at ("on hold again at
    4.75%"); None when the question asks no level or the sentence has none."""
    if not asks_level(question):
        return None
    noun = _LEVEL_NOUN.search(question)
    level = rf"(?:\d[\d,.]*%?\s?[-–]\s?)?{_FIGURE_WORDS}"  # "30-40%" whole
    near = re.search(rf"\b{noun[1]}s?\b[^.;]{{0,50}}?(?<![\d.,-])(?P<level>{level})", sentence, re.I) if noun else None
    found = near or _GOES_TO.search(sentence) or _AT_LEVEL.search(sentence)  # "rates still stand at … 17.25%"
    return found["level"] if found else None


_LEVEL_NOUN = re.compile(r"\b(rate|price|level|yield)s?\s*[?.!]*\s*$", re.IGNORECASE)


def to_the_level(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Of "down $1.33 to $42.12": asked a price or a level, the figure it went to where the span is the change; asked
    anything else (how much it fell), the change alone where the span runs on to the level; else the span."""
    level = _ASKS_LEVEL.search(question) is not None
    for found in _CHANGED_TO.finditer(sentence):
        start, end = found.span("change")
        if not (start <= span[0] < end or span[0] <= start < span[1]):
            continue
        if level:
            return found.span("level")
        if span[1] > found.start("level"):
            return start, end
    return span


def then_or_now(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Of "has risen to 200 dinars per canister from 170 dinars": asked what it costs now, the figure it went to;
    asked what it was before, the figure it went from; else (or where the span is neither) the span."""
    asks_before, asks_now = _ASKS_BEFORE.search(question), _ASKS_NOW.search(question)
    if bool(asks_before) == bool(asks_now):
        return span
    for found in (*_TO_FROM.finditer(sentence), *_FROM_TO.finditer(sentence)):
        old, new = found.span("old"), found.span("new")
        wanted, other = (old, new) if asks_before else (new, old)
        if other[0] <= span[0] < other[1] or span[0] < other[0] < span[1] and not span[0] < wanted[0] < span[1]:
            return wanted
        if span[0] <= min(old[0], new[0]) and max(old[1], new[1]) <= span[1]:
            return wanted  # "to 49% from 40%": both read, the one asked
    return span


_FIGURE = (  # a figure and its unit ("170 dinars"), not a word of when or where after it ("34% in two years")
    r"(?:[$£€¥]\d[\d,]*(?:\.\d+)?(?:bn|m)?|\d[\d,]*(?:\.\d+)?(?:\s?%|p|bn|m)?"
    r"(?:\s(?!(?:in|on|at|by|to|from|for|this|next|last|a|an|the|and|or)\b)[a-z]+)?)"
)
_CHANGE_VERB = (
    r"\b(?:ris\w*|rose|fall\w*|fell|climb\w*|drop\w*|increas\w*|grow\w*|grew|cut|rais\w*|lower\w*|gone up|went up)"
)
# "has risen to 200 dinars ($2.77) per canister from 170 dinars", "increased from £5.5bn to £8.2bn"
_TO_FROM = re.compile(
    rf"{_CHANGE_VERB}(?:\s+[\w'’-]+){{0,5}}?\s+to\s+(?P<new>{_FIGURE})(?:[^.;]|\.(?=\d)){{0,40}}?\bfrom\s+"
    rf"(?P<old>{_FIGURE})",
    re.I,
)
# "drop from 52% this season to 34% in two years' time": a few words of when between
_FROM_TO = re.compile(
    rf"{_CHANGE_VERB}\s+from\s+(?P<old>{_FIGURE})(?:\s+[\w'’/-]+){{0,3}}?\s+to\s+(?P<new>{_FIGURE})", re.I
)
_ASKS_BEFORE = re.compile(r"\b(?:before|previously|used to|formerly|originally|prior to|old price)\b", re.I)
_ASKS_NOW = re.compile(
    r"\b(?:now|currently|new price|after the (?:rise|increase|cut|hike|change)|will|in (?:a|\w+) years?)\b", re.I
)


def with_its_bound(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """A figure with the words saying it is a bound: "more than 60%" of "with more than 60% of prisoners reconvicted"
    (60% alone says more than the sentence does), "up to 40 km"; else the span. A rough figure's "about" or "nearly"
    is left out: the figure says nearly as much, and SQuAD's answers mostly leave it out."""
    if not _FIGURE_START.match(sentence, span[0]):
        return span
    bound = _BOUND.search(sentence[max(0, span[0] - 20) : span[0]])
    return (span[0] - len(bound.group()), span[1]) if bound else span


_FIGURE_START = re.compile(r"[$£€¥]?\d")
_BOUND = re.compile(
    r"(?<![\w-])(?:more than|less than|fewer than|over|under|at least|at most|up to)\s$",
    re.IGNORECASE,
)


def asks_several(question: str) -> bool:
    """Whether a question asks for several of a kind: "Which regiments…?", "What companies…?", "Who did Bates single
    out as replacements for Henman?"."""
    return bool(_SEVERAL.match(question))


def successor(question: str, sentence: str, span: tuple[int, int]) -> str | None:
    """Who took the post when the span names who left it: "Sergio Marchionne has replaced Herbert Demel as chief
    executive" answers "Who is the chief executive?" with Marchionne, not Demel (so does "Demel was replaced by
    Marchionne", "Marchionne takes over from Demel"); None when the span is not the one replaced, or the question
    asks whom someone replaced ("Who did Charlie Bell succeed?")."""
    if not _ASKS_HOLDER.match(question) or _ASKS_PREDECESSOR.search(question) or not _REPLACING.search(sentence):
        return None
    for doc, new, old in _replacements(sentence):
        name = next((e for e in doc.ents if e.start <= new.i < e.end), None)
        taking = (
            name
            if name is not None
            else doc[min([new.i, *(c.i for c in new.lefts if c.dep_ == "compound")]) : new.i + 1]
        )
        if old.left_edge.idx <= span[0] < old.right_edge.idx + len(old.right_edge) and not (
            taking.start_char <= span[0] < taking.end_char
        ):
            return tidy(taking.text)
    return None


def predecessor(question: str, sentence: str, span: tuple[int, int]) -> str | None:
    """Asked whom someone replaced ("Who is Johnny O'Connor replacing?"), the one replaced where the span names the
    one taking over ("…sees Wasps flanker Johnny O'Connor replacing Denis Leamy": Denis Leamy); None otherwise."""
    if not _ASKS_HOLDER.match(question) or not _ASKS_PREDECESSOR.search(question) or not _REPLACING.search(sentence):
        return None
    for doc, new, old in _replacements(sentence):
        if new.left_edge.idx <= span[0] < new.right_edge.idx + len(new.right_edge):
            name = next((e for e in doc.ents if e.start <= old.i < e.end), None)
            return tidy(name.text if name is not None else old.text)
    return None


def _replacements(sentence: str) -> Iterator[tuple]:
    """(parse, the one taking over, the one replaced) for each replacing verb of the sentence."""
    doc = nlp()(sentence)
    for verb in doc:
        roles = _replacement(verb)
        if roles is not None:
            yield doc, *roles


def _replacement(verb) -> tuple | None:  # noqa: ANN001 - spaCy Tokens
    """(the one taking the post, the one leaving it) of a verb of replacing, or None."""
    lemma = verb.lemma_.lower()
    children = {c.dep_: c for c in verb.children}
    if lemma in ("replace", "succeed", "oust", "supplant"):
        if "nsubjpass" in children:  # "Demel was replaced by Marchionne"
            agent = children.get("agent")
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return (by, children["nsubjpass"]) if by is not None else None
        if "nsubj" in children and "dobj" in children:
            subject = children["nsubj"]
            if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":  # "Marchionne, who replaced Demel"
                subject = verb.head
            return subject, children["dobj"]
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        old = next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
        if old is not None and "nsubj" in children:
            return children["nsubj"], old
    return None


# "Did house prices rise or fall in January?", "Are men or women more likely to own one?": a choice of two words.
_ASKS_CHOICE = re.compile(
    r"^\s*(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b(?:\s+[\w'’-]+)*?"
    r"\s+(?P<a>[\w'’-]+)\s+or\s+(?:the\s+|a\s+|an\s+)?(?P<b>[\w'’-]+)\b",
    re.IGNORECASE,
)


def choice_made(question: str, sentence: str, span: tuple[int, int] | None) -> str | None:
    """Asked to choose between two words ("Did house prices rise or fall?"), the one the sentence says (by its
    lemma: "rose" says "rise"), the nearer the reader's phrase where it says both ("59% are men compared to 41% of
    women"); None when the question offers no choice, the sentence says neither, or both with no phrase read."""
    asked = _ASKS_CHOICE.match(question)
    if asked is None:
        return None
    options = [asked["a"], asked["b"]]
    lemmas = [nlp()(option)[0].lemma_.lower() for option in options]
    doc = nlp()(sentence)
    at = span[0] if span is not None else 0
    found = [
        (abs(t.idx - at), option)
        for t in doc
        for option, lemma in zip(options, lemmas, strict=True)
        if t.lemma_.lower() == lemma or t.lower_ == option.lower()
    ]
    if not found or (span is None and len({option for _, option in found}) > 1):
        return None
    return min(found)[1]


# "What does TCI want Deutsche Boerse to do instead?", "What did the minister do?": a doing asked for
_ASKS_TO_DO = re.compile(
    r"^\s*what\s+(?:\w+\s+){1,8}?(?:to\s+)?do(?:\s+(?:instead|next|now|about\s+.+?))?\s*\??\s*$", re.I
)
_SAYING_VERBS = frozenset({"say", "tell", "add", "claim", "prefer", "want", "like", "see", "urge", "ask", "call"})


def _named_in(token, question: str) -> bool:  # noqa: ANN001 - a spaCy Token
    """Whether a word's phrase names someone the question names (a capitalised word of both)."""
    return any(w.text[:1].isupper() and re.search(rf"\b{re.escape(w.text)}\b", question) for w in token.subtree)


def to_the_doing(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Asked what someone does or wants done, the reader's phrase widened from a thing to the verb phrase it is
    part of: "return $500m (£350m) to shareholders", not "shareholders"; as it was when it is one already or the
    question asks for no doing."""
    if not _ASKS_TO_DO.match(question):
        return span
    doc = nlp()(sentence)
    phrase = doc.char_span(*span, alignment_mode="expand")
    if phrase is None or phrase.root.pos_ == "AUX":
        return span
    if phrase.root.pos_ == "VERB":  # a verb alone says half of it: "halve", not "halve the budget deficit…"
        if len(phrase) > 1:
            return span
        last = max((t for t in phrase.root.subtree if t.i > phrase.root.i), key=lambda t: t.i, default=phrase.root)
        return span[0], max(span[1], last.idx + len(last.text))
    verb = phrase.root.head
    for _ in range(4):  # "shareholders" → "to" → "return"
        if verb.pos_ == "VERB" and verb.lemma_.lower() not in _SAYING_VERBS:
            break
        if verb.head is verb:
            return span
        verb = verb.head
    else:
        return span
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _SAYING_VERBS or verb.idx > span[0]:
        return span
    if not any(c.dep_ in ("nsubj", "nsubjpass") and _named_in(c, question) for c in verb.children):
        return span  # "endured by bartender Erika Molina": not what the one asked about did
    last = max(verb.subtree, key=lambda t: t.i)
    return verb.idx, max(span[1], last.idx + len(last.text))


def the_thing_wanted(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Asked what someone wants (needs, seeks, demands…), the reader's phrase widened from a word describing the
    thing to the thing: "a greater campaigning role", not "campaigning", of "He wants a greater campaigning role for
    Chancellor Gordon Brown"; as it was otherwise."""
    if not _ASKS_WANTED.match(question):
        return span
    doc = nlp()(sentence)
    phrase = doc.char_span(*span, alignment_mode="expand")
    if phrase is None or phrase.root.dep_ not in ("amod", "compound", "nmod"):
        return span
    thing = phrase.root.head
    if thing.dep_ != "dobj" or thing.head.lemma_.lower() not in _WANTING or thing.i < phrase.end:
        return span
    first = min((t.i for t in thing.lefts), default=thing.i)
    return min(span[0], doc[first].idx), max(span[1], thing.idx + len(thing.text))


_WANTING = frozenset({"want", "need", "seek", "demand", "propose", "offer", "request", "urge", "expect"})
_ASKS_WANTED = re.compile(
    r"^\s*what\s+(?:does|do|did|will|would|is|are)\s+.+?\s+"
    r"(?:want|need|seek|demand|propose|offer|request|urge|expect)(?:s|ing)?\b",
    re.IGNORECASE,
)


def how_much_more(question: str, sentence: str) -> str | None:
    """Asked how much more (less, higher…) something is, the difference the sentence gives before that word ("up to
    30%" of "…it is worth up to 30% more than a hostile 7.4bn Australian dollar bid"), not the amount compared
    with; None where it asks otherwise or gives none."""
    asked = _ASKS_HOW_MUCH_MORE.match(question)
    if asked is None:
        return None
    found = re.search(rf"(?P<by>{_DIFFERENCE})\s+{asked['word'].lower()}\b", sentence, re.IGNORECASE)
    return found["by"] if found else None


_ASKS_HOW_MUCH_MORE = re.compile(
    r"^\s*how\s+much\s+(?P<word>more|less|higher|lower|bigger|smaller|cheaper|dearer|faster|slower)\b", re.I
)
_DIFFERENCE = (
    r"(?:(?:up to|about|around|nearly|almost|some|roughly|at least|more than)\s+)?"
    r"(?:[$£€]\s?\d[\d.,]*(?:\s?(?:bn|m|billion|million))?|\d[\d.,]*\s?(?:%|per\s?cent|percent|times)"
    r"|(?:twice|three times|four times|half))"
)


def respectively(question: str, sentence: str, phrase: str) -> str | None:
    """Of a phrase naming two ("Clive Owen and Sophie Okonedo"), the one paired with what the question names by a
    "respectively" ("…nominated for supporting roles in Closer and Hotel Rwanda respectively" asked of Hotel Rwanda:
    Sophie Okonedo); None where the sentence pairs nothing so or the question names neither."""
    found = _RESPECTIVELY.search(sentence)
    pair = phrase.split(" and ")
    if found is None or len(pair) != 2 or found.start() < sentence.find(phrase) + len(phrase):
        return None
    named = [found["first"].lower() in question.lower(), found["second"].lower() in question.lower()]
    return pair[named.index(True)].strip() if named.count(True) == 1 else None


_RESPECTIVELY = re.compile(rf"(?P<first>{_NAME_WORDS})\s+and\s+(?P<second>{_NAME_WORDS}),?\s+respectively\b")


# "How much did Maruti's net profit rise?": asked by how much, not to what level
_ASKS_BY_HOW_MUCH = re.compile(
    r"^\s*how\s+(?:much|far)\s+(?:did|does|do|has|have|had|will|would|is|are|was|were)\b.*\b"
    r"(?:rise|fall|grow|increase|decrease|drop|climb|jump|surge|gain|shrink|decline|slip|soar|slump)\w*"
    r"(?!\s+(?:to|from)\b)[^?]*\??\s*$",
    re.IGNORECASE,
)
_CHANGE_THEN_LEVEL = re.compile(r"(?P<change>\d[\d.,]*\s?(?:%|per\s?cent|percent))\s+to\s+[$£€¥]?\s?$", re.IGNORECASE)


def by_how_much(question: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """Asked by how much something rose or fell, the change where the reader's phrase is the level it went to:
    "70%", not "2.39bn", of "Net profit surged 70% to 2.39bn rupees"; else the span."""
    if not _ASKS_BY_HOW_MUCH.match(question):
        return span
    found = _CHANGE_THEN_LEVEL.search(sentence[: span[0]])
    return (found.start("change"), found.end("change")) if found is not None else span


# "Born in 1942 in Tredegar to a miner father…", "…was born in Cardiff on 3 May 1970": where and when
_ASKS_WHERE_BORN = re.compile(r"^\s*(?i:where|in\s+which\s+(?:town|city|country|place))\b.*\b(?i:born)\b")
_ASKS_WHEN_BORN = re.compile(r"^\s*(?i:when|in\s+what\s+year|what\s+year|in\s+which\s+year)\b.*\b(?i:born)\b")
_BORN_IN_PLACE = re.compile(
    r"\b(?i:born)\b(?:\s+(?:on|in)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?\s+in\s+"
    r"(?P<place>(?!\d)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)"
)
_BORN_ON_DATE = re.compile(
    r"\b(?i:born)\b[^.;]{0,40}?\b(?:in|on)\s+(?P<when>(?:\d{1,2}\s+[A-Z][a-z]+\s+|[A-Z][a-z]+\s+(?:\d{1,2},?\s+)?)?\d{4})"
)


def born(question: str, sentence: str) -> str | None:
    """Asked where or when someone was born, the place or the date a sentence gives with "born": "Tredegar" of
    "Born in 1942 in Tredegar to a miner father…", "1942" asked when; None otherwise."""
    if _ASKS_WHERE_BORN.match(question) and (found := _BORN_IN_PLACE.search(sentence)):
        return found["place"]
    if _ASKS_WHEN_BORN.match(question) and (found := _BORN_ON_DATE.search(sentence)):
        return found["when"]
    return None
