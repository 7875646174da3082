"""Names gathered from sentences with spaCy's entities (the model ships as a package)."""

from __future__ import annotations

from assistant.listing import names_in

SENTENCES = [
    "The Kremlin has dismissed proposals, warning that Western forces could never provide Kyiv’s protection.",
    "French President Emmanuel Macron announced the pledge with President Donald Trump.",
    "However, hopes dimmed after Russian President Vladimir Putin met Trump in Alaska last month.",
    "Putin has rejected a temporary ceasefire, while Zelensky dismissed Putin’s invitation to Moscow.",
    "Erizia Rubyjeana",
]


def test_people_once_each_under_their_fullest_name_cited_where_first_named() -> None:
    named = names_in(SENTENCES, ("PERSON",), exclude=["Erizia Rubyjeana"])
    assert [(n.name, n.sentence) for n in named] == [
        ("Emmanuel Macron", 1),
        ("Donald Trump", 1),
        ("Vladimir Putin", 2),
    ]


def test_a_lone_word_no_full_name_ends_is_no_person() -> None:
    names = [n.name for n in names_in(SENTENCES, ("PERSON",))]
    assert "Kyiv" not in names and "Zelensky" not in names


def test_the_byline_and_the_questions_own_names_are_left_out() -> None:
    names = [n.name for n in names_in(SENTENCES, ("PERSON",), exclude=["Erizia Rubyjeana", "Putin"])]
    assert "Erizia Rubyjeana" not in names and "Vladimir Putin" not in names and "Donald Trump" in names


def test_places_are_not_merged_by_their_last_word() -> None:
    names = [n.name for n in names_in(["North Korea and South Korea met in Korea."], ("GPE", "LOC"))]
    assert len(names) == len(set(names)) and "North Korea" in names and "South Korea" in names


def test_sentences_that_name_nothing_of_the_kind_give_an_empty_list() -> None:
    assert names_in(["The weather was mild and the markets were calm."], ("PERSON", "ORG", "GPE")) == []
    assert names_in([], ("PERSON",)) == []
