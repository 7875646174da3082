"""Who holds a post (unit): the post and organisation a question asks about, and the name a sentence gives the holder
in the shapes news writes it, never another firm's or a former holder."""

from __future__ import annotations

import pytest

from assistant.question.post import (
    asked_post,
    asked_title,
    holder_in,
    holder_unnamed,
    named_first,
    names_a_holder,
    titles_said,
    unnamed_in,
)


@pytest.mark.parametrize(
    ("question", "title", "org"),
    [
        ("Who is the chief executive of Fiat?", "chief executive", "Fiat"),
        ("Who is Fiat's boss?", "boss", "Fiat"),
        ("Who heads the ARU?", "head", "ARU"),
        ("Who is the England coach?", "coach", "England"),
        ("Who is the new chairman of Renault?", "chairman", "Renault"),
        ("Who was the commissioner of the NFL in 2012?", "commissioner", "NFL"),
        ("who's the captain of Wales", "captain", "Wales"),
    ],
)
def test_the_post_asked_about(question: str, title: str, org: str) -> None:
    post = asked_post(question)
    assert post is not None and post.titles[0] == title and post.org == org


@pytest.mark.parametrize(
    "question",
    [
        "Who was the winner of the race?",  # no organisation named
        "Who is the author of the report?",
        "Who is Mark McClelland?",
        "What is the capital of France?",
        "Who won the friendly between Spain and England?",
    ],
)
def test_questions_asking_for_no_post(question: str) -> None:
    assert asked_post(question) is None


def test_a_title_has_its_usual_synonyms() -> None:
    post = asked_post("Who is the chief executive of Fiat?")
    assert post is not None and {"boss", "ceo", "chief"} <= set(post.titles) and "coach" not in post.titles
    coach = asked_post("Who is the Italy coach?")
    assert coach is not None and {"manager", "boss"} <= set(coach.titles)


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting between Fiat boss Sergio Marchionne and GM's Rick Wagoner is due in Zurich.",
        "Sergio Marchionne, Fiat's chief executive, said the contract stood.",
        "Fiat's chief executive, Sergio Marchionne, said the contract stood.",
        "Sergio Marchionne, the chief executive of Fiat, said the contract stood.",
        "The chief executive of Fiat, Sergio Marchionne, said the contract stood.",
        "Sergio Marchionne was named chief executive of Fiat in June.",
        "Yesterday Fiat Auto CEO Sergio Marchionne flew to Zurich.",
        "Sergio Marchionne has been unveiled as the new Fiat chief executive.",  # the organisation before the title
        "Shares rose, said Sergio Marchionne, chief executive of car maker Fiat.",  # what the organisation is
    ],
)
def test_the_holder_named_by_title(sentence: str) -> None:
    post = asked_post("Who is the chief executive of Fiat?")
    assert post is not None
    holder = holder_in(post, sentence)
    assert holder is not None and holder.text == "Sergio Marchionne"
    assert sentence[holder.start : holder.end] == "Sergio Marchionne"
    assert names_a_holder(post, f"Fiat news.\n\n{sentence}\n\nMore to come.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Chief executive Franklin Raines has left Fannie Mae, which Fiat's lenders watched.",  # another firm's
        "Former Fiat boss Paolo Cantarella said GM would pay.",  # held it before
        "Herbert Demel, Fiat's outgoing chief executive, said GM would pay.",
        "Fiat will meet car giant General Motors on Tuesday.",  # no holder named
        "GM boss Rick Wagoner will meet Fiat in Zurich.",  # another firm's boss
        "He worked alongside Fiat caretaker chief executive Paolo Rossi in Turin.",  # standing in, not the holder
    ],
)
def test_no_holder_where_the_sentence_names_none_at_that_organisation(sentence: str) -> None:
    post = asked_post("Who is the chief executive of Fiat?")
    assert post is not None and holder_in(post, sentence) is None


def test_an_honorific_stays_with_the_name() -> None:
    post = asked_post("Who is the Manchester United manager?")
    assert post is not None
    holder = holder_in(post, "Manchester United manager Sir Alex Ferguson will join the show.")
    assert holder is not None and holder.text == "Sir Alex Ferguson"


def test_a_holders_name_is_given_without_its_possessive() -> None:
    post = asked_post("Who is the Wales coach?")
    assert post is not None
    holder = holder_in(post, "Sidoli and Cockbain are Wales coach Mike Ruddock's preferred starters.")
    assert holder is not None and holder.text == "Mike Ruddock"


def test_in_the_organisations_own_story_a_title_alone_is_its_own() -> None:
    post = asked_post("Who is the chief executive of AstraZeneca?")
    assert post is not None
    said = '"I am determined to restore confidence," said chief executive Tom McKillop.'
    holder = holder_in(post, said, own=True)
    assert holder is not None and holder.text == "Tom McKillop"
    assert holder_in(post, said) is None  # another story's chief executive, for all it says
    assert holder_in(post, "Tom McKillop, chief executive, said so.", own=True) is not None
    for others in ("Microsoft CEO Satya Nadella spoke.", "GM's chief executive Rick Wagoner spoke."):
        assert holder_in(post, others, own=True) is None  # a title of another firm's


