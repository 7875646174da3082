"""The clause of a sentence about what a question asks (unit: text alone)."""

from __future__ import annotations

from assistant.evidence.clause import clause_asked_about

TWO_EVENTS = (
    "Coldplay have announced a concert at Bellahouston Park in Glasgow on 1 July and T in the Park will be held at "
    "Balado, near Kinross, from 9-10 July."
)


def _at(sentence: str, phrase: str) -> tuple[int, int]:
    start = sentence.index(phrase)
    return start, start + len(phrase)


def test_a_phrase_of_the_other_event_gives_way_to_the_clause_about_what_is_asked() -> None:
    clause = clause_asked_about("Where is T in the Park held?", TWO_EVENTS, _at(TWO_EVENTS, "Bellahouston Park"))
    assert clause is not None and TWO_EVENTS[slice(*clause)].startswith("T in the Park will be held at Balado")


def test_a_phrase_of_the_clause_about_what_is_asked_stands() -> None:
    assert clause_asked_about("Where is T in the Park held?", TWO_EVENTS, _at(TWO_EVENTS, "Balado")) is None
    one = "T in the Park will be held at Balado, near Kinross, from 9-10 July."
    assert clause_asked_about("Where is T in the Park held?", one, _at(one, "Kinross")) is None  # one clause


def test_clauses_sharing_as_much_of_the_question_leave_the_phrase_where_it_is() -> None:
    sentence = "Sales rose 5% in Germany, while sales fell 2% in France."
    newton = "Manning was the #1 selection of the 1998 NFL draft, while Newton was picked first in 2011."
    question = "When was Newton the first selection in the NFL Draft?"  # the clause of the one it is asked of
    assert clause_asked_about(question, newton, _at(newton, "2011")) is None
    mars = "Coldplay headlined, with special guest performers Beyoncé and Bruno Mars, who headlined before."
    question = "What other former halftime show performer joined Coldplay and Beyoncé?"  # a list, not a clause
    assert clause_asked_about(question, mars, _at(mars, "Bruno Mars")) is None
    assert clause_asked_about("How much did sales change?", sentence, _at(sentence, "2%")) is None
    deficits = "Germany's deficit will fall to 2.9%, while France's is forecast to drop to 3%."
    clause = clause_asked_about("What is France's deficit forecast to drop to?", deficits, _at(deficits, "2.9%"))
    assert clause is not None and deficits[slice(*clause)].startswith("France's is forecast")


def test_a_phrase_joining_the_parts_itself_stands() -> None:
    sentence = "The plague spread to Germany and Scandinavia between 1348 and 1350."
    question = "Where was the disease spreading between 1348 and 1350?"
    assert clause_asked_about(question, sentence, _at(sentence, "Germany and Scandinavia")) is None


def test_a_clause_going_on_to_another_thing_after_and_the_is_a_part() -> None:
    sentence = (
        "The new commissioning editor for documentaries will be based in Bristol and the daytime commissioning editor "
        "will be in Birmingham."
    )
    question = "Where will the commissioning editor for documentaries be based?"
    clause = clause_asked_about(question, sentence, _at(sentence, "Birmingham"))
    assert clause is not None and "Bristol" in sentence[slice(*clause)] and "Birmingham" not in sentence[slice(*clause)]


def test_a_contrast_opens_a_clause_whatever_its_verb() -> None:
    donations = (
        "The Conservatives were in second place with donations totalling £4,610,849, while the Liberal Democrats "
        "received just over £1m."
    )
    clause = clause_asked_about("How much did the Conservatives receive?", donations, _at(donations, "£1m"))
    assert clause is not None and donations[slice(*clause)].endswith("£4,610,849")
    joined = "The Conservatives took £4m and the Liberal Democrats received £1m."  # "and": a verb of its own needed
    assert clause_asked_about("How much did the Conservatives receive?", joined, _at(joined, "£1m")) is None


def test_a_contrast_with_the_same_subjects_doing_opens_no_clause() -> None:
    newton = (
        "Cam Newton had one of his best seasons, rushing for 636, while recording a career-high 45 total touchdowns."
    )
    question = "What is the record number of touchdowns Cam Newton has had?"
    assert clause_asked_about(question, newton, _at(newton, "45")) is None
