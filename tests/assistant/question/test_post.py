"""Who holds a post (unit): the post and organisation a question asks about, and the name a sentence gives the holder
in the shapes news writes it, never another firm's or a former holder."""

from __future__ import annotations

import pytest

from assistant.question.post import asked_post, holder_in, names_a_holder


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
    ],
)
def test_the_holder_named_by_title(sentence: str) -> None:
    post = asked_post("Who is the chief executive of Fiat?")
    assert post is not None
    holder = holder_in(post, sentence)
    assert holder is not None and holder.name == "Sergio Marchionne"
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
    ],
)
def test_no_holder_where_the_sentence_names_none_at_that_organisation(sentence: str) -> None:
    post = asked_post("Who is the chief executive of Fiat?")
    assert post is not None and holder_in(post, sentence) is None


def test_an_honorific_stays_with_the_name() -> None:
    post = asked_post("Who is the Manchester United manager?")
    assert post is not None
    holder = holder_in(post, "Manchester United manager Sir Alex Ferguson will join the show.")
    assert holder is not None and holder.name == "Sir Alex Ferguson"


def test_a_holders_name_is_given_without_its_possessive() -> None:
    post = asked_post("Who is the Wales coach?")
    assert post is not None
    holder = holder_in(post, "Sidoli and Cockbain are Wales coach Mike Ruddock's preferred starters.")
    assert holder is not None and holder.name == "Mike Ruddock"


def test_in_the_organisations_own_story_a_title_alone_is_its_own() -> None:
    post = asked_post("Who is the chief executive of AstraZeneca?")
    assert post is not None
    said = '"I am determined to restore confidence," said chief executive Tom McKillop.'
    holder = holder_in(post, said, own=True)
    assert holder is not None and holder.name == "Tom McKillop"
    assert holder_in(post, said) is None  # another story's chief executive, for all it says
    assert holder_in(post, "Tom McKillop, chief executive, said so.", own=True) is not None
    for others in ("Microsoft CEO Satya Nadella spoke.", "GM's chief executive Rick Wagoner spoke."):
        assert holder_in(post, others, own=True) is None  # a title of another firm's
