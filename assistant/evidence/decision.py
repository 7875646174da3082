"""The decision to answer, made once for every shape of answer: what the answer may stand on, and whether it answers.

Each route (``assistant.answers.routes``) names its ``Source``, what its answer stands on; the judge gathers that
evidence and decides from it:

- ``claim``: the selected sentences, answered when the answerability model finds them likely to answer, their
  articles mention every name the question gives, and the best says it happened (not only on a condition, not of
  another year) (a fact);
- ``passage``: the selected sentences, answered when there are any and their articles mention every name the
  question gives ("Tell me about X" is answered by any relevant sentence about X); ``names`` also gathers the names
  a list asks for, from them; ``sides`` a sentence for each side of a comparison;
- ``article``: every sentence of the article the question is about (a summary); ``article_names`` the names of the
  kind asked for in it (none: nothing to list); ``record`` what its stored record says (no author: nothing to say);
- ``news``: the best sentences of the best-matching articles that name what the question names; ``story`` those of
  more of them (a timeline).

A yes-or-no question's decision also carries what its evidence says to it (``verdict``, its deciding sentence first).
A question not answered gets a ``Decision`` saying why (``Why``) and the closest sentences, shown apart; the answer
saying so is written from it by ``assistant.answers.messages``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, Protocol

import numpy as np

from assistant.evidence.answerability import Answerability, AnswerabilityCheck
from assistant.evidence.article import ArticleHeaders, article_about, record_field
from assistant.evidence.clause import clause_asked_about
from assistant.evidence.disagreement import Difference, What, difference
from assistant.evidence.names import Named, counts_unnamed, names_asked_for
from assistant.evidence.polarity import Verdict, done_before, other_years, unrealised, verdict_from, years_in
from assistant.evidence.reader import Reading
from assistant.evidence.select import Evidence, EvidenceSelector, Selection
from assistant.question.age import (
    age_in,
    age_of,
    asked_age,
    asked_age_at_death,
    died_aged,
    gives_an_age,
    lead_age,
    names_another,
    opens_with,
)
from assistant.question.called import asked_called, called_in, may_name
from assistant.question.club import asked_club, asks_for_a_club, club_in
from assistant.question.names import is_year, mentions, question_names
from assistant.question.nationality import asked_nationality, nationality_in, story_about
from assistant.question.nlp import main_verb, stop_words
from assistant.question.period import since_date
from assistant.question.places import country, from_a_place
from assistant.question.post import (
    Post,
    asked_post,
    asked_title,
    asks_who,
    holder_in,
    named_first,
    names_a_holder,
    titles_said,
    unnamed_in,
)
from assistant.question.read import Question
from assistant.question.role import (
    answered_before,
    asked_role,
    done_by_the_named,
    in_the_verbs_clause,
    is_subject,
    maker_of,
    may_say_the_verb,
    names_one,
    names_someone,
    only_describes,
    parsed,
    says_it_in_any_words,
)
from assistant.question.standalone import without_carried
from assistant.question.wanted import (
    asked_claim,
    asked_doing,
    asks_a_place_in_a_table,
    asks_each,
    asks_how_many,
    asks_score,
    asks_when,
    claims,
    counts_what_is_asked,
    each_in,
    gives_a_date,
    gives_a_figure,
    may_be_not_known,
    not_known_yet,
    place_in_a_table,
    says_no_amount,
    says_no_money,
    says_no_time,
    says_only_when_relative,
    says_the_verb,
    score_in,
    sized_thing,
    wanted_labels,
)
from assistant.retrieval.fusion import FEATURES, ScoredSentence
from assistant.retrieval.naming import ArticleTexts, articles_naming, texts_naming
from assistant.timing import StageClock
from index.store import StoredArticle, StoredSentence, neighbour_ids

if TYPE_CHECKING:  # spaCy itself loads with its pipeline (question/nlp.py)
    from spacy.tokens import Token

Source = Literal["claim", "passage", "names", "sides", "article", "article_names", "record", "news", "story", "changes"]
# Why a question is not answered: the evidence does not answer it (or its articles never name what it names), says it
# only on a condition, speaks of another year, gives no amount asked "how many" or no age asked "how old"; there are
# no articles yet, or none in its period; no article is about it; the article names nothing of the kind asked for;
# the article's record does not say.
Why = Literal[
    "not_answered",
    "conditional",
    "other_year",
    "no_amount",
    "no_age",
    "not_known",
    "no_articles",
    "none_in_period",
    "not_about",
    "no_names",
    "unrecorded",
    "nothing_since",
    "undated",
]
_STEM = 5  # letters of a word that say it in any of its forms ("releas" of "released" and "release")
_UNKNOWN_DEPTH = 5  # candidates read for one saying what is asked is not known yet
_NAMING_DEPTH = 20  # candidates whose articles are looked at when the top ones never name what is asked about
_PER_ARTICLE = 2  # sentences of each article in a round-up of the news
_LIST_REACH = 3  # sentences either side of a list's top sentence looked at when it names nothing of the kind asked
_LIST_DEPTH = 10  # candidates whose sentences a list also gathers names from, when they are of the evidence's articles
_SIDE_DEPTH = 20  # candidates looked at for a sentence on a side of a comparison the evidence does not mention
_COVERAGE = FEATURES.index("coverage")
_COVERAGE_SLACK = 0.25  # share of the question's words a sentence differing only in a value may cover less or more
# A story's opening, where the organisation it is about is named ("…, according to the Hansard Society")
_LEAD_CHARS = 400
_STORIES_READ = 2  # stories naming what is asked read whole for a score or an amount when the evidence gives none
# Words that ask how big something is, not what it is about: no sentence need share them.
_SIZE_WORDS = frozenset({"big", "large", "long", "old", "far", "high", "tall", "wide", "deep", "heavy"})
_VERDICT_DEPTH = 4  # first candidates of the evidence's stories read for a yes or no the evidence does not give
_VERDICT_MATCH = 0.75  # share of the question's words such a candidate must repeat (more than the evidence must)
_EACH_DEPTH = 8  # candidates looked at for one giving a sum "each", asked what each one costs
_CLAIM_DEPTH = 12  # candidates looked at for one having the speaker predict (claim, warn…) what is asked
_DATE_DEPTH = 5  # next evidence sentences and candidates looked at for a day, where the best gives none
_CLOSE_DEPTH = 5  # first candidates looked at for one saying what is asked where the best does not (a country…)
# An award's category, said without "the": "Who won best comedy newcomer?", "Which film won best picture?"
_CATEGORY = re.compile(
    r"(?<!\bthe )(?<!\bThe )\bbest\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+(?=\s+(?:award|at|in|for|of)\b|\s*\?|$)"
)
# "Where was Neil Kinnock born?": a sentence of the story saying "born", where the best does not
_ASKS_BORN = re.compile(r"^\s*(?i:where|when|in\s+which\s+\w+|what\s+year)\b.*\b(?i:born)\b")
_BORN = re.compile(r"\b(?i:born)\b")
# "Who is Ladbrokes' favourite…?": the one a name has, which a sentence not naming them says of another's
_OWNED = re.compile(
    r"^\s*(?i:who|what)\s+(?i:is|was|are|were)\s+(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s?\s+"
    r"(?P<thing>[a-z]{4,})\b"
)
_WHICH_PLACE = re.compile(r"^\s*(?i:which|what)\s+(?P<kind>(?i:country|nation|city|town))\b")
_ASKS_PRICE = re.compile(r"\bprice\b", re.IGNORECASE)
_A_PRICE = re.compile(r"\bat\s+[$£€¥]\s?\d|[$£€¥]\s?\d[\d.,]*\s?(?:bn|m)?\s+(?:each|a\s+share|per\s+share|apiece)\b")
_ASKS_AMOUNT = re.compile(r"^\s*(?i:how)\s+(?i:many|much)\b")
_HOW_MUCH = re.compile(r"^\s*(?i:how)\s+(?i:many|much|fast|quickly)\b")  # a figure a country has its own of
# The last words of names of bodies spaCy's small model may take for a person's ("Maria Sklodowska-Curie Institute").
_BODIES = frozenset({"Institute", "University", "College", "Foundation", "Centre", "Center", "Hospital", "School"})
_WHEN = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w'’-]*")  # a question's words that may name someone (not its first)
_OWN_KINDS = frozenset({"ORG", "NORP", "PERSON"})  # names the best sentence may have another of in their place
_OWN_ROLES = frozenset({"poss", "subject"})  # in these roles: "the Conservatives' largest donor"
_PLACE_DEPTH = 3  # first candidates looked at for one naming the country asked about, where the best does not
_VERB_DEPTH = 5  # candidates looked at for one of the best sentence's story with the verb a "Who…?" question asks
_MONEY_DEPTH = 6  # candidates looked at for a sum of money asked about when the evidence gives none
_DIFFER_DEPTH = 20  # candidates of other articles compared with an answer's sentence for a value stated differently
# The kinds of value two sources may differ on that matter to a question, by the first label it wants (any, if none).
_DIFFER_ON: dict[str, tuple[What, ...]] = {
    **dict.fromkeys(("CARDINAL", "QUANTITY", "MONEY", "PERCENT"), ("number", "negation")),
    **dict.fromkeys(("DATE", "TIME"), ("date", "number", "negation")),
    **dict.fromkeys(("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"), ("name", "negation")),
}


@dataclass(frozen=True)
class Decision:
    """What an answer may stand on (``evidence``), whether it answers, and if not ``why`` not, with the closest
    sentences (``related``, never cited). ``answerability`` is the model's view where it was asked; ``article`` the
    article a question about the articles is about (``guessed``: the most recently added of several); ``names`` the
    names a list gives."""

    evidence: tuple[Evidence, ...]
    answerable: bool
    why: Why | None = None
    answerability: Answerability | None = None
    article: StoredArticle | None = None
    guessed: bool = False
    names: tuple[Named, ...] = ()
    related: tuple[Evidence, ...] = ()
    kinds: Mapping[str, float] | None = None  # the reader's probabilities that the answer is a phrase, yes, no, none
    verdict: Verdict | None = None  # for a yes-or-no question, what a sentence of the evidence says to it
    expected: bool = False  # asked what happened, the evidence says only what will or may happen, or is hoped
    years: tuple[str, ...] = ()  # the years the closest sentence speaks of, not the question's
    uncovered: tuple[str, ...] = ()  # the sides of a comparison no candidate sentence mentions
    known: tuple[Evidence, ...] = ()  # what older articles already said (a "what changed" answer leaves it out)
    since: str | None = None  # the day from which articles are newer, for a "what changed" answer
    differs: Difference | None = None  # the evidence's first two sentences, of two articles, state this differently

    def decided_by(self, verdict: Verdict) -> Decision:
        """This decision with ``verdict`` said to a yes-or-no question, its deciding sentence moved first; a language
        model's verdict with the passage it read (the sentences around it, in the article's order), all cited."""
        deciding = self.evidence[verdict.sentence]
        first = deciding.passage() if verdict.how == "model" else [deciding]
        taken = {e.sentence_id for e in first}
        evidence = (*first, *(e for e in self.evidence if e.sentence_id not in taken))
        return replace(
            self, evidence=evidence, verdict=replace(verdict, sentence=first.index(deciding), cites=len(first))
        )

    @property
    def missing(self) -> tuple[str, ...]:
        """The question's names the evidence's articles never use."""
        return self.answerability.missing if self.answerability is not None else ()

    @property
    def probability(self) -> float:
        return self.answerability.probability if self.answerability is not None else float(self.answerable)

    @property
    def reading(self) -> float | None:
        return self.answerability.reading if self.answerability is not None else None

    @property
    def relevance(self) -> float | None:
        return self.answerability.relevance if self.answerability is not None else None


class JudgedStore(ArticleTexts, ArticleHeaders, Protocol):
    """What the judge reads from a store besides the selector's sentences: article texts and headers, and counts."""

    def count(self) -> tuple[int, int]: ...


