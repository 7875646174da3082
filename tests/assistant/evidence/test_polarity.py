"""Yes or no from a sentence in the question's words (spaCy's parse and lemmas; the model ships as a package)."""

from __future__ import annotations

import pytest

from assistant.evidence.polarity import done_before, other_years, unrealised, verdict_from

SAID = [
    ("Did Yukos file for bankruptcy in the United States?", "Yukos filed for bankruptcy in the US on Tuesday.", "yes"),
    ("Is Jack Cunningham standing down at the next election?", "Jack Cunningham will stand down at the next election.",
     "yes"),
    ("Will Bill Cosby face criminal charges?", "US comedian Bill Cosby will not face criminal charges.", "no"),
    ("Did Stephanie Villalba win her discrimination case against Merrill Lynch?",
     "A former executive of Merrill Lynch has lost her £7.5m discrimination case against the bank.", "no"),
    ("Did Putin agree to a temporary ceasefire?", "Putin refused to agree to a temporary ceasefire.", "no"),
    ("Does the Mac mini come with a keyboard and mouse?", "The Mac mini comes without a monitor, keyboard and mouse.",
     "no"),
    ("Were three mine-clearers killed?", "Two mine-clearers were killed by the blast.", "no"),
    # in other words, or the other words' opposite; "support" after "Does" is a verb, whatever the parse says
    ("Do the Tories support ID cards?", "The Tories are to back government plans for ID cards.", "yes"),
    ("Does the Police Federation support giving CSOs the power to detain suspects?",
     "The Police Federation has said it strongly opposes giving CSOs the power to detain suspects.", "no"),
    # asked whether someone said a thing, the thing said decides
    ("Did the minister say the plan would fail?", "The minister said the plan would not fail.", "no"),
    # asked what will be, what someone said would be answers; a clause under a "not" is denied
    ("Will Gordon Brown make tax commitments before the manifesto?",
     "Mr Brown confirmed he would not make any tax commitments until the manifesto is out.", "no"),
    ("Did the eighteen firms admit guilt?",
     "Paying did not mean that the eighteen firms involved were admitting any guilt, the FSA added.", "no"),
    # after "did" comes a verb, in the question and in the sentence, whatever the parse takes it for
    ("Did Iressa prolong survival in lung cancer patients?",
     "The lung cancer drug did not significantly prolong survival in patients with the disease.", "no"),
    # what someone had no part in they did not do
    ("Did Lord Falconer draft the answer?",
     "Lord Goldsmith said Lord Falconer and Baroness Morgan played no part in drafting the answer.", "no"),
    # the one another beat did not win
    ("Did Gary McKendry win the Oscar?",
     "Wasp beat films by fellow UK nominees Gary McKendry and Ashvin Kumar to the Oscar.", "no"),
    ("Did Chelsea win the match?", "Arsenal beat Chelsea 2-1 in the match.", "no"),
    # what one denies one does not accept
    ("Did the Tories accept the £50bn figure?",
     "The Chancellor gave a £50bn figure for the Conservatives' spending cuts, which the Tories deny.", "no"),
    # a noun after "have" or "make" says what its verb would: "had no comment" did not comment
    ("Did NBC comment on the lawsuit?", "A spokesman said NBC had no comment on the lawsuit.", "no"),
    # the one owning the responsibility for doing it does it
    ("Did Gavin Henson take the winning kick against England?",
     "Stephen Jones was happy to hand Gavin Henson responsibility for taking the match-winning kick against England.",
     "yes"),
    # what has "no" on its subject did not happen, to each of the things joined in it
    ("Has a theatre been announced?",
     'A spokeswoman said the plans were in the "very early stages", with no cast, opening date or theatre announced.',
     "no"),
    ("Was anyone hurt in the fire?", "No one was hurt in the fire, police said.", "no"),
    ("Did Joe Pasquale win the show?", "The show peaked on Monday, just before Joe Pasquale won the show.", "yes"),
    ("Was she the first woman to win the race?", "She was the first woman to win the race.", "yes"),
    # asked what will be, what there are no plans to do will not be (what there are plans to do is no "yes")
    ("Will the media adapter be sold outside Japan?",
     "Nintendo said it had no plans to sell the media adapter outside Japan.", "no"),
    # declining an offer is not accepting it
    ("Did Thailand accept the Paris Club offer?", "Thailand and India have however declined the offer.", "no"),
    # a relative clause says it of the noun it hangs from
    ("Does the new software run Windows?", "The new software, which runs Windows, is cheap.", "yes"),
    # "no" on the object: nothing was made
    ("Did tuition fees make a major difference?",
     "More women than men went to university, while tuition fees and student loans made no major difference.", "no"),
    # what someone expects is said as what will be; the opposite of what is asked says "no"
    ("Does Deloitte expect interest rates to rise?", "Deloitte also believes that interest rates will fall to 4%.",
     "no"),
    ("Did retail sales improve over Christmas?", "UK retail sales fell in December, the worst Christmas since 1981.",
     "no"),
    # the same country by another name is the same subject; "no longer" on the clause above the verb says no
    ("Does the US know where Gadhafi is?",
     "The United States does not know where ousted Libyan leader Moammar Gadhafi is.", "no"),
    ("Could the rifle fire?", "The rifle was jammed, they said, no longer readily able to fire.", "no"),
    ("Has Continental cut jobs?", "Continental has managed to save $1.1bn in costs without cutting jobs.", "no"),
    # the subject's modifier however it is spelled ("US", "U.S.")
    ("Did US officials admit that someone made a suggestion?",
     "U.S. officials admitted that someone at the embassy made an inappropriate suggestion.", "yes"),
    # what a claim says that the sentence says is not true is not so (one only reported decides nothing: below)
    ("Did Ruth Kelly oppose embryo research?", "She said claims Ms Kelly opposed embryo research were not true.",
     "no"),
    # what there are no plans for will not be; what is said of a share under half is not said of most
    ("Will there be a new series of Blackadder?",
     "The BBC has said there are no plans in the pipeline for a new series of hit comedy Blackadder.", "no"),
    ("Can most users tell paid results from the others?",
     "Only 18% of all searchers say they can tell which results are paid for and which are not.", "no"),
    ("Can most users tell paid results from the others?",
     "Some 82% of all searchers say they can tell which results are paid for and which are not.", "yes"),
    # the same thing said in another word: "trouble" for the riots
    ("Did the Algerian riots carry on into Sunday?",
     "According to local press reports, trouble flared up again on Saturday and carried on into Sunday.", "yes"),
    # "Is X Y?" that the parse reads without its complement, read as "X is Y"
    ("Is Visual Radio television?", "Visual Radio is not television, he said.", "no"),
    ("Is the Melbourne Park surface faster than last year?",
     "Pollard said the Melbourne Park surface is faster than last year.", "yes"),
    # a comparison said the other way: "less" asked "more"
    ("Did Celebrity Big Brother attract more viewers than its 2002 series?",
     "Celebrity Big Brother attracted less viewers than its 2002 series.", "no"),
    ("Did Celebrity Big Brother attract more viewers than its 2002 series?",
     "Celebrity Big Brother attracted more viewers than its 2002 series.", "yes"),
    # the name asked after "for" among the names joined after it
    ("Is money a motivating factor for Wigan?",
     "Although the move would be lucrative for both Farrell and Wigan, Lindsay said money was not a motivating factor "
     "for the club.", "no"),
    # pipped to it, he did not win it, however the parse takes the name in the question ("Scorsese" as an adjective)
    ("Did Scorsese win best director?",
     "The boxing drama was named best picture and Eastwood pipped Scorsese to best director, while its stars won "
     "acting awards.", "no"),
    # a rise asked, "down" said; agreeing asked, "ruled out" said
    ("Did Lenovo's sales rise?",
     "Western firms are mounting a more solid fight for market share in China, and Lenovo's sales were down 3.7% by "
     "revenue to HK$6.31bn.", "no"),
    ("Did the firm's profits fall?", "The firm's profits were up 20% on the year before.", "no"),
    # a currency weakened has not strengthened
    ("Has the dollar strengthened?", "In recent months, the dollar has weakened amid market jitters.", "no"),
    ("Has Tony Blair agreed to a televised debate?",
     "Tony Blair has already ruled out taking part in a televised debate during the forthcoming election campaign.",
     "no"),
    # still to be done is not done yet, whatever the modal
    ("Has the agreement been ratified by IMF directors?",
     "The agreement must still be ratified by IMF directors at a meeting expected to take place next month.", "no"),
    ("Has the agreement been ratified by IMF directors?", "The agreement has yet to be ratified by IMF directors.",
     "no"),
    ("Has the agreement been ratified by IMF directors?", "The agreement still needs to be ratified by IMF directors.",
     "no"),
    # asked whether it was done for a cause, one denying that cause says no
    ("Did McDonald's scrap its supersized meals because of the film?",
     'McDonald\'s announced it was to scrap its "supersized" meals last year, but denied the move was as a result of '
     "the negative publicity created by Spurlock's film.", "no"),
    # asked whether it won any, going home empty-handed says no (not of the one that won)
    ("Did Shrek 2 win any Annies?",
     "The Incredibles won a total of 10 awards - but Shrek 2, which had seven nominations, went home empty-handed.",
     "no"),
    # asked of all, nearly all says no
    ("Will RipGuard work on all DVD players?",
     'Macrovision said the new technology will work in "nearly all" current DVD players when applied to the discs.',
     "no"),
    # not saying it of oneself is saying no
    ("Is O'Neill pleased about the fixture?",
     '"I can\'t say I was overly pleased at the fixture being played just after Christmas," said O\'Neill.', "no"),
]  # fmt: skip


