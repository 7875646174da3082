"""A "why" question: the reason as the short answer, and the sentence that gives it cited.

When the best sentence gives a reason in the words news uses for one ("because", "due to", "after", "so that", a
purpose "…use the money to pay for college"), the reason is bolded: the reader's phrase when it overlaps that
clause (it cuts SQuAD-style short answers well; cut at the clause's end when it starts in it and runs on), else the
clause from those words on, where the reader bolded something else ("Why did OPEC raise the price?" → "In response
to American aid to Israel", not "70%").
News also says what happened first and why after it: "Bill Cosby will not face charges…" leads, and "Authorities…
said they found insufficient evidence…" follows. So when the best sentence gives no reason in words, the sentence of
its article that does, else the one after it, is cited second. The best sentence stays first: on SQuAD's tuning
questions, moving another sentence ahead of it lost more answers than it gained (docs/evaluation.md). Only a sentence
the evidence itself holds, giving a reason, goes first with its reason bolded ("Why have Lenovo's shares fallen?" →
"because of the unprofitability of the unit it is buying", not "3.7%" of its sales).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from assistant.answers.context import AnswerContext
from assistant.answers.fact import fact_from, stated
from assistant.answers.short_answer import tidy
from assistant.evidence.decision import Decision
from assistant.evidence.select import Evidence
from assistant.question.nlp import main_verb, nlp
from assistant.question.read import Question
from assistant.question.role import parsed
from assistant.question.wanted import says_the_verb
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer

_DEPTH = 20  # ranked candidates looked at for a sentence of the best one's article giving the reason
# The words that open a reason (or a purpose) in news; "as", "since" and "for" also tell time or extent too often.
_BECAUSE = re.compile(
    r"\b(?P<why>because|due to|owing to|thanks to|as a result of|in order to|so that|so as to|for fear (?:of|that)"
    r"|on the grounds (?:of|that)|in protest(?: (?:at|against|over|as))?|in response to|amid|after"
    r"|(?<!the )following|citing"
    r"|for [\"“‘']?(?:\w+ )?reasons?"
    r"|(?:driven|pushed|triggered|caused|prompted|sparked|fuell?ed)\s+(?:up\s+|down\s+)?by)\b",
    re.IGNORECASE,
)
# What one is sacked, fined or praised for is why: "He was sacked for his gaffe" (not "waited for two hours", nor
# "jailed for life" or "banned for two years", which say how long).
_DONE_FOR = re.compile(
    r"\b(?:sacked|fired|fined|arrested|punished|criticised|criticized|blamed|praised"
    r"|condemned|apologised|apologized|penalised|penalized|disciplined|expelled|honoured|honored)\s+(?P<why>for)\b"
)
# What something is blamed on is why: "Republicans have blamed the size of the deficit on slow economic conditions…"
_BLAMED_ON = re.compile(r"\bblam(?:e|es|ed|ing)\s+[^.;:]{1,80}?\s+on\s+(?P<why>[\w\"“‘'])")
# Where the reason's clause ends: a new clause of another kind, an attribution, a dash or a gap left by a lost dash.
# The words that give a cause and nothing else: a sentence before the best one is its reason only with these ("after"
# or "following" there tell what came first).
_CAUSE = re.compile(r"\b(?:because|due to|owing to|thanks to|as a result of|on the grounds)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r";|\s[–—-]\s|\s{2,}|[\"“”]\s|\.$|(?<=[.!?]['’])\s+[\"“A-Z]"
    r"|,\s(?:but|while|although|though|which|with|and (?:the|it|he|she|they|his|her|its|their))\b"
    r"|,\s[\"“”]?(?:he|she|they|it|a \w+|the \w+) (?:said|says|added|told)\b"
)
# A view held by those the sentence before spoke of: "They considered that…", "He believed that…".
_HELD = re.compile(
    r"^(?:They|He|She|Critics|Opponents)\s+(?:had\s+)?(?:considered|believed|felt|feared|argued|thought|claimed)\s+"
    r"(?:that\s+)?(?P<view>\S)"
)
_MAX_WORDS = 30
_PARSE_ONLY = ["ner", "lemmatizer"]  # the tags and the parse are all a purpose needs (half the time of the whole)
_PARSED = 4  # candidates parsed for a purpose when none gives a reason in words
_TO = re.compile(r"\bto\s+\w", re.IGNORECASE)


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The best sentence first. When it gives a reason in words, its reason is bolded: the reader's phrase when it is
    (or holds) the reason, cut at the clause's end when it starts in it and runs on, else the clause. When it does
    not, the sentence of its article that does (else the one after it) is cited second, where a story says why the
    event it leads with happened; where the one after it gives the view of those who did it ("They considered that
    …"), that view is the reason, cited first."""
    evidence = list(decision.evidence)
    top = evidence[0]
    clause = reason_in(top.text)
    when = _when_read(top) if clause is None else None
    if when is not None:  # "when Mr Botin's lawyer" of "…was suspended when Mr Botin's lawyer introduced…": the clause
        return stated(question.text, evidence, tidy(top.text[when[0] : when[1]])).model_copy(update={"kind": "reason"})
    if clause is None and (cause := cause_as_doer(question.text, top.text)) is not None:
        # "Why were voters turned off?" of "…said having a five month campaign "turned off voters"": who or what did it
        short = tidy(top.text[cause[0] : cause[1]])
        return stated(question.text, evidence, short).model_copy(update={"kind": "reason"})
    if clause is None:
        have = {e.sentence_id for e in evidence}
        candidates = _candidates(top, evidence, ranked, context)
        after = candidates[0] if top.neighbours[1] is not None and candidates else None
        marked = _giving_reason(candidates)
        held = _view_held(after.text) if marked is None and after is not None else None
        if held is not None:  # "The proposals were opposed by leftist parties… They considered that they undermined
            # workers' rights": the view the next sentence gives them is why, cited first
            rest = [e for e in evidence if e.sentence_id != after.sentence_id]
            short = tidy(after.text[held[0] : held[1]])
            return stated(question.text, [after, *rest], short).model_copy(update={"kind": "reason"})
        giving = marked or after
        chosen = next((e for e in evidence[1:] if giving is not None and e.sentence_id == giving.sentence_id), None)
        if marked is not None and marked is after and _says_the_verb(question.text, marked.text):
            chosen = marked  # "…has been chosen as the greatest gadget… The 1991 laptop was chosen because it was…"
        if marked is not None and marked is after and _names_the_one_asked(question.text, top.text, marked.text):
            chosen = (
                marked  # "…whether … Martin Bashir is in contempt… The defence protested after Mr Bashir … refused"
            )
        preceding = top.neighbours[0]
        if (
            giving is not None
            and preceding is not None
            and giving.sentence_id == preceding.id
            and _CAUSE.search(giving.text)
            and not _of_another(question.text, top.text, giving.text)
        ):
            chosen = giving  # "His answer is because of the missionaries… Ever since, Africa has been important to him"
        if chosen is not None and (found := reason_in(chosen.text)) is not None:
            # The evidence's own next sentence gives the reason in words ("Its shares are down 20%…, largely
            # because of the unprofitability of the unit it is buying"): it is the answer, cited first.
            rest = [e for e in evidence if e is not chosen]
            short = tidy(chosen.text[found[0] : found[1]])
            return stated(question.text, [chosen, *rest], short).model_copy(update={"kind": "reason"})
        second = [giving] if giving is not None and giving.sentence_id not in have else []
        fact = fact_from(question.text, [top, *second, *evidence[1:]], context.limits.min_reading)
        return fact.model_copy(update={"kind": "reason"})
    span = top.answer
    start, end = clause
    if (blamed := _BLAMED_ON.search(top.text)) is not None and blamed.start("why") == start:
        # what it is blamed on, whole: "slow economic conditions after the 11 September attacks and…"
        return stated(question.text, evidence, tidy(top.text[start:end])).model_copy(update={"kind": "reason"})
    if span is not None and span[0] < end and span[1] > start:  # the reader's phrase is (or holds) the reason
        within = (span[0], min(span[1], end))  # cut at the reason's end when it starts in it and runs on
        if start <= span[0] and _part_of_what_happened(top.text, clause, within):
            # a thing the reason says something of ("the Black Watch" of "because the Black Watch was in the
            # frontline…", "cocaine" of "after testing positive for cocaine"): the reason is the clause
            return stated(question.text, evidence, tidy(top.text[start:end])).model_copy(update={"kind": "reason"})
        if _opening_words(top.text, clause, within):  # "protest" of "in protest as Hollywood's…": the clause
            return stated(question.text, evidence, tidy(top.text[start:end])).model_copy(update={"kind": "reason"})
        if not start <= span[0] < end < span[1]:
            fact = fact_from(question.text, evidence, context.limits.min_reading)
            return fact.model_copy(update={"kind": "reason"})
        start = span[0]  # it starts in the reason and runs on past it ("after X met Y, with Moscow…"): cut there
    return stated(question.text, evidence, tidy(top.text[start:end])).model_copy(update={"kind": "reason"})


