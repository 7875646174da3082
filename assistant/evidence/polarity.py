"""Whether the evidence says what a question asks is so: yes or no from its own words, and whether it says that
something happened or only that it would.

Yes or no: a sentence that says what a yes-or-no question asks, in its words, is a "yes"; said with "not", "never",
"without", a verb that undoes it ("failed to win") or its opposite ("lost" for "win"), or with another number ("two"
for "three mine-clearers"), a "no". The reader's yes/no head learned nothing usable from the data to be had here
(docs/evaluation.md), so the verdict a reader can check for themselves is the one given: the deciding sentence is
cited first, and a question whose words a sentence does not mostly repeat gets no verdict at all. How much it must
repeat (``min_verdict_match``) is fitted by ``python -m benchmarks.tune_yes_no`` on CoQA's CNN tuning stories.

Asked what happened, a sentence saying only what would happen if it did ("if the Conservatives won") does not answer;
one saying what will, may or is hoped to happen answers with that said beside it (``unrealised``); one about another
year than the question's does not answer (``other_years``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from assistant.question.nlp import nlp
from assistant.question.places import country

if TYPE_CHECKING:  # spaCy itself loads with its pipeline (question/nlp.py)
    from spacy.tokens import Doc, Token

Said = Literal["yes", "no"]
# how a sentence says it ("model": a language model said it)
How = Literal["said", "negated", "undone", "opposite", "other number", "a minority", "not yet", "model"]
Unrealised = Literal["conditional", "expected"]

# Verbs and adjectives whose opposite says "no" to a question asked with the other: news says "lost its case",
# asked "did it win"; each pair is read both ways.
_OPPOSITES = [
    ("win", "lose"),
    ("accept", "reject"),
    ("accept", "decline"),
    ("accept", "deny"),
    ("accept", "dispute"),
    ("approve", "reject"),
    ("pass", "fail"),
    ("rise", "fall"),
    ("increase", "decrease"),
    ("gain", "lose"),
    ("agree", "refuse"),
    ("confirm", "deny"),
    ("admit", "deny"),
    ("guilty", "innocent"),
    ("open", "close"),
    ("succeed", "fail"),
    ("include", "exclude"),
    ("allow", "ban"),
    ("remain", "leave"),
    ("join", "leave"),
    ("acquit", "convict"),
    ("up", "down"),
    ("higher", "lower"),
    ("more", "less"),
    ("above", "below"),
    ("agree", "reject"),
    ("win", "fail"),
    ("approve", "block"),
    ("approve", "veto"),
    ("support", "oppose"),
    ("back", "oppose"),
    ("favour", "oppose"),
    ("improve", "worsen"),
    ("improve", "fall"),
    ("improve", "deteriorate"),
    ("strengthen", "weaken"),
    ("agree", "rule out"),
    ("accept", "rule out"),
]
# Verbs that say another verb with their particle: "has ruled out taking part" says no to "agreed to take part".
_PHRASAL = {("rule", "out"): "rule out"}
# A change asked with a verb and said with "up" or "down": "Did Lenovo's sales rise?" of "sales were down 3.7%".
_DIRECTIONS = {
    "rise": "up",
    "increase": "up",
    "grow": "up",
    "climb": "up",
    "fall": "down",
    "drop": "down",
    "decrease": "down",
    "decline": "down",
}
# X beat Y: Y lost ("Eastwood pipped Scorsese to best director")
_BEATING = {"beat", "defeat", "overcome", "edge", "thrash", "overpower", "outclass", "trounce", "pip", "rout"}
# Words news uses for the same thing a question asks with: "Do the Tories support ID cards?" of "…are to back them".
_SAME_AS = [("support", "back", "endorse", "favour", "favor"), ("oppose", "resist", "object")]
_SAME = {word: tuple(w for w in group if w != word) for group in _SAME_AS for word in group}
# Nouns news uses for one thing a question names another way: "Did the riots carry on into Sunday?" of "trouble
# flared up again on Saturday and carried on into Sunday" (the same subject, not another one).
_ONE_THING = [
    ("riot", "protest", "trouble", "violence", "unrest", "clash", "demonstration", "disturbance", "fighting"),
    ("film", "movie", "picture"),
    ("firm", "company", "business", "group", "corporation"),
]
_ONE_THING_AS = {word: i for i, group in enumerate(_ONE_THING) for word in group}
_OPPOSITE = {
    word: tuple(b if a == word else a for a, b in _OPPOSITES if word in (a, b)) for pair in _OPPOSITES for word in pair
}
_POS = {"AUX": "VERB", "PROPN": "NOUN"}  # parts of speech that say the same thing here
# A verb that says the verb it governs did not happen: "failed to win", "refused to sign", "denied taking".
_UNDOING = {"fail", "refuse", "deny", "decline", "reject", "avoid", "stop", "cancel", "abandon", "drop", "halt"}
_AUXILIARIES = {"do", "be", "have", "will", "would", "can", "could", "shall", "should", "may", "might", "must"}
_BE = {"is", "are", "was", "were", "be", "been", "am"}
_DOING = {"do", "does", "did", "will", "can", "could", "would", "should"}  # what comes after them is a verb
_MODALS = {"should", "could", "would", "might", "may", "must"}
_MAY_BE = _MODALS | {"will"}  # asked with these, a sentence saying what would be answers ("he would not make…")
_FUTURE = {"will", "would", "could", "may", "might", "shall", "should", "'ll", "wo"}
_HOPING = {"hope", "expect", "plan", "want", "intend", "aim", "seek", "predict", "forecast", "propose", "threaten"}
_DENYING = {"deny", "dismiss", "reject", "refute", "rebut", "dispute", "contest"}
# Nouns whose "on X doing" is what they are about, not what happened: "the evidence on media violence causing harm".
_ABOUT = {"evidence", "research", "study", "proof", "link", "theory", "idea", "question", "debate", "fear", "concern"}
_CLAIMS = {"claim", "allegation", "accusation", "report", "rumour", "rumor", "suggestion", "speculation", "charge"}
_OTHER_ONES = {"previous", "another", "other", "earlier"}  # "a former executive" may be the one asked of
_FIRST_ONES = {"first", "last", "only", "second", "third"}
_PLACED = ("advmod", "prep", "prt")
_PREPOSITION_HOPS = 4  # "engage in the practice of sending": sending → of → practice → in → engage
_PARTICLES = {"up", "down", "back", "out", "off", "on", "over"}  # what "Is X up for…?" asks X is
_LIGHT_VERBS = {"have", "make", "give", "offer"}  # a noun after them says what its verb would ("made no comment")
_CHANCES = {
    "odds",
    "chance",
    "hope",
    "prospect",
    "bid",
    "attempt",
    "dream",
    "aim",
    "ambition",
    "quest",
}  # "…of winning"
_PLANS = {"plan", "intention", "intent", "desire", "wish", "ambition"}  # "no plans to sell" will not sell
_PARTS = {"part", "role", "hand", "say", "involvement"}  # what one had none of in something done
_REPORTING = {"say", "tell", "report", "suggest", "claim", "add", "believe", "think", "insist", "warn", "argue"}
_EXPECTING = {"expect", "predict", "forecast", "anticipate"}  # "Does Deloitte expect rates to rise?": "rates will fall"
_MAYBE_UNREALISED = re.compile(
    r"\b(?:will|would|could|may|might|shall|should|wo|if|unless|hop\w*|expect\w*|plan\w*|want\w*|intend\w*|aim\w*|"
    r"seek\w*|predict\w*|forecast\w*|propos\w*|threaten\w*|(?:is|are|was|were) to|going to)\b|'ll\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_BOUNDING = re.compile(
    r"\b(?:before|after|since|until|till|prior to|by|from|between)\s+(?:the\s+)?(?:end of\s+)?$", re.I
)
_MIN_UNITS = 2  # words a question must ask with, besides its auxiliary, for a verdict
_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}


@dataclass(frozen=True)
class Predicate:
    """What a yes-or-no question asks is so: a verb's or complement's lemma and its part of speech."""

    lemma: str
    kind: str
    subject: tuple[str, ...] = ()  # who or what it is asked of: its nouns, the head last, names capitalised
    modal: bool = False  # asked with "could", "should" or "would": what may be, not what is


@dataclass(frozen=True)
class Verdict:
    """Yes or no, the position of the sentence that says it among those read, how much of the question's words it
    repeats (0–1) and how it says it; ``cites``: how many sentences, from the first, it stands on once decided (a
    language model's, the passage it read)."""

    said: Said
    sentence: int
    match: float
    how: How
    cites: int = 1


def verdict_from(
    question: str, sentences: Sequence[str], min_match: float, min_units: int = _MIN_UNITS
) -> Verdict | None:
    """The verdict of the first of ``sentences`` (best first) that has the question's verb (or its opposite) and
    repeats at least ``min_match`` of its words, or None: no sentence says it in the question's words. A question
    of fewer than ``min_units`` words besides its auxiliary gets none ("Will he?"; a check of someone else's verdict
    may ask less: "Could it fire?" of "no longer able to fire")."""
    asked = nlp()(question)
    units, predicate = _units(asked), _predicate(asked) or _stated(asked)
    if len(units) < min_units or predicate is None:  # "Will he?", "Is that a felony?": too little to go on
        return None
    particles = {t.lower_ for t in asked if t.dep_ == "prt"}
    for position, doc in enumerate(nlp().pipe(sentences)):
        if predicate.lemma in _WINNING and _empty_handed(predicate, doc.text):
            return Verdict("no", position, 1.0, "opposite")  # "…but Shrek 2 … went home empty-handed"
        said = _saying(doc, predicate, units)
        if said is None:
            continue
        token, opposite = said
        extra = {c.lower_ for c in token.children if c.dep_ == "prt"} - particles
        if extra and _phrasal(token) not in _OPPOSITE.get(predicate.lemma, ()):
            continue  # "will stand down" says nothing of whether he will stand: another verb
        if _qualified_otherwise(asked, token):
            continue  # "A union representing 5,200 flight attendants … agreed" is not the mechanics' union
        words = _words(doc)
        if _someone_unnamed(predicate, token, doc):
            continue  # "A bookmaker has stopped taking bets" asked whether Ladbrokes did
        # The predicate said in other words or its opposite, and a number said differently ("two" for "three"), are
        # there, said otherwise.
        otherwise = {predicate.lemma} if token.lemma_.lower() != predicate.lemma else set()
        otherwise |= {t.lower_ for t in asked if t.like_num} if _other_number(asked, doc) else set()
        otherwise |= _one_thing_said(predicate.subject, _subject(token))  # "trouble" for the riots asked
        found = [u for u in units if _has(u, words, doc) or u in otherwise]
        if any(c not in found for c in _complements(asked, units)):
            continue  # "named in the Scotland squad" says nothing of being named captain
        match = len(found) / len(units)
        if match >= min_match and _ALL_ASKED.search(question) and _NOT_ALL.search(doc.text):
            return Verdict("no", position, match, "a minority")  # "work in "nearly all" current DVD players"
        if _ASKED_CAUSE.search(question):  # "Did McDonald's scrap its supersized meals because of the film?"
            if match >= min_match and _cause_denied(doc):
                return Verdict("no", position, match, "negated")  # "…but denied the move was as a result of…"
            if not _CAUSE_SAID.search(doc.text):
                continue  # what was done, not why: it says nothing of the cause asked about
        if match >= min_match and _claimed_untrue(doc, token):  # "claims Ms Kelly was in charge … were not true"
            return Verdict("no", position, match, "negated")
        if match >= min_match and _not_yet(token):
            if any(t.lower_ in _FUTURE and t.tag_ == "MD" for t in asked):
                continue  # "Will it be ratified?" of "must still be ratified": not decided yet
            return Verdict("yes" if opposite else "no", position, match, "not yet")
        if (
            match >= min_match
            and not _unsaid(token)
            and not _denied(token)
            and not _other_name(asked, doc)
            and not _in_question(token)
        ):
            verdict, how = _polarity(asked, doc, token, opposite)
            return Verdict(verdict, position, match, how)
    return None


# Asked whether someone won something: going home empty-handed says no
_WINNING = {"win", "get", "receive", "take", "collect", "pick"}
_EMPTY_HANDED = re.compile(
    r"\b(?:went|go|goes|going|came|come|comes|left|leave|leaves|walked|walk|walks)\s+(?:home\s+|away\s+)?"
    r"empty[- ]handed\b",
    re.IGNORECASE,
)


def _empty_handed(predicate: Predicate, sentence: str) -> bool:
    """Whether the sentence has the one the question asks of go home empty-handed: its name (the question's subject's
    last word) in the words just before ("Shrek 2, which had seven nominations, went home empty-handed")."""
    name = predicate.subject[-1] if predicate.subject else ""
    found = _EMPTY_HANDED.search(sentence)
    if found is None or len(name) < _MIN_NAME or name.lower() in ("they", "she", "him", "her", "them"):
        return False
    before = sentence[max(0, found.start() - _EMPTY_REACH) : found.start()]
    clause = re.split(r"\s(?:but|and|while|whereas)\s|;", before)[-1]
    return re.search(rf"\b{re.escape(name)}\b", clause, re.IGNORECASE) is not None


_EMPTY_REACH = 60  # characters before "went home empty-handed" where the one it is said of is named
_MIN_NAME = 3  # letters of a subject's word that may name it ("Shrek"), not "he"


# Asked of all, a sentence saying nearly all (or most) says no
_ALL_ASKED = re.compile(r"\b(?:all|every)\b", re.IGNORECASE)
_NOT_ALL = re.compile(r"\b(?:nearly|almost|not|virtually|practically)\s+[\"“‘']?(?:all|every)\b", re.IGNORECASE)
# Asked whether something was done for a cause, a sentence must say why: "because of", "as a result of"…
_ASKED_CAUSE = re.compile(r"\b(?:because\s+of|due\s+to|as\s+a\s+result\s+of|owing\s+to)\b", re.IGNORECASE)
_CAUSE_SAID = re.compile(
    r"\b(?:because|due\s+to|result\s+of|owing\s+to|thanks\s+to|caused|prompted|led\s+to|blamed|after|following"
    r"|reason)\b",
    re.IGNORECASE,
)


def _cause_denied(doc: Doc) -> bool:
    """Whether the sentence has someone deny that a cause was the cause ("denied the move was as a result of the
    negative publicity"): asked whether it was, no."""
    return any(
        token.lemma_.lower() in _DENYING and _CAUSE_SAID.search(" ".join(t.text for t in token.subtree))
        for token in doc
    )


# "claims Ms Kelly was in charge of … were not true": what a claim says, said to be false
_UNTRUE_CLAIM = re.compile(
    r"\b(?:claims?|reports?|suggestions?|allegations?|suggestion|rumours?)\b(?P<claim>.+?)\s+(?:were|was|is|are)\s+"
    r"(?:not\s+true|untrue|false|wrong|unfounded|incorrect|baseless|inaccurate|groundless)\b",
    re.IGNORECASE,
)


def _claimed_untrue(doc: Doc, token: Token) -> bool:
    """Whether ``token`` says what a claim says that the sentence says is false ("…added that claims Ms Kelly was in
    charge of a £1bn university research budget were not true"): then it says no."""
    return any(found.start("claim") <= token.idx < found.end("claim") for found in _UNTRUE_CLAIM.finditer(doc.text))


def _complements(asked: Doc, units: list[str]) -> list[str]:
    """The units naming what the question's verb makes of its subject ("captain" in "Has he been named captain?"):
    a sentence lacking them says nothing of it."""
    said = {t.lemma_.lower() for t in asked if t.dep_ in ("oprd", "dative") and t.pos_ == "NOUN"}
    return [u for u in units if u in said]


def _saying(doc: Doc, predicate: Predicate, units: Sequence[str] = ()) -> tuple[Token, bool] | None:
    """The sentence's word for the question's predicate, the same part of speech ("captained" is not "captain of
    Leicester"), and whether it is the opposite word; None when it has neither. Of several, the one whose clause
    repeats most of the question's ``units`` ("managed to get hold of some data, … failed to get customer credit card
    numbers" asked whether he got the card numbers), the first of those."""
    said = list(_sayings(doc, predicate))
    if len(said) < 2 or not units:
        return next(iter(said), None)
    asked = {u.lower() for u in units}
    return max(said, key=lambda s: len(asked & {t.lemma_.lower() for t in s[0].subtree}))


def _sayings(doc: Doc, predicate: Predicate) -> Iterator[tuple[Token, bool]]:
    """Every word of the sentence saying the question's predicate or its opposite, the same words first."""
    lemma, kind = predicate.lemma, predicate.kind
    same = (lemma, *_SAME.get(lemma, ()))
    opposites = dict.fromkeys(o for word in same for o in _OPPOSITE.get(word, ()))
    beaten = _beaten(doc, predicate)
    if beaten is not None:
        yield beaten, True  # "Did McKendry win?" of "Wasp … beat films by fellow nominees Gary McKendry": he lost
        return
    for wanted, opposite in (*((w, False) for w in same), *((o, True) for o in opposites)):
        for token in doc:
            if wanted not in (token.lemma_.lower(), _phrasal(token)) or _kind(token) != kind:
                continue
            if _others(predicate.subject, _subject(token)) and not _joined_subject(predicate.subject, token):
                continue  # said of someone else: "officials admitted…, but the ambassador denied…"
            if _another(token, predicate) or (_aimed_at(token) and not (predicate.modal and _no_plan(token))):
                continue  # "A previous Labour chancellor resigned", "the favourite to win": not what was asked
            if token.dep_ == "amod" and token.tag_ == "VBN" and kind == "VERB" and predicate.subject:
                continue  # "its recently unveiled Walkman phone" says nothing of who unveiled it
            if _not_yet(token):
                yield token, opposite  # "must still be ratified": not done yet, whatever the modal
                continue
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in token.children) and not predicate.modal:
                continue  # "he should be wearing stripes" does not say he was
            yield token, opposite
    if (direction := _DIRECTIONS.get(lemma)) is not None and kind == "VERB":
        for token in doc:
            if token.lower_ not in ("up", "down") or _kind(token) != "PARTICLE":
                continue
            if not _others(predicate.subject, _subject(token.head)):
                yield token, token.lower_ != direction  # "sales were down 3.7%" asked whether they rose


