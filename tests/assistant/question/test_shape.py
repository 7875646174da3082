"""The answer's shape from the question's wording (unit: no model, no store)."""

from __future__ import annotations

import pytest

from assistant.question.shape import RULES, Rule, Shape, shape_of


@pytest.mark.parametrize(
    ("question", "kind", "topic"),
    [
        ("Summarize the article", "summary", ""),
        ("What is this article about?", "summary", ""),
        ("What are the main points?", "summary", ""),
        ("Give me a short summary", "summary", ""),
        ("tl;dr", "summary", ""),
        ("Summarize the article about the Kremlin", "summary", "the Kremlin"),
        ("What's the news on Ukraine?", "news", "Ukraine"),
        ("Tell me about the ceasefire efforts.", "overview", "the ceasefire efforts"),
        ("What do Western leaders say about Russia?", "overview", "Western leaders"),
        ("Who is Keir Starmer?", "definition", "Keir Starmer"),
        ("Who is Mark Rutte?", "definition", "Mark Rutte"),
        ("Who is Theo van Gogh?", "definition", "Theo van Gogh"),  # a name's particle is no role's "of"
        ("What is the Coalition of the Willing?", "definition", "Coalition of the Willing"),
        ("What is NATO?", "definition", "NATO"),
        ("What is latinohiphopradio.com?", "definition", "latinohiphopradio.com"),  # names in small letters
        ("What is iPodder?", "definition", "iPodder"),
        ("Did Putin agree to a temporary ceasefire?", "yes_no", "Did Putin agree to a temporary ceasefire"),
        ("Hasn't Washington ruled out ground troops?", "yes_no", "Hasn't Washington ruled out ground troops"),
    ],
)
def test_questions_that_want_another_shape_than_a_fact(question: str, kind: str, topic: str) -> None:
    shape = shape_of(question)
    assert (shape.kind, shape.topic) == (kind, topic)


@pytest.mark.parametrize(
    ("question", "labels", "whole_article", "places"),
    [
        ("Which leaders are mentioned?", ("PERSON",), True, None),
        ("Which countries are mentioned in the article?", ("GPE", "LOC"), True, "countries"),
        ("Which organisations are named?", ("ORG",), True, None),
        ("Which countries border France?", ("GPE", "LOC"), False, "countries"),
        ("List the countries that committed troops", ("GPE", "LOC"), False, "countries"),
        ("What nations signed the treaty?", ("GPE", "LOC"), False, "countries"),
        ("Which cities were hit?", ("GPE", "LOC"), False, "cities"),
        ("Which places are mentioned?", ("GPE", "LOC"), True, None),
        ("Who attended the summit?", ("PERSON", "ORG", "GPE", "LOC"), False, None),
        ("Which Six Nations captains are in the squad?", ("PERSON",), False, None),  # the last noun is the kind
        ("Which keepers have Arsenal been linked with?", ("PERSON",), False, None),
    ],
)
def test_list_questions_name_the_kind_of_names_they_want(
    question: str, labels: tuple[str, ...], whole_article: bool, places: str | None
) -> None:
    shape = shape_of(question)
    assert shape.kind == "list" and shape.labels == labels and shape.places == places
    assert (shape.topic == "") is whole_article


@pytest.mark.parametrize(
    "question",
    [
        "Who rejected foreign troops?",
        "Who is the NATO chief?",  # a role asking for a name: a fact
        "Who was the 2015 NFL MVP?",
        "What is the population of Brazil?",
        "Which French president announced the commitment?",  # singular
        "Which country has already ruled out ground troops?",
        "What states that only problems that cannot be solved in polynomial time are hard?",  # "states" a verb
        "How did Keir Starmer describe the alliance's commitment?",
        "What was the summit dubbed?",
        "What is happening to the average age of teachers in Wales?",
        "Is it Macron or Trump who leads France?",  # a choice, not yes or no
        "Who wrote the letter?",
        "Who is the author of Harry Potter?",
        "When was the treaty signed?",
        "Who would generally teach from a work like the Quran, Torah or Bible?",  # a list, not a choice of two
        "Which committee invited companies owned by people who are women, or veterans, to take part?",
        "After Apollo 18 was cancelled, what happened to the Saturn Vs that were never used?",  # not "versus"
    ],
)
def test_questions_of_fact_stay_facts(question: str) -> None:
    assert shape_of(question) == Shape("fact")


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("Which costs more in Japan, Sony's PSP or Nintendo's DS?", ("Sony's PSP", "Nintendo's DS")),
        ("Which is more costly, formal, or informal imperialism?", ("formal", "informal imperialism")),
        ("Is the PSP more expensive than a Nintendo DS?", ("the PSP", "a Nintendo DS")),
        ("France vs Germany: whose economy grew more?", ("France", "Germany")),
        ("Has Johnson captained the Lions more than once?", ()),  # yes or no of a number, not two things
        ("Has the DS sold more than 2 million units?", ()),
        ("Has the PSP sold more than the DS?", ("the PSP", "the DS")),  # not "the PSP sold"
        ("Is the speed higher than before?", ("the speed", "before")),
    ],
)
def test_a_comparison_has_two_sides_and_a_number_is_no_side(question: str, sides: tuple[str, ...]) -> None:
    shape = shape_of(question)
    assert shape.sides == sides and shape.kind == ("comparison" if sides else "yes_no")


@pytest.mark.parametrize(
    ("question", "field", "topic"),
    [
        ("Who wrote the article?", "author", ""),
        ("Who wrote the story about the Kremlin?", "author", "the Kremlin"),
        ("Who is the author?", "author", ""),
        ("When was the article published?", "date", ""),
        ("What is the headline?", "title", ""),
        ("Which outlet published the story?", "source", ""),
    ],
)
def test_questions_about_the_article_itself(question: str, field: str, topic: str) -> None:
    assert shape_of(question) == Shape("article", topic, field=field)


@pytest.mark.parametrize(
    ("rule", "example"), [(rule, example) for rule in RULES for example in rule.examples], ids=lambda v: str(v)[:40]
)
def test_every_rule_gives_its_examples_its_shape_and_no_earlier_rule_takes_them(rule: Rule, example: str) -> None:
    q = " ".join(example.strip().rstrip("?.! ").split())
    assert rule.match(q, q.lower()) is not None, f"{example!r} does not match its own rule"
    assert shape_of(example).kind == rule.kind
    earlier = RULES[: RULES.index(rule)]
    assert all(r.match(q, q.lower()) is None for r in earlier), f"an earlier rule takes {example!r}"


def test_a_question_no_rule_takes_is_a_fact_and_the_last_rule_says_so() -> None:
    assert RULES[-1].kind == "fact" and RULES[-1].match("anything at all", "anything at all") == Shape("fact")
