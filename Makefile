# Two commands take a fresh clone to a running app and a passing suite: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# When the window cannot start (on Linux, usually a missing xcb library), say which packages to install.
run: $(STAMP)
	@$(VENV)/bin/factcheck-gui --seed || { status=$$?; $(PY) -m ui.platform_check; exit $$status; }

# The architecture contracts, the linter and the type checker first: they fail in seconds.
# Then the whole suite, then the core's tests again with Qt unimportable.
test: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/ruff check --no-cache .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(PY) -m pytest -q -c tests/without_qt.ini --rootdir=.

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks

# Retrain the check-worthiness models from ../shared/data/checkworthy (minutes; not part of `make test`):
# prints the cross-validated figures, writes factcheck/analysis/models/*.npz and the test fixture.
model: $(STAMP)
	$(PY) -m pip install --quiet -e '.[train]'
	$(PY) -m training.train_claim_model

clean:
	rm -rf $(VENV) build *.egg-info
