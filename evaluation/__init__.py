"""Evaluation: question sets asked of an Assistant, every answer scored, summarised, reported and compared.

It stands above the assistant (it takes an Assistant and only calls it), like sentence-transformers' evaluators:
``question_sets`` reads the questions, ``run`` asks and scores them, ``metrics`` defines each measure, ``results``
holds the rows and summary, ``report`` writes the files, ``compare`` holds a run against an earlier one.
"""

from evaluation.results import EvalResult, QuestionResult, Summary
from evaluation.run import EvaluationError, evaluate

__all__ = ["EvalResult", "EvaluationError", "QuestionResult", "Summary", "evaluate"]
