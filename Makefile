# Quick start: `make demo` runs the main job on the bundled sample; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := out/sukien.db

.PHONY: demo test browser-deps bench-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/sukien run examples/seeds examples/vims-sample.jsonl --db $(DB)
	$(BIN)/sukien events --db $(DB)
	$(BIN)/sukien report --db $(DB) -o out/report.html

browser-deps:
	@bash scripts/install-chromium.sh

test: $(VENV)/.installed-dev browser-deps
	$(BIN)/python -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

bench-deps: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev,bench]'

clean:
	rm -rf out build dist src/*.egg-info .pytest_cache
