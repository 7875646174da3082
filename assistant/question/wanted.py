"""Question typing: which kind of phrase a question asks for (a number, a date, a name, a place), from its wh-words.

Retrieval scores a sentence higher when it holds that kind of phrase; the short answer picks a phrase of that kind.
"""

from __future__ import annotations

import re

from assistant.question.found import Found

_NUMERIC = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
# Asked how fast something grew or fell, a rate is the answer ("rose by 1.7%"), not "its fastest rate in four years".
_ASKS_RATE = re.compile(
    r"\bhow (?:fast|quickly)\b.*\b(?:grow|grew|grown|rise|rose|risen|expand|shr[iu]nk|fall|fell|fallen|increase|"
    r"decrease|decline|climb|drop)",
    re.IGNORECASE,
)
_QUESTION_TYPES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"\bhow (many|much)\b|\bwhat (percentage|percent|number|amount)\b"), _NUMERIC),
    (re.compile(r"\bhow (long|old)\b"), ("DATE", "TIME", "QUANTITY", "CARDINAL")),
    (_ASKS_RATE, ("PERCENT", "QUANTITY")),  # "How fast did the economy grow?": a rate, or a speed
    (re.compile(r"\bhow (far|tall|high|wide|deep|heavy)\b"), ("QUANTITY", "CARDINAL")),
    (re.compile(r"\bhow (big|large)\b"), ("QUANTITY", "CARDINAL", "MONEY", "PERCENT")),  # "How big was the claim?"
    (
        re.compile(r"\bwhen\b|\bwhat (year|date|time|day|month|century|decade|era)\b|\bwhich (year|century)\b"),
        ("DATE", "TIME"),
    ),
    (
        re.compile(r"\bwho(m|se)?\b|\bwhich (person|man|woman|group|company|team|organi[sz]ation)\b"),
        ("PERSON", "ORG", "NORP", "GPE"),
    ),
    (
        re.compile(r"\bwhere\b|\bwhat (country|city|state|place|region)\b|\bwhich (country|city|state)\b"),
        ("GPE", "LOC", "FAC", "ORG"),
    ),
]


# "What did Peskov say?" asks for all of what he said (nothing follows the verb): a clause, not a phrase.
WHAT_SAID = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have|had)\s+(?P<speaker>.+?)\s+(?:say|said|tell|told|write|wrote)\s*[?.!]*\s*$"
)

# "What did Oliver Letwin predict?" asks for what he predicted: a clause, in the sentence that has him predict it.
_ASKS_CLAIM = re.compile(
    r"^\s*[Ww]hat\s+(?:did|does|do|has|have|had)\s+(?P<speaker>(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)\s+"
    r"(?P<verb>predict|claim|warn|promise|pledge|propose|suggest|argue|insist|forecast|reveal|admit|fear)"
    r"\s*[?.!]*\s*$"
)


def asked_claim(question: str) -> tuple[str, str] | None:
    """The speaker and the verb of "What did Oliver Letwin predict?" ("Oliver Letwin", "predict"), or None when the
    question asks no such thing."""
    found = _ASKS_CLAIM.match(question)
    return (found["speaker"], found["verb"]) if found else None


def claims(speaker: str, verb: str, sentence: str) -> bool:
    """Whether a sentence has the speaker do the verb, named just before it ("Tory shadow chancellor Oliver Letwin
    also predicted Mr Brown would…"; not "Letwin said analysts had predicted…")."""
    name = re.escape(speaker.split()[-1])
    return re.search(rf"\b{name}\b(?:\s+{_IN_BETWEEN})*\s+{re.escape(verb_stem(verb))}\w*\b", sentence) is not None


# The words a sentence puts between a speaker and their verb: "Letwin also predicted", "Letwin has repeatedly warned".
_IN_BETWEEN = r"(?:also|has|have|had|then|now|again|once|previously|recently|repeatedly|later|earlier|today|yesterday)"


_ASKS_EACH = re.compile(r"\bhow much\b.*\b(?:each|apiece|a piece|per)\b", re.IGNORECASE)
_EACH = re.compile(r"[$£€¥]\s?\d[\d,.]*\s?(?:bn|m|k|billion|million)?\s+(?:each|apiece|a piece|per\s+\w+)\b")


def asks_each(question: str) -> bool:
    """Whether a question asks what each one costs ("How much is each 7E7 plane?")."""
    return bool(_ASKS_EACH.search(question))


def each_in(sentence: str) -> str | None:
    """The sum a sentence gives for each one ("$120m each" of "…a firm order for 30 of the aircraft, at $120m
    each"), or None."""
    found = _EACH.search(sentence)
    return found.group() if found else None


