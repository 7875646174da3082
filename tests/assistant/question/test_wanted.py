"""What kind of phrase a question asks for (unit): a sentence giving no amount cannot answer how many or how much."""

from __future__ import annotations

import pytest

from assistant.question.wanted import (
    asked_claim,
    asked_doing,
    asks_each,
    asks_how_many,
    asks_level,
    asks_score,
    asks_when,
    claims,
    counts_what_is_asked,
    each_in,
    figures_of_what_is_counted,
    gives_a_date,
    gives_a_figure,
    may_be_not_known,
    money_in,
    not_known_yet,
    place_in_a_table,
    says_no_amount,
    says_no_money,
    says_no_time,
    says_only_when_relative,
    says_the_verb,
    score_in,
    speed_in,
    wanted_labels,
)


@pytest.mark.parametrize(
    ("question", "sentence", "none"),
    [
        ("How much did U2 pay to enter the Hall of Fame?", "Springsteen inducted the band U2 in New York.", True),
        ("How many players will tour?", "He will pick on form shown in the Six Nations championship.", True),
        ("How many Britons died?", "Three Britons were killed.", False),  # a count opening its sentence
        ("How much did Lenovo make?", "Lenovo's profit was HK$327m.", False),
        ("How many people were surveyed?", "Most people surveyed had worries.", False),  # an amount in words
        ("How big are the tax cuts?", "He revealed the full scale of his planned tax cuts.", True),
        ("What was the score between Charlton and Norwich?", "West Ham v Norwich", True),
        ("What was the score?", "Charlton won 4-0.", False),
        ("Who won?", "Nobody won.", False),  # not asked for an amount
        # a spell of time is not how much something changed
        ("How much has support for a ban fallen?", "Support for a ban has fallen in the past six years.", True),
        ("How much has support for a ban fallen?", "It fell from two thirds to less than half in six years.", False),
        ("How much did he earn in six years?", "He earned nothing in six years.", False),  # no change asked: any
        # asked how fast something grew, a rate answers, not "its fastest rate in four years"
        ("How fast did Germany's economy grow in 2004?", "It grew at its fastest rate in four years.", True),
        ("How fast did Germany's economy grow in 2004?", "GDP rose by 1.7% last year.", False),
        ("How fast is pharmacy informatics growing?", "It is a field that is growing quickly.", False),  # in words
        ("How fast do objects fall on Earth?", "They accelerate at 9.81 meters per second squared.", False),  # speed
        ("How fast can a cheetah run?", "It runs at 70mph.", False),  # a speed, not growth
        ("How fast can Asimo run?", "It is almost four times as fast as Sony's Qrio.", True),  # no speed given
        ("How fast can Asimo run?", "At 3km/h, it is closer to a leisurely jog.", False),
        ("How fast does the plague kill people?", "It kills within eight days.", False),  # a time answers that
    ],
)
def test_a_sentence_giving_no_amount(question: str, sentence: str, none: bool) -> None:
    assert says_no_amount(question, sentence) is none


@pytest.mark.parametrize(
    ("question", "sentence", "none"),
    [
        ("How much is Lenovo paying for IBM's PC division?", "IBM sold it to China's number one maker Lenovo.", True),
        ("How much is Lenovo paying for IBM's PC division?", "The $1.75bn agreement was signed in December.", False),
        ("How much did the tickets cost?", "Tickets cost 70p each.", False),
        ("How much did the restoration cost?", "The restoration cost eleven million crowns.", False),  # in words
        ("How much did the restoration cost?", "The restoration took twelve months.", True),
        ("How much money was raised?", "Donations rose by 20%.", True),
        ("How much extra money was promised for CSOs?", "He has started to recruit 25,000 CSOs.", True),
        ("How much will US Airways cut pay?", "The contract cuts pay by nearly 10%.", False),  # a change: a share
        ("How much will US Airways pay?", "The contract cuts pay by nearly 10%.", True),
        ("How much extra money was promised for CSOs?", "An extra £50m was promised on Tuesday.", False),
        ("How much did the price of oil increase?", "It rose by two percent a year.", False),  # a rise, not a sum
        ("How many people were surveyed?", "Fifty nine percent of people were worried.", False),  # a share counts
        ("How much did Hide and Seek take?", "Hide And Seek fell one place.", True),  # a film's takings are money
        ("How much did Hide and Seek take?", "The thriller took $22m (£11.7m).", False),
        ("How much time did the repairs take?", "The repairs took two weeks.", False),  # time, not money
        ("At what price did Google sell its shares?", "Shares in Google have fallen 6.7%.", True),  # a price is money
        ("At what price did Google sell its shares?", "It sold 19.6 million shares at $85 each.", False),
    ],
)
def test_a_sentence_giving_no_sum_of_money_where_one_is_asked_for(question: str, sentence: str, none: bool) -> None:
    assert says_no_money(question, sentence) is none


