"""The answerability check on hand-made evidence: the question's names looked for in the evidence's articles
(exactly, run together or misspelled), and the fitted probability against the threshold."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import pytest

from assistant.evidence.answerability import AnswerabilityCheck, AnswerabilityWeights, words_elsewhere
from assistant.evidence.select import Evidence
from assistant.question.names import missing_names, question_names, refers_to
from index.store import StoredSentence, sentence_id
from tests.assistant.fakes import evidence

MACRON = (
    "The remarks came after French President Emmanuel Macron announced that 26 Western allies had formally "
    "committed to supporting Ukraine with troops."
)
ARTICLE = f"The Kremlin has dismissed proposals for foreign troops. {MACRON} Kremlin spokesperson Dmitry Peskov spoke."


class Articles:
    """Article texts by id, counting the lookups."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.asked: list[list[str]] = []

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]:
        self.asked.append(list(article_ids))
        return {a: self.texts[a] for a in article_ids if a in self.texts}


def _evidence(score: float = 1.5, reading: float | None = 2.0, author: str | None = None) -> Evidence:
    title = "Kremlin rejects foreign troops"
    return evidence(MACRON, title=title, score=score, reading=reading, author=author, start=56)


def _check(bias: float = -4.0, min_answerable: float = 0.5) -> tuple[AnswerabilityCheck, Articles]:
    articles = Articles({"a": ARTICLE})
    return AnswerabilityCheck(
        articles, AnswerabilityWeights(bias, reading=0.5, relevance=2.0), min_answerable
    ), articles


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How many troops will Germany send?", ("Germany",)),
        ("What did Vladimir Putin reject in 2025?", ("Vladimir Putin", "2025")),  # a year it asks about counts
        ("What did Putin say on 3 May?", ("Putin",)),  # other numbers are written too many ways ("three")
        ("Were 10,000 horsepower engines available by 1883?", ("1883",)),
        ("Who won the first vote?", ()),
        ("Which French president announced the commitment?", ()),  # nationalities are phrased too many ways
        ("who rejected foreign troops?", ()),
        ("Will Bellamy apologise?", ("Bellamy",)),  # the auxiliary opening it is no first name
    ],
)
def test_the_names_of_a_question(question: str, names: tuple[str, ...]) -> None:
    assert question_names(question) == names


def test_a_name_is_found_exactly_run_together_misspelled_or_by_half_its_words() -> None:
    texts = ["The ARPANET and the User Datagram Protocol were described by Emmanuel Macron in Paris."]
    assert missing_names("What did Emmanuel Macron say in Paris?", texts) == ()
    assert missing_names("What does UserDatagram Protocol guarantee?", texts) == ()
    assert missing_names("When did ARPNET become operational?", texts) == ()
    assert missing_names("How many troops will Germany send?", texts) == ("Germany",)
    assert missing_names("What did Vladimir Putin say about Macron?", texts) == ("Vladimir Putin",)
    assert missing_names("What did President Macron say in Berlin?", texts) == ("Berlin",)  # half a name will do
    assert missing_names("What did the Paris Climate Agreement say?", texts) == ("Paris Climate Agreement",)


def test_a_countrys_people_are_named_by_any_of_the_countrys_names() -> None:
    madrid = ["Europe suffered fewer natural disasters, but 191 people were killed in Madrid."]
    assert missing_names("How many people were killed in the Algerian gas riots?", madrid) == ("Algerian",)
    algeria = ["Algeria suffered a weekend of violent protests."]
    assert missing_names("How many people were killed in the Algerian gas riots?", algeria) == ()
    assert missing_names("What did the American army do?", ["The U.S. army went in."]) == ()  # short capitals
    assert missing_names("What did the American army do?", ["The us army went in."]) == ("American",)
    assert missing_names("What did British troops do?", ["Britain sent troops."]) == ()  # the stem's word
    assert missing_names("What did Dutch voters say?", ["Voters in the Netherlands said no."]) == ()  # a spelling
    assert missing_names("What did Catholic bishops say?", madrid) == ()  # no country's people: not asked for
    # a language's word, or a person, is no place: "the Italian title", "Which famous Indian…?"
    assert missing_names("What was the Italian title of the book?", madrid) == ()
    assert missing_names("Which famous Indian took a plea?", madrid) == ()


