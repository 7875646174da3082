"""A fact: the evidence sentences themselves, numbered, with a short answer phrase cut from the top one in front.

Only source sentences are shown, so every claim is cited and faithful. The short answer is the reader's span when
its score reaches ``min_reading``, else spaCy's rule-based phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.answers.role import (
    another_than_asked,
    done_by,
    done_to,
    first_filling,
    named_the_other_way,
    names_no_one,
    role_filler,
    said_in_other_words,
)
from assistant.answers.short_answer import (
    asks_several,
    before_the_question,
    born,
    by_how_much,
    choice_made,
    extract_short_answer,
    how_much_more,
    level_reached,
    owned_value,
    past_the_preposition,
    past_the_question,
    predecessor,
    quotation_said,
    respectively,
    successor,
    the_figure_counted,
    the_one_the_preposition_asks,
    the_sum_at_the_named,
    the_thing_wanted,
    then_or_now,
    things_included,
    tidy,
    to_the_doing,
    to_the_level,
    what_it_is,
    whole_name,
    whole_period,
    whole_range,
    whole_words,
    winner_over,
    with_its_bound,
    with_its_name,
    with_its_unit,
)
from assistant.evidence.decision import Decision
from assistant.evidence.select import Evidence
from assistant.question.age import age_of, asked_age, asked_age_at_death, died_aged, lead_age
from assistant.question.called import asked_called, called_in
from assistant.question.club import asked_club, asks_for_a_club, club_in
from assistant.question.found import Found
from assistant.question.nationality import asked_nationality, nationality_in
from assistant.question.places import from_a_place
from assistant.question.post import asked_post, holder_in, holder_unnamed, named_first, unnamed_in
from assistant.question.read import Question
from assistant.question.role import answered_before, asked_role, maker_of, may_say_the_verb
from assistant.question.wanted import (
    asks_each,
    asks_score,
    each_in,
    money_in,
    place_in_a_table,
    says_no_amount,
    says_no_money,
    score_in,
    speed_in,
)
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """The short answer [1], then the evidence sentences quoted. Asked who did something where the best sentence's
    phrase names no one ("president" of "Paul Tellier, who was also Bombardier's president, left…"), the first
    sentence of its story naming who did it answers, cited first ("Laurent Beaudoin … will take on the role…"); where
    the best has it the other way round ("Santoro … beat Johansson" to "Who beat Santoro?"), the first of the next
    candidates saying who did it, else no name bolded."""
    evidence = list(decision.evidence)
    holder = _holder_named_before(question.text, evidence) or _named_after(question.text, evidence)
    if holder is not None:  # "Martin O'Neill hopes to block… The Celtic manager does not view…": O'Neill, cited first;
        # "…has prompted a Labour donor to say… Duncan Bannatyne also attacked…": Bannatyne
        found, name = holder
        return stated(question.text, [found, *(e for e in evidence if e.sentence_id != found.sentence_id)], name)
    filling = _role_filled(question.text, evidence, ranked, context)
    if filling is not None:
        found, name = filling
        rest = [e for e in evidence if e.sentence_id != found.sentence_id]
        return stated(question.text, [found, *rest][: max(len(evidence), 2)], name)
    if evidence and named_the_other_way(question.text, evidence[0].text):
        # "Who beat Carlos Moya?" of "Carlos Moya … after he beat Andy Roddick", and no other sentence saying who
        # beat him: the sentences shown, no name bolded as the one who did it
        return stated(question.text, evidence, None)
    return fact_from(question.text, evidence, context.limits.min_reading)


def _holder_named_before(question: str, evidence: Sequence[Evidence]) -> tuple[Evidence, str] | None:
    """Asked who holds a post, where the best sentence opens with the post and no name ("The Celtic manager does not
    view…") and the sentence before opens with a person ("Martin O'Neill hopes to block…"): that sentence and the
    name, as a reader takes it; None otherwise."""
    post = asked_post(question)
    top = evidence[0] if evidence else None
    if post is None or top is None or not top.before or not holder_unnamed(post, top.text):
        return None
    named = named_first(top.before)
    return (top.passage()[0], named.text) if named is not None else None  # the sentence before, read with it


def _named_after(question: str, evidence: Sequence[Evidence]) -> tuple[Evidence, str] | None:
    """Asked who "the Labour donor…" is, where the best sentence speaks of "a Labour donor" without naming them and
    the next opens with a person ("Duncan Bannatyne also attacked…"): that sentence and the name, as news goes on to
    name whom its lead describes; None otherwise."""
    top = evidence[0] if evidence else None
    if top is None or not top.after or not _ASKS_WHO_IS_THE.match(question):
        return None
    described = [
        phrase
        for found in _DESCRIBED.finditer(top.text)
        for phrase in _word_runs(found["what"])
        if len(phrase) > 1
        and re.search(rf"\bthe\s+{re.escape(' '.join(phrase))}\b", question, re.IGNORECASE)
        and not re.match(rf"{re.escape(' '.join(phrase))},?\s+[A-Z]", top.text[found.start("what") :])  # named
    ]
    named = named_first(top.after) if described else None
    return (top.passage()[-1], named.text) if named is not None else None  # the sentence after, read with it


def _word_runs(words: str) -> list[list[str]]:
    """The runs of ``words`` from its first: "Labour", "Labour donor", "Labour donor to"."""
    split = words.split()
    return [split[:n] for n in range(1, len(split) + 1)]


_ASKS_WHO_IS_THE = re.compile(r"^\s*(?i:who)\s+(?i:is|was|are|were)\s+(?i:the)\s+")
_DESCRIBED = re.compile(r"\b(?i:a|an)\s+(?P<what>(?:[\w-]+\s+){0,2}[\w-]+)")


def _role_filled(
    question: str, evidence: Sequence[Evidence], ranked: Sequence[ScoredSentence], context: AnswerContext
) -> tuple[Evidence, str] | None:
    """The sentence of the best one's story (the evidence's first, then in the story's order) naming who did what the
    question asks, and that name, when the best sentence's phrase is no name; of the other evidence, when the best
    has the one the question names in the role asked about, and of the first candidates; where the best lacks the
    verb, the first sentence of its story saying by whom it was done; None otherwise. Only sentences with a form of
    the verb are parsed, at most ``_ROLE_READ``."""
    if not evidence:
        return None
    top = evidence[0]
    if named_the_other_way(question, top.text):  # "Santoro … beat Johansson" to "Who beat Santoro?": the others
        have = {e.sentence_id for e in evidence}
        more = context.selector.sentences([r for r in ranked[:_ROLE_DEPTH] if r.id not in have])
        others = [e for e in [*evidence[1:], *more] if may_say_the_verb(question, e.text)][:_ROLE_READ]
        found = first_filling(question, [e.text for e in others])
        return (others[found[0]], found[1]) if found is not None else None
    if asked_role(question) is not None and not may_say_the_verb(question, top.text):
        # "Who made the documentary Living with Michael Jackson?" of "…Martin Bashir's film Living with Michael
        # Jackson": the evidence's sentence giving it to its maker
        made = next(((e, name) for e in evidence if (name := maker_of(question, e.text))), None)
        if made is not None:
            return made
        # "Who directed A Different Story?" of "The film, A Different Story, chronicles…": a sentence of its story
        # saying by whom ("the film, directed by Southan Morris, would…")
        story = [e for e in context.selector.of_article(top.article) if e.sentence_id != top.sentence_id]
        passive = next(((e, name) for e in story[:_STORY_READ] if (name := done_by(question, e.text))), None)
        if passive is not None:
            return passive
        # "Who rejected foreign troops?" of Macron's sentence: the evidence's one saying it in other words ("The
        # Kremlin has dismissed proposals for foreign troops…")
        alike = next(((e, name) for e in evidence if (name := said_in_other_words(question, e.text))), None)
        if alike is not None:
            return alike
    if not names_no_one(question, top.text, top.answer):
        return None
    same = [e for e in evidence[1:] if e.article_id == top.article_id]
    have = {top.sentence_id, *(e.sentence_id for e in same)}
    story = [e for e in context.selector.of_article(top.article) if e.sentence_id not in have]
    candidates = [e for e in [top, *same, *story] if may_say_the_verb(question, e.text)][:_ROLE_READ]
    found = first_filling(question, [e.text for e in candidates])
    if found is None or candidates[found[0]].sentence_id == top.sentence_id:
        return None  # none, or the best sentence's own (the reader's phrase is left to the rules)
    return candidates[found[0]], found[1]


_ROLE_READ = 5  # sentences with a form of the asked verb, parsed at most
_STORY_READ = 40  # sentences of the best one's story looked through for a passive saying who did it
_ROLE_DEPTH = 20  # candidates looked through for one saying who did it, when the best says it the other way


def fact_from(question: str, evidence: Sequence[Evidence], min_reading: float) -> Answer:
    """The answer of fact to ``question`` from ``evidence`` (not empty), also where another shape falls back to one."""
    lead = evidence[1].text if len(evidence) > 1 else ""
    return stated(question, evidence, short_answer(question, evidence[0], min_reading, lead))


def stated(question: str, evidence: Sequence[Evidence], short: str | None) -> Answer:
    """``short`` [1] (when there is one), then the evidence quoted: the form of a fact, whoever chose the phrase."""
    citations = citations_for(evidence)
    quoted = cited_text(citations)
    text = f"{short} [1]\n\n{quoted}" if short else quoted
    return Answer(question=question, text=text, short_answer=short, citations=citations)


def short_answer(question: str, top: Evidence, min_reading: float, lead: str = "") -> str | None:
    """The reader's answer span in the top sentence when it reads as an answer, else the rule-based phrase; for
    "What did X say?" what the sentence has X say (the clause after "X said", or the quotation the span is in); for
    "Who is the chief executive of X?" the name the sentence gives the post's holder; asked the score, a score where
    the reader's phrase holds none, and all of a match's sets ("6-3 3-6 6-2") where it holds their first; asked how
    many or how much, the rule-based amount where the reader's phrase has none, else the reader's phrase all the same
    ("minimal"); asked to choose ("Did prices rise or fall?"), the word the sentence says. A rule-based phrase is made
    whole words too ("$1.75bn", not "1.75bn")."""
    said = quotation_said(question, top.text, top.answer)
    if said is not None and tidy(said):
        return tidy(said)
    read = top.text[slice(*top.answer)] if top.answer is not None else ""
    if (chosen := choice_made(question, top.text, top.answer)) is not None:
        return chosen  # "Did house prices rise or fall?" of "…house prices rose by 0.8% in January": "rise"
    if (owned := owned_value(question, top.text)) is not None:
        return owned  # "What is Gordon Brown's forecast?" of "below Gordon Brown's forecast of 3% to 3.5%"
    if (defined := what_it_is(question, top.text)) is not None:
        return defined  # "What are generic drugs?" of "Generic drugs are chemically identical to…", not "rivals"
    if (listed := things_included(question, top.text)) is not None:
        return listed  # "What were the most requested search terms?" of "…search terms of 2004 included games, …"
    if (level := level_reached(question, top.text)) is not None:
        return level  # "What are rates expected to rise to?": "2.25%", not "a quarter" of a percentage point
    if (more := how_much_more(question, top.text)) is not None:
        return more  # "How much more is WMC worth?": "up to 30%", not the bid's "$5.8bn"
    if (place := place_in_a_table(question, top.text)) is not None:
        return place  # "Where are Wolves in the Championship?": "17th", not "Millwall"
    if (speed := speed_in(question, top.text)) is not None and says_no_amount(question, read):
        return speed  # "How fast can Asimo run?" of "It is capable of 3km/h, which … as fast as Qrio": not "Qrio"
    if asks_each(question) and (each := each_in(top.text)):
        return each  # "How much is each 7E7 plane?": "$120m each", not the deal's total
    if asks_score(question) and (score := score_in(top.text, top.answer[0] if score_in(read) else 0)):
        return score  # "What was the score?": a score where the reader's phrase holds none; a match's every set
    post = asked_post(question)
    holder = holder_in(post, top.text, own=post.org.lower() in top.title.lower()) if post is not None else None
    if holder is not None and not successor(question, top.text, (holder.start, holder.end)):
        return holder.text  # "Who is the chief executive of Fiat?" of "Fiat boss Sergio Marchionne"
    bare = holder_in(post, top.text, own=True) if post is not None else None
    if bare is not None and _read_there(top, bare):
        return bare.text  # "Chairman Lord Holme argued…" in a story whose lead names the society: "Lord Holme"
    if top.before and unnamed_in(question, top.before) and (named := named_first(top.text)) is not None:
        return named.text  # "Tate & Lyle's chief executive has been named… Iain Ferguson was awarded…"
    if top.before and (named := answered_before(question, top.text, top.before, top.answer)) is not None:
        return named.text  # "…says Adam Curry… He was one of a community of people who created iPodder"
    if asked_age_at_death(question) and (died := died_aged(top.text)) is not None:
        return died.text  # "How old was Jim Morrison when he died?" of "…who died aged 27 in 1971": not the clip's 40
    person = asked_age(question)
    age = age_of(person, top.text, top.before) if person is not None else None
    age = age or (lead_age(person, lead, top.text, from_a_place) if person is not None and lead else None)
    if age is not None:
        return age.text  # "How old is Bernie Ebbers?" of "Mr Ebbers, 63, …", not "a sentence of 85 years"
    thing = asked_called(question)
    called = called_in(thing, top.text, question) if thing is not None else None
    if called is not None:
        return called.text  # "What is the documentary called?" of "The film, A Different Story, chronicles…"
    if (birth := born(question, top.text)) is not None:
        return birth  # "Where was Kinnock born?" of "Born in 1942 in Tredegar to a miner father…"
    native = asked_nationality(question)
    people = nationality_in(native, top.text, own=True) if native is not None else None
    if people is not None and _read_there(top, people):
        return people.text  # "What nationality is William Gallas?" of "And the French international defender…"
    player = asked_club(question)
    club = club_in(player, top.text, country=not asks_for_a_club(question)) if player is not None else None
    if club is not None:
        return club.text  # "Which club does Granclaude play for?" of "Perpignan centre Jean-Philippe Granclaude"
    if top.reading is not None and top.reading.score >= min_reading:
        start, end = top.reading.start, top.reading.end
        if (
            top.text[start : start + 1].isupper()
            and re.search(r"\b[Tt]he $", top.text[:start])
            and top.text[end : end + 1] != "-"  # "The Birmingham-born singer": the article is the singer's
        ):
            start -= 4  # a name's article belongs to it: "The Kremlin", as the rule-based phrase has it
        # "between six months and two years", "101-year-old", "the Royal Scots and the King's Own Scottish Borderers"
        start, end = whole_range(top.text, whole_words(top.text, (start, end)), asks_several(question))
        start, end = whole_period(question, top.text, (start, end))  # "the middle of 2005", not "2005"
        start, end = whole_name(question, top.text, (start, end))  # "Modem Protection", not "Modem"
        start, end = with_its_name(question, top.text, (start, end))  # "the Derbyshire seat of Erewash"
        start, end = past_the_question(question, top.text, (start, end))  # not "Ebbers is on trial, accused of…"
        start, end = before_the_question(question, top.text, (start, end))  # not "The Sea Inside has been named…"
        start, end = past_the_preposition(question, top.text, (start, end))  # who: not "with his band's guitarist"
        start, end = the_one_the_preposition_asks(question, top.text, (start, end))  # "…doubles with Leander Paes"
        start, end = the_figure_counted(question, top.text, (start, end))  # "70" deaths, not 10,500 offences
        start, end = the_sum_at_the_named(question, top.text, (start, end))  # "at Snappy Snaps £9.99"
        start, end = with_its_unit(question, top.text, (start, end))  # "three doors", not "three"
        start, end = to_the_level(question, top.text, (start, end))  # "$42.12" of "down $1.33 to $42.12"
        start, end = by_how_much(question, top.text, (start, end))  # "70%" of "surged 70% to 2.39bn rupees"
        start, end = then_or_now(question, top.text, (start, end))  # asked what it costs now: "to 200 dinars"
        start, end = with_its_bound(top.text, (start, end))  # "more than 60%", not "60%"
        start, end = to_the_doing(question, top.text, (start, end))  # "return $500m … to shareholders"
        start, end = the_thing_wanted(question, top.text, (start, end))  # "a greater campaigning role"
        span = (start, end)  # the reader's phrase, unless the sentence has who took the post or did what was asked
        phrase = successor(question, top.text, span) or predecessor(question, top.text, span)
        phrase = phrase or role_filler(question, top.text, span)
        phrase = phrase or winner_over(question, top.text, span)  # "…best comedy newcomer, over James McAvoy"
        phrase = phrase or another_than_asked(question, top.text, span)  # "Mr Blair", not "Michael Howard has…"
        phrase = phrase or done_to(question, top.text, span)  # "Hide and Seek", not the Boogeyman that knocked it
        phrase = phrase or tidy(top.text[start:end])
        phrase = (respectively(question, top.text, phrase) or phrase) if phrase else phrase  # of "…respectively"
        if phrase and says_no_amount(question, phrase):  # asked how big, "US tobacco companies": the rule's amount
            return next((p for p in [_rule_based(question, top.text)] if p and not says_no_amount(question, p)), phrase)
        if phrase and says_no_money(question, phrase) and (money := money_in(top.text, start)) is not None:
            return money  # "How much will Reliance pay per share?": "570 rupees (£6.80; $13)", not "52 million"
        if phrase:
            return phrase
    phrase = _rule_based(question, top.text)
    if phrase and says_no_money(question, phrase) and (money := money_in(top.text)) is not None:
        return money  # unread (a sentence moved first for its sum): "£50m", not "2,000" new officers
    return phrase


def _read_there(top: Evidence, found: Found) -> bool:
    """Whether a phrase a rule finds is the answer the sentence was put first for: unread (a rule moved it first) or
    where the reader's phrase begins."""
    return top.answer is None or found.start <= top.answer[0] < found.end


def _rule_based(question: str, sentence: str) -> str | None:
    """spaCy's rule-based phrase for the question in the sentence, made whole words ("$1.75bn", not "1.75bn"), a
    number without its "the" ("five" of "each of the five levels")."""
    phrase = extract_short_answer(question, sentence)
    at = sentence.find(phrase) if phrase else -1
    phrase = tidy(sentence[slice(*whole_words(sentence, (at, at + len(phrase))))]) if phrase and at >= 0 else phrase
    return _THE_NUMBER.sub("", phrase) if phrase else phrase


_THE_NUMBER = re.compile(r"^(?i:the)\s+(?=\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b)")
