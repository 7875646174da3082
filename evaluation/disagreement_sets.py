"""Make a labelled set for "sources differ": real paragraphs told twice, a week apart, the second time with one fact
changed (the answer to a question: a number, a date or a name) or with nothing the question asks changed.

From SQuAD v1.1 dev (``../shared/eval/squad-dev``): for each paragraph, its first question whose answer is a value
of one of those kinds, the paragraph as an article dated 10 January 2025 and a copy dated 17 January. Half the copies
(alternately) change the answer in its sentence to another value of its kind (``differs: true``, gold answers: both
values); the others agree on it (``differs: false``): they write the same value another way (4bn / 4 billion,
1,500 / 1500, a surname alone), change another sentence's value, or copy the paragraph word for word. The kinds are
read here by plain rules of their own, not by the assistant's reading of them. ``--split tune`` makes the set to tune
on; ``--split test`` (the other titles) the held-out one.

    python -m evaluation.disagreement_sets --split test --out /tmp/differ-test
    news-assistant eval /tmp/differ-test/questions.jsonl --articles /tmp/differ-test/articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SQUAD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "squad-dev"
FIRST, SECOND = "2025-01-10", "2025-01-17"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
_MONTHS += ("November", "December")
_NUMBER = re.compile(
    r"^(?P<pre>[$£€]?)(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<post>%| ?(?:million|billion))?$"
)
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_NAME = re.compile(r"^(?:[A-Z][a-z]+)(?: (?:[A-Z][a-z]+|of|de|van|von))*$")
_COMMON = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "This", "That"}


@dataclass(frozen=True)
class Case:
    """One question over a paragraph and its copy: the copy's text, whether it differs on the answer, the answers."""

    question: dict
    paragraph: dict
    copy: str
    differs: bool
    answers: list[str]
    how: str


def value_kind(answer: str) -> str | None:
    """What kind of value an answer is, by plain rules: a year or day ("date"), a number, a name; else None."""
    if _YEAR.match(answer) or answer in _WEEKDAYS or answer in _MONTHS:
        return "date"
    if _NUMBER.match(answer):
        return "number"
    words = answer.split()
    if _NAME.match(answer) and 2 <= len(words) <= 3 and words[0] not in _COMMON and words[0] not in _MONTHS:
        return "name"
    return None