def test_a_score_asked_for_and_given() -> None:
    assert asks_score("What was the half-time score between Italy and Wales?")
    assert asks_score("What was the final score of Super Bowl 50?")
    assert not asks_score("How many points did the Broncos score?")
    assert score_in("Curbishley said after the 4-0 win.") == "4-0"
    assert score_in("Denver won 24–10.") == "24–10"
    assert score_in("Roddick dropped a set before pulling out a 6-3 3-6 6-2 win.") == "6-3 3-6 6-2"  # every set
    assert score_in("Agassi saw off Massu 6-1 7-6 (7-4).") == "6-1 7-6 (7-4)"  # and its tie-break
    assert score_in("A 19-5 win over Wales, and 24-10 last year.") == "19-5"  # two matches' scores are not one
    assert score_in("Trade rose 6.5% in 2004-05.") is None  # no score: a share and a season


def test_how_big_asks_for_any_amount_and_how_fast_something_grew_for_a_rate() -> None:
    assert "MONEY" in wanted_labels("How big was the claim against the tobacco companies?")
    assert wanted_labels("How fast did Germany's economy grow in 2004?")[0] == "PERCENT"
    assert "PERCENT" not in wanted_labels("How far did he run?")


@pytest.mark.parametrize(
    ("question", "sentence", "given"),
    [
        ("How many caps has Gareth Llewellyn won?", "It is time to end his 92-cap Wales career.", True),
        ("How many caps has Gareth Llewellyn won?", "He made his debut in 1989 and won caps for years.", False),
        ("How many seats did Veritas win?", "Veritas hoped to contest most seats at the election.", False),
        ("How many seats did Veritas win?", "Veritas won three of the seats it fought.", True),
        ("How many of the nominees were British?", "Three of the five nominees were British.", True),  # "of the"
        ("How many of the nominees were British?", "Three of the judges liked the nominees.", False),
        ("How big was the claim?", "The court rejected the $280bn (£155bn) claim.", True),
        ("How fast did the economy grow?", "It grew at its fastest rate in four years.", False),
    ],
)
def test_a_figure_of_what_is_asked(question: str, sentence: str, given: bool) -> None:
    assert gives_a_figure(question, sentence) is given


@pytest.mark.parametrize(
    ("question", "sentence", "none"),
    [
        # a sum of money counts nothing but money, and the question's own "Metal Slug 3" is a name
        ("How many levels does Metal Slug 3 have?", "At a mere £20, Metal Slug 3 is as cheap as chips.", True),
        ("How many levels does Metal Slug 3 have?", "Bosses guard each of the five levels.", False),
        ("How many dollars did it cost?", "It cost $20.", False),
        ("How many people paid £20?", "Some 500 people paid £20.", False),
        ("How much did it cost?", "It cost £20.", False),
    ],
)
def test_a_sentence_giving_no_amount_of_what_is_counted(question: str, sentence: str, none: bool) -> None:
    assert says_no_amount(question, sentence) is none