@lru_cache(maxsize=64)
def _parsed(sentence: str):  # noqa: ANN202 - a spaCy Doc
    """A sentence's tags and parse, once per question: the purpose, the opening phrase and the reader's phrase are
    each read from the best sentence's parse."""
    return nlp()(sentence, disable=_PARSE_ONLY)


def _opening_words(sentence: str, clause: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether the reader's phrase is no more than the words opening the reason ("protest" of "in protest as
    Hollywood's apparent discrimination…"), which say there is a reason, not what it is."""
    words = list(re.finditer(r"\S+", sentence[clause[0] : clause[1]]))
    return len(words) > _OPENING_WORDS and span[1] <= clause[0] + words[_OPENING_WORDS - 1].end()


_OPENING_WORDS = 2


def _part_of_what_happened(sentence: str, clause: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether the reader's phrase is something a verb of the reason says something of ("the Black Watch was…"), or
    opens the reason and stops short of its verb ("because Fifa regulations" of "because Fifa regulations allow
    players to…"), rather than the reason itself, named after "because of" or "due to" ("because of her weight")."""
    doc = _parsed(sentence)
    phrase = doc.char_span(*span, alignment_mode="expand")
    if phrase is None:
        return False
    token = phrase.root
    if token.pos_ in ("VERB", "AUX"):
        return False  # the phrase says what happened itself ("rebuild St. Peter's Basilica")
    while token.head is not token and clause[0] <= token.idx:  # "because Fifa regulations" of "because … allow"
        token = token.head
        if not (clause[0] < token.idx < clause[1]):
            return False
        if token.pos_ in ("VERB", "AUX"):
            return True
    return False


def reason_in(sentence: str) -> tuple[int, int] | None:
    """Character offsets of the clause of ``sentence`` that gives a reason or a purpose, or None if none does: from
    "because" (or its like) or the "to" of a purpose ("…use the money to pay for college") to the clause's end."""
    searched = (_BECAUSE.search(sentence), _DONE_FOR.search(sentence), _BLAMED_ON.search(sentence))
    found = min((m.start("why") for m in searched if m), default=None)
    if found is not None:
        return _clause(sentence, found)
    if not _TO.search(sentence):
        return None
    start = _purpose_in(_parsed(sentence))
    return _clause(sentence, start) if start is not None else None


def _clause(sentence: str, start: int) -> tuple[int, int] | None:
    """From ``start`` to the end of its clause (at most ``_MAX_WORDS`` words; a reason opening the sentence, "Because
    everyday clothing has not survived, the collection…", to the end of its own phrase); None for a single word."""
    stop = _CLAUSE_END.search(sentence, start + 1)
    while stop and stop.group()[0] in '"“”' and _quotes(sentence[start : stop.start()]) % 2:
        stop = _CLAUSE_END.search(sentence, stop.end())  # the quote closes one opened in the clause: 'his "spark" for'
    end = stop.start() if stop else len(sentence)
    if not sentence[:start].strip(" \"“‘'"):  # a reason opening the sentence ends where its own phrase does
        end = min(end, _opening_phrase_end(sentence, start))
    words = list(re.finditer(r"\S+", sentence[start:end]))
    if len(words) > _MAX_WORDS:
        end = start + words[_MAX_WORDS - 1].end()
    return (start, end) if len(words) > 1 else None


def _when_read(top: Evidence) -> tuple[int, int] | None:
    """The clause the reader's phrase opens when it opens with "when" and stops short of its verb ("when Mr Botin's
    lawyer" of "the trial was suspended when Mr Botin's lawyer introduced a new set of documents"): what happened
    that made it so, asked why; None otherwise."""
    if top.answer is None or not _WHEN.match(top.text, top.answer[0]):
        return None
    phrase = _parsed(top.text).char_span(*top.answer, alignment_mode="expand")
    if phrase is None or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    return _clause(top.text, top.answer[0])


_WHEN = re.compile(r"when\s", re.IGNORECASE)


def _quotes(text: str) -> int:
    """How many double quote marks a text holds, straight or curly."""
    return sum(text.count(mark) for mark in '"“”')


def _opening_phrase_end(sentence: str, start: int) -> int:
    """Where the phrase opening a sentence at ``start`` ends: "Because of their soft, gelatinous bodies" of "…,
    ctenophores are rare as fossils", by the parse (the largest phrase that begins there, short of the sentence)."""
    doc = _parsed(sentence)
    token = next((t for t in doc if t.idx >= start), None)
    if token is None:
        return len(sentence)
    while token.head is not token and token.head.dep_ != "ROOT" and token.head.left_edge.i == token.left_edge.i:
        token = token.head
    last = token.right_edge
    return last.idx + len(last.text) if token.dep_ != "ROOT" else len(sentence)


def _purpose_in(doc) -> int | None:  # noqa: ANN001 - a spaCy Doc
    """Where a purpose clause begins: the "to" of an infinitive that says what an act is for ("…use the money to pay
    for college"), as spaCy's parse has it: an adverbial clause, or a clause after the verb's object."""
    for token in doc:
        verb = token.head
        if token.tag_ != "TO" or verb.pos_ != "VERB":
            continue
        if (
            verb.dep_ == "advcl"
            or verb.dep_ == "xcomp"
            and any(c.dep_ == "dobj" and c.i < token.i for c in verb.head.children)
        ):
            return token.idx  # "…to minimise the impact"; "use the money to pay", not "planning to study"
    return None


def cause_as_doer(question: str, sentence: str) -> tuple[int, int] | None:
    """Asked why something was done to someone ("Why were voters turned off?"), where the sentence has the same verb
    done to them by something (its subject: "having a five month campaign "turned off voters""), that something's
    offsets; None otherwise."""
    asked = parsed(question)  # lemmas too: the tags and parse alone (``_parsed``) have none
    verb = next((t for t in asked if t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children)), None)
    # the one it was done to ("voters" of "Why were voters turned off?", which the small model may call a subject)
    done = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None) if verb is not None else None
    if done is None:
        return None
    for token in parsed(sentence):
        if token.lemma_.lower() != verb.lemma_.lower() or token.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() == done.lemma_.lower() for c in token.children):
            continue
        doer = next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)
        if doer is None or doer.pos_ == "PRON":
            return None  # "it turned off voters": who "it" is, a sentence before says
        words = list(doer.subtree)
        first = words[0]
        if first.i > 0 and first.doc[first.i - 1].tag_ == "VBG":  # "having a five month campaign"
            first = first.doc[first.i - 1]
        return first.idx, words[-1].idx + len(words[-1])
    return None