def test_a_name_that_is_no_persons_needs_more_than_the_word_for_its_kind() -> None:
    davis = ["Spain beat Australia to win the Davis Cup, and the Bank raised rates."]
    assert missing_names("Who beat Australia in the Hopman Cup?", davis) == ("Hopman Cup",)  # only "Cup"
    assert missing_names("Who beat Australia in the Davis Cup?", davis) == ()
    assert missing_names("What did the Bank of England do?", davis) == ("Bank of England",)  # only "Bank"
    assert missing_names("What did the Bank of England do?", ["England's central bank raised rates."]) == ()
    assert missing_names("What did Vladimir Putin say?", ["Putin said no."]) == ()  # a person: the surname will do


def test_a_persons_surname_only_inside_another_full_name_is_not_them() -> None:
    genghis = ["Highlights include a documentary about the Mongolian warrior Genghis Khan."]
    assert missing_names("Who is Irene Khan?", genghis) == ("Irene Khan",)
    assert missing_names("Who is Irene Khan?", ["Ms Khan said rights had been flouted."]) == ()  # after a title
    assert missing_names("What did Vladimir Putin say?", ["In Moscow, Russia's Putin said no."]) == ()
    assert (
        missing_names("Who halted Hulagu Khan?", ["Hulegu Khan was halted, as Genghis Khan was."]) == ()
    )  # misspelled
    assert missing_names("When did Temur rule?", ["Tugh Temur ruled from 1328."]) == ()  # asked by a surname alone
    # the surname alone where the text gives it only another's first name is that other one
    serena = ["Serena Williams lost in Sydney.", "Williams later explained her injury problem."]
    assert missing_names("What injury does Martyn Williams have?", serena) == ("Martyn Williams",)
    assert missing_names("What injury does Serena Williams have?", serena) == ()
    # a sentence naming them, as "Who is Irene Khan?" looks for one
    assert not refers_to("Irene Khan", genghis[0])
    assert refers_to("Irene Khan", "Despite her concerns, Ms Khan dubbed herself a hope monger.")
    assert refers_to("Irene Khan", "Irene Khan said rights had been flouted.")


def test_a_persons_first_name_without_the_surname_is_them_only_alone() -> None:
    sidoli = ["Fellow locks Robert Sidoli and Brent Cockbain scored tries."]
    assert missing_names("Who is Robert Walsh?", sidoli) == ("Robert Walsh",)  # another's first name
    assert missing_names("Who is Hu Jintao?", ["Mr Hu said China would grow."]) == ()  # the first name alone


def test_names_read_apart_are_each_one_articles() -> None:
    articles = ["The Sports Minister spoke in Cardiff.", "Wine Enterprises Ltd made a profit."]
    question = "Who bought Sports Entertainment Enterprises?"
    assert missing_names(question, articles) == ()  # together, two of its three words
    assert missing_names(question, articles, apart=True) == ("Sports Entertainment Enterprises",)
    assert missing_names(question, [*articles, "Sports Entertainment Enterprises bought it."], apart=True) == ()


def test_a_year_asked_about_is_looked_for_as_a_number_and_in_the_articles_dates() -> None:
    texts = ["By 1883, engines that could provide 10,000 hp had become feasible."]
    assert missing_names("Were 20,000 horsepower engines available by 1883?", texts) == ()
    assert missing_names("Were 10,000 horsepower engines available by 1884?", texts) == ("1884",)
    season = ["In 1995-96 the club won 19,950 votes, its best since 1987."]
    assert missing_names("What happened in 1995?", season) == ()
    assert missing_names("What happened in the 1980s?", season) == ()  # a decade, by any year of it
    assert missing_names("What happened in the 1970s?", season) == ("1970s",)
    nineties = ["For most of the 90s battery life was stuck on two to 2.5 hours."]  # a decade by its short name
    assert missing_names("How long did batteries last in the 1990s?", nineties) == ()
    assert missing_names("How long did batteries last in the 1990s?", ["In the nineties it was worse."]) == ()
    assert missing_names("How long did batteries last in the 1980s?", nineties) == ("1980s",)
    assert missing_names("How long did batteries last in the 1990s?", ["It cost £90s."]) == ("1990s",)
    assert missing_names("Who won votes in 1996?", season) == ("1996",)
    assert question_names("Who won 19950 votes?") == ()  # a year only stands alone
    assert missing_names("Who won votes in 1996 in Paris?", season, years=False) == ("Paris",)  # where to look
    check, _ = _check(bias=10.0)
    assert check.check("What did the Kremlin dismiss in 2025?", [_evidence()]).missing == ("2025",)
    dated = evidence(MACRON, title="Kremlin rejects foreign troops", score=1.5, start=56, published="2025-09-05")
    assert check.check("What did the Kremlin dismiss in 2025?", [dated]).missing == ()


