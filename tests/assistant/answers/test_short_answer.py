"""Short answers cut from the evidence sentence: the wanted kind of phrase, quotations for 'what did X say'."""

from __future__ import annotations

import pytest

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
    successor,
    the_figure_counted,
    the_one_the_preposition_asks,
    the_sum_at_the_named,
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

RUTTE = (
    "UK Prime Minister Sir Keir Starmer described the alliance’s commitment as an “unbreakable pledge,” while NATO "
    "chief Mark Rutte said Russia had “no veto” over the deployment of Western forces in Ukraine, “It’s a sovereign "
    "country. It’s not for them to decide.”"
)


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("How did Keir Starmer describe the alliance's commitment?", RUTTE, "unbreakable pledge"),
        ("What did Mark Rutte say about Russia?", RUTTE, "no veto"),
        ("Who is the NATO chief?", RUTTE, "Mark Rutte"),
    ],
)
def test_short_answer(question: str, sentence: str, expected: str) -> None:
    assert extract_short_answer(question, sentence) == expected


PESKOV = (
    "Russian state media quoted Kremlin spokesperson Dmitry Peskov as saying: “Can Ukraine’s security guarantees be "
    "ensured and provided by foreign, especially European and American, military contingents? Definitely not, they "
    "cannot.”"
)
MACRON = (
    "Macron said US backing would be finalised soon, with President Donald Trump suggesting American support could "
    "“probably” take the form of air power."
)


def test_what_someone_said_is_the_clause_after_their_said() -> None:
    said = quotation_said("What did Macron say?", MACRON, span=(MACRON.index("probably"), MACRON.index("” take")))
    assert said is not None and said.startswith("US backing would be finalised soon")  # not Trump's "probably"
    assert quotation_said("What did Mark Rutte say?", RUTTE).startswith("Russia had “no veto” over the deployment")


def test_what_someone_said_is_the_whole_quotation_the_reader_found_an_answer_in() -> None:
    at = PESKOV.index("security guarantees")
    said = quotation_said("What did Peskov say?", PESKOV, span=(at, at + len("security guarantees")))
    assert said == PESKOV[PESKOV.index("Can Ukraine") : -1]
    assert quotation_said("What did Peskov say?", PESKOV, span=(0, 7)) is None  # a span outside any quotation


@pytest.mark.parametrize(
    "question",
    ["What did Peskov say about European forces?", "Who said it?", "What did Macron announce?", "What did he do?"],
)
def test_only_what_did_x_say_asks_for_all_that_was_said(question: str) -> None:
    assert quotation_said(question, MACRON, span=(0, 6)) is None


REPLACED = [
    "Sergio Marchionne has replaced Herbert Demel as chief executive of Fiat Auto.",
    "Herbert Demel was replaced by Sergio Marchionne as chief executive of Fiat Auto.",
    "Sergio Marchionne takes over from Herbert Demel as chief executive of Fiat Auto.",
    "Fiat named Sergio Marchionne, who replaced Herbert Demel, as chief executive.",
]


@pytest.mark.parametrize("sentence", REPLACED)
def test_who_holds_a_post_is_who_replaced_the_one_the_span_names(sentence: str) -> None:
    demel = (sentence.index("Herbert Demel"), sentence.index("Herbert Demel") + len("Herbert Demel"))
    assert successor("Who is the chief executive of Fiat?", sentence, demel) == "Sergio Marchionne"


def test_asked_whom_someone_replaced_or_given_the_new_holder_the_span_stands() -> None:
    sentence = REPLACED[0]
    demel = (sentence.index("Herbert Demel"), sentence.index("Herbert Demel") + len("Herbert Demel"))
    assert successor("Who did Sergio Marchionne replace?", sentence, demel) is None
    assert successor("Who is the chief executive of Fiat?", sentence, (0, len("Sergio Marchionne"))) is None
    assert successor("Who is the chief executive?", "Herbert Demel runs Fiat Auto.", (0, 13)) is None


def test_asked_whom_someone_is_replacing_the_one_replaced_where_the_span_names_them() -> None:
    sentence = "The only other change sees Wasps flanker Johnny O'Connor replacing Denis Leamy."
    oconnor = (sentence.index("Johnny"), sentence.index(" replacing"))
    assert predecessor("Who is Johnny O'Connor replacing?", sentence, oconnor) == "Denis Leamy"
    assert predecessor("Who is replacing Denis Leamy?", sentence, oconnor) is None  # asked who takes over
    leamy = (sentence.index("Denis"), len(sentence) - 1)
    assert predecessor("Who will replace Denis Leamy?", sentence, oconnor) is None
    assert successor("Who will replace Denis Leamy?", sentence, leamy) == "Johnny O'Connor"
    assert successor("Who is Johnny O'Connor replacing?", sentence, oconnor) is None