def _view_held(sentence: str) -> tuple[int, int] | None:
    """Where the sentence after the best one says what "they" thought of it ("They considered that they undermined
    workers' rights"), the view: the actors' reason given as their own; None otherwise."""
    found = _HELD.match(sentence)
    return _clause(sentence, found.start("view")) if found else None


def _of_another(question: str, top: str, before: str) -> bool:
    """Whether the sentence before the best speaks of someone else: the best opens with a name the question gives
    and the one before never says it ("Writer Dudley Nichols refused… because…" before "Marlon Brando turned
    down…", asked of Brando)."""
    opening = re.match(r"\s*([A-Z][\w'’-]+)", top)
    names = set(re.findall(r"(?<=\s)[A-Z][\w'’-]+", question))
    return opening is not None and opening.group(1) in names and opening.group(1) not in before


def _names_the_one_asked(question: str, top: str, after: str) -> bool:
    """Whether the sentence after the best names, by surname, a person the question names in full whom the best
    names too ("Martin Bashir" of the question and the best, "…after Mr Bashir … refused to answer"): it goes on
    about them."""
    people = [e.text.split() for e in parsed(question).ents if e.label_ == "PERSON"]
    return any(
        len(name) > 1 and " ".join(name) in top and re.search(rf"\b{re.escape(name[-1])}\b", after) for name in people
    )