def test_names_are_looked_for_in_the_whole_articles_their_titles_and_bylines() -> None:
    check, articles = _check()
    asked = "Did Dmitry Peskov speak for the Kremlin?"  # Peskov is in the article, not in the evidence sentence
    assert check.check(asked, [_evidence()]).missing == ()
    assert articles.asked == [["a"]]
    by_author = check.check("What did Erizia Rubyjeana report?", [_evidence(author="Erizia Rubyjeana")])
    assert by_author.missing == ()
    check.check("who rejected foreign troops?", [_evidence()])
    assert len(articles.asked) == 2, "a question without names needs no article texts"


def test_a_name_the_articles_never_use_is_found_whatever_the_probability() -> None:
    check, _ = _check(bias=10.0)
    decision = check.check("How many troops will Germany send?", [_evidence()])
    assert decision.likely and decision.missing == ("Germany",) and decision.probability > 0.99


def test_the_probability_weighs_the_best_reading_and_the_top_relevance_against_the_threshold() -> None:
    check, _ = _check()
    sure = check.check("How many Western allies committed troops?", [_evidence(reading=-1.0), _evidence(reading=3.0)])
    assert sure.likely and sure.reading == 3.0 and sure.relevance == 1.5
    assert sure.probability == pytest.approx(1 / (1 + math.exp(-(-4 + 0.5 * 3 + 2 * 1.5))), abs=1e-9)
    unsure = check.check("How many Western allies committed troops?", [_evidence(reading=-6.0)])
    assert not unsure.likely and unsure.missing == ()
    no_reader = check.check("How many Western allies committed troops?", [_evidence(reading=None)])
    assert no_reader.reading is None
    assert no_reader.probability == pytest.approx(1 / (1 + math.exp(-(-4 + 2 * 1.5))), abs=1e-9)


def test_no_evidence_is_never_answerable() -> None:
    check, articles = _check(bias=10.0, min_answerable=0.0)
    assert not check.check("How many troops will Germany send?", []).likely
    assert articles.asked == []


def test_a_passage_readers_not_there_weighs_in_when_fitted() -> None:
    articles = Articles({"a": ARTICLE})
    weights = AnswerabilityWeights(-4.0, reading=0.5, relevance=2.0, none=-1.0)
    check = AnswerabilityCheck(articles, weights, min_answerable=0.5)
    asked = "How many Western allies committed troops?"
    plain = check.check(asked, [_evidence()])
    doubted = check.check(asked, [_evidence()], {"span": 0.1, "yes": 0.0, "no": 0.0, "none": 0.9})
    assert plain.none is None and doubted.none == 0.9
    assert doubted.probability == pytest.approx(
        1 / (1 + math.exp(-(-4 + 0.5 * 2 + 2 * 1.5 - 1.0 * math.log(0.9 / 0.1)))), abs=1e-9
    )
    assert doubted.probability < plain.probability


def test_the_question_words_an_article_uses_only_away_from_the_best_sentence_are_weighed_by_rarity() -> None:
    before = StoredSentence(sentence_id("a", 0), "a", 0, 0, 24, "They came from Normandy.")
    top = replace(evidence("The Normans built castles in England.", start=25), neighbours=(before, None))
    article = "They came from Normandy. The Normans built castles in England. Later they ruled Sicily."
    rare = {"sicili": 3.0}
    idf = lambda term: rare.get(term, 1.0)  # noqa: E731
    assert words_elsewhere("Where did the Normans build castles?", top, article, idf) == 0.0
    # of its words (did, normans, build, castles, sicily), "Sicily" is in the article but not near the sentence
    assert words_elsewhere("Did the Normans build castles in Sicily?", top, article, idf) == pytest.approx(3 / 7)
    # a word the article never uses is not "elsewhere" (the question may just say it in other words)
    assert words_elsewhere("Did the Normans build castles in Malta?", top, article, idf) == 0.0


