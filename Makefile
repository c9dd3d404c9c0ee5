# newsdump — `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
CORPORA ?= $(wildcard $(SHARED)/corpus/*-dev)
EVAL_DIR ?= build/eval

.PHONY: install run test lint typecheck unit eval train bench fuzz clean

$(BIN)/newsdump: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: $(BIN)/newsdump  ## a .venv with newsdump and the test tools

run: install  ## the main job on the shipped examples
	$(BIN)/newsdump extract examples/

lint: install
	$(BIN)/ruff check newsdump tests tools
	$(BIN)/ruff format --check newsdump tests tools

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit  ## ruff, mypy, pytest

eval: install  ## extract (cross-validated) over every corpus and style, then score
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python tools/eval.py --shared $(SHARED) --out $(EVAL_DIR)

train: install  ## retrain the shipped classifier and headline ranker on the dev corpora
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python tools/train.py --shared $(SHARED) --cv 5
	$(BIN)/python tools/train.py --shared $(SHARED)
	$(BIN)/python tools/train_headline.py --shared $(SHARED) --cv-dir build/cv --ship

bench: install  ## throughput, scaling and memory vs trafilatura and the read floor (long)
	$(BIN)/python tools/bench.py --shared $(SHARED)
	$(BIN)/python tools/memcheck.py

fuzz: install  ## fuzz the readers for FUZZ_SECONDS (default 120); crashes go to build/fuzz/
	$(BIN)/python tools/fuzz.py --seconds $(or $(FUZZ_SECONDS),120)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