@pytest.mark.parametrize(
    ("question", "sentence", "none"),
    [
        ("What are interest rates expected to rise to?", "Rates are expected to rise for the fifth time.", True),
        (
            "What are interest rates expected to rise to?",
            "Rates are tipped to rise by a quarter point to 2.25%.",
            False,
        ),
        ("What did ferry fares rise to?", "Ferry fares rose to six euros, the board said.", False),  # in words
        ("What are UK interest rates?", "This could trigger more interest rate rises.", True),  # "more" is no level
        ("What are UK interest rates?", "Growth will probably slow by the end of 2005.", True),  # a year is no level
        ("What are UK interest rates?", "The Bank has left interest rates on hold again at 4.75%.", False),
    ],
)
def test_a_level_asked_for_and_given(question: str, sentence: str, none: bool) -> None:
    assert asks_level(question)
    assert says_no_amount(question, sentence) is none
    assert gives_a_figure(question, sentence) is not none


def test_a_rate_of_something_is_no_level() -> None:
    assert not asks_level("What is the rate of growth of the Amazon's deforestation caused by?")
    assert asks_level("Where did the Bovespa index close on Friday?")
    assert asks_level("What did Google shares close at on Tuesday?")
    assert not asks_level("Where did the Normans end up?")


@pytest.mark.parametrize(
    ("sentence", "relative", "dated"),
    [
        ("The PSP is due to go on sale in the US later this month and will cost about $250.", True, False),
        ("Already available in Japan, the PSP is released in the US on 24 March.", False, True),
        ("The museum will open later this year, in 2007.", False, True),  # a year: no relative time only
        ("Warsaw was razed during the Second World War.", False, False),  # no time said as a date at all
        ("St. John's Cathedral was built in the 14th century.", False, False),
    ],
)
def test_when_a_sentence_says_only_a_time_relative_to_its_day(sentence: str, relative: bool, dated: bool) -> None:
    assert asks_when("When will the PSP go on sale in the US?") and not asks_when("Who sells the PSP?")
    assert not asks_when("When Iqbal promoted unity, what did he encourage ending?")  # asks what
    assert says_only_when_relative(sentence) is relative
    assert gives_a_date(sentence) is dated


def test_asked_what_someone_predicted_the_sentence_having_them_predict_it() -> None:
    assert asked_claim("What did Oliver Letwin predict?") == ("Oliver Letwin", "predict")
    assert asked_claim("What has the Bank of England warned?") is None  # a name only: "the Bank…" is no speaker
    assert asked_claim("What did Oliver Letwin say?") is None  # what one said is read elsewhere
    sentence = "Tory shadow chancellor Oliver Letwin also predicted Mr Brown would have to raise taxes."
    assert claims("Oliver Letwin", "predict", sentence)
    assert not claims("Oliver Letwin", "predict", "Oliver Letwin said analysts had predicted a fall in rates.")


def test_asked_what_each_one_costs_the_sum_given_for_each() -> None:
    assert asks_each("How much is each 7E7 plane?") and asks_each("How much do they cost apiece?")
    assert not asks_each("How much is the deal worth?") and not asks_each("How many planes did each airline buy?")
    assert each_in("Japan Airlines made a firm order for 30 of the aircraft, at $120m each.") == "$120m each"
    assert each_in("Tickets cost £20 per person.") == "£20 per person"
    assert each_in("The deal could be worth as much as $6bn for the US giant.") is None


def test_asked_what_someone_did_the_one_and_the_verb() -> None:
    assert asked_doing("What show did Dick Clark present?") == ("Dick Clark", "present")
    assert asked_doing("Which club did Henson join?") == ("Henson", "join")
    assert asked_doing("What injury does Scott Gray have?") == ("Scott Gray", "injury")  # what he has names it
    assert asked_doing("What does Scott Gray have?") is None
    assert asked_doing("What did Dick Clark say?") is None  # what one said is read elsewhere
    assert asked_doing("What show did he present?") is None  # no one named
    assert says_the_verb("present", "The 75-year-old presented the show.")
    assert not says_the_verb("present", "Dick Clark is in hospital.")
    assert says_the_verb("go", "The site went offline.") and says_the_verb("stop", "Betting was stopped.")
    assert not says_the_verb("go", "It's a good idea.")  # a word beginning with the verb's letters is not it