@pytest.mark.parametrize(
    ("sentence", "bound", "said"),
    [
        ("Mutu faces a ban of between six months and two years when the FA decides.", "six months", None),
        ("Mutu faces a ban of between six months and two years when the FA decides.", "two years", None),
        ("The deal is worth between $5.2bn and $6bn, analysts say.", "$6bn", "between $5.2bn and $6bn"),
        ("Growth is set to halve this year to between 3% and 5%.", "3% and 5%", "between 3% and 5%"),  # both ends
        ("Between 15,000 and 20,000 couples go to court.", "15,000 and 20,000", "Between 15,000 and 20,000"),
        ("Profits rose from $1.2bn to $2.3bn in 2004.", "$2.3bn", "$2.3bn"),  # a change: one end is asked for
        ("Talks between France and Germany ended.", "France", "France"),  # no numbers, no range
        # "N to M" is a range too, unless the sentence tells a change or it is a score
        ("Battery life was stuck on two to 2.5 hours.", "2.5 hours", "two to 2.5 hours"),
        ("A ban could last 10 to 15 years.", "15 years", "10 to 15 years"),
        ("Rates rose 0.25 to 4.5% yesterday.", "4.5%", "4.5%"),
        ("The limit is cut from 24 weeks to 20 weeks.", "20 weeks", "20 weeks"),
        ("Wales won 24-10 in Cardiff.", "10", "10"),
        ("It cut honours from 90% in 2004 to 60% in 2005.", "60%", "60%"),  # a year and a share: no range
    ],
)
def test_one_bound_of_a_range_is_widened_to_the_range(sentence: str, bound: str, said: str | None) -> None:
    start = sentence.index(bound)
    a, b = whole_range(sentence, (start, start + len(bound)))
    assert sentence[a:b] == (said or "between six months and two years")


def test_an_amounts_conversion_in_brackets_is_widened_to_the_amount_with_it() -> None:
    sentence = "Shareholders want to halt a $6.75bn (£3.6bn) buyout by Verizon."
    for phrase in ("£3.6bn", "$6.75bn"):
        start = sentence.index(phrase)
        a, b = whole_range(sentence, (start, start + len(phrase)))
        assert sentence[a:b] == ("$6.75bn (£3.6bn)" if phrase == "£3.6bn" else "$6.75bn")


@pytest.mark.parametrize(
    ("question", "sentence", "read", "answer"),
    [
        (
            "What is Bernie Ebbers accused of?",
            "Former Worldcom boss Bernie Ebbers is currently on trial, accused of overseeing an $11bn fraud.",
            "Worldcom boss Bernie Ebbers is currently on trial, accused of overseeing an $11bn fraud",
            "overseeing an $11bn fraud",
        ),
        (  # the head opening with the asker's title
            "What did Oliver Heald accuse the government of?",
            'Shadow Constitutional Affairs Secretary Oliver Heald accused the government of "dragging its feet".',
            'Shadow Constitutional Affairs Secretary Oliver Heald accused the government of "dragging its feet"',
            '"dragging its feet"',
        ),
        (
            "Why did Angel Maria Villar change his mind?",
            "Its president Angel Maria Villar changed his mind after a request by Spain's anti-violence commission.",
            "president Angel Maria Villar changed his mind after a request by Spain's anti-violence commission",
            "after a request by Spain's anti-violence commission",
        ),
        (  # the question's verb in another of its forms ("sued" for "suing")
            "Who is suing Mick Mars?",
            "Motley Crue guitarist Mick Mars is being sued by his ex-girlfriend for $10 million.",
            "Motley Crue guitarist Mick Mars is being sued by his ex-girlfriend",
            "by his ex-girlfriend",  # asked who, past its preposition too (``past_the_preposition``)
        ),
        # no head saying the question again: kept
        ("What did the Normans build in Sicily?", "The Normans built castles in Sicily.", "castles in Sicily", None),
        # the question's words, but not from the span's start up to its verb: kept
        (
            "When was Manning picked in the NFL draft?",
            "Manning was the #1 selection of the 1998 NFL draft, while Newton was picked first in 2011.",
            "1998 NFL draft",
            None,
        ),
    ],
)
def test_a_span_that_says_the_question_again_is_cut_past_it(
    question: str, sentence: str, read: str, answer: str | None
) -> None:
    start = sentence.index(read)
    a, b = past_the_question(question, sentence, (start, start + len(read)))
    assert sentence[a:b] == (answer or read)