# "What show did Dick Clark present?": what someone did, asked with the verb.
_ASKS_DOING = re.compile(
    r"^\s*(?:[Ww]hat|[Ww]hich)\s+(?P<thing>(?:[\w'’-]+\s+){0,2}?)(?:did|does|do|has|have|had|will)\s+"
    r"(?P<subject>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?P<verb>[a-z]{3,})\b"
)


def asked_doing(question: str) -> tuple[str, str] | None:
    """The one asked about and the verb of "What show did Dick Clark present?" ("Dick Clark", "present"), or the
    thing of "What injury does Scott Gray have?" ("Scott Gray", "injury"); None when the question asks no such thing
    ("What did he say?" names no one; what someone said is read elsewhere)."""
    found = _ASKS_DOING.match(question)
    if found is None or found["verb"] in _SAYING:
        return None
    if found["verb"] == "have":  # "What injury does Scott Gray have?": the sentence saying what he has names it
        thing = found["thing"].split()
        return (found["subject"], thing[-1].lower()) if thing else None
    return found["subject"], found["verb"]


_SAYING = frozenset({"say", "tell", "write", "think", "believe", "mean", "want", "need"})


def says_the_verb(verb: str, sentence: str) -> bool:
    """Whether a sentence has a form of the verb, by its letters ("presented" for "present", "won" for "win"; not
    "good" for "go")."""
    forms = "|".join(re.escape(f) for f in (verb_stem(verb), *verb_forms(verb)))
    return re.search(rf"\b(?:{forms}){_ENDINGS}\b", sentence, re.IGNORECASE) is not None


_ENDINGS = r"(?:e|es|s|ed|d|ing|\w(?:ed|ing)|n|en)?"  # a regular form's ending, a doubled consonant's too


# The past forms of verbs news asks "Who…?" about most that are not the verb with "-ed".
_IRREGULAR = {
    "win": ("won",), "come": ("came",), "beat": ("beaten",), "lead": ("led",), "make": ("made",), "take": ("took",
    "taken"), "give": ("gave", "given"), "buy": ("bought",), "sell": ("sold",), "leave": ("left",), "become":
    ("became",), "run": ("ran",), "find": ("found",), "pay": ("paid",), "meet": ("met",), "lose": ("lost",), "hold":
    ("held",), "get": ("got",), "write": ("wrote", "written"), "choose": ("chose", "chosen"), "bring": ("brought",),
    "send": ("sent",), "build": ("built",), "tell": ("told",), "sing": ("sang", "sung"), "draw": ("drew", "drawn"),
    "go": ("went", "gone"), "fall": ("fell",), "rise": ("rose", "risen"), "say": ("said",), "see": ("saw", "seen"),
}  # fmt: skip


def verb_forms(verb: str) -> tuple[str, ...]:
    """A verb's past forms that are not it with "-ed" ("won", "brought"); none for a regular verb."""
    return _IRREGULAR.get(verb, ())


def verb_stem(verb: str) -> str:
    """What every regular form of a verb begins with: "present" of "present", "announc" of "announce"."""
    return verb[:-1] if verb.endswith("e") else verb


def wanted_labels(question: str) -> tuple[str, ...]:
    """The entity labels a question asks for, most wanted first; empty when it asks for no entity type."""
    q = question.lower()
    for pattern, labels in _QUESTION_TYPES:
        if pattern.search(q):
            return labels
    return ()


_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|"
    "zero"
)
_NUMBER = re.compile(rf"\d|\b({_NUMBER_WORDS}|half)\b", re.IGNORECASE)
# What an amount may be said with besides numbers: "only a little", "vast areas", "several", "most".
_SOME_AMOUNT = re.compile(
    r"\b(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|sixty|seventy|eighty|ninety|trillion|"
    r"third|quarter|once|twice|several|many|few|most|all|none|single|double|percent|majority|minority|little|large|"
    r"vast|much|more|less|some|numerous|countless|dozens|hundreds|thousands|millions|billions|bn|m)\b",
    re.IGNORECASE,
)
# Numbers that are part of a name, not an amount: "U2", "MP3", "the Six Nations", "Formula One".
_NAMED_WITH_DIGITS = re.compile(
    r"\b[A-Za-z]+\d\w*|(?<=[a-z,]\s)(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twenty)\s+[A-Z][a-z]+"
    r"|\b(?:Formula|Channel|Radio|Apollo|Catch|Big)\s+(?:One|Two|Three|Four|Five|\d+)\b"
)
_NUMBERED_NAME = re.compile(r"\b[A-Z][\w'’-]*\s+\d+\b")
# What a level is asked with: "What are interest rates expected to rise to?", "What are UK interest rates?".
_CHANGED_TO = re.compile(
    r"\b(?:rise|rises|rose|risen|fall|falls|fell|fallen|climb|climbed|drop|dropped|increase|increased|grow|grew"
    r"|grown|reach|reached|cut|raise|raised|lift|lifted|lower|lowered|go up|went up|gone up|go down|went down)"
    r"\s+to\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_ASKS_LEVEL = re.compile(
    r"^\s*what (?:is|are|was|were) (?:the )?(?:[\w'’-]+ ){0,3}(?:rates?|prices?|level|yield)\s*[?.!]*\s*$"
    r"|^\s*(?:where|at what level) did (?:the )?(?:[\w'’-]+ ){1,4}close\b"  # a market's close
    r"|^\s*what did (?:the )?(?:[\w'’-]+ ){1,4}(?:close|end|finish|open)(?: the day)? at\b",  # "What did … close at?"
    re.IGNORECASE,
)
# A level: a sum, a percentage, a decimal, pence ("more rate rises" is none, nor "2005")
_LEVEL = re.compile(r"[$£€¥]\d|\d\s?%|\d\.\d|\b\d+p\b|\d\s?(?:per ?cent|cents?|pence|dollars|pounds|euros|points)\b")
_TO_FIGURE = re.compile(  # "to 2.25%", "to six euros"
    rf"\bto\s+(?:about |around |nearly |almost |just )?(?:[$£€¥]?\d|(?:{_NUMBER_WORDS})\b)", re.IGNORECASE
)