def _someone_unnamed(predicate: Predicate, token: Token, doc: Doc) -> bool:
    """Whether the sentence says it of "a" somebody ("A bookmaker has stopped…") where the question asks it of a
    name the sentence never gives: one of many, not the one asked of."""
    name = predicate.subject[-1] if predicate.subject else ""
    if not name[:1].isupper() or _has(name, _words(doc), doc):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "A former executive of Merrill Lynch has lost her case": described so as to be one, who is the one asked of
    return any([(c.dep_, c.lower_) for c in s.children] in ([("det", "a")], [("det", "an")]) for s in subjects)


def _phrasal(token: Token) -> str | None:
    """The verb a word says with its particle ("rule out" for "ruled … out"), or None."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return _PHRASAL.get((token.lemma_.lower(), particle)) if particle else None


def _beaten(doc: Doc, predicate: Predicate) -> Token | None:
    """Asked whether someone won, the verb by which the sentence has another beat them ("… beat films by fellow UK
    nominees Gary McKendry and Ashvin Kumar"); None when it has none."""
    if predicate.lemma != "win" or not predicate.subject or not predicate.subject[-1][:1].isupper():
        return None
    for token in doc:
        if token.lemma_.lower() not in _BEATING or token.pos_ != "VERB":
            continue
        objects = [c for c in token.children if c.dep_ in ("dobj", "npadvmod")]
        if any(c.dep_ == "dobj" for c in objects):  # "beat films by fellow UK nominees…", however "by" is attached
            objects += [c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
        beaten = {t.text for c in objects for t in c.subtree}
        if predicate.subject[-1] in beaten and predicate.subject[-1] not in _subject(token):
            return token
    return None


def _others(asked: tuple[str, ...], said: tuple[str, ...]) -> bool:
    """Whether two subjects (head noun last) are different ones: both known, sharing no word, and not a name
    against a common noun (news names Villalba "a former executive")."""
    if not asked or not said or set(asked) & set(said):
        return False
    if (known := country(" ".join(asked))) is not None and known == country(" ".join(said)):
        return False  # "the US" asked, "The United States" said
    if _one_thing(asked[-1], said[-1]):
        return False  # "the riots" asked, "trouble" said
    return asked[-1][:1].isupper() == said[-1][:1].isupper()


def _one_thing_said(asked: tuple[str, ...], said: tuple[str, ...]) -> set[str]:
    """The asked subject's head noun, where the sentence names the same thing in another word ("trouble" for
    "riots"); else nothing."""
    if not asked or not said or asked[-1] == said[-1]:
        return set()
    return {asked[-1]} if _one_thing(asked[-1], said[-1]) else set()


def _one_thing(asked: str, said: str) -> bool:
    """Whether two nouns are among the words news uses for one thing (``_ONE_THING``: "riot" and "trouble")."""
    return _ONE_THING_AS.get(asked, -1) == _ONE_THING_AS.get(said, -2)


def _qualified_otherwise(asked: Doc, token: Token) -> bool:
    """Whether the sentence's subject of ``token`` is another of the question's subject's kind: the question's says
    whose or which it is ("the mechanics' union") and the sentence's says it otherwise ("A union representing 5,200
    flight attendants"), without the question's word."""
    root = next((t for t in asked if t.dep_ == "ROOT"), None)
    wanted = next((t for t in asked if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"), None)
    said = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if root is None or wanted is None or said is None or said.lemma_.lower() != wanted.lemma_.lower():
        return False
    which = {_plain(c.text) for c in wanted.children if c.dep_ in ("poss", "compound", "amod") and c.pos_ != "DET"}
    own = [c for c in said.children if c.dep_ in ("acl", "relcl", "compound", "poss", "amod", "prep")]
    words = {_plain(t.text) for t in said.subtree}
    return bool(which) and bool(own) and not which & (words | {country(w) for w in words} - {None})


def _plain(word: str) -> str:
    """A word as compared: small letters, no dots, a country by its name ("U.S." is "US" is "United States")."""
    plain = word.lower().replace(".", "")
    return country(plain) or plain


def _another(token: Token, predicate: Predicate) -> bool:
    """Whether a word is said of another one than the person asked about: "A previous Labour chancellor resigned"
    does not say that Gordon Brown did."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    asked_a_name = bool(predicate.subject) and predicate.subject[-1][:1].isupper()
    return (
        asked_a_name
        and subject is not None
        and subject.pos_ == "NOUN"
        and any(c.dep_ == "amod" and c.lower_ in _OTHER_ONES for c in subject.children)
    )


def _aimed_at(token: Token) -> bool:
    """Whether a verb is what a noun or an act aims at, not what happened: "odds on favourite to win", "a bid to
    win", "trained to win", "odds of winning" (but "the first woman to be Speaker" was, and "went on to win" is a
    verb's complement)."""
    if token.dep_ == "pcomp" and {token.head.head.lower_, token.head.head.lemma_.lower()} & _CHANCES:
        return True  # "has 5/1 odds of winning the best actress Oscar", "hopes of winning": not won
    if not any(c.tag_ == "TO" for c in token.children):
        return False
    if token.dep_ == "advcl":  # "remains favourite to win", however it is parsed
        return True
    if token.dep_ != "acl" or token.head.pos_ != "NOUN":
        return False
    return not any(c.dep_ == "amod" and c.lower_ in _FIRST_ONES or c.tag_ == "JJS" for c in token.head.children)


def _no_plan(token: Token) -> bool:
    """Whether a word is what there is no plan or intention to do or have ("had no plans to sell the adapter outside
    Japan", "there are no plans in the pipeline for a new series"): asked what will be, it will not."""
    if token.dep_ == "acl":
        noun = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "for":
        noun = token.head.head
    else:
        return False
    return noun.lemma_.lower() in _PLANS and any(c.lower_ == "no" for c in noun.children)


def _joined_subject(asked: tuple[str, ...], token: Token) -> bool:
    """Whether what the question asks about is one of the things joined in the word's subject ("Has a theatre been
    announced?" of "with no cast, opening date or theatre announced")."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not asked:
        return False
    joined = (t for t in subject.subtree if t.i != subject.i and any(a.dep_ == "conj" for a in [t, *t.ancestors]))
    return asked[-1] in {_noun(t) for t in joined if t.pos_ in ("NOUN", "PROPN")}


def _noun(word: Token) -> str:
    return word.text if word.pos_ == "PROPN" else word.lemma_.lower()


def _subject(token: Token) -> tuple[str, ...]:
    """The head noun (with its compounds) of the subject a word is said of, names capitalised: its own subject, or
    for a complement or a second verb its head's."""
    for _ in range(3):
        found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found and found[0].tag_ in ("WDT", "WP") and token.dep_ == "relcl":  # "PCs, which run Windows": the PCs
            found = [token.head]
        if found:
            words = [*(c for c in found[0].children if c.dep_ == "compound"), found[0]]
            return tuple(_noun(w) for w in words if w.pos_ in ("NOUN", "PROPN"))
        owner = _owner(token)
        if owner:
            return owner
        if token.dep_ not in ("xcomp", "acomp", "attr", "conj", "ccomp") or token.head is token:
            break
        token = token.head
    return ()


def _owner(token: Token) -> tuple[str, ...]:
    """For a verb after a noun and its preposition, the name owning the noun, who does it: "hand Gavin Henson
    responsibility for taking the kick", "Henson's responsibility for taking the kick" (Henson takes it)."""
    if token.dep_ != "pcomp" or token.head.dep_ != "prep" or token.head.head.pos_ != "NOUN":
        return ()
    names = [c for c in token.head.head.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
    return tuple(_noun(w) for w in [*(c for c in names[0].children if c.dep_ == "compound"), names[0]]) if names else ()


def _polarity(asked: Doc, doc: Doc, token: Token, opposite: bool) -> tuple[Said, How]:
    """Whether the sentence says the question's predicate, and if not how it says the contrary."""
    if _other_number(asked, doc):
        return "no", "other number"
    if _minority(asked, token):
        return "no", "a minority"
    said: Said = "no" if opposite else "yes"
    if _negated(token) or _negated_above(token):
        return ("yes" if opposite else "no"), "negated"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _UNDOING:
        return ("yes" if opposite else "no"), "undone"
    if "with" in {t.lower_ for t in asked} and "without" in {t.lower_ for t in doc}:
        return "no", "negated"
    if _compared_otherwise(asked, token):  # "attracted less viewers than…" asked whether it attracted more
        return ("yes" if opposite else "no"), "opposite"
    return said, "opposite" if opposite else "said"


def _compared_otherwise(asked: Doc, token: Token) -> bool:
    """Whether the question compares with a word ("more", "higher") whose opposite ("less", "lower") the clause of
    ``token`` says instead."""
    wanted = {t.lower_ for t in asked} & _COMPARATIVES.keys()
    said = {t.lower_ for t in token.subtree}
    return any(said & _COMPARATIVES[word] and word not in said for word in wanted)


_COMPARATIVES = {
    "more": {"less", "fewer"},
    "less": {"more"},
    "fewer": {"more"},
    "higher": {"lower"},
    "lower": {"higher"},
    "bigger": {"smaller"},
    "larger": {"smaller"},
    "smaller": {"bigger", "larger"},
    "better": {"worse"},
    "worse": {"better"},
    "faster": {"slower"},
    "slower": {"faster"},
}


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a complement says something in ("was" of "I was pleased"); any other word itself."""
    return token.head if token.dep_ in ("acomp", "attr") else token


def _governors(token: Token) -> list[Token]:
    """The verbs a clause is said under, nearest first: "mean" of "did not mean that the firms were admitting…"."""
    heads = []
    token = _clause_verb(token)  # "pleased" of "I can't say I was overly pleased": "was"
    while token.dep_ in ("ccomp", "xcomp") and token.head is not token and len(heads) < 2:
        token = token.head
        heads.append(token)
    return heads


def _negated_above(token: Token) -> bool:
    """Whether a clause is said under a "not" ("did not mean that they were admitting any guilt"), or a doing under
    a verb's "not" through the nouns it hangs from ("does not engage in the practice of sending e-mails")."""
    if any(any(c.dep_ == "neg" for c in head.children) for head in _governors(token)):
        return True
    head = token
    for _ in range(_PREPOSITION_HOPS):
        if head.dep_ not in ("pcomp", "pobj", "prep") or head.head.i == head.i:
            break
        head = head.head
    return head.i != token.i and head.pos_ == "VERB" and any(c.dep_ == "neg" for c in head.children)


def _not_yet(token: Token) -> bool:
    """Whether a verb says what is still to be done: "must still be ratified", "has yet to be ratified", "still needs
    to be approved", "is still to be signed", "remains to be agreed"."""
    if any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children) and any(
        c.lower_ == "still" for c in token.children
    ):
        return True
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in _STILL_TO:
        return False
    return head.lemma_.lower() in ("need", "remain") or any(c.lower_ in ("yet", "still") for c in head.children)


_STILL_TO = {"have", "need", "be", "remain"}  # "has yet to", "still needs to", "is still to", "remains to"


def _unsaid(token: Token) -> bool:
    """Whether a clause is what someone did not say, deny or refuse ("did not say they won"): neither yes nor no."""
    return any(
        head.lemma_.lower() in _REPORTING | _UNDOING
        and any(c.dep_ == "neg" for c in head.children)
        and not _of_oneself(head, token)
        for head in _governors(token)
    )


def _of_oneself(head: Token, token: Token) -> bool:
    """Whether a speaker says it of themselves ("I can't say I was overly pleased"): not saying so is saying no."""
    speaker = {c.lower_ for c in head.children if c.dep_ == "nsubj"}
    clause = _clause_verb(token)
    return bool(speaker & {"i", "we"}) and speaker == {c.lower_ for c in clause.children if c.dep_ == "nsubj"}


def _in_question(token: Token) -> bool:
    """Whether a clause is what is asked or looked into, not said ("an investigation into whether Alitalia is
    receiving illegal state aid", "asked if he would stand"), or what a noun is about ("the evidence on media
    violence causing harm is wildly exaggerated"): neither yes nor no."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in [*token.children, *token.head.children]):
        return True
    if token.dep_ != "acl" or token.tag_ != "VBG":
        return False
    noun = token.head.head.head if token.head.dep_ == "pobj" else token.head  # causing → violence → on → evidence
    return noun.lemma_.lower() in _ABOUT


def _denied(token: Token) -> bool:
    """Whether a clause is what someone denies or dismisses ("has denied reports that she has pulled out", "denied
    that he knew"), or only what a claim says ("the claim that Lord Falconer had drafted the answer were the result
    of a mis transcription", "refused to give succour to suggestions it was preparing for strikes"): contested or
    reported, neither yes nor no."""
    token = _clause_verb(token)  # "giveaway" of "denied suggestions there will be a Budget giveaway": "be"
    if token.dep_ == "acl" and token.head.lemma_.lower() in _CLAIMS and any(c.lower_ == "that" for c in token.children):
        return True
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.left_edge.i > 0:  # "…suggestions it was preparing…", however it is parsed
        before = token.doc[subject.left_edge.i - 1]
        before = token.doc[before.i - 1] if before.lower_ == "that" and before.i > 0 else before
        if before.lemma_.lower() in _CLAIMS and before.pos_ == "NOUN":
            return True
    if token.dep_ == "acl" and token.head.dep_ in ("dobj", "nsubjpass"):  # "denied reports that…"
        governor = token.head.head
    elif token.dep_ == "ccomp":  # "denied that…"
        governor = token.head
    else:
        return False
    return governor.lemma_.lower() in _DENYING


def _negated(token: Token) -> bool:
    """Whether a word is said with "not"/"never" on it or on the verb it belongs to, with "no" on its subject or
    object ("made no major difference"), is what someone had no part in ("played no part in drafting the
    answer"), or is done "without" ("saved $1.1bn without cutting jobs")."""
    heads = [token, token.head] if token.dep_ in ("acomp", "attr", "xcomp", "dobj", *_PLACED) else [token]
    if any(child.dep_ == "neg" or child.lower_ in ("never", "no") for head in heads for child in head.children):
        return True
    if any(_no_longer(child) for head in _clause_heads(token) for child in head.children):
        return True  # "was no longer readily able to fire", "is no longer in office"
    if token.dep_ == "pcomp" and token.head.lower_ == "in" and _no_part(token.head.head):
        return True
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "has managed to save $1.1bn in costs without cutting jobs"
    if _no_plan(token):  # "had no plans to sell it"
        return True
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.lower_ == "no" for d in c.children) for c in token.children
    ):
        return True  # "with no cast, opening date or theatre announced", "no one was hurt", "made no difference"
    if _said_of_none(token):
        return True  # "No date for the vote has been set…", parsed with "set" hanging from "date"
    said = _after_auxiliary(token) if token.pos_ in ("ADJ", "NOUN") else None
    return said is not None and said.lower_ in ("not", "n't", "never")


def _said_of_none(verb: Token) -> bool:
    """Whether a verb the parse hangs from a noun before it, having no subject of its own, says what that noun, said
    with "no", is: "No date for the vote has been set" (the small model's parse makes "set" a clause of "date")."""
    head = verb.head
    return (
        verb.dep_ in ("advcl", "acl")
        and head.i < verb.i
        and any(d.dep_ == "det" and d.lower_ == "no" for d in head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _no_longer(word: Token) -> bool:
    return word.lower_ == "longer" and any(c.lower_ == "no" for c in word.children)


def _clause_heads(token: Token) -> list[Token]:
    """The word and the words above it up to its clause's verb, through complements ("fire" → "able" → "was" in "was
    no longer able to fire"): where a "no longer" on the clause is attached."""
    heads = [token]
    while heads[-1].dep_ in ("acomp", "attr", "xcomp", *_PLACED, "pobj") and heads[-1].head is not heads[-1]:
        heads.append(heads[-1].head)
        if len(heads) > 4:
            break
    return heads


def _no_part(verb: Token) -> bool:
    """Whether a verb has "no part", "no role" or "no hand" for its object ("played no part", "had no role")."""
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PARTS and any(d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _units(asked: Doc) -> list[str]:
    """What a sentence must repeat to say what the question asks: its names whole, and its other content words'
    lemmas (not the auxiliary it opens with, not its pronouns)."""
    # an entity never takes in the auxiliary the question opens with ("Will Channel 4" is Channel 4)
    names = [
        e[1:] if e.start == 0 and len(e) > 1 else e for e in asked.ents if e.label_ not in ("DATE", "TIME", "ORDINAL")
    ]
    in_names = {t.i for e in names for t in e}
    words = [
        t.lemma_.lower()
        for t in asked
        if t.i not in in_names and t.pos_ in _CONTENT and not t.is_stop and t.i > 0 and t.lemma_.lower() != "be"
    ]
    return list(dict.fromkeys([*(e.text for e in names), *words]))


def _kind(token: Token) -> str:
    if token.lower_ in _PARTICLES and token.dep_ in _PLACED and token.head.lemma_.lower() == "be":
        return "PARTICLE"  # "is not up for renegotiation", "is back in training"
    if token.pos_ in ("ADJ", "NOUN") and _after_auxiliary(token) is not None:
        return "VERB"  # "did not significantly prolong survival": a verb, whatever the parse takes it for
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in _LIGHT_VERBS:
        return "VERB"  # "had no comment", "made no comment": the noun says what the verb would
    return _POS.get(token.pos_, token.pos_)


def _after_auxiliary(token: Token) -> Token | None:
    """The auxiliary ("did", "will", "can") a word follows, past adverbs and "not", or None: what follows one is a
    verb. Its "not" is returned when there is one, for the negation the parse lost."""
    negation = None
    for before in reversed(token.doc[: token.i]):
        if before.lower_ in ("not", "n't", "never"):
            negation = negation or before
        elif before.pos_ != "ADV":
            return (negation or before) if before.lower_ in _DOING or before.lemma_ == "do" else None
    return None


def _named_between(asked: Doc, verb: Token) -> tuple[str, ...]:
    """The capitalised words between the opening auxiliary and the verb, as the subject a parse missed ("Did Scorsese
    win best director?", "Scorsese" taken for an adjective); empty when there are none."""
    words = asked[1 : verb.i]
    if asked[0].lemma_.lower() not in _AUXILIARIES or not words or not all(t.text[:1].isupper() for t in words):
        return ()
    return tuple(t.text for t in words)


def _predicate(asked: Doc) -> Predicate | None:
    """The question's main verb ("win" in "Did she win her case?"), or for "Is X guilty?" what it is said to be,
    with its subject; None for what is not a claim to check ("Was his chief of security in the convoy?").

    spaCy's small model often parses "Did Yukos file for bankruptcy?" with "Did" as the verb and "file" as a noun;
    the question without its opening auxiliary ("Yukos file for bankruptcy") is then parsed for its verb.
    """
    root = next((t for t in asked if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.lemma_.lower() == "be":
        complement = next((c for c in root.children if c.dep_ in ("acomp", "attr")), None)
        if complement is not None and complement.pos_ in ("ADJ", "NOUN"):
            return Predicate(complement.lemma_.lower(), _kind(complement), _subject(root))
        where = next((c for c in root.children if c.dep_ in _PLACED and c.pos_ in ("ADP", "ADV") and c.i > 1), None)
        if complement is None and where is not None and where.lower_ in _PARTICLES:  # "Is the rebate up for…?"
            return Predicate(where.lower_, "PARTICLE", _subject(root))
    if root.lemma_.lower() not in _AUXILIARIES or root.i != 0:
        said = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if root.lemma_.lower() in _REPORTING and said is not None:  # "Did he say he was leant on?": the leaning
            return _claimed(said)
        if root.lemma_.lower() in _EXPECTING and said is not None and (claimed := _claimed(said)) is not None:
            return replace(claimed, modal=True)  # what is expected is said as what will be
        if root.pos_ == "VERB":
            asked_as_future = any(c.dep_ == "aux" and c.lower_ in _MAY_BE for c in root.children)  # "Will he make…?"
            subject = _subject(root) or _named_between(asked, root)
            return Predicate(root.lemma_.lower(), "VERB", subject, asked_as_future)
        if root.pos_ == "NOUN" and asked[0].lower_ in _DOING:  # "Does the Federation support…": "support" a verb
            subject = tuple(_noun(t) for t in asked[1 : root.i] if t.pos_ in ("NOUN", "PROPN"))
            return Predicate(root.lemma_.lower(), "VERB", subject, asked[0].lower_ in _MODALS)
        return None
    named = 1
    while named < len(asked) and asked[named].pos_ == "PROPN":
        named += 1
    if named > 1 and named < len(asked) and asked[named].is_lower and asked[named].is_alpha and root.lower_ in _DOING:
        # "Did Iressa prolong survival…?": after "did" and a name comes the verb, whatever the parse takes it for
        verb = asked[named]
        subject = tuple(_noun(t) for t in asked[1:named])
        return Predicate(verb.lemma_.lower(), "VERB", subject, root.lower_ in _MAY_BE)
    rest = nlp()(asked[1:].text)
    verb = next((t for t in rest if t.dep_ == "ROOT"), None)
    if verb is None or verb.pos_ not in ("VERB", "ADJ", "NOUN") or (root.lower_ in _BE and verb.pos_ == "NOUN"):
        return None
    # After "did", "will" or "can" comes a verb, whatever the parse says ("file" taken for a noun); what comes
    # before it is who it is asked of.
    subject = tuple(_noun(t) for t in rest[: verb.i] if t.pos_ in ("NOUN", "PROPN"))
    return Predicate(verb.lemma_.lower(), "ADJ" if verb.pos_ == "ADJ" else "VERB", subject, root.lower_ in _MAY_BE)


def _stated(asked: Doc) -> Predicate | None:
    """For "Is Visual Radio television?", which spaCy's small model parses with no complement, what the question
    says as a statement says X is ("Visual Radio is television"): the first split of its words after the opening
    "is" (up to ``_STATED_SPLITS``) whose statement has a subject before the verb and a complement after it; None
    for a question not opening with a form of "be", or none such."""
    if len(asked) < 3 or asked[0].lower_ not in _BE:
        return None
    if any(t.pos_ == "VERB" and t.dep_ != "amod" for t in asked[1:]):
        return None  # "Was the diplomat asking people to…?", "Was Barkley serving a sentence?": a verb is asked
    if any(c.dep_ == "prep" for c in asked[0].children):
        return None  # "Was it in a regular jail?": where it is, not what it is
    words = [t.text_with_ws for t in asked[1:] if not t.is_punct or t.i < len(asked) - 1]
    inside = {t.i - 1 for e in asked.ents for t in e[1:]}  # words after which a split would cut a name
    for split in range(1, min(len(words), _STATED_SPLITS + 1)):
        if split in inside:
            continue  # "Visual is Radio television"
        said = nlp()(f"{''.join(words[:split]).strip()} {asked[0].lower_} {''.join(words[split:]).strip()}")
        verb = next((t for t in said if t.dep_ == "ROOT"), None)
        if verb is None or verb.i != split or verb.lemma_.lower() != "be":
            continue
        complement = next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.i > verb.i), None)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if (
            complement is not None
            and subject is not None
            and subject.pos_ in ("NOUN", "PROPN", "PRON")
            and said[split - 1].pos_ in ("NOUN", "PROPN", "PRON", "NUM")  # not "it in was a regular jail"
            and complement.pos_ in ("ADJ", "NOUN")
            and (subject.left_edge.i, subject.right_edge.i) == (0, split - 1)
            and (complement.left_edge.i, complement.right_edge.i) == (split + 1, len(said) - 1)
        ):  # the subject is all the words before the verb, the complement's phrase all those after it
            return Predicate(complement.lemma_.lower(), _kind(complement), _subject(verb))
    return None


_STATED_SPLITS = 6  # words after "is" tried as the subject's last, at most


def _claimed(said: Token) -> Predicate | None:
    """What a question asks someone said is so: the reported clause's verb, or what it says something is."""
    if said.lemma_.lower() == "be":
        complement = next((c for c in said.children if c.dep_ in ("acomp", "attr")), None)
        return Predicate(complement.lemma_.lower(), _kind(complement), _subject(said)) if complement else None
    modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in said.children)  # "…said the plan would fail"
    return Predicate(said.lemma_.lower(), "VERB", _subject(said), modal) if said.pos_ == "VERB" else None


def _words(doc: Doc) -> set[str]:
    return {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}


def _has(unit: str, words: set[str], doc: Doc) -> bool:
    """Whether the sentence repeats a word, or a name (whole, by its last word, or as the same country: "the US" for
    "the United States")."""
    if " " not in unit and not unit[:1].isupper():
        return unit in words
    text = doc.text.lower()
    if unit.lower().removeprefix("the ") in text or unit.split()[-1].lower() in words:
        return True
    known = country(unit)
    return known is not None and any(country(e.text) == known for e in doc.ents)


def _other_name(asked: Doc, doc: Doc) -> bool:
    """Whether the sentence says it of another name where the question names one after the same preposition
    ("against England" said, "against Italy" asked): a sentence about another match, not a verdict on this one."""
    for token in asked:
        if token.pos_ != "PROPN" or token.dep_ != "pobj":
            continue
        preposition, name = token.head.lower_, _name_words(token)
        said = [_name_words(t) for t in doc if t.pos_ == "PROPN" and _object_of(t) == preposition]
        if said and not any(_same_name(name, other) for other in said):
            return True
    return False


def _object_of(token: Token) -> str | None:
    """The preposition whose object the word is, or one of whose objects ("Wigan" of "for both Farrell and
    Wigan"); None otherwise."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.head.lower_ if token.dep_ == "pobj" else None


def _name_words(token: Token) -> list[str]:
    """A name's words: the proper noun with the ones compounded with it ("United States")."""
    return [t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token.text]


def _same_name(one: list[str], other: list[str]) -> bool:
    """Whether two names may be the same: a word shared, or one the other's initials ("US", "United States")."""
    initials = ("".join(w[0] for w in one), "".join(w[0] for w in other))
    return bool(set(one) & set(other)) or "".join(other) in initials or "".join(one) in initials


def _minority(asked: Doc, token: Token) -> bool:
    """Whether the question asks it of most ("Can most users tell…?") and the sentence says it of a share under
    half ("Only 18% of all searchers say they can tell…"): of most of them, no."""
    if not any(t.lower_ == "most" and t.dep_ in ("amod", "det", "nsubj", "advmod") for t in asked):
        return False
    for head in (token, *_governors(token)):
        for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
            shares = [float(m[1]) for m in _SHARE.finditer(" ".join(t.text for t in subject.subtree))]
            if shares:
                return all(share < 50 for share in shares)
    return False


_SHARE = re.compile(r"\b(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)")


def _other_number(asked: Doc, doc: Doc) -> bool:
    """Whether the question counts something the sentence counts differently ("three" asked, "two" said)."""
    for token in asked:
        if token.like_num and token.dep_ == "nummod":
            counted = token.head.lemma_.lower()
            said = [t for t in doc if t.like_num and t.dep_ == "nummod" and t.head.lemma_.lower() == counted]
            if said and all(t.lower_ != token.lower_ for t in said):
                return True
    return False


def unrealised(question: str, sentence: str) -> Unrealised | None:
    """How a sentence says less than a question asks when it asks what happened ("Who won…?", "How many seats did it
    win?"): "conditional" when it says it only on a condition ("if the Conservatives won"), "expected" when it says
    what will, would or may happen, or what someone hopes or plans ("…hopes Henry will be named", "…is to contest
    the seat"); None when it says it happened, or the question asks about the future or what someone said."""
    if not _MAYBE_UNREALISED.search(sentence):  # most sentences: no word that could say so, no parse
        return None
    asked = nlp()(question)
    if not _asked_as_done(asked):
        return None
    predicate = _predicate(asked)
    if predicate is not None and predicate.lemma in _REPORTING and not any(t.dep_ == "ccomp" for t in asked):
        return None  # "What did Lishman say about older voters?" is answered by what he said, "if…" and all
    doc = nlp()(sentence)
    said = _saying(doc, predicate) if predicate is not None else None
    verb = said[0] if said is not None else next((t for t in doc if t.dep_ == "ROOT"), None)
    # Past what someone said or reported, to what they said: one step from the question's own verb, up to three
    # from the sentence's root (a reporting root with nothing reported is no claim).
    for _ in range(1 if said is not None else 3):
        if verb is None or verb.lemma_.lower() not in _REPORTING:
            break
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb if said is not None else None)
    return _not_done(verb) if verb is not None else None


def done_before(question: str, sentence: str) -> bool:
    """Asked what will be ("When will the general election be held?"), whether the sentence says the question's verb
    as done already ("A British general election was last held in February 1974"): it tells when it was, not when it
    will be."""
    predicate = _future_predicate(question)
    said = _saying(nlp()(sentence), predicate) if predicate is not None else None
    if said is None:
        return False
    verb = said[0]
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


@lru_cache(maxsize=256)
def _future_predicate(question: str) -> Predicate | None:
    """The predicate of a question asking what will be, parsed once however many sentences are read for it; None
    for a question asking anything else."""
    return _predicate(nlp()(question)) if _WILL.search(question) else None


_WILL = re.compile(r"\b(?:will|shall|going to|due to|expected to)\b", re.IGNORECASE)


def _asked_as_done(asked: Doc) -> bool:
    """Whether a question is asked in the past ("did", "was named", "won") or perfect ("has … won")."""
    if any(t.lower_ in _FUTURE and t.tag_ == "MD" for t in asked):  # "What did he say the army would do?" ("May")
        return False
    if asked[0].lower_ in ("did", "was", "were") or any(t.lower_ == "did" for t in asked):
        return True
    root = next((t for t in asked if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    return root.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children)


def _not_done(verb: Token) -> Unrealised | None:
    """Whether a verb is said only on a condition, or as what will, would or may be, is hoped or planned."""
    if verb.dep_ == "advcl" and _on_condition(verb):
        return "conditional"
    # "If found guilty Aragones could face a fine": what would follow on a condition, said with "could" or "would"
    consequence = verb.head if verb.dep_ == "conj" else verb
    if any(c.dep_ == "advcl" and _on_condition(c) for c in consequence.children) and any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in consequence.children
    ):
        return "conditional"
    going = verb.head if verb.dep_ == "xcomp" else verb
    if verb.lemma_.lower() in _HOPING or (going.lemma_.lower() == "go" and _to_do(going)):
        return "expected"  # "The election is expected on 5 May", "We are going to be winning more seats"
    for token in (verb, verb.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE for c in token.children):
            # "will not face charges" is a decision already taken, not a hope
            return None if any(c.dep_ == "neg" for c in token.children) else "expected"
        if token is verb.head and verb.dep_ not in ("xcomp", "ccomp", "conj"):
            break
        if token is verb.head and token.lemma_.lower() in _HOPING:
            return "expected"
        if token is verb.head and verb.dep_ == "xcomp" and token.lemma_.lower() == "be":  # "is to contest"
            return "expected"
    if verb.lemma_.lower() == "be" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    ):  # "Kilroy-Silk is to contest the seat"
        return "expected"
    return None


def _to_do(verb: Token) -> bool:
    """Whether a verb goes on to what is to be done ("going to be winning")."""
    return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)


def _on_condition(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def years_in(text: str) -> set[str]:
    """The years a text names ("2005"), as written."""
    return set(_YEAR.findall(text))


def other_years(question: str, sentence: str) -> tuple[str, ...]:
    """The years a sentence speaks of when the question asks about another ("Who won the 2005 election?" of "…won
    the seat in 1997"): then it answers for another time. Empty when it names the question's year, names none, or
    the question's year bounds a span ("before 2000", "since 2001")."""
    asked = [m for m in _YEAR.finditer(question) if not _BOUNDING.search(question[: m.start()])]
    said = years_in(sentence)
    if not asked:
        return _other_relative_year(question, sentence)
    if not said or said & {m.group() for m in asked}:
        return ()
    return tuple(sorted(said))


# "last year's festival", "next year", "this year": a year said by its relation to the article's own
_RELATIVE_YEAR = re.compile(r"\b(last|next|this)\s+year\b", re.IGNORECASE)


def _other_relative_year(question: str, sentence: str) -> tuple[str, ...]:
    """The year a sentence names by its relation to today when the question names another that way ("Who will direct
    next year's Meltdown festival?" of "Last year's Meltdown festival, directed by … Morrissey"), when the sentence
    gives no year in figures; else empty."""
    asked = {m.lower() for m in _RELATIVE_YEAR.findall(question)}
    said = {m.lower() for m in _RELATIVE_YEAR.findall(sentence)}
    if len(asked) != 1 or not said or said & asked or _YEAR.search(sentence):
        return ()
    return tuple(f"{which} year" for which in sorted(said))