def _says_the_verb(question: str, sentence: str) -> bool:
    """Whether the sentence has the question's main verb in some form ("chosen" for "Why was it chosen?")."""
    verb = main_verb(question)
    return verb is not None and says_the_verb(verb[1], sentence)


def _giving_reason(candidates: Sequence[Evidence]) -> Evidence | None:
    """The first candidate giving a reason in words ("because"…), else the first of the next few that gives a
    purpose (parsed together: a parse costs several milliseconds)."""
    marked = next(
        (e for e in candidates if (found := _BECAUSE.search(e.text)) and _clause(e.text, found.start())), None
    )
    if marked is not None:
        return marked
    parsed = [e for e in candidates[:_PARSED] if _TO.search(e.text)]
    docs = nlp().pipe([e.text for e in parsed], disable=_PARSE_ONLY)
    return next((e for e, doc in zip(parsed, docs, strict=True) if _purpose_in(doc) is not None), None)


def _candidates(
    top: Evidence, evidence: Sequence[Evidence], ranked: Sequence[ScoredSentence], context: AnswerContext
) -> list[Evidence]:
    """The sentence after the best one (where news says why an event it leads with happened), then the evidence and
    the relevant candidates of the best sentence's article, best first: read from the store at once."""
    have = {e.sentence_id for e in evidence}
    near = [ScoredSentence(n.id, top.score, np.zeros(0)) for n in top.neighbours[::-1] if n is not None]
    more = [
        r
        for r in ranked[:_DEPTH]
        if r.article_id == top.article_id and r.id not in have and r.score >= context.limits.min_relevance
    ]
    read = context.selector.sentences([*near, *[r for r in more if r.id not in {n.id for n in near}]])
    same = [e for e in evidence[1:] if e.article_id == top.article_id and e.sentence_id not in {n.id for n in near}]
    return [*read[: len(near)], *same, *read[len(near) :]]
