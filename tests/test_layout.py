"""The layout's rules are checked, not just written down: the import contracts pass on the tree as it is and fail
when a module imports upwards: the assistant importing the web interface, or a step of a question importing a later
one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("assistant", "benchmarks", "evaluation", "index", "ui")


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--no-logo", "--config", str(tree / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the packages and pyproject.toml, to break on purpose."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_contracts_hold_and_catch_an_upward_import(tree: Path) -> None:
    kept = _lint(tree)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    answer = tree / "assistant" / "answers" / "fact.py"
    answer.write_text(answer.read_text() + "\nfrom ui.render import escape_markdown  # noqa: E402, F401\n")
    broken = _lint(tree)
    assert broken.returncode == 1
    assert "Packages: benchmarks, then ui, then evaluation, then assistant, then index BROKEN" in broken.stdout
    assert "assistant.answers.fact -> ui.render" in broken.stdout


def test_a_step_importing_a_later_step_breaks_the_question_flow(tree: Path) -> None:
    select = tree / "assistant" / "evidence" / "select.py"
    select.write_text(select.read_text() + "\nfrom assistant.answers.citations import cited_text  # noqa: E402, F401\n")
    broken = _lint(tree)
    assert broken.returncode == 1
    assert "Assistant: the steps in a question's order" in broken.stdout and "BROKEN" in broken.stdout
    assert "assistant.evidence.select -> assistant.answers.citations" in broken.stdout


def test_the_old_path_to_evaluate_says_where_it_moved() -> None:
    with pytest.raises(ImportError, match="from evaluation import evaluate"):
        from assistant import evaluate  # noqa: F401
