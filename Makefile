# The two commands of this project (see README.md):
#   make book   execute every notebook in place and build the static book into _build/html
#   make test   unit tests, nbval (stored outputs == a fresh run), a strict book build, and a strict build
#               of the whole book for a second article (a fixture whose quotations hold markup)
# Both create the virtual environment .venv and install requirements.txt when needed.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
SEEDS := $(wildcard seeds/*.txt)
JB := $(BIN)/jupyter-book

.DEFAULT_GOAL := help
.PHONY: help setup notebooks data book test unit nbval build-strict build-fixture check-browser bench texts clean

help:
	@echo "make book           execute the notebooks and build the book into _build/html"
	@echo "make test           unit tests, nbval over notebooks/, strict book build, strict build for a fixture"
	@echo "make check-browser  open every page of the built book in headless Chromium"
	@echo "make bench          measure speed and memory on ../shared/corpus (not part of make test)"
	@echo "make texts          fetch the ABC News stories of the Lee corpus into texts/lee (for tools/corpus_accuracy.py)"
	@echo "make clean          remove build output and caches (keeps .venv)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the requirements or the package metadata change.
$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

setup: $(STAMP)

notebooks: $(STAMP)
	$(BIN)/python tools/run_notebooks.py $(NOTEBOOKS)

# The tables and GraphML files offered for download in the book.
data: $(STAMP)
	rm -rf book/data
	$(BIN)/python -m analysis extract seeds --out book/data --quiet
	cd book/data && ../../$(BIN)/python -m zipfile -c graphml.zip graphml

book: notebooks data
	$(JB) build . --all
	@echo
	@echo "The book is built: open $(CURDIR)/_build/html/index.html"

unit: $(STAMP)
	$(BIN)/python -m pytest tests

nbval: $(STAMP)
	$(BIN)/python -m pytest --nbval notebooks

build-strict: data
	$(JB) build . --all -W -n --keep-going

# The whole book for another article (tests/fixtures/articles/style_markup.txt), built strictly in
# _build/fixture_book and read back for live markup: a template hole or an unescaped quotation fails.
build-fixture: $(STAMP)
	$(BIN)/python tools/build_fixture_book.py

test: unit nbval build-strict build-fixture

check-browser: $(STAMP)
	$(BIN)/python tools/browser_check.py _build/html --screenshots _build/screenshots

bench: $(STAMP)
	$(BIN)/python benchmarks/benchmark.py

# The development gold's ABC News stories (git-ignored; from the pinned gensim wheel on PyPI).
texts: $(STAMP)
	$(BIN)/python tools/fetch_lee.py

clean:
	rm -rf _build book/data .pytest_cache .hypothesis
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +
