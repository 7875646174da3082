"""The role a "Who…?" question asks about: the verb, whether its doer or what it was done to is asked for, and the
name the question gives the other ("Who beat France?": the subject of "beat", France its object). Parsed once per
question; the evidence step looks for a sentence with the verb, the answer step for the name in the role."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.question.found import Found
from assistant.question.nlp import nlp, question_parse
from assistant.question.post import asks_who, named_before, opens_unnamed
from assistant.question.wanted import says_the_verb, verb_forms

if TYPE_CHECKING:  # spaCy itself loads with its pipeline (question/nlp.py)
    from spacy.tokens import Doc, Span, Token

_ASKS_WHO = re.compile(r"^\s*(?:who|whom|(?P<which>which|what)\s+(?P<kind>\w+(?:\s+\w+)?))\b", re.I)
SUBJECTS = ("nsubj", "nsubjpass")
# Verbs a question asks through to the one it is about: "Who is expected to oppose…", "Who is likely to win…".
_RAISING = {"expect", "likely", "set", "due", "go", "tip", "tipped", "want", "plan", "hope", "seem", "appear", "try"}
# What a verb says nothing by itself about: "Who is…", "Who has…", "Who did…".
_EMPTY = {"be", "have", "do", "say", "tell"}
# "Which team won…?": the nouns that ask for who did something, as "who" does.
_DOERS = {
    "team", "side", "club", "company", "firm", "country", "nation", "party", "group", "organisation", "organization",
    "player", "man", "woman", "person", "official", "leader", "manager", "coach", "government", "bank", "band",
    "airline", "carrier", "network", "broadcaster", "newspaper", "minister", "politician", "candidate", "driver",
}  # fmt: skip


@dataclass(frozen=True)
class Role:
    """What a question asks for: the subject or the object of ``verb`` (a lemma); ``named``: the other argument when
    the question names it ("France" in "Who beat France?"), which the sentence's verb must have too."""

    verb: str
    subject: bool
    named: str | None = None
    given: tuple[str, ...] = ()  # the question's words, less the names it offers as a choice ("Spain and England")


@lru_cache(maxsize=256)
def asked_role(question: str) -> Role | None:
    """The role a "Who…?" or "Which team…?" question asks about, or None when it asks about none (or about "be")."""
    asks = _ASKS_WHO.match(question)
    if asks is None or asks["which"] and not any(_singular(w) in _DOERS for w in asks["kind"].lower().split()):
        return None  # most "What…?" questions: no parse
    doc = question_parse(question)
    wh = doc[0]
    if wh.lower_ in ("which", "what"):
        if wh.dep_ != "det" or wh.head.lemma_.lower() not in _DOERS:
            return None  # "What did he say?", "What percentage…?" ask for a thing, not for who
        wh = wh.head  # "Which team won…?": the team is the role
    # The doer is asked for as an active verb's subject; a passive's subject ("Who was appointed…?") is the one
    # the verb was done to, as is an object ("Who did Wales beat?").
    verb, subject = wh.head, wh.dep_ == "nsubj"
    if wh.dep_ not in (*SUBJECTS, "dobj", "dep"):
        return None
    if verb.lemma_ == "do" and wh.dep_ == "nsubj":
        # "Which companies did Yukos sue?" parsed as the companies doing: the other verb's object is asked for.
        done = verb.head if verb.pos_ == "AUX" else next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if done is not None and done.pos_ == "VERB" and done is not verb:
            verb, subject = done, False
    if wh.dep_ == "dep":  # "Who does Castaignede think should start…?": the subject of the clause thought
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and not subjects(c)), None)
        if verb is None:
            return None
        subject = True
    if wh.dep_ in SUBJECTS:
        while verb.lemma_.lower() in _RAISING:  # "Who is expected to oppose…": the opposing is asked about
            raised = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if raised is None and verb.lemma_.lower() == "want" and any(c.dep_ == "dobj" for c in verb.children):
                break  # "Who wants a date set…?": the wanting itself
            if raised is None:
                return None
            verb, subject = raised, True
    # "Who will Hearts of Oak play…?" tags "play" a noun: a word with an auxiliary of its own is a verb
    if verb.pos_ != "VERB" and not any(c.dep_ == "aux" for c in verb.children) or verb.lemma_.lower() in _EMPTY:
        return None
    other = next((c for c in verb.children if c.dep_ == ("dobj" if subject else "nsubj") and c is not wh), None)
    if other is None and not subject:  # the doer misparsed as a compound of the verb ("did Yukos sue")
        other = next((c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    named = other.text if other is not None and other.pos_ == "PROPN" else None
    offered = {t.i for t in doc if t.pos_ == "PROPN" and _coordinated(t)}
    given = tuple(t.lower_ for t in doc if t.i not in offered)
    return Role(verb.lemma_.lower(), subject, named, given)


def done_by_the_named(question: str, sentence: str) -> Found | None:
    """Asked which thing someone the question names did something to ("Which film did Boogeyman knock from the top
    spot?", "What has Connectotel unveiled?"), the object the sentence gives the same verb with them its subject:
    its name where a noun has one after it ("Hide and Seek" of "…Boogeyman has knocked Robert de Niro thriller Hide
    and Seek from the top"), else the object up to a comma ("software that will expand the SMS functions of Skype");
    None when the question asks no such thing or the sentence does not say it."""
    found = object_of_the_named(question, sentence)
    return found[0] if found is not None else None


def object_of_the_named(question: str, sentence: str) -> tuple[Found, int] | None:
    """:func:`done_by_the_named`'s object and where its head word starts."""
    if _ASKS_DONE_TO.match(question) is None:
        return None
    verb = next((t for t in question_parse(question) if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)
    doer = next((t for t in question_parse(question) if t.dep_ == "nsubj" and t.pos_ == "PROPN"), None)
    if verb is None or doer is None:
        return None
    if any(c.dep_ == "dobj" and c.i > doer.i for c in verb.children):
        return None  # "What did Venus Williams blame her defeat on?" asks for more than what was blamed
    for token in parsed(sentence):
        if token.lemma_.lower() != verb.lemma_.lower() or token.pos_ != "VERB":
            continue
        done = next((c for c in token.children if c.dep_ == "dobj"), None)
        doers = [t.lower_ for c in token.children if c.dep_ == "nsubj" for t in c.subtree]
        if done is None or doer.lower_ not in doers:
            continue
        named = next((c for c in done.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        head = named or done
        # the thing, up to a comma and without what is said of where, when or how ("…Switching with the goal to…")
        said = {t.i for c in head.subtree if c.dep_ == "prep" and c.lower_ != "of" and c.i > head.i for t in c.subtree}
        words = [t for t in head.subtree if t.i not in said]
        comma = next((t.i for t in words if t.text == "," and t.i > head.i), None)
        words = [t for t in words if comma is None or t.i < comma]
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if len(_content(sentence[start:end]) & _content(question)) > 1:
            return None  # the question names the thing itself ("propose payments of benefits to be made on?")
        return Found(sentence[start:end], start, end), head.idx
    return None


def _content(text: str) -> set[str]:
    """The words of four letters or more that say something, by their first five letters."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _FUNCTION_WORDS}


_FUNCTION_WORDS = frozenset({"that", "this", "with", "from", "have", "will", "what", "which", "their", "there"})
_ASKS_DONE_TO = re.compile(
    r"^\s*(?i:which|what)(?:\s+\w+)?\s+(?i:did|does|do|has|have|had|will|would)\s+"
    r"(?!(?i:it|he|she|they|you|we|i)\b)[A-Z]"
)


def maker_of(question: str, sentence: str) -> str | None:
    """Asked who made (directed, wrote…) something the question names, the one the sentence gives it to by a
    possessive: "Martin Bashir" of "…the airing of Martin Bashir's film Living with Michael Jackson" to "Who made the
    documentary Living with Michael Jackson?"; None when the question asks no maker or the sentence has none."""
    role = asked_role(question)
    if role is None or not role.subject or role.verb not in _MAKING:
        return None
    doc = parsed(sentence)
    title = _title_named(question, doc)
    if title is None:
        return None
    # the possessive on the title itself ("Clint Eastwood's Million Dollar Baby") or on the noun before it
    heads = [title.root, title.root.head, *(t for t in title if t.dep_ == "appos")]
    before = doc[title.start - 1] if title.start > 0 else None
    if before is not None and before.pos_ == "NOUN":
        heads.append(before)
    for head in heads:
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None:
            words = [t for t in owner.subtree if t.dep_ != "case"]
            return sentence[words[0].idx : words[-1].idx + len(words[-1])]
    return None


_MAKING = {"make", "direct", "write", "produce", "create", "film", "shoot", "compose", "design", "pen", "develop"}


def _title_named(question: str, doc: Doc) -> Span | None:
    """The longest run of the question's capitalised words (after its first) the sentence also has, two words at
    least: the title the question names ("Living with Michael Jackson")."""
    words = question.rstrip("?").split()[1:]
    runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(len(words), i + 1, -1)]
    for run in sorted(runs, key=len, reverse=True):
        if not run[:1].isupper() or not run.split()[-1][:1].isupper():
            continue
        at = doc.text.find(run)
        span = doc.char_span(at, at + len(run)) if at >= 0 else None
        if span is not None:
            return span
    return None


def may_say_the_verb(question: str, sentence: str) -> bool:
    """Whether a sentence has a form of the asked role's verb, by its letters alone (no parse): "won" for "win"."""
    role = asked_role(question)
    return role is not None and says_the_verb(role.verb, sentence)


# Verbs news says a doing with that a question may ask in other words: "Who rejected…?" of "…has dismissed…".
_ALIKE = {
    "reject": ("dismiss", "rebuff", "spurn", "refuse"),
    "criticise": ("attack", "condemn", "slam", "criticize"),
    "buy": ("acquire", "purchase"),
    "quit": ("resign", "leave"),
    "sack": ("fire", "dismiss"),
    "defeat": ("beat",),
    "beat": ("defeat",),
}


def verbs_alike(verb: str) -> tuple[str, ...]:
    """The words news may say a doing with that a question asks with ``verb`` ("dismiss" for "reject")."""
    return _ALIKE.get(verb, ())


def says_it_in_any_words(verb: str, sentence: str) -> bool:
    """Whether a sentence has a form of the verb or of a word alike ("defeated" for "beat")."""
    return any(says_the_verb(v, sentence) for v in (verb, *verbs_alike(verb)))


@lru_cache(maxsize=64)
def parsed(sentence: str) -> Doc:
    """A sentence's parse, once per question: the evidence step's checks of the role and the answer step's reading of
    it (the reader's phrase, the role, its other way round) read the same one."""
    return nlp()(sentence)


def names_someone(sentence: str, span: tuple[int, int] | None) -> bool:
    """Whether the phrase at ``span`` names someone who may do or be done something: a person, an organisation, a
    place, or a people as a noun ("the Arizona Cardinals"; not "Ghanaian" of "an all Ghanaian final")."""
    if span is None:
        return False
    doc = parsed(sentence)
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    named = [e for e in doc.ents if e.start < words.end and words.start < e.end and e.label_ in _PARTIES]
    return any(e.label_ != "NORP" or e.root.pos_ in ("NOUN", "PROPN") for e in named)


_PARTIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_NAMED = frozenset({"PERSON", "ORG"})  # who can be named where a sentence only describes them


def only_describes(sentence: str, span: tuple[int, int] | None) -> bool:
    """Whether the phrase at ``span`` describes someone without naming them: its head a singular noun, no person or
    organisation named in it ("London's most senior police officer", "a business partner")."""
    words = _words_at(sentence, span)
    if words is None or words.root.tag_ != "NN":  # one described, not a class ("graduate and undergraduate students")
        return False
    return not any(t.ent_type_ in _NAMED for t in words)


def is_subject(sentence: str, span: tuple[int, int] | None) -> bool:
    """Whether the phrase at ``span`` is the subject of its verb ("…, London's most senior police officer has
    said")."""
    words = _words_at(sentence, span)
    return words is not None and words.root.dep_ in SUBJECTS


def names_one(sentence: str, span: tuple[int, int] | None) -> bool:
    """Whether the phrase at ``span`` names a person or an organisation ("Sir Ian Blair", "Yeahronimo Media
    Ventures")."""
    words = _words_at(sentence, span)
    return words is not None and any(t.ent_type_ in _NAMED and t.pos_ == "PROPN" for t in words)


def _words_at(sentence: str, span: tuple[int, int] | None) -> Span | None:
    return parsed(sentence).char_span(*span, alignment_mode="expand") if span is not None else None


def in_the_verbs_clause(verb: str, sentence: str, span: tuple[int, int]) -> bool:
    """Whether the phrase at ``span`` of the sentence is part of the clause of the verb (a lemma) there ("Asante
    Kotoko" of "they will play Asante Kotoko" to "Who will Hearts of Oak play?"; "23 December" of "have until 23
    December to respond"), not of another verb's ("Javier Irureta said: '…we have now gone six games … without
    scoring'" to "Who scored the goal…?")."""
    doc = parsed(sentence)
    words = doc.char_span(*span, alignment_mode="expand")
    forms = {verb, *verb_forms(verb)}
    clauses = []
    for token in doc:
        if token.lemma_.lower() in forms or token.lower_ in forms:
            while token.dep_ == "xcomp" and token.head is not token:  # "have until 23 December to respond"
                token = token.head
            clauses.append(token)
    return words is not None and any(words.root in clause.subtree for clause in clauses)


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _coordinated(token: Token) -> bool:
    """Whether a word is one of two or more joined by "and" or "or" ("between Spain and England")."""
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def subjects(verb: Token) -> list[Token]:
    """A verb's subjects, active or passive."""
    return [c for c in verb.children if c.dep_ in SUBJECTS]


def answered_before(question: str, sentence: str, before: str, read: tuple[int, int] | None) -> Found | None:
    """Asked who did or is something, the person the sentence before names, where the sentence speaks of them
    without naming them (``named_before``) and the reader's phrase there (at ``read``) names no one ("Who created
    iPodder?" of "He was one of a community of people who created iPodder"); None otherwise. Not asked whom
    someone did something to ("Who did Federer beat?"): that is not the sentence's subject. Asked which one did
    something ("Which show won best TV comedy?"), where the sentence opens with one of that kind described ("The BBC
    show beat The Office…"), the one the sentence before has for its subject ("…Little Britain has triumphed…")."""
    noun = _which_did(question)
    if noun is not None:
        return _subject_named_before(noun, sentence, before)
    if not asks_who(question) or _WHOM.match(question) or not opens_unnamed(sentence):
        return None  # most sentences: no parse
    if names_someone(sentence, read) and not (_is_what_asked(question, sentence) or _opening_did(question, sentence)):
        return None  # "…in the absence of Ospreys loose-head Duncan Jones" is no answer to "Who is the only…?"
    return named_before(sentence, before)


def _opening_did(question: str, sentence: str) -> bool:
    """Whether the one the sentence opens with, unnamed, is the subject of the question's verb there: "The
    21-year-old singer won the award for best female artist, with … Shannon Noll taking…" to "Who won best female
    artist?"."""
    role = asked_role(question)
    if role is None or not role.subject:
        return False
    asked = _asked_words(t for t in question_parse(question) if t.lemma_.lower() == role.verb)
    if not asked:
        return False
    for verb in (t for t in parsed(sentence) if t.lemma_.lower() == role.verb and t.pos_ in ("VERB", "AUX")):
        opening = any(c.dep_ in SUBJECTS and c.left_edge.i == 0 for c in verb.children)
        if opening and asked <= _objects_words([verb]):  # "won the award for best female artist",
            return True  # not best male ("…with Shannon Noll taking the title of best male")
    return False


def _asked_words(verbs: Iterable[Token]) -> set[str]:
    """The lemmas of the content words after the question's verb, but where and when ("best female artist" of "Who
    won best female artist at the Australian MTV awards?")."""
    after = (c for v in verbs for c in v.rights if not (c.dep_ == "prep" and c.lower_ in _WHERE_WHEN))
    return {t.lemma_.lower() for c in after for t in c.subtree if not t.is_stop and t.is_alpha}


_WHERE_WHEN = frozenset({"at", "in", "on", "during", "since", "until"})
_COMPLEMENTS = frozenset({"dobj", "prep", "attr", "dative", "oprd"})
_ASIDE = frozenset({"with", "while", "as", "after", "before"})  # a preposition opening another's doing


def _objects_words(verbs: Iterable[Token]) -> set[str]:
    """The lemmas of the content words of these verbs' objects and complements, not of asides."""
    objects = [c for v in verbs for c in v.children if c.dep_ in _COMPLEMENTS]
    return {t.lemma_.lower() for o in objects for t in _without_asides(o) if not t.is_stop and t.is_alpha}


def _without_asides(token: Token) -> Iterator[Token]:
    """The token's subtree, less what hangs under a preposition opening another's doing ("with … taking…")."""
    if token.dep_ == "prep" and token.lower_ in _ASIDE:
        return
    yield token
    for child in token.children:
        yield from _without_asides(child)


def _is_what_asked(question: str, sentence: str) -> bool:
    """Whether the sentence's subject is said to be what "Who is …?" describes: "The 21-year-old Blues prop is the
    only uncapped player…" to "Who is the only uncapped player in the Wales squad?", "He's considered the Eminem of
    Argentina" to "Who is considered the Eminem of Argentina?"."""
    asked = _WHO_IS.match(question)
    if asked is None:
        return False
    described = r"\s+".join(map(re.escape, asked["what"].split()[:_DESCRIBING_WORDS]))
    return re.search(rf"(?:\b(?:is|was)|['’]s)\s+{described}\b", sentence, re.IGNORECASE) is not None


_WHO_IS = re.compile(r"^\s*(?i:who)\s+(?i:is|was)\s+(?P<what>[^?]+)")
_DESCRIBING_WORDS = 4  # "the only uncapped player": enough to know the sentence says it


def _subject_named_before(noun: str, sentence: str, before: str) -> Found | None:
    """The name the sentence before has for its subject, where ``sentence`` opens with "The … <noun>" and its verb:
    the proper nouns straight before its verb."""
    kinds = "|".join(map(re.escape, _KINDS.get(noun, (noun,))))
    if re.match(rf"^\s*The\s+(?:[\w'’-]+\s+){{0,3}}?(?:{kinds})s?\s+(?!{_NOT_A_VERB}\b)[a-z]+", sentence) is None:
        return None  # not "The former administrative building of Lothian Regional Council…": that names it
    doc = nlp()(before)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    # the last run of proper nouns before the verb, however the subject is parsed ("Top TV cult hit Little Britain")
    names = [t for t in doc[: root.i] if t.pos_ == "PROPN"]
    if not names or any(t.pos_ not in ("AUX", "ADV", "PART") for t in doc[names[-1].i + 1 : root.i]):
        return None
    last = names[-1]
    first = last
    while first.i > 0 and (
        doc[first.i - 1].pos_ == "PROPN" or doc[first.i - 1].text[:1].isupper() and doc[first.i - 1].pos_ == "NUM"
    ):
        first = doc[first.i - 1]  # "Million Dollar Baby", its "Million" a number to the parse
    return Found(before[first.idx : last.idx + len(last)], first.idx, last.idx + len(last))


_NOT_A_VERB = r"(?:of|in|at|on|for|from|with|by|to|and|or|that|which|who|whose)"
# The words news describes one of a kind with once it has named it ("The boxing drama was named best picture").
_KINDS = {
    "film": ("film", "movie", "drama", "comedy", "biopic", "thriller", "documentary", "epic", "picture"),
    "show": ("show", "programme", "series", "sitcom", "comedy", "drama"),
    "team": ("team", "side", "club"),
    "club": ("club", "side", "team"),
    "company": ("company", "firm", "group", "giant", "maker", "retailer", "bank"),
    "firm": ("firm", "company", "group", "giant", "maker", "retailer", "bank"),
    "band": ("band", "group", "act", "trio", "quartet", "four-piece", "five-piece"),
}


def _which_did(question: str) -> str | None:
    """The noun of "Which show won…?", asked which one of a kind did something (its subject): "show"; None for
    "Which show did he present?", "What is the axis…?" and questions not asking which one."""
    if not _WHICH.match(question):
        return None
    doc = question_parse(question)
    noun = doc[0].head if doc[0].dep_ == "det" else None
    if noun is None or noun.dep_ not in SUBJECTS or noun.head.pos_ != "VERB" or noun.head.lemma_.lower() == "be":
        return None
    return noun.lemma_.lower()


# "Which show…", "What film…": not "What is…", "What did…" (no parse for those)
_WHICH = re.compile(
    r"^\s*(?i:which|what)\s+(?!(?i:is|are|was|were|did|does|do|has|have|had|will|would|can|could)\b)[a-z]"
)


# asked whom someone did something to: "Who did the company sue?", "Who will the Lions play?", "Who has he beaten?"
_WHOM = re.compile(
    r"^\s*(?i:who)\s+(?:(?i:did|does|do)\s|(?i:will|would|can|could|should|has|have|had)\s+"
    r"(?:[A-Z]|(?:he|she|they|it|you|we)\b|the\s+[A-Z]))"
)