@pytest.mark.parametrize(
    ("sentence", "read", "widened"),
    [
        (
            "Indonesian, Indian and Hong Kong stock markets reached record highs.",
            "Indonesian, Indian",
            "Indonesian, Indian and Hong Kong",
        ),
        (
            "Forster I, Forster II, and Forster III are bound in parchment.",
            "Forster I, Forster II",
            "Forster I, Forster II, and Forster III",
        ),
        (  # a name ending in a number is whole: "Number 73"
            "She hosted children's shows Motormouth, Going Live and Number 73 in the 1980s.",
            "Motormouth, Going Live",
            "Motormouth, Going Live and Number 73",
        ),
        # not a list of names: kept
        ("Enthusiasm about teaching, enthusiasm about the students, and enthusiasm", "teaching, enthusiasm", None),
        ("Paris, London and the rest of Europe.", "Paris, London", None),
    ],
)
def test_a_list_of_names_is_widened_to_its_last(sentence: str, read: str, widened: str | None) -> None:
    start = sentence.index(read)
    a, b = whole_range(sentence, (start, start + len(read)))
    assert sentence[a:b] == (widened or read)


@pytest.mark.parametrize(
    ("sentence", "read", "whole"),
    [
        ("And the 101-year-old Torao Toshitsune eats raw fish.", "101-year", "101-year-old"),
        ("As chief operating officer, Toshiyuki Shiga will run Nissan.", "yuki Shiga", "Toshiyuki Shiga"),
        ("Davis, an 11-year veteran, broke his arm.", "11", "11"),  # a number is not widened into a compound
        ("Trade rose to $186.3m (£97m) from $64.4m.", "186.3m", "$186.3m"),  # an amount with its currency
        ("Profit was HK$327m (US$42m).", "327m", "HK$327m"),
        ("Its A$4.17-a-share offer was rejected.", "$4.17", "A$4.17-a-share"),  # the dollar's country, per share
        ("Tickets cost $5 a head.", "$5", "$5 a head"),
        ("Profit fell 22% to 40m.", "22", "22%"),  # a rate with its sign
        ("Growth of 2% and 40 units.", "40", "40"),
    ],
)
def test_a_span_is_widened_to_the_words_it_cuts(sentence: str, read: str, whole: str) -> None:
    start = sentence.index(read)
    a, b = whole_words(sentence, (start, start + len(read)))
    assert sentence[a:b] == whole


def test_asked_for_several_a_name_goes_on_through_the_names_listed_after_it() -> None:
    sentence = "The colonels proposed the merger of the Royal Scots and the King's Own Scottish Borderers."
    start = sentence.index("the Royal Scots")
    span = (start, start + len("the Royal Scots"))
    a, b = whole_range(sentence, span, several=True)
    assert sentence[a:b] == "the Royal Scots and the King's Own Scottish Borderers"
    assert whole_range(sentence, span) == span  # asked for one, one it is
    cities = "Huguenots settled in Dublin, Cork, Lisburn and Youghal."
    a, b = whole_range(cities, (cities.index("Dublin"), cities.index("Dublin") + 6), several=True)
    assert cities[a:b] == "Dublin, Cork, Lisburn and Youghal"


@pytest.mark.parametrize(
    ("question", "several"),
    [
        ("Which regiments did the colonels propose merging?", True),
        ("Which Irish cities had Huguenot enclaves?", True),
        ("What causes malaria?", False),  # a verb
        ("What status does it have?", False),
        ("What New Orleans stadium was considered?", False),  # "Orleans" is a name
        ("Which team won?", False),
        ("Who did Jeremy Bates single out as replacements for Tim Henman?", True),  # who, as several
        ("Who are Britain's next Davis Cup opponents?", True),
        ("Who was named as captain?", False),
        ("Who is the chairman of the club?", False),
        ("What children's TV shows did Andrea Arnold present?", True),  # two words before the plural noun
        ("What did the reports say?", False),  # "did the" describes no noun
    ],
)
def test_a_question_asking_for_several(question: str, several: bool) -> None:
    assert asks_several(question) is several


@pytest.mark.parametrize(
    ("question", "sentence", "read", "whole"),
    [
        ("Which seat will Robert Kilroy Silk contest?",
         "Kilroy Silk is to contest the Derbyshire seat of Erewash at the next election.", "the Derbyshire seat",
         "the Derbyshire seat of Erewash"),
        ("What position did Tesla hold in the American Institute?",  # the question says which one already
         "Tesla was vice president of the American Institute of Electrical Engineers.", "vice president",
         "vice president"),
        ("What took place in his lab?", "It was the laboratory fire of March 1895.", "the laboratory fire",
         "the laboratory fire"),  # a date, not a name
        ("How many physicians do it?", "7 to 10 percent of American physicians do it.", "7 to 10 percent",
         "7 to 10 percent"),  # a name's word describing what follows
        ("Who found them?", "They were found by Heckenberger and colleagues of the University of Florida.",
         "Heckenberger and colleagues", "Heckenberger and colleagues"),  # a name going on past what is matched
        ("Orientalism refers to how the West developed a what of the East?",
         "The West developed an imaginative geography of the East.", "imaginative geography",
         "imaginative geography"),  # the question says which one, up to its full stop
    ],
)  # fmt: skip
def test_a_common_noun_goes_on_to_the_name_that_says_which_one(
    question: str, sentence: str, read: str, whole: str
) -> None:
    start = sentence.index(read)
    a, b = with_its_name(question, sentence, (start, start + len(read)))
    assert sentence[a:b] == whole