def asks_level(question: str) -> bool:
    """Whether a question asks the level something is at or went to ("What are UK interest rates?", "What are
    rates expected to rise to?"): a figure answers it, not "more rate rises"."""
    return bool(_CHANGED_TO.search(question) or _ASKS_LEVEL.match(question))


def gives_a_level(question: str, sentence: str) -> bool:
    """Whether a sentence gives the level a question asks: asked what something went to, a figure after "to"."""
    if _CHANGED_TO.search(question):
        return bool(_TO_FIGURE.search(sentence))
    return bool(_LEVEL.search(sentence))


_ASKS_AMOUNT = re.compile(
    r"\bhow (?:many|much|big|large)\b|\bwhat (?:percentage|percent|number|amount)\b|\bwhat (?:was|is) the score\b",
    re.IGNORECASE,
)


_RATE = re.compile(r"\d\s?%|\b(?:per ?cent|percentage points?)\b", re.IGNORECASE)


def speed_in(question: str, sentence: str) -> str | None:
    """Asked how fast something goes, the speed the sentence gives ("3km/h" of "It is capable of 3km/h, which…");
    None for another question or no speed."""
    if not _ASKS_SPEED.search(question):
        return None
    found = _SPEED_GIVEN.search(sentence)
    return found.group() if found else None


# How fast something goes: "How fast can Asimo run?", "How fast were the winds?" ("How fast does the plague kill?"
# is answered by a time: "within eight days").
_ASKS_SPEED = re.compile(
    r"\bhow fast (?:(?:can|could|does|did|do|will|would)\s+(?:[\w'’-]+\s+){1,6}?(?:run|move|travel|fly|go|drive|swim"
    r"|walk|spin|rotate|sail|ride|race)|(?:is|are|was|were)\s+(?![^?]*\b\w+ing\s*\?)[^?]*\?)",
    re.IGNORECASE,
)
_SPEED_FIGURE = re.compile(
    r"\d\s?(?:mph|km/h|kph|knots)\b|\d\s?(?:miles|kilometres|kilometers|metres|meters|km|m)\s+(?:per|an|a)\s+"
    r"(?:hour|minute|second)\b"
    # a line's speed: "an eight megabit service", "2Mbps", "512 kbit/s"
    r"|(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred))\s?(?:mega|giga|kilo)bits?\b"
    r"|\d\s?(?:[mkg]bps|[mkg]b/s|[mkg]bit/s)(?!\w)",
    re.IGNORECASE,
)
_SPEED_GIVEN = re.compile(rf"(?:about |around |up to )?[\d.,]*(?:{_SPEED_FIGURE.pattern})", re.IGNORECASE)
# How fast, said in words or a speed: "is growing quickly", "9.81 metres per second squared" answer it ("its fastest
# rate in four years" does not).
_SPEED = re.compile(
    r"\b(?:quickly|rapidly|slowly|sharply|steadily|strongly|modestly|fast|slow|mph|km/h|per (?:second|minute|hour|day|"
    r"year))\b",
    re.IGNORECASE,
)