def test_the_speed_a_sentence_gives_to_how_fast_something_goes() -> None:
    sentence = "It is capable of 3km/h, which its makers claim is almost four times as fast as Qrio."
    assert speed_in("How fast can Asimo run?", sentence) == "3km/h"
    assert speed_in("How fast were the winds?", "Winds reached about 110 mph.") == "about 110 mph"
    assert speed_in("How fast can Asimo run?", "It is four times as fast as Qrio.") is None
    assert speed_in("How tall is Asimo?", sentence) is None  # not asked how fast
    line = "An eight megabit service has been launched by internet service provider UK Online."  # a line's speed
    assert speed_in("How fast is UK Online's new broadband service?", line) == "eight megabit"
    assert not says_no_amount("How fast is UK Online's new broadband service?", line)
    assert speed_in("How fast is the line?", "It offers 2Mbps to most homes.") == "2Mbps"


@pytest.mark.parametrize(
    ("sentence", "after", "sum_"),
    [
        ("It will buy back 52 million shares at 570 rupees (£6.80; $13) apiece.", 10, "570 rupees (£6.80; $13)"),
        ("It paid $5bn (£2.7bn), then £20 more.", 0, "$5bn (£2.7bn)"),
        ("It paid $5bn (£2.7bn), then £20 more (a record).", 20, "£20"),  # what follows in brackets is no sum
        ("It paid £20 for it.", 15, "£20"),  # none after: the first
        ("No sum of money here.", 0, None),
    ],
)
def test_the_sum_of_money_a_sentence_gives(sentence: str, after: int, sum_: str | None) -> None:
    assert money_in(sentence, after) == sum_


@pytest.mark.parametrize(
    ("question", "sentence", "unknown"),
    [
        ("Which taxes would the Tories cut?", "They have plans for tax cuts worth £4bn, although the specific taxes to "
         "be cut have not been announced.", True),
        ("Which taxes would the Tories cut?", "The Tories have yet to reveal which taxes they would cut.", True),
        ("Which taxes would the Tories cut?", "They have promised a figure but have yet to reveal which taxes would be "
         "targeted.", False),  # too little of the question: it may speak of something else
        ("How much did Glazer pay?", "He bought the stake for an undisclosed sum.", True),
        (  # not said how much: of all that is asked only
            "How much will Sun Grid cost to develop?",
            "It has not said how much the system will cost to develop but it already has a rival in IBM.",
            True,
        ),
        (
            "How much does Sun Grid cost?",
            "It has not said how much the Sun Grid system will cost to develop, but it has a rival in IBM.",
            False,
        ),
        ("Which taxes would the Tories cut?", "The Tories would cut council tax and stamp duty.", False),
        ("Which taxes would the Tories cut?", "The candidates have not been announced.", False),  # not the taxes
        ("What did the Tories cut?", "The specific taxes to be cut have not been announced.", False),  # not which
        ("How many seats did they win?", "He bought the stake for an undisclosed sum.", False),  # no sum asked
    ],
)  # fmt: skip
def test_a_sentence_may_say_what_is_asked_is_not_known_yet(question: str, sentence: str, unknown: bool) -> None:
    assert not_known_yet(question, sentence) is unknown


def test_only_which_of_a_kind_or_how_much_may_be_not_known_yet() -> None:
    assert may_be_not_known("Which taxes would the Tories cut?") and may_be_not_known("How much did he pay?")
    assert not may_be_not_known("Who won?") and not may_be_not_known("What did the Tories cut?")


def test_a_figure_counting_what_is_asked_may_stand_a_few_words_before_it() -> None:
    question, psps = (
        "How many PSPs does Sony plan to ship?",
        "Sony kept the 500,000 strong stock of PSPs it plans to ship.",
    )
    assert not gives_a_figure(question, psps) and gives_a_figure(question, psps, reach=3)
    staff = "If Qantas were to follow the lead of others moving staff 'offshore' 7,000 jobs could shift overseas."
    assert not gives_a_figure("How many staff does Qantas employ?", staff, reach=3)  # the figure counts jobs
    assert asks_how_many("How many staff does Qantas employ?") and not asks_how_many("How much did it cost?")


