"""Two sentences that state one thing differently (unit): the one value that differs, or None where they agree, are
not the same sentence, or differ in a way not read with confidence. The agreeing pairs are real BBC sentences told
twice (bbc-dev), and the ones a looser reading would flag."""

from __future__ import annotations

import pytest

from assistant.evidence.disagreement import Difference, difference

DIFFER = [
    ("The Coalition counted 26 allies in the region.", "The Coalition counted 24 allies in the region.",
     Difference("number", "26", "24")),
    ("Profits jumped 76% to $1.13bn in the quarter.", "Profits jumped 70% to $1.13bn in the quarter.",
     Difference("number", "76%", "70%")),
    ("Two mine-clearers were killed near the border.", "Three mine-clearers were killed near the border.",
     Difference("number", "Two", "Three")),
    ("Talks will resume on Thursday, officials said.", "Talks will resume on Friday, officials said.",
     Difference("date", "Thursday", "Friday")),
    ("The show runs from 6 to 9 January in Las Vegas.", "The show runs from 6 to 10 January in Las Vegas.",
     Difference("date", "9", "10")),
    ("He was born in Lyon in 1972, his agent said.", "He was born in Lyon in 1973, his agent said.",
     Difference("date", "1972", "1973")),
    ("The board named Sergio Marchionne as chief executive of Fiat on Tuesday.",
     "The board named Paolo Fresco as chief executive of Fiat on Tuesday.",
     Difference("name", "Sergio Marchionne", "Paolo Fresco")),
    ("The mission has not been approved by parliament.", "The mission has been approved by parliament.",
     Difference("negation", "it did not", "it did")),
    ("Yukos will appeal against the ruling, its lawyers said.", "Yukos won't appeal against the ruling, its "
     "lawyers said.", Difference("negation", "it did", "it did not")),
]  # fmt: skip

AGREE = [
    # the same value written another way, or rounded
    ("Its debts were 4bn euros when it collapsed.", "Its debts were 4 billion euros when it collapsed."),
    ("Some 1.4m workers could strike next week.", "Some 1.4 million workers could strike next week."),
    ("Profits jumped 76% to $1.13bn in the quarter.", "Profits jumped 76% to $1.1bn in the quarter."),
    # said roughly, or a conversion into another currency (bbc-business-409/490, -458/492)
    ("South Korea's economy will grow 4.5% this year.", "South Korea's economy will grow about 4% this year."),
    ("It was 4 billion euros (£2.8bn; $4.8bn) in debt.", "It was 4 billion euros ($5.2bn; £2.8bn) in debt."),
    # one man named two ways; a name in a stock phrase (bbc-politics-268/281); a team sheet (bbc-sport-311/323)
    ("Tony Blair said he would stay on as leader.", "Mr Blair said he would stay on as leader."),
    ("Mr Milburn told BBC Radio 4's Today show.", "Mr Knapman told BBC Radio 4's Today programme."),
    ("F Sheahan, M Horan, D O'Callaghan, E Miller, G Easterby, D Humphreys, G Duffy.",
     "F Sheahan, M Horan, D O'Callaghan, E Miller, G Easterby, D Humphreys, K Maggs."),
    # two values change, or different kinds of value, or not the same sentence at all
    ("Sales rose 5% to $20bn in 2004.", "Sales rose 4% to $21bn in 2004."),
    ("The talks resume on Monday in Geneva.", "The talks resume on 12 in Geneva."),
    ("Shares in the firm rose 5% on Monday.", "The weather in Geneva was cold on Monday."),
    ("The same sentence, told twice by two outlets.", "The same sentence, told twice by two outlets."),
]  # fmt: skip


@pytest.mark.parametrize(("first", "second", "said"), DIFFER)
def test_one_value_stated_differently_is_found(first: str, second: str, said: Difference) -> None:
    assert difference(first, second) == said


@pytest.mark.parametrize(("first", "second"), AGREE)
def test_sentences_that_agree_or_differ_beyond_one_value_are_not_said_to_differ(first: str, second: str) -> None:
    assert difference(first, second) is None
    assert difference(second, first) is None
