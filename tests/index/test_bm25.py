"""BM25 that takes writes (unit): scores equal bm25s's on the same texts, and an index updated by interleaved
writes, deletes and replacements (then merged, saved and loaded) ranks exactly as one built anew from the texts it
then holds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import bm25s
import numpy as np
import pytest

from index.bm25 import LexicalIndex, tokenize
from tests.support import ROOT

QUESTIONS = [
    "Which NFL team represented the AFC at Super Bowl 50?",
    "Who was the Super Bowl 50 MVP?",
    "What river runs through Warsaw, and Warsaw's old town?",
    "How many museums are in Warsaw?",
    "When did Tesla move to New York?",
]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """3,000 sentences of the seed article's words, drawn with a long tail as news words are (seeded), and two with
    no indexable word."""
    words = re.findall(r"[A-Za-z']+", (ROOT / "seeds" / "kremlin-foreign-troops.txt").read_text(encoding="utf-8"))
    words += ["NFL", "AFC", "Super", "Bowl", "MVP", "Warsaw", "museum", "river", "Tesla", "York", "tram"]
    vocabulary = sorted(set(words))
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    rng = random.Random(3000)
    texts = [" ".join(rng.choices(vocabulary, weights, k=rng.randint(3, 30))) + "." for _ in range(3000)]
    return [*texts, "the of and", "…"]


def _ranking(index: LexicalIndex, question: str, ids: list[str]) -> dict[str, float]:
    scores = index.scores(question)
    return {i: float(scores[index.position(i)]) for i in ids}  # type: ignore[index]


def test_scores_are_bm25s_scores(sentences: list[str]) -> None:
    ours = LexicalIndex([f"s{n}" for n in range(len(sentences))], sentences)
    theirs = bm25s.BM25()
    theirs.index(tokenize(sentences), show_progress=False)
    for question in QUESTIONS:
        known = [t for t in tokenize([question])[0] if t in theirs.vocab_dict]
        np.testing.assert_allclose(ours.scores(question), theirs.get_scores(known), atol=1e-5)


def test_an_index_updated_by_writes_deletes_and_replacements_ranks_as_a_full_rebuild(
    sentences: list[str], tmp_path: Path
) -> None:
    rng = random.Random(30)
    held = {f"s{n}": text for n, text in enumerate(sentences[:2000])}
    index = LexicalIndex(list(held), list(held.values()))
    spare = iter(sentences[2000:])
    for step in range(12):
        added = {f"w{step}-{n}": next(spare) for n in range(rng.randint(1, 60))}
        replaced = {i: held[i] + " Warsaw museum tram" for i in rng.sample(sorted(held), 15)}
        removed = rng.sample(sorted(set(held) - set(replaced)), rng.randint(0, 80))
        news = {**added, **replaced}
        index = index.updated(list(news), list(news.values()), removed)
        held = {i: t for i, t in held.items() if i not in removed} | news
        if step == 6:
            index = index.merged()  # a merge midway: the later writes go on top of it
    rebuilt = LexicalIndex(list(held), list(held.values()))
    index.save(tmp_path / "saved")
    loaded = LexicalIndex.load(tmp_path / "saved")
    assert index.live == rebuilt.live == loaded.live == len(held)
    for question in QUESTIONS:
        expected = _ranking(rebuilt, question, list(held))
        for seen in (index, index.merged(), loaded):
            got = _ranking(seen, question, list(held))
            assert got == pytest.approx(expected, abs=1e-6)
            order = sorted(held, key=lambda i: (-expected[i], i))[:20]
            assert sorted(held, key=lambda i: (-got[i], i))[:20] == order
    assert all(index.position(i) is None for i in removed)  # deleted: no position, and scored 0 where they were


def test_an_empty_index_takes_its_first_document() -> None:
    empty = LexicalIndex([], [])
    assert len(empty) == 0 and empty.scores("Warsaw").size == 0
    one = empty.updated(["a"], ["The Warsaw museum opened."], [])
    assert one.scores("Warsaw")[one.position("a")] > 0  # type: ignore[index]
    assert not one.updated([], [], ["a"]).scores("Warsaw").any()


def test_a_terms_idf_is_what_its_scores_weigh_it_by_counting_only_live_documents() -> None:
    index = LexicalIndex(["a", "b", "c"], ["Warsaw trams run late.", "Warsaw museums open.", "Tesla moved."])
    (warsaw,), (tesla,) = tokenize(["Warsaw", "Tesla"])
    assert index.idf(tesla) > index.idf(warsaw) > 0
    assert index.idf("zzz-never-indexed") > index.idf(tesla)
    # one document holding the term once: its score is idf · tf / (norm + tf), so the idf is the score's upper bound
    assert 0 < index.scores("Tesla")[index.position("c")] < index.idf(tesla)
    assert index.updated([], [], ["a"]).idf(warsaw) == pytest.approx(index.updated([], [], ["a"]).idf(tesla))
