# Quick start: `make site` builds the site from seeds/ into site/; `make test` runs every test.
# Both create .venv in the repository if it is missing and install the project into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.sitegen-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint golden eval bench clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/sitegen build seeds --docs-dir site_src --config-file mkdocs.yml

serve: site
	$(BIN)/mkdocs serve

lint: $(STAMP)
	$(BIN)/ruff check sitegen tests scripts
	$(BIN)/mypy

test: lint browser
	$(BIN)/python -m pytest

# The browser tests use Debian's Chromium (never `playwright install`); install it as root.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && apt-get install -y --no-install-recommends chromium; \
	  else \
	    echo "Chromium is missing: browser tests will skip (run 'sudo make browser')"; \
	  fi; }

# Regenerate the golden Markdown of the seed site (review the diff before committing).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

eval: $(STAMP)
	$(BIN)/python scripts/eval_times.py
	$(BIN)/python scripts/eval_entities.py
	$(BIN)/python scripts/eval_coref.py

clean:
	rm -rf site

# Benchmark N = 100 and 1,000 articles (several minutes); figures go into BENCHMARKS.md.
# Then reader scale at N = 1,000 and 10,000 archive articles (search in Chromium, build, serve;
# docs/scale.md); SCALE_ARGS="--cache DIR" copies a warm analysis cache instead of running spaCy.
SCALE_ARGS ?=
bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_scale.py $(SCALE_ARGS)