def says_no_amount(question: str, sentence: str) -> bool:
    """Whether a question asks how many, how much, how big or the score and the sentence gives no amount at all, in
    figures or words ("several", "a little", "vast areas" count), asks how fast something grew and it gives no rate,
    in figures or words ("quickly"), how fast something goes and it gives no speed ("3km/h"), or asks a level and it
    gives none: such a sentence cannot answer it, however close."""
    if _ASKS_RATE.search(question):
        return not (_RATE.search(sentence) or _SPEED.search(sentence))
    if _ASKS_SPEED.search(question):  # "How fast can Asimo run?": a speed ("3km/h"), not "four times as fast"
        return not _SPEED_FIGURE.search(sentence)
    if asks_level(question):  # "rise to?": the figure it goes to ("… to 2.25%")
        return not gives_a_level(question, sentence)
    if not _ASKS_AMOUNT.search(question):
        return False
    sentence = _NAMED_WITH_DIGITS.sub("", sentence)  # "U2", "the Six Nations": names, not amounts
    for name in _NUMBERED_NAME.findall(question):  # "Metal Slug 3", "Shrek 2": the question's own names
        sentence = sentence.replace(name, "")
    counted = _COUNTED.search(question)
    if counted and not re.fullmatch(_CURRENCIES, counted.group(1).lower()) and not _ASKS_MONEY.search(question):
        sentence = _MONEY.sub("", sentence)  # "How many levels…?" is not answered by "£20"
    if _ASKS_HOW_MUCH_CHANGED.search(question):
        sentence = _SPELL.sub("", sentence)  # "How much has support fallen?" is not answered by "in the past six years"
    sentence = _THAN_EXPECTED.sub("", sentence)  # "widened by more than expected" gives no amount
    return not (_NUMBER.search(sentence) or _SOME_AMOUNT.search(sentence))


_THAN_EXPECTED = re.compile(
    r"\b(?:more|less|further|faster|slower|bigger|smaller)\s+than\s+(?:had\s+been\s+|was\s+)?"
    r"(?:expected|forecast|predicted|anticipated|thought|hoped|feared)\b",
    re.IGNORECASE,
)


_ASKS_HOW_MUCH_CHANGED = re.compile(
    r"\bhow much (?:has|have|had|did|does|do|will|is|are|was|were)\b.*\b(?:fall|fallen|fell|rise|risen|rose|grow|grown"
    r"|grew|drop|dropped|increase|increased|decline|declined|change|changed|shrink|shrunk|gain|gained|lose|lost)\b",
    re.IGNORECASE,
)
# A spell of time: "in the past six years", "for two weeks" (how long, not how much).
_SPELL = re.compile(
    rf"\b(?:\d+|{_NUMBER_WORDS}|several|a few)\s+(?:years?|months?|weeks?|days?|decades?|hours?|quarters?)\b",
    re.IGNORECASE,
)


_COUNTED = re.compile(r"\bhow many (?:of (?:the|its|their|his|her|these|those) )?([a-z][\w-]*)", re.IGNORECASE)
_COUNTED_HEAD = re.compile(
    r"\bhow many (?:of (?:the|its|their|his|her|these|those) )?(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+"
    r"(?:did|does|do|were|was|are|is|have|has|had|will|would|could|can)\b",
    re.IGNORECASE,
)
_FIGURE = rf"(?:\d[\d,.]*|{_NUMBER_WORDS})"


def asks_how_many(question: str) -> bool:
    """Whether the question asks how many of something ("How many GameBoys does the project use?")."""
    return _COUNTED.search(question) is not None


def counts_what_is_asked(question: str, sentence: str) -> bool:
    """Asked how many of something, whether the sentence gives a figure of it, a few words before it ("the 500,000
    strong stock of PSPs") or in brackets after it, or of another of the question's words ("eight All-Pro
    selections" to "How many Panthers were designated All-Pro?"), or a share ("more than a quarter", "24%")."""
    counted = _COUNTED.search(question)
    stock = counted is not None and counted.group(1).lower() in ("shares", "share")  # a count of stock, not a share
    if gives_a_figure(question, sentence, reach=_COUNT_REACH) or (_A_SHARE.search(sentence) and not stock):
        return True  # a share answers how many too: "More than a quarter have bought software through spam"
    if counted is not None and counted.group(1).lower() in _WORKFORCE:  # "8,000 staff" to "How many people…?"
        workforce = "|".join(_WORKFORCE)
        return re.search(rf"\b{_FIGURE}[\s-]+(?:[\w-]+\s+)?(?:{workforce})\b", sentence, re.IGNORECASE) is not None
    own = [re.escape(w) for w in re.findall(r"[\w-]{4,}", question) if w.lower() not in _QUESTION_WORDS]
    return bool(own) and re.search(rf"\b{_FIGURE}[\s-]+(?:{'|'.join(own)})\b", sentence, re.IGNORECASE) is not None


