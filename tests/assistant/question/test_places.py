"""Countries by any of their names, and their people."""

from assistant.question.places import country_of_people


def test_a_demonym_gives_its_countrys_names_and_a_shared_one_every_such_countrys() -> None:
    assert "Algeria" in country_of_people("Algerian")
    assert "DZ" in country_of_people("algerian")  # looked up in any case
    assert {"United States", "US"} <= set(country_of_people("American"))  # shared with Samoa's and others
    assert country_of_people("Catholic") == ()
    assert country_of_people("") == ()
