"""The name a sentence gives the role a "Who…?" question asks about, over the reader's phrase when that is not it."""

import pytest

from assistant.answers.role import (
    another_than_asked,
    done_by,
    first_filling,
    named_the_other_way,
    names_no_one,
    role_filler,
    role_fillers,
    said_in_other_words,
)
from assistant.question.role import asked_role, may_say_the_verb


def _span(sentence: str, phrase: str) -> tuple[int, int]:
    start = sentence.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(
    ("question", "verb", "subject"),
    [
        ("Who won the friendly between Spain and England?", "win", True),
        ("Who is expected to oppose the ID card bill?", "oppose", True),  # through "expected to"
        ("Who does Castaignede think should start at number 10?", "start", True),  # the clause thought
        ("Who did Wales beat?", "beat", False),
        ("Who was appointed coach?", "appoint", False),  # a passive's subject is the one appointed
        ("Which team won the cup?", "win", True),
        ("Which companies did Yukos sue?", "sue", False),  # spaCy parses the companies as doing "did"
        ("Which countries did Bush visit?", "visit", False),
    ],
)
def test_the_role_asked(question: str, verb: str, subject: bool) -> None:
    role = asked_role(question)
    assert role is not None and (role.verb, role.subject) == (verb, subject)


@pytest.mark.parametrize(
    "question",
    ["Who is the chief executive of Fiat?", "What did he say?", "What percentage of funds went to charity?", "Why?"],
)
def test_questions_asking_no_role(question: str) -> None:
    assert asked_role(question) is None


@pytest.mark.parametrize(
    ("question", "sentence", "read", "answer"),
    [
        (  # the reader's phrase is no name at all
            "Who won the friendly between Spain and England in Madrid?",
            "The storm increased following racist chanting by Spanish fans at England's black players during the "
            "game, which Spain won 1-0.",
            "black players",
            "Spain",
        ),
        (  # the reader's name is another part of the same clause; the one tipped to start is the subject of "start"
            "Who does Castaignede think should start at number 10 for France?",
            "The 30-year-old also tipped Yann Delaigue to start ahead of Frederic Michalak at number 10.",
            "Frederic Michalak",
            "Yann Delaigue",
        ),
        (  # a passive's doer
            "Who is expected to oppose the ID card bill?",
            "The bill, which ministers claim will tackle crime, is expected to be opposed by the Liberal Democrats.",
            "crime",
            "Liberal Democrats",
        ),
        ("Who did Wales beat?", "Wales beat France 24-18 in Paris.", "Paris", "France"),
        (  # a participle after the noun with its "by": a passive too
            "Which company controls Aguas Argentinas?",
            "A conflict between the Argentine State and water firm Aguas Argentinas, controlled by France's Suez, is "
            "casting doubt on the firm's future.",
            "water firm",
            "Suez",
        ),
        (  # the reader's name is in a clause said of the one in the role, about something else they did
            "Who plays Arthur Dent?",
            "Freeman, who starred in hit BBC comedy The Office, will play the role of Arthur Dent, who begins his "
            "intergalactic voyage.",
            "The Office",
            "Freeman",
        ),
        (  # the clause of the one in the role says what else is asked; the reader's name is another clause's
            "Who came second in the show?",
            "Comic Pasquale beat former Royal butler Paul Burrell who came second, nightclub owner Fran Cosgrave, who "
            "was third.",
            "Fran Cosgrave",
            "Paul Burrell",
        ),
        (  # "he" of what someone told a paper is that someone
            "Who wants a date set for Blair to be replaced?",
            "His comments come after Dave Prentis, the leader of Britain's biggest union Unison, told the Daily Record "
            "newspaper he wants a date to be set for Mr Blair to be replaced as Labour leader.",
            "Labour leader",
            "Dave Prentis",
        ),
        (  # "which" after a name is said of it, however the parse attaches it (here to "spokesperson")
            "Who commissioned the survey?",
            '"Stay alert," said Mike Newton, a spokesperson for the BSA which commissioned the survey.',
            "Mike Newton",
            "BSA",
        ),
    ],
)
def test_the_name_in_the_role_replaces_the_readers_phrase(question: str, sentence: str, read: str, answer: str) -> None:
    assert role_filler(question, sentence, _span(sentence, read)) == answer


@pytest.mark.parametrize(
    ("question", "sentence", "read"),
    [
        # the reader's phrase is the name already
        ("Who won the match?", "Spain won the match 1-0.", "Spain"),
        # a pronoun fills the role: left to the reader
        ("Who beat France?", "Mike Ruddock praised his side after they came back to beat France.", "Mike Ruddock"),
        # the name in the role is one the question gives
        ("Who made a debut with Nintendo?", "Nintendo made a debut with the Pokemon Company.", "the Pokemon Company"),
        # the reader chose a doer of another clause: "Carolina suffered…" is not who broke an arm
        (
            "Who suffered a broken arm in the game?",
            "Carolina suffered a setback when Thomas Davis went down with a broken arm in the game.",
            "Thomas Davis",
        ),
        # the sentence has not the question's verb
        ("Who won the election?", "Labour is ahead in the polls, says Ipsos.", "Ipsos"),
    ],
)
def test_the_readers_phrase_stands(question: str, sentence: str, read: str) -> None:
    assert role_filler(question, sentence, _span(sentence, read)) is None


