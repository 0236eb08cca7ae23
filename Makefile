# Everyday loop: `make check` (lint + types + tests). README's two commands: `make run`
# (set up, load the glossary, serve the web app) and `make test` (set up, pass the tests).
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: setup run test lint check system-deps bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[all]"
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/glossary init
	$(BIN)/glossary serve

system-deps:
	bash scripts/system-deps.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy glossary webapp

test: setup system-deps lint
	$(PY) -m pytest

check: test

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache
