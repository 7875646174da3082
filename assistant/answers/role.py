"""Who did it: the name a sentence gives the role the question asks about. "Who won the friendly?" of "…the game,
which Spain won 1-0" is Spain, the subject of "won", whatever other phrase the reader scored best ("black players");
"Who is expected to oppose the bill?" of "…is expected to be opposed by the Liberal Democrats" is the one doing the
opposing; "Who does Castaignede think should start at number 10?" of "tipped Yann Delaigue to start ahead of Frederic
Michalak at number 10" is Delaigue.

Only questions asking who (or which team, firm, country…) did something, as the subject or the object of a verb the
sentence also has, are parsed; a role filled by a pronoun ("they came back to beat France") is left to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from assistant.question.names import refers_to
from assistant.question.nlp import nlp, stop_words
from assistant.question.role import (
    SUBJECTS,
    Role,
    asked_role,
    may_say_the_verb,
    object_of_the_named,
    parsed,
    says_it_in_any_words,
    subjects,
    verbs_alike,
)

if TYPE_CHECKING:  # spaCy itself loads with its pipeline (question/nlp.py)
    from spacy.tokens import Doc, Span, Token

_RELATIVE = {"who", "which", "that", "whom"}
_NAMED = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}


def role_filler(question: str, sentence: str, span: tuple[int, int]) -> str | None:
    """The name the sentence gives the asked role, when the reader's ``span`` is not it; None when the question asks
    no role, the sentence has not the verb, the role is a pronoun or no name, or the span already holds it."""
    role = asked_role(question)
    if role is None:
        return None
    doc = parsed(sentence)
    found = list(_filled(role, doc, joined=False))
    if any(name.start_char <= span[0] < name.end_char or span[0] <= name.start_char < span[1] for _, name in found):
        return None  # the reader's phrase is (in) the name already
    for verb, name in found:
        # A name the reader chose stands unless it is another part of the same verb's clause ("ahead of Michalak").
        if (
            _not_a_name(doc, span)
            or _within(verb, name, doc, span, role.subject)
            or _said_of(name, doc, span)
            or _as_asked(verb, name, role, doc.char_span(*span, alignment_mode="expand"))
        ):
            return name.text
    return None


def another_than_asked(question: str, sentence: str, span: tuple[int, int]) -> str | None:
    """Asked who, the one person the reader's phrase names besides those the question names: "Mr Blair" of "Tory
    leader Michael Howard has accused Mr Blair" to "Who does Michael Howard think is playing politics…?"; None when
    the question asks no who, or the phrase names not one such other besides one the question names."""
    if not _ASKS_WHO.match(question):
        return None
    people = [e for e in parsed(sentence).ents if e.label_ == "PERSON" and span[0] <= e.start_char < span[1]]
    asked = [e for e in people if refers_to(e.text, question)]
    others = [e for e in people if e not in asked]
    if not asked or len(others) != 1:
        return None
    other = others[0]
    title = _HONORIFIC_BEFORE.search(sentence[: other.start_char])
    return sentence[title.start() if title else other.start_char : other.end_char]


def done_to(question: str, sentence: str, span: tuple[int, int]) -> str | None:
    """Asked which thing someone did something to ("Which film did Boogeyman knock from the top spot?"), where the
    reader's phrase is the one the question names as the doer, the words just before the thing's name ("Robert de
    Niro thriller") or a part of the thing short of its head ("Skype" of "software that will expand the SMS
    functions of Skype"): what the sentence has them do it to; None otherwise."""
    found = object_of_the_named(question, sentence)
    if found is None:
        return None
    done, head = found
    if (span[0], span[1]) == (done.start, done.end):
        return None
    named = refers_to(sentence[span[0] : span[1]].strip(), question) and span[1] <= done.start
    before = span[0] < done.end and done.start - span[1] <= 1
    short = done.start <= span[0] and span[1] <= done.end and not span[0] <= head < span[1]
    return done.text if named or before or short else None


_ASKS_WHO = re.compile(r"^\s*(?i:who)\b")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+$")


def role_fillers(question: str, sentence: str) -> list[str]:
    """Every name the sentence gives the asked role, those joined to it included: "Which companies did Yukos sue?"
    of "Yukos has said it will sue Baikal and Rosneft" is Baikal and Rosneft; empty when the question asks no role or
    the sentence has not its verb."""
    role = asked_role(question)
    if role is None or not re.search(rf"\b{re.escape(role.verb[:4])}", sentence, re.IGNORECASE):
        return []
    return list(dict.fromkeys(name.text for _, name in _filled(role, parsed(sentence), joined=True)))


def named_the_other_way(question: str, sentence: str) -> bool:
    """Whether the sentence has the asked verb with the one the question names in the role asked about: "Fabrice
    Santoro … beat Sweden's Thomas Johansson" to "Who beat Fabrice Santoro?" (he beat, was not beaten), or "he" there
    after the name ("Carlos Moya described… after he beat Andy Roddick")."""
    role = asked_role(question)
    if role is None or role.named is None:
        return False
    named = role.named.lower()
    for verb in parsed(sentence):
        if verb.lemma_.lower() != role.verb or verb.pos_ != "VERB":
            continue
        filler = _filler(verb, role.subject)
        if filler is not None and named in " ".join(t.lower_ for t in filler.subtree):
            return True
        if filler is not None and filler.lower_ in _PERSONAL and named in filler.doc[: filler.i].text.lower():
            return True  # "Carlos Moya described … after he beat Andy Roddick": he is Moya, named before
    return False


_PERSONAL = frozenset({"he", "she", "they"})


def names_no_one(question: str, sentence: str, span: tuple[int, int] | None) -> bool:
    """Whether, asked who did something, the reader's phrase of the sentence is no name ("president" of "Paul Tellier,
    who was also Bombardier's president, left…"); False when the question asks no role or nothing was read there (a
    sentence a rule put first, which answers already)."""
    if span is None or asked_role(question) is None:
        return False
    return _not_a_name(parsed(sentence), span)


def done_by(question: str, sentence: str) -> str | None:
    """Asked who did something, the name a passive gives as the doer ("Who directed A Different Story?" of "the
    film, directed by Southan Morris, would…"; "…to be directed by 13 Going on 30 film-maker Gary Winick"): the
    last name in its "by" phrase; None when the question asks no doer or the sentence has no such passive, or has
    it of another thing named ("…Moments of Trials made by Raymond Depardon" to "Who made Submission?")."""
    role = asked_role(question)
    if role is None or not role.subject:
        return None
    if not may_say_the_verb(question, sentence):
        return _defeat_by(role, sentence) if says_it_in_any_words(role.verb, sentence) else None
    doc = parsed(sentence)
    for agent in (t for t in doc if t.dep_ == "agent" and t.head.lemma_.lower() == role.verb):
        done = agent.head
        thing = next((c for c in done.children if c.dep_ == "nsubjpass"), done.head if done.dep_ == "acl" else None)
        if thing is not None and thing.pos_ == "PROPN" and thing.text.lower() not in question.lower():
            continue  # "the French film The 10th District Court, Moments of Trials made by…": another work's maker
        end = _name_end(agent)
        names = [e for e in doc.ents if e.label_ in ("PERSON", "ORG") and agent.i < e.start and e.end <= end]
        if names:
            return names[-1].text
    return None


def _defeat_by(role: Role, sentence: str) -> str | None:
    """The doer a noun of the asked verb gives with "by", of the one the question names ("her defeat by Farina
    Elia" to "Who beat Venus Williams?", "her" being Williams, the sentence's subject); None otherwise."""
    doc = parsed(sentence)
    named = (role.named or "").lower()
    subject = " ".join(t.lower_ for t in doc if t.dep_ in SUBJECTS for t in t.subtree)
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in (role.verb, *verbs_alike(role.verb)):
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if owner is None or by is None or not named:
            continue
        if named not in " ".join(t.lower_ for t in owner.subtree) and not (owner.pos_ == "PRON" and named in subject):
            continue
        names = [e for e in doc.ents if e.label_ in ("PERSON", "ORG") and by.i < e.start and e.end <= _name_end(by)]
        if names:
            return names[-1].text
    return None


def said_in_other_words(question: str, sentence: str) -> str | None:
    """Asked who did something ("Who rejected foreign troops?"), the name the sentence gives as doing it in other
    words, to what the question names ("The Kremlin has dismissed proposals for foreign troops…"); None when the
    question asks no doer, its verb has no other words here, or the sentence has none of them done to that."""
    role = asked_role(question)
    alike = verbs_alike(role.verb) if role is not None and role.subject else ()
    if not alike or not re.search(rf"\b(?:{'|'.join(w[:4] for w in alike)})", sentence, re.IGNORECASE):
        return None
    asked = parsed(question)
    done_to = {t.lemma_.lower() for v in asked if v.lemma_.lower() == role.verb for t in _objects(v)}
    doc = parsed(sentence)
    for verb in doc:
        if verb.lemma_.lower() not in alike or verb.pos_ != "VERB":
            continue
        objects = {t.lemma_.lower() for t in _objects(verb)}
        doer = _filler(verb, True)
        name = _name(doc, doer) if doer is not None else None
        if name is not None and done_to and done_to <= objects:
            the = doc[name.start - 1] if name.start else None
            return f"{the.text} {name.text}" if the is not None and the.lower_ == "the" else name.text  # The Kremlin
    return None


def _objects(verb: Token) -> list[Token]:
    """The nouns of what a verb is done to: its object and what hangs from it ("proposals for foreign troops")."""
    return [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree if t.pos_ == "NOUN"]


def _name_end(agent: Token) -> int:
    """Where the name a "by" phrase gives ends: before what is said of it after it ("by Martin Scorsese, who directed
    him in Oscar-nominated movie The Aviator" is Martin Scorsese's, not Oscar's)."""
    said = [
        c.left_edge.i
        for doer in agent.children
        if doer.dep_ == "pobj"
        for c in doer.children
        if c.i > doer.i and c.dep_ in ("relcl", "acl", "appos", "prep", "punct")
    ]
    return min(said, default=agent.right_edge.i + 1)


def first_filling(question: str, sentences: Sequence[str]) -> tuple[int, str] | None:
    """The first of ``sentences`` whose verb of the asked role has a name in it, and that name ("Who will take over as
    chief executive?" of "Laurent Beaudoin … will take on the role of CEO"); None when none has one."""
    role = asked_role(question)
    if role is None:
        return None
    for position, doc in enumerate(nlp().pipe(sentences)):
        name = next((name for _, name in _filled(role, doc, joined=False)), None)
        if name is not None:
            return position, name.text
    return None


def _filled(role: Role, doc: Doc, *, joined: bool) -> Iterator[tuple[Token, Span]]:
    """Each verb of ``doc`` that is the role's, said of what the question names, with the name filling the role
    (and, ``joined``, the names joined to it by "and"), not one the question gives."""
    for verb in doc:
        if verb.lemma_.lower() != role.verb or verb.pos_ != "VERB":
            continue
        if role.named is not None and not _has_named(verb, role):
            continue
        filler = _filler(verb, role.subject)
        tokens = [] if filler is None else [filler, *filler.conjuncts] if joined else [filler]
        for token in tokens:
            name = _name(doc, _speaker(verb, token))
            if name is not None and not {t.lower_ for t in name if not t.is_stop} & set(role.given):  # not asked's
                yield verb, name


def _speaker(verb: Token, token: Token) -> Token:
    """The one "he" or "she" is where they say it of themselves: "Dave Prentis … told the Daily Record newspaper he
    wants a date to be set" is Prentis wanting it; the word itself otherwise."""
    head = verb.head
    if token.lower_ not in ("he", "she") or verb.dep_ != "ccomp" or head.lemma_.lower() not in _TELLING:
        return token
    return next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), token)


_TELLING = {"say", "tell", "add", "insist", "claim", "admit", "reveal"}


def _not_a_name(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the reader's phrase holds no name ("black players", "crime")."""
    words = doc.char_span(*span, alignment_mode="expand")
    return words is not None and not any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED for t in words)


def _within(verb: Token, name: Span, doc: Doc, span: tuple[int, int], subject: bool) -> bool:
    """Whether the reader's phrase lies in the verb's own clause, as another of its parts than the name's (asked
    for the doer, a phrase that is a doer itself stands)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None or subject and any(_doer(t) for t in words):
        return False  # the reader chose a doer of its own: "…when Thomas Davis went down", "by Taqi and by Branca"
    named = set(name.root.subtree)
    return all(t in verb.subtree and t not in named for t in words)


def _as_asked(verb: Token, name: Span, role: Role, read: Span | None) -> bool:
    """Whether the verb's clause, the name and the part holding the reader's phrase aside, says what else the
    question asks ("Paul Burrell who came second, … Fran Cosgrave, who was third" asked who came second): its role
    is the one asked about, whatever else the reader chose."""
    words = set(read) if read is not None else set()
    parts = [c for c in verb.children if c.dep_ not in SUBJECTS and not words & set(c.subtree)]
    clause = {t.lower_ for c in parts for t in c.subtree if t not in name}
    asked = {w for w in role.given if w.isalpha() and w not in stop_words() and w != role.verb}
    return bool(asked) and any(w in clause for w in asked if not _is_verb_form(w, role.verb))


def _is_verb_form(word: str, verb: str) -> bool:
    """Whether a question's word is (likely) its verb in another form ("came" of "come"): no word besides it."""
    return word.startswith(verb[:3])


def _said_of(name: Span, doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the reader's phrase lies in a clause said of the name, about something else it did ("Freeman, who
    starred in hit BBC comedy The Office, will play … Arthur Dent": asked who plays him, Freeman)."""
    words = doc.char_span(*span, alignment_mode="expand")
    clauses = [set(c.subtree) for c in name.root.children if c.dep_ == "relcl"]
    return words is not None and any(all(t in clause for t in words) for clause in clauses)


def _doer(token: Token) -> bool:
    return token.dep_ in SUBJECTS or token.dep_ == "pobj" and token.head.lower_ == "by"


def _has_named(verb: Token, role: Role) -> bool:
    """Whether the sentence's verb is said of what the question names ("France" in "Who beat France?"), directly
    or through a pronoun whose clause hangs from one said of it ("Yukos has said it will sue Baikal")."""
    # Asked who was done something to, the named one does it (a subject, a passive's "by"); asked who did it, the
    # named one is another part of the verb's clause.
    passive = _passive(verb)
    doers = ("agent",) if passive else (*SUBJECTS, "agent")  # a passive's subject is the one it was done to
    doing = [c for c in verb.children if (c.dep_ in doers) != role.subject and c.dep_ != "punct"]
    words = [t.text for c in doing for t in c.subtree]
    if passive and verb.dep_ == "acl" and role.subject:  # "Aguas Argentinas, controlled by France's Suez"
        words += [t.text for t in verb.head.lefts if t.dep_ == "compound"] + [verb.head.text]
    if not role.subject and any(c.dep_ in SUBJECTS and c.pos_ == "PRON" for c in verb.children):
        words += [t.text for a in verb.ancestors for c in subjects(a) for t in c.subtree]
    return role.named is not None and role.named.lower() in " ".join(words).lower()


def _passive(verb: Token) -> bool:
    """Whether a verb is said in the passive: with its auxiliary or subject, or a participle after its noun with a
    "by" ("Aguas Argentinas, controlled by France's Suez")."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"auxpass", "nsubjpass"}) or verb.dep_ == "acl" and "agent" in deps


def _filler(verb: Token, subject: bool) -> Token | None:
    """The word filling the subject (the doer) or object role of ``verb``: through a passive's "by", a relative
    pronoun's noun, and the object or subject of the verb a "to" clause hangs from."""
    children = {c.dep_: c for c in verb.children}
    passive = _passive(verb)
    if not subject:
        return children.get("nsubjpass") if passive else children.get("dobj")
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if "nsubj" in children:
        found = children["nsubj"]
        if found.lower_ in _RELATIVE and verb.dep_ == "relcl":  # "Marchionne, who replaced Demel"
            before = verb.doc[found.i - 1] if found.i > 0 else None
            if found.lower_ == "which" and before is not None and before.pos_ == "PROPN":
                return before  # "a spokesperson for the BSA which commissioned the survey": the BSA, however parsed
            return verb.head
        return found
    if verb.dep_ == "xcomp":  # "tipped Delaigue to start": the one tipped; "wants to win": the one wanting
        head = verb.head
        return next((c for c in head.children if c.dep_ == "dobj"), None) or next(iter(subjects(head)), None)
    if verb.dep_ == "conj":  # "Spain scored twice and won": the first verb's subject
        return next(iter(subjects(verb.head)), None)
    return None


def _name(doc: Doc, token: Token) -> Span | None:
    """The name a word is (part of): its entity of a named kind, else the proper noun with its compounds; None for a
    pronoun, a relative word or a common noun ("black players")."""
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if entity is not None and entity.label_ in _NAMED:
        return entity
    if token.pos_ != "PROPN":
        return None
    first = min([token.i, *(c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")])
    return doc[first : token.i + 1]