def figures_of_what_is_counted(question: str, sentence: str) -> list[Found]:
    """Asked how many of something, each figure the sentence gives just before it ("70" of "more than 10,500
    firearms offences and 70 gun crime deaths" to "How many gun crime deaths were there?"), in order; empty when the
    question asks no count."""
    counted = _COUNTED_HEAD.search(question) or _COUNTED.search(question)
    if counted is None or counted.group(1).lower() == "times":
        return []  # "How many times did the Broncos cause turnovers?" counts turnovers, not times
    noun = re.escape(counted.group(1).lower().removesuffix("s"))
    figure = rf"{_FIGURE}(?:\s+(?:hundred|thousand|million|billion|trillion))?"  # "two billion" whole
    between = rf"(?:(?!(?:and|or|of|in|to|for|{_NUMBER_WORDS})\s)(?!\d)[\w-]+\s+){{0,{_COUNT_REACH}}}"
    shapes = (rf"\b(?P<figure>{figure})[\s-]+{between}{noun}", rf"{_OWN_ORDINAL}{between}{noun}")
    found = sorted(
        (m for shape in shapes for m in re.finditer(shape, sentence, re.IGNORECASE)), key=lambda m: m.start()
    )
    return [
        Found(m["figure"], m.start("figure"), m.end("figure"))
        for m in found
        if not re.search(rf"\b{re.escape(m['figure'])}\b", question)  # not "2006" of "…by 2006?"
        and m["figure"].lower() != "one"  # "one judge from each of the 28 member states" counts each's
    ]


# "her seventh Grand Slam title" counts hers so far ("her first … since 2003" says when, not how many)
_OWN_ORDINAL = (
    r"\b(?:her|his|their|its)\s+(?P<figure>(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|\d+(?:nd|rd|th)))\s+(?!(?:[\w-]+\s+){0,4}since\b)"
)


_A_SHARE = re.compile(r"\b(?:a|one|two|three)\s+(?:quarter|third|fifth|tenth)s?\b|\bhalf\b|\d\s?%|\bper\s?cent\b", re.I)
_WORKFORCE = ("people", "staff", "workers", "employees")  # who a firm employs, in any of these words
_COUNT_REACH = 3  # words between a figure and what it counts ("500,000 strong stock of PSPs")
_QUESTION_WORDS = frozenset({"many", "much", "does", "were", "have", "will", "would", "could", "there"})


def gives_a_figure(question: str, sentence: str, reach: int = 2) -> bool:
    """Whether the sentence gives a figure of what is asked: asked how many of something, a number just before it,
    ``reach`` words at most ("his 92-cap Wales career" to "How many caps…?"; "most seats" is no figure); asked how
    fast something grew, a rate; otherwise a number in figures."""
    if _ASKS_RATE.search(question):
        return bool(_RATE.search(sentence))
    if asks_level(question):
        return gives_a_level(question, sentence)
    sentence = _NAMED_WITH_DIGITS.sub("", sentence)
    counted = _COUNTED.search(question)
    if counted is None:
        return bool(re.search(r"\d", sentence))
    head = _COUNTED_HEAD.search(question)  # "yards" of "How many passing yards did…?", or its first word
    nouns = "|".join(re.escape(c.group(1).lower().removesuffix("s")) for c in (counted, head) if c is not None)
    noun = f"(?:{nouns})"
    # "10 new A380s", "three of the seats"
    between = rf"(?:(?!(?:and|or|but|in|to|for|with|at|on|by)\s)[\w-]+\s+){{0,{reach}}}"
    if re.search(rf"\b{_FIGURE}[\s-]+{between}{noun}", sentence, re.IGNORECASE):
        return True
    if re.search(rf"{_OWN_ORDINAL}{between}{noun}", sentence, re.IGNORECASE):
        return True  # "claimed her seventh Grand Slam title": her count so far
    # what is counted, then its figure in brackets: "…ranked first in the NFL yards allowed (4,530)"
    return bool(re.search(rf"\b{noun}\w*\s+(?:[\w-]+\s+)?\(\s*{_FIGURE}\s*\)", sentence, re.IGNORECASE))


# Asked how much was paid, cost or is worth: an amount of money is the answer, not "number one" or "20%".
_ASKS_MONEY = re.compile(
    r"\bhow much (?:[\w-]+ )?(?:money|cash|funding|funds)\b"
    r"|\bhow much\b.*\b(?:pa(?:y|ys|id|ying)|cost(?:s|ing)?|sp[ea]nd(?:s|ing)?|spent|worth|"
    r"s[eo]ll(?:s|ing)?|sold|b(?:uy|uys|ought|uying)|fined?|charged?|invest(?:ed|ing)?|earn(?:s|ed|ing)?|salary|fee)\b"
    # what a film or a sale took or made: "How much did Hide and Seek take?" (not "How much time did it take?")
    r"|\bhow much (?:did|does|do|has|have|had|will|would)\b.*\b(?:take[sn]?|took|taking|make[s]?|made|gross(?:ed)?)\b"
    # "At what price did Google sell its shares?", "What was the price per share?"
    r"|\b(?:at\s+)?what\s+price\b(?!\s+(?:of|rise|fall|increase|cut|war)\b)",
    re.IGNORECASE,
)
_CURRENCIES = (
    r"(?:dollars|pounds|euros|yen|francs|marks|rupees|yuan|pence|cents|lira|lire|roubles|rubles|pesos|krona|kronor|"
    r"crowns|rand|shillings|guineas|florins|dinars|ducats)"
)
_MONEY = re.compile(  # "$1.75bn" whole, "6 million lira", "eleven million crowns", "70p"
    rf"[$£€¥]\s?\d[\d,.]*(?:\s?(?:m|bn|million|billion)\b)?|(?:\d|\b{_FIGURE})\s?(?:m|bn|million|billion)?\s?"
    rf"{_CURRENCIES}\b|\d+p\b",
    re.IGNORECASE,
)


