# Two commands for a fresh clone:  make run   (set up + build seeds/ into outputs/)
#                                  make test  (set up + run the whole test suite)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.graphbuild-installed

SHARED ?= ../shared
DEVDIR ?= build/devscore

.PHONY: run test lint screenshot clean devscore

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
	$(BIN)/ruff check graphbuild tests benchmarks eval
	$(BIN)/python -m mypy

# docs/ pictures: the default view of a synthetic corpus-sized graph, one person expanded, the seed article
screenshot: run
	$(BIN)/python scripts/screenshot.py --synthetic 5000 docs/graph-overview.png
	$(BIN)/python scripts/screenshot.py --synthetic 5000 docs/graph-person.png --focus "Person 134" --expand
	$(BIN)/python scripts/screenshot.py outputs/graph.html docs/graph-article.png --doc 0

# Score the current code on the project's dev gold (eval/README.md); needs $(SHARED)/data.
devscore: $(STAMP)
	@mkdir -p $(DEVDIR)
	$(BIN)/python eval/dev_corpus.py --shared $(SHARED) --out $(DEVDIR)/dev.jsonl
	$(BIN)/graphbuild build $(DEVDIR)/dev.jsonl -o $(DEVDIR)/out --no-html --processes 1 --no-cache -q
	$(BIN)/python $(SHARED)/eval/score.py news --graph $(DEVDIR)/out/graph.json --gold eval/dev_gold.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
