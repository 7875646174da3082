"""Names gathered from sentences with spaCy's entities (the model ships as a package)."""

from __future__ import annotations

from assistant.evidence.names import Named, cities_only, countries_only, names_in
from assistant.question.places import capital, country, province

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


def test_countries_by_any_of_their_spellings() -> None:
    assert country("UK") == country("Great Britain") == country("United Kingdom") == "United Kingdom"
    assert country("the U.S.") == country("USA") == "United States"
    assert country("Holland") == country("the Netherlands") == "Netherlands"
    assert country("Moscow") is None and country("Alaska") is None and country("") is None
    assert capital("Moscow") and capital("Kyiv") and not capital("Ukraine")
    assert province("Alaska") and province("Georgia") and not province("Odesa")


PLACES = ["Ukraine", "US", "Alaska", "Moscow", "UK", "Russia", "Washington", "the United States", "Britain", "Odesa"]


def _named(names: list[str]) -> list[Named]:
    return [Named(name, "GPE", i) for i, name in enumerate(names)]


def test_a_list_of_countries_leaves_out_capitals_and_provinces_and_names_each_country_once() -> None:
    kept = countries_only(_named(PLACES))
    assert [(n.name, n.sentence) for n in kept] == [
        ("Ukraine", 0),
        ("the United States", 1),  # the longest spelling, cited where the country was first named ("US")
        ("UK", 4),
        ("Russia", 5),
        ("Britain", 8),  # not known as a city: kept; as a spelling of the UK it is unknown to countryinfo
        ("Odesa", 9),
    ]


def test_a_list_of_cities_leaves_out_countries_and_provinces() -> None:
    # A name the tables do not know is kept in either list: "Britain" is not known as a spelling of the UK.
    assert [n.name for n in cities_only(_named(PLACES))] == ["Moscow", "Britain", "Odesa"]


def test_the_names_of_a_list_are_read_as_the_kind_most_of_them_are_under_their_whole_names() -> None:
    sentence = (
        "Its lawyers now accept ABN Amro, BNP Paribas, Calyon, JP Morgan Chase Bank, and Dresdner Kleinwort "
        "Wasserstein were not involved in the sale financing."
    )
    assert [n.name for n in names_in([sentence], ("ORG",))] == [
        "ABN Amro",
        "BNP Paribas",
        "Calyon",
        "JP Morgan Chase Bank",
        "Dresdner Kleinwort Wasserstein",
    ]
    assert names_in([sentence], ("PERSON",)) == []  # spaCy alone takes two of the banks for people


def test_a_list_with_fewer_than_three_of_one_kind_keeps_each_names_own_kind() -> None:
    named = names_in(["Apple, Google, Bill Gates and Steve Jobs were at the launch."], ("PERSON", "ORG"))
    assert {(n.name, n.label) for n in named} == {
        ("Apple", "ORG"),
        ("Google", "ORG"),
        ("Bill Gates", "PERSON"),
        ("Steve Jobs", "PERSON"),
    }


def test_two_people_of_a_list_of_three_make_a_name_spacy_reads_as_no_person_a_person_but_not_a_firm() -> None:
    sentence = (
        "Eerdekens said he made the statement in order to protect the other three players that took part in the "
        "tournament, Belgian Justine Henin-Hardenne, Nathalie Dechy of France and Russia's Elena Dementieva."
    )  # spaCy's small model reads "Elena Dementieva" as a building
    assert [n.name for n in names_in([sentence], ("PERSON",))] == [
        "Justine Henin-Hardenne",
        "Nathalie Dechy",
        "Elena Dementieva",
    ]
    named = names_in(["He met Apple, Bill Gates and Steve Jobs."], ("PERSON", "ORG"))
    assert ("Apple", "ORG") in {(n.name, n.label) for n in named}


def test_a_list_of_shops_is_read_name_by_name() -> None:
    # spaCy's small model runs "Morrisons, Woolworths" together, splits "House of Fraser" at "of" and gives
    # "Spencer" again as a member of the list on its own
    sentence = (
        "Morrisons, Woolworths, House of Fraser, Marks & Spencer and Big Food all said that the festive period was "
        "disappointing."
    )
    names = [n.name for n in names_in([sentence], ("ORG",))]
    assert names == ["Morrisons", "Woolworths", "House of Fraser", "Marks & Spencer", "Big Food"]


def test_a_company_suffix_after_a_comma_stays_with_its_name() -> None:
    names = [n.name for n in names_in(["Shares in Apple, Inc. rose."], ("ORG",))]
    assert names == ["Apple, Inc"]


def test_names_set_out_after_a_noun_are_a_list_the_model_reads_in_part() -> None:
    sentence = (
        "The scandal has prompted three credit rating agencies - Standard & Poor's, Moody's and Fitch - to "
        "downgrade Marsh in recent weeks."
    )  # spaCy's small model hangs two on "agencies", Fitch on Moody's, and labels no Fitch
    assert [n.name for n in names_in([sentence], ("ORG",))] == ["Standard & Poor's", "Moody's", "Fitch", "Marsh"]


def test_a_possessive_is_cut_from_a_name_only_where_it_owns_the_word_after() -> None:
    named = names_in(["Moody's rating of Marsh's debt fell, said a Moody's analyst."], ("ORG",))
    assert [n.name for n in named] == ["Moody", "Marsh"]
