"""The "Try" questions made from a store's newest stories (``ui/examples.py``): what they ask about, whom, and that
only names from the articles reach them."""

from __future__ import annotations

from dataclasses import replace

from index.store import StoredArticle
from tests.ui.test_render import HOSTILE
from ui.examples import NEWS_QUESTION, example_questions

# Three stories, newest (by publication date) last; what each is about is said the way news copy says it.
STORIES = [
    StoredArticle(
        id="ferry",
        title="Skarvik ferry returns",
        date="2025-03-01",
        text="The Skarvik ferry returned to service on Monday. Crews on the Skarvik route said the refit went well.\n"
        "Passengers praised the new deck.",
    ),
    StoredArticle(
        id="frost",
        title="Frost costs the Vell Growers Union dear",
        date="2025-03-05",
        text="A late frost cost members of the Vell Growers Union 30 tonnes of apples. The Vell Growers Union asked "
        'for help.\nIts chair, Jon Abel, said the losses were the worst in years. "We will replant," Mr Abel said.',
    ),
    StoredArticle(
        id="harbour",
        title="Tessa Marr named harbour master",
        date="2025-03-09",
        text='Tessa Marr, the new harbour master of Lindholm, starts in April. "The harbour must pay its way," said Ms '
        "Marr.\nMarr ran the Lindholm pilots for a decade.",
    ),
]


def test_example_questions_ask_about_the_newest_stories_and_whom_they_name() -> None:
    read: list[str] = []
    stories = {s.id: s for s in STORIES}

    def reader(article_id: str) -> StoredArticle | None:
        read.append(article_id)
        return stories[article_id]

    headers = [replace(s, text="") for s in STORIES]  # the listing has no text; the few newest are read whole
    assert example_questions(headers, reader) == [
        "Who is Tessa Marr?",
        "What's the latest on the Vell Growers Union?",
        "What's the latest on Skarvik?",
    ]
    assert example_questions(headers, reader, count=2, reading=2) == [
        "Who is Tessa Marr?",
        "What's the latest on the Vell Growers Union?",
    ]
    assert read[3:] == ["harbour", "frost"]  # the oldest was not read for two


def test_the_person_a_story_names_most_is_asked_about_when_no_story_is_about_one() -> None:
    frost = STORIES[1]
    assert example_questions([frost], {frost.id: frost}.get) == [
        "What's the latest on the Vell Growers Union?",
        "Who is Jon Abel?",
    ]


def test_an_empty_store_gets_no_example_and_stories_that_name_nothing_a_general_one() -> None:
    assert example_questions([], {}.get) == []
    plain = StoredArticle(id="p", title="rain again", text="it rained. then it rained more.\n")
    assert example_questions([plain], {"p": plain}.get) == [NEWS_QUESTION]
    assert example_questions([plain], {}.get) == [NEWS_QUESTION]  # deleted since it was listed


def test_example_questions_hold_names_only_never_markup() -> None:
    hostile = StoredArticle(
        id="h",
        title="Gulls",
        text=f"{HOSTILE} The Quay Warden counted gulls. The Quay Warden "
        "left.\n<script>Alert Box</script> <b>Alert Box</b>",
    )
    (question,) = example_questions([hostile], {"h": hostile}.get)
    assert question == "What's the latest on the Quay Warden?"


def test_a_capitalised_word_beginning_a_headline_is_no_part_of_the_name_after_it() -> None:
    tennis = StoredArticle(
        id="t",
        title="Edgy Agassi struggles past Dent",
        text="Top seed Andre Agassi won in Dubai. Fans cheered Agassi.\n",
    )
    assert example_questions([tennis], {"t": tennis}.get) == ["What's the latest on Andre Agassi?"]
