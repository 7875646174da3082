"""What something is called (unit): the thing a question asks the name of and the name a sentence gives it."""

from __future__ import annotations

import pytest

from assistant.question.called import asked_called, called_in, may_name


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("What is the George Michael documentary called?", "documentary"),
        ("What is the name of the band's new album?", "album"),
        ("What will the new airline be called?", "airline"),
        ("What was the name of the story from the third Torchwood series?", "story"),  # not "series"
        ("What is the name of the museum for Near Eastern studies, that is owned by the university?", "museum"),
        ("What was the Kremlin called?", None),  # a name already: it asks what it was called before, not this
        ("Who is the documentary about?", None),
        ("Which award will Daniel Day-Lewis receive?", "award"),  # a prize asked for is asked by its name
        ("What prize did she win?", "prize"),
        ("Which film is being turned into a musical?", "film"),  # which work something is
        ("Which film won best picture?", None),  # which one did something: the reader's, and the role's
        ("Which film did Jennifer Lopez miss the premiere of?", "film"),  # a titled work someone did something with
        ("Which game did the Broncos win?", None),  # a game is a match too
        ("What is Mick Mars's real name?", "real name"),
        ("Which programme did Kennedy appear on?", "programme"),  # a programme is known by its name
        ("Which show did Little Britain beat at the awards?", None),  # "the BBC show" may be any show
    ],
)
def test_the_thing_asked_the_name_of(question: str, thing: str | None) -> None:
    assert asked_called(question) == thing


@pytest.mark.parametrize(
    ("thing", "sentence", "name"),
    [
        ("film", "The film, A Different Story, chronicles Michael's life and career.", "A Different Story"),
        (
            "documentary",
            "A candid documentary about the life of singer George Michael, A Different Story will also be screened.",
            "A Different Story",
        ),
        ("album", "His new album, called Out of Exile, is released next week.", "Out of Exile"),
        (
            "channel",
            "The resulting channel, called Arts & Entertainment Television, launched.",
            "Arts & Entertainment Television",
        ),
        ("plateau", "It is the edge of moraine plateau called Warsaw Escarpment.", "Warsaw Escarpment"),
        ("documentary", "A documentary about George Michael will be shown at the Berlin Film Festival.", None),
        ("documentary", "The documentary, which was made by the BBC, is long.", None),
        ("university", "Faculty collaborate with the university, In 2013, the university announced it.", None),
        # a prize is named with its noun, before it
        ("award", "He will be presented with the Berlinale Camera award on 15 February.", "the Berlinale Camera award"),
        ("prize", "She won the Turner Prize last year.", "the Turner Prize"),
        ("award", "He is to be presented with an award for his career at the Berlin Film Festival.", None),
        ("documentary", "It screened the George Michael documentary on Friday.", None),  # not before other nouns
        # the name its clause is about, after its noun
        ("film", "The classic film It's A Wonderful Life is to be turned into a musical.", "It's A Wonderful Life"),
        ("film", "He beat the film Sideways to the award.", None),  # a name not followed by its verb
        # the name after its noun, the phrase ending with it
        ("film", "He is currently directing the film Serenity, based on his series Firefly.", "Serenity"),
        # the name opening the sentence, its noun after it
        (
            "alliance",
            "Called the Marlin Joint Development Association, the alliance will define basic specifications.",
            "Marlin Joint Development Association",
        ),
        ("alliance", "Called in to help, the alliance will meet.", None),
        ("alliance", "Called the Marlin Association, the firms said it would set rules.", None),  # another noun
        (  # a title with its question mark, the sentence ending with it or going on
            "film",
            "The actress has now cancelled all European promotion of the film Shall We Dance?",
            "Shall We Dance",
        ),
        ("film", "She cancelled promotion of the film Shall We Dance? and her new album.", "Shall We Dance"),
        ("real name", "Mars - real name Bob Allen Deal - underwent hip replacement surgery.", "Bob Allen Deal"),
        ("real name", "The singer, born Reginald Dwight, is 57.", "Reginald Dwight"),
        ("real name", "Mars underwent hip replacement surgery.", None),
        ("real name", "Born Jocelyn Stoker, the Devon diva started her career on the BBC.", "Jocelyn Stoker"),
        ("real name", "Born in 1987, she started her career on the BBC.", None),
        # a programme named before its noun, not a broadcaster's letters
        (
            "programme",
            "He made his comments at the start of a day of appearances on Channel Five in a session on The Wright "
            "Stuff programme.",
            "The Wright Stuff",
        ),
        ("programme", "Earlier, Mr Kennedy told Radio 4's Today programme there was no chance of it.", "Today"),
        ("programme", "He spoke on the BBC programme last night.", None),
        ("album", "Size, whose New Forms album won the 1997 Mercury Music Prize, said so.", "New Forms"),
    ],
)
def test_the_name_a_sentence_gives(thing: str, sentence: str, name: str | None) -> None:
    found = called_in(thing, sentence)
    assert (found.text if found else None) == name
    if found is not None:
        assert sentence[found.start : found.end] == name


def test_a_story_may_name_the_thing_by_its_noun_or_a_real_name_by_birth() -> None:
    assert may_name("film", "The classic film is to be turned into a musical.")
    assert not may_name("film", "The musical opens next year.")
    assert may_name("real name", "Born Jocelyn Stoker, the Devon diva started her career on the BBC.")
    assert not may_name("real name", "Joss Stone is a soul artist.")


def test_the_name_a_sentence_gives_is_never_one_the_question_gives_itself() -> None:
    sentence = (
        "The low-budget horror film Boogeyman has knocked Robert de Niro thriller Hide and Seek from the top spot, "
        "ahead of the film Hotel Rwanda."
    )
    assert called_in("film", sentence).text == "Boogeyman"
    found = called_in("film", sentence, "Which film did Boogeyman knock from the top spot?")
    assert found is not None and found.text == "Hotel Rwanda"  # the next one the sentence names