@pytest.mark.parametrize(
    ("question", "sentence", "names"),
    [
        (  # the doer through the pronoun of a clause said of it; not the firm whose sale it is suing over
            "Which companies did Yukos sue?",
            "Yukos has said it will sue Baikal and Rosneft over the sale of Yuganskneftegas.",
            ["Baikal", "Rosneft"],
        ),
        ("Which countries did Bush visit?", "Mr Bush visited France, Germany and Belgium on his tour.",
         ["France", "Germany", "Belgium"]),
        ("Which teams did Chelsea beat?", "Chelsea beat Newcastle and Everton, while Arsenal lost.",
         ["Newcastle", "Everton"]),
        ("Which teams did Chelsea beat?", "Arsenal beat Chelsea and Everton.", []),  # Chelsea beaten, not beating
        ("Which teams did Chelsea beat?", "Chelsea lost to Newcastle.", []),  # not the verb asked about
    ],
)  # fmt: skip
def test_every_name_in_the_role_asked_about(question: str, sentence: str, names: list[str]) -> None:
    assert role_fillers(question, sentence) == names


def test_the_first_sentence_naming_who_did_what_is_asked() -> None:
    sentences = [
        "The finale of the show drew an average of 10.9m viewers.",
        "The series peaked on Monday at 11.9m, just before Joe Pasquale won.",
    ]
    assert first_filling("Who won the show?", sentences) == (1, "Joe Pasquale")
    assert first_filling("Who won the show?", sentences[:1]) is None
    assert first_filling("What did he say?", sentences) is None  # no role asked
    assert may_say_the_verb("Who won the show?", sentences[1]) and not may_say_the_verb("Who won?", sentences[0])
    sentence = "Paul Tellier, who was also the firm's president, left the company."
    at = sentence.index("president")
    assert names_no_one("Who left the firm?", sentence, (at, at + len("president")))
    assert not names_no_one("Who left the firm?", sentence, (0, len("Paul Tellier")))
    assert not names_no_one("What did he say?", sentence, (at, at + len("president")))  # no role asked


def test_the_one_named_in_the_role_asked_about_is_the_other_way_round() -> None:
    question = "Who beat Fabrice Santoro?"
    assert named_the_other_way(question, "Fabrice Santoro, the 2000 champion, beat Sweden's Thomas Johansson.")
    assert not named_the_other_way(question, "Sweden's Thomas Johansson beat Fabrice Santoro 6-4 6-2.")
    assert not named_the_other_way("Who won the final?", "Fabrice Santoro won the final.")  # no one named
    # "he" after the name is them
    moya = "Carlos Moya described the victory as the highlight of his career after he beat Andy Roddick."
    assert named_the_other_way("Who beat Carlos Moya?", moya)
    assert not named_the_other_way("Who beat Andy Roddick?", moya)
    # a passive's subject is the one it was done to: the doer is its "by"
    passive = "Former champion Fabrice Santoro of France was beaten 6-3 6-0 by sixth seeded Russian Nikolay Davydenko."
    assert first_filling(question, [passive]) == (0, "Nikolay Davydenko")


@pytest.mark.parametrize(
    ("question", "sentence", "doer"),
    [
        ("Who directed A Different Story?",
         "Michael said that the film, directed by Southan Morris, would put his fame into context.", "Southan Morris"),
        ("Who will direct Charlotte's Web?",
         "Dakota Fanning will play Fern in the film to be directed by 13 Going on 30 film-maker Gary Winick.",
         "Gary Winick"),
        # another work's maker, named in the sentence, is not the one asked about
        ("Who made Submission?", "The festival opens with the French film The 10th District Court made by Raymond "
         "Depardon.", None),
        ("Who directed A Different Story?", "Michael directed his attention to the film.", None),  # no passive
        ("Who was directed by Southan Morris?", "The film was directed by Southan Morris.", None),  # no doer asked
        # the name is the "by" phrase's own, not one in what is said of it after it
        ("Who presented the award to DiCaprio?", "The star was presented with the award by Martin Scorsese, who "
         "directed him in Oscar-nominated movie The Aviator.", "Martin Scorsese"),
    ],
)  # fmt: skip
def test_the_doer_a_passive_gives(question: str, sentence: str, doer: str | None) -> None:
    assert done_by(question, sentence) == doer


@pytest.mark.parametrize(
    ("question", "sentence", "doer"),
    [
        ("Who rejected foreign troops?", "The Kremlin has dismissed proposals for foreign troops to be stationed in "
         "Ukraine.", "The Kremlin"),
        # the same verb is read elsewhere; another thing done; no doer asked; a verb with no other words here
        ("Who rejected foreign troops?", "Putin has rejected a temporary ceasefire.", None),
        ("Who rejected foreign troops?", "The minister dismissed the idea of a ceasefire.", None),
        ("Who was rejected by the Kremlin?", "The Kremlin has dismissed proposals for foreign troops.", None),
        ("Who won the match?", "Arsenal dismissed Chelsea in the match.", None),
    ],
)  # fmt: skip
def test_the_doer_of_what_is_asked_said_in_other_words(question: str, sentence: str, doer: str | None) -> None:
    assert said_in_other_words(question, sentence) == doer


def test_asked_who_a_phrase_naming_the_one_asked_about_and_one_other_is_the_other() -> None:
    said = "Tory leader Michael Howard has accused Mr Blair of steamrolling the house arrest plans."
    read = (0, said.index(" of steamrolling"))
    question = "Who does Michael Howard think is playing politics with national security?"
    assert another_than_asked(question, said, read) == "Mr Blair"
    assert another_than_asked("What does Michael Howard think?", said, read) is None  # no "who"
    both = "Tony Blair met Gordon Brown and Jack Straw."
    assert another_than_asked("Who did Tony Blair meet?", both, (0, len(both))) is None  # two others: the reader's
    assert another_than_asked("Who accused Mr Blair?", "Michael Howard accused him.", (0, 14)) is None  # none asked
