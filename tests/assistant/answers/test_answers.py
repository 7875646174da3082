"""Each shape's answer from a decision made by hand (unit, on fakes): what it says, what it cites, in which order."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from assistant.answers import (
    comparison,
    definition,
    fact,
    listing,
    messages,
    news,
    overview,
    record,
    summary,
    yes_no,
)
from assistant.answers.context import AnswerContext, AnswerLimits
from assistant.evidence.decision import Decision
from assistant.evidence.names import Named
from assistant.evidence.reader import Reading
from assistant.evidence.select import Evidence, EvidenceSelector
from assistant.question.read import Question
from assistant.question.shape import shape_of
from assistant.retrieval.fusion import ScoredSentence
from index.store import StoredArticle
from tests.assistant.fakes import NAMED, FakeStore, evidence

ARTICLES = NAMED


@pytest.fixture
def store() -> FakeStore:
    return FakeStore(ARTICLES)


@pytest.fixture
def context(store: FakeStore) -> AnswerContext:
    return AnswerContext(store, EvidenceSelector(store), AnswerLimits(summary_sentences=2, overview_sentences=3))


def _question(text: str) -> Question:
    return Question(text, text, shape_of(text))


def _short_answer(context: AnswerContext, question: str, text: str, read: tuple[str, str]) -> str | None:
    """The fact's short answer to ``question`` from one sentence, the reader's phrase running from the first of
    ``read`` up to the second."""
    top = evidence(text, reading=3.0, span=(text.index(read[0]), text.index(read[1])))
    return fact.answer(_question(question), Decision((top,), True), [], context).short_answer


def _all(store: FakeStore, article: str, score: float = 1.5) -> tuple:
    """Every sentence of an article as evidence, as the judge gives it for a summary."""
    ids = [i for i in store.sentences if i.startswith(f"{article}:")]
    return tuple(EvidenceSelector(store).sentences([ScoredSentence(i, score, np.zeros(0)) for i in ids]))


def test_a_fact_is_the_short_answer_then_the_evidence_quoted(context: AnswerContext) -> None:
    top = evidence("The Lindholm ferry carried 41 cars on Monday.", reading=3.0, span=(27, 34))
    answer = fact.answer(_question("How many cars did the ferry carry?"), Decision((top,), True), [], context)
    assert answer.short_answer == "41 cars" and answer.kind == "fact"
    assert answer.text == "41 cars [1]\n\nThe Lindholm ferry carried 41 cars on Monday. [1]"
    assert [(c.n, c.sentence, c.start, c.end) for c in answer.citations] == [(1, top.text, 0, len(top.text))]


def test_asked_how_much_is_paid_a_facts_short_answer_is_the_sum_not_another_figure(context: AnswerContext) -> None:
    text = "The company plans to buy back 52 million shares at 570 rupees (£6.80; $13) apiece."
    read = ("52", " shares")
    assert _short_answer(context, "How much will Reliance pay per share?", text, read) == "570 rupees (£6.80; $13)"
    assert _short_answer(context, "How many shares will Reliance buy?", text, read) == "52 million"


def test_asked_how_much_money_an_unread_sentence_gives_its_sum_not_a_count(context: AnswerContext) -> None:
    # a sentence moved first for the sum it gives is not read: the rule-based phrase would be its count
    top = evidence("An extra £50m was promised on Tuesday so 2,000 new CSOs can be recruited now.")
    answer = fact.answer(_question("How much extra money was promised for CSOs?"), Decision((top,), True), [], context)
    assert answer.short_answer == "£50m"
    answer = fact.answer(_question("How many new CSOs can be recruited?"), Decision((top,), True), [], context)
    assert answer.short_answer != "£50m"


def test_a_names_article_is_its_own_but_not_before_a_compound_it_starts(context: AnswerContext) -> None:
    assert _short_answer(context, "What does the Kremlin say?", "The Kremlin says no.", ("Kremlin", " says")) == (
        "The Kremlin"
    )
    text = "The Birmingham-born singer was signed to a record label at the age of 15."
    assert _short_answer(context, "Where was Jamelia born?", text, ("Birmingham", "-born")) == "Birmingham"


def test_a_facts_short_answer_of_one_bound_of_a_range_is_the_range(context: AnswerContext) -> None:
    text = "Mutu faces a ban of between six months and two years."
    answer = _short_answer(context, "How long a ban does Mutu face?", text, ("six", " and"))
    assert answer == "between six months and two years"


def test_a_summary_is_the_lead_and_the_most_central_sentences_in_article_order(
    store: FakeStore, context: AnswerContext
) -> None:
    decision = Decision(_all(store, "ferry"), True, article=store.headers(["ferry"])["ferry"])
    answer = summary.answer(_question("Summarise the article"), decision, [], context)
    assert answer.kind == "summary" and len(answer.citations) == 2
    assert answer.citations[0].sentence == ARTICLES["ferry"][1][0]  # the lead first
    assert [c.start for c in answer.citations] == sorted(c.start for c in answer.citations)
    guessed = summary.answer(
        _question("Summarise the article"),
        Decision(decision.evidence, True, article=decision.article, guessed=True),
        [],
        context,
    )
    assert guessed.text.startswith("The most recently added article, “Harbour ferry”, says:\n\n")


def test_news_puts_the_newest_article_first_each_under_its_title(context: AnswerContext) -> None:
    old = evidence("The council approved the bridge.", article="council", title="Council vote", published="2025-08-01")
    new = evidence("The ferry sailed again.", article="ferry", title="Harbour ferry", published="2025-09-01")
    undated = evidence("Rain is expected.", article="weather", title="", published=None)
    answer = news.answer(_question("Any news on the harbour?"), Decision((old, undated, new), True), [], context)
    assert answer.text == (
        "Harbour ferry: The ferry sailed again. [1]\n\nCouncil vote: The council approved the bridge. [2]\n\n"
        "Rain is expected. [3]"
    )


def test_an_overview_adds_the_next_relevant_ranked_sentences(store: FakeStore, context: AnswerContext) -> None:
    first = _all(store, "ferry")[0]
    ranked = [ScoredSentence("ferry:00000", 2.0, np.zeros(0)), ScoredSentence("ferry:00002", 1.2, np.zeros(0))]
    ranked.append(ScoredSentence("council:00000", 0.5, np.zeros(0)))  # not relevant enough
    answer = overview.answer(_question("Tell me about the ferry"), Decision((first,), True), ranked, context)
    assert [c.sentence for c in answer.citations] == [ARTICLES["ferry"][1][0], ARTICLES["ferry"][1][2]]
    assert answer.short_answer is None and answer.kind == "overview"


def test_asked_what_someone_says_about_a_thing_the_overview_puts_the_sentences_naming_it_first() -> None:
    said = [
        "Chelsea's William Gallas believes they will battle it out with Arsenal.",
        "You need a lot of luck, he said.",
        "It is a changed dressing-room from the atmosphere there was last year.",
    ]
    store = FakeStore({"gallas": ("Gallas sees two-horse race", said)})
    context = AnswerContext(store, EvidenceSelector(store), AnswerLimits(overview_sentences=3))
    ranked = [ScoredSentence(f"gallas:0000{i}", 2.0 - i / 10, np.zeros(0)) for i in range(3)]
    first = _all(store, "gallas")[0]
    question = _question("What does Gallas say about the Chelsea dressing-room?")
    answer = overview.answer(question, Decision((first,), True), ranked, context)
    assert [c.sentence for c in answer.citations] == [said[2], said[0], said[1]]  # then as ranked


def test_asked_who_holds_a_post_the_short_answer_is_the_holder_the_sentence_names(context: AnswerContext) -> None:
    text = "The meeting between Fiat boss Sergio Marchionne and GM's Rick Wagoner is due in Zurich."
    read = ("Rick", " is due")
    assert _short_answer(context, "Who is the chief executive of Fiat?", text, read) == "Sergio Marchionne"
    # no title of GM's before him here: the reader's phrase
    assert _short_answer(context, "Who is the chief executive of GM?", text, read) == "Rick Wagoner"


def test_a_list_cites_each_name_to_the_sentence_naming_it_and_falls_back_to_a_fact(context: AnswerContext) -> None:
    sentences = (evidence("Mayor Ingrid Holm spoke.", index=0), evidence("Erik Larsen and Ingrid Holm met.", index=1))
    named = (Named("Ingrid Holm", "PERSON", 0), Named("Erik Larsen", "PERSON", 1))
    answer = listing.answer(
        _question("Which people are mentioned?"), Decision(sentences, True, names=named), [], context
    )
    assert answer.short_answer == "Ingrid Holm, Erik Larsen" and answer.kind == "list"
    assert answer.text.startswith("Ingrid Holm [1], Erik Larsen [2]\n\n")
    words = listing.answer(_question("Which people said so?"), Decision(sentences, True), [], context)
    assert words.kind == "fact" and words.citations


def test_asked_the_score_the_short_answer_is_a_score_where_the_readers_phrase_holds_none(
    context: AnswerContext,
) -> None:
    text = 'Curbishley said after the 4-0 win: "I have a lot of faith in Jonatan."'
    top = evidence(text, reading=3.0, span=(text.index("Jonatan"), text.index("Jonatan") + 7))
    answer = fact.answer(
        _question("What was the score between Charlton and Norwich?"), Decision((top,), True), [], context
    )
    assert answer.short_answer == "4-0"


def test_a_list_of_who_was_done_something_to_is_the_names_in_that_role(context: AnswerContext) -> None:
    said = evidence("Yukos has said it will sue Baikal and Rosneft over the sale of Yuganskneftegas.")
    names = (Named("Yuganskneftegas", "ORG", 0),)  # every organisation named: the one sold as well
    answer = listing.answer(
        _question("Which companies did Yukos sue?"), Decision((said,), True, names=names), [], context
    )
    assert answer.short_answer == "Baikal, Rosneft" and answer.text.startswith("Baikal [1], Rosneft [1]\n\n")
    kind = listing.answer(
        _question("Which companies are mentioned?"), Decision((said,), True, names=names), [], context
    )
    assert kind.short_answer == "Yuganskneftegas"  # no role asked: the names of the kind


def test_asked_who_did_something_a_list_the_readers_phrase_holds_is_the_answer(context: AnswerContext) -> None:
    text = "Sony, IBM and Toshiba, who have been working on the Cell processor, unveiled the chip on Monday."
    top = evidence(text, reading=4.0, span=(0, text.index(", who")))
    rival = evidence("The processor is set to ignite a battle between Intel and the Cell consortium.", index=1)
    names = tuple(Named(n, "ORG", 0) for n in ("Sony", "IBM", "Toshiba")) + (Named("Intel", "ORG", 1),)
    decision = Decision((top, rival), True, names=names)
    answer = listing.answer(_question("Which companies developed the Cell processor?"), decision, [], context)
    assert answer.short_answer == "Sony, IBM, Toshiba"  # not Intel, which the next sentence names
    mentioned = listing.answer(_question("Which companies are mentioned?"), decision, [], context)
    assert mentioned.short_answer == "Sony, IBM, Toshiba, Intel"  # asked what is there: all of them
    # a sentence naming more than the reader's phrase holds: the phrase may be the wrong part of it, so all of them
    more = tuple(Named(n, "ORG", 0) for n in ("Sony", "IBM", "Toshiba", "Hitachi"))
    wider = listing.answer(
        _question("Which companies developed the Cell processor?"),
        Decision((top, rival), True, names=more),
        [],
        context,
    )
    assert wider.short_answer == "Sony, IBM, Toshiba, Hitachi"


def test_a_definition_is_the_role_a_sentence_gives_else_says_the_articles_dont(
    store: FakeStore, context: AnswerContext
) -> None:
    larsen = _all(store, "ferry")[3]
    answer = definition.answer(_question("Who is Erik Larsen?"), Decision((larsen,), True), [], context)
    assert answer.short_answer == "Ferry captain" and answer.text.startswith("Erik Larsen: Ferry captain [1]")
    met = evidence("Ingrid Holm met Erik Larsen.")  # no role for her, and his name is no answer to who she is
    unsaid = definition.answer(_question("Who is Ingrid Holm?"), Decision((met,), True), [], context)
    assert unsaid.kind == "definition" and unsaid.text == (
        "The articles don't say what Ingrid Holm is; they mention it here:\n\nIngrid Holm met Erik Larsen. [1]"
    )


def test_a_definition_that_only_says_whose_gives_way_to_a_later_sentence_saying_what() -> None:
    store = FakeStore(
        {
            "gm": (
                "GM and Fiat",
                [
                    "Fiat boss Sergio Marchionne will meet GM's Rick Wagoner in Zurich.",
                    "Its leader, Rick Wagoner, said talks would go on.",
                    "GM chairman and chief executive Rick Wagoner said the deal was void.",
                ],
            )
        }
    )
    ranked = [ScoredSentence(f"gm:0000{i}", 2.0 - i / 10, np.zeros(0)) for i in range(3)]
    top = EvidenceSelector(store).sentences(ranked[:1])[0]
    limits = AnswerLimits(overview_sentences=3)
    answer = definition.answer(
        _question("Who is Rick Wagoner?"),
        Decision((top,), True),
        ranked,
        AnswerContext(store, EvidenceSelector(store), limits),
    )
    assert answer.short_answer == "GM chairman and chief executive"
    assert [c.sentence for c in answer.citations] == [store.sentences["gm:00002"].text]
    alone = definition.answer(
        _question("Who is Rick Wagoner?"),
        Decision((top,), True),
        [],
        AnswerContext(store, EvidenceSelector(store), limits),
    )
    assert alone.short_answer == "GM's"  # none better: what the sentence says


def test_a_definition_of_someone_is_never_only_a_place_or_a_firm(context: AnswerContext) -> None:
    text = "Mark Hale had been in the band for ten years since its formation at Dundee University."
    read = evidence(text, reading=3.0, span=(text.index("Dundee"), len(text) - 1))
    who = definition.answer(_question("Who is Mark Hale?"), Decision((read,), True), [], context)
    assert who.short_answer is None and who.text.startswith("The articles don't say what Mark Hale is")


def test_yes_or_no_is_said_when_the_reader_is_sure_enough_citing_the_sentence_it_turns_on(store: FakeStore) -> None:
    sure = AnswerContext(store, EvidenceSelector(store), AnswerLimits(min_verdict=0.6))
    said = evidence("The council rejected the bridge.")
    decided = Decision((said,), True, kinds={"span": 0.1, "yes": 0.1, "no": 0.7, "none": 0.1})
    answer = yes_no.answer(_question("Did the council approve the bridge?"), decided, [], sure)
    assert answer.short_answer == "No" and answer.text == "No [1]\n\nThe council rejected the bridge. [1]"
    unsure = Decision((said,), True, kinds={"span": 0.3, "yes": 0.1, "no": 0.5, "none": 0.1})
    shown = yes_no.answer(_question("Did the council approve the bridge?"), unsure, [], sure)
    assert shown.short_answer is None and shown.text.startswith(messages.YES_OR_NO)


def test_yes_or_no_shows_what_the_articles_say_without_a_verdict(context: AnswerContext) -> None:
    said = evidence("The harbour reopened at noon.")
    answer = yes_no.answer(_question("Did the harbour reopen?"), Decision((said,), True), [], context)
    assert (
        answer.text == "The articles don't say yes or no in so many words, but here is what they say:\n\n"
        "The harbour reopened at noon. [1]"
    )
    assert answer.kind == "yes_no" and answer.short_answer is None


def test_a_record_cites_the_byline_line_for_its_author_and_the_lead_otherwise(context: AnswerContext) -> None:
    lines = (evidence("Harbour reopens", index=0), evidence("By Olaf Berg", index=1))
    article = StoredArticle("a", title="Harbour reopens", author="Olaf Berg", date="2025-09-01")
    author = record.answer(_question("Who wrote the article?"), Decision(lines, True, article=article), [], context)
    assert author.text == "By Olaf Berg [1]\n\nBy Olaf Berg [1]" and author.short_answer == "Olaf Berg"
    date = record.answer(
        _question("When was the article published?"), Decision(lines, True, article=article, guessed=True), [], context
    )
    assert date.text.startswith("The most recently added article, “Harbour reopens”, is published 2025-09-01 [1]")
    assert date.citations[0].sentence == "Harbour reopens"


def test_a_comparison_quotes_both_sides_and_says_which_side_the_articles_dont_speak_of(store: FakeStore) -> None:
    sure = AnswerContext(store, EvidenceSelector(store), AnswerLimits(min_verdict=0.6))
    sides = (evidence("The DS sold 500,000 units.", index=0), evidence("The PSP sold 200,000 units.", index=1))
    asked = _question("Has the DS sold more than the PSP?")
    both = comparison.answer(asked, Decision(sides, True, kinds={"yes": 0.8, "no": 0.1}), [], sure)
    assert both.kind == "comparison" and both.short_answer == "Yes"
    assert both.text == "Yes [1]\n\nThe DS sold 500,000 units. [1] The PSP sold 200,000 units. [2]"
    half = comparison.answer(asked, Decision(sides[:1], True, uncovered=("the PSP",)), [], sure)
    assert half.short_answer is None and half.text.endswith("\n\nThe articles don't say about the PSP.")


@pytest.mark.parametrize(
    ("phrase", "bolded"),
    [("200,000 units", True), ("the PSP", True), ("fewer", True), ("Nintendo", False), ("sold", False)],
)
def test_a_comparison_bolds_a_value_or_a_side_never_another_phrase(
    context: AnswerContext, phrase: str, bolded: bool
) -> None:
    text = "Nintendo said the PSP sold 200,000 units, fewer than the DS."
    start = text.index(phrase)
    read = evidence(text, reading=3.0, span=(start, start + len(phrase)))
    asked = _question("Which sold more, the PSP or the DS?")
    answer = comparison.answer(asked, Decision((read,), True), [], context)
    assert answer.short_answer == (phrase if bolded else None)


def test_a_definition_of_a_full_name_reads_its_own_story_and_what_the_next_sentence_calls_them() -> None:
    store = FakeStore(
        {
            "rugby": ("Robinson wants success", ["Robinson, a former rugby league international, leads England."]),
            "ruling": (
                "Act on detention ruling",
                [
                    "The government must act quickly on the ruling, Mary Robinson has said.",
                    "The former UN commissioner for human rights told Radio 4's Today it would be scrutinised.",
                ],
            ),
        }
    )
    ranked = [ScoredSentence("rugby:00000", 1.5, np.zeros(0)), ScoredSentence("ruling:00000", 1.4, np.zeros(0))]
    selector = EvidenceSelector(store)
    answer = definition.answer(
        _question("Who is Mary Robinson?"),
        Decision(tuple(selector.sentences(ranked[:1])), True),
        ranked,
        AnswerContext(store, selector, AnswerLimits(overview_sentences=3)),
    )
    assert answer.short_answer == "former UN commissioner for human rights"  # not the rugby coach's role
    assert [c.sentence for c in answer.citations] == list(store.sentences[f"ruling:0000{i}"].text for i in (0, 1))
    assert answer.text.startswith("Mary Robinson: former UN commissioner for human rights [2]")


def test_asked_who_did_it_where_the_best_sentences_phrase_names_no_one_its_storys_sentence_naming_them_answers() -> (
    None
):
    story = [
        "Paul Tellier, who was also the firm's president, left the company amid a restructuring.",
        "Shares in the firm fell 5% on the news.",
        "Laurent Beaudoin, of the family that controls the firm, will take on the role of chief executive.",
    ]
    store = FakeStore({"firm": ("Bombardier chief quits", story)})
    context = AnswerContext(store, EvidenceSelector(store), AnswerLimits())
    read = story[0].index("president")
    top = replace(_all(store, "firm")[0], reading=Reading(4.0, read, read + len("president")))
    answer = fact.answer(_question("Who is taking over as chief executive?"), Decision((top,), True), [], context)
    assert answer.short_answer == "Laurent Beaudoin"
    assert [c.sentence for c in answer.citations] == [story[2], story[0]]
    named = replace(top, reading=Reading(4.0, 0, len("Paul Tellier")))  # the phrase is a name: the rules decide
    answer = fact.answer(_question("Who is taking over as chief executive?"), Decision((named,), True), [], context)
    assert [c.sentence for c in answer.citations] == [story[0]]


def test_someone_named_after_a_lead_describing_them_doing_the_same_is_what_the_lead_calls_them() -> None:
    trial = [
        "A PR expert has told the Michael Jackson trial that the documentary was an absolute disaster.",
        "Ann Kite told the court she was hired to crisis manage the fallout.",
    ]
    store = FakeStore({"trial": ("Jackson film 'absolute disaster'", trial)})
    ranked = [ScoredSentence("trial:00001", 2.0, np.zeros(0))]
    top = EvidenceSelector(store).sentences(ranked)[0]
    context = AnswerContext(store, EvidenceSelector(store), AnswerLimits(overview_sentences=3))
    answer = definition.answer(_question("Who is Ann Kite?"), Decision((top,), True), ranked, context)
    assert answer.short_answer == "a PR expert"
    assert [c.sentence for c in answer.citations] == trial
    other = FakeStore({"trial": ("Trial", ["A PR expert has left the trial.", trial[1]])})  # another verb: not her
    top = EvidenceSelector(other).sentences(ranked)[0]
    context = AnswerContext(other, EvidenceSelector(other), AnswerLimits(overview_sentences=3))
    assert definition.answer(_question("Who is Ann Kite?"), Decision((top,), True), ranked, context).short_answer != (
        "a PR expert"
    )


def test_a_role_as_its_post_is_the_post_of_the_organisation_the_sentence_before_names() -> None:
    hefce = [
        "The Higher Education Funding Council for England said more people went to university.",
        'But the percentage of poorer students "hardly changed at all", said its chief executive, Sir Howard Newby.',
    ]
    store = FakeStore({"hefce": ("Student inequality exposed", hefce)})
    ranked = [ScoredSentence("hefce:00001", 2.0, np.zeros(0))]
    top = EvidenceSelector(store).sentences(ranked)[0]
    context = AnswerContext(store, EvidenceSelector(store), AnswerLimits(overview_sentences=3))
    answer = definition.answer(_question("Who is Sir Howard Newby?"), Decision((top,), True), ranked, context)
    assert answer.short_answer == "chief executive of the Higher Education Funding Council for England"
    assert [c.sentence for c in answer.citations] == hefce


def test_asked_who_did_it_to_someone_a_sentence_where_they_did_it_gives_way_to_one_saying_who_did() -> None:
    store = FakeStore(
        {
            "dubai": ("Monfils blows away Gaudio", ["Fabrice Santoro beat Sweden's Thomas Johansson 6-4 6-2."]),
            "safin": (
                "Safin slumps",
                ["Fabrice Santoro was beaten 6-3 6-0 by sixth seeded Russian Nikolay Davydenko."],
            ),
        }
    )
    ranked = [ScoredSentence("dubai:00000", 2.0, np.zeros(0)), ScoredSentence("safin:00000", 1.5, np.zeros(0))]
    top = EvidenceSelector(store).sentences(ranked[:1])[0]
    context = AnswerContext(store, EvidenceSelector(store), AnswerLimits())
    answer = fact.answer(_question("Who beat Fabrice Santoro?"), Decision((top,), True), ranked, context)
    assert answer.short_answer == "Nikolay Davydenko"
    assert [c.sentence for c in answer.citations][0] == store.sentences["safin:00000"].text


def test_a_list_whose_best_sentence_says_the_questions_verb_keeps_the_names_of_sentences_saying_it(
    context: AnswerContext,
) -> None:
    linked = evidence("Arsenal have been linked with Boro keeper Mark Schwarzer and Fulham's Edwin van der Sar.")
    other = evidence("Wenger has brought in Manuel Almunia for the out-of-form Jens Lehmann.", index=1)
    keepers = ("Mark Schwarzer", "Edwin van der Sar")
    names = (*(Named(n, "PERSON", 0) for n in keepers), Named("Manuel Almunia", "PERSON", 1))
    decision = Decision((linked, other), True, names=names)
    answer = listing.answer(_question("Which keepers have Arsenal been linked with?"), decision, [], context)
    assert answer.short_answer == "Mark Schwarzer, Edwin van der Sar"  # not the keeper of the next sentence
    mentioned = listing.answer(_question("Which keepers are mentioned?"), decision, [], context)
    assert mentioned.short_answer == "Mark Schwarzer, Edwin van der Sar, Manuel Almunia"  # no sentence says the verb


def test_asked_who_did_it_to_someone_a_sentence_where_they_did_it_bolds_no_one(context: AnswerContext) -> None:
    moya = "Carlos Moya described the victory as the highlight of his career after he beat Andy Roddick."
    top = evidence(moya, reading=3.0, span=(moya.index("Andy"), len(moya) - 1))
    answer = fact.answer(_question("Who beat Carlos Moya?"), Decision((top,), True), [], context)
    assert answer.short_answer is None and answer.citations[0].sentence == moya  # shown, not claimed
    read = fact.answer(_question("Who did Carlos Moya beat?"), Decision((top,), True), [], context)
    assert read.short_answer == "Andy Roddick"


def _in_story(
    title: str, story: list[str], index: int, read: tuple[int, int] | None = None
) -> tuple[AnswerContext, Evidence]:
    """A store of one story, its answer context, and its ``index``th sentence as evidence (read at ``read``, given)."""
    store = FakeStore({"s": (title, story)})
    top = EvidenceSelector(store).sentences([ScoredSentence(f"s:{index:05d}", 2.0, np.zeros(0))])[0]
    top = replace(top, reading=Reading(3.0, *read)) if read is not None else top
    return AnswerContext(store, EvidenceSelector(store), AnswerLimits()), top


def test_asked_which_thing_the_one_named_did_it_to_the_short_answer_is_that_thing(context: AnswerContext) -> None:
    text = (
        "The low-budget horror film Boogeyman has knocked Robert de Niro thriller Hide and Seek from the top spot at "
        "the UK box office."
    )
    question = "Which film did Boogeyman knock from the top spot?"
    assert _short_answer(context, question, text, ("Boogeyman", " has")) == "Hide and Seek"  # not the doer
    assert _short_answer(context, question, text, ("Robert", " Hide")) == "Hide and Seek"  # not the words before
    unveiled = (
        "London based software developer Connectotel has unveiled software that will expand the SMS functions of "
        "Skype, allowing users to send text messages to mobile phones from the service."
    )
    assert (
        _short_answer(context, "What has Connectotel unveiled?", unveiled, ("Skype", ","))
        == "software that will expand the SMS functions of Skype"
    )
    # the question names what was done something to: the reader's phrase stands
    blamed = "Williams though blamed her defeat by Farina Elia on injuries."
    assert _short_answer(context, "What did Williams blame her defeat on?", blamed, ("injuries", ".")) == "injuries"


def test_asked_who_made_a_work_the_short_answer_is_the_one_the_sentence_gives_it_to() -> None:
    story = [
        "Ms Kite suggested Jackson's associates had launched a smear campaign after the airing of Martin Bashir's "
        "film Living with Michael Jackson."
    ]
    store = FakeStore({"j": ("Jackson film 'absolute disaster'", story)})
    context = AnswerContext(store, EvidenceSelector(store), AnswerLimits())
    top = evidence(story[0], article="j", index=0, reading=3.0, span=(0, 7))  # "Ms Kite"
    question = "Who made the documentary Living with Michael Jackson?"
    assert fact.answer(_question(question), Decision((top,), True), [], context).short_answer == "Martin Bashir"


def test_asked_who_holds_a_post_a_sentence_naming_only_the_post_takes_the_name_of_the_one_before() -> None:
    story = [
        "Martin O'Neill hopes to block Stilian Petrov's call-up by Bulgaria during Celtic's busy festive programme.",
        "The Celtic manager does not view the friendly against Valenciana on 28 December as important.",
    ]
    context, top = _in_story("Celtic unhappy over Bulgaria date", story, 1)
    answer = fact.answer(_question("Who is Celtic's manager?"), Decision((top,), True), [], context)
    assert answer.short_answer == "Martin O'Neill"
    assert [c.sentence for c in answer.citations] == story  # the sentence naming him first
    other = fact.answer(_question("Who is Arsenal's manager?"), Decision((top,), True), [], context)
    assert other.short_answer != "Martin O'Neill"


def test_asked_who_beat_someone_a_defeat_by_a_name_gives_the_winner() -> None:
    story = [
        "Venus Williams suffered a first-round defeat for the first time in four years at the Dubai Championships.",
        "Williams though blamed her defeat by Farina Elia on injuries.",
    ]
    read = (story[0].index("the Dubai"), len(story[0]) - 1)  # a place read
    context, top = _in_story("Venus stunned by Farina Elia", story, 0, read)
    answer = fact.answer(_question("Who beat Venus Williams in Dubai?"), Decision((top,), True), [], context)
    assert answer.short_answer == "Farina Elia"
    assert answer.citations[0].sentence == story[1]


def test_of_a_pair_said_respectively_the_short_answer_is_the_one_paired_with_what_is_asked(
    context: AnswerContext,
) -> None:
    text = (
        "And Clive Owen and Sophie Okonedo both got nominated for supporting roles in Closer and Hotel Rwanda "
        "respectively."
    )
    read = ("Clive", " both")
    assert _short_answer(context, "Who was nominated for Hotel Rwanda?", text, read) == "Sophie Okonedo"
    assert _short_answer(context, "Who was nominated for Closer?", text, read) == "Clive Owen"
    assert _short_answer(context, "Who was nominated?", text, read) == "Clive Owen and Sophie Okonedo"


def test_asked_what_someone_wants_the_short_answer_is_the_thing_not_a_word_describing_it(
    context: AnswerContext,
) -> None:
    text = "He wants a greater campaigning role for Chancellor Gordon Brown."
    read = ("campaigning", " role")
    assert _short_answer(context, "What does Derek Wyatt want for Gordon Brown?", text, read) == (
        "a greater campaigning role"
    )
    assert _short_answer(context, "What kind of role did he get?", text, read) == "campaigning"
    # a sentence's full stop is not the answer's
    chart = "Oscar nominee Hotel Rwanda was also a new entry, at number five."
    top = evidence(chart, reading=3.0, span=(chart.index("five"), len(chart)))
    answer = fact.answer(_question("What number was Hotel Rwanda?"), Decision((top,), True), [], context)
    assert answer.short_answer == "five"


def test_asked_who_the_one_a_sentence_describes_is_the_name_the_next_sentence_opens_with() -> None:
    story = [
        "The reported feud between Tony Blair and Gordon Brown has prompted a Labour donor to say he will almost "
        "certainly refuse to give more funds.",
        "Duncan Bannatyne also attacked the government over Iraq.",
    ]
    read = (story[0].index("Gordon"), story[0].index(" has"))
    context, top = _in_story("Donor attacks Blair Brown 'feud'", story, 0, read)
    answer = fact.answer(_question("Who is the Labour donor attacking the feud?"), Decision((top,), True), [], context)
    assert answer.short_answer == "Duncan Bannatyne"
    assert [c.sentence for c in answer.citations] == story[::-1]
    other = fact.answer(_question("Who is the Tory donor?"), Decision((top,), True), [], context)
    assert other.short_answer != "Duncan Bannatyne"


def test_asked_how_old_someone_was_when_they_died_the_age_at_the_death(context: AnswerContext) -> None:
    text = "The 1964 film shows the Doors frontman, who died aged 27 in 1971, as a 40-year-old clip shows."
    read = ("40-year-old", " clip")
    assert _short_answer(context, "How old was Jim Morrison when he died?", text, read) == "27"
