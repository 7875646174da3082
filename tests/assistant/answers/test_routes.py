"""The routing table agrees with the shapes: every kind of answer has one route, every route's kind is one a
question can be given, and a language model is told each shape it may write."""

from __future__ import annotations

import pytest

from assistant.answers.routes import ROUTES, llm_use
from assistant.llm.prompts import load_prompts
from assistant.question.shape import RULES, Shape
from assistant.settings import PROJECT_ROOT
from assistant.types import KINDS, Answer, Citation


def test_every_kind_has_one_route_and_every_route_a_rule_that_gives_it() -> None:
    assert set(ROUTES) == set(KINDS)
    assert {rule.kind for rule in RULES} == set(ROUTES), "a route no question can take, or a shape with no route"


def test_every_shape_a_language_model_may_write_has_its_instruction() -> None:
    prompts = load_prompts(PROJECT_ROOT / "prompts")
    written = {kind for kind, route in ROUTES.items() if route.llm is not None}
    assert written <= set(prompts.shapes), f"prompts/shapes.txt lacks {written - set(prompts.shapes)}"


def test_a_list_naming_no_topic_lists_what_one_article_mentions() -> None:
    route = ROUTES["list"]
    assert route.source_for(Shape("list", topic="Which companies did Yukos sue", labels=("ORG",))) == "names"
    assert route.source_for(Shape("list", labels=("ORG",))) == "article_names"
    assert ROUTES["summary"].source_for(Shape("summary")) == "article"


def _answer(kind: str, cited: bool = True, abstained: bool = False) -> Answer:
    citation = Citation(n=1, article_id="a", title="t", sentence="s", start=0, end=1, score=1.0)
    return Answer(question="q", text="t", kind=kind, citations=[citation] if cited else [], abstained=abstained)


@pytest.mark.parametrize(
    ("route", "answer", "use"),
    [
        ("fact", _answer("fact"), "draft"),
        ("fact", _answer("fact", abstained=True, cited=False), None),  # never an abstention
        ("summary", _answer("summary"), "reshape"),
        ("list", _answer("fact"), None),  # a list answered in words, as a fact: shown as it is
        ("definition", _answer("definition", cited=False), None),  # nothing cited to write from
        ("article", _answer("article"), None),  # the record is said as it is
    ],
)
def test_how_a_language_model_may_write_an_answer(route: str, answer: Answer, use: str | None) -> None:
    assert llm_use(ROUTES[route], answer) == use
