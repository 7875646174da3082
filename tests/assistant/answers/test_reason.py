"""A "why" question's answer (unit, on fakes): the reason a sentence gives in words bolded, and where the best
sentence gives none, the sentence of its article that does (else the one after it) cited second."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answers import reason
from assistant.answers.context import AnswerContext, AnswerLimits
from assistant.evidence.decision import Decision
from assistant.evidence.select import EvidenceSelector
from assistant.question.read import Question
from assistant.question.shape import shape_of
from assistant.retrieval.fusion import ScoredSentence
from tests.assistant.fakes import FakeStore, evidence

FOREHEAD = [
    "A US man is selling advertising space on his forehead to the highest bidder on eBay.",
    "He said he would have a logo tattooed on his head for 30 days.",
    "He said he would use the money to pay for college.",
]
COSBY = [
    "Bill Cosby will not face charges over an allegation of misconduct.",
    "Prosecutors said they found insufficient evidence to support the allegation.",
]


def _reason(sentence: str) -> str | None:
    span = reason.reason_in(sentence)
    return sentence[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "The tribunal decided she had been unfairly dismissed because, having been removed from a senior post, "
            "she was entitled to wait.",
            "because, having been removed from a senior post, she was entitled to wait",
        ),
        ('Tottenham manager Jacques Santini has resigned for "personal reasons".', 'for "personal reasons"'),
        ("Polonia was relegated due to its disastrous finances; the club was sold.", "due to its disastrous finances"),
        ("He said he would use the money to pay for college.", "to pay for college"),
        ("Aaliyah's label has failed in an attempt to sue the producer.", None),  # what failed, not why
        (
            "OPEC raised the price by 70% in response to American aid to Israel, he said.",
            "in response to American aid to Israel",  # up to the attribution
        ),
        ("He is planning to study graphic design.", None),  # a plan, not what something is for
        ("The PSP went on sale in Japan in December.", None),
        ("The following day, ministers agreed to the embargo.", None),  # a day, not a reason
        (
            "Hopes dimmed after Putin met Trump in Alaska, with Moscow sending more troops.",
            "after Putin met Trump in Alaska",  # not the circumstance added after it
        ),
        (
            "Hingis was 22 when she retired after having surgery on both ankles, and her last event was in Germany.",
            "after having surgery on both ankles",  # not what is added of her after it
        ),
        (  # a reason opening the sentence ends with its own phrase, commas inside it or not
            "Because of their soft, gelatinous bodies, ctenophores are extremely rare as fossils.",
            "Because of their soft, gelatinous bodies",
        ),
        (
            "In response to American aid to Israel, on October 16, 1973, OPEC raised the posted price of oil.",
            "In response to American aid to Israel",
        ),
        # what one is sacked or fined for is why; what one is jailed or waited for says how long
        ("He was sacked for his gaffe, but the damage had been done.", "for his gaffe"),
        ("He was jailed for life in September.", None),
        ("Fans waited for two hours.", None),
        (  # what a change was driven or triggered by
            "US oil prices have fallen by 6%, driven down by forecasts of a mild winter in the northeast.",
            "driven down by forecasts of a mild winter in the northeast",
        ),
        ("The falls were triggered by a report of higher stocks.", "triggered by a report of higher stocks"),
        ("He was driven to the airport by his wife.", None),  # a ride, not a cause
        (  # a quote opened in the clause is closed in it too
            'He said he stopped working a few years ago because he lost his "spark" for acting.',
            'because he lost his "spark" for acting',
        ),
        (  # a sentence the splitter left joined ends the clause
            "Robinson dropped Dawson after he missed training to film 'A Question of Sport.' \"I always said I would "
            'consider bringing Matt back," Robinson said.',
            "after he missed training to film 'A Question of Sport.'",
        ),
        (  # what it is blamed on, from the word after "on"
            "Republicans have blamed the size of the deficit on slow economic conditions after the 11 September "
            "attacks.",
            "slow economic conditions after the 11 September attacks",
        ),
        (
            "Marlon Brando turned down his best actor Oscar in protest at Hollywood's apparent discrimination.",
            "in protest at Hollywood's apparent discrimination",
        ),
    ],
)
def test_a_reason_is_the_clause_from_the_words_that_give_it(sentence: str, said: str | None) -> None:
    assert _reason(sentence) == said


def _context(store: FakeStore) -> AnswerContext:
    return AnswerContext(store, EvidenceSelector(store), AnswerLimits(min_relevance=1.1))


def _question(text: str) -> Question:
    question = Question(text, text, shape_of(text))
    assert question.shape.kind == "reason"
    return question


def test_the_reason_in_the_best_sentence_is_bolded_the_readers_phrase_when_it_lies_in_it() -> None:
    text = "OPEC raised the price by 70% in response to American aid to Israel."
    question = _question("Why did OPEC raise the price?")
    elsewhere = evidence(text, reading=4.0, span=(text.index("70%"), text.index("70%") + 3))
    answer = reason.answer(question, Decision((elsewhere,), True), [], _context(FakeStore({})))
    assert answer.short_answer == "in response to American aid to Israel" and answer.kind == "reason"
    assert answer.text.startswith("in response to American aid to Israel [1]\n\n" + text)
    inside = evidence(text, reading=4.0, span=(text.index("American"), text.index("Israel") + 6))
    assert reason.answer(question, Decision((inside,), True), [], _context(FakeStore({}))).short_answer == (
        "American aid to Israel"
    )
    longer = "OPEC raised prices after the war began, with Moscow sending troops."
    beyond = evidence(longer, reading=4.0, span=(longer.index("after"), len(longer) - 1))
    assert reason.answer(question, Decision((beyond,), True), [], _context(FakeStore({}))).short_answer == (
        "after the war began"  # the reader's phrase only as far as the reason goes
    )


@pytest.mark.parametrize(
    ("text", "read", "said"),
    [
        (  # a thing the reason says something of: the reason is the clause
            "They felt the timing was insensitive because the Black Watch was in the frontline in Iraq.",
            "the Black Watch",
            "because the Black Watch was in the frontline in Iraq",
        ),
        (
            "Mutu was sacked by Chelsea on Friday after testing positive for cocaine.",
            "cocaine",
            "after testing positive for cocaine",
        ),
        # the reason itself, named after "because of": the reader's phrase stays
        ("The boss fired the secretary because of her weight.", "her weight", "her weight"),
        (  # what happened that made it so, read short of its verb: the clause
            "However, the trial was suspended when Mr Botin's lawyer introduced a new set of documents.",
            "when Mr Botin's lawyer",
            "when Mr Botin's lawyer introduced a new set of documents",
        ),
        ("The trial was suspended when the judge fell ill.", "when the judge fell ill", "when the judge fell ill"),
        (  # the reason's opening read short of its verb: the clause
            "Edu is now able to begin negotiations with other clubs because Fifa regulations allow players to start "
            "talks six months before their contracts expire.",
            "because Fifa regulations",
            "because Fifa regulations allow players to start talks six months before their contracts expire",
        ),
        ("The boss fired the secretary because of her weight.", "because of her weight", "because of her weight"),
    ],
)
def test_a_thing_the_reason_speaks_of_gives_way_to_the_reason(text: str, read: str, said: str) -> None:
    top = evidence(text, reading=4.0, span=(text.index(read), text.index(read) + len(read)))
    answer = reason.answer(_question("Why did it happen?"), Decision((top,), True), [], _context(FakeStore({})))
    assert answer.short_answer == said


def test_a_best_sentence_giving_no_reason_is_followed_by_the_articles_sentence_that_does() -> None:
    store = FakeStore({"f": ("Forehead for sale", FOREHEAD)})
    ranked = [ScoredSentence(f"f:0000{i}", 2.0 - i / 10, np.zeros(0)) for i in range(3)]
    top = EvidenceSelector(store).sentences(ranked[:1])[0]
    answer = reason.answer(
        _question("Why is he selling space on his forehead?"), Decision((top,), True), ranked, _context(store)
    )
    assert [c.sentence for c in answer.citations] == [FOREHEAD[0], FOREHEAD[2]]


def test_else_the_sentence_after_it_where_news_goes_on_to_say_why() -> None:
    store = FakeStore({"c": ("Cosby", COSBY)})
    top = EvidenceSelector(store).sentences([ScoredSentence("c:00000", 2.0, np.zeros(0))])[0]
    answer = reason.answer(_question("Why was Cosby not charged?"), Decision((top,), True), [], _context(store))
    assert [c.sentence for c in answer.citations] == COSBY


def test_the_next_sentence_saying_the_verb_with_its_reason_is_the_answer_cited_first() -> None:
    gadget = [
        "The Apple Powerbook 100 has been chosen as the greatest gadget of all time, by US magazine Mobile PC.",
        "The 1991 laptop was chosen because it was one of the first lightweight portable computers.",
    ]
    store = FakeStore({"g": ("Apple laptop is greatest gadget", gadget)})
    top = EvidenceSelector(store).sentences([ScoredSentence("g:00000", 2.0, np.zeros(0))])[0]
    answer = reason.answer(_question("Why was the Powerbook 100 chosen?"), Decision((top,), True), [], _context(store))
    assert answer.short_answer == "because it was one of the first lightweight portable computers"
    assert [c.sentence for c in answer.citations] == gadget[::-1]
    other = reason.answer(_question("Why was the Powerbook 100 praised?"), Decision((top,), True), [], _context(store))
    assert other.citations[0].sentence == gadget[0]  # the next sentence says why of another verb: cited second


def test_the_view_the_next_sentence_gives_those_who_did_it_is_the_reason_cited_first() -> None:
    brazil = [
        "The proposals were opposed in the past by leftist parties, including Mr Lula's Worker Party.",
        "They considered that they undermined workers' rights.",
    ]
    store = FakeStore({"b": ("Brazil approves bankruptcy reform", brazil)})
    top = EvidenceSelector(store).sentences([ScoredSentence("b:00000", 2.0, np.zeros(0))])[0]
    question = _question("Why did leftist parties oppose the reforms?")
    answer = reason.answer(question, Decision((top,), True), [], _context(store))
    assert answer.short_answer == "they undermined workers' rights"
    assert [c.sentence for c in answer.citations] == brazil[::-1]


def test_an_evidence_sentence_giving_the_reason_in_words_is_the_answer_cited_first() -> None:
    lenovo = [
        "Lenovo's sales were down 3.7% by revenue to HK$6.31bn.",
        "Its shares are down 20% since the announcement, largely because of the unprofitability of the unit.",
    ]
    store = FakeStore({"l": ("Profits stall at Lenovo", lenovo)})
    ranked = [ScoredSentence(f"l:0000{i}", 2.0 - i / 10, np.zeros(0)) for i in range(2)]
    top, second = EvidenceSelector(store).sentences(ranked)
    answer = reason.answer(
        _question("Why have Lenovo's shares fallen?"), Decision((top, second), True), ranked, _context(store)
    )
    assert answer.short_answer == "because of the unprofitability of the unit"
    assert [c.sentence for c in answer.citations] == [lenovo[1], lenovo[0]]


def test_the_sentence_before_giving_the_reason_in_words_is_the_answer_cited_first() -> None:
    brown = [
        "But he is such a pivotal figure that it is almost impossible not to ask him why he is doing this.",
        "His answer, in part, is because of the missionaries that used to come to his father's church.",
        "Ever since, he says, Africa has been important to him.",
        "I've absolutely no doubt whatsoever this is heartfelt.",
    ]
    store = FakeStore({"b": ("The memory driving Brown's mission", brown)})
    top = EvidenceSelector(store).sentences([ScoredSentence("b:00002", 2.0, np.zeros(0))])[0]
    answer = reason.answer(
        _question("Why is Africa important to Gordon Brown?"), Decision((top,), True), [], _context(store)
    )
    assert answer.short_answer == "because of the missionaries that used to come to his father's church"
    assert [c.sentence for c in answer.citations][:2] == [brown[1], brown[2]]


def test_what_it_is_blamed_on_or_a_protest_is_the_reason_whole_not_the_readers_word_in_it() -> None:
    blamed = "Republicans have blamed the size of the deficit on slow economic conditions and military operations."
    top = evidence(blamed, reading=3.0, span=(blamed.index("military"), blamed.index(".")))
    question = _question("Why do Republicans say the deficit is so large?")
    answer = reason.answer(question, Decision((top,), True), [], _context(FakeStore({})))
    assert answer.short_answer == "slow economic conditions and military operations"
    protest = "Brando turned down his Oscar in protest at Hollywood's apparent discrimination against Native Americans."
    top = evidence(protest, reading=3.0, span=(protest.index("protest"), protest.index(" at")))
    answer = reason.answer(
        _question("Why did Brando turn down his Oscar?"), Decision((top,), True), [], _context(FakeStore({}))
    )
    assert answer.short_answer == "in protest at Hollywood's apparent discrimination against Native Americans"


def test_the_sentence_before_giving_a_reason_of_someone_else_is_not_the_reason() -> None:
    oscars = [
        "Writer Dudley Nichols refused his Academy Award in 1935 because the Writers' Guild was striking.",
        "Marlon Brando turned down his best actor Oscar for The Godfather in 1973.",
        "He sent along a woman to collect his award.",
    ]
    store = FakeStore({"o": ("How the Academy Awards flourished", oscars)})
    top = EvidenceSelector(store).sentences([ScoredSentence("o:00001", 2.0, np.zeros(0))])[0]
    answer = reason.answer(
        _question("Why did Marlon Brando turn down his Oscar?"), Decision((top,), True), [], _context(store)
    )
    assert answer.citations[0].sentence == oscars[1]  # not Nichols's reason, cited first as Brando's


def test_asked_why_something_was_done_to_someone_what_did_it_to_them_is_the_reason() -> None:
    said = (
        'Derek Wyatt said having a five month campaign "turned off voters" and suggested people were already "rather '
        'bored of the thing".'
    )
    store = FakeStore({"w": ("Labour MP praises Tory campaign", [said])})
    top = EvidenceSelector(store).sentences([ScoredSentence("w:00000", 2.0, np.zeros(0))])[0]
    answer = reason.answer(_question("Why were voters turned off?"), Decision((top,), True), [], _context(store))
    assert answer.short_answer == "having a five month campaign"
    assert reason.cause_as_doer("Why was Cosby not charged?", COSBY[0]) is None  # no doer of the charging


def test_the_next_sentence_going_on_about_the_one_asked_with_a_reason_is_the_answer_cited_first() -> None:
    story = [
        "The judge is studying whether the prosecution's first witness, reporter Martin Bashir, is in contempt of "
        "court.",
        "The defence protested after Mr Bashir refused to answer nearly all their questions.",
    ]
    store = FakeStore({"b": ("Jackson trial", story)})
    top = EvidenceSelector(store).sentences([ScoredSentence("b:00000", 2.0, np.zeros(0))])[0]
    question = _question("Why might Martin Bashir be in contempt of court?")
    answer = reason.answer(question, Decision((top,), True), [], _context(store))
    assert answer.short_answer == "after Mr Bashir refused to answer nearly all their questions"
    assert [c.sentence for c in answer.citations] == story[::-1]
    other = reason.answer(
        _question("Why might the judge be in contempt of court?"), Decision((top,), True), [], _context(store)
    )
    assert other.citations[0].sentence == story[0]  # the next sentence is not about one the question names
