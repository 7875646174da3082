"""What a sentence says a name is, read from spaCy's parse."""

from __future__ import annotations

import pytest

from assistant.answers.definition import role_in

STARMER = (
    "UK Prime Minister Sir Keir Starmer described the alliance’s commitment as an “unbreakable pledge,” while NATO "
    "chief Mark Rutte said Russia had “no veto” over the deployment of Western forces in Ukraine."
)


def _role(name: str, sentence: str) -> str | None:
    span = role_in(name, sentence)
    return None if span is None else sentence[span[0] : span[1]]


@pytest.mark.parametrize(
    ("name", "sentence", "role"),
    [
        ("Keir Starmer", STARMER, "UK Prime Minister"),
        ("Mark Rutte", STARMER, "NATO chief"),
        ("Starmer", STARMER, "UK Prime Minister"),
        (
            "Coalition of the Willing",
            "The pledge was unveiled following a summit of 35 countries dubbed the “Coalition of the Willing.”",
            "a summit of 35 countries",
        ),
        (
            "Dmitry Peskov",
            "Dmitry Peskov, the Kremlin spokesperson, said it could not happen.",
            "the Kremlin spokesperson",
        ),
        (
            "Dmitry Peskov",
            "The spokesperson for the Kremlin, Dmitry Peskov, said it could not happen.",
            "The spokesperson for the Kremlin",
        ),
        ("NATO", "NATO is a military alliance of 32 countries.", "a military alliance of 32 countries"),
        (  # a nickname says only that it is a name: the one who goes by it
            "Sloncek",
            "Now the man behind suprnova.org, who goes by the nickname Sloncek, is preparing to release software.",
            "the man behind suprnova.org",
        ),
        (  # named by a participle spaCy hangs the thing on as its subject
            "Tiger",
            "It said two versions of the operating system, codenamed Tiger, were put onto the net in October.",
            "two versions of the operating system",
        ),
        ("Putin", "Hopes dimmed after Russian President Vladimir Putin met Trump in Alaska.", "Russian President"),
        ("Scott Sullivan", "In court, ex-finance chief Scott Sullivan implicated him.", "ex-finance chief"),  # former
        (  # parsed as two subjects of "said": the title is the first
            "Frank-Juergen Weise",
            'The increase "was due primarily to winter", labour office chief Frank-Juergen Weise said.',
            "labour office chief",
        ),
        (  # parsed as the director of Saint-Andre: the post whole
            "Philippe Saint-Andre",
            "Sale Sharks director of rugby Philippe Saint-Andre has re-opened rugby's club-versus-country debate.",
            "Sale Sharks director of rugby",
        ),
        (  # a relative clause of "who was": what it says of them
            "Angela Cannings",
            "The schedule includes a drama about Angela Cannings, who was wrongly convicted of killing two of her "
            "babies.",
            "wrongly convicted of killing two of her babies",
        ),
        ("Jones", "Jones, who is a former miner, left the party.", "a former miner"),
        (  # the thing a name is "of" is no post of theirs
            "Emilio Botin",
            "The trial of Emilio Botin, the chairman of Spain's most powerful bank, Santander Central Hispano, has "
            "started in Madrid.",
            "the chairman of Spain's most powerful bank, Santander Central Hispano",
        ),
        (
            "Brian Carpenter",
            '"We have hardly started," the new chair of the Internet Engineering Task Force (IETF), Brian Carpenter, '
            "says.",
            "the new chair of the Internet Engineering Task Force (IETF)",
        ),
        (  # in apposition to a noun after "with": that noun's phrase, not what it is with
            "Hans Eichel",
            "Gaymard spoke after a meeting with his German counterpart Hans Eichel.",
            "his German counterpart",
        ),
        (  # two posts of one name, each of them
            "Amadeo Fensao",
            "Edu's brother and representative Amadeo Fensao has previously said that Arsenal's offer was short.",
            "Edu's brother and representative",
        ),
        (  # a web address is one token, dots and all
            "latinohiphopradio.com",
            "So, Millan and his friends launched a website called latinohiphopradio.com.",
            "a website",
        ),
        (  # the quotation the phrase opens is closed
            "iPodder",
            'He was one of those who created iPodder, a small computer program, known as an "aggregator".',
            'a small computer program, known as an "aggregator"',
        ),
    ],
)
def test_the_role_a_sentence_gives(name: str, sentence: str, role: str) -> None:
    assert _role(name, sentence) == role


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("Keir Starmer", "Keir Starmer described the commitment as an unbreakable pledge."),
        ("Mark Rutte", "The remarks came after Emmanuel Macron spoke."),  # not named at all
        ("Angela Merkel", STARMER),
        ("Tiger", "Tiger is due to be shipped in early 2005."),  # what it is due to do, not what it is
        ("Jones", "Jones, who said he was happy, left the party."),  # what they did, not what they are
        ("Nomar Garciaparra", "Nomar Garciaparra, who was in the stands to watch her final game, cheered."),
    ],
)
def test_no_role_when_the_sentence_gives_none(name: str, sentence: str) -> None:
    assert _role(name, sentence) is None


def test_never_a_neighbouring_name() -> None:
    sentence = "Sir Keir Starmer, Mark Rutte and Emmanuel Macron met in Paris."
    for name in ("Mark Rutte", "Emmanuel Macron"):
        role = _role(name, sentence)
        assert role is None or not any(other in role for other in ("Starmer", "Rutte", "Macron"))
