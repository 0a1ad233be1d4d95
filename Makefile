# Two commands for a fresh clone:  make run   (set up + build seeds/ into outputs/)
#                                  make test  (set up + run the whole test suite)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.graphbuild-installed

.PHONY: run test lint screenshot clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/graphbuild build seeds -o outputs

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check graphbuild tests benchmarks
	$(BIN)/python -m mypy

# docs/ pictures: the default view of a synthetic corpus-sized graph, one person expanded, the seed article
screenshot: run
	$(BIN)/python scripts/screenshot.py --synthetic 5000 docs/graph-overview.png
	$(BIN)/python scripts/screenshot.py --synthetic 5000 docs/graph-person.png --focus "Person 134" --expand
	$(BIN)/python scripts/screenshot.py outputs/graph.html docs/graph-article.png --doc 0

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
