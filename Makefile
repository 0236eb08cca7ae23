# Everyday loop: `make check` (lint + types + tests). README's two commands: `make run`
# (set up what the product needs, load the glossary, serve the web app) and `make test`
# (set up that and the test tools, pass the tests).
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: setup setup-test run test lint check system-deps bench clean

# What the product needs to run (the `run` extra: the Japanese and Korean analysers).
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[run]"
	touch $@

# Also the test tools, PostgreSQL's driver and the browser tests' client (`all`).
$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e ".[all]"
	touch $@

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-test

run: setup
	$(BIN)/glossary init
	$(BIN)/glossary serve

system-deps:
	bash scripts/system-deps.sh

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy glossary webapp

test: setup-test system-deps lint
	$(PY) -m pytest

check: test

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache
