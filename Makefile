# The two commands of the README. Both create .venv themselves on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EXAMPLE := examples/ankara-moscow-1920
OUT    := out/ankara-moscow-1920

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/vesika analyze $(EXAMPLE) --out $(OUT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench

test: lint
	$(BIN)/pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/lineage.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/entities.py
	$(BIN)/python bench/citations.py
	$(BIN)/python bench/article.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
