# smsdesk: `make run` opens the window, `make test` runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHECKED := smsdesk/domain smsdesk/services smsdesk/db

.PHONY: install run test lint typecheck pytest bench clean package package-test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/smsdesk

lint: $(STAMP)
	$(BIN)/ruff check smsdesk tests benchmarks
	$(BIN)/ruff format --check smsdesk tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy $(CHECKED)

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# `make package`: the PyInstaller bundle dist/smsdesk/ and dist/smsdesk_<version>_<arch>.deb
# (Linux; PyInstaller needs objdump from binutils). `make package-test` installs and runs it.
PACKAGE_STAMP := $(VENV)/.package-stamp

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	@command -v objdump >/dev/null || { echo "make package needs objdump: apt-get install binutils" >&2; exit 1; }
	rm -rf build/smsdesk dist/smsdesk
	$(BIN)/pyinstaller --noconfirm --log-level WARN smsdesk.spec
	packaging/linux/build-deb.sh $(BIN)/python

package-test: package
	packaging/linux/test-deb.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