@pytest.mark.parametrize(
    ("sentence", "unnamed"),
    [
        ("Tate & Lyle's chief executive has been named European Businessman of the Year.", True),
        ("The boss of Fiat has resigned after two years.", True),
        ("The Fiat boss does not view the deal as important.", True),  # the organisation before the title
        ("The Fiat boss Sergio Marchionne does not view the deal as important.", False),
        ("Tate & Lyle's chief executive Iain Ferguson has been named Businessman of the Year.", False),  # named
        ("Shares in Tate & Lyle rose after its chief executive spoke.", False),  # not what the sentence opens with
    ],
)
def test_a_sentence_opening_with_the_post_and_no_name(sentence: str, unnamed: bool) -> None:
    post = asked_post("Who is the chief executive of Tate & Lyle?")
    fiat = asked_post("Who is the boss of Fiat?")
    assert post is not None and fiat is not None
    assert (holder_unnamed(post, sentence) or holder_unnamed(fiat, sentence)) is unnamed


def test_a_sentence_opening_with_the_post_given_to_someone_described() -> None:
    post = asked_post("Who is the Lib Dems' new communications chief?")
    assert post is not None
    described = "The Lib Dems have appointed a senior figure from BT to be the party's new communications chief."
    assert holder_unnamed(post, described)
    assert not holder_unnamed(post, "The Lib Dems have appointed Sandy Walkington as their communications chief.")


def test_the_person_a_sentence_opens_with() -> None:
    named = named_first("Iain Ferguson was awarded the title by US publication Forbes.")
    assert named is not None and named.text == "Iain Ferguson"
    assert named_first("US publication Forbes awarded the title to Iain Ferguson.") is None
    assert named_first("Shares have leapt 55% this year.") is None


def test_a_sentence_describing_the_one_a_which_question_asks_for() -> None:
    question = "Which chancellor resigned after leaking the Budget?"
    assert unnamed_in(question, 'He said: "It is grave. A previous Labour chancellor resigned after he leaked it."')
    assert not unnamed_in(question, "Hugh Dalton resigned after leaking details of his 1947 budget.")
    assert not unnamed_in("Which budget was leaked?", "The budget was leaked to a newspaper.")  # no person asked


@pytest.mark.parametrize(
    ("question", "sentence", "unnamed"),
    [
        (
            "Who wants to buy Channel 4?",
            "The creator of defunct TV soap Brookside has written to offer to buy it.",
            True,
        ),
        ("Who has told the trial?", "A PR expert has told the Michael Jackson trial it was a disaster.", True),
        ("Who wants to buy Channel 4?", "The channel has written to the minister.", False),  # no one described
        ("Who wants to buy Channel 4?", "The creator Phil Redmond has written to the minister.", False),  # named
        ("Who is Phil Redmond?", "The creator of Brookside has written to the minister.", False),  # asks what he is
    ],
)
def test_a_sentence_describing_the_one_a_who_question_asks_for(question: str, sentence: str, unnamed: bool) -> None:
    assert unnamed_in(question, sentence) is unnamed


def test_the_person_a_sentence_opens_with_before_a_comma() -> None:
    named = named_first("Phil Redmond, now chairman of Mersey TV, told Tessa Jowell he would run it.")
    assert named is not None and named.text == "Phil Redmond"


def test_an_organisation_of_several_words_is_also_named_by_its_initials() -> None:
    """News names the Mobile Data Association in full once, then "the MDA"; a name of two words has no initials."""
    post = asked_post("Who is the chairman of the Mobile Data Association?")
    assert post is not None
    found = holder_in(post, "Looking ahead, the MDA's chairman Mike Short, has predicted more growth.")
    assert found is not None and found.text == "Mike Short"
    assert holder_in(post, "Looking ahead, the MDAX chairman Mike Short spoke.") is None
    fiat = asked_post("Who is the chief executive of Fiat Auto?")  # two words: "the FA" is another body
    assert fiat is not None and holder_in(fiat, "The FA chief executive Mark Palios spoke.") is None


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("Who is the education secretary?", "education secretary"),
        ("Who is the new health minister?", "health minister"),
        ("Who is the shadow education secretary?", None),  # asks of another post
        ("Who is the chief executive of Fiat?", None),  # an organisation's post: asked_post's
        ("Who is Ruth Kelly?", None),
    ],
)
def test_the_title_a_question_asks_the_holder_of(question: str, title: str | None) -> None:
    assert asked_title(question) == title


def test_a_title_said_itself_or_of_another_post() -> None:
    assert titles_said("education secretary", "The shadow education secretary, Tim Collins, said so.") == (False, True)
    assert titles_said("education secretary", "Former education secretary Estelle Morris said so.") == (False, True)
    assert titles_said("education secretary", "New education secretary Ruth Kelly's views.") == (True, False)
    assert titles_said("education secretary", "Ruth Kelly met Tim Collins.") == (False, False)