def changed(answer: str, kind: str, names: list[str], seed: int) -> str | None:
    """Another value of ``answer``'s kind: a year or number moved, a weekday or month the next, another name."""
    if kind == "date":
        for days in (_WEEKDAYS, _MONTHS):
            if answer in days:
                return days[(days.index(answer) + 1 + seed % 3) % len(days)]
        return str(int(answer) + 1 + seed % 4)
    if kind == "number":
        found = _NUMBER.match(answer)
        assert found is not None
        value = int(found["digits"].replace(",", ""))
        new = value + max(1, value // 10) * (1 + seed % 3)
        digits = f"{new:,}" if "," in found["digits"] else str(new)
        return f"{found['pre']}{digits}{found['frac'] or ''}{found['post'] or ''}"
    others = [n for n in names if not set(n.split()) & set(answer.split()) and len(n.split()) == len(answer.split())]
    return others[seed % len(others)] if others else None


def restated(answer: str, kind: str) -> str | None:
    """The same value written another way: thousands with or without commas, a scale in words or short, a name by
    its surname; None when there is no other way here."""
    if kind == "number":
        found = _NUMBER.match(answer)
        assert found is not None
        digits, post = found["digits"], found["post"] or ""
        if "," in digits:
            return f"{found['pre']}{digits.replace(',', '')}{found['frac'] or ''}{post}"
        if post.strip() in ("million", "billion"):
            return f"{found['pre']}{digits}{found['frac'] or ''}{'m' if 'million' in post else 'bn'}"
        if len(digits) >= 4:
            return f"{found['pre']}{int(digits):,}{found['frac'] or ''}{post}"
        return None
    if kind == "name":
        return answer.split()[-1]
    return None


def cases(split: str, limit: int, squad: Path = SQUAD) -> Iterator[Case]:
    """The set's cases, one per paragraph, the first ``limit`` paragraphs with a question answered by a value."""
    paragraphs = {p["id"]: p for p in _rows(squad / "articles.jsonl")}
    questions = list(_rows(squad / f"questions.{split}.jsonl"))
    names = sorted({q["answers"][0] for q in questions if value_kind(q["answers"][0]) == "name"})
    done: set[str] = set()
    made = 0
    for q in questions:
        paragraph, answer, evidence = paragraphs.get(q["article_id"]), q["answers"][0], q.get("evidence") or ""
        kind = value_kind(answer)
        if made >= limit or paragraph is None or kind is None or q["article_id"] in done:
            continue
        text = paragraph["text"]
        once = text.count(evidence) == 1 and evidence.count(answer) == 1
        if not once or not re.search(rf"\b{re.escape(answer)}\b", evidence):
            continue
        done.add(q["article_id"])
        seed = made
        made += 1
        if made % 2:
            new = changed(answer, kind, names, seed)
            if new is None or new == answer:
                made -= 1
                continue
            copy = text.replace(evidence, evidence.replace(answer, new))
            yield Case(q, paragraph, copy, True, [answer, new], f"{kind} changed")
            continue
        again = restated(answer, kind)
        if again is not None:
            copy = text.replace(evidence, evidence.replace(answer, again))
            yield Case(q, paragraph, copy, False, [answer, again], f"{kind} restated")
            continue
        elsewhere = _changed_elsewhere(text, evidence, seed)
        if elsewhere is not None:
            yield Case(q, paragraph, elsewhere, False, [answer], "another sentence changed")
            continue
        yield Case(q, paragraph, text, False, [answer], "word-for-word copy")


def _changed_elsewhere(text: str, evidence: str, seed: int) -> str | None:
    """The paragraph with a number in a sentence other than the answer's moved; None when none has one."""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if evidence in sentence or sentence in evidence:
            continue
        found = re.search(r"\b\d+\b", sentence)
        if found:
            moved = sentence[: found.start()] + str(int(found.group()) + 1 + seed % 3) + sentence[found.end() :]
            return text.replace(sentence, moved, 1)
    return None


def write_set(split: str, out: Path, limit: int = 300, squad: Path = SQUAD) -> tuple[int, int]:
    """Write ``articles.jsonl`` and ``questions.jsonl`` under ``out``; (questions that differ, that agree)."""
    out.mkdir(parents=True, exist_ok=True)
    articles, questions = [], []
    for case in cases(split, limit, squad):
        p, q = case.paragraph, case.question
        articles.append({"id": p["id"], "title": p["title"], "date": FIRST, "text": p["text"]})
        articles.append({"id": f"{p['id']}~copy", "title": f"{p['title']} (update)", "date": SECOND, "text": case.copy})
        questions.append(
            {
                "id": q["id"],
                "question": q["question"],
                "answers": case.answers,
                "article_id": p["id"],
                "evidence": None if case.differs else q.get("evidence"),
                "differs": case.differs,
                "note": case.how,
                "split": split,
            }
        )
    (out / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (out / "questions.jsonl").write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    differ = sum(q["differs"] for q in questions)
    return differ, len(questions) - differ


def _rows(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "test"), required=True, help="SQuAD dev half: test is held out")
    parser.add_argument("--out", type=Path, required=True, help="folder for articles.jsonl and questions.jsonl")
    parser.add_argument("--limit", type=int, default=300, help="paragraphs (questions) in the set")
    parser.add_argument("--squad", type=Path, default=SQUAD, help="the SQuAD dev folder (../shared/eval/squad-dev)")
    args = parser.parse_args(argv)
    differ, agree = write_set(args.split, args.out, args.limit, args.squad)
    print(f"{differ + agree} questions ({differ} whose sources differ, {agree} agreeing) in {args.out}")


if __name__ == "__main__":
    main()