def says_no_money(question: str, sentence: str) -> bool:
    """Whether a question asks how much was paid, cost or is worth and the sentence gives no sum of money ("China's
    number one computer maker" to "How much is Lenovo paying for IBM's PC division?")."""
    if _ASKS_CHANGE.search(question) and not _MONEY_WORD.search(question) and _SHARE.search(sentence):
        return False  # "How much will US Airways cut flight attendants' pay?" of "…cuts pay by nearly 10%"
    return bool(_ASKS_MONEY.search(question)) and not _MONEY.search(sentence)


# asked how much something changes: a share answers as a sum does
_ASKS_CHANGE = re.compile(
    r"\bhow much\b.*\b(?:cut|cuts|cutting|rais\w*|increas\w*|reduc\w*|ris\w*|rose|fall\w*|fell|grow\w*|grew)\b",
    re.IGNORECASE,
)
_SHARE = re.compile(r"\d\s?%|\b(?:per ?cent|percent)\b", re.IGNORECASE)
_MONEY_WORD = re.compile(r"\b(?:money|cash|funds?|funding)\b", re.IGNORECASE)


def money_in(sentence: str, after: int = 0) -> str | None:
    """The sum of money a sentence gives at or after ``after`` (else its first), with the same sum in other
    currencies that follows it in brackets ("570 rupees (£6.80; $13)"), or None."""
    found = list(_MONEY.finditer(sentence))
    if not found:
        return None
    first = next((m for m in found if m.start() >= after), found[0])
    converted = _CONVERSION.match(sentence, first.end())
    return sentence[first.start() : converted.end() if converted else first.end()].strip()


_CONVERSION = re.compile(r"\s*\((?=[^)]*[$£€¥\d])[^()]{1,30}\)")


_ASKS_SCORE = re.compile(r"\bwhat (?:was|is|were) the (?:[\w-]+ )?score\b|\bby what score\b", re.IGNORECASE)
_ONE_SCORE = r"(?<!\d)(?<!\d[.,])\d{1,3}\s?[-–]\s?\d{1,3}(?!\d|%|[.,]\d)"
# a score with the sets after it and their tie-breaks: "6-3 3-6 6-2", "6-1 7-6 (7-4)"
_SET = r"\d{1,2}-\d{1,2}"
_SCORE = re.compile(rf"{_ONE_SCORE}(?:\s(?:\({_SET}\)\s)?{_SET}(?!\d|%|[.,]\d))*(?:\s\({_SET}\))?")


def asks_score(question: str) -> bool:
    """Whether a question asks for a match's score ("What was the half-time score between Italy and Wales?")."""
    return bool(_ASKS_SCORE.search(question))


def score_in(sentence: str, start: int = 0) -> str | None:
    """The first score a sentence gives from ``start`` ("4-0", "19-5", "24–10"; a tennis match's with all its sets,
    "6-3 3-6 6-2"), or None."""
    found = _SCORE.search(sentence, start)
    return found.group() if found else None


_DATE = re.compile(
    r"\b(1\d{3}|20\d{2})s?\b|\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|century|decade|year|today|yesterday)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+")


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A day or a year said as such: "24 March", "March 24", "March 2005", "in 1998" ("later this month" is none).
_GIVEN_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b|\b{_MONTH}\s+\d{{4}}\b|\b(?:1[5-9]|20)\d\d\b"
)
# not "When Iqbal promoted…, what did he encourage?", which asks what
_ASKS_WHEN = re.compile(r"^\s*(?:when|(?:on )?what (?:date|day))\b(?![^?]*,\s*(?:what|who|which|how|where)\b)", re.I)


def asks_when(question: str) -> bool:
    """Whether a question asks when ("When will the PSP go on sale?", "What date…?")."""
    return bool(_ASKS_WHEN.match(question))


def gives_a_date(sentence: str) -> bool:
    """Whether a sentence gives a day or a year ("on 24 March", "in 1998"), not only "later this month"."""
    return bool(_GIVEN_DATE.search(sentence))