@pytest.mark.parametrize(
    ("question", "read", "phrase"),
    [
        ("Who did Pete Doherty fight on stage?", "with his band's guitarist", "his band's guitarist"),
        ("Who did she marry?", "to King Ethelred", "King Ethelred"),
        ("What did he fight with?", "with his band's guitarist", "with his band's guitarist"),  # not asked who
        ("Who won?", "with", "with"),  # nothing after it
    ],
)
def test_asked_who_a_phrase_is_without_the_preposition_it_opens_with(question: str, read: str, phrase: str) -> None:
    sentence = f"It ended {read}."
    start = sentence.index(read)
    a, b = past_the_preposition(question, sentence, (start, start + len(read)))
    assert sentence[a:b] == phrase


@pytest.mark.parametrize(
    ("question", "sentence", "read", "phrase"),
    [
        ("How far apart are the two headquarters?", "Labour's hub is just three doors away from the Tories'.", "three",
         "three doors"),
        ("How long will the inquiry take?", "The inquiry could take 18 months.", "18", "18 months"),
        ("How many countries does it operate in?", "It operates in 28 countries.", "28", "28"),  # the noun is asked
        ("How far did it fall?", "It fell 3 in the day.", "3", "3"),  # no unit after it
        ("How long is the track?", "The track is 2.5 miles long.", "2.5 miles", "2.5 miles"),  # not bare
    ],
)  # fmt: skip
def test_a_bare_number_goes_on_to_its_unit(question: str, sentence: str, read: str, phrase: str) -> None:
    start = sentence.index(read)
    a, b = with_its_unit(question, sentence, (start, start + len(read)))
    assert sentence[a:b] == phrase


@pytest.mark.parametrize(
    ("question", "read", "figure"),
    [
        ("What was the price of light crude on Monday?", "$1.33", "$42.12"),  # the level it went to
        ("What did light crude close at?", "$1.33", "$42.12"),
        ("How much did light crude fall on Monday?", "$1.33 to $42.12", "$1.33"),  # the change alone
        ("How much did light crude fall on Monday?", "$1.33", "$1.33"),
        ("When did light crude fall?", "Monday", "Monday"),  # no figure read
    ],
)
def test_a_change_and_the_level_it_went_to(question: str, read: str, figure: str) -> None:
    sentence = "A barrel of light crude ended Monday down $1.33 to $42.12."
    start = sentence.index(read)
    a, b = to_the_level(question, sentence, (start, start + len(read)))
    assert sentence[a:b] == figure


@pytest.mark.parametrize(
    ("question", "sentence", "read", "phrase"),
    [
        (
            "What is BT's program called?",
            "BT's Modem Protection program will check numbers.",
            "Modem",
            "Modem Protection",
        ),
        ("Who did he meet?", "He met Tony Blair in London.", "Tony", "Tony Blair"),
        ("Who did Tony Blair meet?", "Jack Straw met Tony Blair.", "Jack Straw", "Jack Straw"),  # a whole name
        ("Where did he go?", "He went to London The next day.", "London", "London"),  # "The" is no name's
        ("Who met Blair?", "Gordon Brown Blair's chancellor met him.", "Gordon Brown", "Gordon Brown"),  # asked
        ("Which company bought it?", "It was sold to the company.", "the company", "the company"),  # no name
        ("What position does he play?", "Linebacker Brandon Marshall starts.", "Linebacker", "Linebacker"),  # first
    ],
)
def test_a_name_cut_short_is_made_whole(question: str, sentence: str, read: str, phrase: str) -> None:
    start = sentence.index(read)
    assert sentence[slice(*whole_name(question, sentence, (start, start + len(read))))] == phrase


def test_a_measure_asked_as_it_is_now_is_the_one_it_grew_to() -> None:
    sentence = "Asimo has improved, increasing his walking speed, growing 10cm to 130cm and putting on 2kg in weight."
    start = sentence.index("10cm")
    read = (start, start + len("10cm to 130cm"))
    assert sentence[slice(*to_the_level("How tall is Asimo?", sentence, read))] == "130cm"
    assert sentence[slice(*to_the_level("How much did Asimo grow?", sentence, read))] == "10cm"


def test_a_range_is_no_change_and_level() -> None:
    sentence = "The plague lost the city 30 to 50 thousand inhabitants."
    assert to_the_level("How many people were lost?", sentence, (sentence.index("30"), sentence.index(" inh"))) == (
        sentence.index("30"),
        sentence.index(" inh"),
    )