@pytest.mark.parametrize(
    ("question", "sentence", "counts"),
    [
        ("How many PSPs does Sony plan to ship?", "Sony kept the 500,000 strong stock of PSPs it plans to ship.", True),
        ("How many staff does Qantas employ?", "Moving staff 'offshore', 7,000 jobs could shift overseas.", False),
        ("How many yards did the defense give up?", "The defense ranked first in yards allowed (4,530).", True),
        ("How many Panthers were designated All-Pro?", "Ten went to the Pro Bowl, with eight All-Pro selections.",
         True),  # a figure of another of the question's words
        ("How many passing yards did Newton get?", "Newton completed 4 of 4 passes for 51 yards.", True),  # its head
        ("How many touchdowns did Manning have?", "Manning finished with one interception and zero touchdowns.", True),
        ("How many GameBoys does the band use?", "Kujda found five other people and the band was born.", False),
        ("How many firms agreed the package?", "Eighteen investment firms agreed the package.", True),  # a teen
        ("How many people does Sun Interbrew employ?", "Sun Interbrew, which employs 8,000 staff, owns breweries.",
         True),  # staff are the people a firm employs
        ("How many people have bought software through spam?", "More than a quarter have bought software.", True),
        ("How many shares did Google sell?", "Shares in Google have fallen 6.7% after staff sold.", False),  # stock
        ("How many Grand Slam titles has Williams won?", "She claimed her seventh Grand Slam title, and her first "
         "since 2003.", True),  # her count so far
        ("How many Grand Slam titles has Williams won?", "She won her second Grand Slam title since 2003.", False),
    ],
)  # fmt: skip
def test_a_sentence_counting_what_is_asked(question: str, sentence: str, counts: bool) -> None:
    assert counts_what_is_asked(question, sentence) is counts


@pytest.mark.parametrize(
    ("sentence", "none"),
    [
        ("He told US TV show 60 Minutes that Revenge of the Sith would be the darkest of the series.", True),
        ("It opens in the UK and US on 19 May.", False),
        ("The film opens after the election.", False),  # when, though not by a date
        ("The film opens next month.", False),
        ("It was built in the 19th century.", False),
    ],
)
def test_a_sentence_saying_no_time_at_all(sentence: str, none: bool) -> None:
    assert says_no_time(sentence) is none


@pytest.mark.parametrize(
    ("question", "sentence", "place"),
    [
        (
            "Where are Wolves in the Championship?",
            "Wolves are currently 17th in the Championship and have a home game against Millwall on Tuesday.",
            "17th",
        ),
        (
            "Where was Hotel Rwanda in the UK chart?",
            "Hotel Rwanda was a new entry in the chart, at number five.",
            "number five",
        ),
        ("Where are Wolves playing?", "Wolves are 17th and play Millwall at home.", None),  # a place on a map
        ("Where did The Aviator come?", "Scorsese's biopic The Aviator came third with $7.6m.", "third"),
        ("Where did the Normans come from?", "The Normans came from Normandy.", None),
    ],
)
def test_asked_where_someone_is_in_a_table_the_place_in_it(question: str, sentence: str, place: str | None) -> None:
    assert place_in_a_table(question, sentence) == place


def test_one_of_each_is_no_count_of_all() -> None:
    sentence = "The Court of Justice has one judge from each of the 28 member states."
    assert figures_of_what_is_counted("How many total judges are there in the EU?", sentence) == []


def test_more_than_expected_is_no_amount() -> None:
    question = "How big was the US trade deficit in October?"
    assert says_no_amount(question, "The US trade deficit widened by more than expected in October.")
    assert not says_no_amount(question, "The trade shortfall was $55.5bn (£29bn).")
