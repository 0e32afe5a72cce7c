# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# only the data files of this wheel are used (slovnet's Russian syntax/morph models and navec vectors,
# assets/media/sentence_syntax.py): installed without its dependencies (pymorphy2 fails on Python 3.11)
NATASHA := 1.6.0
export DAGSTER_HOME := $(CURDIR)/dagster_home
export MONITOR_HOME := $(CURDIR)
export GX_ANALYTICS_ENABLED := false
export DAGSTER_DISABLE_TELEMETRY := 1

.PHONY: run test test-slow test-all dev install lock clean report backfill benchmark bench

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps "natasha==$(NATASHA)"
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## The whole pipeline on the bundled example data, then the report.
run: $(STAMP)
	$(BIN)/monitor run --example

## The tests of every change: all but those marked slow (docs/testing.md, "Two tiers"); CI runs both tiers.
test: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not slow"

## The slow tier: other processes and servers, whole runs repeated or compared, growth, the article corpus.
test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m slow

## Both tiers in one run (what .ci/run checks, in two steps).
test-all: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

## The Dagster UI on http://127.0.0.1:3000 (dg warns unless the project's venv is the active one: make it so)
dev: $(STAMP)
	cd $(CURDIR) && VIRTUAL_ENV=$(CURDIR)/$(VENV) PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/dg dev --host 127.0.0.1 --port $(or $(PORT),3000)

## Re-render only the report of one period: make report PERIOD=2017
report: $(STAMP)
	$(BIN)/monitor report --period $(or $(PERIOD),2017)

## Backfill a range of periods: make backfill FROM=2014 TO=2016
backfill: $(STAMP)
	$(BIN)/monitor backfill --from $(FROM) --to $(TO)

## Quick timing table of the core stages (one run per size): make benchmark
benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py

## The benchmark of issue 15 -> BENCHMARKS.md (minutes; not in `make test`). make bench ARGS=--million adds 1M cards.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --json benchmarks/results.json $(ARGS)

## Regenerate the lock from pyproject's pins (needs the package index).
lock:
	rm -rf /tmp/lockenv && $(PYTHON) -m venv /tmp/lockenv
	/tmp/lockenv/bin/python -m pip install --quiet --upgrade "pip==26.3"
	/tmp/lockenv/bin/python -m pip install --quiet ".[test]"
	/tmp/lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^assembly-monitor' > requirements.lock

clean:
	rm -rf build dagster_home/storage dagster_home/history dagster_home/schedules dagster_home/logs