@pytest.mark.parametrize(("question", "sentence", "said"), SAID)
def test_a_sentence_in_the_questions_words_says_yes_or_no(question: str, sentence: str, said: str) -> None:
    verdict = verdict_from(question, ["The weather was fine.", sentence], min_match=0.75)
    assert verdict is not None and verdict.said == said and verdict.sentence == 1


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Did Yukos win its US bankruptcy case?", "A US bankruptcy court dismissed the Yukos case."),  # another verb
        ("Has Martin Johnson captained the Lions?", "Martin Johnson was captain of Leicester."),  # a noun, not the verb
        ("Did the ambassador admit the plan?", "Officials admitted the plan, but the ambassador did not comment."),
        ("Was he wearing stripes?", "He should be wearing stripes, critics said."),  # what should be is not what was
        ("Will he?", "He will sign the deal."),  # too little asked to check
        # "a bookmaker" is one of many, not Ladbrokes, whom the sentence never names
        ("Did Ladbrokes stop taking bets?", "A bookmaker has stopped taking bets on Celebrity Big Brother."),
        ("Will the court rule on the case?", "The court ruled out a hearing on the case."),  # "rule out" is not "rule"
        # "saying he was not leaned on" is no "yes" to whether he said he was leant on
        (
            "Did Lord Goldsmith say he was leant on by Downing Street?",
            'Goldsmith denied them, saying he was not "leaned on".',
        ),
        ("Did Labour win the seat?", "He did not say that Labour won the seat."),  # not said is neither yes nor no
        (  # the one handed the responsibility for taking it takes it, not the one handing it over
            "Did Stephen Jones take the winning kick against England?",
            "Wales fly-half Stephen Jones admitted he was happy to hand Gavin Henson responsibility for taking the "
            "match-winning kick against England.",
        ),
        (  # a claim she denies is neither yes nor no
            "Has Kim Clijsters pulled out of the Australian Open?",
            "Kim Clijsters has denied reports that she has pulled out of the Australian Open.",
        ),
        ("Did he know about the plan?", "He denied that he knew about the plan."),
        (  # another of the subject's kind: the flight attendants' union is not the mechanics'
            "Has the mechanics' union agreed a new contract?",
            "A union representing 5,200 flight attendants at US Airways have agreed to a new contract.",
        ),
        (  # another verb of the same word: standing down is not standing
            "Will Jack Cunningham stand at the next election?",
            "Jack Cunningham has said he will stand down at the next election.",
        ),
        (
            "Did Ruth Kelly oppose embryo research?",
            "A spokeswoman said claims Ms Kelly opposed embryo research were aired.",
        ),
        ("Did Arsenal win the match?", "Chelsea were beaten by Arsenal in the match."),  # the passive: not read yet
        (  # what a suggestion says is neither yes nor no, with or without its "that"
            "Did Tony Blair say the US was preparing strikes against Iran?",
            "Mr Blair refused to give succour to suggestions it was preparing for strikes against Iran.",
        ),
        (  # what a claim says is neither yes nor no
            "Did Lord Falconer draft the attorney general's answer?",
            "He suggested the claim that Lord Falconer and Lady Morgan had drafted the answer were the result of a mis "
            "transcription of his evidence.",
        ),
        (  # what is looked into is neither yes nor no
            "Has Alitalia received state aid?",
            "The European Commission has launched an investigation into whether Alitalia is receiving state aid.",
        ),
        ("Will Putin stand for election?", "Aides asked if Putin would stand for election."),
        ("Will the media adapter be sold outside Japan?", "Nintendo has plans to sell the adapter outside Japan."),
        (  # what evidence is about is neither yes nor no
            "Does violent media cause harm?",
            "The research evidence on media violence causing harm to viewers is wildly exaggerated.",
        ),
        (  # a relative clause is said of the noun it hangs from, not of the one asked about
            "Will the Cell processor run Windows?",
            "If Cell is to challenge Intel, it will need to find itself inside PCs, which predominantly run Windows.",
        ),
        (  # a participle describing a thing says nothing of who did it; what there is speculation of is no "yes"
            "Will Motorola unveil the ROKR at Cebit?",
            "Sony Ericsson will show off its recently unveiled Walkman phone and there is speculation that Motorola "
            "may unveil its ROKR handset at Cebit.",
        ),
        # another one of the same kind, what one is favourite to do, a sentence without what one is named
        ("Did Gordon Brown resign over the Budget leak?", "A previous Labour chancellor resigned after a Budget leak."),
        ("Did Joe Pasquale win the show?", "Comic Joe Pasquale remains odds on favourite to win the show."),
        (  # the odds of winning are no win
            "Did Imelda Staunton win an Oscar?",
            "Vera Drake star Imelda Staunton has 5/1 odds of winning the best actress Oscar at Bet 365.",
        ),
        ("Has Simon Taylor been named captain of Scotland?", "Simon Taylor has been named in the Scotland squad."),
        # where it was is no "X is Y"
        ("Was it in a regular jail?", "A judge sentenced him to 10 days in jail."),
        (  # a verb asked after "was" is no "X is Y"
            "Was Barkley serving a sentence?",
            "A judge sentenced him to 10 days in jail, but his sentence was reduced in exchange for Barkley's "
            "attending an alcohol-awareness course.",
        ),
        (  # still to be done says nothing of whether it will be
            "Will the agreement be ratified by IMF directors?",
            "The agreement must still be ratified by IMF directors at a meeting next month.",
        ),
        ("Is O'Neill pleased about the fixture?", "O'Neill did not say he was pleased with the fixture."),
        # what someone denies suggestions of, there being something
        (
            "Will there be a Budget giveaway?",
            "Chancellor Gordon Brown's closest ally has denied suggestions there will be a Budget giveaway on 16 "
            "March.",
        ),
        # what was done, without why, says nothing of the cause asked about
        ("Did McDonald's scrap its supersized meals because of the film?", "McDonald's scrapped its supersized meals."),
        (  # said of another match: "against England", asked "against Italy"
            "Did Gavin Henson take the kicks against Italy?",
            "Stephen Jones handed Gavin Henson the responsibility for taking the kicks against England.",
        ),
    ],
)
def test_no_verdict_where_no_sentence_says_it_of_the_same_subject_in_its_words(question: str, sentence: str) -> None:
    assert verdict_from(question, [sentence], min_match=0.5) is None