@pytest.mark.parametrize(
    ("question", "sentence", "value"),
    [
        ("What is Gordon Brown's growth forecast?",
         "Deloitte is forecasting growth of 2% this year, below Chancellor Gordon Brown's forecast of 3% to 3.5%.",
         "3% to 3.5%"),
        ("What is the UK's inflation rate?", "The UK's inflation rate is 1.6%, the ONS said.", "1.6%"),
        ("What is Apple's share price?", "Apple's share price was $42.12 on Friday.", "$42.12"),
        ("What was Tesla's salary?", "Tesla's salary at Edison was 18 dollars a week.", None),  # not "at Edison…"
        ("What is the growth forecast?", "Gordon Brown's forecast of 3% to 3.5%.", None),  # no one's asked
    ],
)  # fmt: skip
def test_what_a_sentence_gives_as_the_one_asked_abouts(question: str, sentence: str, value: str | None) -> None:
    assert owned_value(question, sentence) == value


@pytest.mark.parametrize(
    ("question", "sentence", "level"),
    [
        ("What are interest rates expected to rise to?",
         "Borrowing costs are tipped to rise by a quarter of a percentage point to 2.25%.", "2.25%"),
        ("What is the US interest rate?", "Minutes of the December meeting which pushed rates up to 2.25% showed it.",
         "2.25%"),
        ("What are UK interest rates?", "The Bank of England has left interest rates on hold again at 4.75%.", "4.75%"),
        ("What are Brazil's interest rates?",
         "Although interest rates still stand at a punitive 17.25%, inflation has fallen from 9% to 7%.", "17.25%"),
        ("What is Iraq's unemployment rate?", "We estimate Iraq's unemployment rate to be between 30-40%.", "30-40%"),
        ("Where did the Bovespa index close on Friday?",
         "The main Bovespa index on the Sao Paolo Stock Exchange closed at 24,997 points on Friday.", "24,997 points"),
        ("Where did the FTSE 100 close?", "In London, the FTSE 100 index closed 15 points higher at 4,751.", "4,751"),
        ("How much did rates rise?", "Borrowing costs rose by a quarter of a point to 2.25%.", None),  # the change
        ("How much have contributions risen to?",  # a decimal point of the figure it went from
         "Employer contributions had increased from £5.5bn to £8.2bn a year, a rise of 49.7%.", "£8.2bn"),
    ],
)  # fmt: skip
def test_the_level_something_went_to_or_stands_at(question: str, sentence: str, level: str | None) -> None:
    assert level_reached(question, sentence) == level


def test_what_things_were_is_what_the_sentence_says_they_included() -> None:
    sentence = "The most requested search terms of 2004 included games, EastEnders, CBBC, John Peel and Olympics."
    listed = "games, EastEnders, CBBC, John Peel and Olympics"
    assert things_included("What were the most requested search terms?", sentence) == listed
    assert things_included("What were the most requested search terms?", "Games were requested most.") is None
    assert things_included("Who requested games?", sentence) is None


def test_what_someone_suggested_is_all_they_suggested() -> None:
    sentence = "Lord Haskins even suggested Mr Blair should reinstate Mr Brown as the central figure."
    said = quotation_said("What did Lord Haskins suggest?", sentence, (30, 40))
    assert said == "Mr Blair should reinstate Mr Brown as the central figure"


def test_what_someone_said_about_something_is_all_they_said() -> None:
    sentence = 'Liam Fox derided the photo call, saying: "The show of unity was the worst acting I have seen."'
    said = quotation_said("What did Liam Fox say about the show of unity?", sentence, (68, 80))
    assert said == "The show of unity was the worst acting I have seen."


@pytest.mark.parametrize(
    ("question", "sentence", "read", "phrase"),
    [
        ("Which film won best picture?",
         "Spanish movie The Sea Inside has been named best picture and star Javier Bardem best actor.",
         "The Sea Inside has been named best picture and star Javier Bardem", "The Sea Inside"),
        ("Who was the first president?", "George Washington was the first president of the US.",
         "George Washington was the first president", "George Washington"),
        ("What is the capital?", "The capital is Paris.", "The capital is Paris", "The capital is Paris"),  # its head
        # says the question's word: nothing is cut
        # the question's own verb, with the adverbs before it
        ("Who won best TV comedy actor?",
         "Matt Lucas and David Walliams also jointly won best TV comedy actor over Ricky Gervais.",
         "Matt Lucas and David Walliams also jointly won best TV comedy actor over Ricky Gervais",
         "Matt Lucas and David Walliams"),
        # an adverb of the question's verb is no verb ("financially" of "finance")
        ("How did Tesla finance his work?", "Investors would back him financially and handle his patents.",
         "back him financially and handle his patents", "back him financially and handle his patents"),
    ],
)  # fmt: skip
def test_a_span_without_the_verb_saying_the_question_again(
    question: str, sentence: str, read: str, phrase: str
) -> None:
    at = sentence.index(read)
    start, end = before_the_question(question, sentence, (at, at + len(read)))
    assert sentence[start:end] == phrase


