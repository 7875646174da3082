"""The role a "Who…?" question asks about, and whether a phrase is part of that verb's clause (spaCy's parse)."""

from __future__ import annotations

from assistant.question.role import Role, asked_role, in_the_verbs_clause


def test_a_verb_the_parse_takes_for_a_noun_after_an_auxiliary_is_the_verb_asked_about() -> None:
    # spaCy's small model tags "play" a noun after "Hearts of Oak"
    role = asked_role("Who will Hearts of Oak play in the Confederation Cup final?")
    assert role is not None and (role.verb, role.subject) == ("play", False)
    assert asked_role("Who is the chairman of the club?") is None  # "be" asks about no doing


def test_a_phrase_is_in_the_verbs_clause_only_as_part_of_that_verb() -> None:
    sentence = "The win for Hearts means they will play Asante Kotoko in the two-leg final."
    at = sentence.index("Asante Kotoko")
    assert in_the_verbs_clause("play", sentence, (at, at + len("Asante Kotoko")))
    scoring = "Deportivo coach Javier Irureta said: we have now gone six games at home without scoring."
    at = scoring.index("Javier Irureta")
    assert not in_the_verbs_clause("score", scoring, (at, at + len("Javier Irureta")))
    assert isinstance(asked_role("Who scored the goal?"), Role)
    until = "Both clubs have until 23 December to respond."
    at = until.index("23 December")
    assert in_the_verbs_clause("respond", until, (at, at + len("23 December")))  # through "have … to"