@dataclass(frozen=True)
class JudgeLimits:
    """How many articles a round-up of the news takes, how many related sentences an abstention shows, and the fused
    score under which a sentence is not news on the topic."""

    news_articles: int = 3
    related: int = 5
    min_relevance: float = 1.1
    min_verdict_match: float = 1.1  # share of a yes-or-no question's words its deciding sentence repeats (>1: never)
    story_articles: int = 8  # articles a timeline of a story takes (their best sentences)


class Judge:
    """Gathers the evidence a route's answer stands on and decides whether to answer: the one place that does."""

    def __init__(
        self, store: JudgedStore, selector: EvidenceSelector, check: AnswerabilityCheck, limits: JudgeLimits
    ) -> None:
        self.store = store
        self.selector = selector
        self.check = check
        self.limits = limits
        self._sources: dict[Source, Callable[[Question, Sequence[ScoredSentence], int | None, StageClock], Decision]]
        self._sources = {
            "claim": self._claim,
            "passage": self._passage,
            "names": self._names,
            "sides": self._sides,
            "article": self._article,
            "article_names": self._article_names,
            "record": self._record,
            "news": self._news,
            "story": self._story,
            "changes": self._changes,
        }

    def decide(
        self,
        question: Question,
        ranked: Sequence[ScoredSentence],
        source: Source,
        k: int | None = None,
        clock: StageClock | None = None,
    ) -> Decision:
        """The decision on ``question`` from its ranking, for an answer standing on ``source`` (at most ``k``
        sentences selected; ``clock`` gets the selector's laps and "answerability")."""
        clock = clock or StageClock()
        decision = self._sources[source](question, ranked, k, clock)
        clock.lap("answerability")
        # A comparison asked as yes or no is decided only by a sentence saying it of both sides ("Celebrity Big
        # Brother attracted less viewers than its 2002 series").
        if decision.answerable and question.shape.yes_no:
            decided = self._verdict(question, decision, ranked)
            if not question.shape.sides or _of_both_sides(question.shape.sides, decided):
                decision = decided
            clock.lap("verdict")
        # Asked for the latest, a newer article's value is the answer, not a source disagreeing with an older one.
        if decision.answerable and source in ("claim", "passage") and not (question.shape.sides or question.latest):
            decision = self._disagreement(question, decision, ranked)
            clock.lap("disagreement")
        return decision

    def _disagreement(self, question: Question, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a sentence of another article that states the answer's sentence differently (a number,
        a date, a name of the kind the question asks for, or that it did not happen), moved second, when there is
        one among the first candidates; the older of the two first when their articles' dates say."""
        top = decision.evidence[0]
        # No relevance floor: a sentence saying the same as the answer's but for one value is as relevant as it, and
        # covers the same words of the question but for a word of the value ("Tesla Coil" to "Which of Tesla's
        # inventions…?"): only such candidates are read.
        head = ranked[:_DIFFER_DEPTH]
        covers = {r.id: float(r.features[_COVERAGE]) for r in head if r.features.size > _COVERAGE}
        same = covers.get(top.sentence_id)
        alike = [r for r in head if same is None or abs(covers.get(r.id, same) - same) <= _COVERAGE_SLACK]
        others = [r for r in alike if r.article_id != top.article_id]
        if not others:
            return decision
        kinds = _DIFFER_ON.get(next(iter(wanted_labels(question.text)), ""), ("number", "date", "name", "negation"))
        asked = question.text.lower()
        texts = self.selector.store.get_sentences([r.id for r in others])  # one read, the texts alone
        for r in others:
            stored = texts.get(r.id)
            said = difference(top.text, stored.text) if stored is not None else None
            if said is None or said.what not in kinds or said.first.lower() in asked or said.second.lower() in asked:
                continue
            found = self.selector.sentences([r])
            if not found:  # deleted since
                continue
            other = found[0]
            pair = [top, other]
            if top.article.date and other.article.date and other.article.date[:10] < top.article.date[:10]:
                pair, said = [other, top], Difference(said.what, said.second, said.first)
            rest = [e for e in decision.evidence if e.sentence_id not in {other.sentence_id, top.sentence_id}]
            return replace(decision, evidence=(*pair, *rest), differs=said, verdict=None)
        return decision

    def _verdict(self, question: Question, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with what its evidence says to a yes-or-no question, its deciding sentence first; where the
        evidence says nothing to it, what the first candidates of its stories say ("It is not the first time Apple
        has sued people who…", ranked first but left out of the evidence by the reader), if it repeats three
        quarters of the question's words (at the evidence's one half, "Could it fire? (weapon found)" got a wrong Yes
        that way on CoQA's fitting stories). The question is read as asked, without the words a follow-up carries
        for retrieval ("Is that a felony? (charge)"), which no sentence need repeat."""
        asked = without_carried(question.text)
        # of the stories naming whom the question asks about: "…said he would not apologise" of Ken Livingstone's
        # story is no verdict on whether Bellamy will
        naming = set(articles_naming(self.store, asked, [e.article_id for e in decision.evidence], years=False))
        usable = [i for i, e in enumerate(decision.evidence) if e.article_id in naming]
        said = verdict_from(asked, [decision.evidence[i].text for i in usable], self.limits.min_verdict_match)
        if said is not None:
            return decision.decided_by(replace(said, sentence=usable[said.sentence]))
        stories, have = naming, {e.sentence_id for e in decision.evidence}
        more = [r for r in ranked[:_VERDICT_DEPTH] if r.article_id in stories and r.id not in have]
        candidates = self.selector.sentences(more) if more else []
        match = max(self.limits.min_verdict_match, _VERDICT_MATCH)
        said = verdict_from(asked, [e.text for e in candidates], match)
        if said is None:
            return decision
        widened = replace(decision, evidence=(*decision.evidence, candidates[said.sentence]))
        return widened.decided_by(replace(said, sentence=len(decision.evidence)))

    # --- sentences selected for the question ----------------------------------------------------------------------

    def _claim(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """The selected sentences, answered when likely to and when the best says it happened or will: said only on a
        condition ("if the Conservatives won") or of another year than the question's, it does not answer "Who won
        the 2005 election?", nor with no amount at all "How much…?"; said only as expected, the decision says so
        (``expected``)."""
        evidence, answerability = self._selected(question.text, ranked, k, clock)
        decision = _decided(evidence, answerability.likely and not answerability.missing, answerability)
        post = asked_post(question.text)
        if post is not None:  # "Who is the chief executive of Fiat?": the sentence naming the holder, if any
            decision = self._holder_first(post, question.text, decision, ranked)
        title = asked_title(question.text)
        if title is not None and decision.answerable:  # "Who is the education secretary?" of "The shadow education…"
            decision = self._title_first(title, decision, ranked)
        decision = self._naming_story_first(question.text, decision)
        decision = self._own_first(question.text, decision, ranked)  # before the rules reading on from the best
        decision = self._named_next(question.text, decision)
        decision = self._named_after(question.text, decision)
        decision = self._other_than_named(question.text, decision)
        decision = _with_the_one_named_before(question.text, decision)
        decision = self._done_next(question.text, decision)
        decision = self._verb_first(question.text, decision, ranked)
        decision = self._place_first(question.text, decision, ranked)
        decision = self._close_first(question.text, decision, ranked)
        person = asked_age(question.text)
        if person is not None:  # "How old is Bernie Ebbers?": the sentence giving his age ("Mr Ebbers, 63, …")
            decision = self._age_first(person, question.text, decision, ranked)
        if asks_a_place_in_a_table(question.text) and place_in_a_table(question.text, _top_text(decision)) is None:
            # "Where did The Aviator come?" of its awards: the sentence naming it that gives its place ("…came third")
            names = question_names(question.text)
            head = [r for r in ranked[:_NAMING_DEPTH] if r.score >= self.limits.min_relevance]

            def placed(text: str) -> bool:
                return place_in_a_table(question.text, text) is not None and all(mentions([text], n) for n in names)

            decision = self._first_giving(decision, head, placed)
        if asked_age_at_death(question.text) is not None and not died_aged(_top_text(decision)):
            # "How old was Jim Morrison when he died?": "…the Doors frontman, who died aged 27 in 1971"
            head = [r for r in ranked[:_CLOSE_DEPTH] if r.score >= self.limits.min_relevance]
            decision = self._first_giving(decision, head, lambda text: died_aged(text) is not None)
        native = asked_nationality(question.text)
        if native is not None:  # "What nationality is William Gallas?": "the French international defender"
            decision = self._nationality_first(native, question.text, decision, ranked)
        player = asked_club(question.text)
        if player is not None:  # "Which club does Granclaude play for?": "Perpignan centre Jean-Philippe Granclaude"
            decision = self._club_first(player, question.text, decision, ranked)
        thing = asked_called(question.text)
        if thing is not None and not done_by_the_named(question.text, _top_text(decision)):
            # "What is the documentary called?": "The film, A Different Story, chronicles…"; not where the best has the
            # one the question names do it to one ("…Boogeyman has knocked … Hide and Seek from the top spot")
            decision = self._called_first(thing, question.text, decision, ranked)
        claim = asked_claim(question.text)
        if claim is not None:  # "What did Oliver Letwin predict?": the sentence having him predict something
            decision = self._claimed_first(*claim, decision, ranked)
        if decision.answerable and asks_each(question.text) and not each_in(decision.evidence[0].text):
            # "How much is each 7E7 plane?" of the deal's total: its story's sentence giving a sum "each"
            decision = self._each_first(decision, ranked)
        if decision.answerable and (sized := sized_thing(question.text)):
            # "How big are the Conservatives' planned tax cuts?" of "…cutting Labour's public spending plans by a
            # massive £35 billion": the evidence's sentence naming the tax cuts with an amount ("tax cuts worth £4bn")
            decision = self._sized_first(question.text, sized, decision, ranked)
        if (
            decision.answerable
            and asks_how_many(question.text)
            and not counts_what_is_asked(question.text, _top_text(decision))
        ):
            # "How many GameBoys does the project use?" of "Kujda found five other people…": a sentence of the
            # best one's story counting them ("…made by six Nintendo GameBoys")
            decision = self._counted_first(question.text, decision, ranked)
        if decision.answerable and says_no_amount(question.text, decision.evidence[0].text):
            # "How big are the tax cuts?" of "…revealed the full scale of his planned tax cuts": the next sentence
            # of the evidence giving an amount ("his plans for £4bn tax cuts"), where there is one.
            decision = self._amount_first(question.text, decision, ranked)
        if decision.answerable and asks_when(question.text) and self._undated(question.text, decision.evidence[0]):
            # "When will the PSP go on sale in the US?" of "…later this month": a close sentence giving the day
            # ("the PSP is released in the US on 24 March") comes first; so it does where the best says when it
            # was, asked when it will be ("…was last held in February 1974" to "When will the election be held?").
            decision = self._dated_first(question.text, decision, ranked)
        if decision.answerable and says_no_money(question.text, decision.evidence[0].text):
            # "How much is Lenovo paying for IBM's PC division?" of "…China's number one computer maker Lenovo": the
            # sentence giving money that shares most of the question's words ("the $1.75bn (£900m) deal … PC vendor").
            decision = self._money_first(question.text, decision, ranked)
        if asks_score(question.text) and decision.evidence and not score_in(decision.evidence[0].text):
            # "What was the score between Charlton and Norwich?" of a fixture list: the sentence giving a score in
            # the stories naming both sides ("Curbishley said after the 4-0 win").
            decision = self._score_first(question.text, decision, ranked)
        decision = self._read_in_its_clause(question.text, decision)
        years = other_years(question.text, decision.evidence[0].text) if decision.evidence else ()
        if not decision.answerable:
            if years and answerability.likely and all(is_year(name) for name in answerability.missing):
                # The articles never say the year asked about, and the best sentence gives another: say which.
                return replace(decision, why="other_year", years=years)
            return decision
        if years and (named := self._of_the_year_asked(question.text, decision, ranked)) is not None:
            # "What did the CBO forecast for the 2005 shortfall?" of "…for the years from 2006 to 2015": the next
            # sentence of the evidence, or of its story's close candidates, that gives the year asked ("a $348bn
            # shortfall in the 2005 fiscal year")
            decision, years = _found_in_naming_story(decision, named), ()
        said = unrealised(question.text, decision.evidence[0].text)
        if said == "conditional":
            return replace(decision, answerable=False, why="conditional", related=decision.evidence)
        if years:  # "Who won the 2005 election?" of "…won the seat in 1997"
            return replace(decision, answerable=False, why="other_year", related=decision.evidence, years=years)
        unknown = self._not_known(question.text, decision, ranked)
        if unknown is not None:  # "Which taxes would the Tories cut?" of "the specific taxes … have not been announced"
            related = (unknown, *(e for e in decision.evidence if e.sentence_id != unknown.sentence_id))
            return replace(decision, answerable=False, why="not_known", related=related)
        top = decision.evidence[0].text
        made = any(maker_of(question.text, e.text) for e in decision.evidence)
        if _answers_with_the_one_asked(question.text, decision.evidence[0]) and not made:
            # "Who replaced Cathy Jamieson as justice minister?" of "…Justice Minister Cathy Jamieson has decided…";
            # not "Who directed Vera Drake?" of "Mike Leigh's film Vera Drake…", which gives its maker
            return replace(decision, answerable=False, why="not_answered", related=decision.evidence)
        if says_no_amount(question.text, top) or says_no_money(question.text, top):  # "How much did she pay?" of no
            return replace(decision, answerable=False, why="no_amount", related=decision.evidence)  # figure, no sum
        if person is not None and (
            not gives_an_age(f"{decision.evidence[0].before} {top}") or names_another(person, top)
        ):
            # "How old is Carlos Moya?" of a seedings list ("5 Carlos Moya (Spain)"): no age, so no answer
            return replace(decision, answerable=False, why="no_age", related=decision.evidence)
        # what something is called is its name, whenever the event it is named for happens; what someone
        # predicted, warned or feared is what they said would be
        return replace(decision, expected=said == "expected" and thing is None and claim is None)

    def _not_known(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Evidence | None:
        """The first of the evidence and the first candidates that says what is asked is not known yet ("…the
        specific taxes to be cut have not been announced"), or None."""
        said = next((e for e in decision.evidence if not_known_yet(question, e.text)), None)
        if said is not None:
            return said
        if not may_be_not_known(question):
            return None
        have = {e.sentence_id for e in decision.evidence}
        head = [r for r in ranked[:_UNKNOWN_DEPTH] if r.id not in have]
        stored = self.store.get_sentences([r.id for r in head])  # their texts alone; one is made evidence
        found = next((r for r in head if r.id in stored and not_known_yet(question, stored[r.id].text)), None)
        return next(iter(self.selector.sentences([found])), None) if found is not None else None

    def _score_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a sentence giving a score first, answered: of the evidence's sentences from stories
        naming both sides and the sentences of the first two such stories among the candidates', the first naming
        most of the sides itself ("Saturday's 24-18 win over France", not "they were then trounced 45-6 by New
        Zealand"); else the evidence's first giving one ("Arsenal … a 2-0 victory over Fulham" does not answer for
        Chelsea at Fulham while a story naming both gives one); as it was when none gives one."""
        scoring = [e for e in decision.evidence if score_in(e.text)]
        candidates = [r.article_id for r in ranked[:_NAMING_DEPTH]]
        # the stories of the evidence's scores and of the candidates, read once
        naming = set(articles_naming(self.store, question, [*candidates, *(e.article_id for e in scoring)]))
        stories = [e for e in self._stories([a for a in dict.fromkeys(candidates) if a in naming]) if score_in(e.text)]
        found = _naming_most(question, [*(e for e in scoring if e.article_id in naming), *stories])
        return _first(decision, found or next(iter(scoring), None))

    def _amount_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a sentence giving an amount first: the best's next when it gives a figure of what is asked
        (the best cited second), else of the evidence, or of the first two stories naming everything the question
        names one giving a figure of what is asked and sharing a word of the question's own
        ("his 92-cap Wales career" to "How many caps has Gareth Llewellyn won?"), the one sharing most of its words
        (the evidence's first on a tie); as it was when none does."""
        top = decision.evidence[0]
        if top.after and gives_a_figure(question, top.after) and not says_no_amount(question, top.after):
            # "Maruti has reported a sharp increase in quarterly profit… Net profit surged 70%…": its next sentence
            after = _next_of(top)
            read = self._read(question, after.sentence) if self.selector.reader is not None else None
            if read is not None:
                return _read_first(decision, after, read)
            rest = tuple(e for e in decision.evidence[1:] if e.sentence_id != after.sentence_id)
            return replace(decision, evidence=(after, top, *rest))
        evidence = [e for e in decision.evidence if not says_no_amount(question, e.text)]
        stories = [e for e in self._naming_stories(question, ranked) if gives_a_figure(question, e.text)]
        return _moved_first(decision, _most_shared(question, evidence, stories))

    def _sized_first(
        self, question: str, thing: Sequence[str], decision: Decision, ranked: Sequence[ScoredSentence]
    ) -> Decision:
        """The decision with the first of the evidence and the close candidates of its story naming ``thing`` (its
        words in any form) with an amount first, where the best sentence does not name it; as it was otherwise."""
        asked = _stems(" ".join(thing))

        def names(e: Evidence) -> bool:
            return asked <= _stems(e.text)

        if names(decision.evidence[0]):
            return decision
        close = self._rest_and_close(decision, ranked)
        return _moved_first(
            decision, next((e for e in close if names(e) and not says_no_amount(question, e.text)), None)
        )

    def _counted_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a sentence of the best one's story giving a figure of what is counted first, naming the
        people of the question the best names, the one sharing most of the question's words (the evidence's first
        on a tie); as it was when none does. (Of other stories too, it moved more of SQuAD's answers away than it
        found.)"""
        top = decision.evidence[0].text
        people = [e.text for e in parsed(question).ents if e.label_ == "PERSON" and e[-1].text not in _BODIES]
        named = [name for name in people if mentions([top], name)]  # Derek Wolfe's sacks, not Von Miller's
        named += [w for w in _WHEN.findall(question) if w in top]  # "December" of "Before December's … record"

        def counts(e: Evidence) -> bool:
            if not gives_a_figure(question, e.text) or other_years(question, e.text):
                return False  # not 2004's texts for "How many texts are forecast for 2005?"
            return all(mentions([e.text], name) for name in named)

        story = decision.evidence[0].article_id
        evidence = [e for e in decision.evidence if e.article_id == story and counts(e)]
        return _moved_first(decision, _most_shared(question, [*evidence, *filter(counts, self._stories([story]))]))

    def _dated_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the first of the next evidence sentences and first candidates that gives a day or a
        year, of the best sentence's story or naming everything the question names, first (the first saying the
        question's verb, if one does); as it was when none does."""
        have = {e.sentence_id for e in decision.evidence}
        head = [r for r in ranked[:_DATE_DEPTH] if r.id not in have and r.score >= self.limits.min_relevance]
        close = [*decision.evidence[1:_DATE_DEPTH], *self.selector.sentences(head)]
        names, story = question_names(question), decision.evidence[0].article_id

        def says_when(e: Evidence) -> bool:
            return gives_a_date(e.text) and not done_before(question, e.text)

        def dated(e: Evidence) -> bool:
            return (e.article_id == story or all(mentions([e.text], n) for n in names)) and says_when(e)

        dates = [e for e in close if dated(e)]  # one saying the question's verb first ("It opens … on 19 May")
        verb = main_verb(question)
        found = next((e for e in dates if verb and says_the_verb(verb[1], e.text)), dates[0] if dates else None)
        if found is None and names:  # of the other stories naming what is asked, one saying the question's own words
            own = {w[:_STEM] for w in _words(question) - stop_words() - _words(" ".join(names))}
            stories = [e for e in self._naming_stories(question, ranked) if e.article_id != story]
            found = next((e for e in stories if own & _stems(e.text) and says_when(e)), None)
        return _moved_first(decision, found)

    @staticmethod
    def _undated(question: str, best: Evidence) -> bool:
        """Whether the best sentence does not say when the question asks: only relative to its own day ("later this
        month"), not at all where the reader read a name there ("60 Minutes" of "He told US TV show 60 Minutes
        that…"; "Under intense light" is a when too), or when it was where the question asks when it will be."""
        sentence = best.text
        read = sentence[slice(*best.answer)] if best.answer is not None else ""
        named = bool(read) and all(w[:1].isupper() or w[:1].isdigit() for w in re.findall(r"[\w'’-]+", read))
        no_time = named and says_no_time(sentence)
        return says_only_when_relative(sentence) or no_time or done_before(question, sentence)

    def _age_first(self, person: str, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the sentence giving the person's age first ("Mr Ebbers, 63, …"): of the evidence, else
        of the first story naming them that gives one, answered (nothing the question names is missing from it); as
        it was when none does."""

        def giving(e: Evidence) -> bool:
            return age_of(person, e.text, e.before) is not None

        found = next((e for e in decision.evidence if giving(e)), None)
        if found is not None:
            return _with_its_naming(_first(decision, found), person)
        story = self._in_first_naming_story(question, ranked, lambda _, text: age_in(person, text) is not None, giving)
        if story is not None:
            return _with_its_naming(_found_in_naming_story(decision, story), person)
        return self._lead_aged(person, question, decision, ranked)

    def _lead_aged(self, person: str, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the sentence giving the person's age as "the 60-year-old actor" first and its story's
        lead naming them ("Actor Michael Douglas is to…") second, both cited, of the first candidates' story whose
        lead opens with them; as it was when there is none."""
        texts = texts_naming(self.store, question, [r.article_id for r in ranked[:_NAMING_DEPTH]])
        headers = self.store.headers(list(texts))
        for article_id, text in texts.items():
            if article_id not in headers or opens_with(person, text) is None:
                continue  # a story whose lead does not open with them
            story = self.selector.of_article(headers[article_id])
            found = next((e for e in story[1:] if lead_age(person, story[0].text, e.text, from_a_place)), None)
            if found is None:
                return decision
            answered = _found_in_naming_story(decision, found)
            rest = [e for e in answered.evidence[1:] if e.sentence_id != story[0].sentence_id]
            return replace(answered, evidence=(found, story[0], *rest))
        return decision

    def _club_first(self, player: str, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the sentence giving the player's club first ("Bath prop Matt Stevens"): of the evidence,
        else of the first story naming them that gives one, answered; as it was when none does."""

        country = not asks_for_a_club(question)

        def giving(e: Evidence) -> bool:
            return club_in(player, e.text, country=country) is not None

        found = next((e for e in decision.evidence if giving(e)), None)
        if found is not None:
            return _first(decision, found)
        story = self._in_first_naming_story(
            question, ranked, lambda _, text: club_in(player, text, country=country) is not None, giving
        )
        return decision if story is None else _found_in_naming_story(decision, story)

    def _nationality_first(
        self, person: str, question: str, decision: Decision, ranked: Sequence[ScoredSentence]
    ) -> Decision:
        """The decision with the sentence giving the people the person is of first ("French defender William
        Gallas", or in their own story "the French international defender"): of the evidence, else of the first
        story naming them that gives it, answered; as it was when none does."""
        about: set[str] = set()  # stories whose title or lead names them

        def giving(e: Evidence) -> bool:
            own = e.article_id in about or story_about(person, e.title, "")
            return nationality_in(person, e.text, own=own) is not None

        def story_gives(header: StoredArticle, text: str) -> bool:
            if story_about(person, header.title, text):
                about.add(header.id)
            own = header.id in about
            return nationality_in(person, text, own=own) is not None

        found = next((e for e in decision.evidence if giving(e)), None)
        if found is not None:
            return _first(decision, found)
        story = self._in_first_naming_story(question, ranked, story_gives, giving, years=False)
        return decision if story is None else _found_in_naming_story(decision, story)

    def _each_first(self, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the first of its evidence, else of the first candidates of its best sentence's story,
        that gives a sum for each one ("at $120m each") first; as it was when none does."""
        story = decision.evidence[0].article_id
        head = [r for r in ranked[:_EACH_DEPTH] if r.article_id == story]
        return self._first_giving(decision, head, lambda text: each_in(text) is not None)

    def _claimed_first(self, speaker: str, verb: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the first of its evidence, else of the first relevant candidates, that has the speaker
        do the verb ("Tory shadow chancellor Oliver Letwin also predicted Mr Brown would…") first, answered; as it
        was when none does."""
        head = [r for r in ranked[:_CLAIM_DEPTH] if r.score >= self.limits.min_relevance]
        return self._first_giving(decision, head, lambda text: claims(speaker, verb, text))

    def _first_giving(
        self, decision: Decision, head: Sequence[ScoredSentence], gives: Callable[[str], bool]
    ) -> Decision:
        """The decision with the first of its evidence whose text ``gives`` what is asked, else the first of ``head``
        (candidates read by their texts alone, one read), first and answered; as it was when none does."""
        found = next((e for e in decision.evidence if gives(e.text)), None)
        if found is None:
            texts = self.selector.store.get_sentences([r.id for r in head])
            giving = next((r for r in head if r.id in texts and gives(texts[r.id].text)), None)
            found = next(iter(self.selector.sentences([giving])), None) if giving is not None else None
        return _first(decision, found)

    def _title_first(self, title: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the first of its evidence, else of the first relevant candidates, that says the title
        asked about itself ("new education secretary Ruth Kelly") first, where the best says it only of another post
        ("The shadow education secretary, Tim Collins"); as it was otherwise."""
        if titles_said(title, decision.evidence[0].text) != (False, True):
            return decision
        head = [r for r in ranked[:_CLAIM_DEPTH] if r.score >= self.limits.min_relevance]
        return self._first_giving(decision, head, lambda text: titles_said(title, text)[0])

    def _called_first(
        self, thing: str, question: str, decision: Decision, ranked: Sequence[ScoredSentence]
    ) -> Decision:
        """The decision with the sentence giving the name of what is asked first ("The film, A Different Story,
        chronicles…"): of the evidence, else of the first story naming everything the question names that gives
        one, answered; as it was when none does."""

        def giving(e: Evidence) -> bool:
            return called_in(thing, e.text, question) is not None

        found = next((e for e in decision.evidence if giving(e)), None)
        if found is not None:
            return _first(decision, found)
        story = self._in_first_naming_story(question, ranked, lambda _, text: may_name(thing, text), giving)
        return decision if story is None else _found_in_naming_story(decision, story)

    def _in_first_naming_story(
        self,
        question: str,
        ranked: Sequence[ScoredSentence],
        story_gives: Callable[[StoredArticle, str], bool],
        gives: Callable[[Evidence], bool],
        *,
        years: bool = True,
    ) -> Evidence | None:
        """Of the first of the candidates' stories naming everything the question names (its years too, with
        ``years``) whose header and text ``story_gives`` what is asked, the first sentence that ``gives`` it; None when
        none does. The texts are read once, the sentences of that one story only."""
        texts = texts_naming(self.store, question, [r.article_id for r in ranked[:_NAMING_DEPTH]], years=years)
        headers = self.store.headers(list(texts))
        story = next((headers[a] for a in texts if a in headers and story_gives(headers[a], texts[a])), None)
        return next((e for e in self.selector.of_article(story) if gives(e)), None) if story is not None else None

    def _in_naming_stories(
        self, question: str, ranked: Sequence[ScoredSentence], giving: Callable[[Evidence], bool]
    ) -> Evidence | None:
        """Of the first two stories among the candidates' that name everything the question names, the sentence
        ``giving`` what is asked that shares most of the question's words (the first in the story on a tie)."""
        return _most_shared(question, [e for e in self._naming_stories(question, ranked) if giving(e)])

    def _naming_stories(self, question: str, ranked: Sequence[ScoredSentence]) -> list[Evidence]:
        """The sentences of the first two stories among the candidates' that name everything the question names."""
        return self._stories(articles_naming(self.store, question, [r.article_id for r in ranked[:_NAMING_DEPTH]]))

    def _stories(self, naming: Sequence[str]) -> list[Evidence]:
        """The sentences of the first two of these stories."""
        headers = self.store.headers(list(naming[:_STORIES_READ]))
        return [e for a in naming[:_STORIES_READ] if a in headers for e in self.selector.of_article(headers[a])]

    def _money_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a sentence giving a sum of money first: of the evidence and the first candidates (read
        without the reader), or of the stories naming what is asked one sharing a word of the question's own, the
        one sharing most of its words ("…the devices which will cost about £70", not another story's "…the gadget,
        which costs $250"; the evidence's first on a tie); as it was when none gives one."""
        have = {e.sentence_id for e in decision.evidence}
        head = [r for r in ranked[:_MONEY_DEPTH] if r.id not in have and r.score >= self.limits.min_relevance]
        naming = set(articles_naming(self.store, question, [r.article_id for r in head], years=False))
        head = [r for r in head if r.article_id in naming]  # not "The movie, which cost…" of another film's story
        close = [e for e in [*decision.evidence, *self.selector.sentences(head)] if not says_no_money(question, e.text)]
        stories = [e for e in self._naming_stories(question, ranked) if not says_no_money(question, e.text)]
        if _ASKS_PRICE.search(question) and any(_A_PRICE.search(e.text) for e in [*close, *stories]):
            # "At what price did Google sell its shares?": "…sold 19.6 million shares at $85 each", not "fell $12.33"
            verb = main_verb(question)
            priced = [e for e in [*close, *stories] if _A_PRICE.search(e.text)]
            saying = [e for e in priced if verb is not None and says_the_verb(verb[1], e.text)]
            close, stories = saying or priced, []  # the price it sold at, not the one it closed at
        return _moved_first(decision, _most_shared(question, close, stories))

    def _holder_first(
        self, post: Post, question: str, decision: Decision, ranked: Sequence[ScoredSentence]
    ) -> Decision:
        """The decision with the sentence naming the post's holder first ("Fiat boss Sergio Marchionne"), from the
        evidence or else from the articles of the first candidates that name the organisation, and answered; as it
        was when none names one (a title in other words than these is left to the reader)."""

        led: set[str] = set()  # stories whose lead names the organisation ("…, according to the Hansard Society")

        def own(title: str, article_id: str) -> bool:  # the organisation's own story, where a title alone is its
            return post.org.lower() in title.lower() or article_id in led

        def holding(e: Evidence) -> bool:
            return holder_in(post, e.text, own=own(e.title, e.article_id)) is not None

        def story_gives(header: StoredArticle, text: str) -> bool:
            if post.org.lower() in text.split("\n", 1)[0][:_LEAD_CHARS].lower():
                led.add(header.id)
            return names_a_holder(post, text, own=own(header.title, header.id))

        found = next((e for e in decision.evidence if holding(e)), None)
        if found is None:
            found = self._in_first_naming_story(question, ranked, story_gives, holding, years=False)
        return _first(decision, found)

    @staticmethod
    def _named_next(question: str, decision: Decision) -> Decision:
        """The decision with the best sentence's next first, both cited, when the best describes the one asked for
        without naming them and the next opens with a person's name ("Tate & Lyle's chief executive has been named…
        Iain Ferguson was awarded…", "A previous Labour chancellor resigned… Hugh Dalton resigned after…"); as it was
        otherwise."""
        top = decision.evidence[0] if decision.evidence else None
        if top is None or not top.after or not unnamed_in(question, top.text) or named_first(top.after) is None:
            return decision
        after = _next_of(top)
        named = _first(replace(decision, evidence=(top, *decision.evidence)), after)
        return replace(named, evidence=(named.evidence[0], top, *named.evidence[2:]))

    def _named_after(self, question: str, decision: Decision) -> Decision:
        """The decision with the best sentence's next first, both cited, when asked who, the reader's phrase in the
        best only describes them and in the next names a person or an organisation ("…, London's most senior police
        officer has said. Sir Ian Blair said…"; "…to a business partner. Mr Khodorkovsky handed over his … stake … to
        Leonid Nevzlin"); as it was otherwise."""
        top = decision.evidence[0] if decision.evidence else None
        if top is None or not top.after or self.selector.reader is None or not asks_who(question):
            return decision
        if not only_describes(top.text, top.answer):
            return decision
        after = _next_of(top)
        read = self._read(question, after.sentence)
        if read is None:
            return decision
        if read.score >= 0 and names_one(after.text, (read.start, read.end)):
            return _read_first(decision, after, read)
        opening = named_first(after.text) if is_subject(top.text, top.answer) else None
        if opening is None:  # the one said to have said or done it, named as the next sentence's subject
            return decision
        return _read_first(decision, after, replace(read, start=opening.start, end=opening.end))

    def _of_the_year_asked(
        self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]
    ) -> Evidence | None:
        """The first of the evidence after its best, then of the best's story's close candidates, that names a year
        the question asks about and no other; None when none does."""
        asked = years_in(question)

        def of_it(e: Evidence) -> bool:
            return bool(asked & years_in(e.text)) and not other_years(question, e.text)

        found = next((e for e in decision.evidence[1:] if of_it(e)), None)
        return found or next((e for e in self._close(decision, ranked, _CLOSE_DEPTH) if of_it(e)), None)

    def _naming_story_first(self, question: str, decision: Decision) -> Decision:
        """The decision with the first of its evidence whose story names everything the question names first, where
        the best's story does not: "Who won best director at the Spirit awards?" of the Oscars' "Eastwood pipped
        Scorsese to best director" gives way to the Spirit awards' "Alexander Payne won best director"; as it was
        otherwise (the answerability check asks only that some evidence story names each)."""
        stories = list(dict.fromkeys(e.article_id for e in decision.evidence))
        if len(stories) < 2 or not decision.answerable:
            return decision
        if all(w in decision.evidence[0].text for w in _CAPITALISED.findall(question)):
            return decision  # most questions: the best sentence says every name of the question (no store read)
        naming = articles_naming(self.store, question, stories, years=False)
        if not naming or stories[0] in naming:
            return decision
        return _moved_first(decision, next(e for e in decision.evidence if e.article_id in naming))

    def _other_than_named(self, question: str, decision: Decision) -> Decision:
        """The decision with the best sentence's next first, both cited, when asked who someone the question names
        did something to or with ("Who will Connick play…?"), the reader's phrase in the best is the one named
        ("Harry Connick Jr is to star in…") and the next has the verb and reads as another ("He will play the
        supervisor of a US pyjama factory…"); as it was otherwise."""
        role = asked_role(question)
        top = decision.evidence[0] if decision.evidence else None
        if role is None or role.named is None or top is None or top.answer is None or not top.after:
            return decision
        named = re.compile(rf"\b{re.escape(role.named)}\b")
        if self.selector.reader is None or not named.search(top.text[slice(*top.answer)]):
            return decision
        if not says_the_verb(role.verb, top.after):
            return decision
        after = _next_of(top)
        read = self._read(question, after.sentence)
        if read is None or read.score < 0 or named.search(after.text[read.start : read.end]):
            return decision
        return _read_first(decision, after, read)

    def _done_next(self, question: str, decision: Decision) -> Decision:
        """The decision with the best sentence's next first, both cited, when the question asks what someone did
        ("What show did Dick Clark present?"), the best names them without the verb ("Veteran US television host
        Dick Clark is in hospital…") and the next has it ("The 75-year-old presented long-running show American
        Bandstand…"), or asked what they have ("What injury does Scott Gray have?") the next names it ("The Borders
        flanker has a knee injury…"), read for the answer; as it was otherwise, when it does not answer, or when the
        reader found an answer in the best (SQuAD's "What position did Justin Tucker play?" of "…kicker Justin
        Tucker…" lost its answer without that)."""
        asked = asked_doing(question)
        top = decision.evidence[0] if decision.evidence else None
        if asked is None or top is None or not decision.answerable or not top.after:
            return decision
        if top.reading is not None and top.reading.score >= 0:  # the reader found an answer there ("kicker")
            return decision
        if says_the_verb(asked[1], top.text) or not says_the_verb(asked[1], top.after):
            return decision
        if not mentions([top.text], asked[0]):
            return decision
        after = _next_of(top)
        if self.selector.reader is not None:  # what the reader reads in it is the answer ("a knee injury")
            after = replace(after, reading=self._read(question, after.sentence))
        rest = [e for e in decision.evidence[1:] if e.sentence_id != after.sentence_id]
        return replace(decision, evidence=(after, top, *rest))

    def _read(self, question: str, sentence: StoredSentence) -> Reading | None:
        """The reader's reading of one sentence (a selector with a reader), as a rule that moves it first needs."""
        return self.selector.read(question, [sentence])[0].get(sentence.id)

    def _read_in_its_clause(self, question: str, decision: Decision) -> Decision:
        """The decision with its best sentence read again in the clause about what is asked, when the reader's phrase
        lies in another ("Where is T in the Park held?" of "Coldplay have announced a concert at Bellahouston Park…
        and T in the Park will be held at Balado…": Balado, not Bellahouston Park), if it reads an answer there."""
        top = decision.evidence[0] if decision.evidence else None
        if top is None or top.reading is None or self.selector.reader is None:
            return decision
        clause = clause_asked_about(question, top.text, (top.reading.start, top.reading.end))
        if clause is None:
            return decision
        part = top.text[clause[0] : clause[1]]
        read = self._read(question, replace(top.sentence, text=part))
        # asked how much, an amount there answers however the reader scores it ("The Conservatives were in second
        # place with donations totalling £4,610,849, while the Liberal Democrats received just over £1m")
        if read is None or read.score < 0 and (says_no_amount(question, part) or not _ASKS_AMOUNT.match(question)):
            return decision
        reading = replace(read, start=read.start + clause[0], end=read.end + clause[0])
        return replace(decision, evidence=(replace(top, reading=reading), *decision.evidence[1:]))

    def _verb_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a close candidate of the best sentence's story first, the best cited second, when the
        question asks who did something ("Who will Hearts of Oak play in the final?"), the best lacks the verb
        ("Hearts of Oak set up an all Ghanaian Confederation Cup final…"), the reader's phrase there names no one
        ("Ghanaian"), and the candidate has the verb, with what the reader reads as the answer in its clause ("The
        win for Hearts means they will play Asante Kotoko…"); as it was otherwise. (Asked when or what, the same
        moved as many SQuAD answers away as it found: "What radio station in South Carolina carried the game?" of
        "…will carry the Westwood One feed".)"""
        top = decision.evidence[0] if decision.evidence else None
        if top is None or not decision.answerable or self.selector.reader is None:
            return decision
        role = asked_role(question)
        if role is None or says_it_in_any_words(role.verb, top.text):  # "…defeated the Arizona Cardinals" says "beat"
            return decision
        head = [
            r
            for r in ranked[:_VERB_DEPTH]
            if r.article_id == top.article_id and r.id != top.sentence_id and r.score >= self.limits.min_relevance
        ]
        texts = self.selector.store.get_sentences([r.id for r in head]) if head else {}
        having = next((r for r in head if r.id in texts and says_the_verb(role.verb, texts[r.id].text)), None)
        found = next(iter(self.selector.sentences([having])), None) if having is not None else None
        if found is None:
            return decision
        if top.reading is not None and top.reading.score >= 0 and names_someone(top.text, top.answer):
            return decision  # "…blew out the Arizona Cardinals in the NFC Championship Game": a name, and read so
        reading = self._read(question, found.sentence)
        if reading is None or reading.score < 0:  # the reader finds no answer there: the best stands
            return decision
        if not in_the_verbs_clause(role.verb, found.text, (reading.start, reading.end)):
            return decision  # the reader's phrase is another verb's ("Javier Irureta said: '…without scoring'")
        return _read_first(decision, found, reading)

    def _place_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a close candidate of the best sentence's story first, the best cited second, when the
        question asks how many, how much or how fast of a country ("How many jobs could be lost in Bangladesh?") the
        best does not name ("…27 million jobs could be lost…", the world's) and the candidate does, with what the
        reader reads as the answer there ("…almost a million jobs in Bangladesh alone being axed"); where the best
        names another country ("South Korea's economy is expected to grow by 4.5%"), the evidence and the first
        candidates of other stories too. As it was otherwise."""
        top = decision.evidence[0] if decision.evidence else None
        if top is None or not decision.answerable or self.selector.reader is None or not _HOW_MUCH.match(question):
            return decision  # asked when or who, a sentence may say "the British" for "Great Britain"
        places = [name for name in question_names(question) if country(name) is not None]
        if not places or all(mentions([top.text], place) for place in places):
            return decision
        close = self._close(decision, ranked, _PLACE_DEPTH)
        if _of_another_country(top.text, places):  # "South Korea's economy is expected to grow by 4.5%": the evidence
            have = {e.sentence_id for e in decision.evidence}  # and first candidates of other stories too ("growth is
            head = [r for r in ranked[:_PLACE_DEPTH] if r.id not in have and r.article_id != top.article_id]
            close += [*decision.evidence[1:], *self.selector.sentences(head)]  # set to halve in Singapore…")
        found = next(
            (e for e in close if all(mentions([e.text], p) for p in places) and not says_no_amount(question, e.text)),
            None,
        )
        if found is None:
            return decision
        return self._first_read_giving(question, decision, [found], lambda e, read: True)

    def _own_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with the first of the evidence and the close candidates of the best sentence's story naming
        what the question names as an owner or a doer first, read by the reader, where the best names another of its
        kind in that role instead ("The Liberal Democrats' largest donor was…" to "Who was the Conservatives' largest
        donor?": "The largest donation to the Conservatives was a bequest from Ruth Beardmore…"); as it was
        otherwise."""
        top = decision.evidence[0] if decision.evidence else None
        if top is None or not decision.answerable or self.selector.reader is None:
            return decision
        if all(w in top.text for w in _CAPITALISED.findall(question)):
            return decision  # most questions: the best sentence has every name of the question (no parse)
        kinds = {e.text: (e.label_, _role(e.root)) for e in parsed(question).ents if e.label_ in _OWN_KINDS}
        kinds = {name: kind for name, kind in kinds.items() if kind[1] in _OWN_ROLES}  # whose, or who does it
        missing = [name for name in kinds if not mentions([top.text], name)]
        if not missing or not _names_another(top.text, {kinds[name] for name in missing}, question, top.answer):
            return decision
        close = self._rest_and_close(decision, ranked)
        naming = [e for e in close if all(mentions([e.text], name) for name in missing)]
        return self._first_read_giving(question, decision, naming, lambda e, read: True)

    def _close_first(self, question: str, decision: Decision, ranked: Sequence[ScoredSentence]) -> Decision:
        """The decision with a close candidate of the best sentence's story first, the best cited second, where the
        best does not say what the question asks for and the candidate does, read by the reader there: asked what a
        name has ("Ladbrokes' favourite"), one naming them and the thing where the best names neither; asked where or
        when someone was born, one saying "born" where the best does not; asked which
        country or city, one whose phrase is one ("Mexico leads the way…", not "listeners from across the Spanish
        speaking world"; "The huge image of Delft…", not "the Dutch … laboratory TNO"); asked about an award's
        category, one naming the category whole ("…walk away with best comedy newcomer", not "best comedy
        entertainment personality"). As it was otherwise."""
        top = decision.evidence[0] if decision.evidence else None
        if top is None or not decision.answerable or self.selector.reader is None:
            return decision
        category = _CATEGORY.search(question)
        place = _WHICH_PLACE.match(question)
        if category is not None:
            phrase = re.compile(rf"\b{re.escape(category.group())}\b", re.IGNORECASE)
            if phrase.search(top.text):
                return decision

            def gives(e: Evidence, read: Reading) -> bool:
                return phrase.search(e.text) is not None

        elif place is not None:
            kind = place["kind"].lower()
            is_one = _PLACE_KINDS[kind]
            unknown = kind in ("city", "town") and top.answer is not None and _a_name(top.text, top.answer)
            if top.answer is not None and (is_one(top.text, top.answer) or unknown):
                return decision  # the best's phrase is one, or may be: a city the parse does not know ("Ulaanbaatar")

            def gives(e: Evidence, read: Reading) -> bool:
                return is_one(e.text, (read.start, read.end))

        elif _ASKS_BORN.match(question):
            if _BORN.search(top.text):
                return decision

            def gives(e: Evidence, read: Reading) -> bool:  # "Born in 1942 in Tredegar to a miner father, he…"
                return _BORN.search(e.text) is not None

            after = [_next_of(top)] if top.after and _BORN.search(top.after) else []  # news goes on to say it
            close = [*after, *self._close(decision, ranked, _CLOSE_DEPTH)]
            # the reader, reading "he" alone, doubts it; the answer step reads the place or date by rule
            return self._first_read_giving(question, decision, close, gives, min_score=-math.inf)
        elif (owned := _OWNED.search(question)) is not None:
            owner, thing = owned["owner"], owned["thing"][:_STEM].lower()
            if owner in top.text or owner in top.before:
                return decision  # the best says it of them, or of "its" named just before

            def gives(e: Evidence, read: Reading) -> bool:  # "Bookmaker Ladbrokes said…, with Kenzie its favourite"
                return owner in e.text and thing in e.text.lower() and owner not in e.text[read.start : read.end]

            # the reader doubts such a sentence ("…its favourite at 2/9" names no Ladbrokes' favourite in its words)
            close = self._close(decision, ranked, _CLOSE_DEPTH)
            return self._first_read_giving(question, decision, close, gives, min_score=-math.inf)
        else:
            return decision
        return self._first_read_giving(question, decision, self._close(decision, ranked, _CLOSE_DEPTH), gives)

    def _rest_and_close(self, decision: Decision, ranked: Sequence[ScoredSentence]) -> list[Evidence]:
        """The evidence after the best sentence, then the first close candidates of its story (``_close``)."""
        return [*decision.evidence[1:], *self._close(decision, ranked, _PLACE_DEPTH)]

    def _close(self, decision: Decision, ranked: Sequence[ScoredSentence], depth: int) -> list[Evidence]:
        """The first ``depth`` candidates of the best sentence's story besides it, relevant enough, in rank order."""
        top = decision.evidence[0]
        head = [
            r
            for r in ranked[:depth]
            if r.article_id == top.article_id and r.id != top.sentence_id and r.score >= self.limits.min_relevance
        ]
        return self.selector.sentences(head)

    def _first_read_giving(
        self,
        question: str,
        decision: Decision,
        candidates: Sequence[Evidence],
        gives: Callable[[Evidence, Reading], bool],
        min_score: float = 0.0,
    ) -> Decision:
        """The decision with the first of ``candidates`` where the reader finds an answer (scoring ``min_score`` or
        more) that ``gives`` what is asked first, the best cited second; as it was when none does."""
        for found in candidates:
            reading = self._read(question, found.sentence)
            if reading is not None and reading.score >= min_score and gives(found, reading):
                return _read_first(decision, found, reading)
        return decision

    def _passage(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        evidence, answerability = self._selected(question.text, ranked, k, clock)
        return _decided(evidence, bool(evidence) and not answerability.missing, answerability)

    def _names(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """As a passage, with the names of the kind asked for in it and, when it names some, in the other relevant
        candidates of its articles, since a list is often told over several sentences; when it names none but its
        top sentence counts what is asked for ("five banks"), in the nearby sentence naming the most (none there
        either, or no count: the list is answered as a fact)."""
        decision = self._passage(question, ranked, k, clock)
        if not decision.answerable:
            return decision
        if not _names_in(question, decision.evidence):
            # A sentence counting what is asked for without naming it ("…against five banks") is followed by the
            # names a sentence or two later ("Its lawyers now accept ABN Amro, BNP Paribas, …"): the nearby sentence
            # naming the most of the kind asked for. Otherwise, or found nowhere near, the list is answered in words.
            top = decision.evidence[0]
            if not counts_unnamed(question.text, top.text):
                return decision
            nearby = self.selector.sentences(
                [ScoredSentence(i, top.score, np.zeros(0)) for i in neighbour_ids(top.sentence_id, _LIST_REACH)]
            )
            counted = [(len(_names_in(question, [e])), e) for e in nearby if e not in decision.evidence]
            most = max((count for count, _ in counted), default=0)
            if not most:
                return decision
            best = next(e for count, e in counted if count == most)
            evidence = (*decision.evidence, best)
            return replace(decision, evidence=evidence, names=tuple(_names_in(question, evidence)))
        articles = {e.article_id for e in decision.evidence}
        have = {e.sentence_id for e in decision.evidence}
        more = [
            r
            for r in ranked[:_LIST_DEPTH]
            if r.article_id in articles and r.id not in have and r.score >= self.limits.min_relevance
        ]
        evidence = (*decision.evidence, *self.selector.sentences(more))
        return replace(decision, evidence=evidence, names=tuple(_names_in(question, evidence)))

    def _sides(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """As a passage, with a sentence for each side of the comparison: the best-ranked candidate mentioning a side
        the evidence does not (the question's names then looked for in all of them); a side none of the first
        candidates mentions is ``uncovered``."""
        evidence, _ = self._selected(question.text, ranked, k, clock)
        sides = question.shape.sides
        candidates = None
        for side in sides:
            if not evidence or any(mentions([e.text], side) for e in evidence):
                continue
            if candidates is None:
                relevant = [r for r in ranked[:_SIDE_DEPTH] if r.score >= self.limits.min_relevance]
                candidates = self.selector.sentences(relevant)
            found = next((e for e in candidates if mentions([e.text], side) and e not in evidence), None)
            if found is not None:
                evidence = Selection([*evidence, found], evidence.kinds)
        answerability = self.check.check(question.text, evidence, evidence.kinds)
        uncovered = tuple(
            side for side in sides if _names_something(side) and not any(mentions([e.text], side) for e in evidence)
        )
        return replace(
            _decided(evidence, bool(evidence) and not answerability.missing, answerability), uncovered=uncovered
        )

    def _selected(
        self, question: str, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> tuple[Selection, Answerability]:
        """The evidence selected from the ranking and its answerability; when its articles never name what the
        question names, the evidence from the best-ranked articles that do, if that is likely to answer. A year
        decides whether the articles say it, not where else to look: in news of 2005 most articles say 2005, so the
        second chance is for a missing name, looked for without the years (then checked with them)."""
        evidence = self.selector.select(ranked, k=k, question=question, clock=clock)
        answerability = self.check.check(question, evidence, evidence.kinds)
        if all(is_year(name) for name in answerability.missing):
            return evidence, answerability
        ids = [r.article_id for r in ranked[:_NAMING_DEPTH]]
        naming = set(articles_naming(self.store, question, ids, years=False))
        if naming:
            named = [r for r in ranked if r.article_id in naming]
            retried = self.selector.select(named, k=k, question=question, clock=clock)
            retry = self.check.check(question, retried, retried.kinds)
            if retry.likely and not retry.missing:
                return retried, retry
            if retried and set(retry.missing) < set(answerability.missing):
                # Unlikely to answer, or not of the year asked, its sentences still show what the articles naming
                # it say, and a refusal does not claim that they never mention it ("Who is the chief executive of
                # Lenovo?", "How much did Lenovo's profits rise in 2003?").
                return retried, retry
        return evidence, answerability

    # --- one article ----------------------------------------------------------------------------------------------

    def _article(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """Every sentence of the article the question is about."""
        article, guessed = article_about(self.store, question, ranked)
        if article is None:
            return Decision((), False, "no_articles" if question.period is None else "none_in_period")
        evidence = tuple(self.selector.of_article(article))
        if not evidence:  # deleted meanwhile
            return Decision((), False, "not_about", article=article)
        return Decision(evidence, True, article=article, guessed=guessed)

    def _article_names(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """The names of the kind asked for in the article the question is about; none: nothing to list."""
        decision = self._article(question, ranked, k, clock)
        if not decision.answerable:
            return decision
        names = tuple(_names_in(question, decision.evidence))
        if not names:
            related = decision.evidence[: self.limits.related]
            return replace(decision, answerable=False, why="no_names", related=related)
        return replace(decision, names=names)

    def _record(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """The article's stored record, when it says what is asked (its author, date, title or address)."""
        decision = self._article(question, ranked, k, clock)
        if decision.article is None or not decision.answerable:
            return decision
        if not record_field(decision.article, question.shape.field or "title"):
            return replace(decision, answerable=False, why="unrecorded", related=decision.evidence[:1])
        return decision

    # --- the news on a topic --------------------------------------------------------------------------------------

    def _news(self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock) -> Decision:
        """One or two of the best sentences from each of the best-matching articles that name what the question
        names, best article first; for the news on no topic ("Summarise the news"), the newest articles' leads."""
        if not question.shape.topic:
            return self._newest(question)
        return self._best_of_articles(question, ranked, self.limits.news_articles, _PER_ARTICLE)

    def _story(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """A story told across articles (a timeline): the best sentences of each of the best-matching articles that
        name what the question names, more articles than a round-up takes."""
        # The names read from the topic alone: "Timeline of the Vell Growers Union" reads as one name to spaCy.
        return self._best_of_articles(
            question, ranked, self.limits.story_articles, _PER_ARTICLE, named=question.shape.topic
        )

    def _changes(
        self, question: Question, ranked: Sequence[ScoredSentence], k: int | None, clock: StageClock
    ) -> Decision:
        """What changed: the sentences of the articles naming the topic published since the question's day (without
        one, on the newest such article's day), and those of the older ones, what they already said (``known``)."""
        candidates = list(dict.fromkeys(r.article_id for r in ranked))
        naming = articles_naming(self.store, question.shape.topic or question.text, candidates)
        headers = self.store.headers(naming[: self.limits.story_articles])
        dated = sorted((h for h in headers.values() if h.date), key=lambda h: h.date or "", reverse=True)
        if not dated:
            return Decision(
                (), False, ("undated" if headers else "not_about") if self.store.count()[0] else "no_articles"
            )
        since = (since_date(question.shape.since) if question.shape.since else None) or (dated[0].date or "")[:10]
        newer = [h for h in dated if (h.date or "")[:10] >= since]
        if not newer:
            return Decision((), False, "nothing_since", since=since)
        older = [h for h in dated if (h.date or "")[:10] < since]
        return Decision(_prose(self.selector, newer), True, known=_prose(self.selector, older), since=since)

    def _best_of_articles(
        self, question: Question, ranked: Sequence[ScoredSentence], articles: int, each: int, named: str = ""
    ) -> Decision:
        """The ``each`` best sentences of each of the ``articles`` best-matching articles naming what the question
        (or ``named``) names, in article order within each, best article first."""
        naming = set(articles_naming(self.store, named or question.text, [r.article_id for r in ranked]))
        best: dict[str, list[ScoredSentence]] = {}
        for r in (r for r in ranked if r.article_id in naming):
            if r.score < self.limits.min_relevance:
                break
            if r.article_id in best or len(best) < articles:
                best.setdefault(r.article_id, []).append(r)
        chosen = [r for a in best for r in sorted(best[a][:each], key=lambda r: r.id)]
        evidence = tuple(self.selector.sentences(chosen))
        if not evidence:
            return Decision((), False, "not_about" if self.store.count()[0] else "no_articles")
        return Decision(evidence, True)

    def _newest(self, question: Question) -> Decision:
        """The leads of the newest articles (by publication date, else when they were added), in the question's
        period when it gives one."""
        period = question.period
        articles = [a for a in self.store.list_articles() if period is None or period.holds(a.date)]
        newest = sorted(articles, key=lambda a: (a.date or "", a.added), reverse=True)[: self.limits.news_articles]
        leads = [
            e
            for a in newest
            for e in [e for e in self.selector.of_article(a) if len(e.text.split()) >= 4][:_PER_ARTICLE]
        ]
        if not leads:
            return Decision((), False, "no_articles" if period is None else "none_in_period")
        return Decision(tuple(leads), True)


def _prose(selector: EvidenceSelector, articles: Sequence[StoredArticle]) -> tuple[Evidence, ...]:
    """Every sentence of these articles, in their order, that is prose (four words or more: no bylines)."""
    return tuple(e for a in articles for e in selector.of_article(a) if len(e.text.split()) >= 4)


def _a_country(sentence: str, span: tuple[int, int]) -> bool:
    return country(sentence[span[0] : span[1]]) is not None


def _a_name(sentence: str, span: tuple[int, int]) -> bool:
    """Whether the phrase at ``span`` is a name alone: capitalised words, no small ones ("Ulaanbaatar", not "the Dutch
    research and technology laboratory TNO")."""
    words = sentence[span[0] : span[1]].split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _a_place(sentence: str, span: tuple[int, int]) -> bool:
    """Whether the phrase at ``span`` is a city or town: a place the parse of its sentence takes for one, or a name in
    capitals in a sentence saying "city" or "town" ("The huge image of Delft … of the Dutch city", where spaCy's small
    model takes Delft for an organisation); not a country ("Mongolia") nor a people ("the Dutch")."""
    if country(sentence[span[0] : span[1]]) is not None:
        return False
    within = [e for e in parsed(sentence).ents if span[0] <= e.start_char and e.end_char <= span[1]]
    if any(e.label_ in ("GPE", "LOC") for e in within):
        return True
    named = _a_name(sentence, span) and not any(e.label_ in _NOT_PLACES for e in within)
    return named and re.search(r"\b(?:city|town)\b", sentence, re.IGNORECASE) is not None


_NOT_PLACES = ("PERSON", "NORP", "DATE", "CARDINAL")


# What the phrase at a span of a sentence must be to answer "Which country…?" or "Which city…?".
_PLACE_KINDS: dict[str, Callable[[str, tuple[int, int]], bool]] = {
    "country": _a_country,
    "nation": _a_country,
    "city": _a_place,
    "town": _a_place,
}


def _top_text(decision: Decision) -> str:
    """The best sentence's text, empty for no evidence."""
    return decision.evidence[0].text if decision.evidence else ""


def _names_another(sentence: str, kinds: set[tuple[str, str]], question: str, read: tuple[int, int] | None) -> bool:
    """Whether the sentence names someone the question does not, of one of these kinds' labels as an owner or a doer
    ("The Liberal Democrats' largest donor" for "the Conservatives' largest donor"; "Mahindra has reported a 52% rise
    in net profit" for "Maruti's net profit"), outside the reader's phrase at ``read`` (which may well be of the
    kind)."""
    start, end = read or (0, 0)
    labels = {label for label, _ in kinds}
    return any(
        e.label_ in labels
        and _role(e.root) in _OWN_ROLES
        and not mentions([question], e.text)
        and not (start < e.end_char and e.start_char < end)
        for e in parsed(sentence).ents
    )


def _role(token: Token) -> str:
    """A name's role in its sentence: its dependency, a subject's whichever voice."""
    return "subject" if token.dep_ in ("nsubj", "nsubjpass") else token.dep_


def _of_another_country(sentence: str, places: Sequence[str]) -> bool:
    """Whether the sentence names a country other than ``places`` (the question's)."""
    asked = {country(place) for place in places}
    named = (re.sub(r"['’]s?$", "", e.text) for e in parsed(sentence).ents if e.label_ == "GPE")
    return any(country(name) not in (None, *asked) for name in named)


def _first(decision: Decision, found: Evidence | None) -> Decision:
    """The decision with ``found`` (a sentence saying just what is asked: the post's holder, a score) first and
    answered, unless the evidence's articles never name what the question names (or the year it asks about): a
    sentence found that way overrides how unlikely the rest looked, not what is missing."""
    if found is None:
        return decision
    moved = _moved_first(decision, found)
    if decision.missing:
        return replace(moved, related=moved.evidence if decision.related else ())
    return replace(moved, answerable=True, why=None, related=())


def _naming_most(question: str, sentences: Sequence[Evidence]) -> Evidence | None:
    """Of ``sentences``, the first of those naming most of the question's names themselves; None for none."""
    names = question_names(question)
    return max(sentences, key=lambda e: sum(mentions([e.text], name) for name in names), default=None)


def _most_shared(question: str, close: Sequence[Evidence], more: Sequence[Evidence] = ()) -> Evidence | None:
    """Of the ``close`` sentences and those of ``more`` that share a word of the question's own (its names and
    question words aside), the one sharing most of them, then of its names too; the first on a tie, None for none."""
    asked = _words(question) - stop_words()
    own = asked - _words(" ".join(question_names(question))) - _SIZE_WORDS

    def shared(e: Evidence) -> tuple[int, int]:
        words = _words(e.text)
        return len(own & words), len(asked & words)

    return max([*close, *(e for e in more if shared(e)[0] > 0)], key=shared, default=None)


def _found_in_naming_story(decision: Decision, found: Evidence) -> Decision:
    """The decision with ``found`` first and answered, a sentence of a story naming everything the question names
    (its years too): nothing the question names is missing from it."""
    moved = replace(_moved_first(decision, found), answerable=True, why=None, related=())
    if decision.answerability is None:
        return moved
    return replace(moved, answerability=replace(decision.answerability, missing=()))


def _with_its_naming(decision: Decision, person: str) -> Decision:
    """The decision whose first sentence gives the person's age as "The 28-year-old…" with the sentence before it,
    which names them, cited second; as it was when the first names them itself."""
    top = decision.evidence[0]
    if age_in(person, top.text) is not None or not top.before:
        return decision
    return _with_the_sentence_before(decision)


def _read_first(decision: Decision, found: Evidence, reading: Reading) -> Decision:
    """The decision with ``found``, read as ``reading``, first and its best sentence cited second."""
    rest = [e for e in decision.evidence[1:] if e.sentence_id != found.sentence_id]
    return replace(decision, evidence=(replace(found, reading=reading), decision.evidence[0], *rest))


def _of_both_sides(sides: Sequence[str], decision: Decision) -> bool:
    """Whether the decision's deciding sentence names both sides of a comparison asked as yes or no."""
    if decision.verdict is None:
        return False
    said = decision.evidence[decision.verdict.sentence].text
    return all(mentions([said], side) for side in sides)


def _answers_with_the_one_asked(question: str, top: Evidence) -> bool:
    """Whether, asked who did something to someone ("Who replaced Cathy Jamieson?"), the best sentence lacks the
    verb and the reader's phrase names the one it was done to: the sentence speaks of them, not of who did it."""
    role = asked_role(question)
    if role is None or not role.subject or role.named is None or top.answer is None:
        return False
    read = top.text[slice(*top.answer)]
    return re.search(rf"\b{re.escape(role.named)}\b", read) is not None and not may_say_the_verb(question, top.text)


def _with_the_one_named_before(question: str, decision: Decision) -> Decision:
    """The decision whose first sentence speaks of the one asked for as "He …" or "The 21-year-old …" with the
    sentence before it, which names them, cited second (``answered_before``); as it was otherwise."""
    top = decision.evidence[0] if decision.evidence else None
    if top is None or not top.before or answered_before(question, top.text, top.before, top.answer) is None:
        return decision
    return _with_the_sentence_before(decision)


def _with_the_sentence_before(decision: Decision) -> Decision:
    """The decision with its first sentence's previous one cited second."""
    top = decision.evidence[0]
    before = top.passage()[0]
    rest = tuple(e for e in decision.evidence[1:] if e.sentence_id != before.sentence_id)
    return replace(decision, evidence=(top, before, *rest))


def _next_of(top: Evidence) -> Evidence:
    """The sentence after ``top`` as evidence of the same standing, ``top`` its sentence before."""
    return replace(top.passage()[-1], neighbours=(top.sentence, None))


def _moved_first(decision: Decision, found: Evidence | None) -> Decision:
    """The decision with ``found`` first among its evidence, which keeps its length; as it was for None."""
    if found is None:
        return decision
    rest = tuple(e for e in decision.evidence if e.sentence_id != found.sentence_id)
    return replace(decision, evidence=(found, *rest)[: max(len(decision.evidence), 1)])


def _stems(text: str) -> set[str]:
    """A text's words (``_words``) cut to their first letters, which say them in any of their forms."""
    return {w[:_STEM] for w in _words(text)}


def _words(text: str) -> set[str]:
    """A text's words of two letters or more, lower case, a plural's "s" off and hyphenated words split ("92-cap"
    gives "92" and "cap"; "IBM's" gives "ibm")."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"\w\w+", text.lower())}


def _decided(evidence: Selection, answerable: bool, answerability: Answerability) -> Decision:
    """A decision on selected sentences: not answered, they are the related sentences shown apart."""
    if answerable:
        return Decision(tuple(evidence), True, answerability=answerability, kinds=evidence.kinds)
    return Decision(
        tuple(evidence), False, "not_answered", answerability, related=tuple(evidence), kinds=evidence.kinds
    )


def _names_something(side: str) -> bool:
    """Whether a side of a comparison names something (a capitalised word past its first): only then can the
    articles be said not to speak of it; "what she was claiming" may be said in other words."""
    return any(word[:1].isupper() for word in side.split()[1:]) or side[:1].isupper() and len(side.split()) == 1


def _names_in(question: Question, evidence: Sequence[Evidence]) -> list[Named]:
    """The names of the kind the question's list asks for in the evidence, not its articles' bylines."""
    bylines = {e.author for e in evidence if e.author}
    return names_asked_for(question.text, question.shape, [e.text for e in evidence], bylines)