@pytest.mark.parametrize(
    ("question", "read", "winner"),
    [
        ("Who won best comedy newcomer?", "James McAvoy", "Catherine Tate"),  # the one it was won over: the winner
        ("Who won best comedy newcomer?", "Catherine Tate", None),  # the reader's phrase is no one beaten
        ("Who was nominated for best comedy newcomer?", "James McAvoy", None),  # not asked who won
    ],
)
def test_asked_who_won_the_one_beaten_gives_way_to_the_one_named_before(
    question: str, read: str, winner: str | None
) -> None:
    sentence = "Catherine Tate was nominated, but she did walk away with best comedy newcomer, over James McAvoy."
    at = sentence.index(read)
    assert winner_over(question, sentence, (at, at + len(read))) == winner


def test_asked_who_won_the_one_pipped_gives_way_to_the_one_pipping() -> None:
    sentence = "The boxing drama was named best picture and Eastwood pipped Scorsese to best director."
    at = sentence.index("Scorsese")
    assert winner_over("Who won best director?", sentence, (at, at + len("Scorsese"))) == "Eastwood"


def test_asked_to_choose_between_two_words_the_one_the_sentence_says() -> None:
    men = "Of the 22 million Americans who own MP3 players, 59% are men compared to 41% of women."
    at = men.index("59%")
    assert choice_made("Are men or women more likely to own MP3 players?", men, (at, at + 3)) == "men"
    at = men.index("41%")  # the nearer the reader's phrase
    assert choice_made("Are men or women more likely to own MP3 players?", men, (at, at + 3)) == "women"
    assert choice_made("Are men or women more likely to own MP3 players?", men, None) is None  # both, none read
    assert choice_made("Did house prices rise or fall in January?", "Prices rose by 0.8% in January.", None) == "rise"
    assert choice_made("Did house prices rise or fall?", "Sales were flat.", None) is None  # neither
    assert choice_made("Did house prices rise?", "Prices rose by 0.8%.", None) is None  # no choice asked


@pytest.mark.parametrize(
    ("phrase", "tidied"),
    [
        ("$48bn (£25.5bn", "$48bn (£25.5bn)"),  # a bracket left open is closed
        ("$48bn (£25.5bn)", "$48bn (£25.5bn)"),
        ("£25.5bn)", "£25.5bn"),
        ("(Mr Smith", "Mr Smith"),
        ('"spark",', "spark"),
        ('the move would be "political suicide', 'the move would be "political suicide"'),  # a quotation closed
        ('said "no" to it', 'said "no" to it'),
        ('blood poisoning") and pneumonic', '"blood poisoning") and pneumonic'),  # one closed in it opened
        ('"dragging its feet" over "this badly needed measure', '"dragging its feet" over "this badly needed measure"'),
        ('"Britain is working', "Britain is working"),  # one whole quotation: its words
    ],
)
def test_a_phrase_is_tidied_of_its_edges_and_open_brackets(phrase: str, tidied: str) -> None:
    assert tidy(phrase) == tidied


@pytest.mark.parametrize(
    ("sentence", "date", "said"),
    [
        ("RipGuard is expected to be rolled out on DVDs from the middle of 2005.", "2005", "the middle of 2005"),
        ("It must cut $500m by the end of February.", "February", "the end of February"),
        ("Sales slowed in mid-2004.", "2004", "mid-2004"),
        ("Sales slowed in early 2005.", "2005", "2005"),  # "early" says little more
        ("He was born in 1960.", "1960", "1960"),  # the year whole
        ("The end of the 2005 season came.", "2005", "2005"),  # "of" not straight before it
        ("By the end of the year, 500 had gone.", "500", "500"),  # no date
    ],
)
def test_a_date_is_widened_to_the_part_of_it_the_sentence_says(sentence: str, date: str, said: str) -> None:
    start = sentence.index(date)
    a, b = whole_period("When will it happen?", sentence, (start, start + len(date)))
    assert sentence[a:b] == said
    a, b = whole_period("In what year will it happen?", sentence, (start, start + len(date)))
    assert sentence[a:b] == date  # the year asked for


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        (
            "What are generic drugs?",
            "Generic drugs are chemically identical to their more expensive branded rivals.",
            "chemically identical to their more expensive branded rivals",
        ),
        ("What is a control order?", "A control order is a form of house arrest, which the Lords rejected.",
         "a form of house arrest"),
        ("What is the capital?", "The capital is Paris.", None),  # "the": a value asked, not a definition
        ("What are generic drugs?", "The price of generic drugs is rising.", None),  # not opening with them
        ("What is NATO?", "NATO is a military alliance.", None),  # a name: the definition's own route
    ],
)  # fmt: skip
def test_what_a_kind_of_thing_is_is_what_the_sentence_opening_with_it_says_it_is(
    question: str, sentence: str, said: str | None
) -> None:
    assert what_it_is(question, sentence) == said