def test_a_sentence_repeating_too_little_of_the_question_gives_no_verdict() -> None:
    question = "Did Yukos file for bankruptcy in a Texas court to stop the auction of Yugansk?"
    assert verdict_from(question, ["Yukos filed for bankruptcy."], min_match=0.75) is None
    assert verdict_from(question, ["Yukos filed for bankruptcy."], min_match=0.3) is not None


@pytest.mark.parametrize(
    ("question", "sentence", "said"),
    [
        ("Who won the 2005 UK general election?", "Mr Howard said that if the Conservatives won they would cut taxes.",
         "conditional"),
        ("Who was named World Player?", "Blatter hopes Thierry Henry will be named World Player.", "expected"),
        ("How many seats did the Veritas party win?", "Kilroy-Silk is to contest the Derbyshire seat of Erewash.",
         "expected"),
        ("What fine was Aragones given?", "If found guilty Aragones could lose his job or face a fine.",
         "conditional"),  # what could follow on a condition
        ("Who won the election?", "If the count is right, Labour won the election.", None),  # a condition, no "could"
        ("Who did Charlie Bell succeed?", "Mr Bell took over after Jim Cantalupo died in April.", None),
        ("Who will run Nissan?", "Toshiyuki Shiga will run Nissan on a daily basis.", None),  # asked of the future
        ("Why did prosecutors decide not to charge him?", "He will not face charges over the allegation.", None),
        ("What did the spokesman say the army would do?", "The spokesman said the army would withdraw.", None),
        # what is expected or going to be is not what happened; "May" the month asks nothing of the future
        ("Who won the general election on 5 May?", "The election is expected on 5 May.", "expected"),
        ("Who won the general election on 5 May?", 'Mr Davey said: "We are going to be winning more seats."',
         "expected"),
        ("Who won the election?", "Labour won the election, as expected.", None),
        # asked what someone said, what they said answers, conditions and all
        ("What did Gordon Lishman say about older voters?",
         'Gordon Lishman said if a "decisive blow" was struck at the election it would be by older voters.', None),
    ],
)  # fmt: skip
def test_asked_what_happened_a_sentence_may_say_only_what_would_or_will(
    question: str, sentence: str, said: str | None
) -> None:
    assert unrealised(question, sentence) == said


