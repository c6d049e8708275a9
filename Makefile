# Quick start: `make site` builds the site from seeds/ into site/; `make test` runs every test.
# Both create .venv in the repository if it is missing and install the project into it.
# `make test-fast` runs the unit tier only (docs/contributing.md); `make docs` builds docs/.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.sitegen-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test test-fast lint docs golden eval bench clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/sitegen build seeds --docs-dir site_src --config-file mkdocs.yml

serve: site
	$(BIN)/mkdocs serve

# ruff, mypy, the import contracts of pyproject.toml (import-linter) and declared dependencies.
lint: $(STAMP)
	$(BIN)/ruff check sitegen tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo --no-cache
	$(BIN)/deptry .

test: lint browser docs
	$(BIN)/python -m pytest

# The unit tier: in-memory tests and blank pipelines, no model, no MkDocs build (a few minutes).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m unit

# The maintainers' documentation in docs/ (its own MkDocs configuration), built strictly.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict --config-file mkdocs-dev.yml

# The browser tests use Debian's Chromium (never `playwright install`); install it as root.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && apt-get install -y --no-install-recommends chromium; \
	  else \
	    echo "Chromium is missing: browser tests will skip (run 'sudo make browser')"; \
	  fi; }

# Regenerate the golden Markdown of the seed and of the small multi-article corpus
# (tests/golden/seed/ and tests/golden/corpus/; review the diff before committing).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

# HeidelTime runs beside sitegen's tagger when Java is installed (Debian: default-jre-headless).
eval: $(STAMP)
	@if command -v java >/dev/null; then $(BIN)/python -m pip install --quiet -e '.[eval]'; \
	else echo "java is missing: HeidelTime is left out of the time evaluation"; fi
	$(BIN)/python scripts/eval_times.py
	$(BIN)/python scripts/eval_entities.py
	$(BIN)/python scripts/eval_coref.py
	$(BIN)/python scripts/eval_topics.py
	$(BIN)/python scripts/eval_archive.py bcubed
	$(BIN)/python scripts/eval_archive.py top --show 60

clean:
	rm -rf site build/dev-docs

# Benchmark the corpus (N = 100 and 1,000, composed beyond its 103 articles) and the real
# archive (its first 1,000 articles and all 5,741: about an hour); figures go into
# docs/benchmarks.md. Then reader scale at N = 1,000 and 10,000 archive articles (search in
# Chromium, build, serve; docs/scale.md); SCALE_ARGS="--cache DIR" copies a warm analysis cache
# instead of running spaCy. The distributed benchmark (N = 10,000, one process against a
# 2-worker Dask cluster) is scripts/bench_distributed.py, run on its own (docs/distributed.md).
ARCHIVE ?= ../shared/archive/wikinews.jsonl
SCALE_ARGS ?=
bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench.py --archive $(ARCHIVE) --sizes 1000 5741
	$(BIN)/python scripts/bench_scale.py $(SCALE_ARGS)