BUTANE = "The price of butane gas has risen to 200 dinars ($2.77) per canister from 170 dinars."


@pytest.mark.parametrize(
    ("question", "read", "said"),
    [
        ("How much does a canister of butane gas now cost?", "170 dinars", "200 dinars"),  # now: where it went to
        ("What was the price of butane gas before the rise?", "200 dinars", "170 dinars"),  # before: where from
        ("What was the price before?", "170 dinars", "170 dinars"),  # already the one asked
        ("How much does a canister cost?", "170 dinars", "170 dinars"),  # neither asked: the reader's phrase
    ],
)
def test_asked_what_it_is_now_or_was_before_the_figure_a_change_goes_to_or_from(
    question: str, read: str, said: str
) -> None:
    start = BUTANE.index(read)
    assert BUTANE[slice(*then_or_now(question, BUTANE, (start, start + len(read))))] == said
    rose = "Contributions increased from £5.5bn to £8.2bn last year."
    start = rose.index("£8.2bn")
    assert rose[slice(*then_or_now("What were contributions before?", rose, (start, start + 6)))] == "£5.5bn"
    # when between the figures; asked what it will be
    share = "Media earnings will drop from 52% this season to 34% in two years' time."
    start = share.index("52%")
    question = "What share of turnover will media earnings be in two years?"
    assert share[slice(*then_or_now(question, share, (start, start + 3)))] == "34%"
    # words between the verb and its figures; both read, the one asked
    raised = "It raised the maximum stake holding allowed to 49% from 40%."
    start = raised.index("to 49%")
    assert raised[slice(*then_or_now("What was it before?", raised, (start, len(raised) - 1)))] == "40%"


def _cut(rule, question: str, sentence: str, read: str) -> str:  # noqa: ANN001 - a span rule of short_answer
    """What ``rule`` makes of the reader's phrase ``read`` (its first place in ``sentence``)."""
    start = sentence.index(read)
    return sentence[slice(*rule(question, sentence, (start, start + len(read))))]


def test_asked_how_many_of_something_the_figure_just_before_it() -> None:
    crime = "There were more than 10,500 firearms offences and 70 gun crime deaths in England and Wales."
    assert _cut(the_figure_counted, "How many gun crime deaths were there?", crime, "10,500") == "70"
    assert _cut(the_figure_counted, "How many firearms offences were there?", crime, "10,500") == "10,500"
    phones = "It's predicted that by 2006 two billion people will own a mobile phone."
    question = "How many people will own a mobile phone by 2006?"
    assert _cut(the_figure_counted, question, phones, "2006") == "two billion"  # not the question's own year
    # the reader's figure stands where it counts nothing named after it, or what the question asks about
    allen = "Jared Allen was the active career sack leader with 136, along with Kony Ealy, who had 5 sacks."
    assert _cut(the_figure_counted, "How many career sacks did Jared Allen have?", allen, "136") == "136"
    broncos = "The Broncos won 23-16 by scoring 11 points in the final three minutes."
    question = "How many points did the Broncos score in the last three minutes?"
    assert _cut(the_figure_counted, question, broncos, "11") == "11"
    jailed = "In January 25 people who took part in a sham marriage network were jailed for a total of 35 years."
    question = "How many people from the sham marriage network were jailed?"
    assert _cut(the_figure_counted, question, jailed, "35 years") == "25"  # years are no people
    turnovers = "Denver's defense sacked him seven times and forced him into three turnovers."
    assert _cut(the_figure_counted, "How many times did the Broncos cause turnovers?", turnovers, "three") == "three"


@pytest.mark.parametrize(
    ("sentence", "read", "said"),
    [
        ("Scotland's rate is high, with more than 60% of prisoners reconvicted.", "60%", "more than 60%"),
        ("The Upper Rhine Plain is up to 40 km wide.", "40 km", "up to 40 km"),
        ("Bouira is about 100 kilometres south of Algiers.", "100 kilometres", "100 kilometres"),  # rough: as read
        ("Pay was cut by nearly $10 an hour.", "$10", "$10"),
        ("He was over the moon with 60% of the vote.", "60%", "60%"),  # no bound said
        ("The turnover was 60% higher.", "turnover", "turnover"),  # no figure
    ],
)
def test_a_figure_keeps_the_word_saying_it_is_a_bound(sentence: str, read: str, said: str) -> None:
    start = sentence.index(read)
    assert sentence[slice(*with_its_bound(sentence, (start, start + len(read))))] == said