def test_a_sentence_about_another_year_than_the_questions() -> None:
    assert other_years("Who won the 2005 election?", "Elizabeth Blackman won the seat in 1997.") == ("1997",)
    assert other_years("Who won the 2005 election?", "Labour won in 2005, as in 1997.") == ()  # it names 2005
    assert other_years("Who won the election?", "Elizabeth Blackman won the seat in 1997.") == ()  # none asked
    assert other_years("Who won the cup before 2000?", "They won the cup in 1946.") == ()  # a bound, not the year
    last = "Last year's Meltdown festival, directed by the ex-Smiths star Morrissey, included Nancy Sinatra."
    assert other_years("Who will direct next year's Meltdown festival?", last) == ("last year",)
    assert other_years("Who directed last year's Meltdown festival?", last) == ()  # the year asked
    assert other_years("Who directed the Meltdown festival?", last) == ()  # none asked
    assert other_years("Who won this year?", "He won last year, in 2004.") == ()  # a year in figures decides


@pytest.mark.parametrize(
    ("question", "sentence", "done"),
    [
        ("When will the general election be held?", "A British general election was last held in February 1974.", True),
        ("When will the PSP go on sale in the US?", "The PSP went on sale in Japan in December.", True),
        ("When will the PSP go on sale in the US?", "The PSP goes on sale in the US on 24 March.", False),
        ("When will the general election be held?", "The election is widely expected to be held on 5 May.", False),
        ("When was the election held?", "The election was held in 1974.", False),  # asked when it was: it answers
    ],
)  # fmt: skip
def test_asked_what_will_be_a_sentence_may_say_when_it_was(question: str, sentence: str, done: bool) -> None:
    assert done_before(question, sentence) is done