def says_only_when_relative(sentence: str) -> bool:
    """Whether a sentence says when only relative to its own day ("later this month", "next week"), with no year,
    month, weekday or century at all: a close sentence giving the day says more."""
    return bool(_RELATIVE_TIME.search(sentence)) and not _SOME_DATE.search(sentence)


def says_no_time(sentence: str) -> bool:
    """Whether a sentence says no time at all, not even "after the war" or "last season" ("He told US TV show 60
    Minutes that Revenge of the Sith would be the darkest…" to "When does Revenge of the Sith open?")."""
    return not (_SOME_DATE.search(sentence) or _RELATIVE_TIME.search(sentence) or _SOME_TIME.search(sentence))


# words that say when in other ways than a date: "during", "after the war", "two days ago", "at the weekend"
_SOME_TIME = re.compile(
    r"\b(?:today|yesterday|tonight|now|ago|during|after|before|until|till|since|when|while|once|then|age|aged|"
    r"dawn|dusk|morning|afternoon|evening|night|weekend|season|seasons|years?|months?|weeks?|days?|hours?|decades?|"
    r"times?|era|period|ages|early|late|later|earlier|first|last|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
_SOME_DATE = re.compile(  # a year, a month, a weekday, a century ("may" and "march" as verbs are none)
    rf"(?<![$£€¥\d.,])\b(?:1\d{{3}}|20\d\d)s?\b|\b{_MONTH}\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\bcentury\b"
)
_RELATIVE_TIME = re.compile(
    r"\b(?:later|earlier|next|this|last|coming)\s+(?:month|week|year|season|spring|summer|autumn|winter)\b"
    r"|\b(?:tomorrow|soon|shortly)\b",
    re.IGNORECASE,
)


def type_match(labels: tuple[str, ...], sentence: str, question: str) -> float:
    """1.0 when the sentence holds the kind of phrase the question wants (a number, a date, a name), else 0.0.

    A cheap, spaCy-free test for ranking many candidates; it ignores words the question already has.
    """
    if not labels:
        return 0.0
    if labels[0] in ("DATE", "TIME"):
        return float(bool(_DATE.search(sentence)))
    if labels[0] in _NUMERIC or labels[0] == "QUANTITY":
        return float(bool(_NUMBER.search(sentence)))
    asked = {w.lower() for w in re.findall(r"\w+", question)}
    return float(any(m.group().lower() not in asked for m in _NAME.finditer(sentence)))


# A sentence saying what is asked is not known yet: "the specific taxes to be cut have not been announced", "have yet
# to reveal which taxes would be targeted", "details are not yet known", "for an undisclosed sum".
_MADE_KNOWN = (
    r"(?:announc|reveal|disclos|nam|decid|confirm|specifi|identif|unveil|releas|publish|agre|set|finalis|finaliz)"
)
_UNKNOWN = re.compile(
    rf"\b(?:(?:has|have|had|is|are|was|were)\s+(?:not|yet\s+to)\s+(?:yet\s+)?(?:been\s+|be\s+)?{_MADE_KNOWN}\w*"
    rf"|(?:is|are|was|were)\s+(?:not\s+(?:yet\s+)?|still\s+|as\s+yet\s+|yet\s+)?(?:unknown|undecided|unclear)"
    rf"|(?:is|are|was|were)\s+not\s+(?:yet\s+)?known"
    rf"|(?:did|do|does)\s+not\s+(?:say|reveal|disclose|name|specify)"
    rf"|declined\s+to\s+(?:say|reveal|disclose|name|specify))\b",
    re.IGNORECASE,
)
_UNDISCLOSED = re.compile(r"\b(?:undisclosed|unspecified|unnamed)\s+(?P<what>[a-z]+)", re.IGNORECASE)
_ASKED_NOUN = re.compile(r"^\s*(?:which|what)\s+(?P<noun>[a-z]{3,})\b", re.IGNORECASE)
_SUMS = {"sum", "amount", "fee", "price", "figure", "value", "fine", "bid", "payment", "sums", "amounts", "fees"}
_STEM = 5  # letters that say a word in any of its forms
_REACH = 60  # characters before the words that say it is not known in which what is not known is named


def may_be_not_known(question: str) -> bool:
    """Whether a sentence may say that what the question asks for is not known yet (``not_known_yet``): it asks
    which of a kind, or how much."""
    asked = _ASKED_NOUN.match(question)
    return asked is not None and asked["noun"].lower() not in _AUXILIARIES or _HOW_MUCH.match(question) is not None


_HOW_MUCH = re.compile(r"\s*how\s+much\b", re.IGNORECASE)
_NOT_SAID_HOW_MUCH = re.compile(
    r"\b(?:has|have|had|did|does|do|would|will)\s+not\s+(?:said|say|disclosed|disclose|revealed|reveal)\s+how\s+much\b"
    r"|\b(?:declined|refused|declines|refuses)\s+to\s+(?:say|disclose|reveal)\s+how\s+much\b",
    re.IGNORECASE,
)


def not_known_yet(question: str, sentence: str) -> bool:
    """Whether the sentence says that what the question asks for is not known yet: which of a kind ("Which taxes
    would the Tories cut?" of "…the specific taxes to be cut have not been announced") or how much ("for an
    undisclosed sum", "It has not said how much the system will cost to develop")."""
    undisclosed = _UNDISCLOSED.search(sentence)
    if undisclosed is not None and undisclosed["what"].lower() in _SUMS:
        return _HOW_MUCH.match(question) is not None
    own = {w[:_STEM] for w in re.findall(r"[a-z]{3,}", question.lower()) if w not in _AUXILIARIES | {"which", "what"}}
    said_words = {w[:_STEM] for w in re.findall(r"[a-z]{3,}", sentence.lower())}
    if 3 * len(own & said_words) < 2 * len(own):
        return False  # too little of the question: the sentence may say something else is not known
    unsaid = _NOT_SAID_HOW_MUCH.search(sentence) if _HOW_MUCH.match(question) else None
    if unsaid is not None:  # "How much will Sun Grid cost to develop?" of "It has not said how much the system will
        # cost to develop": what is not said is what is asked, all of it ("How much does Sun Grid cost?" is not)
        clause = re.split(r"[,;.]|\s(?:but|and|although|while)\s", sentence[unsaid.end() :], maxsplit=1)[0].lower()
        words = re.findall(r"[a-z]{3,}", re.sub(r"\b(?:the|its|their|this|that)\s+[a-z]+", "", clause))
        return {w[:_STEM] for w in words if w not in _AUXILIARIES | _SMALL} <= own
    asked = _ASKED_NOUN.match(question)
    if asked is None or asked["noun"].lower() in _AUXILIARIES:
        return False
    stem = asked["noun"].lower().rstrip("s")[:6]
    for said in _UNKNOWN.finditer(sentence):
        around = sentence[max(0, said.start() - _REACH) : said.end() + _REACH // 2].lower()
        if re.search(rf"\b{re.escape(stem)}", around):
            return True
    return False


_AUXILIARIES = {"did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"}
_SMALL = {"the", "for", "with", "from", "into", "been", "being", "any", "all", "one", "them", "they", "him", "her"}


# "How big are the Conservatives' planned tax cuts?": how big the thing its last words name is.
_SIZED = re.compile(
    r"^\s*how\s+(?:big|large|much|many)\s+(?:is|are|was|were|will\s+be)\s+(?P<thing>[\w\s'’-]+?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def sized_thing(question: str) -> tuple[str, ...]:
    """The words naming what a "How big is…?" question asks the size of, its last two ("tax", "cuts" of "the
    Conservatives' planned tax cuts"); empty for other questions."""
    asked = _SIZED.match(question)
    if asked is None:
        return ()
    words = [w for w in re.findall(r"[a-z][\w-]*", asked["thing"].lower()) if w not in ("the", "a", "an")]
    return tuple(words[-2:])


def place_in_a_table(question: str, sentence: str) -> str | None:
    """Asked where someone is in a league or a chart ("Where are Wolves in the Championship?"), the place the sentence
    gives ("17th", "number five"), not a place on a map ("Millwall"); None where it asks otherwise or gives none."""
    if _ASKS_PLACE_CAME.match(question):  # "Where did The Aviator come?": "…came third with $7.6m"
        found = _CAME.search(sentence)
        return found["place"] if found else None
    if not _ASKS_PLACE_IN.match(question):
        return None
    found = _POSITION.search(sentence)
    return found.group() if found else None


_TABLES = r"league|table|championship|premiership|division|standings|charts?|rankings?|box\s+office|top\s+\w+"
_ASKS_PLACE_IN = re.compile(
    rf"^\s*where\s+(?:is|are|was|were|did|does|do|will)\s+.+?\s+(?:in|on|at|top)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_TABLES})\b",
    re.IGNORECASE,
)
_ASKS_PLACE_CAME = re.compile(r"^\s*where\s+(?:did|does|do|will)\s+.+?\s+(?:come|finish|end\s+up|place)\b", re.I)
_ORDINALS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th)"
_CAME = re.compile(rf"\b(?:came|comes|finished|finishes|ended\s+up|placed)\s+(?P<place>(?i:{_ORDINALS}))\b")
_POSITION = re.compile(
    r"\b(?:(?:number|No\.?)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b|\d+(?:st|nd|rd|th)\b"
    r"|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+place\b)",
    re.IGNORECASE,
)


def asks_a_place_in_a_table(question: str) -> bool:
    """Whether the question asks where someone came or stands in a league, a chart or a race."""
    return bool(_ASKS_PLACE_CAME.match(question) or _ASKS_PLACE_IN.match(question))