def test_a_name_is_near_when_its_last_word_is() -> None:
    top = evidence("Father of two Mr Mousa, 28, a hotel receptionist, was arrested in Basra.")
    article = f"The High Court ruled that Baha Mousa's death fell within the convention. {top.text}"
    idf = lambda term: 1.0  # noqa: E731
    assert words_elsewhere("How old was Baha Mousa?", top, article, idf) == 0.0
    # a word of the question said only elsewhere still is
    assert words_elsewhere("How old was Baha Mousa at his death?", top, article, idf) > 0.0


def test_an_acronym_is_near_where_the_sentence_spells_it_out() -> None:
    top = evidence("Schalk Burger was named player of the year at the International Rugby Board's awards.")
    article = f"{top.text} Amor will captain England in the IRB Sevens."
    idf = lambda term: 1.0  # noqa: E731
    assert words_elsewhere("Who was named IRB player of the year?", top, article, idf) == 0.0
    plain = evidence("Schalk Burger was named player of the year at the awards.")
    assert words_elsewhere("Who was named IRB player of the year?", plain, f"{plain.text} The IRB met.", idf) > 0.0


def test_a_name_is_near_when_the_sentence_speaks_of_a_person_by_a_pronoun() -> None:
    top = evidence("Ever since, he says, Africa has been important to him.")
    article = f"Gordon Brown seems haunted by her eyes. {top.text}"
    idf = lambda term: 1.0  # noqa: E731
    assert words_elsewhere("Why is Africa important to Gordon Brown?", top, article, idf) == 0.0
    other = evidence("In China, the polymath Shen Kuo says Africa has been important to him.")  # his, not Brown's
    assert words_elsewhere("Why is Africa important to Gordon Brown?", other, f"Gordon Brown spoke. {other.text}", idf)
    plain = evidence("Ever since, Africa has been important to the party.")
    assert words_elsewhere("Why is Africa important to Gordon Brown?", plain, f"Gordon Brown spoke. {plain.text}", idf)


def test_words_found_only_elsewhere_lower_the_probability_when_weighed() -> None:
    articles = Articles({"a": ARTICLE})
    weights = AnswerabilityWeights(-4.0, reading=0.5, relevance=2.0, elsewhere=-3.0)
    check = AnswerabilityCheck(articles, weights, 0.5, idf=lambda term: 1.0)
    near = check.check("Did 26 Western allies commit troops?", [_evidence()])
    away = check.check("Did 26 Western allies commit troops, Peskov said?", [_evidence()])
    assert near.elsewhere == 0.0 and away.elsewhere is not None and away.elsewhere > 0
    assert away.probability < near.probability
    unweighed = AnswerabilityCheck(articles, AnswerabilityWeights(-4.0, 0.5, 2.0), 0.5, idf=lambda term: 1.0)
    assert unweighed.check("Did 26 Western allies commit troops?", [_evidence()]).elsewhere is None


def test_what_someone_said_is_not_weighed_by_the_readers_phrase_score() -> None:
    check, _ = _check()
    said = check.check("What did Macron say?", [_evidence(reading=-6.0)])
    assert said.reading is None and said.probability == pytest.approx(1 / (1 + math.exp(-(-4 + 2 * 1.5))), abs=1e-9)
    asked = check.check("What did Macron announce?", [_evidence(reading=-6.0)])
    assert asked.reading == -6.0 and asked.probability < said.probability


def test_what_is_named_again_by_its_noun_is_near() -> None:
    top = evidence("Although it only took a few seconds, the experiment cost $12 (£6.30).")
    article = f"Data could be processed in a protein folding experiment. Hundreds of servers were used. {top.text}"
    idf = lambda term: 1.0  # noqa: E731
    assert words_elsewhere("How much did the protein folding experiment cost?", top, article, idf) == 0.0
    stadium = evidence("One creditor, the fund Molsiris which owns the club's stadium, holds its AGM.")
    club = f"Shares in Borussia Dortmund slipped. The club posted a record loss. It was beaten 5-0. {stadium.text}"
    assert words_elsewhere("Who owns Borussia Dortmund's stadium?", stadium, club, idf) == 0.0
    # not said again by its noun: still elsewhere
    bare = evidence("Although it only took a few seconds, it cost $12 (£6.30).")
    assert words_elsewhere("How much did the protein folding experiment cost?", bare, article, idf) > 0.0