def test_a_check_may_ask_a_question_of_one_word_besides_its_auxiliary() -> None:
    """ "Could it fire?" is too little to give a verdict of its own; checking another's verdict, it may ask that."""
    sentence = "It was jammed, they said, no longer readily able to fire."
    assert verdict_from("Could it fire?", [sentence], min_match=0.5) is None
    verdict = verdict_from("Could it fire?", [sentence], min_match=0.5, min_units=1)
    assert verdict is not None and verdict.said == "no"


def test_of_two_clauses_with_the_questions_verb_the_one_saying_more_of_it_decides() -> None:
    """ "managed to get hold of some data" does not say he got the card numbers; "failed to get customer credit card
    numbers" says he did not."""
    sentence = (
        "Although Mr Jacobsen managed to get hold of some data, it is thought he failed to get customer credit card "
        "numbers, said Mr Dobrow."
    )
    verdict = verdict_from("Did Mr Jacobsen get their credit card numbers?", [sentence], min_match=0.5)
    assert verdict is not None and verdict.said == "no"
    verdict = verdict_from("Did Mr Jacobsen get some data?", [sentence], min_match=0.5)
    assert verdict is not None and verdict.said == "yes"


def test_no_thing_done_says_no_however_the_parse_hangs_the_verb_from_the_thing() -> None:
    """ "No date for the vote has been set": spaCy's small model makes "set" a clause of "date"."""
    sentence = (
        "No date for the vote has been set but Foreign Secretary Jack Straw has suggested it is unlikely to be held "
        "until early 2006."
    )
    verdict = verdict_from("Has a date been set for the referendum?", [sentence], min_match=0.5)
    assert verdict is not None and verdict.said == "no"


def test_going_home_empty_handed_is_said_of_the_one_named_before_it() -> None:
    sentence = (
        "The Incredibles won a total of 10 awards - but Shrek 2, which had seven nominations, went home empty-handed."
    )
    verdict = verdict_from("Did The Incredibles win any Annies?", [sentence], min_match=0.5)
    assert verdict is not None and verdict.said == "yes"