TCI = (
    "In voicing its opposition to the planned takeover, TCI said it would prefer to see Deutsche Boerse return $500m "
    "(£350m) to shareholders."
)


@pytest.mark.parametrize(
    ("question", "read", "said"),
    [
        ("What does TCI want Deutsche Boerse to do instead?", "shareholders", "return $500m (£350m) to shareholders"),
        ("What does TCI want Deutsche Boerse to do?", "return $500m", "return $500m"),  # a doing already
        ("Who would get the money?", "shareholders", "shareholders"),  # no doing asked
        ("What does TCI want Deutsche Boerse to do?", "return", "return $500m (£350m) to shareholders"),  # a verb alone
        ("What does TCI want Reuters to do?", "shareholders", "shareholders"),  # the verb's doer is not the one asked
    ],
)
def test_asked_what_someone_does_or_wants_done_the_thing_read_widens_to_its_verb_phrase(
    question: str, read: str, said: str
) -> None:
    start = TCI.index(read)
    assert TCI[slice(*to_the_doing(question, TCI, (start, start + len(read))))] == said


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("How much did Maruti's net profit rise?", "70%"),  # by how much: the change
        ("How much did net profit rise to?", "2.39bn"),  # to what: the level, as read
        ("What was Maruti's net profit?", "2.39bn"),
    ],
)
def test_asked_by_how_much_something_rose_the_change_where_the_reader_read_the_level(question: str, said: str) -> None:
    sentence = "Net profit surged 70% to 2.39bn rupees in the last three months of 2004."
    start = sentence.index("2.39bn")
    assert sentence[slice(*by_how_much(question, sentence, (start, start + 6)))] == said


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        ("Where was Kinnock born?", "Born in 1942 in Tredegar to a miner father, he attended school.", "Tredegar"),
        ("When was Kinnock born?", "Born in 1942 in Tredegar to a miner father, he attended school.", "1942"),
        ("Where was Beyonce born?", "Beyonce was born on 4 September 1981 in Houston, Texas.", "Houston, Texas"),
        ("When was Beyonce born?", "Beyonce was born on 4 September 1981 in Houston, Texas.", "4 September 1981"),
        ("Where was he born?", "He was born in the city of Lyon.", None),  # no name after "in": the reader's
        ("Where does he live?", "Born in 1942 in Tredegar, he lives in Cardiff.", None),  # not asked where born
    ],
)
def test_asked_where_or_when_someone_was_born_the_place_or_date_given_with_born(
    question: str, sentence: str, said: str | None
) -> None:
    assert born(question, sentence) == said


def test_asked_what_it_costs_at_a_place_the_sum_given_there() -> None:
    sentence = "At Jessops the same image would cost £2.50 and at Snappy Snaps £9.99."
    start = sentence.index("£2.50")
    question = "How much would the same image cost at Snappy Snaps?"
    assert sentence[slice(*the_sum_at_the_named(question, sentence, (start, start + 5)))] == "£9.99"
    at_jessops = "How much would the same image cost at Jessops?"
    assert sentence[slice(*the_sum_at_the_named(at_jessops, sentence, (start, start + 5)))] == "£2.50"


def test_asked_who_someone_does_something_with_the_name_after_that_word() -> None:
    sentence = (
        "She will then link up with Daniela Hantuchova for the Australian Open doubles, and play in the mixed "
        "doubles with Leander Paes."
    )
    start = sentence.index("Daniela")
    span = (start, len(sentence) - 1)
    question = "Who will she play mixed doubles with?"
    assert sentence[slice(*the_one_the_preposition_asks(question, sentence, span))] == "Leander Paes"
    assert the_one_the_preposition_asks("Who will she link up with?", sentence, (start, start + 17)) == (
        start,
        start + 17,
    )  # a short phrase stands


def test_a_date_range_from_one_day_to_another_is_whole() -> None:
    sentence = "CES runs officially from 6 to 9 January."
    start = sentence.index("9 January")
    assert sentence[slice(*whole_range(sentence, (start, start + 9)))] == "6 to 9 January"
    rose = "Prices rose from 5 to 7 dollars."
    start = rose.index("7")
    assert whole_range(rose, (start, start + 9)) == (start, start + 9)  # a change, not a range


def test_asked_how_much_more_the_difference_not_the_amount_compared_with() -> None:
    sentence = "WMC has said it is worth up to 30% more than a hostile 7.4bn Australian dollar ($5.8bn) bid."
    assert how_much_more("How much more does WMC say it is worth?", sentence) == "up to 30%"
    assert how_much_more("How much is WMC worth?", sentence) is None
